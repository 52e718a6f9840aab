<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') displayInfo=true; section>
<!-- template: ecpa-home.ftl -->
    <#if section = "header">
        ${msg("ecpa.home.title")}
    <#elseif section = "form">
        <div id="kc-form">
          <div id="kc-form-wrapper">
            <#if ecpaLoginMethods?seq_contains("password")>
                <section id="ecpa-account-login" aria-labelledby="ecpa-account-login-title">
                    <h2 id="ecpa-account-login-title" class="${properties.kcFormGroupLabelClass!}">${msg("ecpa.home.accountLogin")}</h2>
                    <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
                        <input type="hidden" name="ecpa.method" value="password"/>
                        <@field.input name="username" label=msg("ecpa.home.account") error=messagesPerField.getFirstError('username','password')
                            autofocus=true autocomplete="username" value=ecpaTypedAccount!'' />
                        <@field.password name="password" label=msg("password") error="" autocomplete="current-password" />
                        <@buttons.loginButton />
                    </form>
                    <#if realm.resetPasswordAllowed>
                        <p id="ecpa-forgot-password"><a id="ecpa-forgot-password-link" href="${url.loginResetCredentialsUrl}">${msg("ecpa.forgot.link")}</a></p>
                    </#if>
                </section>
            </#if>
            <#if ecpaLoginMethods?seq_contains("certificate") && ecpaNonce??>
                <section id="ecpa-certificate-login" aria-labelledby="ecpa-certificate-login-title">
                    <h2 id="ecpa-certificate-login-title" class="${properties.kcFormGroupLabelClass!}">${msg("ecpa.certificate.box")}</h2>
                    <#-- The PIN input has no name: it goes to the card component only, never to this server. -->
                    <form id="ecpa-certificate-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
                          data-nonce="${ecpaNonce}" data-component-url="${ecpaComponentUrl}">
                        <input type="hidden" name="ecpa.method" value="certificate"/>
                        <div class="${properties.kcFormGroupClass!}">
                            <label for="ecpa-pin" class="${properties.kcLabelClass!}">${msg("ecpa.certificate.pin")}</label>
                            <input id="ecpa-pin" type="password" class="${properties.kcInputClass!}" autocomplete="off"
                                   inputmode="numeric" minlength="6" maxlength="8" required="required"/>
                        </div>
                        <input type="hidden" id="ecpa-card-answer" name="ecpa.cardAnswer" value=""/>
                        <p id="ecpa-certificate-waiting" hidden="hidden">${msg("ecpa.certificate.waiting")}</p>
                        <#-- What a person needs before the box can work: the guide's card component runs on their own PC. -->
                        <p id="ecpa-certificate-requirements" class="${properties.kcInputHelperTextItemTextClass!}">${msg("ecpa.certificate.requirements")}</p>
                        <noscript><p id="ecpa-certificate-noscript">${msg("ecpa.certificate.noScript")}</p></noscript>
                        <div class="${properties.kcFormGroupClass!}">
                            <button id="ecpa-certificate-login-button" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("doLogIn")}</button>
                        </div>
                    </form>
                    <script src="${url.resourcesPath}/js/ecpa-card.js"></script>
                </section>
            </#if>
          </div>
        </div>
    <#elseif section = "info">
        <p id="ecpa-privacy-notice">${msg("ecpa.home.privacyNotice")}</p>
    </#if>
</@layout.registrationLayout>
