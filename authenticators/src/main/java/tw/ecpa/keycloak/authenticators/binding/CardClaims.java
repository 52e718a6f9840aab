package tw.ecpa.keycloak.authenticators.binding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Which person each card certificate is bound to, in the table {@code ECPA_CARD_BINDING} whose primary
 * key is (realm, {@link CardFingerprint}): the database itself guarantees one person per card, on every
 * cluster node, whatever the timing of two bindings. Keycloak's credentials have no unique constraint,
 * so the credential is what the person and administrators see, and this row is what decides. A row whose
 * person no longer has the credential (an administrator removed it) binds nothing and may be taken over,
 * again by a single conditional update. The row also keeps when the card last logged its person in
 * ({@code LAST_USED_AT}): written here, a login leaves the credential, and so Keycloak's cached user,
 * untouched. {@code {h-schema}} puts Keycloak's configured schema in front.
 */
final class CardClaims {

    private final EntityManager entities;

    CardClaims(KeycloakSession session) {
        this.entities = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** The id of the user the card's row names, if there is a row. */
    Optional<String> claimant(String realmId, CardFingerprint card) {
        List<?> rows = entities.createNativeQuery(
                        "SELECT USER_ID FROM {h-schema}ECPA_CARD_BINDING WHERE REALM_ID = :realm AND CERTIFICATE_SHA256 = :card")
                .setParameter("realm", realmId)
                .setParameter("card", card.value())
                .getResultList();
        return rows.stream().map(String::valueOf).findFirst();
    }

    /** Inserts the row; fails at the primary key (now or at commit) when another transaction inserted it first. */
    void claim(String realmId, CardFingerprint card, String userId, Instant now) {
        entities.createNativeQuery("INSERT INTO {h-schema}ECPA_CARD_BINDING (REALM_ID, CERTIFICATE_SHA256, USER_ID, BOUND_AT) "
                        + "VALUES (:realm, :card, :user, :at)")
                .setParameter("realm", realmId)
                .setParameter("card", card.value())
                .setParameter("user", userId)
                .setParameter("at", now.toEpochMilli())
                .executeUpdate();
        entities.flush();
    }

    /**
     * The stored data of every bound-card credential of {@code userId}, read from the database itself, past
     * Keycloak's user cache: a binding another request committed a moment ago may not have reached the cache
     * yet, and a stale cached user would make a fresh row look like one that binds nothing.
     */
    List<String> boundCardData(String userId) {
        // Through Keycloak's own entity, not a native SELECT: CREDENTIAL_DATA is a CLOB on some databases, and
        // the entity's mapping reads it as the text it is on every one of them.
        return entities.createQuery("SELECT c.credentialData FROM CredentialEntity c WHERE c.user.id = :user AND c.type = :type", String.class)
                .setParameter("user", userId)
                .setParameter("type", BoundCertificateCredentialModel.TYPE)
                .getResultList();
    }

    /**
     * Moves a row that binds nothing any more from {@code staleUserId} to {@code userId}, as a binding never
     * used yet; false when someone else moved it first.
     */
    boolean takeOver(String realmId, CardFingerprint card, String staleUserId, String userId, Instant now) {
        return entities.createNativeQuery("UPDATE {h-schema}ECPA_CARD_BINDING SET USER_ID = :user, BOUND_AT = :at, LAST_USED_AT = NULL "
                        + "WHERE REALM_ID = :realm AND CERTIFICATE_SHA256 = :card AND USER_ID = :stale")
                .setParameter("user", userId)
                .setParameter("at", now.toEpochMilli())
                .setParameter("realm", realmId)
                .setParameter("card", card.value())
                .setParameter("stale", staleUserId)
                .executeUpdate() == 1;
    }

    /** Remembers that the card has just logged {@code userId} in; nothing when the row names someone else or is gone. */
    void used(String realmId, CardFingerprint card, String userId, Instant now) {
        entities.createNativeQuery("UPDATE {h-schema}ECPA_CARD_BINDING SET LAST_USED_AT = :at "
                        + "WHERE REALM_ID = :realm AND CERTIFICATE_SHA256 = :card AND USER_ID = :user")
                .setParameter("at", now.toEpochMilli())
                .setParameter("realm", realmId)
                .setParameter("card", card.value())
                .setParameter("user", userId)
                .executeUpdate();
    }

    /** When the card last logged {@code userId} in, if its row names them and it has since the column exists. */
    Optional<Instant> lastUsed(String realmId, CardFingerprint card, String userId) {
        List<?> rows = entities.createNativeQuery("SELECT LAST_USED_AT FROM {h-schema}ECPA_CARD_BINDING "
                        + "WHERE REALM_ID = :realm AND CERTIFICATE_SHA256 = :card AND USER_ID = :user")
                .setParameter("realm", realmId)
                .setParameter("card", card.value())
                .setParameter("user", userId)
                .getResultList();
        // BIGINT comes back as Long on most databases, as BigDecimal on Oracle: any Number will do.
        return rows.stream().filter(Number.class::isInstance).map(at -> Instant.ofEpochMilli(((Number) at).longValue())).findFirst();
    }

    /** Drops the row of a card its person no longer holds. */
    void release(String realmId, CardFingerprint card, String userId) {
        entities.createNativeQuery("DELETE FROM {h-schema}ECPA_CARD_BINDING WHERE REALM_ID = :realm AND CERTIFICATE_SHA256 = :card AND USER_ID = :user")
                .setParameter("realm", realmId)
                .setParameter("card", card.value())
                .setParameter("user", userId)
                .executeUpdate();
    }

    void forgetUser(String realmId, String userId) {
        entities.createNativeQuery("DELETE FROM {h-schema}ECPA_CARD_BINDING WHERE REALM_ID = :realm AND USER_ID = :user")
                .setParameter("realm", realmId)
                .setParameter("user", userId)
                .executeUpdate();
    }

    void forgetRealm(String realmId) {
        entities.createNativeQuery("DELETE FROM {h-schema}ECPA_CARD_BINDING WHERE REALM_ID = :realm")
                .setParameter("realm", realmId)
                .executeUpdate();
    }
}
