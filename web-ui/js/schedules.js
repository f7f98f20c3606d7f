// Schedules & calendar (#/schedules): the 14-day calendar, the game-day schedules with their next and last fires
// and what an operator does to them (pause, resume, delete, create), one schedule's fire history, and the freeze
// windows (freeze-windows.js). One poll every 3 s reads schedules and freeze windows together, so the calendar,
// the tables and the "inside a freeze" marks always agree with each other.

import { api, clearError } from './api.js';
import { h } from './dom.js';
import { createCalendar } from './calendar.js';
import { createFreezeSection } from './freeze-windows.js';
import { createHistory, fireSummary } from './fire-history.js';
import { coveringWindows } from './freeze-rules.js';
import { confirmDialog, experimentSelect, field, refocus, syncRows, zoneInput } from './forms.js';
import { canOperate, currentUser } from './session.js';
import { cronWords, relative, wallTime } from './time.js';

const REFRESH_MS = 3000;

export function renderSchedules(main) {
  const operator = canOperate();
  const ask = confirmDialog(main);
  const calendar = createCalendar();
  const body = h('tbody');
  const updated = h('p', { class: 'muted small' });
  const history = createHistory();
  const form = operator ? createForm(main, () => refresh()) : null;
  const freeze = createFreezeSection(main, { ask, onChange: () => refresh() });
  let stopped = false;
  let windows = [];

  main.append(
    h('div', { class: 'page-head' },
      h('h1', {}, 'Schedules & calendar'),
      h('p', { class: 'muted' }, 'Game days on a calendar, and the freeze windows that hold them back.'),
      updated,
      operator ? '' : h('p', { class: 'role-note' }, `Your role (${(currentUser()?.role || '').toLowerCase()}) `
        + 'can read schedules; creating, pausing and deleting them needs role operator or admin.')),
    calendar.element,
    h('div', { class: form ? 'planning-layout' : 'planning-layout single' },
      h('div', { class: 'planning-main' },
        h('section', { id: 'schedules-panel', class: 'panel', 'aria-labelledby': 'schedules-title' },
          h('h2', { id: 'schedules-title' }, 'Schedules'),
          h('table', { id: 'schedules', class: 'data compact' },
            h('caption', { class: 'visually-hidden' }, 'Game-day schedules, with their next and last fires'),
            h('thead', {}, h('tr', {},
              ['Schedule', 'Experiment', 'When', 'Next fire', 'Last fire', 'State', 'Actions']
                .map(t => h('th', { scope: 'col' }, t)))),
            body)),
        history.element),
      form ? form.element : ''),
    freeze.element);

  async function refresh() {
    const [schedules, freezeWindows] = await Promise.allSettled([api('schedules'), api('freeze-windows')]);
    if (stopped) {
      return;
    }
    if (freezeWindows.status === 'fulfilled') {
      windows = freezeWindows.value || [];
      freeze.update(windows);
    }
    if (schedules.status === 'fulfilled') {
      const list = schedules.value || [];
      renderRows(list);
      calendar.update({ schedules: list, windows });
      history.refresh(list);
    }
    updated.textContent = `Updated ${new Date().toLocaleTimeString('en-GB', { hour12: false })}`;
  }

  function renderRows(list) {
    const now = Date.now();
    syncRows(body, list, {
      key: s => s.name,
      dataKey: 'schedule',
      columns: 7,
      empty: operator ? 'No schedule yet. Create one with the form.' : 'No schedule yet.',
      rowClass: s => (s.lastFire && s.lastFire.outcome !== 'started' ? 'needs-attention' : ''),
      cells: s => [
        h('th', { scope: 'row', class: 'name' }, h('strong', {}, s.name),
          h('span', { class: 'muted small block' }, `by ${s.createdBy || 'unknown'}`)),
        h('td', { class: 'experiment' }, s.experiment),
        h('td', { class: 'when' }, whenCell(s)),
        h('td', { class: 'next-fire' }, nextCell(s, windows, now)),
        h('td', { class: 'last-fire' }, lastFireCell(s.lastFire, now)),
        h('td', { class: 'state' }, stateBadge(s)),
        h('td', { class: 'actions' }, actions(s)),
      ],
    });
  }

  function actions(s) {
    const label = (verb) => `${verb} schedule ${s.name}`;
    return h('div', { class: 'row-actions' },
      h('button', { type: 'button', class: 'btn btn-small', dataset: { history: s.name }, 'aria-label': `Fire history `
        + `of ${s.name}`, 'aria-controls': 'schedule-history', onclick: () => history.show(s.name) }, 'History'),
      !operator ? '' : s.paused
        ? h('button', { type: 'button', class: 'btn btn-small', dataset: { resume: s.name }, 'aria-label': label('Resume'),
          onclick: () => change(s.name, 'resume', `[data-pause="${CSS.escape(s.name)}"]`) }, 'Resume')
        : h('button', { type: 'button', class: 'btn btn-small', dataset: { pause: s.name }, 'aria-label': label('Pause'),
          onclick: () => change(s.name, 'pause', `[data-resume="${CSS.escape(s.name)}"]`) }, 'Pause'),
      !operator ? '' : h('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', dataset: { delete: s.name },
        'aria-label': label('Delete'), onclick: () => remove(s.name) }, 'Delete'));
  }

  async function change(name, verb, then) {
    try {
      await api(`schedules/${encodeURIComponent(name)}/${verb}`, { method: 'POST' });
    } catch (e) {
      return; // in #error
    }
    clearError();
    await refresh();
    refocus(body, then);
  }

  async function remove(name) {
    const yes = await ask({ title: `Delete schedule ${name}?`, yes: 'Delete schedule',
      text: 'Its coming game days will not run. Runs it already started are not touched.' });
    if (!yes) {
      return;
    }
    try {
      await api(`schedules/${encodeURIComponent(name)}`, { method: 'DELETE' });
    } catch (e) {
      return;
    }
    clearError();
    history.forget(name);
    await refresh();
    main.focus({ preventScroll: true });
  }

  refresh();
  if (form) {
    form.load();
  }
  const timer = setInterval(refresh, REFRESH_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

function whenCell(s) {
  if (s.cron) {
    const words = cronWords(s.cron);
    return [words ? h('span', { class: 'block' }, words) : '',
      h('code', { class: 'mono small block' }, s.cron), h('span', { class: 'muted small' }, s.timeZone)];
  }
  return [h('span', { class: 'block' }, `once, ${wallTime(s.at, s.timeZone)}`),
    h('span', { class: 'muted small' }, s.timeZone)];
}

function nextCell(s, windows, now) {
  const next = (s.nextFires || [])[0];
  if (!next) {
    return h('span', { class: 'muted' }, s.paused ? 'none while paused' : 'no more fires');
  }
  const blockedBy = coveringWindows(windows, Date.parse(next.utc));
  return [h('time', { datetime: next.utc, title: `${next.local} (${s.timeZone}); ${next.utc} UTC`, class: 'block' },
    wallTime(next.utc, s.timeZone)),
  h('span', { class: 'relative block' }, relative(next.utc, now)),
  blockedBy.length ? h('span', { class: 'freeze-note' }, `inside freeze ${blockedBy.join(', ')}: will be blocked`) : ''];
}

function lastFireCell(fire, now) {
  return fire ? fireSummary(fire, now) : h('span', { class: 'muted' }, 'not fired yet');
}

function stateBadge(s) {
  if (s.paused) {
    return h('span', { class: 'badge verdict-unknown' }, 'paused');
  }
  return (s.nextFires || []).length
    ? h('span', { class: 'badge state-active' }, 'active')
    : h('span', { class: 'badge state-done' }, 'finished');
}

/** The create form (operators): a cron or a one-off time, in a zone. */
function createForm(main, onCreated) {
  const name = h('input', { type: 'text', id: 'schedule-name', name: 'name', required: true, autocomplete: 'off',
    spellcheck: 'false', pattern: '[A-Za-z][A-Za-z0-9._\\-]{0,99}' });
  const experiments = experimentSelect('schedule-experiment');
  const cron = h('input', { type: 'text', id: 'schedule-cron', name: 'cron', autocomplete: 'off', spellcheck: 'false',
    placeholder: '0 0 10 ? * TUE', class: 'mono' });
  const words = h('span', { id: 'schedule-cron-words', class: 'cron-words', 'aria-live': 'polite' });
  const at = h('input', { type: 'datetime-local', id: 'schedule-at', name: 'at' });
  const zone = zoneInput('schedule-zone', main);
  const status = h('p', { id: 'schedule-status', class: 'form-status', role: 'status' });
  const submit = h('button', { type: 'submit', id: 'schedule-create', class: 'btn btn-primary' }, 'Create schedule');
  const form = h('form', { id: 'schedule-form', class: 'stack-form', 'aria-labelledby': 'schedule-form-title',
    novalidate: true },
  field(name, 'Name', 'Letters, digits, ".", "_" or "-", starting with a letter.'),
  field(experiments.select, 'Experiment'),
  h('fieldset', { class: 'when-fields' },
    h('legend', {}, 'When: a cron or one time'),
    field(cron, 'Repeats (Quartz cron)', 'Seconds first: 0 0 10 ? * TUE is Tuesdays at 10:00.'),
    words,
    h('p', { class: 'or', 'aria-hidden': 'true' }, 'or'),
    field(at, 'Once at (local time in the zone)')),
  field(zone, 'Time zone', 'IANA name; the cron and the time are read in it.'),
  h('div', { class: 'form-actions' }, submit),
  status);
  cron.addEventListener('input', () => {
    const text = cron.value.trim();
    words.textContent = text ? (cronWords(text) ? `= ${cronWords(text)}` : '') : '';
  });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const body = { name: name.value.trim(), experiment: experiments.select.value, timeZone: zone.value.trim() };
    if (cron.value.trim()) {
      body.cron = cron.value.trim();
    }
    if (at.value) {
      body.at = at.value;
    }
    submit.disabled = true;
    status.textContent = '';
    try {
      const created = await api('schedules', { method: 'POST', body: JSON.stringify(body),
        contentType: 'application/json' });
      clearError();
      const next = (created.nextFires || [])[0];
      status.textContent = `Schedule ${created.name} created${next ? `; next fire ${wallTime(next.utc, created.timeZone)}`
        + ` (${relative(next.utc)})` : ''}.`;
      name.value = '';
      cron.value = '';
      at.value = '';
      words.textContent = '';
      onCreated();
    } catch (err) {
      // The server names the field in #error; put the cursor where the fix goes.
      const bad = { name, experiment: experiments.select, cron, at, timeZone: zone }[String(err.message).split(/[ :']/)[0]];
      (bad || name).focus();
    } finally {
      submit.disabled = false;
    }
  });
  const element = h('section', { class: 'panel', id: 'schedule-form-panel', 'aria-labelledby': 'schedule-form-title' },
    h('h2', { id: 'schedule-form-title' }, 'New schedule'), form);
  return { element, load: experiments.load };
}
