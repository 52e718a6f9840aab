/**
 * 帳號登入 and 忘記密碼: the password box, the look-up of a typed custom account or national ID, the forgot-
 * password step. Uses the gate and the home page contract.
 */
package tw.ecpa.keycloak.authenticators.account;
