<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: ecpa-certificate.ftl -->
    <#if section = "header">
        ${msg("ecpa.certificate.title")}
    <#elseif section = "form">
        <section id="ecpa-certificate-login" aria-labelledby="ecpa-certificate-login-title">
            <h2 id="ecpa-certificate-login-title" class="${properties.kcFormGroupLabelClass!}">${msg("ecpa.certificate.box")}</h2>
            <#-- The PIN input has no name: it goes to the card component only, never to this server. -->
            <form id="ecpa-certificate-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
                  data-nonce="${ecpaNonce}" data-component-url="${ecpaComponentUrl}">
                <div class="${properties.kcFormGroupClass!}">
                    <label for="ecpa-pin" class="${properties.kcLabelClass!}">${msg("ecpa.certificate.pin")}</label>
                    <input id="ecpa-pin" type="password" class="${properties.kcInputClass!}" autocomplete="off"
                           inputmode="numeric" minlength="6" maxlength="8" required="required" autofocus="autofocus"/>
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
        </section>
        <script src="${url.resourcesPath}/js/ecpa-card.js"></script>
    <#elseif section = "info">
        <p id="ecpa-certificate-help">${msg("ecpa.certificate.help")}</p>
    </#if>
</@layout.registrationLayout>
