// The audit log (#/audit): whether the log verifies (every entry's hash, the Merkle tree, the signed checkpoints),
// the latest entries, the checkpoints and the public key anyone can check the signatures with. Read-only and
// fetched once per visit: verifying recomputes the whole tree on the server, which is not worth doing every
// few seconds; the Refresh button does it on demand.

import { api, apiUrl } from './api.js';
import { fill, h, timeEl } from './dom.js';

const LIMIT = 50;

export function renderAudit(main) {
  const status = h('div', { id: 'audit-status', class: 'audit-status', role: 'status' }, 'Verifying…');
  const entries = h('tbody');
  const checkpoints = h('tbody');
  const key = h('div', { id: 'audit-key', class: 'audit-key' });
  const refreshButton = h('button', { type: 'button', id: 'audit-refresh', class: 'btn' }, 'Verify again');
  let stopped = false;

  main.append(
    h('div', { class: 'page-head' },
      h('h1', {}, 'Audit log'),
      h('p', { class: 'muted' }, 'Every change, who made it and when, hashed into a Merkle tree whose roots the '
        + 'orchestrator signs. docs/audit.md in the repository says how to check it yourself with the public key.')),
    h('section', { class: 'panel', 'aria-labelledby': 'audit-verify-title' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'audit-verify-title' }, 'Integrity'), refreshButton),
      status, key),
    h('section', { class: 'panel', 'aria-labelledby': 'audit-entries-title' },
      h('h2', { id: 'audit-entries-title' }, `Latest ${LIMIT} entries`),
      h('table', { id: 'audit-entries', class: 'data compact' },
        h('caption', { class: 'visually-hidden' }, 'Audit entries, newest first'),
        h('thead', {}, h('tr', {}, ['#', 'Time', 'Actor', 'Action', 'Subject', 'Details']
          .map(t => h('th', { scope: 'col' }, t)))),
        entries)),
    h('section', { class: 'panel', 'aria-labelledby': 'audit-checkpoints-title' },
      h('h2', { id: 'audit-checkpoints-title' }, 'Signed checkpoints'),
      h('table', { id: 'audit-checkpoints', class: 'data compact' },
        h('caption', { class: 'visually-hidden' }, 'Signed checkpoints, newest first'),
        h('thead', {}, h('tr', {}, ['#', 'Time', 'Tree size', 'Root', 'Key'].map(t => h('th', { scope: 'col' }, t)))),
        checkpoints)));

  async function load() {
    const [verify, page, cps, pem] = await Promise.allSettled([api('audit/verify'), api(`audit/entries?limit=${LIMIT}`),
      api('audit/checkpoints'), fetch(apiUrl('audit/public-key'), { cache: 'no-store' }).then(r => r.ok ? r.text() : null)]);
    if (stopped) {
      return;
    }
    showVerify(verify.status === 'fulfilled' ? verify.value : null, verify.reason);
    if (page.status === 'fulfilled') {
      showEntries(page.value);
    }
    if (cps.status === 'fulfilled') {
      showCheckpoints(cps.value || []);
    }
    showKey(pem.status === 'fulfilled' ? pem.value : null);
  }

  function showVerify(v, error) {
    if (!v) {
      status.className = 'audit-status audit-bad';
      fill(status, h('strong', {}, 'Not verified: '), error ? error.message : 'no answer');
      return;
    }
    if (v.ok) {
      status.className = 'audit-status audit-ok';
      fill(status, h('strong', {}, 'OK'), ` · ${v.entries} entries and ${v.checkpoints} checkpoints verify`,
        h('span', { class: 'block small' }, 'Root ', h('code', { class: 'mono break' }, v.root || '—')));
      return;
    }
    const bad = v.firstBad || {};
    status.className = 'audit-status audit-bad';
    fill(status, h('strong', {}, 'DAMAGED'),
      ` · first bad ${bad.checkpoint ? `checkpoint ${bad.checkpoint}` : `entry #${bad.seq}`}: ${bad.problem}`,
      h('span', { class: 'block small' }, `${v.entriesChecked} entries and ${v.checkpoints} checkpoints checked`));
  }

  function showEntries(page) {
    const list = [...(page.entries || [])].reverse();
    fill(entries, list.length === 0 ? h('tr', { class: 'empty' }, h('td', { colspan: 6 }, 'The log is empty.'))
      : list.map(e => h('tr', { dataset: { seq: String(e.seq) } },
        h('td', { class: 'num' }, String(e.seq)),
        h('td', { class: 'time' }, timeEl(e.time)),
        h('td', { class: 'actor' }, e.actor),
        h('td', { class: 'action mono' }, e.action),
        h('td', { class: 'subject mono' }, e.subject || ''),
        h('td', { class: 'details small' }, details(e.details)))));
  }

  function showCheckpoints(list) {
    const sorted = [...list].sort((a, b) => b.seq - a.seq);
    fill(checkpoints, sorted.length === 0
      ? h('tr', { class: 'empty' }, h('td', { colspan: 5 }, 'No checkpoint signed yet: one is signed at the end of '
        + 'every run.'))
      : sorted.map(c => h('tr', { dataset: { checkpoint: String(c.seq) } },
        h('td', { class: 'num' }, String(c.seq)),
        h('td', {}, timeEl(c.time)),
        h('td', { class: 'num' }, String(c.treeSize)),
        h('td', {}, h('code', { class: 'mono break', title: c.root }, short(c.root))),
        h('td', {}, h('code', { class: 'mono' }, c.keyId)))));
  }

  async function showKey(pem) {
    const link = h('a', { href: apiUrl('audit/public-key'), id: 'audit-public-key', download: 'firedrill-audit.pem' },
      'Download the public key (PEM)');
    if (!pem) {
      fill(key, link);
      return;
    }
    const fingerprint = await sha256OfPem(pem);
    if (!stopped) {
      fill(key, h('p', { class: 'small' }, 'Signing key SHA-256 ', h('code', { id: 'audit-fingerprint', class: 'mono break' },
        fingerprint || 'unavailable in this browser'), ' · ', link));
    }
  }

  refreshButton.addEventListener('click', () => {
    fill(status, 'Verifying…');
    load();
  });
  load();
  return () => {
    stopped = true;
  };
}

function details(d) {
  if (!d || typeof d !== 'object') {
    return '';
  }
  return Object.entries(d).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ');
}

function short(hash) {
  return hash && hash.length > 16 ? `${hash.slice(0, 16)}…` : hash || '';
}

// The fingerprint is of the key's DER bytes, as `openssl pkey -pubin -outform DER | sha256sum` prints it.
async function sha256OfPem(pem) {
  if (!window.crypto || !window.crypto.subtle) {
    return null; // SubtleCrypto needs a secure context: plain HTTP on another host than localhost has none
  }
  const base64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const der = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  const digest = new Uint8Array(await window.crypto.subtle.digest('SHA-256', der));
  return [...digest].map(b => b.toString(16).padStart(2, '0')).join(':');
}
