// Fetch helpers for the orchestrator's JSON API. Every failure (a non-2xx answer or no answer at all) is
// shown in #error with the server's own `error` text, then rethrown so callers can stop what they were doing.
// A 401 is the exception: it means the session is gone, so the app's login view takes over instead.

const BASE = 'api/v1';
// The session cookie travels with every request, including ones another site makes the browser send; a custom
// header it cannot add is what tells the server a change really comes from this page.
const CSRF = { 'X-Firedrill-CSRF': '1' };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

let unauthorized = () => {};

/** Registers what happens when a call answers 401 (the app shows its login view with the server's message). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

/** A failed API call: `status` is the HTTP status (0 when the server could not be reached). */
export class ApiError extends Error {
  constructor(message, status, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/**
 * Calls the API and returns the parsed JSON (or null for an empty body).
 * options: method, body (string), contentType, quiet (do not show the error; for expected failures).
 */
export async function api(path, options = {}) {
  const response = await send(path, options);
  const text = await response.text();
  if (!text) {
    return null;
  }
  return JSON.parse(text);
}

/** Like api() but also returns the response, for callers that need headers such as Location. */
export async function apiWithResponse(path, options = {}) {
  const response = await send(path, options);
  const text = await response.text();
  return { response, data: text ? JSON.parse(text) : null };
}

/** A run artifact as text (JSONL files are not JSON documents). */
export async function artifactText(runId, name) {
  const response = await send(`runs/${encodeURIComponent(runId)}/artifacts/${encodeURIComponent(name)}`, {});
  return response.text();
}

/** The URL of an API resource, for links (artifacts) and EventSource. */
export function apiUrl(path) {
  return `${BASE}/${path}`;
}

async function send(path, { method = 'GET', body, contentType, quiet = false }) {
  const headers = { Accept: 'application/json', ...(SAFE_METHODS.has(method) ? {} : CSRF) };
  if (contentType) {
    headers['Content-Type'] = contentType;
  }
  let response;
  try {
    response = await fetch(apiUrl(path), { method, headers, body, cache: 'no-store' });
  } catch (e) {
    const error = new ApiError(`Cannot reach the orchestrator (${method} /${apiUrl(path)}): ${e.message}`, 0);
    if (!quiet) {
      showError(error.message);
    }
    throw error;
  }
  if (!response.ok) {
    const error = await errorOf(response, method, path);
    // A wrong token at the login form is an ordinary error; anywhere else a 401 ends the session.
    if (response.status === 401 && path !== 'session') {
      unauthorized(error);
      throw error;
    }
    if (!quiet) {
      showError(error.message);
    }
    throw error;
  }
  return response;
}

// The API answers every error with {error, status}; anything else (a proxy's HTML page) is summarised.
async function errorOf(response, method, path) {
  const text = await response.text().catch(() => '');
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (ignored) {
    body = null;
  }
  const message = body && typeof body.error === 'string'
    ? body.error
    : `${method} /${apiUrl(path)} failed: HTTP ${response.status}`;
  return new ApiError(message, response.status, body);
}

/** Shows a message in the error banner; it stays until dismissed or the page changes. */
export function showError(message) {
  const banner = document.getElementById('error-banner');
  const text = document.getElementById('error');
  text.textContent = message;
  banner.hidden = false;
}

export function clearError() {
  document.getElementById('error').textContent = '';
  document.getElementById('error-banner').hidden = true;
}
