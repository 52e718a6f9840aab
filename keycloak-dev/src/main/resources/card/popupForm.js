// The popup bridge of the virtual HiPKI local server (protocol: keycloak-dev/README.md).
//
// 1. On load, post the JSON string {"func":"getTbs"} to window.opener, once per allowed origin: the
//    browser delivers a postMessage only when targetOrigin is the opener's origin, so a page from any
//    other origin never hears from the popup.
// 2. Take the first string message whose source is the opener and whose origin is allowed; ignore all
//    others (extensions, other windows, other origins).
// 3. Forward it: GetUserCert -> GET /pkcs11info?withcert=true, CheckEnvir -> GET /pkcs11info,
//    anything else -> POST /sign (the reader checks func and answers with a ret_code).
// 4. Post the reader's answer text back to that origin only, then close.
(function () {
  'use strict';

  var COMPONENT_TIMEOUT = 0x7600000D;
  var READ_ROUTES = {
    GetUserCert: '/pkcs11info?withcert=true',
    CheckEnvir: '/pkcs11info'
  };
  var allowed = JSON.parse(document.getElementById('allowed-origins').textContent);
  var status = document.getElementById('status');
  var answered = false;

  function show(text) {
    status.textContent = text;
  }

  function forward(raw) {
    var request = null;
    try {
      request = JSON.parse(raw);
    } catch (e) {
      request = null;
    }
    var readRoute = request && Object.prototype.hasOwnProperty.call(READ_ROUTES, request.func)
      ? READ_ROUTES[request.func] : null;
    var call = readRoute
      ? fetch(readRoute, { method: 'GET', cache: 'no-store' })
      : fetch('/sign', { method: 'POST', cache: 'no-store', headers: { 'Content-Type': 'application/json' }, body: raw });
    return call.then(function (response) {
      return response.text();
    }).catch(function () {
      return JSON.stringify({ func: 'sign', ret_code: COMPONENT_TIMEOUT, last_error: 0 });
    });
  }

  if (!window.opener) {
    show('此視窗須由網頁開啟 / This window must be opened by a web page.');
    return;
  }

  window.addEventListener('message', function (event) {
    if (answered || event.source !== window.opener || allowed.indexOf(event.origin) < 0
        || typeof event.data !== 'string') {
      return;
    }
    answered = true;
    var opener = event.source;
    var origin = event.origin;
    forward(event.data).then(function (answer) {
      opener.postMessage(answer, origin);
      show('完成 / Done.');
      window.close();
    });
  });

  var ready = JSON.stringify({ func: 'getTbs' });
  allowed.forEach(function (origin) {
    window.opener.postMessage(ready, origin);
  });
})();
