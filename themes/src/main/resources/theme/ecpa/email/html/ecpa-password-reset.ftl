<#import "template.ftl" as layout>
<@layout.emailLayout>
<#assign requester = requesterIsAgencyCertificate?then(msg("ecpa.mail.reset.agencyCertificateHolder"), requesterName)>
<p>${msg("ecpa.mail.reset.greeting")}</p>
<p id="ecpa-reset-intro">${msg("ecpa.mail.reset.intro", requesterAgency, requester)}</p>
<h2>${msg("ecpa.mail.reset.explanationTitle")}</h2>
<p>${msg("ecpa.mail.reset.explanation", requesterAgency, requester)}</p>
<p>${msg("ecpa.mail.reset.howTo")}</p>
<p>${msg("ecpa.mail.reset.passwordLabel")}</p>
<p><strong id="ecpa-reset-password" style="font-family: monospace; font-size: 1.4em; letter-spacing: 0.1em;">${password}</strong></p>
<p><strong>${msg("ecpa.mail.reset.changeNow")}</strong></p>
<p>${msg("ecpa.mail.reset.login")} <a href="${loginUrl}">${loginUrl}</a></p>
<p>${msg("ecpa.mail.reset.helpDesk")}</p>
<p>${msg("ecpa.mail.reset.thanks")}</p>
<p>${msg("ecpa.mail.signature")}</p>
</@layout.emailLayout>
