// The airlog demo's audit viewer: plain JavaScript, no libraries.
(function () {
  'use strict';

  const state = {
    cursor: null,          // null: newest page; {before: n} older; {after: n} newer (after 0: oldest)
    page: null,            // the last page of events shown
    docOffset: 0,
    docPage: null,
    editing: null,
    damaged: new Set(),
    verified: false
  };
  const DOC_PAGE = 20;
  const $ = (id) => document.getElementById(id);

  // ---- the API (the session cookie goes along; every error is {"error": ...}) ----

  async function api(path, options) {
    const opts = Object.assign({ headers: {}, credentials: 'same-origin' }, options || {});
    opts.headers = Object.assign({ 'Accept': 'application/json' }, opts.headers);
    const response = await fetch(path, opts);
    const text = await response.text();
    let body = null;
    if (text) {
      try { body = JSON.parse(text); } catch (e) { body = text; }
    }
    if (!response.ok) {
      const error = new Error(body && body.error ? body.error : (response.status + ' ' + response.statusText));
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function json(method, value) {
    return { method: method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) };
  }

  // ---- sign-in ----

  async function signIn(user, password) {
    const error = $('login-error');
    error.hidden = true;
    try {
      showApp(await api('/api/session', json('POST', { user: user, password: password })));
    } catch (e) {
      error.textContent = e.status === 401 ? 'Wrong user name or password.' : 'Sign-in failed: ' + e.message;
      error.hidden = false;
      $('login-password').value = '';
    }
  }

  async function signOut() {
    try {
      await api('/api/session', { method: 'DELETE' });
    } finally {
      showLogin();
    }
  }

  function showLogin() {
    $('app').hidden = true;
    $('who').hidden = true;
    $('login').hidden = false;
    $('login-password').value = '';
  }

  function showApp(session) {
    $('login').hidden = true;
    $('login-error').hidden = true;
    $('who-name').textContent = session.user;
    $('who-roles').textContent = '(' + session.roles.join(', ') + ')';
    $('who').hidden = false;
    $('app').hidden = false;
    state.cursor = null;
    state.docOffset = 0;
    loadDocuments();
    loadEvents();
    loadReadiness();
  }

  // ---- showing untrusted text safely ----

  // Bidirectional controls (which reorder what is shown around them) and other invisible
  // control characters are shown as visible escapes such as [U+202E], never interpreted;
  // each cell also isolates its text (CSS unicode-bidi: isolate).
  const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/;

  function safe(text) {
    const fragment = document.createDocumentFragment();
    const s = text == null ? '' : String(text);
    let plain = '';
    for (const ch of s) {
      if (CONTROLS.test(ch)) {
        if (plain) {
          fragment.appendChild(document.createTextNode(plain));
          plain = '';
        }
        const mark = document.createElement('span');
        mark.className = 'ctl';
        mark.textContent = '[U+' + ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0') + ']';
        mark.title = 'an invisible control character, shown escaped';
        fragment.appendChild(mark);
      } else {
        plain += ch;
      }
    }
    if (plain) {
      fragment.appendChild(document.createTextNode(plain));
    }
    return fragment;
  }

  function setSafe(element, text) {
    element.replaceChildren(safe(text));
    return element;
  }

  function cell(text, className, label) {
    const td = document.createElement('td');
    setSafe(td, text);
    if (className) {
      td.className = className;
    }
    if (label) {
      td.dataset.label = label;
    }
    return td;
  }

  // ISO 8601 in UTC, to the millisecond: 2026-12-07T06:45:08.953Z (the full stored time is the cell's title).
  function isoTime(iso) {
    return iso ? new Date(iso).toISOString() : '';
  }

  function context(ctx) {
    const td = document.createElement('td');
    td.className = 'context';
    td.dataset.label = 'Context';
    Object.keys(ctx || {}).forEach((key) => {
      const value = ctx[key];
      const chip = document.createElement('span');
      chip.className = 'kv';
      if (key === 'durationNanos' && typeof value === 'number') {
        chip.textContent = (value / 1e6).toFixed(2) + ' ms';
        chip.title = 'durationNanos=' + value;
      } else if (typeof value === 'string' && /^([a-z_$][\w$]*\.)+[A-Z][\w$]*$/.test(value)) {
        setSafe(chip, key + '=' + value.substring(value.lastIndexOf('.') + 1));
        chip.title = key + '=' + value;
      } else {
        setSafe(chip, key + '=' + (typeof value === 'string' ? value : JSON.stringify(value)));
      }
      td.appendChild(chip);
    });
    return td;
  }

  function emptyRow(text, columns) {
    const tr = document.createElement('tr');
    tr.className = 'empty';
    const td = cell(text);
    td.colSpan = columns;
    tr.appendChild(td);
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

  // ---- audit events ----

  function filterParams() {
    const params = new URLSearchParams();
    const add = (name, id) => {
      const value = $(id).value;
      if (value && value.trim()) {
        params.set(name, value.trim());
      }
    };
    add('action', 'filter-action');
    add('subject', 'filter-subject');
    add('outcome', 'filter-outcome');
    add('resource', 'filter-resource');
    add('resourceId', 'filter-resource-id');
    add('correlationId', 'filter-correlation-id');
    add('from', 'filter-from');
    add('to', 'filter-to');
    if (state.cursor && state.cursor.before !== undefined) {
      params.set('before', String(state.cursor.before));
    } else if (state.cursor && state.cursor.after !== undefined) {
      params.set('after', String(state.cursor.after));
    }
    params.set('limit', $('page-size').value);
    return params;
  }

  // Each list counts its loads in data-loads, so that whoever drives the page can wait for the next one.
  function loaded(element) {
    element.dataset.loads = String(Number(element.dataset.loads || 0) + 1);
  }

  async function loadEvents() {
    const body = $('events-body');
    const error = $('events-error');
    const query = filterParams().toString();
    let page;
    try {
      page = await api('/api/audit/events?' + query);
    } catch (e) {
      error.textContent = (e.status === 403 ? 'Your roles do not allow reading the audit log'
        : 'Cannot load events') + ': ' + e.message;
      error.hidden = false;
      body.replaceChildren(emptyRow('No events shown.', 9));
      body.dataset.query = query;
      loaded(body);
      return;
    }
    error.hidden = true;
    state.page = page;
    $('log-id').textContent = page.logId;
    $('head-size').textContent = page.head.size.toLocaleString('en');
    const rows = page.events.map(eventRow);
    body.replaceChildren(...(rows.length ? rows : [emptyRow('No events match.', 9)]));
    const shown = page.events.length;
    $('page-info').textContent = shown
      ? 'Events ' + (page.newer + 1).toLocaleString('en') + '–' + (page.newer + shown).toLocaleString('en')
        + ' of ' + page.total.toLocaleString('en') + ' (newest first)'
      : page.total ? 'No events on this page; ' + page.total.toLocaleString('en') + ' match' : '';
    $('page-newest').disabled = page.newer === 0;
    $('page-newer').disabled = page.newer === 0;
    $('page-older').disabled = page.older === 0;
    $('page-oldest').disabled = page.older === 0;
    body.dataset.query = query;
    loaded(body);
  }

  function eventRow(entry) {
    const tr = document.createElement('tr');
    tr.dataset.sequence = entry.sequence;
    const e = entry.event;
    if (!e) {
      tr.className = 'damaged';
      tr.appendChild(cell(entry.sequence, 'mono', 'Seq'));
      const td = cell('Unreadable row: ' + entry.unreadable, 'unreadable', 'Problem');
      td.colSpan = 8;
      tr.appendChild(td);
      return tr;
    }
    if (state.damaged.has(e.sequence) || entry.checksumMatches === false) {
      tr.className = 'damaged';
      tr.title = entry.checksumMatches === false ? 'the stored checksum does not match this row'
        : 'named by the last verification';
    }
    tr.appendChild(cell(e.sequence, 'mono', 'Seq'));
    const time = cell(isoTime(e.timestamp), 'mono time', 'Time (UTC)');
    time.title = e.timestamp;
    tr.appendChild(time);
    tr.appendChild(cell(e.action, 'action', 'Action'));
    const subject = cell(e.principal.subject, 'subject', 'Subject');
    const auth = document.createElement('span');
    auth.className = 'auth';
    auth.textContent = e.principal.authMethod;
    subject.appendChild(auth);
    subject.title = JSON.stringify(e.principal.metadata);
    tr.appendChild(subject);
    tr.appendChild(cell((e.resource || '') + (e.resourceId ? ' ' + e.resourceId : ''), 'mono resource', 'Resource'));
    const outcome = document.createElement('td');
    outcome.className = 'outcome-cell';
    outcome.dataset.label = 'Outcome';
    const badge = document.createElement('span');
    badge.className = 'outcome ' + e.outcome;
    badge.textContent = e.outcome;
    outcome.appendChild(badge);
    tr.appendChild(outcome);
    const correlation = cell('', 'mono correlation', 'Correlation id');
    if (e.correlationId) {
      const link = button('', 'link-like', () => {
        $('filter-correlation-id').value = e.correlationId;
        state.cursor = null;
        loadEvents();
      });
      setSafe(link, e.correlationId);
      link.title = 'show the events of this request';
      correlation.appendChild(link);
    }
    tr.appendChild(correlation);
    tr.appendChild(context(e.context));
    const checksum = cell(e.checksum.substring(0, 8) + '…', 'mono checksum', 'Checksum');
    const mark = document.createElement('span');
    mark.className = entry.checksumMatches ? 'check ok' : 'check bad';
    mark.textContent = entry.checksumMatches ? ' ✓' : ' ✗';
    checksum.appendChild(mark);
    checksum.title = (entry.checksumMatches ? 'checksum matches the fields' : 'CHECKSUM DOES NOT MATCH the fields')
      + '\nchecksum ' + e.checksum + '\nprevious ' + e.previousChecksum + '\nevent id ' + e.eventId;
    tr.appendChild(checksum);
    return tr;
  }

  function firstPage() {
    state.cursor = null;
    loadEvents();
  }

  // ---- verification, readiness and the start-up check ----

  async function verify() {
    const status = $('verify-status');
    const verifyButton = $('verify-button');
    verifyButton.disabled = true;
    status.className = 'verify unknown';
    status.dataset.source = 'pending';
    status.textContent = 'Verifying…';
    try {
      const report = await api('/api/audit/verify');
      state.verified = true;
      status.replaceChildren();
      const head = document.createElement('strong');
      head.textContent = report.intact ? 'Intact' : 'DAMAGED';
      status.appendChild(head);
      status.appendChild(document.createTextNode(' ' + (report.intact
        ? report.eventsRead + ' events read; every checksum and link verified through sequence '
          + report.verifiedThrough + anchored(report) + ' (at ' + isoTime(report.verifiedAt) + ').'
        : report.damages.length + ' damaged place(s) in ' + report.eventsRead + ' events read; first bad sequence '
          + first(report.damages).firstSequence + ' (' + first(report.damages).kind + '). Damaged events are marked red below.')));
      status.className = 'verify ' + (report.intact ? 'intact' : 'damaged');
      status.dataset.source = 'verification';
      $('damage-list').replaceChildren(...report.damages.map((d) => {
        const tr = document.createElement('tr');
        tr.appendChild(cell(d.position, 'mono', 'Position'));
        tr.appendChild(cell(d.firstSequence === d.lastSequence ? d.firstSequence
          : d.firstSequence + '–' + d.lastSequence, 'mono', 'Sequence'));
        tr.appendChild(cell(d.kind, null, 'Kind'));
        tr.appendChild(cell(d.detail, 'detail', 'Detail'));
        return tr;
      }));
      $('damage-table').hidden = report.intact;
      state.damaged = damagedSequences(report.damages);
      loadEvents();
    } catch (e) {
      status.className = 'verify damaged';
      status.dataset.source = 'verification';
      status.textContent = 'Verification failed: ' + e.message;
    } finally {
      verifyButton.disabled = false;
      loadReadiness();
    }
  }

  // How far the verified log is signed and witnessed (the checks ran with the key and the witness).
  function anchored(report) {
    return (report.signedThrough ? '; signed through ' + report.signedThrough : '')
      + (report.witnessedThrough ? '; witnessed through ' + report.witnessedThrough : '');
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

  // Readiness (public: /q/health/ready) carries airlog's start-up check: its finding is shown
  // in the status box until "Verify chain" is pressed, and as a banner when the log is damaged.
  async function loadReadiness() {
    const pill = $('readiness');
    let health;
    try {
      const response = await fetch('/q/health/ready', { headers: { 'Accept': 'application/json' } });
      health = await response.json();
    } catch (e) {
      pill.textContent = 'unknown';
      pill.className = 'pill';
      return;
    }
    pill.textContent = health.status;
    pill.className = 'pill ' + (health.status === 'UP' ? 'up' : 'down');
    const airlog = (health.checks || []).find((c) => c.name === 'airlog');
    const data = (airlog && airlog.data) || {};
    pill.title = JSON.stringify(data, null, 1);
    const stream = Object.keys(data).filter((k) => k.endsWith('.chain')).map((k) => k.slice(0, -'.chain'.length))[0];
    const chain = stream ? data[stream + '.chain'] : null;
    const summary = stream ? data[stream + '.verification'] : null;
    $('stream-counts').textContent = stream ? '· recorded ' + data[stream + '.recorded']
      + ' · failed ' + data[stream + '.failed'] + ' since start' : '';
    loadCheckpoint(data);
    const damaged = chain === 'damaged';
    $('startup-banner').hidden = !damaged;
    setSafe($('startup-detail'), damaged ? summary : '');
    if (!state.verified) {
      const status = $('verify-status');
      status.className = 'verify ' + (chain === 'intact' ? 'intact' : damaged ? 'damaged' : 'unknown');
      status.replaceChildren();
      const head = document.createElement('strong');
      head.textContent = chain === 'intact' ? 'Intact at start-up' : damaged ? 'DAMAGED at start-up' : 'Not verified at start-up';
      status.appendChild(head);
      status.dataset.source = 'start-up check';
      status.appendChild(safe(' ' + (summary || 'the start-up check did not verify this log')
        + '. Press “Verify chain” to recompute every checksum and link now.'));
    }
  }

  // ---- signed checkpoints and the witness ----

  // The newest signed checkpoint and what the witness file holds (GET /api/audit/checkpoint,
  // itself audited), with the witness publisher's lag and failures from readiness.
  async function loadCheckpoint(data) {
    const text = (id, value) => setSafe($(id), value);
    let cp;
    try {
      cp = await api('/api/audit/checkpoint');
    } catch (e) {
      text('checkpoint-size', '?');
      text('checkpoint-time', 'cannot read: ' + e.message);
      return;
    }
    const signed = cp.checkpoint;
    $('anchors').dataset.signing = cp.signing;
    text('checkpoint-size', signed ? signed.size : cp.signing ? 'no events yet' : 'the log is not signed');
    text('checkpoint-time', signed && signed.storedAt ? isoTime(signed.storedAt) : '–');
    text('checkpoint-key', signed ? signed.keys.join(', ') : '–');
    $('checkpoint-box').title = signed ? signed.note : '';
    const w = cp.witness;
    text('witness-location', w ? w.location + (w.exists ? '' : ' (MISSING)') : 'none');
    text('witness-size', w ? w.witnessedSize : '–');
    const stream = Object.keys(data).filter((k) => k.endsWith('.witness.location')).map((k) => k.slice(0, -'.witness.location'.length))[0];
    text('witness-lag', stream ? data[stream + '.witness.lag-ms'] + ' ms' : '–');
    text('witness-failures', stream ? String(data[stream + '.witness.failures'])
      + (data[stream + '.witness.last-error'] ? ' (' + data[stream + '.witness.last-error'] + ')' : '') : '–');
  }

  // ---- documents ----

  function message(text, bad) {
    const m = $('doc-message');
    setSafe(m, text);
    m.className = 'message' + (bad ? ' bad' : '');
    m.hidden = false;
  }

  async function loadDocuments() {
    const list = $('doc-list');
    let page;
    try {
      page = await api('/api/documents?offset=' + state.docOffset + '&limit=' + DOC_PAGE);
    } catch (e) {
      list.replaceChildren(emptyRow('Cannot load documents: ' + e.message, 5));
      loaded(list);
      return;
    }
    state.docPage = page;
    list.replaceChildren(...(page.documents.length ? page.documents.map(documentRow)
      : [emptyRow('No documents yet: create one.', 5)]));
    const n = page.documents.length;
    $('doc-info').textContent = n ? 'Documents ' + (page.offset + 1).toLocaleString('en') + '–'
      + (page.offset + n).toLocaleString('en') + ' of ' + page.total.toLocaleString('en') : '';
    $('doc-prev').disabled = page.offset === 0;
    $('doc-next').disabled = page.offset + n >= page.total;
    loaded(list);
  }

  function documentRow(d) {
    const tr = document.createElement('tr');
    tr.dataset.id = d.id;
    tr.appendChild(cell(d.id, 'mono', 'Id'));
    tr.appendChild(cell(d.title, 'title', 'Title'));
    tr.appendChild(cell(d.version, 'version', 'Version'));
    tr.appendChild(cell(isoTime(d.updatedAt) + ' by ' + d.updatedBy, 'time', 'Updated (UTC)'));
    const actions = document.createElement('td');
    actions.className = 'actions';
    actions.appendChild(button('Open', 'small', () => openDocument(d.id)));
    actions.appendChild(button('Edit', 'small', () => startEdit(d.id)));
    actions.appendChild(button('Delete', 'small danger', () => act(
      () => api('/api/documents/' + encodeURIComponent(d.id), { method: 'DELETE' }), () => 'Deleted ' + d.id + '.')));
    tr.appendChild(actions);
    return tr;
  }

  async function openDocument(id) {
    await act(() => api('/api/documents/' + encodeURIComponent(id)), (doc) => {
      setSafe($('doc-view-title'), doc.title);
      $('doc-view-meta').textContent = doc.id + ' · version ' + doc.version + ' · created ' + isoTime(doc.createdAt)
        + ' by ' + doc.createdBy + ' · updated ' + isoTime(doc.updatedAt) + ' by ' + doc.updatedBy;
      setSafe($('doc-view-body'), doc.body || '(no text)');
      $('doc-view').hidden = false;
      return 'Read ' + doc.id + ' (version ' + doc.version + ').';
    });
  }

  async function startEdit(id) {
    await act(() => api('/api/documents/' + encodeURIComponent(id)), (doc) => {
      state.editing = doc.id;
      $('doc-title').value = doc.title;
      $('doc-body').value = doc.body;
      $('doc-save').textContent = 'Save ' + doc.id;
      $('doc-cancel').hidden = false;
      return 'Editing ' + doc.id + ' (reading it for the form is audited too).';
    });
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
    const input = { title: $('doc-title').value, body: $('doc-body').value };
    const id = state.editing;
    await act(() => id ? api('/api/documents/' + encodeURIComponent(id), json('PUT', input))
        : api('/api/documents', json('POST', input)),
      (doc) => {
        stopEdit();
        state.docOffset = 0;
        return (id ? 'Saved ' : 'Created ') + doc.id + ' “' + doc.title + '”.';
      });
  }

  // Runs a document call, shows its result (a refusal is shown, not hidden), refreshes the lists.
  async function act(call, describe) {
    try {
      message(describe(await call()), false);
    } catch (e) {
      message(e.status === 403 ? 'Denied: your roles do not allow this (the attempt is audited as DENIED).'
        : e.status === 401 ? 'Your session has ended: sign in again.' : 'Failed: ' + e.message, true);
      if (e.status === 401) {
        showLogin();
        return;
      }
    }
    loadDocuments();
    firstPage();
  }

  // ---- wiring ----

  document.querySelectorAll('.chip').forEach((chip) => chip.addEventListener('click', () => {
    $('login-user').value = chip.dataset.user;
    $('login-password').value = chip.dataset.user;
    signIn(chip.dataset.user, chip.dataset.user);
  }));
  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn($('login-user').value.trim(), $('login-password').value);
  });
  $('logout').addEventListener('click', signOut);
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    firstPage();
  });
  $('filter-clear').addEventListener('click', () => {
    ['filter-action', 'filter-subject', 'filter-outcome', 'filter-resource', 'filter-resource-id',
      'filter-correlation-id', 'filter-from', 'filter-to'].forEach((id) => { $(id).value = ''; });
    firstPage();
  });
  $('page-size').addEventListener('change', firstPage);
  $('page-newest').addEventListener('click', firstPage);
  $('page-newer').addEventListener('click', () => {
    const events = state.page ? state.page.events : [];
    state.cursor = events.length ? { after: events[0].sequence } : null;
    loadEvents();
  });
  $('page-older').addEventListener('click', () => {
    const events = state.page ? state.page.events : [];
    if (events.length) {
      state.cursor = { before: events[events.length - 1].sequence };
      loadEvents();
    }
  });
  $('page-oldest').addEventListener('click', () => {
    state.cursor = { after: 0 };
    loadEvents();
  });
  $('doc-prev').addEventListener('click', () => {
    state.docOffset = Math.max(0, state.docOffset - DOC_PAGE);
    loadDocuments();
  });
  $('doc-next').addEventListener('click', () => {
    state.docOffset += DOC_PAGE;
    loadDocuments();
  });
  $('verify-button').addEventListener('click', verify);
  $('doc-form').addEventListener('submit', saveDocument);
  $('doc-cancel').addEventListener('click', stopEdit);

  api('/api/session').then((session) => (session.user ? showApp(session) : showLogin()), showLogin);
}());
