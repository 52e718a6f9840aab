<#import "template.ftl" as layout>
<#-- Keycloak's error page with the guide's two ways on: 上一步 (the page before) and 回首頁 (the portal's home). -->
<@layout.registrationLayout displayMessage=false; section>
<!-- template: error.ftl (ecpa) -->
    <#if section = "header">
        ${kcSanitize(msg("errorTitle"))?no_esc}
    <#elseif section = "form">
        <div id="kc-error-message" class="${properties.kcAlertClass!} pf-m-danger" role="alert">
            <p class="instruction">${kcSanitize(message.summary)?no_esc}</p>
            <#if traceId??>
                <p class="instruction" id="traceId">${msg("traceIdSupportMessage", traceId)}</p>
            </#if>
        </div>
        <div id="ecpa-error-ways" class="${properties.kcFormGroupClass!}">
            <button id="ecpa-back" type="button" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!}" onclick="history.back()">${msg("ecpa.page.back")}</button>
            <a id="ecpa-home" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}" href="${layout.homeUrl()}">${msg("ecpa.page.home")}</a>
            <#if !skipLink?? && client?? && client.baseUrl?has_content>
                <a id="backToApplication" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!}" href="${client.baseUrl}">${msg("backToApplication")}</a>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
