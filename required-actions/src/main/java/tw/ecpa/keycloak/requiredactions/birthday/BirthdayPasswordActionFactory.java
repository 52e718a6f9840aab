package tw.ecpa.keycloak.requiredactions.birthday;

import java.util.Arrays;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import tw.ecpa.keycloak.core.account.BirthdayFormat;

/**
 * Required action {@value #PROVIDER_ID}: birthday and new password after a reset. Configurable per
 * realm (Keycloak's required-action configuration): {@value #CONFIG_BIRTHDAY_FORMAT} is one of
 * {@link BirthdayFormat}, by default {@link BirthdayFormat#DEFAULT}.
 */
public final class BirthdayPasswordActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "ecpa-birthday-password";
    public static final String CONFIG_BIRTHDAY_FORMAT = "birthday-format";
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

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
