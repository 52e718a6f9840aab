package tw.ecpa.keycloak.authenticators.cardbinding;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.authenticators.binding.BoundCertificateCredentialModel;
import tw.ecpa.keycloak.authenticators.binding.CardRenewal;

/**
 * Required action {@value CardExpiryNoticeFactory#PROVIDER_ID}: after a login (card or password), a person whose
 * bound card ends within 30 days, with no renewed card bound yet, reads when it ends and how to bind the
 * renewed card (自然人憑證上傳), then 繼續 to the application. Keycloak's own required-action mechanism: its
 * trigger, evaluated at every login, adds the page to this login only; it is never put on the person.
 *
 * <p>Once a day at most for a card ({@value #SHOWN_ON}: the Taiwan date it was last shown and the bound card it
 * named): an officer logging in ten times a day reads it once, and everyone reads it again on each of the
 * remaining days; a second card ending soon, bound the same day, is named the same day.
 */
final class CardExpiryNotice implements RequiredActionProvider {

    static final String TEMPLATE = "ecpa-card-expiry.ftl";
    /** {@code yyyy-MM-dd credentialId}: the Taiwan date the notice was last shown and the card it named; only administrators see it. */
    static final String SHOWN_ON = "ecpaCardExpiryNoticeOn";

    private static final ZoneId TAIWAN = ZoneId.of("Asia/Taipei");

    private final Clock clock;

    CardExpiryNotice(Clock clock) {
        this.clock = clock;
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.NOT_SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        if (user == null) {
            return;
        }
        Optional<CardRenewal.Expiring> expiring = due(user);
        if (expiring.isPresent() && !shownToday(expiring.get()).equals(user.getFirstAttribute(SHOWN_ON))) {
            context.getAuthenticationSession().addRequiredAction(CardExpiryNoticeFactory.PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        Optional<CardRenewal.Expiring> expiring = due(context.getUser());
        if (expiring.isEmpty()) {
            // Bound a renewed card or removed the old one since the trigger: nothing to say.
            context.success();
            return;
        }
        context.getUser().setSingleAttribute(SHOWN_ON, shownToday(expiring.get()));
        context.challenge(context.form()
                .setAttribute("ecpaExpiringCard", expiring.get().label())
                .setAttribute("ecpaExpiringLastDay", expiring.get().lastDay().toString())
                .setAttribute("ecpaExpiringDaysLeft", Long.toString(expiring.get().daysLeft()))
                .createForm(TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        context.success();
    }

    private Optional<CardRenewal.Expiring> due(UserModel user) {
        List<BoundCertificateCredentialModel> cards = user.credentialManager()
                .getStoredCredentialsByTypeStream(BoundCertificateCredentialModel.TYPE)
                .map(BoundCertificateCredentialModel::of)
                .toList();
        return cards.isEmpty() ? Optional.empty() : CardRenewal.due(cards, Instant.now(clock));
    }

    private String shownToday(CardRenewal.Expiring expiring) {
        return Instant.now(clock).atZone(TAIWAN).toLocalDate() + " " + expiring.credentialId();
    }

    @Override
    public void close() {
    }
}
