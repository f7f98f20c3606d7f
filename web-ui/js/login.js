// The login view: an API token turned into a session by POST /api/v1/session, which sets an HttpOnly cookie. The
// token itself is never stored by the page (not in localStorage, not in a JS variable after the call), so a script
// injected later could not read it back.

import { api, ApiError, showError } from './api.js';
import { h } from './dom.js';

/**
 * Renders the form into <main>. `notice` says why it is shown (a session that ended); `tokenHint` is the server's
 * pointer to the first admin's token file, when it gave one. onLoggedIn(user) runs after a 200.
 */
export function renderLogin(main, { notice, tokenHint, onLoggedIn }) {
  const token = h('input', {
    type: 'password', id: 'token', name: 'token', required: true, autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'token-help',
  });
  const submit = h('button', { type: 'submit', id: 'login-submit', class: 'btn btn-primary' }, 'Log in');
  const form = h('form', { id: 'login', class: 'login-form', 'aria-labelledby': 'login-title', novalidate: true },
    h('label', { for: 'token' }, 'API token'),
    token,
    h('p', { id: 'token-help', class: 'muted small' },
      'A token starts with ', h('code', {}, 'fdt_'), '. An admin issues one per person; the first admin\'s token is '
      + 'in the orchestrator\'s data directory.',
      tokenHint ? [' This orchestrator wrote it to ', h('code', { class: 'token-path' }, tokenHint), '.'] : ''),
    h('div', { class: 'login-actions' }, submit));

  main.append(h('div', { class: 'login-page' },
    h('section', { class: 'panel login-panel' },
      h('h1', { id: 'login-title' }, 'Log in'),
      h('p', { class: 'muted' }, 'The API needs a token. The session lasts until you log out or the token is revoked.'),
      notice ? h('p', { class: 'login-notice', role: 'status' }, notice) : '',
      form)));

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const value = token.value.trim();
    if (!value) {
      showError('Enter an API token.');
      token.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Logging in…';
    try {
      const user = await api('session', { method: 'POST', body: JSON.stringify({ token: value }),
        contentType: 'application/json' });
      token.value = '';
      onLoggedIn(user);
    } catch (err) {
      // The server's message is in #error; select the token so it can be pasted over at once.
      submit.disabled = false;
      submit.textContent = 'Log in';
      token.select();
      token.focus();
      if (!(err instanceof ApiError)) {
        throw err;
      }
    }
  });
  // Deferred: after a hash change the router moves the focus to <main>, which would take it off the field.
  setTimeout(() => token.focus(), 0);
  return () => {};
}

/** Ends the session on the server; the caller shows the login view whatever the answer. */
export async function logout() {
  try {
    await api('session', { method: 'DELETE', quiet: true });
  } catch (ignored) {
    // The cookie may be gone already; the login view is the right place either way.
  }
}

/** The admin token file named in the server's 401 text, for the login view's hint, or null. */
export function tokenFileOf(message) {
  const m = /token to (\S+?admin\.token)\b/.exec(message || '');
  return m ? m[1] : null;
}
