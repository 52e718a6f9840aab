<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: ecpa-verification-failed.ftl -->
    <#if section = "header">
        ${msg("ecpa.binding.failedTitle")}
    <#elseif section = "form">
        <p id="ecpa-verification-step">${msg("ecpa.binding.failedStep")}</p>
        <div id="ecpa-verification-failed" class="${properties.kcAlertClass!} pf-m-danger" role="alert">
            <p><strong>${msg("ecpa.binding.failedHeading")}</strong></p>
            <p id="ecpa-failure-reason">${msg("ecpa.binding.failureReason")} ${msg(ecpaFailureReason)}</p>
        </div>
        <form id="ecpa-verification-failed-form" action="${url.loginAction}" method="post">
            <input type="hidden" name="ecpa.back" value="1"/>
            <div class="${properties.kcFormGroupClass!}">
                <button id="ecpa-back" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}">${msg("ecpa.binding.back")}</button>
                <a id="ecpa-home" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!}" href="${url.loginRestartFlowUrl}">${msg("ecpa.binding.home")}</a>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
