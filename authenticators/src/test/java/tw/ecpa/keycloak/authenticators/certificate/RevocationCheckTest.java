package tw.ecpa.keycloak.authenticators.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which sources the revocation step asks about a card's path, and what their answers make of it. */
class RevocationCheckTest {

    private static final TestCards PKI = new TestCards();
    private static final X509Certificate ROOT = PKI.root.certificate();
    private static final X509Certificate MOICA = PKI.moica.certificate();
    private static final X509Certificate CARD = PKI.citizen().certificate();
    private static final List<X509Certificate> PATH = List.of(CARD, MOICA, ROOT);

    /** A source of one kind: the certificates that name it, its answers (GOOD unless told), the questions asked. */
    private static final class Source implements RevocationSource {
        private final Set<X509Certificate> naming;
        private final Map<X509Certificate, RevocationStatus> answers = new HashMap<>();
        private final List<X509Certificate> asked = new ArrayList<>();

        Source(X509Certificate... naming) {
            this.naming = Set.of(naming);
        }

        Source saying(X509Certificate certificate, RevocationStatus status) {
            answers.put(certificate, status);
            return this;
        }

        @Override
        public RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
            asked.add(certificate);
            return answers.getOrDefault(certificate, RevocationStatus.GOOD);
        }

        @Override
        public boolean names(X509Certificate certificate) {
            return naming.contains(certificate);
        }
    }

    @Test
    void givenBothModeAndACaNamingBothThenEachIsAskedAndAnyRevokedWins() {
        Source crl = new Source(CARD, MOICA);
        Source ocsp = new Source(CARD, MOICA).saying(MOICA, RevocationStatus.REVOKED);

        assertThat(new RevocationCheck(RevocationMode.BOTH, crl, ocsp).status(PATH, true)).isEqualTo(RevocationCheck.PathStatus.ISSUER_REVOKED);
        assertThat(crl.asked).containsExactly(MOICA);
        assertThat(ocsp.asked).containsExactly(MOICA);
    }

    @Test
    void givenOcspModeAndACaNamingOnlyACrlThenItsCrlIsAsked() {
        Source crl = new Source(MOICA).saying(MOICA, RevocationStatus.REVOKED);
        Source ocsp = new Source(CARD);

        assertThat(new RevocationCheck(RevocationMode.OCSP, crl, ocsp).status(PATH, false)).isEqualTo(RevocationCheck.PathStatus.ISSUER_REVOKED);
        assertThat(ocsp.asked).isEmpty();
    }

    @Test
    void givenCrlModeAndACaNamingBothThenOnlyItsCrlIsAsked() {
        Source crl = new Source(CARD, MOICA);
        Source ocsp = new Source(CARD, MOICA).saying(MOICA, RevocationStatus.REVOKED);

        assertThat(new RevocationCheck(RevocationMode.CRL, crl, ocsp).status(PATH, false)).isEqualTo(RevocationCheck.PathStatus.GOOD);
        assertThat(ocsp.asked).isEmpty();
    }

    @Test
    void givenACaNamingNoSourceThenItCannotBeCheckedAndFailingClosedTheCardIsNotAsked() {
        Source crl = new Source(CARD);
        Source ocsp = new Source(CARD);

        assertThat(new RevocationCheck(RevocationMode.BOTH, crl, ocsp).status(PATH, false)).isEqualTo(RevocationCheck.PathStatus.UNAVAILABLE);
        assertThat(crl.asked).isEmpty();
        assertThat(ocsp.asked).isEmpty();
    }

    @Test
    void givenACaThatCannotBeCheckedWhenFailingOpenThenARevokedCardIsStillRevoked() {
        Source crl = new Source(CARD, MOICA).saying(MOICA, RevocationStatus.UNAVAILABLE).saying(CARD, RevocationStatus.REVOKED);
        Source ocsp = new Source(CARD, MOICA);

        assertThat(new RevocationCheck(RevocationMode.CRL, crl, ocsp).status(PATH, true)).isEqualTo(RevocationCheck.PathStatus.CARD_REVOKED);
    }

    @Test
    void givenTheCardNamingNoSourceThenItIsAskedAnyway() {
        // The card's sources are asked as before, named or not: a card naming none cannot be checked.
        Source crl = new Source(MOICA).saying(CARD, RevocationStatus.UNAVAILABLE);
        Source ocsp = new Source(MOICA);

        assertThat(new RevocationCheck(RevocationMode.CRL, crl, ocsp).status(PATH, false)).isEqualTo(RevocationCheck.PathStatus.UNAVAILABLE);
        assertThat(crl.asked).containsExactly(MOICA, CARD);
    }

    @Test
    void givenTheIssuingCaConfiguredAsTheRootThenOnlyTheCardIsAsked() {
        Source crl = new Source(CARD, MOICA);
        Source ocsp = new Source(CARD, MOICA);

        assertThat(new RevocationCheck(RevocationMode.BOTH, crl, ocsp).status(List.of(CARD, MOICA), false)).isEqualTo(RevocationCheck.PathStatus.GOOD);
        assertThat(crl.asked).containsExactly(CARD);
    }

    @Test
    void givenModeNoneThenNothingIsAsked() {
        Source crl = new Source(CARD, MOICA).saying(MOICA, RevocationStatus.REVOKED);

        assertThat(new RevocationCheck(RevocationMode.NONE, crl, crl).status(PATH, false)).isEqualTo(RevocationCheck.PathStatus.GOOD);
        assertThat(crl.asked).isEmpty();
    }
}
