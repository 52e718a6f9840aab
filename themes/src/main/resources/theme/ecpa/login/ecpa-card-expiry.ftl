<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#-- After a login whose person's bound card ends within 30 days (CardExpiryNotice): when, and how to bind the renewed certificate. -->
<@layout.registrationLayout displayMessage=false; section>
<!-- template: ecpa-card-expiry.ftl -->
    <#if section = "header">
        ${msg("ecpa.cardExpiry.title")}
    <#elseif section = "form">
        <div id="ecpa-card-expiry">
            <p id="ecpa-card-expiry-notice"><strong>${msg("ecpa.cardExpiry.notice", ecpaExpiringLastDay, ecpaExpiringDaysLeft)}</strong></p>
            <p id="ecpa-card-expiry-card">${msg("ecpa.cardExpiry.card", ecpaExpiringCard)}</p>
            <p id="ecpa-card-expiry-renew">${msg("ecpa.cardExpiry.renew")}</p>
            <p id="ecpa-card-expiry-bind">${msg("ecpa.cardExpiry.bind")}</p>
            <p id="ecpa-card-expiry-help">${msg("ecpa.cardExpiry.help")}</p>
        </div>
        <form id="ecpa-card-expiry-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="kc-submit" name="continue" label="ecpa.cardExpiry.continue"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
