// The run view's text panels: objectives, the marks T0–T6, the event log and the artifact links. Each is
// rendered from plain data, so the live stream, polling and the finished run all go through the same code.

import { apiUrl } from './api.js';
import { clockTime, fill, h, seconds, stateBadge, verdictBadge } from './dom.js';

const PENDING = '…';

/**
 * Objectives table: the result's verdicts once judged; before that rto and rpo with their declared
 * values and "…" as measured. `declared` is { rtoNanos, rpoNanos } (either may be null when unknown).
 */
export function renderObjectives(body, result, declared, aborted = false) {
  if (result && Array.isArray(result.verdicts)) {
    fill(body, result.verdicts.map(v => objectiveRow(v.objective,
      v.declaredNanos === null || v.declaredNanos === undefined ? '—' : seconds(v.declaredNanos),
      v.measured ? v.measured.text : '—',
      verdictBadge(v.verdict), v.reason || '')));
    return;
  }
  const text = nanos => (nanos === null || nanos === undefined ? PENDING : seconds(nanos));
  // An aborted run is never judged: say so instead of promising a figure.
  const measured = aborted ? '—' : PENDING;
  const reason = aborted ? 'not judged: the run was aborted' : 'measured when the run is judged';
  fill(body,
    objectiveRow('rto', text(declared.rtoNanos), measured, '', reason),
    objectiveRow('rpo', text(declared.rpoNanos), measured, '', reason));
}

function objectiveRow(objective, declared, measured, verdict, reason) {
  return h('tr', { dataset: { objective } },
    h('td', { class: 'objective mono' }, objective),
    h('td', { class: 'declared num' }, declared),
    h('td', { class: 'measured num' }, measured),
    h('td', { class: 'verdict' }, verdict),
    h('td', { class: 'reason' }, reason));
}

/** The marks T0–T6 with their times and what each means; unobserved ones say why. */
export function renderMarks(body, timeline) {
  const marks = (timeline && timeline.marks) || [];
  if (marks.length === 0) {
    fill(body, h('tr', { class: 'empty' }, h('td', { colspan: 3 }, 'Known once the run is judged.')));
    return;
  }
  fill(body, marks.map(m => h('tr', { dataset: { mark: m.id } },
    h('td', { class: 'mono' }, h('strong', {}, m.id)),
    h('td', { class: 'num' }, m.observed && m.at
      ? `+${(m.at.nanos / 1e9).toFixed(3)} s ± ${formatBound(m.at.boundNanos)}`
      : h('span', { class: 'muted' }, 'not observed')),
    h('td', {}, m.meaning, h('div', { class: 'muted small' }, m.evidence || '')))));
}

function formatBound(nanos) {
  if (!nanos) {
    return '0';
  }
  return nanos >= 1e8 ? `${(nanos / 1e9).toFixed(3)} s` : `${(nanos / 1e6).toFixed(1)} ms`;
}

/**
 * The event log: transitions and fault inject/revert, newest last. Entries are keyed so the same event
 * from two sources (the run's transitions and the live stream) appears once.
 */
export class EventLog {
  constructor(list) {
    this.list = list;
    this.entries = new Map();
    this.startMs = null;
    this.follow = true;
  }

  /**
   * Wall-clock instant of the run's nanos 0, to print "+6.17 s" next to each event. The run's createdAt is
   * an estimate (precise = false) until an event carrying both nanos and wall time gives the exact value.
   */
  setStart(ms, precise = true) {
    if (!Number.isFinite(ms) || this.precise || (this.startMs !== null && !precise)) {
      return;
    }
    this.startMs = ms;
    this.precise = precise;
    this.render();
  }

  /**
   * Forgets every entry: the live stream replays the run from its start, and a finished run is told from its
   * stored transitions. Each source stamps a transition at a slightly different instant, so mixing them
   * would list every transition twice.
   */
  reset() {
    this.entries.clear();
    this.render();
    this.list.scrollTop = 0;
  }

  state({ state, detail, at }) {
    this.add(`state|${state}|${Date.parse(at)}|${detail || ''}`, { kind: 'state', at, state, detail });
  }

  fault({ fault, kind, region, action, wall, detail }) {
    if (action !== 'inject' && action !== 'revert') {
      return;
    }
    this.add(`fault|${fault}|${action}|${Date.parse(wall)}`,
      { kind: `fault-${action}`, at: wall, fault, faultKind: kind, region, action, detail });
  }

  add(key, entry) {
    if (this.entries.has(key)) {
      return;
    }
    this.entries.set(key, entry);
    this.dirty = true;
    // Coalesce a replay burst (hundreds of events in one task) into one render.
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => {
        this.scheduled = false;
        this.render();
      });
    }
  }

  render() {
    // While the run is live the log follows its tail, unless the reader scrolled up; a finished run reads
    // from the top.
    const atBottom = this.follow && this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 24;
    const sorted = [...this.entries.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    fill(this.list, sorted.map(e => this.item(e)));
    if (atBottom) {
      this.list.scrollTop = this.list.scrollHeight;
    }
  }

  item(e) {
    const secs = this.startMs === null ? null : (Date.parse(e.at) - this.startMs) / 1000;
    const offset = secs === null ? '' : `${secs < 0 ? '−' : '+'}${Math.abs(secs).toFixed(2)} s`;
    const when = h('span', { class: 'event-when' },
      h('time', { datetime: e.at, title: e.at }, clockTime(e.at, true)),
      h('span', { class: 'event-offset' }, offset));
    if (e.kind === 'state') {
      return h('li', { class: 'state' }, when, stateBadge(e.state), h('span', { class: 'event-detail' }, e.detail || ''));
    }
    const what = [e.faultKind, e.region].filter(Boolean).join(' · ');
    return h('li', { class: e.kind }, when,
      h('span', { class: `badge fault-${e.action}` }, e.action === 'inject' ? 'inject' : 'revert'),
      h('span', { class: 'event-detail' }, h('strong', {}, e.fault), what ? ` (${what})` : '',
        e.detail ? h('span', { class: 'muted' }, ` — ${e.detail}`) : ''));
  }
}

/** The run's report in its three forms, then links to every artifact the run has written so far. */
export function renderArtifacts(list, runId, names) {
  const run = encodeURIComponent(runId);
  const report = h('li', { class: 'report-links' }, 'Report: ',
    ...[['html', 'HTML'], ['pdf', 'PDF'], ['json', 'JSON']].flatMap(([format, label], i) => [
      i > 0 ? ' · ' : '',
      h('a', { href: apiUrl(`runs/${run}/report?format=${format}`), dataset: { report: format },
        target: '_blank', rel: 'noopener' }, label)]));
  if (!names || names.length === 0) {
    fill(list, [report, h('li', { class: 'muted' }, 'No artifacts yet: they appear as the run writes them.')]);
    return;
  }
  fill(list, [report, ...names.map(name => h('li', {},
    h('a', {
      href: apiUrl(`runs/${run}/artifacts/${encodeURIComponent(name)}`),
      dataset: { artifact: name }, target: '_blank', rel: 'noopener',
    }, name)))]);
}

