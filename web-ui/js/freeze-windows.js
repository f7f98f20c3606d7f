// Freeze windows on the schedules page: the table (rule in words, zone, reason, whether it holds game days back
// right now) with Delete for operators, and the create form, whose fields follow the kind of window chosen.

import { api, clearError } from './api.js';
import { h, timeEl } from './dom.js';
import { field, syncRows, zoneInput } from './forms.js';
import { canOperate } from './session.js';

/** The section; update(windows) shows the list from the page's poll, onChange() asks the page to poll now. */
export function createFreezeSection(main, { ask, onChange }) {
  const operator = canOperate();
  const body = h('tbody');
  const form = operator ? createForm(main, onChange) : null;

  const element = h('div', { class: form ? 'planning-layout' : 'planning-layout single' },
    h('section', { id: 'freeze-panel', class: 'panel', 'aria-labelledby': 'freeze-title' },
      h('h2', { id: 'freeze-title' }, 'Freeze windows'),
      h('p', { class: 'muted small panel-intro' }, 'No scheduled game day starts inside one: its fire is recorded as '
        + 'blocked, naming the window. Runs started by hand are not held back.'),
      h('table', { id: 'freeze-windows', class: 'data' },
        h('caption', { class: 'visually-hidden' }, 'Freeze windows'),
        h('thead', {}, h('tr', {},
          ['Window', 'Rule', 'Zone', 'Reason', 'Now', 'Created', operator ? 'Actions' : null]
            .filter(Boolean).map(t => h('th', { scope: 'col' }, t)))),
        body)),
    form || '');

  function update(windows) {
    syncRows(body, windows, {
      key: w => w.name,
      dataKey: 'freeze',
      columns: operator ? 7 : 6,
      empty: 'No freeze window: scheduled game days run whenever they are due.',
      rowClass: w => (w.activeNow ? 'in-force' : ''),
      cells: w => [
        h('th', { scope: 'row' }, h('strong', {}, w.name)),
        h('td', { class: 'rule' }, ruleText(w)),
        h('td', { class: 'zone' }, w.timeZone),
        h('td', { class: 'reason' }, w.reason || ''),
        h('td', { class: 'active' }, w.activeNow
          ? h('span', { class: 'badge verdict-fail' }, 'in force now')
          : h('span', { class: 'muted' }, 'not now')),
        h('td', { class: 'created small' }, `${w.createdBy || 'unknown'}, `, timeEl(w.createdAt)),
        operator ? h('td', { class: 'actions' }, h('button', {
          type: 'button', class: 'btn btn-small btn-danger-quiet', dataset: { freezeDelete: w.name },
          'aria-label': `Delete freeze window ${w.name}`, onclick: () => remove(w.name),
        }, 'Delete')) : null,
      ].filter(Boolean),
    });
  }

  async function remove(name) {
    const yes = await ask({ title: `Delete freeze window ${name}?`, yes: 'Delete freeze window',
      text: 'Scheduled game days due while it would have held them back will run.' });
    if (!yes) {
      return;
    }
    try {
      await api(`freeze-windows/${encodeURIComponent(name)}`, { method: 'DELETE' });
    } catch (e) {
      return; // in #error
    }
    clearError();
    onChange();
    main.focus({ preventScroll: true });
  }

  return { element, update };
}

// The server's description ("weekly FRI 18:00-MON 08:00 (Europe/Paris)") repeats the zone, which has its column.
function ruleText(w) {
  const text = w.description || '';
  const suffix = ` (${w.timeZone})`;
  return text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
}

const KINDS = [
  ['weekly', 'Weekly (same hours every week)'],
  ['dates', 'Dates (from – to)'],
  ['holidays', 'Holidays (whole days)'],
];

function createForm(main, onCreated) {
  const input = (id, name, attrs = {}) => h('input', { type: 'text', id, name, autocomplete: 'off', spellcheck: 'false',
    ...attrs });
  const name = input('freeze-name', 'name', { required: true });
  const kind = h('select', { id: 'freeze-kind', name: 'kind' }, KINDS.map(([v, t]) => h('option', { value: v }, t)));
  const weekly = input('freeze-weekly', 'weekly', { placeholder: 'FRI 18:00-MON 08:00', class: 'mono' });
  const from = input('freeze-from', 'from', { placeholder: '2026-12-20T18:00', class: 'mono' });
  const to = input('freeze-to', 'to', { placeholder: '2027-01-04', class: 'mono' });
  const holidays = input('freeze-holidays', 'holidays', { placeholder: '2026-12-24, 2026-12-25', class: 'mono' });
  const zone = zoneInput('freeze-zone', main);
  const reason = input('freeze-reason', 'reason', { spellcheck: 'true' });
  const status = h('p', { id: 'freeze-status', class: 'form-status', role: 'status' });
  const submit = h('button', { type: 'submit', id: 'freeze-create', class: 'btn btn-primary' }, 'Create freeze window');

  const groups = {
    weekly: field(weekly, 'Weekly range', 'Wall-clock in the zone: FRI 18:00-MON 08:00, MON-FRI 22:00-06:00 or '
      + 'SAT,SUN 00:00-24:00; several joined by ";".'),
    dates: h('div', { class: 'field-pair' },
      field(from, 'From', 'ISO time, with an offset or local to the zone, or a date.'),
      field(to, 'To', 'A date as the end includes that whole day.')),
    holidays: field(holidays, 'Holidays', 'Dates (YYYY-MM-DD), separated by commas: whole days in the zone.'),
  };
  function showKind() {
    for (const [k, group] of Object.entries(groups)) {
      group.hidden = k !== kind.value;
    }
  }
  kind.addEventListener('change', showKind);
  showKind();

  const form = h('form', { id: 'freeze-form', class: 'stack-form', 'aria-labelledby': 'freeze-form-title',
    novalidate: true },
  field(name, 'Name'),
  field(kind, 'Kind'),
  groups.weekly, groups.dates, groups.holidays,
  field(zone, 'Time zone'),
  field(reason, 'Reason (optional)', 'Shown with every game day it blocks.'),
  h('div', { class: 'form-actions' }, submit),
  status);

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const body = { name: name.value.trim(), timeZone: zone.value.trim() };
    if (reason.value.trim()) {
      body.reason = reason.value.trim();
    }
    if (kind.value === 'weekly') {
      body.weekly = weekly.value.trim();
    } else if (kind.value === 'dates') {
      body.from = from.value.trim();
      body.to = to.value.trim();
    } else {
      body.holidays = holidays.value.split(/[\s,;]+/).filter(Boolean);
    }
    submit.disabled = true;
    status.textContent = '';
    try {
      const created = await api('freeze-windows', { method: 'POST', body: JSON.stringify(body),
        contentType: 'application/json' });
      clearError();
      status.textContent = `Freeze window ${created.name} created${created.activeNow ? '; it is in force now' : ''}.`;
      for (const el of [name, weekly, from, to, holidays, reason]) {
        el.value = '';
      }
      onCreated();
    } catch (err) {
      const bad = { name, weekly, from, to, holidays, timeZone: zone, reason }[String(err.message).split(/[ :']/)[0]];
      (bad || name).focus();
    } finally {
      submit.disabled = false;
    }
  });

  return h('section', { class: 'panel', id: 'freeze-form-panel', 'aria-labelledby': 'freeze-form-title' },
    h('h2', { id: 'freeze-form-title' }, 'New freeze window'), form);
}
