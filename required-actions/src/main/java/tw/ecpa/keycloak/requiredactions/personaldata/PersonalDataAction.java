package tw.ecpa.keycloak.requiredactions.personaldata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.validation.Validation;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

import tw.ecpa.keycloak.core.account.CustomAccount;
import tw.ecpa.keycloak.core.certificate.AgencyCertificateAccount;

/**
 * Required action {@value PersonalDataActionFactory#PROVIDER_ID} (個人資料修改): custom account,
 * e-mail, personal phone and the e公務 consent. It adds itself to anyone who still has the placeholder
 * username or no e-mail, and the realm template gives it the first priority after the birthday step
 * ({@code ecpa-birthday-password}), so nothing else can be reached before it is done, and someone who
 * holds only a reset letter's generated password proves the birthday before changing the e-mail
 * address. E-mail and phone are checked by the user profile; the custom account by
 * {@link CustomAccount}, and its uniqueness by the database when it is saved. An agency's certificate
 * account is nobody's: the action never adds itself to one, and if it is asked to run for one anyway
 * (an administrator set it, an application asked for it), it writes nothing and lets the login go on.
 */
final class PersonalDataAction implements RequiredActionProvider {

    private static final Logger LOG = Logger.getLogger(PersonalDataAction.class);

    static final String TEMPLATE = "ecpa-personal-data.ftl";
    static final String TAKEN = "ecpa.customAccount.taken";
    /**
     * Auth note set once the page is saved. The save commits in its own transaction, so this
     * request's view of the user is stale and would otherwise add the action again.
     */
    static final String DONE_NOTE = "ecpa.personalData.saved";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        if (context.getAuthenticationSession().getAuthNote(DONE_NOTE) != null) {
            return;
        }
        if (isAgencyAccount(user)) {
            // An agency's certificate is no person: no custom account, no e-mail of its own to ask for.
            return;
        }
        if (CustomAccount.isPlaceholder(user.getUsername()) || user.getEmail() == null || user.getEmail().isBlank()) {
            user.addRequiredAction(PersonalDataActionFactory.PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (isAgencyAccount(context.getUser())) {
            passOver(context);
            return;
        }
        context.challenge(page(context, PersonalDataForm.of(context.getUser()), List.of()));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (isAgencyAccount(context.getUser())) {
            passOver(context);
            return;
        }
        EventBuilder event = context.getEvent().event(EventType.UPDATE_PROFILE)
                .detail(Details.CONTEXT, UserProfileContext.UPDATE_PROFILE.name());
        UserModel user = context.getUser();
        PersonalDataForm form = PersonalDataForm.of(context.getHttpRequest().getDecodedFormParameters());

        List<FormMessage> errors = new ArrayList<>();
        CustomAccount.problem(form.account()).ifPresent(problem ->
                errors.add(new FormMessage(PersonalDataForm.ACCOUNT, messageKey(problem))));
        try {
            profile(context.getSession(), form, user).validate();
        } catch (ValidationException e) {
            errors.addAll(Validation.getFormErrorsFromValidation(e.getErrors()));
        }
        if (errors.isEmpty() && !form.account().equals(user.getUsername()) && isTakenByAnother(context, form.account())) {
            errors.add(new FormMessage(PersonalDataForm.ACCOUNT, TAKEN));
        }
        if (!errors.isEmpty()) {
            event.clone().error(errors.stream().anyMatch(e -> TAKEN.equals(e.getMessage())) ? Errors.USERNAME_IN_USE : Errors.INVALID_INPUT);
            context.challenge(page(context, form, errors));
            return;
        }
        if (!save(context, form)) {
            event.clone().error(Errors.USERNAME_IN_USE);
            context.challenge(page(context, form, List.of(new FormMessage(PersonalDataForm.ACCOUNT, TAKEN))));
            return;
        }
        context.getAuthenticationSession().setAuthNote(DONE_NOTE, "true");
        event.detail(Details.USERNAME, form.account());
        context.success();
    }

    /**
     * Saves everything in a transaction of its own, committed before this request goes on, so that
     * the database's unique username constraint decides a race between two people claiming the same
     * account: the loser's commit fails and nothing of theirs is saved. The request's own transaction
     * never writes the user row, so it cannot write a stale username back.
     */
    private static boolean save(RequiredActionContext context, PersonalDataForm form) {
        KeycloakSession session = context.getSession();
        String realmId = context.getRealm().getId();
        String userId = context.getUser().getId();
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), session.getContext(), own -> {
                RealmModel realm = own.realms().getRealm(realmId);
                UserModel user = own.users().getUserById(realm, userId);
                profile(own, form, user).update(false);
                user.setUsername(form.account());
            });
            return true;
        } catch (ModelDuplicateException e) {
            return false;
        } catch (RuntimeException e) {
            if (isTakenByAnother(context, form.account())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Which agency-certificate account it is: by its reserved username alone, as no person can have a
     * username under that prefix, so a missing marker attribute does not make it a person's.
     */
    static boolean isAgencyAccount(UserModel user) {
        String username = user.getUsername();
        return username != null && username.toLowerCase(Locale.ROOT).startsWith(AgencyCertificateAccount.USERNAME_PREFIX);
    }

    /** For an agency's account: the action is dropped unanswered and nothing of the account changes. */
    private static void passOver(RequiredActionContext context) {
        context.getUser().removeRequiredAction(PersonalDataActionFactory.PROVIDER_ID);
        context.getAuthenticationSession().removeRequiredAction(PersonalDataActionFactory.PROVIDER_ID);
        context.getEvent().clone().event(EventType.UPDATE_PROFILE).detail(Details.REASON, "agency certificate account")
                .error(Errors.NOT_ALLOWED);
        context.success();
    }

    private static boolean isTakenByAnother(RequiredActionContext context, String account) {
        UserModel holder = context.getSession().users().getUserByUsername(context.getRealm(), account);
        boolean taken = holder != null && !holder.getId().equals(context.getUser().getId());
        if (taken) {
            LOG.debugf("custom account already taken, user %s", context.getUser().getId());
        }
        return taken;
    }

    private static UserProfile profile(KeycloakSession session, PersonalDataForm form, UserModel user) {
        return session.getProvider(UserProfileProvider.class)
                .create(UserProfileContext.UPDATE_PROFILE, form.profileAttributes(user.getUsername()), user);
    }

    private static Response page(RequiredActionContext context, PersonalDataForm form, List<FormMessage> errors) {
        LoginFormsProvider page = context.form()
                .setAttribute("ecpaAccount", nullToEmpty(form.account()))
                .setAttribute("ecpaEmail", nullToEmpty(form.email()))
                .setAttribute("ecpaPhone", nullToEmpty(form.phoneNumber()))
                .setAttribute("ecpaEgovMessages", nullToEmpty(form.egovMessages()))
                .setAttribute("ecpaAccountMinLength", CustomAccount.MIN_LENGTH)
                .setAttribute("ecpaAccountMaxLength", CustomAccount.MAX_LENGTH);
        if (!errors.isEmpty()) {
            page.setErrors(errors);
        }
        return page.createForm(TEMPLATE);
    }

    /** {@code ecpa.customAccount.tooShort} and so on; the ecpa login theme holds the texts. */
    static String messageKey(CustomAccount.Problem problem) {
        return "ecpa.customAccount." + switch (problem) {
            case EMPTY -> "empty";
            case TOO_SHORT -> "tooShort";
            case TOO_LONG -> "tooLong";
            case LOOKS_LIKE_NATIONAL_ID -> "looksLikeNationalId";
            case RESERVED_PREFIX -> "reservedPrefix";
            case BAD_CHARACTERS -> "badCharacters";
            case MUST_START_WITH_LETTER -> "mustStartWithLetter";
        };
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void close() {
    }
}
