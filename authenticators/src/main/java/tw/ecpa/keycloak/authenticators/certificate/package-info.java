/**
 * 憑證登入: checking the card component's answer (signature, trust, policies, revocation, nonce), logging in
 * the person a card is bound to or an agency's account, and the certificate level that login reaches. Uses
 * bound cards, the gate and the home page contract.
 */
package tw.ecpa.keycloak.authenticators.certificate;
