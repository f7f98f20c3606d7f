// The global HALT: the red button in the header (operators and admins), its confirmation, the outcome of each
// agent's revert, and the banner every page shows while a HALT is in force. The banner polls GET /halt, because a
// HALT may come from anywhere (the CLI, another browser, another orchestrator on the same database).

import { api } from './api.js';
import { clockTime, fill, h } from './dom.js';
import { canOperate, isAdmin } from './session.js';

const POLL_MS = 3000;

let timer = null;
// What the banner shows now: a halt's id, null for none, undefined to force the next poll to redraw.
let shownKey;
let resuming = false;

const el = id => document.getElementById(id);

/** Wires the header button, the dialog and the banner's buttons; once, at start. */
export function wireHalt() {
  const dialog = el('halt-confirm');
  el('halt').addEventListener('click', () => {
    el('halt-reason').value = '';
    dialog.showModal();
    el('halt-reason').focus();
  });
  el('halt-no').addEventListener('click', () => dialog.close());
  el('halt-yes').addEventListener('click', () => {
    const reason = el('halt-reason').value.trim();
    dialog.close();
    halt(reason);
  });
  // Enter in the reason field confirms, as the dialog's one text field; Escape cancels (the dialog's own).
  el('halt-reason').addEventListener('keydown', e => {
    if (e.key === 'Enter') {
      e.preventDefault();
      el('halt-yes').click();
    }
  });
  el('halt-resume').addEventListener('click', resume);
  el('halt-result-dismiss').addEventListener('click', () => {
    el('halt-result').hidden = true;
  });
}

/** Starts polling for the current user (called on login); shows the button to those who may press it. */
export function startHaltWatch() {
  stopHaltWatch();
  el('halt').hidden = !canOperate();
  refreshHalt();
  timer = setInterval(refreshHalt, POLL_MS);
}

/** Stops polling and hides everything HALT-related (called on logout). */
export function stopHaltWatch() {
  clearInterval(timer);
  timer = null;
  shownKey = undefined;
  el('halt').hidden = true;
  el('halt-banner').hidden = true;
  el('halt-result').hidden = true;
}

/** Reads GET /halt and shows or hides the banner. Quiet: the views report outages, not a 3 s poll. */
export async function refreshHalt() {
  let status;
  try {
    status = await api('halt', { quiet: true });
  } catch (e) {
    return;
  }
  if (timer === null) {
    return; // logged out while the call was in flight
  }
  showBanner(status && status.halted ? status.halt : null);
}

function showBanner(record) {
  const banner = el('halt-banner');
  const key = record ? `${record.id}|${isAdmin()}` : null;
  // Rewriting an unchanged role=alert region would have screen readers announce it again on every poll.
  if (key === shownKey) {
    return;
  }
  shownKey = key;
  if (!record) {
    banner.hidden = true;
    return;
  }
  fill(el('halt-text'),
    h('strong', {}, 'HALT in force'), ' since ',
    h('time', { datetime: record.haltedAt, title: record.haltedAt }, clockTime(record.haltedAt)),
    ' by ', h('strong', {}, record.haltedBy || 'unknown'), ': ',
    record.reason ? record.reason : h('em', {}, 'no reason given'),
    '. No run or fault can start until an admin resumes.');
  el('halt-resume').hidden = !isAdmin();
  banner.hidden = false;
}

async function halt(reason) {
  const button = el('halt');
  const result = el('halt-result');
  button.disabled = true;
  button.textContent = 'Halting…';
  fill(el('halt-summary'), 'HALT sent: waiting for every agent to confirm its revert…');
  fill(el('halt-agents'));
  fill(el('halt-unanswered'));
  result.hidden = false;
  try {
    const outcome = await api(`halt${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`, { method: 'POST' });
    showOutcome(outcome || {});
  } catch (e) {
    // The server's message (a 403 for a role that slipped through, an outage) is in #error.
    result.hidden = true;
  } finally {
    button.disabled = false;
    button.textContent = 'HALT';
    refreshHalt(); // the banner, straight away rather than at the next poll
  }
}

function showOutcome(outcome) {
  const agents = outcome.agents || [];
  const unanswered = outcome.unanswered || [];
  const runs = outcome.runsAborted || 0;
  const total = agents.length + unanswered.length;
  fill(el('halt-summary'),
    h('strong', {}, total === 0 ? 'No agent was online.' : `${agents.length} of ${total} agent${total === 1 ? '' : 's'} confirmed`),
    total === 0 ? '' : `; the last confirmation came ${outcome.lastAckMillis} ms after the HALT.`,
    ` ${runs} run${runs === 1 ? '' : 's'} aborted.`);
  fill(el('halt-agents'), agents.map(a => h('tr', { dataset: { region: a.region } },
    h('th', { scope: 'row' }, a.region),
    h('td', { class: 'num' }, String(a.reverted)),
    h('td', { class: 'num' }, String(a.linksCleaned)),
    h('td', { class: 'num' }, `${a.ackMillis} ms`),
    h('td', { class: 'muted' }, a.detail || ''))));
  el('halt-agents-table').hidden = agents.length === 0;
  fill(el('halt-unanswered'), unanswered.length === 0 ? '' : [
    h('strong', {}, 'No answer in time from: '), unanswered.join(', '),
    '. Their faults revert when their leases run out.']);
}

async function resume() {
  if (resuming) {
    return;
  }
  resuming = true;
  const button = el('halt-resume');
  button.disabled = true;
  try {
    await api('halt/resume', { method: 'POST' });
    el('halt-result').hidden = true;
    // The banner (and its focused button) goes away: put the focus somewhere sensible.
    el('view').focus({ preventScroll: true });
  } catch (e) {
    // in #error (a 409 when someone resumed meanwhile, a 403 for a non-admin)
  } finally {
    button.disabled = false;
    resuming = false;
    shownKey = undefined;
    refreshHalt();
  }
}
