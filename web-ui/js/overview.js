// Overview (#/): the agents of every region, the next game days (game-days.js), runs in flight and the latest
// runs. Agents and runs refresh every 2 s by plain fetches; tables are rebuilt from each answer, which at this
// size costs nothing and keeps the rows exactly what the API says.

import { api } from './api.js';
import { ago, fill, h, isTerminal, stateBadge, timeEl, verdictBadge } from './dom.js';
import { createNextGameDays } from './game-days.js';

const REFRESH_MS = 2000;
const RECENT = 20;

export function renderOverview(main) {
  const agentsBody = h('tbody');
  const activeBody = h('tbody');
  const recentBody = h('tbody');
  const updated = h('p', { class: 'muted small', 'aria-live': 'off' });
  const gameDays = createNextGameDays();

  main.append(
    h('div', { class: 'page-head' },
      h('h1', {}, 'Overview'),
      updated),
    h('section', { id: 'agents', class: 'panel', 'aria-labelledby': 'agents-title' },
      h('h2', { id: 'agents-title' }, 'Agents'),
      h('table', { class: 'data' },
        h('caption', { class: 'visually-hidden' }, 'One agent per region'),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, 'Region'),
          h('th', { scope: 'col' }, 'Status'),
          h('th', { scope: 'col' }, 'Last heartbeat'),
          h('th', { scope: 'col' }, 'Clock offset ± bound'),
          h('th', { scope: 'col' }, 'Agent'))),
        agentsBody)),
    gameDays.element,
    h('div', { class: 'two-col' },
      runsSection('active-runs', 'Active runs', activeBody),
      runsSection('recent-runs', `Recent runs (last ${RECENT})`, recentBody)));

  let stopped = false;
  async function refresh() {
    // Each table refreshes on its own: a failing runs call must not blank the agents.
    const [agents, runs] = await Promise.allSettled([api('agents'), api('runs')]);
    if (stopped) {
      return;
    }
    if (agents.status === 'fulfilled') {
      renderAgents(agentsBody, agents.value || []);
    }
    if (runs.status === 'fulfilled') {
      const list = sortNewestFirst(runs.value || []);
      renderRuns(activeBody, list.filter(r => !isTerminal(r.state)), 'No run in flight.');
      renderRuns(recentBody, list.slice(0, RECENT), 'No run yet. Start one from the Experiments page.');
    }
    updated.textContent = `Updated ${new Date().toLocaleTimeString('en-GB', { hour12: false })}`;
  }

  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
    gameDays.stop();
  };
}

function runsSection(id, title, body) {
  return h('section', { id, class: 'panel', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title),
    h('table', { class: 'data' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Experiment'),
        h('th', { scope: 'col' }, 'State'),
        h('th', { scope: 'col' }, 'Verdict'),
        h('th', { scope: 'col' }, 'Created'),
        h('th', { scope: 'col' }, 'Run id'))),
      body));
}

function renderAgents(body, agents) {
  const sorted = [...agents].sort((a, b) => a.region.localeCompare(b.region));
  if (sorted.length === 0) {
    fill(body, emptyRow(5, 'No agent has connected yet. Start one with "firedrill agent".'));
    return;
  }
  const now = Date.now();
  fill(body, sorted.map(a => {
    const status = String(a.status || '').toLowerCase();
    return h('tr', { dataset: { region: a.region } },
      h('td', { class: 'region' }, h('strong', {}, a.region)),
      h('td', { class: 'status' }, h('span', {
        class: `badge agent-${status === 'online' ? 'online' : 'offline'}`,
        title: a.statusReason || null,
      }, status)),
      h('td', { class: 'heartbeat' }, a.lastHeartbeat ? h('time', { datetime: a.lastHeartbeat, title: a.lastHeartbeat },
        ago(a.lastHeartbeat, now)) : 'never'),
      h('td', { class: 'clock num' }, clockText(a)),
      h('td', { class: 'muted small' }, [a.name || a.agentId || '', a.version ? ` · ${a.version}` : ''].join('')));
  }));
}

function clockText(agent) {
  if (agent.clockOffsetMs === null || agent.clockOffsetMs === undefined) {
    return 'not synced';
  }
  const bound = agent.clockErrorMs === null || agent.clockErrorMs === undefined ? '?' : agent.clockErrorMs.toFixed(3);
  return `${agent.clockOffsetMs.toFixed(3)} ms ± ${bound} ms`;
}

function renderRuns(body, runs, emptyText) {
  if (runs.length === 0) {
    fill(body, emptyRow(5, emptyText));
    return;
  }
  fill(body, runs.map(r => {
    const href = `#/runs/${encodeURIComponent(r.id)}`;
    return h('tr', { dataset: { runId: r.id } },
      h('td', { class: 'experiment' }, h('a', { href }, r.experiment)),
      h('td', { class: 'state' }, stateBadge(r.state)),
      h('td', { class: 'verdict' }, verdictBadge(r.verdict)),
      h('td', { class: 'created' }, timeEl(r.createdAt),
        r.startedBy ? h('span', { class: 'started-by small muted' }, ` by ${r.startedBy}`) : null),
      h('td', { class: 'run-id mono muted' }, r.id));
  }));
}

function emptyRow(columns, text) {
  return h('tr', { class: 'empty' }, h('td', { colspan: columns }, text));
}

function sortNewestFirst(runs) {
  return [...runs].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
