// A uPlot plugin that draws the run's context on every chart: fault intervals as shaded bands labelled
// with the fault's name (under the data, so lines stay readable), and the marks T0–T6 as dashed vertical
// lines labelled above the plot. Marks closer than their labels' width share one label ("T1–T5"): in a
// fast failover T1..T5 fall within a few pixels of each other.

const BAND_FILL = 'rgba(207, 34, 46, 0.09)';
const BAND_EDGE = 'rgba(164, 14, 38, 0.55)';
const BAND_TEXT = '#8a1020';
const MARK_LINE = '#32383f';
const MARK_TEXT = '#1f2328';

export function overlayPlugin(model) {
  return {
    hooks: {
      // drawClear runs right after the canvas is cleared, before grid and series: bands end up underneath.
      drawClear: [u => drawBands(u, model)],
      draw: [u => {
        drawBandLabels(u, model);
        drawMarks(u, model);
      }],
    },
  };
}

function ratio() {
  return (window.uPlot && window.uPlot.pxRatio) || window.devicePixelRatio || 1;
}

/** The band's pixel extent on the canvas, clipped to the plot area; an open fault runs to the end. */
function bandSpan(u, fault) {
  const { left, width } = u.bbox;
  const x0 = Math.max(left, u.valToPos(fault.from, 'x', true));
  const end = fault.to === null ? u.scales.x.max : fault.to;
  const x1 = Math.min(left + width, u.valToPos(end, 'x', true));
  return x1 > x0 ? [x0, x1] : null;
}

function drawBands(u, model) {
  const ctx = u.ctx;
  const { top, height } = u.bbox;
  ctx.save();
  for (const fault of model.faults) {
    const span = bandSpan(u, fault);
    if (!span) {
      continue;
    }
    ctx.fillStyle = BAND_FILL;
    ctx.fillRect(span[0], top, span[1] - span[0], height);
  }
  ctx.restore();
}

function drawBandLabels(u, model) {
  const ctx = u.ctx;
  const px = ratio();
  const { top, height } = u.bbox;
  ctx.save();
  ctx.font = `600 ${Math.round(11 * px)}px system-ui, sans-serif`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  model.faults.forEach((fault, i) => {
    const span = bandSpan(u, fault);
    if (!span) {
      return;
    }
    // Edges: solid where the fault started, dashed at an end that has not happened yet.
    ctx.strokeStyle = BAND_EDGE;
    ctx.lineWidth = px;
    ctx.setLineDash([]);
    line(ctx, span[0], top, height);
    if (fault.to !== null) {
      line(ctx, span[1], top, height);
    }
    const open = model.finished ? ' (no revert recorded)' : ' (in effect)';
    const text = `${fault.name}${fault.to === null ? open : ''}`;
    const w = ctx.measureText(text).width;
    const pad = 3 * px;
    // The label may be wider than a short fault's band; its white backing keeps it readable over the data.
    const y = top + (4 + (i % 2) * 16) * px; // alternate rows so neighbouring faults do not collide
    ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
    ctx.fillRect(span[0] + 2 * px, y - px, w + 2 * pad, 14 * px);
    ctx.fillStyle = BAND_TEXT;
    ctx.fillText(text, span[0] + 2 * px + pad, y);
  });
  ctx.restore();
}

function drawMarks(u, model) {
  if (model.marks.length === 0) {
    return;
  }
  const ctx = u.ctx;
  const px = ratio();
  const { left, top, width, height } = u.bbox;
  ctx.save();
  ctx.strokeStyle = MARK_LINE;
  ctx.lineWidth = px;
  ctx.setLineDash([4 * px, 3 * px]);
  const positioned = [];
  for (const mark of [...model.marks].sort((a, b) => a.t - b.t)) {
    const x = u.valToPos(mark.t, 'x', true);
    if (x < left - 1 || x > left + width + 1) {
      continue;
    }
    line(ctx, x, top, height);
    positioned.push({ id: mark.id, x });
  }
  ctx.setLineDash([]);
  ctx.font = `700 ${Math.round(11 * px)}px system-ui, sans-serif`;
  ctx.textAlign = 'left'; // uPlot leaves its axis alignment on the context
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = MARK_TEXT;
  for (const placed of layoutLabels(ctx, positioned, px, left, left + width)) {
    ctx.fillText(placed.text, placed.x0, top - (4 + placed.row * 14) * px);
  }
  ctx.restore();
}

function line(ctx, x, top, height) {
  ctx.beginPath();
  ctx.moveTo(Math.round(x) + 0.5, top);
  ctx.lineTo(Math.round(x) + 0.5, top + height);
  ctx.stroke();
}

/**
 * Places one label per group of marks, left to right, on two rows: a label goes on the first row where it
 * does not overlap its neighbour; when neither row has room it joins the previous group ("T1–T5").
 */
function layoutLabels(ctx, positioned, px, minX, maxX) {
  const gap = 6 * px;
  const extent = (ids, x) => {
    const text = label(ids);
    const w = ctx.measureText(text).width;
    const x0 = Math.min(Math.max(x - w / 2, minX), maxX - w);
    return { text, x0, x1: x0 + w };
  };
  const placed = [];
  const rowEnd = [-Infinity, -Infinity];
  for (const p of positioned) {
    const single = { ids: [p.id], x: p.x, ...extent([p.id], p.x) };
    const row = rowEnd.findIndex(end => single.x0 >= end + gap);
    if (row >= 0 || placed.length === 0) {
      single.row = Math.max(row, 0);
      rowEnd[single.row] = single.x1;
      placed.push(single);
      continue;
    }
    // No room: merge into the latest label and re-measure it where it stood.
    const last = placed[placed.length - 1];
    last.ids.push(p.id);
    Object.assign(last, extent(last.ids, last.x));
    rowEnd[last.row] = last.x1;
  }
  return placed;
}

/** "T0", "T1–T5" for consecutive marks, "T1, T3" otherwise. */
function label(ids) {
  if (ids.length <= 1) {
    return ids[0] || '';
  }
  // Marks can come out of numeric order in time (T5 before T4): name them in numeric order.
  ids = [...ids].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const numbers = ids.map(id => Number(id.slice(1)));
  const consecutive = numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
  return consecutive ? `${ids[0]}–${ids[ids.length - 1]}` : ids.join(', ');
}
