/**
 * What the tokens say about a login: amr from the login method, the custom account, the person's name.
 */
package tw.ecpa.keycloak.authenticators.tokens;
