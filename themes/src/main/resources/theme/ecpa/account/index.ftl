<#--
  我的專區: keycloak.v3's account console page (Keycloak 26.7's index.ftl, unchanged but for the marked
  parts) inside the ECPA portal header: 行政院人事行政總處 人事服務網, today's ROC date, the menu with
  【權限與兼辦管理】 (for those who may reset passwords) and 登出, the visitor figures, the client IP and
  "name@agency (login method)". The header is the login theme's (ecpa-portal-header.ftl: the same markup, and
  its script ecpa-chrome.js and style ecpa.css from the login theme's resources, shipped in the same jar).
-->
<#assign themeRoot = resourceCommonUrl?remove_ending("/common/keycloak")>
<#assign loginResources = themeRoot + "/login/ecpa">
<#assign realmUrl = serverBaseUrl + "/realms/" + realm.name>
<#-- Today in the ROC calendar (民國 = Gregorian year - 1911), on Taipei's clock whatever the server's zone. -->
<#macro rocToday>
  <#local serverZone = .time_zone>
  <#setting time_zone="Asia/Taipei">
  <#local year = .now?string("yyyy")?number>
  <time id="ecpa-today" datetime="${.now?string("yyyy-MM-dd")}">${msg("ecpa.chrome.date", (year - 1911)?c, .now?string("MM"), .now?string("dd"), .now?string("yyyy-MM-dd"))}</time>
  <#setting time_zone=serverZone>
</#macro>
<!doctype html>
<html lang="${locale}" dir="${localeDir}">
  <head>
    <#import "theme-resources.ftl" as themeResourceTags>
    <meta charset="utf-8">
    <#if themeResources?? && themeResources.favicons?has_content>
      <@themeResourceTags.renderFavicons themeResources.favicons resourceUrl />
    <#else>
      <link rel="icon" type="${properties.favIconType!'image/svg+xml'}" href="${resourceUrl}${properties.favIcon!'/favicon.svg'}">
    </#if>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light${darkMode?then(' dark', '')}">
    <meta name="description" content="${properties.description!'The Account Console is a web-based interface for managing your account.'}">
    <title>${msg("ecpa.chrome.title")} - ${msg("ecpa.account.title")}</title>
    <style>
      body {
        margin: 0;
      }

      body, #app {
        height: 100%;
      }

      .container {
        padding: 0;
        margin: 0;
        width: 100%;
      }

      .keycloak__loading-container {
        height: 100vh;
        width: 100%;
        color: #151515;
        background-color: #fff;
        display: flex;
        align-items: center;
        justify-content: center;
        flex-direction: column;
        margin: 0;
      }

      @media (prefers-color-scheme: dark) {
        .keycloak__loading-container {
          color: #e0e0e0;
          background-color: #1b1d21;
        }
      }

      #loading-text {
        z-index: 1000;
        font-size: 20px;
        font-weight: 600;
        padding-top: 32px;
      }
    </style>
    <script type="importmap">
      {
        "imports": {
          "react": "${resourceCommonUrl}/vendor/react/react.production.min.js",
          "react/jsx-runtime": "${resourceCommonUrl}/vendor/react/react-jsx-runtime.production.min.js",
          "react-dom": "${resourceCommonUrl}/vendor/react-dom/react-dom.production.min.js"
        }
      }
    </script>
    <#if darkMode>
      <script type="module" async blocking="render">
          const DARK_MODE_CLASS = "${properties.kcDarkModeClass}";
          const mediaQuery = window.matchMedia("(prefers-color-scheme: dark)");

          updateDarkMode(mediaQuery.matches);
          mediaQuery.addEventListener("change", (event) => updateDarkMode(event.matches));

          function updateDarkMode(isEnabled) {
            const { classList } = document.documentElement;

            if (isEnabled) {
              classList.add(DARK_MODE_CLASS);
            } else {
              classList.remove(DARK_MODE_CLASS);
            }
          }
      </script>
    </#if>
    <#if !isSecureContext>
      <script type="module" src="${resourceCommonUrl}/vendor/web-crypto-shim/web-crypto-shim.js"></script>
    </#if>
    <#if devServerUrl?has_content>
      <script type="module">
        import { injectIntoGlobalHook } from "${devServerUrl}/@react-refresh";

        injectIntoGlobalHook(window);
        window.$RefreshReg$ = () => {};
        window.$RefreshSig$ = () => (type) => type;
      </script>
      <script type="module">
        import { inject } from "${devServerUrl}/@vite-plugin-checker-runtime";

        inject({
          overlayConfig: {},
          base: "/",
        });
      </script>
      <script type="module" src="${devServerUrl}/@vite/client"></script>
      <script type="module" src="${devServerUrl}/src/main.tsx"></script>
    </#if>
    <#-- ECPA: the portal header's style and script (the login theme's). -->
    <link rel="stylesheet" href="${loginResources}/css/ecpa.css">
    <script src="${loginResources}/js/ecpa-chrome.js" defer></script>
    <#if entryStyles?has_content>
      <#list entryStyles as style>
        <link rel="stylesheet" href="${resourceUrl}/${style}">
      </#list>
    </#if>
    <#if themeResources?? && themeResources.styles?has_content>
      <@themeResourceTags.renderStyles themeResources.styles resourceUrl />
    <#elseif properties.styles?has_content>
      <#list properties.styles?split(' ') as style>
        <link rel="stylesheet" href="${resourceUrl}/${style}">
      </#list>
    </#if>
    <#if entryScript?has_content>
      <script type="module" src="${resourceUrl}/${entryScript}"></script>
    </#if>
    <#if themeResources?? && themeResources.scripts?has_content>
      <@themeResourceTags.renderScripts themeResources.scripts resourceUrl "module" />
    <#elseif properties.scripts?has_content>
      <#list properties.scripts?split(' ') as script>
        <script src="${resourceUrl}/${script}" type="module"></script>
      </#list>
    </#if>
    <#if entryImports?has_content>
      <#list entryImports as import>
        <link rel="modulepreload" href="${resourceUrl}/${import}">
      </#list>
    </#if>
  </head>
  <body data-page-id="account" class="ecpa-page ecpa-account">
    <#-- ECPA: the portal header, as ecpa-portal-header.ftl of the login theme renders it. -->
    <a class="ecpa-skip-link" href="#app">${msg("ecpa.chrome.skipToContent")}</a>
    <header id="ecpa-portal-header" class="ecpa-portal-header">
      <div class="ecpa-portal-banner">
        <p id="ecpa-portal-title" class="ecpa-portal-title">${msg("ecpa.chrome.title")}</p>
        <p class="ecpa-portal-date"><@rocToday/></p>
      </div>
      <nav id="ecpa-menu" class="ecpa-menu" aria-label="${msg("ecpa.chrome.menu")}">
        <ul>
          <li><a id="ecpa-menu-home" href="${baseUrl}">${msg("ecpa.chrome.menu.home")}</a></li>
          <li><span id="ecpa-menu-news">${msg("ecpa.chrome.menu.news")}</span></li>
          <li><span id="ecpa-menu-polls">${msg("ecpa.chrome.menu.polls")}</span></li>
          <li><span id="ecpa-menu-agencies">${msg("ecpa.chrome.menu.agencies")}</span></li>
          <li id="ecpa-menu-office-item" hidden><a id="ecpa-menu-office" href="${realmUrl}/ecpa-personnel/console">${msg("ecpa.chrome.menu.office")}</a></li>
          <#-- Keycloak's logout endpoint, back to 我的專區, whose login starts at the ECPA home page. Without the
               console's ID token Keycloak asks to confirm first, its guard against a logout forced by another site. -->
          <li><a id="ecpa-menu-logout" href="${realmUrl}/protocol/openid-connect/logout?client_id=${clientId?url('UTF-8')}&amp;post_logout_redirect_uri=${baseUrl?string?url('UTF-8')}">${msg("ecpa.chrome.menu.logout")}</a></li>
        </ul>
      </nav>
      <div id="ecpa-chrome" class="ecpa-chrome"
           data-chrome-url="${realmUrl}/ecpa-portal/chrome" data-office-url="${realmUrl}/ecpa-personnel/office"
           data-client-id="" data-tab-id="" data-lang="${locale}"
           data-method-password="${msg("ecpa.chrome.method.password")}"
           data-method-certificate="${msg("ecpa.chrome.method.certificate")}"
           data-method-agency-certificate="${msg("ecpa.chrome.method.agency-certificate")}"
           data-person-pattern="${msg("ecpa.chrome.person")}">
        <p id="ecpa-person" class="ecpa-person" hidden></p>
        <dl id="ecpa-visitors" class="ecpa-visitors">
          <div><dt>${msg("ecpa.chrome.onlineNow")}</dt><dd id="ecpa-online-now">-</dd></div>
          <div><dt>${msg("ecpa.chrome.visitsToday")}</dt><dd id="ecpa-visits-today">-</dd></div>
          <div><dt>${msg("ecpa.chrome.visitsTotal")}</dt><dd id="ecpa-visits-total">-</dd></div>
          <div><dt>${msg("ecpa.chrome.clientIp")}</dt><dd id="ecpa-client-ip">-</dd></div>
        </dl>
      </div>
      <p id="ecpa-office-advice" class="ecpa-office-advice" role="note" hidden>${msg("ecpa.chrome.office.askTheChief")}</p>
    </header>
    <div id="app">
      <main class="container">
        <div class="keycloak__loading-container">
          <svg class="pf-v5-c-spinner pf-m-xl" role="progressbar" aria-valuetext="Loading..." viewBox="0 0 100 100" aria-label="Contents">
            <circle class="pf-v5-c-spinner__path" cx="50" cy="50" r="45" fill="none"></circle>
          </svg>
          <div>
            <p id="loading-text">${msg("ecpa.account.loading")}</p>
          </div>
        </div>
      </main>
    </div>
    <noscript>${msg("ecpa.account.noScript")}</noscript>
    <script id="environment" type="application/json">
      {
        "serverBaseUrl": "${serverBaseUrl}",
        "authUrl": "${authUrl}",
        "authServerUrl": "${authServerUrl}",
        "realm": "${realm.name}",
        "clientId": "${clientId}",
        "resourceUrl": "${resourceUrl}",
        "logo": "${properties.logo!""}",
        "logoUrl": "${properties.logoUrl!""}",
        "baseUrl": "${baseUrl}",
        "locale": "${locale}",
        "referrerName": "${referrerName!""}",
        "referrerUrl": "${referrer_uri!""}",
        "features": {
          "isRegistrationEmailAsUsername": ${realm.registrationEmailAsUsername?c},
          "isEditUserNameAllowed": ${realm.editUsernameAllowed?c},
          "isInternationalizationEnabled": ${realm.isInternationalizationEnabled()?c},
          "isLinkedAccountsEnabled": ${isLinkedAccountsEnabled?c},
          "isMyResourcesEnabled": ${(realm.userManagedAccessAllowed && isAuthorizationEnabled)?c},
          "isViewOrganizationsEnabled": ${isViewOrganizationsEnabled?c},
          "deleteAccountAllowed": ${deleteAccountAllowed?c},
          "updateEmailFeatureEnabled": ${updateEmailFeatureEnabled?c},
          "updateEmailActionEnabled": ${updateEmailActionEnabled?c},
          "isViewApplicationsEnabled": ${isViewApplicationsEnabled?c},
          "isViewGroupsEnabled": ${isViewGroupsEnabled?c},
          "isOid4VciEnabled": ${isOid4VciEnabled?c}
        },
        "scope": "${scope!""}"
      }
    </script>
  </body>
</html>
