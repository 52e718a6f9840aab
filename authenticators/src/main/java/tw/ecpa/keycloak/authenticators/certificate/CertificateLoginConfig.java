package tw.ecpa.keycloak.authenticators.certificate;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.AuthenticatorConfigModel;

/**
 * The certificate settings, read from the realm's certificate configuration ({@link CertificateSettings}) with explicit defaults:
 * revocation by CRL and OCSP, failing closed, OCSP answers kept ten minutes, three seconds at most for
 * each download from a revocation source; a two-minute nonce; the
 * card component where MOICA's installer puts it. Trust anchors and accepted policies have no default: without them nothing is accepted.
 */
record CertificateLoginConfig(
        String trustAnchorsPem,
        String issuingCasPem,
        RevocationMode revocationMode,
        boolean revocationFailOpen,
        Duration nonceLifetime,
        String componentUrl,
        Set<String> citizenPolicies,
        Set<String> agencyPolicies,
        Duration ocspCacheMaxAge,
        Duration revocationTimeout) {

    static final String TRUST_ANCHORS = "ecpa.certificate.trustAnchors";
    static final String ISSUING_CAS = "ecpa.certificate.issuingCas";
    static final String REVOCATION_MODE = "ecpa.certificate.revocationMode";
    static final String REVOCATION_FAIL_OPEN = "ecpa.certificate.revocationFailOpen";
    static final String NONCE_LIFETIME_SECONDS = "ecpa.certificate.nonceLifetimeSeconds";
    static final String COMPONENT_URL = "ecpa.certificate.componentUrl";
    static final String CITIZEN_POLICIES = "ecpa.certificate.citizenPolicies";
    static final String AGENCY_POLICIES = "ecpa.certificate.agencyPolicies";
    static final String OCSP_CACHE_SECONDS = "ecpa.certificate.ocspCacheSeconds";
    static final String REVOCATION_TIMEOUT_MILLIS = "ecpa.certificate.revocationTimeoutMillis";

    static final RevocationMode DEFAULT_REVOCATION_MODE = RevocationMode.BOTH;
    static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofMinutes(2);
    static final String DEFAULT_COMPONENT_URL = "http://localhost:61161";
    static final Duration DEFAULT_OCSP_CACHE_MAX_AGE = Duration.ofMinutes(10);
    /**
     * The longest an OCSP answer is reused, whatever is configured: a revocation must reach every login
     * within a day. The answer's own nextUpdate shortens it further ({@link CachedOcspAnswers}).
     */
    static final Duration MAX_OCSP_CACHE_MAX_AGE = Duration.ofDays(1);
    /** Long enough for a responder across the island, short enough that an outage does not hold the login. */
    static final Duration DEFAULT_REVOCATION_TIMEOUT = Duration.ofSeconds(3);
    static final Duration MAX_REVOCATION_TIMEOUT = Duration.ofMinutes(1);

    static CertificateLoginConfig read(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new CertificateLoginConfig(
                config.getOrDefault(TRUST_ANCHORS, ""),
                config.getOrDefault(ISSUING_CAS, ""),
                RevocationMode.parse(config.get(REVOCATION_MODE), DEFAULT_REVOCATION_MODE),
                Boolean.parseBoolean(config.get(REVOCATION_FAIL_OPEN)),
                Optional.ofNullable(config.get(NONCE_LIFETIME_SECONDS)).map(String::strip).filter(s -> s.matches("[0-9]{1,4}"))
                        .map(Long::parseLong).filter(s -> s > 0).map(Duration::ofSeconds).orElse(DEFAULT_NONCE_LIFETIME),
                Optional.ofNullable(config.get(COMPONENT_URL)).map(String::strip).filter(s -> !s.isEmpty())
                        .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s).orElse(DEFAULT_COMPONENT_URL),
                oids(config.get(CITIZEN_POLICIES)),
                oids(config.get(AGENCY_POLICIES)),
                ocspCacheMaxAge(config.get(OCSP_CACHE_SECONDS)),
                revocationTimeout(config.get(REVOCATION_TIMEOUT_MILLIS)));
    }

    /** Milliseconds, more than 0 and at most a minute; anything else is the default. */
    private static Duration revocationTimeout(String millis) {
        return Optional.ofNullable(millis).map(String::strip).filter(s -> s.matches("[0-9]{1,5}"))
                .map(Long::parseLong).filter(m -> m > 0).map(Duration::ofMillis)
                .filter(d -> d.compareTo(MAX_REVOCATION_TIMEOUT) <= 0).orElse(DEFAULT_REVOCATION_TIMEOUT);
    }

    private static Duration ocspCacheMaxAge(String seconds) {
        Duration configured = Optional.ofNullable(seconds).map(String::strip).filter(s -> s.matches("[0-9]{1,6}"))
                .map(Long::parseLong).map(Duration::ofSeconds).orElse(DEFAULT_OCSP_CACHE_MAX_AGE);
        return configured.compareTo(MAX_OCSP_CACHE_MAX_AGE) > 0 ? MAX_OCSP_CACHE_MAX_AGE : configured;
    }

    /** OIDs separated by commas, spaces or the admin console's multivalued separator {@code ##}. */
    static Set<String> oids(String value) {
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split("##|[,\\s]+")).map(String::strip).filter(s -> s.matches("[0-9]+(\\.[0-9]+)+"))
                .collect(Collectors.toUnmodifiableSet());
    }
}
