package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.keycloak.representations.info.ThemeInfoRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.authenticators.account.ForgotPasswordLookupFactory;
import tw.ecpa.keycloak.authenticators.binding.BoundCertificateCredentialProviderFactory;
import tw.ecpa.keycloak.authenticators.binding.CardBindingSchemaFactory;
import tw.ecpa.keycloak.authenticators.cardbinding.CardBindingActionFactory;
import tw.ecpa.keycloak.authenticators.cardbinding.CardExpiryNoticeFactory;
import tw.ecpa.keycloak.authenticators.cardbinding.CertificateBindingAuthenticatorFactory;
import tw.ecpa.keycloak.authenticators.certificate.CertificateLoginAuthenticatorFactory;
import tw.ecpa.keycloak.authenticators.directgrant.DirectGrantRefusalFactory;
import tw.ecpa.keycloak.authenticators.home.EcpaHomeAuthenticatorFactory;
import tw.ecpa.keycloak.authenticators.metrics.EcpaMetricsListenerFactory;
import tw.ecpa.keycloak.authenticators.notices.CredentialNoticeListenerFactory;
import tw.ecpa.keycloak.authenticators.tokens.CustomAccountMapper;
import tw.ecpa.keycloak.authenticators.tokens.LoginMethodAmrMapper;
import tw.ecpa.keycloak.authenticators.tokens.PersonNameMapper;
import tw.ecpa.keycloak.core.BundleVersion;
import tw.ecpa.keycloak.holder.CertificateSuffixHolderVerifierFactory;
import tw.ecpa.keycloak.holder.HolderVerifierSpi;
import tw.ecpa.keycloak.holder.HttpHolderVerifierFactory;
import tw.ecpa.keycloak.policy.ForbiddenCharactersPasswordPolicy;
import tw.ecpa.keycloak.policy.LettersPasswordPolicy;
import tw.ecpa.keycloak.policy.NotNationalIdPasswordPolicy;
import tw.ecpa.keycloak.portal.LoginCountingListenerFactory;
import tw.ecpa.keycloak.portal.PortalChromeResourceFactory;
import tw.ecpa.keycloak.portal.VisitorCountSchemaFactory;
import tw.ecpa.keycloak.personnel.PersonnelApiFactory;
import tw.ecpa.keycloak.personnel.console.PersonnelConsoleFactory;
import tw.ecpa.keycloak.personneldb.PersonnelDatabaseStorageProviderFactory;
import tw.ecpa.keycloak.profile.NationalIdValidator;
import tw.ecpa.keycloak.requiredactions.birthday.BirthdayPasswordActionFactory;
import tw.ecpa.keycloak.requiredactions.password.PasswordSavedNoticeFactory;
import tw.ecpa.keycloak.requiredactions.personaldata.PersonalDataActionFactory;

@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class ServerInfoIT extends EcpaIntegrationTest {

    /**
     * Every provider factory the bundle registers, as SPI id → provider id. A factory added to a
     * META-INF/services file without being listed here fails {@link #theListCoversEveryRegisteredFactory()}.
     */
    static final Map<String, List<String>> OUR_PROVIDERS = Map.of(
            "validator", List.of(NationalIdValidator.ID),
            "authenticator", List.of(EcpaHomeAuthenticatorFactory.PROVIDER_ID,
                    CertificateLoginAuthenticatorFactory.PROVIDER_ID, CertificateBindingAuthenticatorFactory.PROVIDER_ID,
                    ForgotPasswordLookupFactory.PROVIDER_ID, DirectGrantRefusalFactory.PROVIDER_ID),
            HolderVerifierSpi.NAME, List.of(CertificateSuffixHolderVerifierFactory.PROVIDER_ID, HttpHolderVerifierFactory.PROVIDER_ID),
            "credential", List.of(BoundCertificateCredentialProviderFactory.PROVIDER_ID),
            "protocol-mapper", List.of(LoginMethodAmrMapper.PROVIDER_ID, CustomAccountMapper.PROVIDER_ID, PersonNameMapper.PROVIDER_ID),
            "required-action", List.of(PersonalDataActionFactory.PROVIDER_ID, BirthdayPasswordActionFactory.PROVIDER_ID,
                    CardBindingActionFactory.PROVIDER_ID, PasswordSavedNoticeFactory.PROVIDER_ID, CardExpiryNoticeFactory.PROVIDER_ID),
            "password-policy", List.of(LettersPasswordPolicy.ID, ForbiddenCharactersPasswordPolicy.ID, NotNationalIdPasswordPolicy.ID),
            "admin-realm-restapi-extension", List.of(PersonnelApiFactory.PROVIDER_ID),
            "realm-restapi-extension", List.of(PersonnelConsoleFactory.PROVIDER_ID),
            // The card bindings' own table, whose key lets one card belong to one person.
            "jpa-entity-provider", List.of(CardBindingSchemaFactory.PROVIDER_ID));

    // theme: the portal chrome's providers (visitor figures, header data); Map.of holds at most ten pairs.
    static final Map<String, List<String>> PORTAL_PROVIDERS = Map.of(
            "jpa-entity-provider", List.of(VisitorCountSchemaFactory.PROVIDER_ID),
            "eventsListener", List.of(LoginCountingListenerFactory.PROVIDER_ID),
            "realm-restapi-extension", List.of(PortalChromeResourceFactory.PROVIDER_ID));

    // The login events' meters (docs/operations.md, Metrics and alerts): a global listener, in no realm's list.
    static final Map<String, List<String>> METRICS_PROVIDERS = Map.of(
            "eventsListener", List.of(EcpaMetricsListenerFactory.PROVIDER_ID));

    // The personnel database as User federation (docs/personnel-database.md).
    static final Map<String, List<String>> PERSONNEL_DATABASE_PROVIDERS = Map.of(
            "storage", List.of(PersonnelDatabaseStorageProviderFactory.PROVIDER_ID));

    // The notices of credential changes (docs/configuration.md): a listener in the ecpa realm's list.
    static final Map<String, List<String>> NOTICE_PROVIDERS = Map.of(
            "eventsListener", List.of(CredentialNoticeListenerFactory.PROVIDER_ID));

    @Test
    void theServerRunsEveryProviderFactoryOfOurs() {
        ServerInfoRepresentation info = admin.serverInfo().getInfo();

        Stream.of(OUR_PROVIDERS, PORTAL_PROVIDERS, METRICS_PROVIDERS, PERSONNEL_DATABASE_PROVIDERS, NOTICE_PROVIDERS).flatMap(providers -> providers.entrySet().stream())
                .forEach(entry -> assertThat(info.getProviders().get(entry.getKey()).getProviders())
                        .as("providers of SPI %s", entry.getKey())
                        .containsKeys(entry.getValue().toArray(String[]::new)));
    }

    /** The admin console's server info shows, under each provider of ours, the version of the bundle it came in. */
    @Test
    void everyProviderOfOursReportsTheBundleVersion() {
        ServerInfoRepresentation info = admin.serverInfo().getInfo();
        Map<String, String> notReporting = new TreeMap<>();
        Stream.of(OUR_PROVIDERS, PORTAL_PROVIDERS, METRICS_PROVIDERS, PERSONNEL_DATABASE_PROVIDERS, NOTICE_PROVIDERS).flatMap(providers -> providers.entrySet().stream())
                .forEach(entry -> entry.getValue().forEach(id -> {
                    Map<String, String> operational = info.getProviders().get(entry.getKey()).getProviders().get(id).getOperationalInfo();
                    if (operational == null || !BundleVersion.version().equals(operational.get("version"))) {
                        notReporting.put(entry.getKey() + "/" + id, String.valueOf(operational));
                    }
                }));

        assertThat(notReporting).as("providers whose server info lacks {version=%s}", BundleVersion.version()).isEmpty();
    }

    @Test
    void theServerHasTheEcpaLoginAndEmailThemes() {
        Map<String, List<ThemeInfoRepresentation>> themes = admin.serverInfo().getInfo().getThemes();

        assertThat(themes.get("login")).extracting(ThemeInfoRepresentation::getName).contains("ecpa");
        assertThat(themes.get("email")).extracting(ThemeInfoRepresentation::getName).contains("ecpa");
        ThemeInfoRepresentation login = themes.get("login").stream().filter(t -> t.getName().equals("ecpa")).findFirst().orElseThrow();
        assertThat(login.getLocales()).contains("zh-Hant", "en");
    }

    @Test
    void theListCoversEveryRegisteredFactory() throws IOException, URISyntaxException {
        int listed = Stream.of(OUR_PROVIDERS, PORTAL_PROVIDERS, METRICS_PROVIDERS, PERSONNEL_DATABASE_PROVIDERS, NOTICE_PROVIDERS).flatMap(providers -> providers.values().stream())
                .mapToInt(List::size).sum();

        assertThat(registeredFactoryClasses()).hasSize(listed);
    }

    /** The factory class names in the bundle jar's META-INF/services files (an SPI's own declaration is no factory). */
    private static List<String> registeredFactoryClasses() throws IOException, URISyntaxException {
        Path bundle = Path.of(NationalIdValidator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(bundle.toFile())) {
            for (var entry : Collections.list(jar.entries())) {
                if (entry.getName().startsWith("META-INF/services/") && !entry.isDirectory()
                        && !entry.getName().equals("META-INF/services/org.keycloak.provider.Spi")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                                .map(String::strip)
                                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                                .forEach(classes::add);
                    }
                }
            }
        }
        return classes;
    }
}
