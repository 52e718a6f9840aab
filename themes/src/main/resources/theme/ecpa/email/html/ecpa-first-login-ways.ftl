<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("ecpa.mail.firstLogin.greeting")}</p>
<p id="ecpa-first-login-intro">${msg("ecpa.mail.firstLogin.intro")}</p>
<p>${msg("ecpa.mail.firstLogin.noLink")}</p>
<h2>${msg("ecpa.mail.firstLogin.waysTitle")}</h2>
<ol id="ecpa-first-login-ways">
<li>${msg("ecpa.mail.firstLogin.card")}</li>
<li>${msg("ecpa.mail.firstLogin.officer")}</li>
<li>${msg("ecpa.mail.firstLogin.helpDesk")}</li>
</ol>
<p>${msg("ecpa.mail.firstLogin.afterwards")}</p>
<p>${msg("ecpa.mail.firstLogin.login")} <a href="${loginUrl}">${loginUrl}</a></p>
<p>${msg("ecpa.mail.firstLogin.notYou")}</p>
<p>${msg("ecpa.mail.signature")}</p>
</@layout.emailLayout>
