<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('account') displayInfo=true; section>
<!-- template: ecpa-forgot-password.ftl -->
    <#if section = "header">
        ${msg("ecpa.forgot.title")}
    <#elseif section = "form">
        <p id="ecpa-forgot-password-instruction">${msg("ecpa.forgot.instruction")}</p>
        <form id="ecpa-forgot-password-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="account" label=msg("ecpa.forgot.account") error=messagesPerField.getFirstError('account')
                autofocus=true autocomplete="username" value=ecpaTypedAccount!'' />
            <div class="${properties.kcFormGroupClass!}">
                <button id="ecpa-forgot-password-submit" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("ecpa.forgot.submit")}</button>
            </div>
        </form>
    <#elseif section = "info">
        <p id="ecpa-forgot-password-back"><a href="${url.loginUrl}">${msg("ecpa.forgot.backToLogin")}</a></p>
    </#if>
</@layout.registrationLayout>
