/**
 * The steps that bind a card: 自然人憑證身分驗證 on the first certificate login and 自然人憑證上傳 while signed in. The
 * top of the module: uses the certificate login, bound cards, the gate and the account look-up.
 */
package tw.ecpa.keycloak.authenticators.cardbinding;
