<#ftl output_format="plainText">
${msg("ecpa.mail.reset.greeting")}

${msg(change, changedAt, cardValidUntil!"")}

${msg("ecpa.mail.notice.noSecret")}

${msg("ecpa.mail.notice.notYou")}

${msg("ecpa.mail.signature")}
