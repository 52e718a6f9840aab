package tw.ecpa.keycloak.authenticators.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class BoundCardDescriptionTest {

    private static final String MOICA = "CN=MOICA Test,OU=內政部憑證管理中心,O=行政院,C=TW";
    private static final long NOT_BEFORE = at("2025-01-01T08:00");
    private static final long NOT_AFTER = at("2030-01-01T07:59");

    private static long at(String taiwanTime) {
        return LocalDateTime.parse(taiwanTime).atZone(BoundCertificateLabel.TAIWAN).toInstant().toEpochMilli();
    }

    private static final Properties ZH = new Properties();

    static {
        ZH.setProperty(BoundCardDescription.EXPIRED, "已過期");
        ZH.setProperty(BoundCardDescription.LAST_USED, "最後使用 {0}");
        ZH.setProperty(BoundCardDescription.NEVER_USED, "尚未用於登入");
        ZH.setProperty(BoundCardDescription.EXPIRING, "將於 {0} 到期（尚餘 {1} 天）");
    }

    private static BoundCertificateCredentialModel card(Long lastUsed) {
        BoundCertificateData data = new BoundCertificateData(MOICA, "3fa2b1", "CN=王大明", NOT_BEFORE, NOT_AFTER, at("2026-11-01T09:00"), lastUsed, null);
        return BoundCertificateCredentialModel.create(data, BoundCertificateLabel.of(data));
    }

    @Test
    void theLabelNamesTheIssuingAuthorityTheSerialAndTheValidityInTaiwanTime() {
        assertThat(card(null).getUserLabel()).isEqualTo("內政部憑證管理中心 3FA2B1 (2025-01-01 – 2030-01-01)");
    }

    @Test
    void anIssuerWithoutOuIsNamedByItsCn() {
        assertThat(BoundCertificateLabel.issuerName("CN=Some CA,O=Org,C=TW")).isEqualTo("Some CA");
        assertThat(BoundCertificateLabel.issuerName("not a DN")).isEqualTo("not a DN");
    }

    private static String described(BoundCertificateCredentialModel card, Optional<Instant> recorded, String now) {
        return new BoundCardDescription(ZH).describe(card, card.data().lastUsed(recorded), Instant.ofEpochMilli(at(now)));
    }

    @Test
    void aValidCardNeverUsedSaysSo() {
        assertThat(described(card(null), Optional.empty(), "2026-11-27T12:00"))
                .isEqualTo("內政部憑證管理中心 3FA2B1 (2025-01-01 – 2030-01-01) · 尚未用於登入");
    }

    @Test
    void anExpiredCardIsShownAsExpiredWithItsLastUse() {
        assertThat(described(card(null), Optional.of(Instant.ofEpochMilli(at("2029-12-31T21:05"))), "2030-01-01T08:00"))
                .isEqualTo("內政部憑證管理中心 3FA2B1 (2025-01-01 – 2030-01-01) · 已過期 · 最後使用 2029-12-31 21:05");
    }

    @Test
    void aCardInItsLastThirtyDaysSaysWhenItEndsAndHowManyDaysAreLeft() {
        assertThat(described(card(null), Optional.empty(), "2029-12-12T10:00"))
                .isEqualTo("內政部憑證管理中心 3FA2B1 (2025-01-01 – 2030-01-01) · 將於 2030-01-01 到期（尚餘 20 天） · 尚未用於登入");
        assertThat(described(card(null), Optional.empty(), "2029-12-01T10:00"))
                .as("31 days before: not yet").doesNotContain("到期");
    }

    @Test
    void theLastUseTheBindingRowKeepsIsShownRatherThanTheOneTheCredentialKeptBefore() {
        assertThat(described(card(at("2026-11-02T10:00")), Optional.of(Instant.ofEpochMilli(at("2026-11-20T14:30"))), "2026-11-27T12:00"))
                .endsWith(" · 最後使用 2026-11-20 14:30");
    }

    @Test
    void aBindingNotUsedSinceTheRowKeepsItShowsTheLastUseItsCredentialKept() {
        assertThat(described(card(at("2026-11-02T10:00")), Optional.empty(), "2026-11-27T12:00"))
                .endsWith(" · 最後使用 2026-11-02 10:00");
    }

    @Test
    void missingMessagesShowTheirKeysRatherThanNothing() {
        assertThat(new BoundCardDescription(new Properties()).describe(card(null), Optional.empty(), Instant.ofEpochMilli(NOT_BEFORE)))
                .endsWith(" · " + BoundCardDescription.NEVER_USED);
    }

    @Test
    void aCardExpiresAfterItsLastValidMoment() {
        BoundCertificateData data = card(null).data();
        assertThat(data.expiredAt(NOT_AFTER)).isFalse();
        assertThat(data.expiredAt(NOT_AFTER + 1)).isTrue();
    }
}
