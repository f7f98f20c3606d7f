// Small DOM and formatting helpers shared by the views. Elements are built with textContent, never
// innerHTML, so names and messages from the API cannot inject markup.

/**
 * Creates an element: h('a', {href: '#/', class: 'x', dataset: {runId: 'r1'}}, 'text', child, ...).
 * Attributes whose value is null, undefined or false are left out; `true` sets an empty attribute.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const VERDICT_CLASSES = { PASS: 'pass', FAIL: 'fail', UNKNOWN: 'unknown' };

/** A verdict as a coloured badge whose text is the verdict itself (colour is never the only signal). */
export function verdictBadge(verdict) {
  if (!verdict) {
    return '';
  }
  return h('span', { class: `badge verdict-${VERDICT_CLASSES[verdict] || 'none'}` }, verdict);
}

const TERMINAL = new Set(['DONE', 'ABORTED']);

export function isTerminal(state) {
  return TERMINAL.has(state);
}

/** A run state as a badge: in-flight states stand out, finished ones are quiet, aborted is marked. */
export function stateBadge(state) {
  const kind = state === 'ABORTED' ? 'aborted' : TERMINAL.has(state) ? 'done' : 'active';
  return h('span', { class: `badge state-${kind}` }, state || '');
}

/** "08:52:04" today, "Nov 27 08:52:04" on another day; the full instant goes in a title. */
export function clockTime(iso, withMillis = false) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  const time = d.toLocaleTimeString('en-GB', { hour12: false });
  const ms = withMillis ? `.${String(d.getMilliseconds()).padStart(3, '0')}` : '';
  const today = new Date().toDateString() === d.toDateString();
  const day = today ? '' : `${d.toLocaleDateString('en-GB', { month: 'short', day: 'numeric' })} `;
  return `${day}${time}${ms}`;
}

/** A <time> element showing clockTime with the ISO instant as machine-readable value and tooltip. */
export function timeEl(iso, withMillis = false) {
  return h('time', { datetime: iso, title: iso }, clockTime(iso, withMillis));
}

/** "2 s ago", "3 min ago": for heartbeats, where the age matters more than the instant. */
export function ago(iso, now = Date.now()) {
  if (!iso) {
    return 'never';
  }
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 90) {
    return `${seconds} s ago`;
  }
  if (seconds < 90 * 60) {
    return `${Math.round(seconds / 60)} min ago`;
  }
  if (seconds < 36 * 3600) {
    return `${Math.round(seconds / 3600)} h ago`;
  }
  return `${Math.round(seconds / 86400)} d ago`;
}

/** Nanoseconds as seconds with millisecond precision, the unit the result's texts use: "20.000 s". */
export function seconds(nanos, digits = 3) {
  if (nanos === null || nanos === undefined) {
    return '';
  }
  return `${(nanos / 1e9).toFixed(digits)} s`;
}

const UNITS = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** An experiment duration ("20s", "500ms", "1m30s") in nanoseconds, or null when it cannot be read. */
export function parseDuration(text) {
  if (typeof text === 'number') {
    return text * 1e9;
  }
  if (typeof text !== 'string') {
    return null;
  }
  const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map(p => p[0].replace(/\s+/g, '')).join('') !== text.replace(/\s+/g, '')) {
    return null;
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]], 0);
}
