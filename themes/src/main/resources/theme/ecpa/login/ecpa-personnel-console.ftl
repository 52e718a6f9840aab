<#import "ecpa-portal-header.ftl" as portal>
<!DOCTYPE html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${msg("ecpa.personnel.console.resetTitle")} - ${realmDisplayName}</title>
  <link rel="stylesheet" href="${resourcesPath}/css/ecpa.css">
  <link rel="stylesheet" href="console.css">
  <script src="${resourcesPath}/js/ecpa-chrome.js" defer></script>
  <script src="console.js" defer></script>
</head>
<body data-realm="${realmName}" data-client-id="${clientId}">
<a class="skip-link" href="#main">${msg("ecpa.personnel.console.skipToContent")}</a>
<@portal.portalHeader homeUrl=homeUrl chromeUrl=chromeUrl lang=lang personId="who">
  <li><span id="ecpa-menu-office-current" aria-current="page">${msg("ecpa.chrome.menu.office")}</span></li>
  <li><button type="button" id="logout">${msg("ecpa.personnel.console.logout")}</button></li>
</@portal.portalHeader>
<div class="layout">
  <nav class="side-menu" aria-label="${msg("ecpa.personnel.console.title")}">
    <ul>
      <li id="menu-reset-item"><a href="#reset" id="menu-reset">${msg("ecpa.personnel.console.resetTitle")}</a></li>
      <li id="menu-officers-item" hidden><a href="#officers" id="menu-officers">${msg("ecpa.personnel.console.officersTitle")}</a></li>
    </ul>
  </nav>
  <main id="main" tabindex="-1">
    <p id="status" role="status" aria-live="polite">${msg("ecpa.personnel.console.signingIn")}</p>

    <section id="no-permission" hidden aria-labelledby="no-permission-title">
      <h1 id="no-permission-title">${msg("ecpa.personnel.console.resetTitle")}</h1>
      <p id="no-permission-advice">${msg("ecpa.personnel.error.notAuthorised")}</p>
    </section>

    <section id="certificate-required" hidden aria-labelledby="certificate-required-title">
      <h1 id="certificate-required-title">${msg("ecpa.personnel.console.resetTitle")}</h1>
      <p id="certificate-required-advice">${msg("ecpa.personnel.error.certificateLevelRequired")}</p>
      <button type="button" id="certificate-sign-in">${msg("ecpa.personnel.console.certificateSignIn")}</button>
    </section>

    <section id="reset" hidden aria-labelledby="reset-title">
      <h1 id="reset-title">${msg("ecpa.personnel.console.resetTitle")}</h1>
      <form id="search-form" novalidate>
        <div class="field">
          <label for="nationalId">${msg("ecpa.personnel.console.nationalId")}</label>
          <input id="nationalId" name="nationalId" autocomplete="off" spellcheck="false" maxlength="10" required
                 aria-required="true" aria-describedby="search-error">
        </div>
        <div class="field" id="reason-field" hidden>
          <label for="reason">${msg("ecpa.personnel.console.reason")}</label>
          <input id="reason" name="reason" autocomplete="off" maxlength="200" aria-describedby="reason-help">
          <p id="reason-help" class="help">${msg("ecpa.personnel.console.reasonHelp")}</p>
        </div>
        <button type="submit" id="search">${msg("ecpa.personnel.console.search")}</button>
        <p id="search-error" class="error" role="alert"></p>
      </form>

      <form id="reset-form" hidden novalidate>
        <table id="person" class="person">
          <caption>${msg("ecpa.personnel.console.found")}</caption>
          <tbody>
            <tr><th scope="row">${msg("ecpa.personnel.console.nationalId")}</th><td id="person-id"></td></tr>
            <tr><th scope="row">${msg("ecpa.personnel.console.name")}</th><td id="person-name"></td></tr>
            <tr><th scope="row">${msg("ecpa.personnel.console.agency")}</th><td id="person-agency"></td></tr>
            <tr><th scope="row">${msg("ecpa.personnel.console.status")}</th><td id="person-status"></td></tr>
            <tr><th scope="row">${msg("ecpa.personnel.console.certificate")}</th><td id="person-certificate"></td></tr>
          </tbody>
        </table>
        <div class="field">
          <label for="email">${msg("ecpa.personnel.console.email")} <span aria-hidden="true">*</span></label>
          <input id="email" name="email" type="email" autocomplete="off" required aria-required="true"
                 aria-describedby="email-help reset-error">
          <p id="email-help" class="help">${msg("ecpa.personnel.console.emailHelp")}</p>
        </div>
        <button type="submit" id="reset-password">${msg("ecpa.personnel.console.resetButton")}</button>
        <p id="reset-error" class="error" role="alert"></p>
      </form>
      <p id="result" class="result" role="status" aria-live="polite" tabindex="-1" hidden></p>
    </section>

    <section id="officers" hidden aria-labelledby="officers-title">
      <h1 id="officers-title">${msg("ecpa.personnel.console.officersTitle")}</h1>
      <p class="help">${msg("ecpa.personnel.console.officersHelp")}</p>
      <div id="officer-list"></div>
      <p id="officers-status" role="status" aria-live="polite"></p>
    </section>
  </main>
</div>

<dialog id="confirm-dialog" aria-labelledby="confirm-title" aria-describedby="confirm-summary confirm-warning">
  <h2 id="confirm-title">${msg("ecpa.personnel.console.confirmTitle")}</h2>
  <p id="confirm-summary"></p>
  <p id="confirm-warning">${msg("ecpa.personnel.console.confirmWarning")}</p>
  <div class="buttons">
    <button type="button" id="confirm-ok">${msg("ecpa.personnel.console.ok")}</button>
    <button type="button" id="confirm-cancel">${msg("ecpa.personnel.console.cancel")}</button>
  </div>
</dialog>
</body>
</html>
