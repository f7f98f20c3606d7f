// A schedule's fires: the outcome badge with its reason, freeze window and run (the schedules table, the fire
// history panel and the overview share it), and the history panel itself, one schedule at a time.

import { api } from './api.js';
import { fill, h } from './dom.js';
import { relative, wallTime } from './time.js';

const HISTORY = 50;

const OUTCOME = { started: 'verdict-pass', blocked: 'verdict-unknown', failed: 'verdict-fail' };

/** A fire's outcome as a badge with its reason, freeze window and run: shared by the table and the history. */
export function fireSummary(fire, now = Date.now()) {
  return [
    h('span', { class: `badge ${OUTCOME[fire.outcome] || 'state-done'}` }, fire.outcome),
    ' ', h('time', { datetime: fire.scheduledFor, title: `scheduled for ${fire.scheduledFor}, fired ${fire.firedAt}` },
      relative(fire.scheduledFor, now)),
    fire.freezeWindow ? h('span', { class: 'block small' }, 'freeze window ', h('strong', {}, fire.freezeWindow)) : '',
    fire.reason ? h('span', { class: 'block small reason', title: fire.reason }, fire.reason) : '',
    fire.runId ? h('a', { class: 'block small', href: `#/runs/${encodeURIComponent(fire.runId)}` }, `run ${fire.runId}`)
      : '',
  ];
}

/** The fire history of one schedule at a time (the "History" buttons), refreshed with the page. */
export function createHistory() {
  const list = h('div');
  const title = h('h2', { id: 'schedule-history-title', tabindex: '-1' }, 'Fire history');
  const close = h('button', { type: 'button', class: 'btn btn-quiet btn-small', id: 'schedule-history-close' },
    'Close');
  const element = h('section', { id: 'schedule-history', class: 'panel', 'aria-labelledby': 'schedule-history-title',
    hidden: true }, h('div', { class: 'panel-head' }, title, close), list);
  let name = null;
  let seq = 0;
  let drawn = '';
  close.addEventListener('click', () => {
    const was = name;
    forget(name);
    // The panel and its focused button are gone: back to the History button that opened it.
    const opener = document.querySelector(`button[data-history="${CSS.escape(was || '')}"]`);
    if (opener) {
      opener.focus();
    }
  });

  async function load() {
    if (!name) {
      return;
    }
    const mine = ++seq;
    const shown = name;
    let fires;
    try {
      fires = await api(`schedules/${encodeURIComponent(shown)}/fires?limit=${HISTORY}`, { quiet: true });
    } catch (e) {
      fires = null;
    }
    if (mine !== seq || shown !== name) {
      return;
    }
    // Redrawn when the fires changed, and every 10 s for the "ago" texts, not on every poll: a focused run link
    // keeps the focus for a while.
    const key = `${shown}|${Math.floor(Date.now() / 10000)}|${JSON.stringify(fires)}`;
    if (key === drawn) {
      return;
    }
    drawn = key;
    const now = Date.now();
    fill(list, fires === null ? h('p', { class: 'muted' }, 'Could not load the fires.')
      : fires.length === 0 ? h('p', { class: 'muted' }, 'No fire yet.')
        : h('ol', { class: 'fire-list', dataset: { fires: shown } }, fires.map(f =>
          h('li', { dataset: { outcome: f.outcome } },
            h('span', { class: 'fire-when num' }, wallTime(f.scheduledFor)), fireSummary(f, now)))));
  }

  function forget(gone) {
    if (gone === name) {
      name = null;
      drawn = '';
      element.hidden = true;
      fill(list);
    }
  }

  return {
    element,
    show(next) {
      name = next;
      title.textContent = `Fire history of ${next} (newest first)`;
      element.hidden = false;
      drawn = '';
      fill(list, h('p', { class: 'muted' }, 'Loading…'));
      load();
      element.scrollIntoView({ block: 'nearest' });
      title.focus({ preventScroll: true });
    },
    refresh(schedules) {
      if (name && !schedules.some(s => s.name === name)) {
        forget(name);
      }
      load();
    },
    forget,
  };
}

