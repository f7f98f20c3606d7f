// Entry point: the session (login view until someone is logged in), hash routing between the views, the
// navigation state, the error banner and the orchestrator health line in the header. Each view is a function
// (main, params) that renders into <main> and returns a cleanup function; the router calls it before the next
// view, so timers, EventSources and charts never outlive their page.

import { api, ApiError, clearError, onUnauthorized } from './api.js';
import { renderOverview } from './overview.js';
import { renderExperiments } from './experiments.js';
import { renderRun } from './run.js';
import { renderSchedules } from './schedules.js';
import { renderApprovals } from './approvals.js';
import { renderGameDays } from './gamedays.js';
import { renderAudit } from './audit.js';
import { refreshApprovalsBadge, startApprovalsBadge, stopApprovalsBadge } from './approvals-badge.js';
import { logout, renderLogin, tokenFileOf } from './login.js';
import { refreshHalt, startHaltWatch, stopHaltWatch, wireHalt } from './halt.js';
import { currentUser, onUserChange, setUser } from './session.js';
import { h } from './dom.js';

const ROUTES = [
  { pattern: /^#?\/?$/, view: renderOverview, nav: 'nav-overview' },
  { pattern: /^#\/experiments\/?$/, view: renderExperiments, nav: 'nav-experiments' },
  { pattern: /^#\/schedules\/?$/, view: renderSchedules, nav: 'nav-schedules' },
  { pattern: /^#\/approvals\/?$/, view: renderApprovals, nav: 'nav-approvals' },
  { pattern: /^#\/gamedays\/?$/, view: renderGameDays, nav: 'nav-gamedays' },
  { pattern: /^#\/audit\/?$/, view: renderAudit, nav: 'nav-audit' },
  { pattern: /^#\/runs\/([^/]+)\/?$/, view: renderRun, nav: null },
];
const NAV_IDS = ROUTES.map(r => r.nav).filter(Boolean);

let cleanup = null;

function leaveView() {
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  const main = document.getElementById('view');
  main.replaceChildren();
  return main;
}

function route() {
  if (!currentUser()) {
    // The hash stays as it is: it is where the user goes once logged in. A form already shown keeps what was typed.
    if (!loginShown) {
      showLogin({});
    }
    return;
  }
  const hash = window.location.hash || '#/';
  const match = ROUTES.map(r => ({ r, m: hash.match(r.pattern) })).find(x => x.m);
  clearError();
  const main = leaveView();
  refreshHalt();
  refreshApprovalsBadge();
  for (const id of NAV_IDS) {
    const link = document.getElementById(id);
    if (match && match.r.nav === id) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  if (!match) {
    const h1 = document.createElement('h1');
    h1.textContent = 'Not found';
    const p = document.createElement('p');
    p.textContent = `There is no page at ${hash}. `;
    const back = document.createElement('a');
    back.href = '#/';
    back.textContent = 'Back to the overview';
    p.append(back);
    main.append(h1, p);
    return;
  }
  const params = match.m.slice(1).map(decodeURIComponent);
  cleanup = match.r.view(main, ...params) || null;
}

// The header's health line: which database, how many agents online. Quiet on failure: the views report
// their own errors, and a banner every 10 s for the same outage would bury them.
async function refreshHealth() {
  const el = document.getElementById('health');
  try {
    const health = await api('health', { quiet: true });
    el.textContent = `${health.status === 'ok' ? 'Orchestrator up' : health.status} · ${health.database}`
      + ` · ${health.agentsOnline} agent${health.agentsOnline === 1 ? '' : 's'} online · v${health.version}`;
    el.title = el.textContent;
    el.classList.remove('health-down');
  } catch (e) {
    el.textContent = 'Orchestrator unreachable';
    el.classList.add('health-down');
  }
}

let loginShown = false;
// Where the server said the first admin's token is (from its 401 text), kept for every later login view.
let tokenHint = null;

/** Replaces the page with the login form; every view's timers and streams stop first. */
function showLogin({ notice }) {
  const main = leaveView();
  loginShown = true;
  renderLogin(main, {
    notice,
    tokenHint,
    onLoggedIn: user => {
      clearError();
      setUser(user);
      route();
      document.getElementById('view').focus({ preventScroll: true });
    },
  });
}

/** A 401 from any call: the session ended (logged out elsewhere, token revoked, orchestrator's database reset). */
function sessionEnded(error) {
  const wasLoggedIn = currentUser() !== null;
  tokenHint = tokenFileOf(error.message) || tokenHint;
  setUser(null);
  // Several calls of one page fail together; the first one shows the form, the others must not reset it.
  if (loginShown) {
    return;
  }
  showLogin({
    notice: wasLoggedIn ? `You have been logged out: ${error.message}` : null,
  });
}

function showUser(user) {
  document.getElementById('session').hidden = !user;
  document.getElementById('nav').hidden = !user;
  const whoami = document.getElementById('whoami');
  if (user) {
    loginShown = false;
    whoami.replaceChildren(
      h('span', { class: 'visually-hidden' }, 'Logged in as '),
      h('strong', {}, user.name), ' ',
      h('span', { class: 'role-badge', title: `Role ${user.role.toLowerCase()}` }, user.role.toLowerCase()));
    startHaltWatch();
    startApprovalsBadge();
  } else {
    whoami.replaceChildren();
    stopHaltWatch();
    stopApprovalsBadge();
  }
}

async function start() {
  document.querySelector('.error-dismiss').addEventListener('click', clearError);
  onUnauthorized(sessionEnded);
  onUserChange(showUser);
  wireHalt();
  document.getElementById('logout').addEventListener('click', async () => {
    await logout();
    setUser(null);
    clearError();
    showLogin({ notice: 'You have logged out.' });
  });
  window.addEventListener('hashchange', () => {
    route();
    // Move focus to the new page so keyboard and screen-reader users start at its top.
    document.getElementById('view').focus({ preventScroll: true });
  });
  refreshHealth();
  setInterval(refreshHealth, 10000);
  // An existing session cookie (a reload, a second tab) skips the form; a 401 here shows it via sessionEnded.
  try {
    setUser(await api('me', { quiet: true }));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      return;
    }
    // The orchestrator is down or broken: say so on the login view rather than leave the page blank.
    showLogin({ notice: `Cannot tell whether you are logged in: ${e.message}` });
    return;
  }
  route();
}

start();
