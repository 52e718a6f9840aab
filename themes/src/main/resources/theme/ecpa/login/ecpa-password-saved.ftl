<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#-- After 送出 on a password page: 操作成功 as Keycloak's success message, the guide's reminder, 繼續 to the application. -->
<@layout.registrationLayout displayMessage=true; section>
<!-- template: ecpa-password-saved.ftl -->
    <#if section = "header">
        ${msg("ecpa.password.title")}
    <#elseif section = "form">
        <p id="ecpa-password-saved-reminder">${msg("ecpa.password.saved.reminder")}</p>
        <form id="ecpa-password-saved-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="kc-submit" name="continue" label="ecpa.password.saved.continue"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
