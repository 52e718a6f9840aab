/**
 * May this person log in: the login gate every step that logs someone in asks (locked, disabled, departed,
 * the kind of account), and the personnel-record facts it reads. Depends on nothing of this module.
 */
package tw.ecpa.keycloak.authenticators.gate;
