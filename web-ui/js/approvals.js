// Approvals (#/approvals): runs on a production estate need a second person's yes. Operators request one for a
// stored experiment; approvers (and admins) approve or reject requests of other people, a rejection always with a
// note. The requester's own pending requests say they wait for a second person instead of offering buttons the
// server would refuse (409).

import { api, clearError } from './api.js';
import { h, timeEl } from './dom.js';
import { refreshApprovalsBadge } from './approvals-badge.js';
import { experimentSelect, field, refocus, syncRows } from './forms.js';
import { canApprove, canOperate, currentUser } from './session.js';
import { relative } from './time.js';

const REFRESH_MS = 4000;
const STATES = ['pending', 'approved', 'rejected', 'expired', 'used'];
const STATE_CLASS = { pending: 'verdict-unknown', approved: 'verdict-pass', rejected: 'verdict-fail',
  expired: 'state-done', used: 'state-active' };
const VALIDITY = [['1h', '1 hour'], ['4h', '4 hours'], ['8h', '8 hours'], ['24h', '24 hours'], ['72h', '3 days'],
  ['168h', '7 days'], ['720h', '30 days']];

export function renderApprovals(main) {
  const me = currentUser();
  const body = h('tbody');
  const updated = h('p', { class: 'muted small' });
  const filter = h('select', { id: 'approvals-state' }, h('option', { value: '' }, 'All'),
    STATES.map(s => h('option', { value: s }, s)));
  const dialog = rejectDialog(main, (id, note) => decide(id, 'reject', note));
  const form = canOperate() ? requestForm(() => refresh()) : null;
  let stopped = false;

  main.append(
    h('div', { class: 'page-head' },
      h('h1', {}, 'Approvals'),
      h('p', { class: 'muted' }, 'A run on a production estate starts only with an approval granted by a second '
        + 'person with role approver.'),
      updated),
    form ? form.element : '',
    h('section', { id: 'approvals-panel', class: 'panel', 'aria-labelledby': 'approvals-title' },
      h('div', { class: 'panel-head' },
        h('h2', { id: 'approvals-title' }, 'Requests'),
        h('div', { class: 'inline-field' }, h('label', { for: 'approvals-state' }, 'State'), filter)),
      h('table', { id: 'approvals', class: 'data' },
        h('caption', { class: 'visually-hidden' }, 'Approval requests, pending first'),
        h('thead', {}, h('tr', {}, ['Experiment', 'Estate', 'Requested by', 'Reason', 'Requested', 'Expires', 'State',
          'Decision', 'Action'].map(t => h('th', { scope: 'col' }, t)))),
        body)));

  async function refresh() {
    let list;
    try {
      list = await api(`approvals${filter.value ? `?state=${encodeURIComponent(filter.value)}` : ''}`);
    } catch (e) {
      return;
    }
    if (stopped) {
      return;
    }
    render(list || []);
    updated.textContent = `Updated ${new Date().toLocaleTimeString('en-GB', { hour12: false })}`;
  }

  function render(list) {
    const now = Date.now();
    const sorted = [...list].sort((a, b) => (a.state === 'pending' ? 0 : 1) - (b.state === 'pending' ? 0 : 1)
      || Date.parse(b.requestedAt) - Date.parse(a.requestedAt));
    syncRows(body, sorted, {
      key: a => a.id,
      dataKey: 'approval',
      columns: 9,
      empty: filter.value ? `No ${filter.value} approval.` : 'No approval requested yet.',
      rowClass: a => (a.state === 'pending' ? 'pending' : ''),
      cells: a => [
        h('th', { scope: 'row', tabindex: '-1' }, h('strong', {}, a.experiment), h('span', { class: 'muted small block mono' }, a.id)),
        h('td', { class: 'estate' }, a.estate),
        h('td', { class: 'requested-by' }, a.requestedBy),
        h('td', { class: 'reason' }, a.reason),
        h('td', { class: 'requested-at' }, timeEl(a.requestedAt)),
        h('td', { class: 'expires' }, expiry(a, now)),
        h('td', { class: 'state' }, h('span', { class: `badge ${STATE_CLASS[a.state] || 'state-done'}` }, a.state)),
        h('td', { class: 'decision' }, decision(a)),
        h('td', { class: 'actions' }, actions(a)),
      ],
    });
  }

  function actions(a) {
    if (a.state === 'used' && a.runId) {
      return h('a', { href: `#/runs/${encodeURIComponent(a.runId)}` }, `run ${a.runId}`);
    }
    if (a.state !== 'pending') {
      return '';
    }
    if (me && a.requestedBy === me.name) {
      return h('span', { class: 'waiting' }, 'waiting for a second person');
    }
    if (!canApprove()) {
      return h('span', { class: 'waiting' }, 'waiting for an approver');
    }
    const what = `${a.experiment} requested by ${a.requestedBy}`;
    return h('div', { class: 'row-actions' },
      h('button', { type: 'button', class: 'btn btn-small btn-approve', dataset: { approve: a.id },
        'aria-label': `Approve ${what}`, onclick: () => decide(a.id, 'approve') }, 'Approve'),
      h('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', dataset: { reject: a.id },
        'aria-haspopup': 'dialog', 'aria-label': `Reject ${what}`, onclick: () => dialog.open(a) }, 'Reject'));
  }

  async function decide(id, verb, note) {
    try {
      await api(`approvals/${encodeURIComponent(id)}/${verb}`, { method: 'POST', contentType: 'application/json',
        body: JSON.stringify(note ? { note } : {}) });
    } catch (e) {
      return; // in #error: a 409 when decided meanwhile or requested by this user
    }
    clearError();
    refreshApprovalsBadge();
    await refresh();
    // The buttons are gone with the decision: the focus goes to the row they were in.
    refocus(body, `tr[data-approval="${CSS.escape(id)}"] th`);
  }

  filter.addEventListener('change', () => {
    body.replaceChildren();
    refresh();
  });
  refresh();
  if (form) {
    form.load();
  }
  const timer = setInterval(refresh, REFRESH_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

function expiry(a, now) {
  if (a.state !== 'pending' && a.state !== 'approved') {
    return h('span', { class: 'muted' }, a.state === 'expired' ? 'expired' : '—');
  }
  return h('time', { datetime: a.expiresAt, title: a.expiresAt }, relative(a.expiresAt, now));
}

function decision(a) {
  if (!a.decidedBy) {
    return '';
  }
  return [h('span', { class: 'block' }, `${a.state === 'rejected' ? 'rejected' : 'approved'} by `,
    h('strong', {}, a.decidedBy)),
  a.decidedAt ? h('span', { class: 'muted small block' }, timeEl(a.decidedAt)) : '',
  a.note ? h('q', { class: 'note block' }, a.note) : ''];
}

/** The reject dialog: a note is required, and the dialog stays open, saying so, until there is one. */
function rejectDialog(main, onReject) {
  const title = h('h2', { id: 'reject-title' }, 'Reject approval');
  const what = h('p', { id: 'reject-what' });
  const note = h('textarea', { id: 'reject-note', name: 'note', rows: 3, required: true, 'aria-required': 'true',
    'aria-describedby': 'reject-what reject-note-error' });
  const error = h('p', { id: 'reject-note-error', class: 'field-error' });
  const cancel = h('button', { type: 'button', id: 'reject-cancel', class: 'btn' }, 'Cancel');
  const confirm = h('button', { type: 'button', id: 'reject-confirm', class: 'btn btn-danger' }, 'Reject');
  const dialog = h('dialog', { id: 'reject-dialog', 'aria-labelledby': 'reject-title' },
    title, what,
    h('label', { for: 'reject-note' }, 'Why (required; the requester sees it)'),
    note, error,
    h('div', { class: 'dialog-actions' }, cancel, confirm));
  main.append(dialog);
  let current = null;

  cancel.addEventListener('click', () => dialog.close());
  note.addEventListener('input', () => {
    if (note.value.trim()) {
      error.textContent = '';
      note.removeAttribute('aria-invalid');
    }
  });
  confirm.addEventListener('click', () => {
    const text = note.value.trim();
    if (!text) {
      error.textContent = 'Write why: a rejection needs a note.';
      note.setAttribute('aria-invalid', 'true');
      note.focus();
      return;
    }
    dialog.close();
    onReject(current, text);
  });

  return {
    open(a) {
      current = a.id;
      what.textContent = `${a.experiment} on ${a.estate}, requested by ${a.requestedBy}: "${a.reason}"`;
      note.value = '';
      error.textContent = '';
      note.removeAttribute('aria-invalid');
      dialog.showModal();
      note.focus();
    },
  };
}

/** The request form (operators and admins). */
function requestForm(onRequested) {
  const experiments = experimentSelect('approval-experiment');
  const reason = h('input', { type: 'text', id: 'approval-reason', name: 'reason', required: true, autocomplete: 'off' });
  const validFor = h('select', { id: 'approval-valid-for', name: 'validFor' },
    VALIDITY.map(([v, t]) => h('option', { value: v, selected: v === '24h' }, t)));
  const submit = h('button', { type: 'submit', id: 'approval-request', class: 'btn btn-primary' }, 'Request approval');
  const status = h('p', { id: 'approval-status', class: 'form-status', role: 'status' });
  const form = h('form', { id: 'approval-form', class: 'row-form', 'aria-labelledby': 'approval-form-title',
    novalidate: true },
  field(experiments.select, 'Experiment', 'Its estate must be production.'),
  field(reason, 'Reason', 'What the run is for; the approver sees it.', 'grow'),
  field(validFor, 'Valid for', 'Unused approvals expire.'),
  h('div', { class: 'form-actions' }, submit));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    submit.disabled = true;
    status.textContent = '';
    try {
      const created = await api('approvals', { method: 'POST', contentType: 'application/json', body: JSON.stringify({
        experiment: experiments.select.value, reason: reason.value.trim(), validFor: validFor.value }) });
      clearError();
      status.textContent = `Approval ${created.id} requested for ${created.experiment}: it waits for a second person.`;
      reason.value = '';
      onRequested();
    } catch (err) {
      (String(err.message).startsWith('reason') ? reason : experiments.select).focus();
    } finally {
      submit.disabled = false;
    }
  });
  const element = h('section', { id: 'approval-form-panel', class: 'panel', 'aria-labelledby': 'approval-form-title' },
    h('h2', { id: 'approval-form-title' }, 'Request an approval'), form, status);
  return { element, load: experiments.load };
}
