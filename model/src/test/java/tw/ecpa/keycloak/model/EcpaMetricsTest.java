package tw.ecpa.keycloak.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EcpaMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EcpaMetrics metrics = new EcpaMetrics(registry);

    private enum Answer { GOOD, UNKNOWN_CERTIFICATE }

    @Nested
    class GivenLoginEvents {

        @ParameterizedTest
        @EnumSource(LoginMethod.class)
        void aSuccessIsCountedUnderItsMethodWithNoError(LoginMethod method) {
            metrics.login(Optional.of(method), Optional.empty());

            assertThat(registry.get(EcpaMetrics.LOGINS).tags("method", method.id(), "outcome", "success", "error", "")
                    .counter().count()).isEqualTo(1);
        }

        @Test
        void aFailureIsCountedUnderItsErrorAndOnlyThere() {
            metrics.login(Optional.of(LoginMethod.CERTIFICATE), Optional.of("ecpa_certificate_revoked"));
            metrics.login(Optional.of(LoginMethod.CERTIFICATE), Optional.of("ecpa_certificate_revoked"));
            metrics.login(Optional.of(LoginMethod.CERTIFICATE), Optional.of("ecpa_card_wrong_pin"));

            assertThat(registry.get(EcpaMetrics.LOGINS).tags("method", "certificate", "outcome", "failure",
                    "error", "ecpa_certificate_revoked").counter().count()).isEqualTo(2);
            assertThat(registry.get(EcpaMetrics.LOGINS).tags("error", "ecpa_card_wrong_pin").counter().count()).isEqualTo(1);
            assertThat(registry.find(EcpaMetrics.LOGINS).tags("outcome", "success").counter()).isNull();
        }

        @Test
        void aLoginOfNoEcpaMethodIsOther() {
            metrics.login(Optional.empty(), Optional.of("invalid_user_credentials"));

            assertThat(registry.get(EcpaMetrics.LOGINS).tags("method", "other", "error", "invalid_user_credentials")
                    .counter().count()).isEqualTo(1);
        }

        /** Whatever an error holds, only a code's shape becomes a tag: nothing typed can reach /metrics. */
        @ParameterizedTest
        @ValueSource(strings = {"A123456789", "someone@example.org", "error with spaces", "ecpa_an_error_code_far_longer_than_any_code_keycloak_or_we_would_ever_write"})
        void anErrorThatIsNoCodeIsOther(String error) {
            metrics.login(Optional.of(LoginMethod.PASSWORD), Optional.of(error));

            assertThat(registry.get(EcpaMetrics.LOGINS).tags("error", "other").counter().count()).isEqualTo(1);
            assertThat(tagValues()).doesNotContain(error);
        }
    }

    @Test
    void resetsAreCountedByMethod() {
        metrics.passwordReset("help-desk");
        metrics.passwordReset(EcpaMetrics.FORGOT_PASSWORD);
        metrics.passwordReset(EcpaMetrics.FORGOT_PASSWORD);

        assertThat(registry.get(EcpaMetrics.PASSWORD_RESETS).tags("method", "help-desk").counter().count()).isEqualTo(1);
        assertThat(registry.get(EcpaMetrics.PASSWORD_RESETS).tags("method", "forgot-password").counter().count()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(EcpaMetrics.Letter.class)
    void mailFailuresAreCountedByLetter(EcpaMetrics.Letter letter) {
        metrics.mailFailed(letter);

        assertThat(registry.get(EcpaMetrics.MAIL_FAILURES).tags("letter", letter.tag()).counter().count()).isEqualTo(1);
    }

    @Test
    void aRevocationCheckIsTimedBySourceAndAnswer() {
        metrics.revocationChecked(metrics.start(), "ocsp", Answer.GOOD);

        var timer = registry.get(EcpaMetrics.REVOCATION_CHECKS).tags("source", "ocsp", "outcome", "good").timer();
        assertThat(timer.count()).isEqualTo(1);
    }

    @Test
    void aHolderCheckIsTimedByAnswerInTagShape() {
        metrics.holderChecked(metrics.start(), Answer.UNKNOWN_CERTIFICATE);

        assertThat(registry.get(EcpaMetrics.HOLDER_CHECKS).tags("outcome", "unknown-certificate").timer().count()).isEqualTo(1);
    }

    private List<String> tagValues() {
        return registry.getMeters().stream().map(Meter::getId).flatMap(id -> id.getTags().stream()).map(Tag::getValue).toList();
    }
}
