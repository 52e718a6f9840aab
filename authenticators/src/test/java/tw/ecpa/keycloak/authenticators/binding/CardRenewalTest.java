package tw.ecpa.keycloak.authenticators.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class CardRenewalTest {

    private static final String MOICA = "CN=MOICA Test,OU=內政部憑證管理中心,O=行政院,C=TW";

    private static long at(String taiwanTime) {
        return LocalDateTime.parse(taiwanTime).atZone(BoundCertificateLabel.TAIWAN).toInstant().toEpochMilli();
    }

    private static Instant now(String taiwanTime) {
        return Instant.ofEpochMilli(at(taiwanTime));
    }

    private static BoundCertificateCredentialModel card(String serial, String from, String until) {
        BoundCertificateData data = new BoundCertificateData(MOICA, serial, "CN=王大明", at(from), at(until), at(from), null, null);
        return BoundCertificateCredentialModel.create(data, BoundCertificateLabel.of(data));
    }

    private static final BoundCertificateCredentialModel OLD = card("a1", "2021-12-20T08:00", "2026-12-28T23:59");

    @Test
    void aCardEndingWithinThirtyDaysIsDueWithItsLastDayAndTheDaysLeftInTaiwan() {
        CardRenewal.Expiring due = CardRenewal.due(List.of(OLD), now("2026-12-08T23:30")).orElseThrow();

        assertThat(due.lastDay()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(due.daysLeft()).isEqualTo(20);
        assertThat(due.label()).isEqualTo("內政部憑證管理中心 A1 (2021-12-20 – 2026-12-28)");
    }

    @Test
    void notBeforeTheLastThirtyDaysAndNotOnceExpired() {
        assertThat(CardRenewal.due(List.of(OLD), now("2026-11-27T12:00"))).as("31 days before").isEmpty();
        assertThat(CardRenewal.due(List.of(OLD), now("2026-11-28T23:59"))).as("30 days before").isPresent();
        assertThat(CardRenewal.due(List.of(OLD), now("2026-12-28T23:00")).orElseThrow().daysLeft()).as("its last day").isZero();
        assertThat(CardRenewal.due(List.of(OLD), now("2026-12-29T00:01"))).as("expired").isEmpty();
    }

    @Test
    void aRenewedCardBoundBesideItEndsTheNotice() {
        BoundCertificateCredentialModel renewed = card("b2", "2026-12-01T09:00", "2031-12-01T08:59");

        assertThat(CardRenewal.due(List.of(OLD, renewed), now("2026-12-08T12:00"))).isEmpty();
    }

    @Test
    void ofTwoEndingCardsTheSoonerIsNamed() {
        BoundCertificateCredentialModel later = card("c3", "2021-12-30T08:00", "2027-01-02T23:59");

        assertThat(CardRenewal.due(List.of(later, OLD), now("2026-12-08T12:00")).orElseThrow().lastDay())
                .isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void noCardNoNotice() {
        assertThat(CardRenewal.due(List.of(), now("2026-12-08T12:00"))).isEmpty();
    }
}
