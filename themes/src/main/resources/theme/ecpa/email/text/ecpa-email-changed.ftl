<#ftl output_format="plainText">
${msg("ecpa.mail.reset.greeting")}

${msg("ecpa.mail.emailChanged.notice", changedAt, requesterAgency, msg(requesterRole), newEmailMasked)}

${msg("ecpa.mail.emailChanged.noPassword")}

${msg("ecpa.mail.emailChanged.notYou")}

${msg("ecpa.mail.reset.helpDesk")}

${msg("ecpa.mail.signature")}
