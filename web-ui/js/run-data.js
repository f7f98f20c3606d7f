// The run view's chart data: probe samples per region, workload completions per second, fault intervals
// and the marks T0–T6, all on the run's own timeline (seconds = nanos / 1e9). The same model is fed by the
// live event stream, by the polling fallback and by the finished run's artifacts, and turns itself into
// uPlot's aligned arrays on demand.

export class RunData {
  constructor() {
    this.reset();
  }

  reset() {
    /** region -> { samples: sorted by nanos, probes: probe names in order of appearance } */
    this.regions = new Map();
    /** run second -> { ok, fail, info } */
    this.ops = new Map();
    /** { name, kind, region, from, to }, seconds; `to` null while the fault is in effect */
    this.faults = [];
    /** { id, t, bound, meaning, evidence } for the observed marks, seconds */
    this.marks = [];
    this.sampleCount = 0;
    // True once drawn from a finished run's artifacts: a fault still open then was never seen reverted.
    this.finished = false;
    // Bumped when a chart needs new series (a region or probe appeared), not on every sample.
    this.shape = 0;
  }

  /** Probe samples + ops buckets received so far: what #chart's data-points reports. */
  get points() {
    return this.sampleCount + this.ops.size;
  }

  addProbe(sample) {
    if (!sample || typeof sample.nanos !== 'number') {
      return;
    }
    const region = sample.region || 'unknown region';
    let r = this.regions.get(region);
    if (!r) {
      r = { samples: [], probes: [] };
      this.regions.set(region, r);
      this.shape++;
    }
    if (!r.probes.includes(sample.probe)) {
      r.probes.push(sample.probe);
      this.shape++;
    }
    // Samples from different agents arrive nearly, not exactly, in order: insert from the end.
    const list = r.samples;
    let i = list.length;
    while (i > 0 && list[i - 1].nanos > sample.nanos) {
      i--;
    }
    list.splice(i, 0, sample);
    this.sampleCount++;
  }

  setOps(bucket) {
    if (!bucket || typeof bucket.second !== 'number') {
      return;
    }
    this.ops.set(bucket.second, { ok: bucket.ok || 0, fail: bucket.fail || 0, info: bucket.info || 0 });
  }

  /** A fault's inject opens an interval, its revert closes the latest open one of the same name. */
  fault({ fault, kind, region, action, nanos }) {
    const t = nanos / 1e9;
    if (action === 'inject') {
      this.faults.push({ name: fault, kind, region, from: t, to: null });
    } else if (action === 'revert') {
      const open = [...this.faults].reverse().find(f => f.name === fault && f.to === null);
      if (open) {
        open.to = t;
      } else {
        // A revert whose inject we never saw (stream joined late): show it from the run's start.
        this.faults.push({ name: fault, kind, region, from: 0, to: t });
      }
    }
  }

  /** Marks from a timeline (result.timeline or timeline.json); unobserved marks are not drawn. */
  setMarks(timeline) {
    const marks = (timeline && timeline.marks) || [];
    this.marks = marks.filter(m => m.observed && m.at).map(m => ({
      id: m.id, t: m.at.nanos / 1e9, bound: (m.at.boundNanos || 0) / 1e9, meaning: m.meaning, evidence: m.evidence,
    }));
  }

  /** The last moment with data: the charts' common x range ends here. */
  tMax() {
    let max = 0;
    for (const r of this.regions.values()) {
      if (r.samples.length) {
        max = Math.max(max, r.samples[r.samples.length - 1].nanos / 1e9);
      }
    }
    for (const second of this.ops.keys()) {
      max = Math.max(max, second + 1);
    }
    for (const f of this.faults) {
      max = Math.max(max, f.to === null ? f.from : f.to);
    }
    for (const m of this.marks) {
      max = Math.max(max, m.t);
    }
    return max;
  }

  regionNames() {
    return [...this.regions.keys()].sort();
  }

  /**
   * uPlot data for one region: x = every sample time plus every whole second; then the success ratio per
   * second (%, a step series with values at whole seconds), each probe's latency (ms, at its samples) and
   * the failed samples' latency (points only).
   */
  regionData(region) {
    const r = this.regions.get(region);
    const buckets = new Map();
    const xs = new Set();
    for (const s of r.samples) {
      const t = s.nanos / 1e9;
      xs.add(t);
      const second = Math.floor(t);
      const b = buckets.get(second) || { ok: 0, total: 0 };
      b.total++;
      if (s.ok) {
        b.ok++;
      }
      buckets.set(second, b);
    }
    const lastSecond = Math.max(-1, ...buckets.keys());
    for (const second of buckets.keys()) {
      xs.add(second);
    }
    if (lastSecond >= 0) {
      xs.add(lastSecond + 1); // closes the last step, so the last second has a width
    }
    const x = [...xs].sort((a, b) => a - b);
    const index = new Map(x.map((v, i) => [v, i]));
    const blank = () => new Array(x.length).fill(null);
    const success = blank();
    for (const [second, b] of buckets) {
      success[index.get(second)] = (100 * b.ok) / b.total;
    }
    if (lastSecond >= 0) {
      success[index.get(lastSecond + 1)] = success[index.get(lastSecond)];
    }
    const latency = r.probes.map(blank);
    const failed = blank();
    for (const s of r.samples) {
      const i = index.get(s.nanos / 1e9);
      const ms = (s.latencyMicros || 0) / 1000;
      latency[r.probes.indexOf(s.probe)][i] = ms;
      if (!s.ok) {
        failed[i] = ms;
      }
    }
    return [x, success, ...latency, failed];
  }

  /** uPlot data for the workload: completions per second, stepped; missing seconds are gaps. */
  opsData() {
    if (this.ops.size === 0) {
      return [[], [], [], []];
    }
    const last = Math.max(...this.ops.keys());
    const x = [];
    const ok = [];
    const fail = [];
    const info = [];
    for (let s = 0; s <= last + 1; s++) {
      const b = this.ops.get(s === last + 1 ? last : s);
      x.push(s);
      ok.push(b ? b.ok : null);
      fail.push(b ? b.fail : null);
      info.push(b ? b.info : null);
    }
    return [x, ok, fail, info];
  }

  /**
   * Replaces everything with a run's artifacts (their text): a finished run's, or, when polling, an in-flight
   * run's as written so far (complete = false).
   */
  loadArtifacts({ probes, history, timeline, complete = true }) {
    this.reset();
    let startMs = null;
    const nemesis = [];
    for (const line of lines(probes)) {
      this.addProbe(line);
      if (startMs === null && line.wall) {
        startMs = Date.parse(line.wall) - line.nanos / 1e6;
      }
    }
    const counts = new Map();
    let lastSecond = -1;
    for (const text of (history || '').split('\n')) {
      // Invokes are half the history and carry nothing the charts show: skip them before parsing.
      if (!text || text.includes('"type":"invoke"')) {
        continue;
      }
      let op;
      try {
        op = JSON.parse(text);
      } catch (e) {
        continue; // a line being written while we read
      }
      if (op.type === 'nemesis') {
        const event = { fault: op.key, kind: op.value, region: op.region, action: op.f, nanos: op.nanos,
          wall: op.wall, detail: op.detail };
        this.fault(event);
        nemesis.push(event);
      } else if (op.type === 'ok' || op.type === 'fail' || op.type === 'info') {
        const second = Math.floor(op.nanos / 1e9);
        const b = counts.get(second) || { second, ok: 0, fail: 0, info: 0 };
        b[op.type]++;
        counts.set(second, b);
        lastSecond = Math.max(lastSecond, second);
      }
    }
    // While the run goes on, its last second is still filling up: leave it out rather than draw a false dip.
    if (!complete) {
      lastSecond--;
    }
    for (let s = 0; s <= lastSecond; s++) {
      this.setOps(counts.get(s) || { second: s, ok: 0, fail: 0, info: 0 });
    }
    if (timeline) {
      this.setMarks(timeline);
    }
    this.shape++;
    // The nemesis entries feed the event log; startMs (the wall clock at nanos 0) its "+s" offsets.
    return { nemesis, startMs };
  }
}

function* lines(text) {
  for (const line of (text || '').split('\n')) {
    if (line.trim()) {
      try {
        yield JSON.parse(line);
      } catch (e) {
        // a partly written last line while the run is in flight
      }
    }
  }
}
