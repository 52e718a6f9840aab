package tw.ecpa.keycloak.requiredactions.birthday;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelValidationException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import tw.ecpa.keycloak.core.BundleVersion;
import tw.ecpa.keycloak.core.account.BirthdayFormat;
import tw.ecpa.keycloak.core.account.GeneratedPasswordLifespan;

/**
 * Required action {@value #PROVIDER_ID}: birthday and new password after a reset. Configurable per
 * realm (Keycloak's required-action configuration): {@value #CONFIG_BIRTHDAY_FORMAT} is one of
 * {@link BirthdayFormat}, by default {@link BirthdayFormat#DEFAULT}; {@value #CONFIG_GENERATED_PASSWORD_LIFESPAN}
 * is how long the e-mailed password opens this step ({@link GeneratedPasswordLifespan}, read by 帳號登入).
 */
public final class BirthdayPasswordActionFactory implements RequiredActionFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ecpa-birthday-password";
    public static final String CONFIG_BIRTHDAY_FORMAT = "birthday-format";
    public static final String CONFIG_GENERATED_PASSWORD_LIFESPAN = GeneratedPasswordLifespan.CONFIG_KEY;
    private static final BirthdayPasswordAction ACTION = new BirthdayPasswordAction();

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(CONFIG_BIRTHDAY_FORMAT)
            .label("Birthday format")
            .helpText("What the person types as their birthday: SHORT_CODE (the guide's two-digit code, the day of"
                    + " the month), MONTH_DAY (MMDD) or ROC_DATE (the full ROC date, 0690512; the default).")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(Arrays.stream(BirthdayFormat.values()).map(Enum::name).toList())
            .defaultValue(BirthdayFormat.DEFAULT.name())
            .add()
            .property()
            .name(CONFIG_GENERATED_PASSWORD_LIFESPAN)
            .label("Generated password lifespan")
            .helpText("How long the password a personnel reset e-mails can be used at 帳號登入: a number and a unit,"
                    + " d (days), h, m or s, e.g. 7d (the default), 36h. After it, 帳號登入 refuses that password with its"
                    + " own message and the person asks for a new reset.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue("7d")
            .add()
            .build();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return ACTION;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "ECPA first login after a password reset (birthday and new password)";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return CONFIG;
    }

    /** A lifespan that names none (0, an unknown unit) is refused when saved, not silently read as the default. */
    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        String lifespan = model.getConfigValue(CONFIG_GENERATED_PASSWORD_LIFESPAN);
        if (lifespan != null && !lifespan.isBlank() && GeneratedPasswordLifespan.parse(lifespan).isEmpty()) {
            throw new ModelValidationException(CONFIG_GENERATED_PASSWORD_LIFESPAN
                    + ": a number above 0 and a unit d, h, m or s, e.g. 7d");
        }
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return BundleVersion.operationalInfo();
    }
}
