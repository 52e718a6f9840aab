<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("ecpa.mail.reset.greeting")}</p>
<p id="ecpa-credential-notice">${msg(change, changedAt, cardValidUntil!"")}</p>
<p>${msg("ecpa.mail.notice.noSecret")}</p>
<p><strong id="ecpa-credential-notice-not-you">${msg("ecpa.mail.notice.notYou")}</strong></p>
<p>${msg("ecpa.mail.signature")}</p>
</@layout.emailLayout>
