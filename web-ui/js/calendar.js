// The planning calendar (#calendar): the next 14 days in the browser's zone, each with a 24-hour strip shaded where
// a freeze window holds game days back, the freeze in words, and the schedules' coming fires; a fire inside a
// freeze is marked as one the orchestrator will block. The API gives each schedule's next 3 fires (GameDays
// NEXT_FIRES), and no more, so that is what the calendar shows: a weekly game day appears up to three weeks ahead,
// a daily one only on its next three days.

import { fill, h } from './dom.js';
import { freezeIntervals, frozenBy } from './freeze-rules.js';
import { browserZone, clock } from './time.js';

export const CALENDAR_DAYS = 14;

const isoDay = d => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Midnight (browser zone) starting each of the next `count` days, plus the one after the last. */
function dayStarts(now, count) {
  const today = new Date(now);
  return Array.from({ length: count + 1 }, (_, i) =>
    new Date(today.getFullYear(), today.getMonth(), today.getDate() + i).getTime());
}

/** Every coming fire of every schedule, soonest first: {schedule, experiment, at (ms), iso}. */
export function upcomingFires(schedules) {
  return (schedules || []).flatMap(s => (s.nextFires || []).map(f => ({
    schedule: s.name, experiment: s.experiment, at: Date.parse(f.utc), iso: f.utc, local: f.local, zone: s.timeZone,
  }))).filter(f => Number.isFinite(f.at)).sort((a, b) => a.at - b.at);
}

/** A day's freeze intervals in words, per window: "ui-freeze 09:01–11:01", "weekend from 18:00", "xmas all day". */
function freezeWords(parts, dayStart, dayEnd) {
  const byName = new Map();
  for (const p of parts) {
    const text = p.start <= dayStart && p.end >= dayEnd ? 'all day'
      : p.start <= dayStart ? `until ${clock(p.end)}`
        : p.end >= dayEnd ? `from ${clock(p.start)}`
          : `${clock(p.start)}–${clock(p.end)}`;
    byName.set(p.name, [...(byName.get(p.name) || []), text]);
  }
  return [...byName].map(([name, texts]) => ({ name, text: texts.join(', ') }));
}

/** The days as plain data, so an unchanged calendar is not redrawn on every refresh. */
function model(schedules, windows, now) {
  const starts = dayStarts(now, CALENDAR_DAYS);
  const from = starts[0];
  const to = starts[CALENDAR_DAYS];
  const intervals = freezeIntervals(windows, from, to);
  const fires = upcomingFires(schedules).filter(f => f.at >= from && f.at < to);
  return starts.slice(0, CALENDAR_DAYS).map((start, i) => {
    const end = starts[i + 1];
    const parts = intervals.filter(p => p.end > start && p.start < end)
      .map(p => ({ ...p, start: Math.max(p.start, start), end: Math.min(p.end, end) }));
    const frozenMs = parts.reduce((sum, p) => sum + p.end - p.start, 0);
    return {
      day: isoDay(new Date(start)),
      label: new Date(start).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' }),
      today: i === 0,
      weekend: [0, 6].includes(new Date(start).getDay()),
      frozen: parts.length === 0 ? 'none' : frozenMs >= end - start ? 'all' : 'part',
      bands: parts.map(p => ({ name: p.name, left: (p.start - start) / (end - start), width: (p.end - p.start) / (end - start),
        title: `Freeze window ${p.name}: ${clock(p.start)}–${clock(p.end)}${p.reason ? ` (${p.reason})` : ''}` })),
      words: freezeWords(parts, start, end),
      fires: fires.filter(f => f.at >= start && f.at < end).map(f => ({
        schedule: f.schedule, experiment: f.experiment, time: clock(f.at), left: (f.at - start) / (end - start),
        blockedBy: frozenBy(intervals, f.at), local: f.local, zone: f.zone,
      })),
    };
  });
}

const pct = x => `${(x * 100).toFixed(3)}%`;

// Through the CSSOM rather than a style attribute, which a Content-Security-Policy without 'unsafe-inline' blocks.
function placed(el, left, width) {
  el.style.left = pct(left);
  if (width !== undefined) {
    el.style.width = pct(width);
  }
  return el;
}

/** Creates the calendar section; update({schedules, windows}) redraws it when anything shown changed. */
export function createCalendar() {
  const grid = h('ol', { class: 'cal-grid' });
  const zone = browserZone();
  const section = h('section', { id: 'calendar', class: 'panel', 'aria-labelledby': 'calendar-title' },
    h('div', { class: 'panel-head' },
      h('h2', { id: 'calendar-title' }, `Next ${CALENDAR_DAYS} days`),
      h('p', { class: 'muted small cal-note' }, `Times in your zone (${zone}). Each schedule shows its next 3 fires, `
        + 'as many as the orchestrator lists.'),
      h('ul', { class: 'cal-legend', 'aria-label': 'Legend' },
        h('li', {}, h('span', { class: 'swatch swatch-freeze', 'aria-hidden': 'true' }), 'Freeze window'),
        h('li', {}, h('span', { class: 'swatch swatch-fire', 'aria-hidden': 'true' }), 'Game day'),
        h('li', {}, h('span', { class: 'swatch swatch-blocked', 'aria-hidden': 'true' }),
          'Game day inside a freeze (will be blocked)'))),
    grid);
  let shown = '';

  function update({ schedules, windows }) {
    const days = model(schedules, windows, Date.now());
    const key = JSON.stringify(days);
    if (key === shown) {
      return;
    }
    shown = key;
    fill(grid, days.map(renderDay));
  }

  return { element: section, update };
}

function renderDay(d) {
  const classes = ['cal-day', d.today && 'today', d.weekend && 'weekend', d.frozen !== 'none' && 'frozen']
    .filter(Boolean).join(' ');
  return h('li', { class: classes, dataset: { day: d.day, frozen: d.frozen } },
    h('h3', { class: 'cal-date' }, d.label, d.today ? h('span', { class: 'cal-today' }, 'Today') : ''),
    // The strip is a picture of the day; the same facts are in the text below it.
    h('div', { class: 'cal-strip', 'aria-hidden': 'true' },
      h('span', { class: 'cal-noon' }),
      d.bands.map(b => placed(h('span', { class: 'cal-band', title: b.title }), b.left, b.width)),
      d.fires.map(f => placed(h('span', { class: `cal-mark${f.blockedBy.length ? ' blocked' : ''}` }), f.left))),
    d.words.length === 0 ? '' : h('ul', { class: 'cal-freezes' }, d.words.map(w =>
      h('li', { dataset: { freeze: w.name } }, h('strong', {}, 'Freeze '), w.name, ` ${w.text}`))),
    d.fires.length === 0 ? '' : h('ul', { class: 'cal-fires' }, d.fires.map(f =>
      h('li', { class: f.blockedBy.length ? 'fire blocked' : 'fire', dataset: { schedule: f.schedule },
        title: `${f.local} (${f.zone})` },
      h('span', { class: 'cal-time num' }, f.time), ' ',
      h('span', { class: 'cal-fire-name' }, f.schedule),
      h('span', { class: 'muted' }, ` · ${f.experiment}`),
      f.blockedBy.length ? h('span', { class: 'cal-blocked' }, `blocked: freeze ${f.blockedBy.join(', ')}`) : ''))));
}
