<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('birthday','password-new','password-confirm'); section>
<!-- template: ecpa-birthday-password.ftl -->
    <#if section = "header">
        ${msg("ecpa.password.title")}
    <#elseif section = "form">
        <div id="ecpa-first-login-notice" class="${properties.kcAlertClass!} pf-m-warning" role="status">
            <span class="${properties.kcAlertTitleClass!}">${msg("ecpa.birthday.firstLogin")}</span>
        </div>
        <ol id="ecpa-password-rules">
            <li>${msg("ecpa.password.rule.strength")}</li>
            <li>${msg("ecpa.password.rule.forbidden", ecpaForbiddenCharacters)}</li>
        </ol>
        <form id="ecpa-birthday-password-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="birthday" label=msg("ecpa.birthday.label") required=true autofocus=true autocomplete="off" />
            <p id="ecpa-birthday-hint" class="${properties.kcInputHelperTextItemTextClass!}">${msg("ecpa.birthday.hint." + ecpaBirthdayFormat, ecpaBirthdayExample)}</p>
            <@field.password name="password-new" label=msg("passwordNew") required=true autocomplete="new-password" />
            <@field.password name="password-confirm" label=msg("passwordNewConfirm") required=true autocomplete="new-password" />
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="kc-submit" name="submit" label="doSubmit"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
