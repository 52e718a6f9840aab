/**
 * The notices of credential changes (NIST SP 800-63B-4: a person is told when an authenticator is bound
 * or changed): the realm event listener {@code ecpa-credential-notice} mails the person when a card is
 * bound or removed and when the password is changed, once the change has committed, and records a notice
 * the mail server refused as an event (docs/operations.md, "Events to watch").
 */
package tw.ecpa.keycloak.authenticators.notices;
