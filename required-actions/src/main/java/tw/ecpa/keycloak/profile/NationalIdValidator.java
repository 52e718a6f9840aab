package tw.ecpa.keycloak.profile;

import java.util.List;
import java.util.Map;

import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

import tw.ecpa.keycloak.core.BundleVersion;
import tw.ecpa.keycloak.core.NationalId;

/**
 * User-profile validator {@value #ID}: the attribute holds a canonical national ID or resident number
 * with a correct checksum. Each kind of mistake has its own message, so that the officer who keys in a
 * record sees what to fix.
 */
public final class NationalIdValidator extends AbstractStringValidator implements ConfiguredProvider, ServerInfoAwareProviderFactory {

    public static final String ID = "ecpa-national-id";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected void doValidate(String value, String inputHint, ValidationContext context, ValidatorConfig config) {
        NationalId.problem(value).ifPresent(problem ->
                context.addError(new ValidationError(ID, inputHint, messageKey(problem))));
    }

    /** {@code ecpa.nationalId.wrongChecksum} and so on; the ecpa themes hold the texts. */
    static String messageKey(NationalId.Problem problem) {
        return "ecpa.nationalId." + switch (problem) {
            case EMPTY -> "empty";
            case WRONG_LENGTH -> "wrongLength";
            case WRONG_FORMAT -> "wrongFormat";
            case WRONG_CHECKSUM -> "wrongChecksum";
        };
    }

    @Override
    public String getHelpText() {
        return "Taiwanese national ID or resident number (身分證字號／居留證號): format and checksum.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return BundleVersion.operationalInfo();
    }
}
