<#ftl output_format="plainText">
${msg("ecpa.mail.reset.greeting")}

${msg("ecpa.mail.reset.intro", requesterAgency, requesterName)}

${msg("ecpa.mail.reset.explanationTitle")}

${msg("ecpa.mail.reset.explanation", requesterAgency, requesterName)}

${msg("ecpa.mail.reset.howTo")}

${msg("ecpa.mail.reset.passwordLabel")}

${password}

${msg("ecpa.mail.reset.changeNow")}

${msg("ecpa.mail.reset.login")} ${loginUrl}

${msg("ecpa.mail.reset.helpDesk")}

${msg("ecpa.mail.reset.thanks")}

${msg("ecpa.mail.signature")}
