package tw.ecpa.keycloak.authenticators.certificate;

import java.util.Optional;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import tw.ecpa.keycloak.core.certificate.AgencyCertificateAccount;
import tw.ecpa.keycloak.model.Agencies;
import tw.ecpa.keycloak.model.PersonnelRecord;

/**
 * Who an agency certificate (機關憑證) logs in as: the agency is the group under {@code /agencies} whose
 * agency OID is the certificate's ({@link Agencies#byOid}), and the login is the agency's
 * {@link AgencyCertificateAccount}, made on the first login of that agency's card the way Keycloak makes
 * a brokered user on first login. The account only ever holds what the agency group says (name, code,
 * membership), refreshed on every login, so a renamed agency shows its new name; an administrator who
 * disables the account switches the agency's card logins off.
 */
final class AgencyCertificateHolder {

    /** A known agency and the account its certificate logs in as. */
    record Agency(GroupModel group, String code) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;

    AgencyCertificateHolder(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The agency whose OID the certificate carries; empty for an OID no agency has (or no code). */
    Optional<Agency> agencyOf(String oid) {
        return new Agencies(session, realm).byOid(oid).map(group -> new Agency(group, Agencies.codeOf(group)));
    }

    /** The agency's account, made now if this is the first login of the agency's card. */
    UserModel accountOf(Agency agency) {
        String username = AgencyCertificateAccount.usernameFor(agency.code());
        UserModel account = session.users().getUserByUsername(realm, username);
        if (account == null) {
            create(username, agency);
            account = session.users().getUserByUsername(realm, username);
            if (account == null) {
                throw new IllegalStateException("the account " + username + " could not be made");
            }
        }
        if (!AgencyCertificateAccount.isOne(account.getUsername(), account.getFirstAttribute(AgencyCertificateAccount.MARKER_ATTRIBUTE))) {
            // The name is reserved, so only an administrator's mistake gets here: never log in as such a user.
            throw new IllegalStateException("the user " + username + " is not an agency-certificate account");
        }
        if (!agency.group().getName().equals(account.getFirstName())) {
            account.setFirstName(agency.group().getName());
        }
        PersonnelRecord.of(account).setAgencyCode(agency.code());
        if (!account.isMemberOf(agency.group())) {
            account.joinGroup(agency.group());
        }
        return account;
    }

    /**
     * Makes the account whole (name, agency code, membership of the agency group) in a transaction of its
     * own, so that of two first logins of the same agency's card at once (on two nodes, say) one makes it
     * and the other, refused by the unique username, finds it complete: had the membership been left to
     * the login's own transaction, both would add it and the second commit would fail on the membership's
     * unique key (ClusterIT).
     */
    private void create(String username, Agency agency) {
        String realmId = realm.getId();
        String groupId = agency.group().getId();
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), session.getContext(), own -> {
                RealmModel ownRealm = own.realms().getRealm(realmId);
                UserModel made = own.users().addUser(ownRealm, username);
                made.setEnabled(true);
                made.setSingleAttribute(AgencyCertificateAccount.MARKER_ATTRIBUTE, AgencyCertificateAccount.MARKER_VALUE);
                made.setFirstName(agency.group().getName());
                PersonnelRecord.of(made).setAgencyCode(agency.code());
                made.joinGroup(ownRealm.getGroupById(groupId));
            });
        } catch (ModelDuplicateException e) {
            // The other login made it first.
        } catch (RuntimeException e) {
            if (session.users().getUserByUsername(realm, username) == null) {
                throw e;
            }
        }
    }
}
