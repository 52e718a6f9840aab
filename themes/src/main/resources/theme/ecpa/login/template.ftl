<#import "field.ftl" as field>
<#import "footer.ftl" as loginFooter>
<#import "theme-resources.ftl" as themeResourceTags>
<#--
  The ECPA portal's page: the portal chrome (header 行政院人事行政總處 人事服務網, today's date in the ROC
  calendar, the menu, the visitor figures, the client IP and, once the person is identified,
  "name@agency (login method)") around keycloak.v2's login card. The macro keeps keycloak.v2's name,
  parameters and sections (header, form, info, socialProviders, show-username), so Keycloak's own pages
  and every ecpa page render in it unchanged.
-->
<#-- 首頁: during a login the page that login started from; otherwise the realm's account console, whose
     login begins at the ECPA home page. -->
<#function homeUrl>
  <#if authenticationSession??>
    <#return url.loginRestartFlowUrl>
  </#if>
  <#return realmUrl() + "/account/">
</#function>

<#-- The browser tab's login: Keycloak names it in every form action (tab_id), also on the pages where it
     leaves out the authenticationSession attribute (required actions). -->
<#function loginTabId>
  <#if authenticationSession??>
    <#return authenticationSession.tabId>
  </#if>
  <#if url.hasAction() && url.loginAction?contains("tab_id=")>
    <#return url.loginAction?keep_after("tab_id=")?keep_before("&")>
  </#if>
  <#return "">
</#function>

<#function realmUrl>
  <#return url.ssoLoginInOtherTabsUrl?keep_before("/login-actions/")>
</#function>

<#macro username>
  <#assign label>
    <#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if>
  </#assign>
  <@field.group name="username" label=label>
    <div class="${properties.kcInputGroup}">
      <div class="${properties.kcInputGroupItemClass} ${properties.kcFill}">
        <span class="${properties.kcInputClass} ${properties.kcFormReadOnlyClass}">
          <input id="kc-attempted-username" value="${auth.attemptedUsername}" aria-label="${label}" readonly>
        </span>
      </div>
      <div class="${properties.kcInputGroupItemClass}">
        <button id="reset-login" class="${properties.kcFormPasswordVisibilityButtonClass} kc-login-tooltip" type="button"
              aria-label="${msg('restartLoginTooltip')}" onclick="location.href='${url.loginRestartFlowUrl}'">
            <i class="fa-sync-alt fas" aria-hidden="true"></i>
            <span class="kc-tooltip-text">${msg("restartLoginTooltip")}</span>
        </button>
      </div>
    </div>
  </@field.group>
</#macro>

<#-- Today in the ROC calendar (民國 = Gregorian year - 1911, as core's RocDate), on Taipei's clock
     whatever the server's zone; the zone setting is restored for the page's own dates. -->
<#macro rocToday>
  <#local serverZone = .time_zone>
  <#setting time_zone="Asia/Taipei">
  <#local year = .now?string("yyyy")?number>
  <time id="ecpa-today" datetime="${.now?string("yyyy-MM-dd")}">${msg("ecpa.chrome.date", (year - 1911)?c, .now?string("MM"), .now?string("dd"), .now?string("yyyy-MM-dd"))}</time>
  <#setting time_zone=serverZone>
</#macro>

<#macro portalHeader>
<header id="ecpa-portal-header" class="ecpa-portal-header">
  <div class="ecpa-portal-banner">
    <p id="ecpa-portal-title" class="ecpa-portal-title">${msg("ecpa.chrome.title")}</p>
    <p class="ecpa-portal-date"><@rocToday/></p>
  </div>
  <nav id="ecpa-menu" class="ecpa-menu" aria-label="${msg("ecpa.chrome.menu")}">
    <ul>
      <li><a id="ecpa-menu-home" href="${homeUrl()}">${msg("ecpa.chrome.menu.home")}</a></li>
      <#-- 最新公告, 主題投票 and 機關組織 are services of the wider portal, outside this product: named as the
           guide shows them, without a link that would lead nowhere. -->
      <li><span id="ecpa-menu-news">${msg("ecpa.chrome.menu.news")}</span></li>
      <li><span id="ecpa-menu-polls">${msg("ecpa.chrome.menu.polls")}</span></li>
      <li><span id="ecpa-menu-agencies">${msg("ecpa.chrome.menu.agencies")}</span></li>
    </ul>
  </nav>
  <#-- Filled by ecpa-chrome.js from /realms/{realm}/ecpa-portal/chrome: no authenticator renders
       Keycloak's own pages, so the figures come from one place for every page. -->
  <div id="ecpa-chrome" class="ecpa-chrome"
       data-chrome-url="${realmUrl()}/ecpa-portal/chrome"
       data-client-id="${(client.clientId)!''}" data-tab-id="${loginTabId()}" data-lang="${lang}"
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
</header>
</#macro>

<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false>
<!DOCTYPE html>
<html class="${properties.kcHtmlClass!}" lang="${lang}"<#if realm.internationalizationEnabled> dir="${(locale.rtl)?then('rtl','ltr')}"</#if>>

<head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
    <meta name="color-scheme" content="light${darkMode?then(' dark', '')}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <#if properties.meta?has_content>
        <#list properties.meta?split(' ') as meta>
            <meta name="${meta?split('==')[0]}" content="${meta?split('==')[1]}"/>
        </#list>
    </#if>
    <#-- The tab names the page first and the portal once, e.g. 「登入 | 行政院人事行政總處 人事服務網」. -->
    <#assign pageHeading><#nested "header"></#assign>
    <#assign pageHeading = (pageHeading?is_markup_output)?then(pageHeading?markup_string, pageHeading)?replace("<[^>]*>", "", "r")?trim>
    <title><#if pageHeading?has_content>${pageHeading?no_esc} | </#if>${msg("ecpa.chrome.title")}</title>
    <#if themeResources?? && themeResources.favicons?has_content>
        <@themeResourceTags.renderFavicons themeResources.favicons url.resourcesPath />
    <#else>
        <link rel="icon" href="${url.resourcesPath}/img/favicon.ico" />
    </#if>
    <#if properties.stylesCommon?has_content>
        <#list properties.stylesCommon?split(' ') as style>
            <link href="${url.resourcesCommonPath}/${style}" rel="stylesheet" />
        </#list>
    </#if>
    <#if properties.styles?has_content>
        <#list properties.styles?split(' ') as style>
            <link href="${url.resourcesPath}/${style}" rel="stylesheet" />
        </#list>
    </#if>
    <script type="importmap">
        {
            "imports": {
                "rfc4648": "${url.resourcesCommonPath}/vendor/rfc4648/rfc4648.js"
            }
        }
    </script>
    <#if properties.scripts?has_content>
        <#list properties.scripts?split(' ') as script>
            <script src="${url.resourcesPath}/${script}" type="text/javascript"></script>
        </#list>
    </#if>
    <#if scripts??>
        <#list scripts as script>
            <script src="${script}" type="text/javascript"></script>
        </#list>
    </#if>
    <script type="module" src="${url.resourcesPath}/js/passwordVisibility.js"></script>
    <script type="module">
        <#outputformat "JavaScript">
        import { startSessionPolling } from ${(url.resourcesPath + "/js/authChecker.js")?c};

        startSessionPolling(
            ${url.ssoLoginInOtherTabsUrl?c}
        );
        </#outputformat>
    </script>
    <#if authenticationSession??>
        <script type="module">
            <#outputformat "JavaScript">
            import { checkAuthSession } from ${(url.resourcesPath + "/js/authChecker.js")?c};

            checkAuthSession(
                ${authenticationSession.authSessionIdHash?c}
            );
            </#outputformat>
        </script>
    </#if>
    <script src="${url.resourcesPath}/js/ecpa-chrome.js" defer></script>
</head>

<body id="keycloak-bg" class="${properties.kcBodyClass!} ecpa-page ${bodyClass}" data-page-id="login-${pageId}">
<a class="ecpa-skip-link" href="#kc-page-title">${msg("ecpa.chrome.skipToContent")}</a>
<@portalHeader/>
<div class="${properties.kcLogin!}">
  <div class="${properties.kcLoginContainer!}">
    <main class="${properties.kcLoginMain!}">
      <div class="${properties.kcLoginMainHeader!}">
        <h1 class="${properties.kcLoginMainTitle!}" id="kc-page-title" tabindex="-1"><#nested "header"></h1>
        <#if realm.internationalizationEnabled && locale.supported?size gt 1>
        <div class="${properties.kcLoginMainHeaderUtilities!}">
          <div class="${properties.kcInputClass!}">
            <select aria-label="${msg("ecpa.chrome.languages")}" id="login-select-toggle" onchange="if (this.value) window.location.href=this.value">
              <#list locale.supported?sort_by("label") as l>
                <option value="${l.url}" ${(l.languageTag == locale.currentLanguageTag)?then('selected','')}>${l.label}</option>
              </#list>
            </select>
          </div>
        </div>
        </#if>
      </div>
      <div class="${properties.kcLoginMainBody!}">
        <#if !(auth?has_content && auth.showUsername() && !auth.showResetCredentials())>
            <#if displayRequiredFields>
                <div class="${properties.kcContentWrapperClass!}">
                    <div class="${properties.kcLabelWrapperClass!} subtitle">
                        <span class="${properties.kcInputHelperTextItemTextClass!}">
                          <span class="${properties.kcInputRequiredClass!}">*</span> ${msg("requiredFields")}
                        </span>
                    </div>
                </div>
            </#if>
        <#else>
            <div class="${properties.kcFormClass} ${properties.kcContentWrapperClass}">
              <#nested "show-username">
              <@username />
            </div>
        </#if>

        <#-- App-initiated actions should not see warnings about completing the action during login. -->
        <#if displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
            <div class="${properties.kcAlertClass!} pf-m-${(message.type = 'error')?then('danger', message.type)}" role="${(message.type = 'error')?then('alert', 'status')}">
                <div class="${properties.kcAlertIconClass!}">
                    <#if message.type = 'success'><span class="${properties.kcFeedbackSuccessIcon!}"></span></#if>
                    <#if message.type = 'warning'><span class="${properties.kcFeedbackWarningIcon!}"></span></#if>
                    <#if message.type = 'error'><span class="${properties.kcFeedbackErrorIcon!}"></span></#if>
                    <#if message.type = 'info'><span class="${properties.kcFeedbackInfoIcon!}"></span></#if>
                </div>
                <#-- A message holding a link (the card unblocking sites) goes through Keycloak's sanitiser, as Keycloak's
                     own template shows every message; the others stay plain escaped text, character for character. -->
                <span class="${properties.kcAlertTitleClass!} kc-feedback-text"><#if message.summary?contains("<a ")>${kcSanitize(message.summary)?no_esc}<#else>${message.summary}</#if></span>
            </div>
        </#if>

        <#nested "form">

        <#if auth?has_content && auth.showTryAnotherWayLink()>
          <form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post" novalidate="novalidate">
              <input type="hidden" name="tryAnotherWay" value="on"/>
              <button id="try-another-way" type="submit" class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass} ${properties.kcMarginTopClass}">${msg("doTryAnotherWay")}</button>
          </form>
        </#if>

        <div class="${properties.kcLoginMainFooter!}">
            <#nested "socialProviders">
            <#if displayInfo>
                <div id="kc-info" class="${properties.kcLoginMainFooterBand!} ${properties.kcFormClass}">
                    <div id="kc-info-wrapper" class="${properties.kcLoginMainFooterBandItem!}">
                        <#nested "info">
                    </div>
                </div>
            </#if>
        </div>
      </div>
      <div class="${properties.kcLoginMainFooter!}">
          <@loginFooter.content/>
      </div>
    </main>
  </div>
</div>
</body>
</html>
</#macro>
