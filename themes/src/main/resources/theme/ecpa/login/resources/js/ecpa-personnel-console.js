// The personnel console: signs in with the realm's OIDC (code flow + PKCE, public client) and calls the
// personnel API. Every decision is the server's; this page only shows what the API answers.
(function () {
    'use strict';

    const body = document.body;
    const realm = body.dataset.realm;
    const clientId = body.dataset.clientId;
    const realmUrl = location.origin + '/realms/' + encodeURIComponent(realm);
    const consoleUrl = realmUrl + '/ecpa-personnel/console';
    const apiUrl = location.origin + '/admin/realms/' + encodeURIComponent(realm) + '/ecpa-personnel';
    const $ = (id) => document.getElementById(id);

    let token = null;
    let me = null;
    let messages = {};
    let pending = null;

    function text(key, ...params) {
        const pattern = messages[key] || key;
        return pattern.replace(/''/g, "'").replace(/\{(\d+)\}/g, (m, i) => params[i] !== undefined ? params[i] : m);
    }

    function base64Url(bytes) {
        return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function randomString() {
        return base64Url(crypto.getRandomValues(new Uint8Array(32)));
    }

    // acrValues 'certificate': the help desk (by default) resets only after a certificate login.
    async function signIn(acrValues) {
        const verifier = randomString();
        const state = randomString();
        sessionStorage.setItem('ecpa.console.pkce', JSON.stringify({verifier, state}));
        const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
        const params = new URLSearchParams({
            client_id: clientId, redirect_uri: consoleUrl, response_type: 'code', scope: 'openid',
            state, code_challenge: challenge, code_challenge_method: 'S256', ui_locales: document.documentElement.lang
        });
        if (acrValues) {
            params.set('acr_values', acrValues);
        }
        location.assign(realmUrl + '/protocol/openid-connect/auth?' + params);
    }

    async function redeem(params) {
        const saved = JSON.parse(sessionStorage.getItem('ecpa.console.pkce') || '{}');
        sessionStorage.removeItem('ecpa.console.pkce');
        history.replaceState(null, '', consoleUrl);
        if (!saved.state || saved.state !== params.get('state')) {
            return null;
        }
        const response = await fetch(realmUrl + '/protocol/openid-connect/token', {
            method: 'POST',
            headers: {'Content-Type': 'application/x-www-form-urlencoded'},
            body: new URLSearchParams({
                grant_type: 'authorization_code', client_id: clientId, code: params.get('code'),
                redirect_uri: consoleUrl, code_verifier: saved.verifier
            })
        });
        return response.ok ? (await response.json()).access_token : null;
    }

    async function api(method, path, payload) {
        const options = {method, headers: {'Authorization': 'Bearer ' + token, 'Accept': 'application/json'}};
        if (payload !== undefined) {
            options.headers['Content-Type'] = 'application/json';
            options.body = JSON.stringify(payload);
        }
        const response = await fetch(apiUrl + path, options);
        if (response.status === 401) {
            await signIn();
            return {status: 401, body: {}};
        }
        const content = response.status === 204 ? {} : await response.json().catch(() => ({}));
        return {status: response.status, body: content};
    }

    function errorText(answer) {
        return answer.body && answer.body.messageKey ? text(answer.body.messageKey) : text('ecpa.personnel.error.unexpected');
    }

    function show(section) {
        for (const id of ['reset', 'officers', 'no-permission', 'certificate-required']) {
            $(id).hidden = id !== section;
        }
        markCurrent($('menu-reset'), section === 'reset' || section === 'no-permission');
        markCurrent($('menu-officers'), section === 'officers');
        if (section === 'officers') {
            loadOfficers();
        }
    }

    function markCurrent(link, current) {
        if (current) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    }

    function route() {
        if (location.hash === '#officers' && me && me.canManageOfficers) {
            show('officers');
        } else {
            show(me && me.canReset ? 'reset' : me && me.certificateLevelRequired ? 'certificate-required' : 'no-permission');
        }
    }

    function statusText(status) {
        return text('ecpa.personnel.console.status.' + status);
    }

    async function search(event) {
        event.preventDefault();
        $('search-error').textContent = '';
        $('result').hidden = true;
        $('reset-form').hidden = true;
        const payload = {nationalId: $('nationalId').value};
        if (me.reasonRequired) {
            payload.reason = $('reason').value;
        }
        const answer = await api('POST', '/search', payload);
        if (answer.status !== 200) {
            $('search-error').textContent = errorText(answer);
            $('nationalId').setAttribute('aria-invalid', 'true');
            $('nationalId').focus();
            return;
        }
        $('nationalId').removeAttribute('aria-invalid');
        const person = answer.body;
        $('person-id').textContent = person.maskedNationalId;
        $('person-name').textContent = person.name;
        $('person-agency').textContent = person.agencyName;
        $('person-status').textContent = statusText(person.employmentStatus);
        $('person-certificate').textContent = text(person.hasBoundCertificate
            ? 'ecpa.personnel.console.certificate.bound' : 'ecpa.personnel.console.certificate.none');
        $('email').value = person.email || '';
        $('reset-error').textContent = '';
        $('reset-form').hidden = false;
        $('email').focus();
    }

    async function requestReset(event) {
        event.preventDefault();
        $('reset-error').textContent = '';
        if (!$('email').value.trim()) {
            $('reset-error').textContent = text('ecpa.personnel.error.emailMissing');
            $('email').setAttribute('aria-invalid', 'true');
            $('email').focus();
            return;
        }
        const payload = {nationalId: $('nationalId').value, email: $('email').value};
        if (me.reasonRequired) {
            payload.reason = $('reason').value;
        }
        const answer = await api('POST', '/resets', payload);
        if (answer.status !== 201) {
            $('reset-error').textContent = errorText(answer);
            $('email').setAttribute('aria-invalid', String(answer.body.error === 'email-invalid' || answer.body.error === 'email-missing'));
            $('email').focus();
            return;
        }
        $('email').removeAttribute('aria-invalid');
        pending = answer.body;
        $('confirm-summary').textContent = text('ecpa.personnel.console.confirmSummary',
            pending.person.name, pending.person.maskedNationalId, pending.email);
        $('confirm-dialog').showModal();
        $('confirm-cancel').focus();
    }

    async function confirmReset() {
        const reset = pending;
        pending = null;
        $('confirm-dialog').close('ok');
        const answer = await api('POST', '/resets/' + encodeURIComponent(reset.confirmationId) + '/confirm');
        if (answer.status !== 200) {
            $('reset-error').textContent = errorText(answer);
            $('reset-password').focus();
            return;
        }
        $('reset-form').hidden = true;
        $('result').textContent = text('ecpa.personnel.console.resetDone', reset.person.name, reset.person.maskedNationalId, reset.email);
        $('result').hidden = false;
        $('nationalId').value = '';
        $('result').focus();
    }

    async function cancelReset() {
        const reset = pending;
        pending = null;
        if ($('confirm-dialog').open) {
            $('confirm-dialog').close('cancel');
        }
        if (reset) {
            await api('DELETE', '/resets/' + encodeURIComponent(reset.confirmationId));
        }
        $('result').textContent = text('ecpa.personnel.console.resetCancelled');
        $('result').hidden = false;
        $('reset-password').focus();
    }

    async function loadOfficers() {
        const [officers, agencies] = await Promise.all([api('GET', '/officers'), api('GET', '/agencies')]);
        const list = $('officer-list');
        list.replaceChildren();
        if (officers.status !== 200 || agencies.status !== 200) {
            $('officers-status').textContent = errorText(officers.status !== 200 ? officers : agencies);
            return;
        }
        if (officers.body.length === 0) {
            $('officers-status').textContent = text('ecpa.personnel.console.noOfficers');
        }
        for (const officer of officers.body) {
            list.appendChild(officerForm(officer, agencies.body));
        }
    }

    function officerForm(officer, agencies) {
        const form = document.createElement('form');
        form.className = 'officer';
        const fieldset = document.createElement('fieldset');
        const legend = document.createElement('legend');
        legend.textContent = officer.name + ' (' + officer.maskedNationalId + ') ' + officer.agencyName;
        fieldset.appendChild(legend);

        const granted = checkbox('grant-' + officer.id, text('ecpa.personnel.console.resetGranted'), officer.resetGranted);
        fieldset.appendChild(granted.wrapper);

        const concurrent = document.createElement('fieldset');
        const concurrentLegend = document.createElement('legend');
        concurrentLegend.textContent = text('ecpa.personnel.console.concurrentAgencies');
        concurrent.appendChild(concurrentLegend);
        const boxes = [];
        for (const agency of agencies) {
            if (agency.code === officer.agencyCode) {
                continue;
            }
            const box = checkbox('concurrent-' + officer.id + '-' + agency.code, agency.name + ' (' + agency.code + ')',
                officer.concurrentAgencies.includes(agency.code));
            box.input.value = agency.code;
            boxes.push(box.input);
            concurrent.appendChild(box.wrapper);
        }
        fieldset.appendChild(concurrent);

        const save = document.createElement('button');
        save.type = 'submit';
        save.textContent = text('ecpa.personnel.console.save');
        fieldset.appendChild(save);
        form.appendChild(fieldset);
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            const answer = await api('PUT', '/officers/' + encodeURIComponent(officer.id) + '/grants', {
                resetGranted: granted.input.checked,
                concurrentAgencies: boxes.filter(b => b.checked).map(b => b.value)
            });
            $('officers-status').textContent = answer.status === 200
                ? text('ecpa.personnel.console.saved', officer.name) : errorText(answer);
        });
        return form;
    }

    function checkbox(id, label, checked) {
        const wrapper = document.createElement('div');
        wrapper.className = 'check';
        const input = document.createElement('input');
        input.type = 'checkbox';
        input.id = id;
        input.checked = checked;
        const labelElement = document.createElement('label');
        labelElement.htmlFor = id;
        labelElement.textContent = label;
        wrapper.append(input, labelElement);
        return {wrapper, input};
    }

    async function start() {
        messages = await fetch(consoleUrl + '/messages').then(r => r.json()).catch(() => ({}));
        const params = new URLSearchParams(location.search);
        if (params.has('code')) {
            token = await redeem(params);
        }
        if (!token) {
            await signIn();
            return;
        }
        const answer = await api('GET', '/me');
        if (answer.status !== 200) {
            $('status').textContent = errorText(answer);
            return;
        }
        me = answer.body;
        $('who').textContent = text('ecpa.personnel.console.signedInAs', me.name, me.agencyName || '',
            text('ecpa.personnel.console.method.' + (me.method || 'none')));
        $('status').textContent = '';
        $('reason-field').hidden = !me.reasonRequired;
        $('reason').required = me.reasonRequired;
        $('menu-officers-item').hidden = !me.canManageOfficers;
        route();
    }

    $('search-form').addEventListener('submit', search);
    $('certificate-sign-in').addEventListener('click', () => signIn('certificate'));
    $('reset-form').addEventListener('submit', requestReset);
    $('confirm-ok').addEventListener('click', confirmReset);
    $('confirm-cancel').addEventListener('click', cancelReset);
    // Escape closes a modal dialog: that is 取消 as well.
    $('confirm-dialog').addEventListener('cancel', (event) => {
        event.preventDefault();
        cancelReset();
    });
    $('logout').addEventListener('click', () => {
        location.assign(realmUrl + '/protocol/openid-connect/logout?' + new URLSearchParams({
            client_id: clientId, post_logout_redirect_uri: consoleUrl
        }));
    });
    window.addEventListener('hashchange', route);
    start();
}());
