// When freeze windows hold game days back, as intervals of real time, computed in the browser from the rule data
// GET /freeze-windows returns (dates, weekly ranges, holidays, each in its zone). The alternative, asking
// GET /freeze-windows/check?at= for every hour of the calendar, is 336 requests per refresh and still misses a
// window that starts at 10:37; the rules are few and small, so the page reads them the way the server does
// (schedule/FreezeRule.java and WeeklyRange.java): starts inclusive, ends exclusive, weekly ranges and holidays on
// the wall clock of the window's zone.

import { wallParts, wallToInstant } from './time.js';

const DAY_S = 86400;
const WEEK_S = 7 * DAY_S;
const DAY_MS = DAY_S * 1000;
const WEEKDAY = { MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6, SUN: 7 };

function seconds(hhmm, end) {
  if (end && hhmm === '24:00') {
    return DAY_S;
  }
  const [h, m] = hhmm.split(':').map(Number);
  return h * 3600 + m * 60;
}

function days(spec) {
  const out = [];
  for (const item of spec.split(',')) {
    const [first, last] = item.split('-');
    if (last === undefined) {
      out.push(WEEKDAY[first]);
      continue;
    }
    for (let d = WEEKDAY[first]; ; d = d % 7 + 1) {
      out.push(d);
      if (d === WEEKDAY[last] || out.length > 7) {
        break;
      }
    }
  }
  return out.filter(Boolean);
}

/**
 * The spans of a weekly range as the server stores it ("FRI 18:00-MON 08:00", "MON-FRI 22:00-06:00",
 * "SAT,SUN 00:00-24:00", several joined by ";"): [{start, length}] in seconds from Monday 00:00.
 */
export function weeklySpans(text) {
  const spans = [];
  for (const raw of String(text || '').split(';')) {
    const part = raw.trim().replace(/\s+/g, ' ').toUpperCase();
    const across = part.match(/^([A-Z]+) (\d{1,2}:\d{2}) ?- ?([A-Z]+) (\d{1,2}:\d{2})$/);
    const same = part.match(/^([A-Z,-]+) (\d{1,2}:\d{2}) ?- ?(\d{1,2}:\d{2})$/);
    if (across && WEEKDAY[across[1]] && WEEKDAY[across[3]]) {
      const start = (WEEKDAY[across[1]] - 1) * DAY_S + seconds(across[2], false);
      const end = (WEEKDAY[across[3]] - 1) * DAY_S + seconds(across[4], true);
      spans.push({ start, length: ((end - start) % WEEK_S + WEEK_S) % WEEK_S });
    } else if (same) {
      const from = seconds(same[2], false);
      const to = seconds(same[3], true);
      for (const d of days(same[1])) {
        spans.push({ start: (d - 1) * DAY_S + from, length: to > from ? to - from : to + DAY_S - from });
      }
    }
  }
  return spans.filter(s => s.length > 0);
}

/** The wall-clock Monday 00:00 (as Date.UTC milliseconds) of the week holding the instant, in the zone. */
function mondayOf(zone, ms) {
  const p = wallParts(zone, ms);
  const date = Date.UTC(p.year, p.month - 1, p.day);
  return date - ((new Date(date).getUTCDay() + 6) % 7) * DAY_MS;
}

function windowIntervals(w, from, to) {
  const zone = w.timeZone || 'UTC';
  if (w.kind === 'dates') {
    return [[Date.parse(w.from), Date.parse(w.to)]];
  }
  if (w.kind === 'holidays') {
    return (w.holidays || []).map(date => {
      const [y, m, d] = date.split('-').map(Number);
      const wall = Date.UTC(y, m - 1, d);
      return [wallToInstant(zone, wall), wallToInstant(zone, wall + DAY_MS)];
    });
  }
  if (w.kind === 'weekly') {
    const spans = weeklySpans(w.weekly);
    const out = [];
    // A week early: a span from the week before (FRI 18:00-MON 08:00) may reach into the range.
    const last = mondayOf(zone, to) + 7 * DAY_MS;
    for (let monday = mondayOf(zone, from) - 7 * DAY_MS; monday <= last; monday += 7 * DAY_MS) {
      for (const s of spans) {
        const start = monday + s.start * 1000;
        out.push([wallToInstant(zone, start), wallToInstant(zone, start + s.length * 1000)]);
      }
    }
    return out;
  }
  return [];
}

/**
 * Every stretch of [from, to) (epoch ms) that a window covers: [{name, reason, start, end}], sorted by start.
 * Only what the rule says: a window's `activeNow` comes from the server and is shown as it is.
 */
export function freezeIntervals(windows, from, to) {
  const out = [];
  for (const w of windows || []) {
    for (const [start, end] of windowIntervals(w, from, to)) {
      if (Number.isFinite(start) && Number.isFinite(end) && end > from && start < to && end > start) {
        out.push({ name: w.name, reason: w.reason, start: Math.max(start, from), end: Math.min(end, to) });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The names of the windows whose intervals hold the instant (ms). */
export function frozenBy(intervals, ms) {
  return [...new Set(intervals.filter(i => ms >= i.start && ms < i.end).map(i => i.name))];
}

/** The names of the windows that cover one instant (ms): a game day then would be blocked by them. */
export function coveringWindows(windows, ms) {
  return frozenBy(freezeIntervals(windows, ms, ms + 1), ms);
}
