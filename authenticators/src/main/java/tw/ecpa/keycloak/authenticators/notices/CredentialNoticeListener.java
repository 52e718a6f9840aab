package tw.ecpa.keycloak.authenticators.notices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.common.ClientConnection;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import tw.ecpa.keycloak.authenticators.binding.BoundCertificateCredentialModel;

/**
 * Mails the person a notice of a credential change ({@link CredentialNotice}). As Keycloak's own e-mail
 * event listener does, the mail goes only after the change's transaction has committed, in a session and
 * transaction of its own: a change that was rolled back is never announced, and a mail server that refuses
 * the notice cannot undo the change. A refused notice is logged (ids only) and recorded as the change's
 * {@code _ERROR} event with error {@value CredentialNotice#NOTICE_FAILED}; the listener ignores error
 * events, so that event sends nothing. One notice per change and person per request (Keycloak's password
 * page reports one change twice).
 */
final class CredentialNoticeListener implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(CredentialNoticeListener.class);

    private final KeycloakSession session;
    private final Set<Pending> pending = new LinkedHashSet<>();

    CredentialNoticeListener(KeycloakSession session) {
        this.session = session;
    }

    /** A notice to send after the commit, with what the new session needs of this request. */
    private record Pending(CredentialNotice notice, String realmId, String userId, String clientId,
            String credentialType, long time) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Pending that && notice == that.notice && userId.equals(that.userId);
        }

        @Override
        public int hashCode() {
            return notice.hashCode() * 31 + userId.hashCode();
        }
    }

    @Override
    public void onEvent(Event event) {
        Optional<CredentialNotice> notice = CredentialNotice.of(event);
        if (notice.isEmpty()) {
            return;
        }
        boolean first = pending.isEmpty();
        pending.add(new Pending(notice.get(), event.getRealmId(), event.getUserId(), event.getClientId(),
                event.getDetails() == null ? null : event.getDetails().get(Details.CREDENTIAL_TYPE), event.getTime()));
        if (first) {
            KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
            HttpRequest request = session.getContext().getHttpRequest();
            ClientConnection connection = session.getContext().getConnection();
            session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
                @Override
                protected void commitImpl() {
                    List.copyOf(pending).forEach(notice -> send(factory, request, connection, notice));
                }

                @Override
                protected void rollbackImpl() {
                }
            });
        }
    }

    private static void send(KeycloakSessionFactory factory, HttpRequest request, ClientConnection connection, Pending notice) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, mailing -> mail(mailing, request, connection, notice));
        } catch (RuntimeException e) {
            // Whatever fails here, the change has committed and stays.
            LOG.warnf("notice %s for user %s in realm %s not sent: %s", notice.notice().id(), notice.userId(),
                    notice.realmId(), e.getClass().getSimpleName());
        }
    }

    private static void mail(KeycloakSession mailing, HttpRequest request, ClientConnection connection, Pending notice) {
        RealmModel realm = mailing.realms().getRealm(notice.realmId());
        if (realm == null) {
            return;
        }
        mailing.getContext().setRealm(realm);
        ClientModel client = notice.clientId() == null ? null : realm.getClientByClientId(notice.clientId());
        if (client != null) {
            mailing.getContext().setClient(client);
        }
        mailing.getContext().setHttpRequest(request);
        UserModel person = mailing.users().getUserById(realm, notice.userId());
        if (person == null || person.getEmail() == null || person.getEmail().isBlank()) {
            LOG.debugf("notice %s for user %s in realm %s: no address on file", notice.notice().id(), notice.userId(), realm.getId());
            return;
        }
        NoticeMail mail = NoticeMail.of(notice.notice(), Instant.ofEpochMilli(notice.time()),
                mailing.getContext().resolveLocale(person), newestCardValidUntil(person));
        try {
            mailing.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(person)
                    .send(notice.notice().subjectKey(), List.of(), CredentialNotice.TEMPLATE, new HashMap<>(mail.attributes()));
        } catch (EmailException e) {
            // Ids only: the exception's text may name the address.
            LOG.warnf("notice %s for user %s in realm %s refused by the mail server (%s)", notice.notice().id(),
                    person.getId(), realm.getId(), causes(e));
            EventBuilder failure = new EventBuilder(realm, mailing, connection)
                    .event(notice.notice().failureType())
                    .user(person)
                    .detail(CredentialNotice.EVENT_DETAIL, notice.notice().id());
            if (client != null) {
                failure.client(client);
            }
            if (notice.credentialType() != null) {
                failure.detail(Details.CREDENTIAL_TYPE, notice.credentialType());
            }
            failure.error(CredentialNotice.NOTICE_FAILED);
        }
    }

    /** The exception's kind and its causes' kinds, e.g. {@code EmailException < MailConnectException}. */
    static String causes(Throwable failure) {
        StringBuilder kinds = new StringBuilder(failure.getClass().getSimpleName());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            kinds.append(" < ").append(cause.getClass().getSimpleName());
        }
        return kinds.toString();
    }

    /** The card just bound is the person's newest: the last day it is valid, for the notice. */
    private static Optional<Instant> newestCardValidUntil(UserModel person) {
        List<BoundCertificateCredentialModel> cards = new ArrayList<>(person.credentialManager()
                .getStoredCredentialsByTypeStream(BoundCertificateCredentialModel.TYPE)
                .map(BoundCertificateCredentialModel::of).toList());
        return cards.stream()
                .max(Comparator.comparing(card -> card.getCreatedDate() == null ? 0L : card.getCreatedDate()))
                .map(card -> Instant.ofEpochMilli(card.data().notAfter()));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
