<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("ecpa.mail.reset.greeting")}</p>
<p id="ecpa-email-changed-notice">${msg("ecpa.mail.emailChanged.notice", changedAt, requesterAgency, msg(requesterRole), newEmailMasked)}</p>
<p>${msg("ecpa.mail.emailChanged.noPassword")}</p>
<p><strong>${msg("ecpa.mail.emailChanged.notYou")}</strong></p>
<p>${msg("ecpa.mail.reset.helpDesk")}</p>
<p>${msg("ecpa.mail.signature")}</p>
</@layout.emailLayout>
