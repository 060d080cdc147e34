// The console (/): certificates, key rings, jobs, sessions and the audit log, drawn from the JSON API, and the
// actions (cancel a job, end a session, revoke a user: SPECIAL) as fetch() POSTs carrying the session's CSRF token.
// Every value goes into the page with textContent, never as HTML, so markup in a subject or job name shows as text.
'use strict';
(() => {
  const cell = (row, text, className) => {
    const td = document.createElement('td');
    td.textContent = text === undefined || text === null ? '' : String(text);
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  };

  const body = (tableId) => {
    const tbody = document.querySelector('#' + tableId + ' tbody');
    tbody.replaceChildren();
    return tbody;
  };

  const emptyRow = (tbody, columns, text) => {
    const tr = document.createElement('tr');
    const td = cell(tr, text, 'empty');
    td.colSpan = columns;
    tbody.appendChild(tr);
  };

  const getJson = async (path) => {
    const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const value = await response.json();
    return { ok: response.ok, value };
  };

  // the session's CSRF token, from the logoff form the server drew
  const csrfToken = () => {
    const input = document.querySelector('form.logout input[name="csrf"]');
    return input ? input.value : '';
  };

  // POST an action with the token in the X-CSRF-Token header; its OCSW message goes to messageId
  const postAction = async (path, messageId) => {
    const message = document.getElementById(messageId);
    try {
      const response = await fetch(path, {
        method: 'POST', credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-CSRF-Token': csrfToken() }
      });
      const type = response.headers.get('content-type') || '';
      message.textContent = type.startsWith('application/json') ? (await response.json()).message
        : (await response.text()).trim();
      message.className = response.ok ? 'message done' : 'message';
    } catch (e) {
      message.textContent = 'The request could not be sent: ' + e;
      message.className = 'message';
    }
  };

  const button = (td, text, id, onClick) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.id = id;
    b.addEventListener('click', onClick);
    td.appendChild(b);
  };

  // warning label ("expired", "7 days", "30 days", "ok") to CSS class
  const warningClass = (warning) => 'warn-' + String(warning).replace(/[^a-z0-9]+/gi, '-');

  // The expiry timeline: an SVG (built with createElementNS; positions are SVG attributes, colours CSS classes, so
  // the CSP needs no inline style) with a band for the expired, the next 365 days, and a band for later ones; one
  // row per certificate, its mark placed by its whole days left, classed by its warning (warn-30-days ...).
  const SVG = 'http://www.w3.org/2000/svg';
  const TIMELINE = { width: 960, labelWidth: 250, expiredWidth: 60, laterWidth: 40, rowHeight: 18, top: 30, days: 365 };

  const svgElement = (parent, name, attributes, text) => {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attributes)) {
      e.setAttribute(k, String(v));
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    parent.appendChild(e);
    return e;
  };

  // the x of a certificate with daysLeft whole days (expired: in the expired band; after a year: in the later band)
  const timelineX = (daysLeft, expired) => {
    const t = TIMELINE;
    const start = t.labelWidth + t.expiredWidth;
    const span = t.width - start - t.laterWidth;
    if (expired) {
      return t.labelWidth + t.expiredWidth / 2;
    }
    if (daysLeft > t.days) {
      return t.width - t.laterWidth / 2;
    }
    return start + Math.max(0, daysLeft) * span / t.days;
  };

  // asOf: the server's time the days left were counted from (the months are laid out from it too)
  const showTimeline = (certificates, asOf) => {
    const t = TIMELINE;
    const holder = document.getElementById('expiry-timeline');
    holder.replaceChildren();
    if (certificates.length === 0) {
      return;
    }
    const height = t.top + certificates.length * t.rowHeight + 8;
    const svg = svgElement(holder, 'svg', { id: 'expiry-timeline-chart', viewBox: '0 0 ' + t.width + ' ' + height,
      role: 'img', 'aria-label': 'Certificate expiry timeline' });
    svg.classList.add('timeline');
    const start = t.labelWidth + t.expiredWidth;
    const bottom = height - 4;
    svgElement(svg, 'rect', { x: t.labelWidth, y: t.top - 6, width: t.expiredWidth, height: bottom - t.top + 6,
      class: 'band-expired' });
    svgElement(svg, 'text', { x: t.labelWidth + t.expiredWidth / 2, y: 12, class: 'axis centre' }, 'expired');
    svgElement(svg, 'text', { x: t.width - t.laterWidth / 2, y: 12, class: 'axis centre' }, 'later');
    // the month boundaries of the coming year, and the 7- and 30-day limits
    const today = asOf ? new Date(asOf) : new Date();
    for (let m = 1; m <= 12; m++) {
      const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + m, 1));
      const days = (first - today) / 86400000;
      if (days > t.days) {
        break;
      }
      const x = timelineX(days, false);
      svgElement(svg, 'line', { x1: x, y1: t.top - 12, x2: x, y2: bottom, class: 'month' });
      if (x + 46 <= t.width - t.laterWidth) { // a label that would run into "later" is left out
        svgElement(svg, 'text', { x: x + 2, y: 12, class: 'axis' }, first.toISOString().substring(0, 7));
      }
    }
    for (const limit of [7, 30]) {
      const x = timelineX(limit, false);
      svgElement(svg, 'line', { x1: x, y1: t.top - 6, x2: x, y2: bottom, class: 'limit limit-' + limit });
      svgElement(svg, 'text', { x: x + 2, y: 24, class: 'axis limit-label' }, limit + 'd');
    }
    svgElement(svg, 'line', { x1: start, y1: t.top - 12, x2: start, y2: bottom, class: 'now' });
    certificates.forEach((c, i) => {
      const y = t.top + i * t.rowHeight + t.rowHeight / 2;
      const row = svgElement(svg, 'g', { class: 'timeline-row ' + warningClass(c.warning) });
      svgElement(row, 'text', { x: t.labelWidth - 6, y: y + 4, class: 'timeline-label' }, c.owner + ' ' + c.label);
      const x = timelineX(c.daysLeft, c.warning === 'expired');
      svgElement(row, 'line', { x1: start, y1: y, x2: Math.max(start, x), y2: y, class: 'timeline-bar' });
      const mark = svgElement(row, 'circle', { cx: x, cy: y, r: 6, class: 'timeline-mark' });
      svgElement(mark, 'title', {}, c.owner + ' ' + c.label + ': ' + c.notAfter.substring(0, 10) + ' (' + c.warning
        + ', ' + c.daysLeft + ' days left)');
    });
  };

  const showCertificates = async () => {
    const { ok, value } = await getJson('/api/certificates');
    const tbody = body('certificates');
    if (!ok) {
      emptyRow(tbody, 7, value.message || 'The certificates cannot be shown.');
      return;
    }
    document.getElementById('certificates-scope').textContent = value.scope === 'ALL'
      ? 'All certificates (you have the SPECIAL attribute).' : 'Your certificates.';
    if (value.certificates.length === 0) {
      emptyRow(tbody, 7, 'No certificates.');
    }
    showTimeline(value.certificates, value.asOf);
    for (const c of value.certificates) {
      const tr = document.createElement('tr');
      tr.className = 'certificate ' + warningClass(c.warning);
      cell(tr, c.notAfter.substring(0, 10), 'date');
      cell(tr, c.daysLeft, 'number');
      cell(tr, c.warning, 'warning');
      cell(tr, c.owner);
      cell(tr, c.label);
      cell(tr, c.subject, 'dn');
      cell(tr, c.issuer, 'dn');
      tbody.appendChild(tr);
    }
    const rings = body('rings');
    if (value.rings.length === 0) {
      emptyRow(rings, 3, 'No key rings.');
    }
    for (const r of value.rings) {
      const tr = document.createElement('tr');
      cell(tr, r.owner);
      cell(tr, r.name);
      cell(tr, r.members.map((m) => m.owner + ' ' + m.label + (m.isDefault ? ' (default)' : '')).join(', '));
      rings.appendChild(tr);
    }
  };

  const showJobs = async () => {
    const { ok, value } = await getJson('/api/jobs');
    const tbody = body('jobs');
    document.getElementById('jobs-message').textContent = ok ? value.message : '';
    if (!ok || value.jobs.length === 0) {
      emptyRow(tbody, 9, ok ? 'No jobs.' : (value.message || 'The jobs cannot be shown.'));
      return;
    }
    for (const j of value.jobs) {
      const tr = document.createElement('tr');
      tr.className = 'job status-' + String(j.status).toLowerCase();
      cell(tr, j.jobName);
      cell(tr, j.jobId);
      cell(tr, j.owner);
      cell(tr, j.status + (j.held ? ' (held)' : ''));
      cell(tr, j.jobClass);
      cell(tr, j.completion, /^RC=0000$/.test(j.completion) || j.completion === '' ? '' : 'bad');
      cell(tr, j.spoolFiles, 'number');
      cell(tr, j.submitted);
      const action = cell(tr, '', 'action');
      button(action, 'Spool', 'spool-' + j.jobId, () => showSpool(j.jobId));
      if (j.status !== 'OUTPUT') { // JES decides who may: the owner, SPECIAL, ALTER to JESSPOOL
        button(action, 'Cancel', 'cancel-' + j.jobId, async () => {
          await postAction('/api/jobs/' + encodeURIComponent(j.jobId) + '/cancel', 'jobs-action-message');
          showJobs();
        });
      }
      tbody.appendChild(tr);
    }
  };

  // a job's spool: its files (as FTP's LIST JOBnnnnn and SDSF show them), and one file's lines in a <pre> as text
  const showSpoolFile = async (jobId, file) => {
    const { ok, value } = await getJson('/api/jobs/' + encodeURIComponent(jobId) + '/spool/' + file.id);
    const pre = document.getElementById('spool-text');
    document.getElementById('spool-file-title').textContent = ok
      ? value.jobName + ' (' + value.jobId + ') ' + value.file.ddName + ' - ' + (value.truncated
        ? 'the first ' + value.lines.length + ' of ' + value.totalLines + ' lines' : value.lines.length + ' lines') : '';
    document.getElementById('spool-message').textContent = !ok ? value.message : value.truncated
      ? 'Only the first ' + value.lines.length + ' of ' + value.totalLines + ' lines are shown: get the whole file '
        + 'with FTP (RETR ' + value.jobId + '.' + value.file.id + ' in JES mode) or TSO OUTPUT.' : '';
    pre.textContent = ok ? value.lines.join('\n') : '';
  };

  const showSpool = async (jobId) => {
    const { ok, value } = await getJson('/api/jobs/' + encodeURIComponent(jobId) + '/spool');
    document.getElementById('spool').classList.remove('hidden');
    document.getElementById('spool-title').textContent = ok
      ? 'Spool of ' + value.jobName + ' (' + value.jobId + ') ' + value.status + ' ' + value.completion
      : 'Spool of ' + jobId;
    document.getElementById('spool-message').textContent = ok ? '' : value.message;
    document.getElementById('spool-file-title').textContent = '';
    document.getElementById('spool-text').textContent = '';
    const tbody = body('spool-files');
    if (!ok || value.files.length === 0) {
      emptyRow(tbody, 7, ok ? 'No spool files yet.' : '');
      return;
    }
    for (const f of value.files) {
      const tr = document.createElement('tr');
      tr.className = 'spool-file';
      cell(tr, f.id, 'number');
      const dd = cell(tr, '');
      button(dd, f.ddName, 'spool-file-' + f.id, () => showSpoolFile(value.jobId, f));
      cell(tr, f.stepName);
      cell(tr, f.procStep);
      cell(tr, f.sysoutClass);
      cell(tr, f.recordCount, 'number');
      cell(tr, f.byteCount, 'number');
      tbody.appendChild(tr);
    }
    if (value.files.length > 0) {
      showSpoolFile(value.jobId, value.files[0]);
    }
  };

  // An ISO-8601 instant to the second (2026-11-30T20:29:16Z), so the wide sessions table fits; empty stays empty.
  const toSecond = (t) => (t || '').replace(/\.\d+Z$/, 'Z');

  // A session's TLS protocol and cipher, bytes in and out (web sessions: not known) and LU name (TN3270).
  const sessionWire = (tr, s) => {
    cell(tr, s.tlsProtocol);
    cell(tr, s.cipher, 'cipher');
    cell(tr, s.bytesIn, 'number');
    cell(tr, s.bytesOut, 'number');
    cell(tr, s.lu);
  };

  const showSessions = async () => {
    const { ok, value } = await getJson('/api/sessions');
    const tbody = body('sessions');
    if (!ok) {
      emptyRow(tbody, 12, value.message || 'The sessions cannot be shown.');
      return;
    }
    const special = value.scope === 'ALL';
    document.getElementById('sessions-scope').textContent = special
      ? 'The web, FTP and TN3270 sessions of this node (you have the SPECIAL attribute).'
      : 'Your web, FTP and TN3270 sessions on this node.';
    document.getElementById('revoke-form').classList.toggle('hidden', !special);
    for (const s of value.sessions) {
      const tr = document.createElement('tr');
      tr.className = 'session';
      cell(tr, s.kind);
      cell(tr, s.userid);
      cell(tr, s.client);
      cell(tr, toSecond(s.loggedOn), 'date');
      cell(tr, toSecond(s.lastUsed), 'date');
      cell(tr, s.certificateSubject, 'dn');
      sessionWire(tr, s);
      button(cell(tr, '', 'action'), 'End', 'end-' + s.handle, async () => {
        await postAction('/api/sessions/' + encodeURIComponent(s.handle) + '/end', 'sessions-message');
        showSessions().catch(() => location.assign('/login')); // this browser's own session ended

      });
      tbody.appendChild(tr);
    }
  };

  const showAudit = async (form) => {
    const params = new URLSearchParams();
    for (const name of ['type', 'user', 'since']) {
      const v = form.elements[name].value.trim();
      if (v !== '') {
        params.set(name, v);
      }
    }
    const { ok, value } = await getJson('/api/audit' + (params.toString() ? '?' + params : ''));
    const message = document.getElementById('audit-message');
    message.textContent = ok ? '' : value.message;
    const tbody = body('audit');
    if (!ok) {
      return;
    }
    if (value.records.length === 0) {
      emptyRow(tbody, 4, 'No audit records.');
    }
    for (const r of value.records) {
      const tr = document.createElement('tr');
      tr.className = 'audit-record';
      cell(tr, r.time, 'date');
      cell(tr, r.type);
      cell(tr, r.user);
      const details = Object.keys(r).filter((k) => !['time', 'type', 'user'].includes(k))
        .map((k) => k + '=' + (typeof r[k] === 'object' ? JSON.stringify(r[k]) : r[k])).join(' ');
      cell(tr, details, 'details');
      tbody.appendChild(tr);
    }
  };

  document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('audit-filter');
    if (!form) {
      return;
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      showAudit(form);
    });
    const revoke = document.getElementById('revoke-form');
    revoke.addEventListener('submit', async (event) => {
      event.preventDefault();
      const userid = revoke.elements.userid.value.trim();
      if (userid !== '') {
        await postAction('/api/users/' + encodeURIComponent(userid) + '/revoke', 'revoke-message');
        showAudit(form);
      }
    });
    showCertificates();
    showJobs();
    showSessions();
    showAudit(form);
  });
})();
