// The run view's static structure: built once, then filled by run.js. Element ids follow the UI contract
// (#run-state, #run-verdict, #chart, #objectives, #events, #abort, #confirm ...), which the UI tests use.

import { h } from './dom.js';

export function buildPage(main, runId, rehearsal) {
  const v = {};
  v.experiment = h('span', { class: 'run-experiment' });
  v.created = h('span', { class: 'muted' });
  v.state = h('span', { id: 'run-state' });
  v.verdict = h('span', { id: 'run-verdict' });
  v.elapsed = h('span', { class: 'num' });
  v.feed = h('span', { class: 'feed muted', 'aria-live': 'polite' });
  v.cause = h('p', { class: 'run-cause', hidden: true });
  v.actions = h('div', { class: 'run-actions' });
  v.abort = h('button', { type: 'button', id: 'abort', class: 'btn btn-danger' }, 'Abort run');
  v.chart = h('div', {
    id: 'chart', class: 'charts', role: 'group', dataset: { points: '0' },
    'aria-label': 'Run timeline charts: workload completions per second and, per region, probe success and latency',
  });
  v.objectives = h('tbody');
  v.marks = h('tbody');
  v.events = h('ol', { id: 'events', class: 'event-log', tabindex: '0', 'aria-label': 'Event log, newest last' });
  v.artifacts = h('ul', { class: 'artifact-list' });
  v.reason = h('input', { type: 'text', id: 'abort-reason', name: 'reason', autocomplete: 'off' });
  v.confirmYes = h('button', { type: 'button', id: 'confirm-yes', class: 'btn btn-danger' }, 'Abort and revert');
  v.confirmNo = h('button', { type: 'button', id: 'confirm-no', class: 'btn' }, 'Keep running');
  v.dialog = h('dialog', { id: 'confirm', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
    h('h2', { id: 'confirm-title' }, 'Abort this run?'),
    h('p', { id: 'confirm-text' }, `Run ${runId} stops now: every fault it injected is reverted and the run ends `
      + 'as ABORTED, without a verdict on its objectives.'),
    h('label', { for: 'abort-reason' }, 'Reason (optional, recorded with the run)'),
    v.reason,
    h('div', { class: 'dialog-actions' }, v.confirmNo, v.confirmYes));

  main.append(
    h('div', { class: 'page-head run-head' },
      h('div', {},
        h('h1', {}, 'Run ', h('span', { class: 'mono' }, runId)),
        h('p', { class: 'run-sub' }, v.experiment, ' · ', v.created)),
      v.actions),
    v.body = h('div', { class: 'run-body' },
      h('section', { class: 'panel status-bar', 'aria-label': 'Run status' },
        h('dl', { class: 'status-items' },
          h('div', {}, h('dt', {}, 'State'), h('dd', {}, v.state)),
          h('div', {}, h('dt', {}, 'Verdict'), h('dd', {}, v.verdict)),
          h('div', {}, h('dt', {}, 'Elapsed'), h('dd', {}, v.elapsed)),
          h('div', { class: 'grow' }, h('dt', {}, 'Feed'), h('dd', {}, v.feed))),
        v.cause),
      rehearsal,
      h('section', { class: 'panel', 'aria-labelledby': 'timeline-title' },
        h('div', { class: 'panel-head' },
          h('h2', { id: 'timeline-title' }, 'Timeline'),
          h('p', { class: 'chart-key small' },
            h('span', { class: 'key-band', 'aria-hidden': 'true' }), 'fault in effect',
            h('span', { class: 'key-mark', 'aria-hidden': 'true' }), 'T0–T6 marks',
            h('span', { class: 'key-fail', 'aria-hidden': 'true' }), 'failed probe sample',
            h('span', { class: 'muted' }, ' · x axis: seconds since the run started'))),
        v.chart),
      h('div', { class: 'run-grid' },
        h('div', { class: 'run-col' },
          h('section', { class: 'panel', 'aria-labelledby': 'objectives-title' },
            h('h2', { id: 'objectives-title' }, 'Objectives'),
            h('table', { id: 'objectives', class: 'data' },
              h('thead', {}, h('tr', {},
                h('th', { scope: 'col' }, 'Objective'), h('th', { scope: 'col' }, 'Declared'),
                h('th', { scope: 'col' }, 'Measured ± bound'), h('th', { scope: 'col' }, 'Verdict'),
                h('th', { scope: 'col' }, 'Reason'))),
              v.objectives)),
          h('section', { class: 'panel', 'aria-labelledby': 'marks-title' },
            h('h2', { id: 'marks-title' }, 'Failover timeline'),
            h('table', { id: 'timeline', class: 'data compact' },
              h('thead', {}, h('tr', {},
                h('th', { scope: 'col' }, 'Mark'), h('th', { scope: 'col' }, 'At (run time)'),
                h('th', { scope: 'col' }, 'Meaning'))),
              v.marks))),
        h('div', { class: 'run-col' },
          h('section', { class: 'panel', 'aria-labelledby': 'events-title' },
            h('h2', { id: 'events-title' }, 'Events'),
            v.events),
          h('section', { class: 'panel', 'aria-labelledby': 'artifacts-title' },
            h('h2', { id: 'artifacts-title' }, 'Artifacts'),
            v.artifacts)))),
    v.dialog);
  return v;
}
