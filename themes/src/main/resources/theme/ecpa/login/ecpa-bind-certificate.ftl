<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: ecpa-bind-certificate.ftl -->
    <#if section = "header">
        ${msg("ecpa.myArea.bindTitle")}
    <#elseif section = "form">
        <section id="ecpa-bind-certificate" aria-labelledby="ecpa-bind-certificate-title">
            <h2 id="ecpa-bind-certificate-title" class="${properties.kcFormGroupLabelClass!}">${msg("ecpa.myArea.bindHeading")}</h2>
            <p id="ecpa-bind-certificate-instruction">${msg("ecpa.myArea.bindInstruction")}</p>
            <#if ecpaNonce??>
                <#-- The same card form as 憑證登入 (ecpa-card.js): the PIN input has no name, it goes to the card component only. -->
                <form id="ecpa-certificate-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
                      data-nonce="${ecpaNonce}" data-component-url="${ecpaComponentUrl}">
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="ecpa-pin" class="${properties.kcLabelClass!}">${msg("ecpa.certificate.pin")}</label>
                        <input id="ecpa-pin" type="password" class="${properties.kcInputClass!}" autocomplete="off"
                               inputmode="numeric" minlength="6" maxlength="8" required="required" autofocus="autofocus"/>
                    </div>
                    <input type="hidden" id="ecpa-card-answer" name="ecpa.cardAnswer" value=""/>
                    <p id="ecpa-certificate-waiting" hidden="hidden">${msg("ecpa.certificate.waiting")}</p>
                    <div class="${properties.kcFormGroupClass!}">
                        <button id="ecpa-certificate-login-button" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("ecpa.myArea.bindButton")}</button>
                    </div>
                </form>
                <script src="${url.resourcesPath}/js/ecpa-card.js"></script>
            </#if>
            <#if isAppInitiatedAction??>
                <form id="ecpa-bind-cancel-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                    <button id="ecpa-bind-cancel" type="submit" name="cancel-aia" value="true" class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!}">${msg("doCancel")}</button>
                </form>
            </#if>
        </section>
    <#elseif section = "info">
        <p id="ecpa-certificate-help">${msg("ecpa.certificate.help")}</p>
    </#if>
</@layout.registrationLayout>
