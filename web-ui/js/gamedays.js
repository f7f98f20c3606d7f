// Game days (#/gamedays): stored experiments, a runbook and the people who rehearse it, each with one role; and the
// runs they start, whose steps those people then work through on the run page. Only admins may list the users, so
// everyone else types participant names; the server checks them either way.

import { api, apiWithResponse, clearError } from './api.js';
import { fill, h, stateBadge, verdictBadge } from './dom.js';
import { experimentSelect, field, syncRows } from './forms.js';
import { canOperate, isAdmin } from './session.js';

const REFRESH_MS = 4000;
const ROLES = ['facilitator', 'on-call', 'observer', 'approver'];

export function renderGameDays(main) {
  const body = h('tbody');
  const updated = h('p', { class: 'muted small' });
  const form = canOperate() ? createForm(() => refresh()) : null;
  let stopped = false;

  main.append(
    h('div', { class: 'page-head' },
      h('h1', {}, 'Game days'),
      h('p', { class: 'muted' }, 'A game day rehearses a runbook while an experiment breaks the estate: its runs '
        + 'carry the runbook\'s steps, and each participant acts on the steps of their role.'),
      updated),
    form ? form.element : '',
    h('section', { class: 'panel', 'aria-labelledby': 'gamedays-title' },
      h('h2', { id: 'gamedays-title' }, 'Game days'),
      h('table', { id: 'gamedays', class: 'data' },
        h('caption', { class: 'visually-hidden' }, 'Game days with their runbook, experiments, people and runs'),
        h('thead', {}, h('tr', {}, ['Name', 'Runbook', 'Experiments', 'Participants', 'Runs', 'Action']
          .map(t => h('th', { scope: 'col' }, t)))),
        body)));

  async function refresh() {
    let list;
    try {
      list = await api('gamedays');
    } catch (e) {
      return;
    }
    if (stopped) {
      return;
    }
    syncRows(body, list || [], {
      key: d => d.name,
      dataKey: 'gameday',
      columns: 6,
      empty: 'No game day yet.',
      cells: d => [
        h('th', { scope: 'row' }, h('strong', {}, d.name), h('span', { class: 'muted small block' }, `by ${d.createdBy}`)),
        h('td', { class: 'runbook' }, d.runbook.title || d.runbook.id, d.runbook.version ? ` v${d.runbook.version}` : '',
          (d.runbook.problems || []).map(p => h('span', { class: 'block small text-fail' }, p))),
        h('td', { class: 'experiments' }, d.experiments.join(', ')),
        h('td', { class: 'participants' }, h('ul', { class: 'plain' }, d.participants.map(p =>
          h('li', {}, h('strong', {}, p.user), ' ', h('span', { class: 'badge badge-role' }, p.role)))),
          (d.uncoveredRoles || []).length ? h('span', { class: 'small muted block' },
            `No one for ${d.uncoveredRoles.join(', ')}: the facilitator acts`) : ''),
        h('td', { class: 'runs' }, d.runs.length === 0 ? h('span', { class: 'muted' }, 'none yet')
          : h('ul', { class: 'plain' }, d.runs.map(r => h('li', {},
            h('a', { href: `#/runs/${encodeURIComponent(r.runId)}` }, h('span', { class: 'mono' }, r.runId)), ' ',
            stateBadge(r.state), ' ', verdictBadge(r.verdict))))),
        h('td', { class: 'actions' }, canOperate() ? h('button', { type: 'button', class: 'btn btn-primary',
          dataset: { gamedayRun: d.name }, disabled: d.runs.some(r => r.inFlight),
          title: d.runs.some(r => r.inFlight) ? 'A run of this game day is in flight' : null,
          onclick: e => startRun(d.name, e.currentTarget) }, 'Start run') : ''),
      ],
    });
    updated.textContent = `Updated ${new Date().toLocaleTimeString('en-GB', { hour12: false })}`;
  }

  async function startRun(name, button) {
    clearError();
    button.disabled = true;
    try {
      const { data } = await apiWithResponse(`gamedays/${encodeURIComponent(name)}/runs`, { method: 'POST' });
      window.location.hash = `#/runs/${encodeURIComponent(data.id)}`;
    } catch (e) {
      button.disabled = false; // the reason is in #error
    }
  }

  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

function createForm(created) {
  const name = h('input', { type: 'text', id: 'gameday-name', name: 'name', required: true, autocomplete: 'off',
    spellcheck: 'false' });
  const runbook = h('select', { id: 'gameday-runbook', name: 'runbook', required: true },
    h('option', { value: '' }, 'Loading…'));
  const experiment = experimentSelect('gameday-experiment');
  const people = h('tbody', { id: 'gameday-participants' });
  const add = h('button', { type: 'button', id: 'gameday-add-participant', class: 'btn' }, 'Add participant');
  const submit = h('button', { type: 'submit', id: 'gameday-create', class: 'btn btn-primary' }, 'Create game day');
  let users = null;
  let rows = 0;

  const element = h('form', { id: 'gameday-form', class: 'panel', 'aria-labelledby': 'gameday-form-title',
    novalidate: true },
    h('h2', { id: 'gameday-form-title' }, 'New game day'),
    h('div', { class: 'row-form' },
      field(name, 'Name'),
      field(runbook, 'Runbook', 'Built-in and stored runbooks.'),
      field(experiment.select, 'Experiment', 'A stored experiment the runbook applies to.')),
    h('table', { class: 'data compact participants-table' },
      h('caption', {}, 'Participants'),
      h('thead', {}, h('tr', {}, ['User', 'Role', ''].map(t => h('th', { scope: 'col' }, t)))),
      people),
    h('div', { class: 'form-actions' }, add, submit));

  // The first row is the person who runs the drill; further rows default to on-call, the busiest role.
  function addRow() {
    const n = rows++;
    const userId = `gameday-user-${n}`;
    const roleId = `gameday-role-${n}`;
    const who = users
      ? h('select', { id: userId, class: 'participant-user' }, h('option', { value: '' }, '—'),
        users.map(u => h('option', { value: u.name }, `${u.name} (${String(u.role).toLowerCase()})`)))
      : h('input', { type: 'text', id: userId, class: 'participant-user', autocomplete: 'off', spellcheck: 'false' });
    const role = h('select', { id: roleId, class: 'participant-role' }, ROLES.map(r => h('option', { value: r }, r)));
    role.value = n === 0 ? 'facilitator' : 'on-call';
    const remove = h('button', { type: 'button', class: 'btn btn-quiet', 'aria-label': `Remove participant ${n + 1}`,
      onclick: () => tr.remove() }, 'Remove');
    const tr = h('tr', { dataset: { participant: String(n) } },
      h('td', {}, h('label', { for: userId, class: 'visually-hidden' }, `Participant ${n + 1} user`), who),
      h('td', {}, h('label', { for: roleId, class: 'visually-hidden' }, `Participant ${n + 1} role`), role),
      h('td', {}, remove));
    people.append(tr);
    return tr;
  }

  add.addEventListener('click', () => addRow().querySelector('.participant-user').focus());

  element.addEventListener('submit', async event => {
    event.preventDefault();
    clearError();
    const participants = [...people.rows].map(tr => ({
      user: tr.querySelector('.participant-user').value.trim(),
      role: tr.querySelector('.participant-role').value,
    })).filter(p => p.user);
    submit.disabled = true;
    try {
      await api('gamedays', { method: 'POST', contentType: 'application/json', body: JSON.stringify({
        name: name.value.trim(), runbook: runbook.value,
        experiments: experiment.select.value ? [experiment.select.value] : [], participants }) });
      name.value = '';
      created();
    } catch (e) {
      // The server names the bad field in #error; what was typed stays for a correction.
    } finally {
      submit.disabled = false;
    }
  });

  (async () => {
    experiment.load();
    if (isAdmin()) {
      try {
        users = await api('users', { quiet: true });
      } catch (e) {
        users = null; // typed names work as well
      }
    }
    addRow();
    try {
      const list = await api('runbooks') || [];
      fill(runbook, h('option', { value: '' }, '— choose —'), list.filter(r => r.valid !== false).map(r =>
        h('option', { value: r.id }, `${r.title} (${r.experiments.join(', ')})`)));
    } catch (e) {
      fill(runbook, h('option', { value: '' }, 'Could not load the runbooks'));
    }
  })();

  return { element };
}
