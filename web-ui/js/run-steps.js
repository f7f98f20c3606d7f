// The runbook rehearsal of a game-day run (GET /runs/{id}/steps): each step with its role, state, who started and
// ended it, a live timer against the runbook's expected time, notes and the outcome of its http action. Buttons
// follow the order rules only (start after the step before is done, complete once started); whether this person may
// act is their game-day role, which the server alone checks: a 403 or 409 lands in #error with its reason.

import { api, clearError } from './api.js';
import { fill, h, timeEl } from './dom.js';

const POLL_MS = 2000;
const STATE_CLASS = { pending: 'state-done', started: 'state-active', completed: 'verdict-pass',
  skipped: 'verdict-unknown' };
// Amber from the expected time on, red once it is half as long again: a step a little over is a nudge, one far
// over is what the retrospective should talk about.
const RED_FACTOR = 1.5;

/** The section (hidden until the run turns out to have steps) and its refresh/stop, for run.js. */
export function createRehearsal(runId) {
  const note = h('textarea', { id: 'step-note', name: 'note', rows: '2', maxlength: '2000',
    'aria-describedby': 'step-note-help' });
  const list = h('ol', { id: 'steps', class: 'steps' });
  const summary = h('p', { class: 'muted small', 'aria-live': 'polite' });
  const runbook = h('span');
  let noteField;
  const element = h('section', { id: 'rehearsal', class: 'panel', 'aria-labelledby': 'rehearsal-title', hidden: true },
    h('div', { class: 'panel-head' },
      h('h2', { id: 'rehearsal-title' }, 'Runbook rehearsal'), h('p', { class: 'muted small' }, runbook), summary),
    noteField = h('div', { class: 'field step-note-field' },
      h('label', { for: 'step-note' }, 'Note for your next step action'),
      note,
      h('p', { id: 'step-note-help', class: 'help' }, 'Sent with Start, Complete or Skip, then cleared. '
        + 'A skip needs one.')),
    list);
  let view = null;
  let stopped = false;
  let absent = false;
  let timer = null;
  let busy = false;

  // The live stream replays every state note at once: one request at a time, and one more after it if asked.
  let loading = null;
  let again = false;
  function refresh() {
    if (loading) {
      again = true;
      return loading;
    }
    loading = load().finally(() => {
      loading = null;
      if (again) {
        again = false;
        refresh();
      }
    });
    return loading;
  }

  async function load() {
    if (stopped || absent) {
      return;
    }
    try {
      view = await api(`runs/${encodeURIComponent(runId)}/steps`, { quiet: true });
    } catch (e) {
      // 404: not a game-day run, so there is nothing to rehearse; other failures are retried by the poll.
      if (e.status === 404) {
        absent = true;
        element.hidden = true;
      }
      return;
    }
    if (!stopped) {
      render();
    }
  }

  function render() {
    element.hidden = false;
    // No act is possible once the run is over; a note field there would only invite typing into nothing.
    noteField.hidden = !view.inFlight;
    fill(runbook, `${view.runbook} v${view.runbookVersion} · game day `, h('strong', {}, view.gameDay),
      ` · started by ${view.startedBy}`);
    const s = view.summary;
    summary.textContent = `${s.completed} of ${s.steps} completed, ${s.skipped} skipped, ${s.started} in progress`
      + (s.over ? `, ${s.over} over time` : '');
    const focused = document.activeElement && document.activeElement.closest('#steps button');
    const again = focused ? [...focused.attributes].find(a => a.name.startsWith('data-step-')) : null;
    const steps = view.steps || [];
    fill(list, steps.map((step, i) => item(step, i === 0 ? null : steps[i - 1])));
    // The list is rebuilt on every refresh; a keyboard user keeps their place on the same kind of button.
    if (again) {
      const same = list.querySelector(`button[${again.name}="${CSS.escape(again.value)}"]`);
      if (same) {
        same.focus({ preventScroll: true });
      }
    }
    tick();
  }

  function item(step, previous) {
    const open = view.inFlight;
    const ready = !previous || previous.state === 'completed' || previous.state === 'skipped';
    const buttons = [];
    if (open && step.state === 'pending' && ready) {
      buttons.push(button(step, 'start', 'Start', 'btn-primary'));
    }
    if (open && step.state === 'started') {
      buttons.push(button(step, 'complete', 'Complete', 'btn-primary'));
    }
    if (open && (step.state === 'started' || (step.state === 'pending' && ready))) {
      buttons.push(button(step, 'skip', 'Skip', ''));
    }
    return h('li', { dataset: { step: step.id }, class: `step step-${step.state}` },
      h('div', { class: 'step-head' },
        h('span', { class: 'step-title' }, h('strong', {}, step.title), ' ', h('span', { class: 'mono muted' }, step.id)),
        h('span', { class: 'badge badge-role step-role', title: 'The game-day role that acts on this step' }, step.role),
        h('span', { class: `badge step-state ${STATE_CLASS[step.state] || 'state-done'}` }, step.state),
        h('span', { class: 'step-timer', dataset: { timer: step.id }, 'aria-live': 'off' }, timing(step))),
      h('ul', { class: 'step-marks' },
        mark('started', step.started), mark('completed', step.completed), mark('skipped', step.skipped)),
      step.action ? h('p', { class: 'step-action small' }, actionText(step.action)) : '',
      buttons.length ? h('div', { class: 'step-buttons' }, buttons) : '');
  }

  function button(step, act, label, cls) {
    return h('button', { type: 'button', class: `btn ${cls}`.trim(), dataset: { [`step${act[0].toUpperCase()}${act.slice(1)}`]: step.id },
      'aria-label': `${label} step ${step.title}`, onclick: () => perform(step, act) }, label);
  }

  async function perform(step, act) {
    if (busy) {
      return;
    }
    busy = true;
    clearError();
    const text = note.value.trim();
    try {
      await api(`runs/${encodeURIComponent(runId)}/steps/${encodeURIComponent(step.id)}/${act}`, {
        method: 'POST', contentType: 'application/json', body: JSON.stringify(text ? { note: text } : {}) });
      note.value = '';
    } catch (e) {
      // The refusal is in #error. A 502 means the step did complete but its action failed: the note went with it.
      if (e.status === 502) {
        note.value = '';
      }
    } finally {
      busy = false;
    }
    await refresh();
  }

  // A started step's elapsed time runs on in the browser between refreshes, from the server's start instant.
  function tick() {
    if (!view) {
      return;
    }
    for (const step of view.steps || []) {
      if (step.state === 'started' && step.started) {
        const el = list.querySelector(`[data-timer="${CSS.escape(step.id)}"]`);
        if (el) {
          const elapsed = Math.max(0, (Date.now() - Date.parse(step.started.at)) / 1000);
          fill(el, timing({ ...step, elapsedSeconds: elapsed }));
        }
      }
    }
  }

  function schedule() {
    timer = setTimeout(async () => {
      await refresh();
      if (!stopped && !absent && (!view || view.inFlight)) {
        schedule();
      }
    }, POLL_MS);
  }

  const ticker = setInterval(tick, 1000);
  refresh().then(() => {
    if (!stopped && !absent && (!view || view.inFlight)) {
      schedule();
    }
  });

  return {
    element,
    refresh,
    stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(ticker);
    },
  };
}

/** "1m 05s of 2m expected", amber past the expected time and red well past it, always with the words. */
function timing(step) {
  const expected = `${step.expected} expected`;
  if (step.elapsedSeconds === null || step.elapsedSeconds === undefined) {
    return h('span', { class: 'muted' }, expected);
  }
  const elapsed = step.elapsedSeconds;
  const over = elapsed > step.expectedSeconds;
  const far = elapsed > step.expectedSeconds * RED_FACTOR;
  const cls = far ? 'timer-red' : over ? 'timer-amber' : 'timer-ok';
  const word = over ? ` · over by ${clock(elapsed - step.expectedSeconds)}` : '';
  const verb = step.state === 'started' ? 'running' : 'took';
  return h('span', { class: `timer ${cls}` }, `${verb} ${clock(elapsed)} of ${expected}${word}`);
}

function clock(secondsTotal) {
  const s = Math.floor(secondsTotal);
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

function mark(what, m) {
  if (!m) {
    return '';
  }
  return h('li', { class: `step-mark mark-${what}` },
    `${what[0].toUpperCase()}${what.slice(1)} by `, h('strong', { class: 'step-by' }, m.by),
    m.role ? ` (${m.role})` : '', ' at ', timeEl(m.at), ` · run +${m.runSeconds.toFixed(1)} s`,
    m.note ? h('q', { class: 'step-note-text' }, m.note) : '',
    (m.evidence || []).map(e => h('span', { class: 'step-evidence small' }, ` ${e.kind}: ${e.value}`)));
}

function actionText(action) {
  // The path alone reads like the runbook ("POST /failover"); the target says which service of the estate.
  let path = action.url || '';
  try {
    path = new URL(action.url).pathname;
  } catch (ignored) {
    // not an absolute URL: shown as it is
  }
  const what = `${action.method} ${path || action.target} on ${action.target}`;
  if (!action.outcome) {
    return `Action when completed: ${what}`;
  }
  const o = action.outcome;
  return h('span', { class: o.ok ? 'action-ok' : 'action-failed' },
    `Action ${what} → ${o.status === null ? 'no answer' : o.status} in ${o.millis} ms${o.ok ? '' : ' (failed)'}`,
    o.detail ? ` · ${o.detail}` : '');
}
