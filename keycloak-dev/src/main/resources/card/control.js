// The control page of the virtual card reader: renders /control/state, posts JSON control requests.
(function () {
  'use strict';

  var state = null;

  function element(id) {
    return document.getElementById(id);
  }

  function post(action, body) {
    return fetch('/control/' + action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body || {})
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) {
          throw new Error(json.error || response.status);
        }
        return json;
      });
    }).then(render).catch(function (error) {
      element('error').textContent = 'Failed: ' + error.message;
    });
  }

  function cell(row, text, className) {
    var td = row.insertCell();
    td.textContent = text === null || text === undefined ? '' : String(text);
    if (className) {
      td.className = className;
    }
    return td;
  }

  function button(container, label, action, cardId) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', function () {
      post(action, { cardId: cardId });
    });
    container.appendChild(b);
  }

  function render(newState) {
    state = newState;
    element('error').textContent = '';
    element('reader').textContent = state.readerConnected
      ? 'attached, card: ' + (state.insertedCardId || 'none') : 'unplugged';
    element('toggle-reader').textContent = state.readerConnected ? 'Unplug reader' : 'Plug reader in';
    element('origins').textContent = state.allowedOrigins.join(', ');
    var body = element('cards');
    body.textContent = '';
    state.cards.forEach(function (card) {
      var row = body.insertRow();
      row.className = (card.id === state.insertedCardId ? 'inserted ' : '') + (card.locked ? 'locked' : '');
      cell(row, card.id);
      cell(row, card.holderName);
      cell(row, card.maskedNationalId || card.agencyCode);
      cell(row, card.pin);
      cell(row, card.kind);
      cell(row, card.variant);
      cell(row, card.note);
      cell(row, card.locked ? 'locked' : card.consecutiveWrongPins + ' wrong PIN(s)', 'state');
      var actions = cell(row, '');
      button(actions, 'Insert', 'insert', card.id);
      button(actions, card.locked ? 'Unlock' : 'Lock', card.locked ? 'unlock' : 'lock', card.id);
    });
  }

  element('toggle-reader').addEventListener('click', function () {
    post('reader', { connected: !state.readerConnected });
  });
  element('remove').addEventListener('click', function () {
    post('remove');
  });
  element('reset').addEventListener('click', function () {
    post('reset');
  });
  element('add-origin').addEventListener('click', function () {
    post('origins', { origin: element('origin').value });
  });

  fetch('/control/state').then(function (response) {
    return response.json();
  }).then(render);
})();
