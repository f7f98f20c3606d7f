// The count next to "Approvals" in the navigation: pending approvals the logged-in approver (or admin) could
// decide, i.e. requested by someone else. Polled, because requests come from other people's browsers and the CLI.

import { api } from './api.js';
import { canApprove, currentUser } from './session.js';

const POLL_MS = 15000;

let timer = null;
let seq = 0;

const el = id => document.getElementById(id);

/** Starts polling for the current user (called on login); roles that cannot decide see no count. */
export function startApprovalsBadge() {
  stopApprovalsBadge();
  if (!canApprove()) {
    return;
  }
  refreshApprovalsBadge();
  timer = setInterval(refreshApprovalsBadge, POLL_MS);
}

/** Stops polling and hides the count (called on logout). */
export function stopApprovalsBadge() {
  clearInterval(timer);
  timer = null;
  seq++;
  show(0);
}

/** Reads the pending approvals now (after a request or a decision on this page, and on each poll). */
export async function refreshApprovalsBadge() {
  if (!canApprove()) {
    return;
  }
  const mine = ++seq;
  let pending;
  try {
    pending = await api('approvals?state=pending', { quiet: true });
  } catch (e) {
    return; // the pages report outages; a badge every 15 s would bury them
  }
  const me = currentUser();
  if (mine !== seq || !me) {
    return;
  }
  show((pending || []).filter(a => a.requestedBy !== me.name).length);
}

function show(count) {
  const wrapper = el('approvals-pending');
  if (!wrapper) {
    return;
  }
  el('approvals-pending-count').textContent = String(count);
  wrapper.hidden = count === 0;
  el('nav-approvals').title = count === 0 ? '' : `${count} approval${count === 1 ? '' : 's'} waiting for your decision`;
}
