/**
 * The ecpa meters of the login events: the global event listener {@code ecpa-metrics} counts LOGIN and
 * LOGIN_ERROR by login method and error, and the reset links 忘記密碼 mails (docs/operations.md, "Metrics
 * and alerts"). The meters of the revocation sources, the holder check and the letters are counted where
 * those happen.
 */
package tw.ecpa.keycloak.authenticators.metrics;
