package tw.ecpa.keycloak.personnel;

import org.keycloak.Config;

/**
 * The operator's settings, from the server configuration of this provider, e.g.
 * {@code --spi-admin-realm-restapi-extension--ecpa-personnel--password-length=10}.
 */
record PersonnelSettings(int passwordLength, int resetsPerHour, int confirmationSeconds) {

    static final PersonnelSettings DEFAULTS = new PersonnelSettings(GeneratedPassword.DEFAULT_LENGTH, 30, 300);

    static PersonnelSettings from(Config.Scope config) {
        int length = config.getInt("password-length", DEFAULTS.passwordLength());
        if (length < GeneratedPassword.MIN_LENGTH) {
            throw new IllegalArgumentException("password-length must be at least " + GeneratedPassword.MIN_LENGTH);
        }
        return new PersonnelSettings(length,
                Math.max(1, config.getInt("resets-per-hour", DEFAULTS.resetsPerHour())),
                Math.max(30, config.getInt("confirmation-seconds", DEFAULTS.confirmationSeconds())));
    }
}
