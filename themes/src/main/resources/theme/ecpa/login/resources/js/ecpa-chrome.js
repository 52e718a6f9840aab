// Fills the portal header (template.ftl) with what only the server knows: the visitor figures, the
// client IP and, once the person is identified, "name@agency (login method)". Text only, never markup:
// a name is whatever an administrator typed.
(function () {
  "use strict";
  var chrome = document.getElementById("ecpa-chrome");
  if (!chrome || !window.fetch) {
    return;
  }
  var data = chrome.dataset;
  var query = new URLSearchParams();
  if (data.clientId) {
    query.set("client_id", data.clientId);
  }
  if (data.tabId) {
    query.set("tab_id", data.tabId);
  }
  query.set("lang", data.lang || "");

  function show(id, value) {
    var element = document.getElementById(id);
    if (element && value !== undefined && value !== null) {
      element.textContent = String(value);
    }
  }

  function methodLabel(method) {
    var key = "method" + String(method || "").split("-").map(function (part) {
      return part.charAt(0).toUpperCase() + part.slice(1);
    }).join("");
    return data[key] || "";
  }

  fetch(data.chromeUrl + "?" + query.toString(), { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (figures) {
      if (!figures) {
        return;
      }
      show("ecpa-online-now", figures.onlineNow);
      show("ecpa-visits-today", figures.today);
      show("ecpa-visits-total", figures.total);
      show("ecpa-client-ip", figures.clientIp);
      var person = figures.person;
      var line = document.getElementById("ecpa-person");
      if (person && line) {
        var who = (data.personPattern || "{0}@{1} ({2})")
          .replace("{0}", person.name || "")
          .replace("{1}", person.agency || "")
          .replace("{2}", methodLabel(person.method))
          // No known method: no empty "()" after the agency.
          .replace(/\s*\(\s*\)\s*$/, "");
        line.textContent = who;
        line.hidden = false;
      }
      chrome.setAttribute("data-loaded", "true");
    })
    .catch(function () {
      // The figures are a courtesy: the page works without them.
    });

  // 【權限與兼辦管理】 on a signed-in page: shown to whoever may reset passwords; an officer the chief has not
  // authorised reads where the permission comes from instead. The server decides; the API decides again.
  if (data.officeUrl) {
    fetch(data.officeUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (office) {
        var access = office && office.access;
        var item = document.getElementById("ecpa-menu-office-item");
        var advice = document.getElementById("ecpa-office-advice");
        if (item) {
          item.hidden = access !== "open";
        }
        if (advice) {
          advice.hidden = access !== "ask-the-chief";
        }
        chrome.setAttribute("data-office", access || "none");
      })
      .catch(function () {
        chrome.setAttribute("data-office", "none");
      });
  }
})();
