/**
 * The home step: the ECPA home page with its installed boxes, the first step of the browser flow.
 * Assembles the account and certificate boxes.
 */
package tw.ecpa.keycloak.authenticators.home;
