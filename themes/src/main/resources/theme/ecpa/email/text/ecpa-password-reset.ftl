<#ftl output_format="plainText">
<#assign requester = requesterIsAgencyCertificate?then(msg("ecpa.mail.reset.agencyCertificateHolder"), requesterName)>
${msg("ecpa.mail.reset.greeting")}

${msg("ecpa.mail.reset.intro", requesterAgency, requester)}

${msg("ecpa.mail.reset.explanationTitle")}

${msg("ecpa.mail.reset.explanation", requesterAgency, requester)}

${msg("ecpa.mail.reset.howTo")}

${msg("ecpa.mail.reset.passwordLabel")}

${password}

${msg("ecpa.mail.reset.changeNow")}

${msg("ecpa.mail.reset.login")} ${loginUrl}

${msg("ecpa.mail.reset.helpDesk")}

${msg("ecpa.mail.reset.thanks")}

${msg("ecpa.mail.signature")}
