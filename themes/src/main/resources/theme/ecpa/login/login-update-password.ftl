<#import "template.ftl" as layout>
<#import "password-commons.ftl" as passwordCommons>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Keycloak's update-password page with the guide's two rules above the fields. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password','password-confirm'); section>
<!-- template: login-update-password.ftl (ecpa) -->
    <#if section = "header">
        ${msg("ecpa.password.title")}
    <#elseif section = "form">
        <ol id="ecpa-password-rules">
            <li>${msg("ecpa.password.rule.strength")}</li>
            <li>${msg("ecpa.password.rule.forbidden", "% & + * ? < > / \\ '")}</li>
        </ol>
        <form id="kc-passwd-update-form" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.password name="password-new" label=msg("passwordNew") fieldName="password" autocomplete="new-password" autofocus=true />
            <@field.password name="password-confirm" label=msg("passwordNewConfirm") autocomplete="new-password" />

            <div class="${properties.kcFormGroupClass}">
                <@passwordCommons.logoutOtherSessions/>
            </div>

            <#-- 取消 only where the step may be left: a change the person asked for (kc_action=UPDATE_PASSWORD, the
                 account console's 修改密碼). A first login's password (FirstLoginPassword), an officer's or an
                 administrator's demand and 忘記密碼 are on the person or the login and cannot be left. -->
            <@buttons.actionGroup horizontal=true>
                <#if isAppInitiatedAction??>
                    <@buttons.button id="kc-submit" name="login" label="doSubmit"/>
                    <@buttons.button id="kc-cancel" label="doCancel" name="cancel-aia" type="secondary"/>
                <#else>
                    <@buttons.button id="kc-submit" name="login" label="doSubmit"/>
                </#if>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
