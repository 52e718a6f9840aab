<#--
  The portal header every ECPA page wears, the login pages (template.ftl) and the personnel console
  (ecpa-personnel-console.ftl) alike: 行政院人事行政總處 人事服務網, today's date in the ROC calendar, the menu,
  and the figures ecpa-chrome.js fills in (visitors, client IP, "name@agency (login method)"). A signed-in
  page adds its menu items (【權限與兼辦管理】, 登出) as the macro's nested content. The account theme's
  index.ftl shows the same markup (a template of another theme type cannot be imported there).
-->
<#-- Today in the ROC calendar (民國 = Gregorian year - 1911, as core's RocDate), on Taipei's clock
     whatever the server's zone; the zone setting is restored for the page's own dates. -->
<#macro rocToday>
  <#local serverZone = .time_zone>
  <#setting time_zone="Asia/Taipei">
  <#local year = .now?string("yyyy")?number>
  <time id="ecpa-today" datetime="${.now?string("yyyy-MM-dd")}">${msg("ecpa.chrome.date", (year - 1911)?c, .now?string("MM"), .now?string("dd"), .now?string("yyyy-MM-dd"))}</time>
  <#setting time_zone=serverZone>
</#macro>

<#-- officeUrl: where the page's 【權限與兼辦管理】 item asks whether to show itself (empty: no such item).
     personId: the element of the person line; a page that writes the line itself (the personnel console,
     which names the agency an agency-certificate login acts for) gives its own id, and ecpa-chrome.js
     leaves it alone. -->
<#macro portalHeader homeUrl chromeUrl lang clientId="" tabId="" officeUrl="" personId="ecpa-person">
<header id="ecpa-portal-header" class="ecpa-portal-header">
  <div class="ecpa-portal-banner">
    <p id="ecpa-portal-title" class="ecpa-portal-title">${msg("ecpa.chrome.title")}</p>
    <p class="ecpa-portal-date"><@rocToday/></p>
  </div>
  <nav id="ecpa-menu" class="ecpa-menu" aria-label="${msg("ecpa.chrome.menu")}">
    <ul>
      <li><a id="ecpa-menu-home" href="${homeUrl}">${msg("ecpa.chrome.menu.home")}</a></li>
      <#-- 最新公告, 主題投票 and 機關組織 are services of the wider portal, outside this product: named as the
           guide shows them, without a link that would lead nowhere. -->
      <li><span id="ecpa-menu-news">${msg("ecpa.chrome.menu.news")}</span></li>
      <li><span id="ecpa-menu-polls">${msg("ecpa.chrome.menu.polls")}</span></li>
      <li><span id="ecpa-menu-agencies">${msg("ecpa.chrome.menu.agencies")}</span></li>
      <#nested>
    </ul>
  </nav>
  <#-- Filled by ecpa-chrome.js from /realms/{realm}/ecpa-portal/chrome: no authenticator renders
       Keycloak's own pages, so the figures come from one place for every page. -->
  <div id="ecpa-chrome" class="ecpa-chrome"
       data-chrome-url="${chromeUrl}" data-office-url="${officeUrl}"
       data-client-id="${clientId}" data-tab-id="${tabId}" data-lang="${lang}"
       data-method-password="${msg("ecpa.chrome.method.password")}"
       data-method-certificate="${msg("ecpa.chrome.method.certificate")}"
       data-method-agency-certificate="${msg("ecpa.chrome.method.agency-certificate")}"
       data-person-pattern="${msg("ecpa.chrome.person")}">
    <p id="${personId}" class="ecpa-person"<#if personId == "ecpa-person"> hidden</#if>></p>
    <dl id="ecpa-visitors" class="ecpa-visitors">
      <div><dt>${msg("ecpa.chrome.onlineNow")}</dt><dd id="ecpa-online-now">-</dd></div>
      <div><dt>${msg("ecpa.chrome.visitsToday")}</dt><dd id="ecpa-visits-today">-</dd></div>
      <div><dt>${msg("ecpa.chrome.visitsTotal")}</dt><dd id="ecpa-visits-total">-</dd></div>
      <div><dt>${msg("ecpa.chrome.clientIp")}</dt><dd id="ecpa-client-ip">-</dd></div>
    </dl>
  </div>
  <#if officeUrl?has_content>
  <p id="ecpa-office-advice" class="ecpa-office-advice" role="note" hidden>${msg("ecpa.chrome.office.askTheChief")}</p>
  </#if>
</header>
</#macro>
