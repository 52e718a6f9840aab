package tw.ecpa.keycloak.authenticators.binding;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;


/**
 * Card certificates bound to personnel records. Two records together make a binding: the row of
 * {@link CardClaims}, keyed by the certificate itself ({@link CardFingerprint}), whose primary key lets a
 * card belong to one person only, and the person's credential ({@link BoundCertificateCredentialModel}),
 * which they and administrators see and may remove. A row whose person no longer holds the credential binds
 * nothing.
 *
 * <p>Bindings made before the table existed have only the credential (without the SHA-256) and the
 * user attribute {@value #INDEX_ATTRIBUTE} that indexed it by issuer DN and serial. They keep working: a
 * card no row names is looked up there, matched against everything its credential kept (issuer, serial,
 * subject, validity), and on that login gets its row and its SHA-256, after which the old index entry goes.
 */
public final class BoundCertificates {

    private static final Logger LOG = Logger.getLogger(BoundCertificates.class);

    /** Bindings of the first form only: one legacy {@link CertificateKey} per credential without a SHA-256. */
    public static final String INDEX_ATTRIBUTE = "ecpaCertificate";

    /** How often a binding that lost a race at the binding table looks again (50, 100, 200, 400 ms apart). */
    private static final int BIND_ATTEMPTS = 5;
    private static final long RETRY_PAUSE_MILLIS = 50;

    /** What binding a card to a person came to. */
    public enum Outcome {
        /** The card is now this person's. */
        BOUND,
        /** The card already was this person's. */
        ALREADY_THEIRS,
        /** The card is another person's: nothing was written. */
        BOUND_TO_ANOTHER
    }

    private final KeycloakSession session;
    private final RealmModel realm;

    public BoundCertificates(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The person the certificate is bound to, if anyone. */
    public Optional<UserModel> holderOf(X509Certificate certificate) {
        CardFingerprint card = CardFingerprint.of(certificate);
        Optional<String> claimant = new CardClaims(session).claimant(realm.getId(), card);
        if (claimant.isPresent()) {
            return Optional.ofNullable(session.users().getUserById(realm, claimant.get()))
                    .filter(user -> credentialFor(user, certificate).isPresent());
        }
        return firstFormHolderOf(certificate);
    }

    /**
     * A binding of the first form: found by the old index, then given its row, so from now on the database
     * key guards it like any other. Should another binding have taken the card meanwhile, that one decides.
     */
    private Optional<UserModel> firstFormHolderOf(X509Certificate certificate) {
        CertificateKey key = CertificateKey.of(certificate);
        List<UserModel> candidates = session.users()
                .searchForUserByUserAttributeStream(realm, INDEX_ATTRIBUTE, key.value())
                .limit(2)
                .filter(user -> credentialFor(user, certificate).isPresent())
                .toList();
        if (candidates.size() != 1) {
            return Optional.empty();
        }
        UserModel holder = candidates.get(0);
        Outcome outcome = bind(holder, certificate, Instant.now());
        LOG.debugf("first-form card binding of user %s given its row: %s", holder.getId(), outcome);
        if (outcome == Outcome.BOUND_TO_ANOTHER) {
            return holderOf(certificate);
        }
        return Optional.of(holder);
    }

    /**
     * Binds the certificate to {@code user} in a transaction of its own, committed before this request goes
     * on: the row and the credential together, so that a second binding of the same card, on any node, either
     * waits for this one and then finds the card taken, or wins and this one writes nothing.
     *
     * <p>A binding that loses the race fails at the primary key, or gives up waiting for the winner's lock
     * before the winner has committed; it then tries again, a few times and a moment later each time, and
     * by then finds the winner's row and answers {@link Outcome#BOUND_TO_ANOTHER}, never an error page.
     */
    public Outcome bind(UserModel user, X509Certificate certificate, Instant now) {
        RuntimeException lastFailure = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            try {
                return bindOnce(user.getId(), CardFingerprint.of(certificate), certificate, now);
            } catch (RuntimeException e) {
                lastFailure = e;
                LOG.debugf("card binding for user %s lost a race at the binding table (attempt %d): %s",
                        user.getId(), attempt + 1, e.getClass().getSimpleName());
                if (attempt + 1 < BIND_ATTEMPTS) {
                    pause(RETRY_PAUSE_MILLIS << attempt);
                }
            }
        }
        throw lastFailure;
    }

    private Outcome bindOnce(String userId, CardFingerprint card, X509Certificate certificate, Instant now) {
        String realmId = realm.getId();
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), session.getContext(), own -> {
            RealmModel ownRealm = own.realms().getRealm(realmId);
            UserModel ownUser = own.users().getUserById(ownRealm, userId);
            CardClaims claims = new CardClaims(own);
            Optional<String> claimant = claims.claimant(realmId, card);
            if (claimant.isEmpty()) {
                claims.claim(realmId, card, userId, now);
            } else if (!claimant.get().equals(userId)) {
                if (holds(own, claimant.get(), certificate)
                        || !claims.takeOver(realmId, card, claimant.get(), userId, now)) {
                    return Outcome.BOUND_TO_ANOTHER;
                }
            }
            Optional<CredentialModel> existing = credentialFor(ownUser, certificate);
            if (existing.isPresent()) {
                return Outcome.ALREADY_THEIRS;
            }
            BoundCertificateData data = BoundCertificateData.of(certificate, now.toEpochMilli());
            ownUser.credentialManager().createStoredCredential(BoundCertificateCredentialModel.create(data, BoundCertificateLabel.of(data)));
            return Outcome.BOUND;
        }, "ecpa-card-binding");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding a card", e);
        }
    }

    /** Whether {@code userId} holds the card's credential, as the database says now (not the user cache). */
    private static boolean holds(KeycloakSession session, String userId, X509Certificate certificate) {
        return new CardClaims(session).boundCardData(userId).stream().anyMatch(stored -> {
            CredentialModel credential = new CredentialModel();
            credential.setType(BoundCertificateCredentialModel.TYPE);
            credential.setCredentialData(stored);
            return BoundCertificateCredentialModel.of(credential).data().describes(certificate);
        });
    }

    /**
     * Remembers that the bound certificate has just logged {@code user} in, for the "last used" the person
     * sees: in the card's row ({@link CardClaims#used}), not in the credential, since every credential write
     * makes Keycloak drop the person from its user cache, and the token endpoint and the next login would
     * then read them from the database again. A binding of the first form gets the certificate's SHA-256 in
     * its credential here, once, and leaves the old index.
     */
    public void recordUse(UserModel user, X509Certificate certificate, Instant now) {
        credentialFor(user, certificate).ifPresent(stored -> {
            CardFingerprint card = CardFingerprint.of(certificate);
            BoundCertificateCredentialModel bound = BoundCertificateCredentialModel.of(stored);
            if (bound.data().certificateSha256() == null) {
                BoundCertificateCredentialModel keyed = BoundCertificateCredentialModel.create(bound.data().withFingerprint(card), stored.getUserLabel());
                keyed.setId(stored.getId());
                keyed.setCreatedDate(stored.getCreatedDate());
                user.credentialManager().updateStoredCredential(keyed);
                removeIndex(user, CertificateKey.of(certificate));
            }
            new CardClaims(session).used(realm.getId(), card, user.getId(), now);
        });
    }

    /**
     * When the bound card of {@code data} last logged {@code user} in: the time its row keeps, or, for a
     * binding not used since the row keeps it, the time its credential kept before. Without a known user
     * (nobody signed in asks) only the credential's.
     */
    Optional<Instant> lastUsed(UserModel user, BoundCertificateData data) {
        Optional<Instant> recorded = user == null || data.certificateSha256() == null ? Optional.empty()
                : new CardClaims(session).lastUsed(realm.getId(), new CardFingerprint(data.certificateSha256()), user.getId());
        return data.lastUsed(recorded);
    }

    private static Optional<CredentialModel> credentialFor(UserModel user, X509Certificate certificate) {
        return user.credentialManager().getStoredCredentialsByTypeStream(BoundCertificateCredentialModel.TYPE)
                .filter(stored -> BoundCertificateCredentialModel.of(stored).data().describes(certificate))
                .findFirst();
    }

    /** Called when Keycloak removes a binding through our provider: its row and any old index entry go with it. */
    static void released(KeycloakSession session, RealmModel realm, UserModel user, BoundCertificateData data) {
        if (data.certificateSha256() != null) {
            new CardClaims(session).release(realm.getId(), new CardFingerprint(data.certificateSha256()), user.getId());
        } else {
            removeIndex(user, CertificateKey.of(data.issuerDn(), data.serialNumber()));
        }
    }

    static void removeIndex(UserModel user, CertificateKey key) {
        List<String> values = user.getAttributeStream(INDEX_ATTRIBUTE).filter(v -> !v.equals(key.value())).collect(Collectors.toList());
        if (values.isEmpty()) {
            user.removeAttribute(INDEX_ATTRIBUTE);
        } else {
            user.setAttribute(INDEX_ATTRIBUTE, values);
        }
    }
}
