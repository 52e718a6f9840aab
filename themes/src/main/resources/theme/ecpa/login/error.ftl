<#import "template.ftl" as layout>
<#-- Keycloak's error page with the guide's two ways on: 上一步 (the page before) and 回首頁 (the portal's home).
     Keycloak's bare "internal server error", which its error handler shows for any status it meets (an
     uncaught server error: the database down, say; a form over the server's size limit, 413; a request the
     HTTP layer refused), becomes what happened and what to do: Keycloak rolled the request back or never
     ran it, so nothing sent was saved. An error page with a message of its own keeps that message. -->
<@layout.registrationLayout displayMessage=false; section>
<!-- template: error.ftl (ecpa) -->
    <#if section = "header">
        ${kcSanitize(msg("errorTitle"))?no_esc}
    <#elseif section = "form">
        <div id="kc-error-message" class="${properties.kcAlertClass!} pf-m-danger" role="alert">
            <#-- Keycloak's error handler says "internal server error" for every status but 404 -->
            <#assign serverWords = message.summary == msg("internalServerError")>
            <#if serverWords && (statusCode!0) gte 500>
                <p class="instruction" id="ecpa-unavailable">${msg("ecpa.error.unavailable")}</p>
            <#elseif serverWords && (statusCode!0) == 413>
                <p class="instruction" id="ecpa-too-large">${msg("ecpa.error.tooLarge")}</p>
            <#elseif serverWords && (statusCode!0) gte 400>
                <p class="instruction" id="ecpa-bad-request">${msg("ecpa.error.badRequest")}</p>
            <#else>
                <p class="instruction">${kcSanitize(message.summary)?no_esc}</p>
            </#if>
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
