<#ftl output_format="plainText">
${msg("ecpa.mail.firstLogin.greeting")}

${msg("ecpa.mail.firstLogin.intro")}

${msg("ecpa.mail.firstLogin.noLink")}

${msg("ecpa.mail.firstLogin.waysTitle")}

1. ${msg("ecpa.mail.firstLogin.card")}

2. ${msg("ecpa.mail.firstLogin.officer")}

3. ${msg("ecpa.mail.firstLogin.helpDesk")}

${msg("ecpa.mail.firstLogin.afterwards")}

${msg("ecpa.mail.firstLogin.login")} ${loginUrl}

${msg("ecpa.mail.firstLogin.notYou")}

${msg("ecpa.mail.signature")}
