<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') displayInfo=true; section>
<!-- template: ecpa-home.ftl -->
    <#if section = "header">
        ${msg("ecpa.home.title")}
    <#elseif section = "form">
        <div id="kc-form">
          <div id="kc-form-wrapper">
            <#if ecpaLoginMethods?seq_contains("password")>
                <section id="ecpa-account-login" aria-labelledby="ecpa-account-login-title">
                    <h2 id="ecpa-account-login-title" class="${properties.kcFormGroupLabelClass!}">${msg("ecpa.home.accountLogin")}</h2>
                    <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
                        <input type="hidden" name="ecpa.method" value="password"/>
                        <@field.input name="username" label=msg("ecpa.home.account") error=messagesPerField.getFirstError('username','password')
                            autofocus=true autocomplete="username" value=ecpaTypedAccount!'' />
                        <@field.password name="password" label=msg("password") error="" autocomplete="current-password" />
                        <@buttons.loginButton />
                    </form>
                </section>
            </#if>
          </div>
        </div>
    <#elseif section = "info">
        <p id="ecpa-privacy-notice">${msg("ecpa.home.privacyNotice")}</p>
    </#if>
</@layout.registrationLayout>
