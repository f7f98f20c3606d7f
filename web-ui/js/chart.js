// The run timeline: one uPlot chart for the workload and one per region, stacked, sharing the x axis
// (seconds since the run started) and a synced cursor. Fault intervals and the marks T0–T6 are drawn on
// the canvas by a plugin (overlay.js). New data goes in with setData on the existing charts; a chart is
// rebuilt only when it needs a new series (a probe seen for the first time).

import { h } from './dom.js';
import { overlayPlugin } from './overlay.js';

const PROBE_COLOURS = ['#0550ae', '#8250df', '#bc4c00', '#0a7e8c', '#6e4d9a', '#953800'];
const GREEN = '#1a7f37';
const RED = '#cf222e';
const AMBER = '#9a6700';

export class RunCharts {
  constructor(container, model, syncKey) {
    this.container = container;
    this.model = model;
    this.syncKey = syncKey;
    this.charts = new Map(); // key -> { card, plot, shape }
    this.placeholder = h('p', { class: 'chart-empty muted' }, 'Waiting for the first data points…');
    container.append(this.placeholder);
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(container);
  }

  /** What to say while there is nothing to draw (waiting, or a run that recorded nothing). */
  setEmptyText(text) {
    this.placeholder.textContent = text;
  }

  /** Brings every chart up to date with the model. Cheap enough to call a few times a second. */
  update() {
    if (typeof window.uPlot !== 'function') {
      this.placeholder.textContent = 'The chart library (uPlot) did not load; the data is in the artifacts below.';
      return;
    }
    const regions = this.model.regionNames();
    const hasData = regions.length > 0 || this.model.ops.size > 0;
    this.placeholder.hidden = hasData;
    if (!hasData) {
      return;
    }
    this.ensure('workload', () => this.workloadOptions(), 'Workload — completions per second');
    for (const region of regions) {
      const probes = this.model.regions.get(region).probes;
      this.ensure(`region:${region}`, () => this.regionOptions(region, probes),
        `${region} — probes`, probes.join(','));
    }
    for (const [key, chart] of this.charts) {
      const data = key === 'workload' ? this.model.opsData() : this.model.regionData(key.slice('region:'.length));
      chart.plot.setData(data);
    }
  }

  /** Creates a chart the first time, or again when its series changed (a new probe in the region). */
  ensure(key, options, title, shape = '') {
    const existing = this.charts.get(key);
    if (existing && existing.shape === shape) {
      return;
    }
    if (existing) {
      existing.plot.destroy();
      existing.card.remove();
    }
    const titleId = `chart-title-${key.replace(/[^a-z0-9-]/gi, '-')}`;
    const target = h('div', { class: 'chart-canvas' });
    const card = h('figure', { class: 'chart-card', 'aria-labelledby': titleId, dataset: { chart: key } },
      h('figcaption', { id: titleId }, title), target);
    this.insertInOrder(card, key);
    const data = key === 'workload' ? this.model.opsData() : this.model.regionData(key.slice('region:'.length));
    const plot = new window.uPlot({ ...options(), width: this.width(), height: 170 }, data, target);
    this.charts.set(key, { card, plot, shape });
  }

  // Workload first (what users see), then regions by name; keeps the order stable as regions appear.
  insertInOrder(card, key) {
    const sortKey = k => (k === 'workload' ? '' : k);
    const after = [...this.charts.entries()]
      .filter(([k]) => sortKey(k) > sortKey(key))
      .sort(([a], [b]) => sortKey(a).localeCompare(sortKey(b)))[0];
    if (after) {
      this.container.insertBefore(card, after[1].card);
    } else {
      this.container.append(card);
    }
  }

  base() {
    const model = this.model;
    return {
      padding: [34, 12, 0, 4], // room above the plot for two rows of T0–T6 labels
      cursor: { sync: { key: this.syncKey }, drag: { x: false, y: false } },
      legend: { live: true },
      scales: {
        // Every chart shows the whole run so far, so the same second is at the same place in each.
        x: { time: false, range: () => [0, Math.max(1, Math.ceil(model.tMax()))] },
      },
      plugins: [overlayPlugin(model)],
    };
  }

  xAxis() {
    return {
      scale: 'x',
      stroke: '#424a53',
      grid: { stroke: '#eaeef2' },
      ticks: { stroke: '#d0d7de' },
      incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600], // whole seconds only
      values: (u, ticks) => ticks.map(v => `${v} s`),
    };
  }

  /** Left axis of every chart, the same width everywhere so the plot areas line up. */
  leftAxis(scale, label) {
    return {
      scale, stroke: '#424a53', grid: { stroke: '#eaeef2' }, ticks: { stroke: '#d0d7de' }, size: 56,
      label, labelSize: 18, labelFont: '12px system-ui, sans-serif',
    };
  }

  workloadOptions() {
    const stepped = window.uPlot.paths.stepped({ align: 1 });
    const count = (u, v) => (v === null || v === undefined ? '—' : `${v}/s`);
    return {
      ...this.base(),
      series: [
        { label: 'run second', value: (u, v) => (v === null || v === undefined ? '—' : `${v} s`) },
        { label: 'ok', stroke: GREEN, width: 2, paths: stepped, points: { show: false }, value: count },
        { label: 'fail', stroke: RED, width: 2, dash: [6, 3], paths: stepped, points: { show: false }, value: count },
        { label: 'info (indeterminate)', stroke: AMBER, width: 2, dash: [2, 3], paths: stepped, points: { show: false }, value: count },
      ],
      axes: [this.xAxis(), this.leftAxis('y', 'ops / s'), {
        // An empty right axis as wide as the regions' success axis keeps the x positions of all charts equal.
        scale: 'y', side: 1, size: 48, labelSize: 18, label: '', grid: { show: false }, ticks: { show: false },
        values: () => [],
      }],
      scales: { ...this.base().scales, y: { range: (u, min, max) => [0, Math.max(5, Math.ceil(max * 1.15))] } },
    };
  }

  regionOptions(region, probes) {
    const stepped = window.uPlot.paths.stepped({ align: 1 });
    const ms = (u, v) => (v === null || v === undefined ? '—' : `${v.toFixed(1)} ms`);
    return {
      ...this.base(),
      series: [
        { label: 'run second', value: (u, v) => (v === null || v === undefined ? '—' : `${v.toFixed(2)} s`) },
        {
          label: 'success', scale: 'pct', stroke: GREEN, width: 2,
          paths: stepped, spanGaps: true, points: { show: false },
          value: (u, v) => (v === null || v === undefined ? '—' : `${Math.round(v)} %`),
        },
        ...probes.map((p, i) => ({
          label: `${p} latency`, scale: 'ms', stroke: PROBE_COLOURS[i % PROBE_COLOURS.length], width: 1.5,
          spanGaps: true, points: { show: true, size: 4 }, value: ms,
        })),
        {
          label: 'failed sample', scale: 'ms', stroke: RED, fill: RED, width: 0, value: ms,
          paths: () => null, points: { show: true, size: 9, stroke: RED, fill: '#ffffff', width: 2 },
        },
      ],
      axes: [this.xAxis(), this.leftAxis('ms', 'latency ms'), {
        scale: 'pct', side: 1, stroke: GREEN, grid: { show: false }, ticks: { stroke: '#d0d7de' }, size: 48,
        values: (u, ticks) => ticks.map(v => `${v}%`), splits: () => [0, 50, 100],
        label: 'success', labelSize: 18, labelFont: '12px system-ui, sans-serif',
      }],
      scales: {
        ...this.base().scales,
        ms: { range: (u, min, max) => [0, max > 0 ? max * 1.15 : 1] },
        pct: { range: () => [0, 105] },
      },
    };
  }

  width() {
    return Math.max(320, this.container.clientWidth - 2);
  }

  resize() {
    const width = this.width();
    for (const { plot } of this.charts.values()) {
      if (Math.abs(plot.width - width) > 1) {
        plot.setSize({ width, height: plot.height });
      }
    }
  }

  /** Redraws without new data: faults or marks changed. */
  redraw() {
    for (const { plot } of this.charts.values()) {
      plot.redraw(false, true);
    }
  }

  destroy() {
    this.observer.disconnect();
    for (const { plot } of this.charts.values()) {
      plot.destroy();
    }
    this.charts.clear();
  }
}
