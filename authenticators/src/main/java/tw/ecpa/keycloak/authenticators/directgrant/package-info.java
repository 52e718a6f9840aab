/**
 * The direct grant refused: the password grant would skip every step of the browser flow.
 */
package tw.ecpa.keycloak.authenticators.directgrant;
