<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','email','phoneNumber','egovMessages'); section>
<!-- template: ecpa-personal-data.ftl -->
    <#if section = "header">
        ${msg("ecpa.personalData.title")}
    <#elseif section = "form">
        <div id="ecpa-personal-data-notice" class="${properties.kcAlertClass!} pf-m-info" role="status">
            <span class="${properties.kcAlertTitleClass!}">${msg("ecpa.personalData.notice")}</span>
        </div>
        <form id="ecpa-personal-data-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="username" label=msg("ecpa.customAccount") value=ecpaAccount required=true autofocus=true autocomplete="username" />
            <p id="ecpa-account-rules" class="${properties.kcInputHelperTextItemTextClass!}">${msg("ecpa.customAccount.rules", ecpaAccountMinLength?c, ecpaAccountMaxLength?c)}</p>
            <@field.input name="email" label=msg("email") value=ecpaEmail required=true autocomplete="email" />
            <@field.input name="phoneNumber" label=msg("ecpa.phoneNumber") value=ecpaPhone autocomplete="tel" />
            <@field.group name="egovMessages" label=msg("ecpa.egovMessages") error=messagesPerField.get('egovMessages')>
                <div class="${properties.kcInputClass!}">
                    <label for="egovMessages-yes"><input type="radio" id="egovMessages-yes" name="egovMessages" value="yes" <#if ecpaEgovMessages == "yes">checked</#if>/> ${msg("ecpa.yes")}</label>
                    <label for="egovMessages-no"><input type="radio" id="egovMessages-no" name="egovMessages" value="no" <#if ecpaEgovMessages == "no">checked</#if>/> ${msg("ecpa.no")}</label>
                </div>
            </@field.group>
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="kc-submit" name="submit" label="doSubmit"/>
                <#if isAppInitiatedAction??>
                    <@buttons.button id="kc-cancel" label="doCancel" name="cancel-aia" type="secondary"/>
                </#if>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
