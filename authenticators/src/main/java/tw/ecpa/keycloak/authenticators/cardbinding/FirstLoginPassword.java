package tw.ecpa.keycloak.authenticators.cardbinding;

import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

import tw.ecpa.keycloak.core.certificate.AgencyCertificateAccount;

/**
 * The guide's first login sets a password too (附註二: 自訂帳號、電子郵件及登入密碼, then 送出), so that the
 * person can later also log in with 帳號登入 (一(五)). When a citizen card is bound and its holder has no
 * password yet, Keycloak's own UPDATE_PASSWORD becomes one of the person's required actions: kept on the
 * person, so a first login left half-way asks again at the next card login, and placed by the realm's
 * priorities after 個人資料修改, whose account the password may then not contain. Being on the person, it
 * is enforced: the password page of a first login has no 取消 even when an application asks for it with
 * {@code kc_action}. Someone who already has a password (an officer's reset, a renewed card) is not asked;
 * an agency certificate's account never has a password.
 */
final class FirstLoginPassword {

    private FirstLoginPassword() {
    }

    static void requireIfMissing(UserModel user) {
        if (AgencyCertificateAccount.isOne(user.getUsername(), user.getFirstAttribute(AgencyCertificateAccount.MARKER_ATTRIBUTE))) {
            return;
        }
        if (!user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE)) {
            user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        }
    }
}
