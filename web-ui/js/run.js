// A run (#/runs/{id}): state, verdict, the timeline charts, objectives, marks, event log and artifacts.
// Data sources, in order of preference:
//   1. the live stream (live.js) while the run is in flight;
//   2. if that endpoint is unavailable, polling GET /runs/{id} every second, with the chart re-read from
//      the artifacts written so far (less often, as they grow);
//   3. once the run is over, its artifacts, which are the record the verdict was computed from.

import { api, artifactText } from './api.js';
import { canOperate } from './session.js';
import { fill, h, isTerminal, parseDuration, stateBadge, timeEl, verdictBadge } from './dom.js';
import { buildPage } from './run-page.js';
import { wireAbort } from './run-abort.js';
import { RunCharts } from './chart.js';
import { openLive } from './live.js';
import { RunData } from './run-data.js';
import { createRehearsal } from './run-steps.js';
import { EventLog, renderArtifacts, renderMarks, renderObjectives } from './run-panels.js';

const POLL_MS = 1000;
const CHART_THROTTLE_MS = 250;

export function renderRun(main, runId) {
  const rehearsal = createRehearsal(runId);
  const v = buildPage(main, runId, rehearsal.element);
  const model = new RunData();
  const charts = new RunCharts(v.chart, model, `run-${runId}`);
  const log = new EventLog(v.events);
  let run = null;
  let result = null;
  let declared = { rtoNanos: null, rpoNanos: null };
  let stopped = false;
  let finished = false;
  let inFlight = false;
  let closeLive = null;
  const timers = new Set();
  // Fault events seen live: kept to complete the history should it lack one (a revert written after the
  // history was closed), since the finished run is drawn from the artifacts alone.
  const liveFaults = [];

  function later(fn, ms) {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!stopped) {
        fn();
      }
    }, ms);
    timers.add(t);
  }

  // --- header --------------------------------------------------------------------------------------
  function showState(state, verdict, cause) {
    fill(v.state, stateBadge(state));
    v.state.dataset.state = state || '';
    fill(v.verdict, verdict ? verdictBadge(verdict) : h('span', { class: 'muted' }, isTerminal(state) ? 'none' : 'pending'));
    v.cause.textContent = cause ? `Cause: ${cause}` : '';
    v.cause.hidden = !cause;
    // Hidden for viewers and approvers: aborting is an operator's call (the server would answer 403).
    showAbort(canOperate() && inFlight && !isTerminal(state) && !finished);
  }

  function showAbort(show) {
    if (show && !v.abort.isConnected) {
      v.actions.append(v.abort);
    } else if (!show && v.abort.isConnected) {
      v.abort.remove();
    }
  }

  function setFeed(text) {
    v.feed.textContent = text;
  }

  // --- data ----------------------------------------------------------------------------------------
  let chartPending = false;
  function dataChanged() {
    v.chart.dataset.points = String(model.points);
    if (!chartPending) {
      chartPending = true;
      later(() => {
        chartPending = false;
        charts.update();
      }, CHART_THROTTLE_MS);
    }
  }

  function applyResult(r) {
    if (!r) {
      return;
    }
    result = r;
    renderObjectives(v.objectives, result, declared);
    renderMarks(v.marks, result.timeline);
    model.setMarks(result.timeline);
    dataChanged();
  }

  /** Applies GET /runs/{id}: header, transitions, artifact links, and the result once judged. */
  function applyRunView(view) {
    run = view.run;
    inFlight = Boolean(view.inFlight) && !finished;
    v.experiment.textContent = run.experiment;
    fill(v.created, 'created ', timeEl(run.createdAt));
    showState(run.state, run.verdict, run.cause);
    for (const t of view.transitions || []) {
      log.state(t);
    }
    log.setStart(Date.parse(run.createdAt), false);
    renderArtifacts(v.artifacts, runId, view.artifacts);
    if (view.result) {
      applyResult(view.result);
    }
  }

  // Declared objectives before the verdict: from evidence.json when written, else the stored experiment.
  async function loadDeclared(view) {
    try {
      if ((view.artifacts || []).includes('evidence.json')) {
        const evidence = JSON.parse(await artifactText(runId, 'evidence.json'));
        declared = { rtoNanos: evidence.objectives.rtoNanos, rpoNanos: evidence.objectives.rpoNanos };
      } else {
        const doc = await api(`experiments/${encodeURIComponent(view.run.experiment)}`, { quiet: true });
        const objectives = (doc.experiment && doc.experiment.objectives) || {};
        declared = { rtoNanos: parseDuration(objectives.rto), rpoNanos: parseDuration(objectives.rpo) };
      }
    } catch (e) {
      // The experiment may have been run from a document that was never stored: declared stays unknown.
    }
    if (!stopped && !result) {
      renderObjectives(v.objectives, null, declared, run && run.state === 'ABORTED');
    }
  }

  // --- live ----------------------------------------------------------------------------------------
  let replaying = false;
  function onLive(name, data) {
    if (stopped) {
      return;
    }
    if (!replaying) {
      replaying = true;
      log.reset(); // the stream replays every event so far, the transitions shown from GET /runs/{id} too
    }
    if (name === 'state') {
      log.state(data);
      if (typeof data.nanos === 'number') {
        log.setStart(Date.parse(data.at) - data.nanos / 1e6);
      }
      showState(data.state, run && run.verdict, run && run.cause);
      rehearsal.refresh(); // step acts arrive as state notes
    } else if (name === 'probe') {
      model.addProbe(data);
      if (data.wall && typeof data.nanos === 'number') {
        log.setStart(Date.parse(data.wall) - data.nanos / 1e6);
      }
      dataChanged();
    } else if (name === 'ops') {
      model.setOps(data);
      dataChanged();
    } else if (name === 'fault') {
      liveFaults.push(data);
      model.fault(data);
      log.fault(data);
      dataChanged();
    } else if (name === 'result') {
      applyResult(data);
      showState(v.state.dataset.state, data.overall, null);
    } else if (name === 'end') {
      showState(data.state, data.verdict, data.cause);
      finish();
    }
  }

  function startLive() {
    setFeed('Connecting to the live feed…');
    closeLive = openLive(runId, {
      onEvent: onLive,
      onOpen: () => setFeed('Live: events stream in as they happen'),
      onUnavailable: () => {
        closeLive = null;
        if (!finished) {
          setFeed(`Polling every ${POLL_MS / 1000} s (live feed unavailable)`);
          charts.setEmptyText('The live feed is unavailable: the charts appear when the run ends and its artifacts '
            + 'are written.');
          poll();
        }
      },
    });
  }

  // --- polling fallback ----------------------------------------------------------------------------
  let nextArtifactRead = 0;
  let artifactPause = 2000;

  async function poll() {
    let view;
    try {
      view = await api(`runs/${encodeURIComponent(runId)}`);
    } catch (e) {
      later(poll, POLL_MS * 3); // shown in #error; try again, the orchestrator may be restarting
      return;
    }
    if (stopped) {
      return;
    }
    applyRunView(view);
    if (!view.inFlight) {
      finish(view);
      return;
    }
    if (Date.now() >= nextArtifactRead) {
      const started = Date.now();
      await drawFromArtifacts(view, false);
      // Re-reading a history that has grown large every second would load the browser and the server:
      // wait at least 2 s, and ten times as long as the last read took.
      artifactPause = Math.max(2000, (Date.now() - started) * 10);
      nextArtifactRead = Date.now() + artifactPause;
    }
    later(poll, POLL_MS);
  }

  // --- finished run --------------------------------------------------------------------------------
  async function drawFromArtifacts(view, final) {
    const names = view.artifacts || [];
    const read = name => (names.includes(name) ? artifactText(runId, name).catch(() => '') : Promise.resolve(''));
    const [probes, history, timelineText] = await Promise.all([
      read('probes.jsonl'), read('history.jsonl'), view.result ? Promise.resolve('') : read('timeline.json')]);
    if (stopped) {
      return;
    }
    let timeline = view.result ? view.result.timeline : null;
    if (!timeline && timelineText) {
      try {
        timeline = JSON.parse(timelineText);
      } catch (e) {
        timeline = null;
      }
    }
    const { nemesis, startMs } = model.loadArtifacts({ probes, history, timeline, complete: final });
    model.finished = final;
    if (startMs !== null) {
      log.setStart(startMs);
    }
    const recorded = new Set(nemesis.map(n => `${n.fault}|${n.action}|${n.nanos}`));
    for (const f of liveFaults.filter(f => !recorded.has(`${f.fault}|${f.action}|${f.nanos}`))) {
      model.fault(f);
      nemesis.push(f);
    }
    for (const n of nemesis) {
      log.fault(n);
    }
    if (timeline && !view.result) {
      renderMarks(v.marks, timeline);
    }
    dataChanged();
    if (final) {
      setFeed('Finished: drawn from the run\'s artifacts');
      charts.setEmptyText('This run recorded no probe sample and no workload data.');
    }
  }

  async function finish(known) {
    if (finished) {
      return;
    }
    finished = true;
    inFlight = false;
    if (closeLive) {
      closeLive();
      closeLive = null;
    }
    showAbort(false);
    rehearsal.refresh();
    setFeed('Run over: loading its artifacts…');
    let view = known;
    try {
      view = view || await api(`runs/${encodeURIComponent(runId)}`);
    } catch (e) {
      return;
    }
    if (stopped) {
      return;
    }
    log.follow = false;
    log.reset(); // told again from the record: stored transitions and the history's nemesis entries
    applyRunView(view);
    await loadDeclared(view);
    await drawFromArtifacts(view, true);
  }

  wireAbort(v, runId, setFeed);

  // --- start ---------------------------------------------------------------------------------------
  renderObjectives(v.objectives, null, declared);
  renderMarks(v.marks, null);
  (async () => {
    let view;
    try {
      view = await api(`runs/${encodeURIComponent(runId)}`);
    } catch (e) {
      // The reason is in #error; instead of an empty page, say what is missing and where to go.
      v.experiment.parentElement.hidden = true;
      fill(v.body, h('section', { class: 'panel' },
        h('p', {}, e.status === 404 ? `There is no run ${runId}. ` : `Run ${runId} could not be loaded. `,
          h('a', { href: '#/' }, 'Back to the overview'))));
      return;
    }
    if (stopped) {
      return;
    }
    applyRunView(view);
    loadDeclared(view);
    if (view.inFlight) {
      startLive();
    } else {
      finish(view);
    }
  })();

  // Elapsed time ticks while the run is in flight and stops at its last update once it is over.
  const tick = setInterval(() => {
    if (run) {
      const over = finished && isTerminal(run.state);
      const end = over ? Date.parse(run.updatedAt) : Date.now();
      v.elapsed.textContent = `${Math.max(0, (end - Date.parse(run.createdAt)) / 1000).toFixed(0)} s`;
    }
  }, 1000);

  return () => {
    stopped = true;
    rehearsal.stop();
    clearInterval(tick);
    timers.forEach(clearTimeout);
    if (closeLive) {
      closeLive();
    }
    if (v.dialog.open) {
      v.dialog.close();
    }
    charts.destroy();
  };
}
