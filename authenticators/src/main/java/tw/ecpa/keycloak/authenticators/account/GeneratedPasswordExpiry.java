package tw.ecpa.keycloak.authenticators.account;

import java.time.Instant;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

import tw.ecpa.keycloak.core.account.GeneratedPasswordLifespan;

/**
 * Whether the password that just matched is a reset's generated password past its lifespan. A reset
 * stores the generated password as the person's password credential (its creation time is the reset's)
 * and marks the account with the birthday step; until that step replaces it, the password on record is
 * the generated one. The lifespan is the birthday step's setting
 * ({@value GeneratedPasswordLifespan#CONFIG_KEY}, default 7 days).
 */
final class GeneratedPasswordExpiry {

    private GeneratedPasswordExpiry() {
    }

    static boolean hasExpired(RealmModel realm, UserModel user, Instant now) {
        if (user.getRequiredActionsStream().noneMatch(GeneratedPasswordLifespan.REQUIRED_ACTION::equals)) {
            return false;
        }
        Long generatedAt = user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .map(CredentialModel::getCreatedDate)
                .filter(created -> created != null)
                .findFirst().orElse(null);
        return generatedAt != null && lifespan(realm).hasExpired(Instant.ofEpochMilli(generatedAt), now);
    }

    private static GeneratedPasswordLifespan lifespan(RealmModel realm) {
        RequiredActionConfigModel config = realm.getRequiredActionConfigByAlias(GeneratedPasswordLifespan.REQUIRED_ACTION);
        return GeneratedPasswordLifespan.fromConfig(config == null ? null : config.getConfigValue(GeneratedPasswordLifespan.CONFIG_KEY));
    }
}
