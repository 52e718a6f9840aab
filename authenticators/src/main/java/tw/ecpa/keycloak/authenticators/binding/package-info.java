/**
 * Bound cards: the card-binding table, the bound-certificate credential, and the binding service (holder
 * check, then bind) both binding pages use. Uses the gate and the holder check.
 */
package tw.ecpa.keycloak.authenticators.binding;
