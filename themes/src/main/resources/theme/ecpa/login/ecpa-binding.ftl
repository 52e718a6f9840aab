<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('account'); section>
<!-- template: ecpa-binding.ftl -->
    <#if section = "header">
        ${msg("ecpa.binding.title")}
    <#elseif section = "form">
        <p id="ecpa-binding-instruction">${msg("ecpa.binding.instruction")}</p>
        <form id="ecpa-binding-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate"
              onsubmit="document.getElementById('ecpa-binding-next').disabled = true; document.getElementById('ecpa-binding-waiting').hidden = false; return true;">
            <@field.input name="account" label=msg("ecpa.binding.account") error=messagesPerField.getFirstError('account')
                autofocus=true autocomplete="username" value=ecpaTypedAccount!'' />
            <p id="ecpa-binding-waiting" hidden="hidden">${msg("ecpa.binding.waiting")}</p>
            <div class="${properties.kcFormGroupClass!}">
                <button id="ecpa-binding-next" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("ecpa.binding.next")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
