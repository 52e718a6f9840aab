package tw.ecpa.keycloak.authenticators.certificate;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * Where a certificate step finds the realm's certificate settings (trust anchors, issuing CAs, policies,
 * revocation, nonce lifetime, card component): the one authenticator configuration named
 * {@value #ALIAS}, whichever execution it is attached to (the template attaches it to the
 * {@code ecpa home} execution of the browser flow, where the admin console edits it). Keycloak keeps
 * configuration aliases unique in a realm, so the name finds exactly one. So the home page's
 * 憑證登入 box, the step-up 憑證登入 page and card binding check cards alike without the operator
 * keeping copies in step.
 *
 * <p>A realm imported from an older template has no configuration of that name: each step then reads
 * its own execution's configuration, as every step did before, so such a realm logs in as it did.
 * Which of the two a realm uses is logged once, at INFO, with the configuration's alias only.
 */
public final class CertificateSettings {

    /** The alias of the realm's one certificate configuration. */
    public static final String ALIAS = "ecpa-certificate";

    private static final Logger LOG = Logger.getLogger(CertificateSettings.class);
    /** Realm and configuration pairs already logged: a realm's choice is news once, not on every login. */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private CertificateSettings() {
    }

    /** The settings a login step reads: the realm's {@value #ALIAS}, else its own execution's. */
    static AuthenticatorConfigModel of(AuthenticationFlowContext context) {
        return of(context.getRealm(), context.getAuthenticatorConfig());
    }

    /**
     * The realm's {@value #ALIAS}, or, in a realm without it, {@code ownConfig}: the configuration of the
     * execution the step runs as (null when it has none, which leaves nothing trusted).
     */
    public static AuthenticatorConfigModel of(RealmModel realm, AuthenticatorConfigModel ownConfig) {
        Optional<AuthenticatorConfigModel> named = named(realm);
        if (named.isPresent()) {
            logOnce(realm, ALIAS, () -> LOG.infof("Realm %s: the certificate steps read the authenticator configuration '%s'",
                    realm.getName(), ALIAS));
            return named.get();
        }
        String own = ownConfig == null ? "(none)" : ownConfig.getAlias();
        logOnce(realm, own, () -> LOG.infof("Realm %s has no authenticator configuration '%s': a certificate step reads "
                + "its own execution's configuration '%s', as in realms made from the older template", realm.getName(), ALIAS, own));
        return ownConfig;
    }

    /** The realm's {@value #ALIAS}, if the realm has one. */
    public static Optional<AuthenticatorConfigModel> named(RealmModel realm) {
        return Optional.ofNullable(realm.getAuthenticatorConfigByAlias(ALIAS));
    }

    private static void logOnce(RealmModel realm, String configuration, Runnable log) {
        if (LOGGED.add(realm.getId() + "/" + configuration)) {
            log.run();
        }
    }
}
