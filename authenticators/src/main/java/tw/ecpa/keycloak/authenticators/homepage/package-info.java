/**
 * The ECPA home page (首頁) and the contract of its boxes (帳號登入, 憑證登入), which the boxes implement and the
 * home step hands posts to.
 */
package tw.ecpa.keycloak.authenticators.homepage;
