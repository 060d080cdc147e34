// The console (/): certificates, key rings, jobs and the audit log, drawn from the JSON API.
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

  // warning label ("expired", "7 days", "30 days", "ok") to CSS class
  const warningClass = (warning) => 'warn-' + String(warning).replace(/[^a-z0-9]+/gi, '-');

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
      emptyRow(tbody, 8, ok ? 'No jobs.' : (value.message || 'The jobs cannot be shown.'));
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
    showCertificates();
    showJobs();
    showAudit(form);
  });
})();
