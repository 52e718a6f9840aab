package tw.ecpa.keycloak.requiredactions.birthday;

import java.time.LocalDate;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.services.messages.Messages;

import tw.ecpa.keycloak.core.account.BirthdayFormat;
import tw.ecpa.keycloak.core.password.PasswordRules;
import tw.ecpa.keycloak.model.AccountLock;
import tw.ecpa.keycloak.model.PersonnelRecord;

/**
 * Required action {@value BirthdayPasswordActionFactory#PROVIDER_ID}: the first login after an
 * officer or the help desk reset the password (這是您首次登入系統，請務必先修改您的登入密碼). The person
 * proves their birthday and chooses a new password, twice. The reset marks the account by adding this
 * action. A wrong birthday changes nothing and counts as a failed login for brute-force detection;
 * once the account is locked, nothing is accepted until the lock ends.
 */
final class BirthdayPasswordAction implements RequiredActionProvider {

    static final String TEMPLATE = "ecpa-birthday-password.ftl";
    static final String FIELD_BIRTHDAY = "birthday";
    static final String FIELD_PASSWORD = "password-new";
    static final String FIELD_CONFIRM = "password-confirm";
    static final String WRONG_BIRTHDAY = "ecpa.birthday.wrong";
    static final String NO_BIRTHDAY_ON_RECORD = "ecpa.birthday.notOnRecord";
    /** Followed by the format's name: the message that says again what to type. */
    static final String BAD_BIRTHDAY_FORMAT = "ecpa.birthday.badFormat.";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.NOT_SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        EventBuilder event = context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, "password");
        BruteForceProtector protector = context.getSession().getProvider(BruteForceProtector.class);

        if (AccountLock.isLocked(context.getSession(), realm, user)) {
            event.error(Errors.USER_TEMPORARILY_DISABLED);
            context.challenge(page(context, new FormMessage(FIELD_BIRTHDAY, Messages.ACCOUNT_TEMPORARILY_DISABLED)));
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        LocalDate birthday = PersonnelRecord.of(user).birthDate().orElse(null);
        if (birthday == null) {
            event.detail(Details.REASON, "no birth date on record").error(Errors.INVALID_USER_CREDENTIALS);
            context.challenge(page(context, new FormMessage(FIELD_BIRTHDAY, NO_BIRTHDAY_ON_RECORD)));
            return;
        }
        BirthdayFormat format = format(context);
        if (!format.isWellFormed(form.getFirst(FIELD_BIRTHDAY))) {
            // Not a guess at the birthday (the guide's 2-digit code where 7 digits are asked, a name, nothing):
            // the page explains the format again and the brute-force counter is not touched.
            event.detail(Details.REASON, "birthday not in the asked format").error(Errors.INVALID_INPUT);
            context.challenge(page(context, new FormMessage(FIELD_BIRTHDAY, BAD_BIRTHDAY_FORMAT + format.name(),
                    String.valueOf(format.digits()), format.example())));
            return;
        }
        if (!format.matches(birthday, form.getFirst(FIELD_BIRTHDAY))) {
            event.detail(Details.REASON, "wrong birthday").error(Errors.INVALID_USER_CREDENTIALS);
            if (realm.isBruteForceProtected()) {
                protector.failedLogin(realm, user, context.getConnection(), context.getUriInfo(), null);
            }
            String message = AccountLock.isLocked(context.getSession(), realm, user) ? Messages.ACCOUNT_TEMPORARILY_DISABLED : WRONG_BIRTHDAY;
            context.challenge(page(context, new FormMessage(FIELD_BIRTHDAY, message)));
            return;
        }

        String password = form.getFirst(FIELD_PASSWORD);
        FormMessage problem = passwordProblem(context, password, form.getFirst(FIELD_CONFIRM));
        if (problem == null) {
            try {
                user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
            } catch (ModelException e) {
                problem = new FormMessage(FIELD_PASSWORD, e.getMessage(), e.getParameters());
            }
        }
        if (problem != null) {
            event.detail(Details.REASON, problem.getMessage()).error(Errors.PASSWORD_REJECTED);
            context.challenge(page(context, problem));
            return;
        }
        if (realm.isBruteForceProtected()) {
            protector.successfulLogin(realm, user, context.getConnection(), context.getUriInfo(), null);
        }
        // The new password is set: Keycloak's own update-password step would ask for it again.
        user.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        context.getAuthenticationSession().removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        event.event(EventType.UPDATE_PASSWORD).success();
        context.success();
    }

    private static FormMessage passwordProblem(RequiredActionContext context, String password, String confirmation) {
        if (password == null || password.isEmpty()) {
            return new FormMessage(FIELD_PASSWORD, Messages.MISSING_PASSWORD);
        }
        if (!password.equals(confirmation)) {
            return new FormMessage(FIELD_CONFIRM, Messages.NOTMATCH_PASSWORD);
        }
        PolicyError error = context.getSession().getProvider(PasswordPolicyManagerProvider.class)
                .validate(context.getRealm(), context.getUser(), password);
        return error == null ? null : new FormMessage(FIELD_PASSWORD, error.getMessage(), error.getParameters());
    }

    static BirthdayFormat format(RequiredActionContext context) {
        return BirthdayFormat.fromConfig(context.getConfig() == null ? null
                : context.getConfig().getConfigValue(BirthdayPasswordActionFactory.CONFIG_BIRTHDAY_FORMAT));
    }

    private static Response page(RequiredActionContext context, FormMessage error) {
        BirthdayFormat format = format(context);
        var page = context.form()
                .setAttribute("ecpaBirthdayFormat", format.name())
                .setAttribute("ecpaBirthdayExample", format.example())
                .setAttribute("ecpaForbiddenCharacters", PasswordRules.listed(PasswordRules.FORBIDDEN_CHARACTERS));
        if (error != null) {
            page.addError(error);
        }
        return page.createForm(TEMPLATE);
    }

    @Override
    public void close() {
    }
}
