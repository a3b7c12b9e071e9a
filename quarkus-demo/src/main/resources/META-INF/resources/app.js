// The airlog demo's audit viewer: plain JavaScript, no libraries.
(function () {
  'use strict';

  const AUTH_KEY = 'airlog-demo-auth';
  const state = { offset: 0, hasMore: false, editing: null, damaged: new Set() };
  const $ = (id) => document.getElementById(id);

  // ---- authentication (HTTP Basic header kept for this browser tab) ----

  function basic(user, password) {
    const bytes = new TextEncoder().encode(user + ':' + password);
    let text = '';
    bytes.forEach((b) => { text += String.fromCharCode(b); });
    return 'Basic ' + btoa(text);
  }

  async function api(path, options) {
    const opts = Object.assign({ headers: {} }, options || {});
    opts.headers = Object.assign({ 'Accept': 'application/json' }, opts.headers);
    const auth = sessionStorage.getItem(AUTH_KEY);
    if (auth) {
      opts.headers['Authorization'] = auth;
    }
    const response = await fetch(path, opts);
    const text = await response.text();
    let body = null;
    if (text) {
      try { body = JSON.parse(text); } catch (e) { body = text; }
    }
    if (!response.ok) {
      const message = body && body.error ? body.error : (response.status + ' ' + response.statusText);
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  async function signIn(user, password) {
    sessionStorage.setItem(AUTH_KEY, basic(user, password));
    try {
      const me = await api('/api/me');
      showApp(me);
    } catch (e) {
      sessionStorage.removeItem(AUTH_KEY);
      const error = $('login-error');
      error.textContent = e.status === 401 ? 'Wrong user or password.' : 'Sign-in failed: ' + e.message;
      error.hidden = false;
    }
  }

  function signOut() {
    sessionStorage.removeItem(AUTH_KEY);
    $('app').hidden = true;
    $('who').hidden = true;
    $('login').hidden = false;
    $('login-password').value = '';
  }

  function showApp(me) {
    $('login').hidden = true;
    $('login-error').hidden = true;
    $('who-name').textContent = me.name;
    $('who-roles').textContent = '(' + me.roles.join(', ') + ')';
    $('who').hidden = false;
    $('app').hidden = false;
    refreshAll();
  }

  // ---- formatting ----

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (className) {
      td.className = className;
    }
    return td;
  }

  function localTime(iso) {
    const d = new Date(iso);
    const pad = (n, w) => String(n).padStart(w || 2, '0');
    return pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':'
      + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) + '.' + pad(d.getMilliseconds(), 3);
  }

  // The context as small key=value chips; the duration in milliseconds, exception classes by simple name.
  function contextCell(context) {
    const td = document.createElement('td');
    td.className = 'context';
    Object.keys(context || {}).forEach((key) => {
      const value = context[key];
      const chip = document.createElement('span');
      chip.className = 'kv';
      if (key === 'durationNanos' && typeof value === 'number') {
        chip.textContent = (value / 1e6).toFixed(2) + ' ms';
        chip.title = 'durationNanos=' + value;
      } else if (typeof value === 'string' && /^([a-z_$][\w$]*\.)+[A-Z][\w$]*$/.test(value)) {
        chip.textContent = key + '=' + value.substring(value.lastIndexOf('.') + 1);
        chip.title = key + '=' + value;
      } else {
        chip.textContent = key + '=' + JSON.stringify(value);
      }
      td.appendChild(chip);
    });
    return td;
  }

  function shortened(text, length) {
    return text && text.length > length ? text.substring(0, length) + '…' : (text || '');
  }

  // ---- events ----

  function filterParams() {
    const params = new URLSearchParams();
    const add = (name, value) => { if (value && value.trim()) { params.set(name, value.trim()); } };
    add('action', $('filter-action').value);
    add('subject', $('filter-subject').value);
    add('outcome', $('filter-outcome').value);
    add('resourceId', $('filter-resource-id').value);
    params.set('offset', String(state.offset));
    params.set('limit', $('page-size').value);
    return params;
  }

  async function loadEvents() {
    const body = $('events-body');
    const query = filterParams().toString();
    let page;
    try {
      page = await api('/api/audit/events?' + query);
    } catch (e) {
      body.replaceChildren(emptyRow('Cannot load events: ' + e.message));
      return;
    }
    $('log-id').textContent = page.logId;
    $('head-size').textContent = page.head.size;
    state.hasMore = page.hasMore;
    const rows = page.events.map(eventRow);
    body.replaceChildren(...(rows.length ? rows : [emptyRow('No events match.')]));
    body.dataset.query = query;
    const first = page.events.length ? page.offset + 1 : 0;
    $('page-info').textContent = page.events.length
      ? 'Events ' + first + '–' + (page.offset + page.events.length) + ' of the matches'
      : '';
    $('page-prev').disabled = page.offset === 0;
    $('page-next').disabled = !page.hasMore;
  }

  function emptyRow(text, columns) {
    const tr = document.createElement('tr');
    tr.className = 'empty';
    const td = cell(text);
    td.colSpan = columns || 9;
    tr.appendChild(td);
    return tr;
  }

  function eventRow(e) {
    const tr = document.createElement('tr');
    tr.dataset.sequence = e.sequence;
    if (state.damaged.has(e.sequence)) {
      tr.className = 'damaged';
      tr.title = 'named by the last verification';
    }
    tr.appendChild(cell(e.sequence, 'mono'));
    const time = cell(localTime(e.timestamp), 'mono');
    time.title = e.timestamp;
    tr.appendChild(time);
    tr.appendChild(cell(e.action));
    const subject = cell(e.principal.subject, 'subject');
    const auth = document.createElement('span');
    auth.className = 'auth';
    auth.textContent = e.principal.authMethod;
    subject.appendChild(auth);
    tr.appendChild(subject);
    tr.appendChild(cell((e.resource || '') + (e.resourceId ? ' ' + e.resourceId : ''), 'mono resource'));
    const outcome = document.createElement('td');
    const badge = document.createElement('span');
    badge.className = 'outcome ' + e.outcome;
    badge.textContent = e.outcome;
    outcome.appendChild(badge);
    tr.appendChild(outcome);
    const correlation = cell(shortened(e.correlationId, 13), 'mono');
    correlation.title = e.correlationId || '';
    tr.appendChild(correlation);
    tr.appendChild(contextCell(e.context));
    const checksum = cell(e.checksum.substring(0, 10) + '…', 'mono muted');
    checksum.title = 'checksum ' + e.checksum + '\nprevious ' + e.previousChecksum;
    tr.appendChild(checksum);
    return tr;
  }

  // ---- verification and readiness ----

  async function verify() {
    const status = $('verify-status');
    const button = $('verify-button');
    button.disabled = true;
    status.className = 'verify unknown';
    status.textContent = 'Verifying…';
    try {
      const report = await api('/api/audit/verify');
      status.replaceChildren();
      const head = document.createElement('strong');
      head.textContent = report.intact ? 'Intact' : 'DAMAGED';
      status.appendChild(head);
      status.appendChild(document.createTextNode(report.intact
        ? report.eventsRead + ' events read; every checksum and link verified through sequence '
          + report.verifiedThrough + ' (at ' + new Date(report.verifiedAt).toLocaleTimeString() + ').'
        : report.damages.length + ' damaged place(s) in ' + report.eventsRead + ' events read; first bad sequence '
          + first(report.damages).firstSequence + ' (' + first(report.damages).kind + '). Damaged events are marked red below.'));
      status.className = 'verify ' + (report.intact ? 'intact' : 'damaged');
      const list = $('damage-list');
      list.replaceChildren(...report.damages.map((d) => {
        const tr = document.createElement('tr');
        tr.appendChild(cell(d.position, 'mono'));
        tr.appendChild(cell(d.firstSequence === d.lastSequence ? d.firstSequence
          : d.firstSequence + '–' + d.lastSequence, 'mono'));
        tr.appendChild(cell(d.kind));
        tr.appendChild(cell(d.detail));
        return tr;
      }));
      $('damage-table').hidden = report.intact;
      state.damaged = damagedSequences(report.damages);
      loadEvents();
    } catch (e) {
      status.className = 'verify damaged';
      status.textContent = 'Verification failed: ' + e.message;
    } finally {
      button.disabled = false;
      loadReadiness();
    }
  }

  function first(damages) {
    return damages.reduce((a, b) => (b.firstSequence < a.firstSequence ? b : a));
  }

  // The sequences a damage report names (ranges capped, so a huge missing range stays cheap).
  function damagedSequences(damages) {
    const marked = new Set();
    damages.forEach((d) => {
      for (let s = d.firstSequence; s <= d.lastSequence && s < d.firstSequence + 10000; s++) {
        marked.add(s);
      }
    });
    return marked;
  }

  async function loadReadiness() {
    const pill = $('readiness');
    try {
      const response = await fetch('/q/health/ready', { headers: { 'Accept': 'application/json' } });
      const health = await response.json();
      pill.textContent = health.status;
      pill.className = 'pill ' + (health.status === 'UP' ? 'up' : 'down');
      const airlog = (health.checks || []).find((c) => c.name === 'airlog');
      pill.title = airlog && airlog.data ? JSON.stringify(airlog.data, null, 1) : '';
    } catch (e) {
      pill.textContent = 'unknown';
      pill.className = 'pill';
    }
  }

  // ---- documents ----

  function message(text, bad) {
    const m = $('doc-message');
    m.textContent = text;
    m.className = 'message' + (bad ? ' bad' : '');
    m.hidden = false;
  }

  async function loadDocuments() {
    const list = $('doc-list');
    let docs;
    try {
      docs = await api('/api/documents');
    } catch (e) {
      list.replaceChildren(emptyRow('Cannot load documents: ' + e.message, 5));
      return;
    }
    list.replaceChildren(...(docs.length ? docs.map(documentRow) : [emptyRow('No documents yet: create one.', 5)]));
  }

  function documentRow(d) {
    const tr = document.createElement('tr');
    tr.dataset.id = d.id;
    tr.appendChild(cell(d.id, 'mono'));
    tr.appendChild(cell(d.title));
    tr.appendChild(cell(d.version));
    tr.appendChild(cell(localTime(d.updatedAt) + ' by ' + d.updatedBy));
    const actions = document.createElement('td');
    actions.appendChild(button('Open', 'small', () => act(() => api('/api/documents/' + d.id),
      (doc) => 'Read “' + doc.title + '” (version ' + doc.version + ').')));
    actions.appendChild(button('Edit', 'small', () => startEdit(d)));
    actions.appendChild(button('Delete', 'small danger', () => act(
      () => api('/api/documents/' + d.id, { method: 'DELETE' }), () => 'Deleted ' + d.id + '.')));
    tr.appendChild(actions);
    return tr;
  }

  function button(text, className, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.className = className;
    b.addEventListener('click', onClick);
    return b;
  }

  function startEdit(d) {
    state.editing = d.id;
    $('doc-title').value = d.title;
    $('doc-body').value = d.body;
    $('doc-save').textContent = 'Save ' + d.id;
    $('doc-cancel').hidden = false;
  }

  function stopEdit() {
    state.editing = null;
    $('doc-title').value = '';
    $('doc-body').value = '';
    $('doc-save').textContent = 'Create';
    $('doc-cancel').hidden = true;
  }

  async function saveDocument(event) {
    event.preventDefault();
    const input = JSON.stringify({ title: $('doc-title').value, body: $('doc-body').value });
    const headers = { 'Content-Type': 'application/json' };
    const id = state.editing;
    await act(() => id
        ? api('/api/documents/' + id, { method: 'PUT', headers: headers, body: input })
        : api('/api/documents', { method: 'POST', headers: headers, body: input }),
      (doc) => { stopEdit(); return (id ? 'Saved ' : 'Created ') + doc.id + ' “' + doc.title + '”.'; });
  }

  // Runs a document call, shows its result (a refusal is shown, not hidden), refreshes the lists.
  async function act(call, describe) {
    try {
      message(describe(await call()), false);
    } catch (e) {
      const why = e.status === 403 ? 'Denied: your roles do not allow this (the attempt is audited as DENIED).'
        : 'Failed: ' + e.message;
      message(why, true);
    }
    loadDocuments();
    loadEvents();
  }

  function refreshAll() {
    loadDocuments();
    loadEvents();
    loadReadiness();
  }

  // ---- wiring ----

  document.querySelectorAll('.chip').forEach((chip) => chip.addEventListener('click', () => {
    $('login-user').value = chip.dataset.user;
    $('login-password').value = chip.dataset.user;
  }));
  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn($('login-user').value.trim(), $('login-password').value);
  });
  $('logout').addEventListener('click', signOut);
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    state.offset = 0;
    loadEvents();
  });
  $('filter-clear').addEventListener('click', () => {
    ['filter-action', 'filter-subject', 'filter-outcome', 'filter-resource-id'].forEach((id) => { $(id).value = ''; });
    state.offset = 0;
    loadEvents();
  });
  $('page-size').addEventListener('change', () => { state.offset = 0; loadEvents(); });
  $('page-prev').addEventListener('click', () => {
    state.offset = Math.max(0, state.offset - Number($('page-size').value));
    loadEvents();
  });
  $('page-next').addEventListener('click', () => {
    if (state.hasMore) {
      state.offset += Number($('page-size').value);
      loadEvents();
    }
  });
  $('verify-button').addEventListener('click', verify);
  $('doc-form').addEventListener('submit', saveDocument);
  $('doc-cancel').addEventListener('click', stopEdit);

  if (sessionStorage.getItem(AUTH_KEY)) {
    api('/api/me').then(showApp, signOut);
  } else {
    signOut();
  }
}());
