// 憑證登入: runs the HiPKI local server's popup protocol (跨平台網頁元件) over the server's nonce and
// posts the component's answer, unchanged, to Keycloak. The PIN goes to the component only.
(function () {
    "use strict";
    var form = document.getElementById("ecpa-certificate-form");
    if (!form) {
        return;
    }
    // The component's codes for "not reachable" and "cancelled", so the server reports them like the component would.
    var COMPONENT_TIMEOUT = 0x7600000D;
    var CANCELLED = 0x76000999;
    var ANSWER_TIMEOUT_MS = 90000;

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        var pinField = document.getElementById("ecpa-pin");
        var button = document.getElementById("ecpa-certificate-login-button");
        var componentUrl = form.getAttribute("data-component-url");
        var componentOrigin = new URL(componentUrl).origin;
        var request = JSON.stringify({
            func: "MakeSignature",
            tbs: form.getAttribute("data-nonce"),
            tbsEncoding: "NONE",
            hashAlgorithm: "SHA256",
            signatureType: "PKCS7",
            pin: pinField.value,
            withCardSN: "true"
        });
        var done = false;
        var popup = window.open(componentUrl + "/popupForm", "ecpaCardComponent", "width=220,height=200");

        function finish(answerText) {
            if (done) {
                return;
            }
            done = true;
            window.removeEventListener("message", onMessage);
            clearTimeout(timer);
            clearInterval(closedWatch);
            pinField.value = "";
            document.getElementById("ecpa-card-answer").value = answerText;
            HTMLFormElement.prototype.submit.call(form);
        }

        function code(retCode) {
            return JSON.stringify({func: "sign", ret_code: retCode, last_error: 0});
        }

        function onMessage(event) {
            if (event.origin !== componentOrigin || event.source !== popup || typeof event.data !== "string") {
                return;
            }
            var message;
            try {
                message = JSON.parse(event.data);
            } catch (e) {
                return;
            }
            if (message.func === "getTbs") {
                popup.postMessage(request, componentOrigin);
            } else if (message.func === "sign") {
                finish(event.data);
            }
        }

        if (!popup) {
            finish(code(COMPONENT_TIMEOUT));
            return;
        }
        button.disabled = true;
        document.getElementById("ecpa-certificate-waiting").hidden = false;
        window.addEventListener("message", onMessage);
        var timer = setTimeout(function () { finish(code(COMPONENT_TIMEOUT)); }, ANSWER_TIMEOUT_MS);
        // A popup closed without an answer: the person closed it, or it never reached the component.
        var closedWatch = setInterval(function () {
            if (popup.closed) {
                setTimeout(function () { finish(code(CANCELLED)); }, 500);
                clearInterval(closedWatch);
            }
        }, 300);
    });
}());
