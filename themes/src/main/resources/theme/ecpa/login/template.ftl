<#import "field.ftl" as field>
<#import "footer.ftl" as loginFooter>
<#import "theme-resources.ftl" as themeResourceTags>
<#import "ecpa-portal-header.ftl" as portal>
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

<#macro portalHeader>
<@portal.portalHeader homeUrl=homeUrl() chromeUrl=realmUrl() + "/ecpa-portal/chrome" lang=lang
    clientId=(client.clientId)!'' tabId=loginTabId()/>
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
