package tw.ecpa.keycloak.personnel;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.Config;

/**
 * The operator's settings, from the server configuration of this provider, e.g.
 * {@code --spi-admin-realm-restapi-extension--ecpa-personnel--password-length=10}.
 *
 * @param certificateLevelFor the ways of resetting that need a certificate login ({@code acr=certificate})
 *                            of the caller: {@code certificate-level-for}, a comma list of {@code help-desk}
 *                            and {@code officer}, default {@code help-desk} (realm-wide reach deserves the
 *                            card); an agency-certificate login is a card login anyway
 * @param protectedRoles      realm roles whose holders nobody resets through this API, on top of the help
 *                            desk and every holder of a {@code realm-management} role: {@code protected-roles}
 * @param lookupsPerHour      searches and reset requests (step one) per caller per clock hour:
 *                            {@code lookups-per-hour}, default 120 (an officer's busy day, not a scan of IDs)
 */
record PersonnelSettings(int passwordLength, int resetsPerHour, int confirmationSeconds,
                         Set<ResetMethod> certificateLevelFor, Set<String> protectedRoles, int lookupsPerHour) {

    static final PersonnelSettings DEFAULTS = new PersonnelSettings(GeneratedPassword.DEFAULT_LENGTH, 30, 300,
            EnumSet.of(ResetMethod.HELP_DESK), Set.of(), 120);

    static PersonnelSettings from(Config.Scope config) {
        int length = config.getInt("password-length", DEFAULTS.passwordLength());
        if (length < GeneratedPassword.MIN_LENGTH) {
            throw new IllegalArgumentException("password-length must be at least " + GeneratedPassword.MIN_LENGTH);
        }
        return new PersonnelSettings(length,
                Math.max(1, config.getInt("resets-per-hour", DEFAULTS.resetsPerHour())),
                Math.max(30, config.getInt("confirmation-seconds", DEFAULTS.confirmationSeconds())),
                methods(config.get("certificate-level-for", ResetMethod.HELP_DESK.code())),
                names(config.get("protected-roles", "")),
                Math.max(1, config.getInt("lookups-per-hour", DEFAULTS.lookupsPerHour())));
    }

    static Set<ResetMethod> methods(String list) {
        Set<ResetMethod> methods = EnumSet.noneOf(ResetMethod.class);
        for (String code : names(list)) {
            methods.add(Arrays.stream(ResetMethod.values()).filter(m -> m.code().equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("certificate-level-for: unknown way of resetting " + code
                            + " (help-desk, officer)")));
        }
        return methods;
    }

    private static Set<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
