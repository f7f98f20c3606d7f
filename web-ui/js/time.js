// Times on the planning pages: how far off a game day is, wall-clock times in a schedule's own zone, and Quartz
// cron in words. Zones are IANA names handled by the browser's Intl; an unknown one falls back to UTC rather than
// break the page (the server refuses unknown zones, so that only happens with a browser older than its tz data).

const formatters = new Map();

/** The browser's IANA zone, the default for new schedules and freeze windows. */
export function browserZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch (e) {
    return 'UTC';
  }
}

/** Every zone the browser knows, for the zone fields' suggestions; empty where the browser cannot list them. */
export function knownZones() {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch (e) {
    return [];
  }
}

function formatter(zone, options) {
  const key = `${zone}|${JSON.stringify(options)}`;
  if (!formatters.has(key)) {
    let f;
    try {
      f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone });
    } catch (e) {
      f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, f);
  }
  return formatters.get(key);
}

/** "in 2 h 10 min", "in 45 s", "3 d 4 h ago": the distance that matters when planning, not the instant. */
export function relative(iso, now = Date.now()) {
  const ms = Date.parse(iso) - now;
  const s = Math.floor(Math.abs(ms) / 1000);
  if (s < 1) {
    return 'now';
  }
  let text;
  if (s < 60) {
    text = `${s} s`;
  } else if (s < 3600) {
    text = `${Math.floor(s / 60)} min`;
  } else if (s < 86400) {
    const m = Math.floor((s % 3600) / 60);
    text = `${Math.floor(s / 3600)} h${m ? ` ${m} min` : ''}`;
  } else {
    const hours = Math.floor((s % 86400) / 3600);
    text = `${Math.floor(s / 86400)} d${hours ? ` ${hours} h` : ''}`;
  }
  return ms >= 0 ? `in ${text}` : `${text} ago`;
}

/** "Tue 1 Dec, 10:00" in the zone (seconds only when the instant has some, as fires of a seconds cron do). */
export function wallTime(iso, zone = browserZone()) {
  const d = new Date(iso);
  const options = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23' };
  if (d.getUTCSeconds() !== 0) {
    options.second = '2-digit';
  }
  return formatter(zone, options).format(d);
}

/** "10:00" or "10:00:05" in the zone. */
export function clock(ms, zone = browserZone()) {
  const d = new Date(ms);
  const options = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (d.getUTCSeconds() !== 0) {
    options.second = '2-digit';
  }
  return formatter(zone, options).format(d);
}

/** The wall-clock fields of an instant in a zone: {year, month (1-12), day, hour, minute, second}. */
export function wallParts(zone, ms) {
  const f = formatter(zone, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    second: 'numeric', hourCycle: 'h23' });
  const p = {};
  for (const part of f.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') {
      p[part.type] = Number(part.value);
    }
  }
  // Some engines still say 24 for midnight despite h23.
  return { year: p.year, month: p.month, day: p.day, hour: p.hour % 24, minute: p.minute, second: p.second };
}

/**
 * The instant at which the zone's clocks show a wall-clock time, given as milliseconds of a UTC date with those
 * fields (Date.UTC(y, m - 1, d, h, mi)). Two passes settle the offset across a DST change; a time the change skips
 * lands an hour later, which is where the zone's clocks go on.
 */
export function wallToInstant(zone, wallMs) {
  const offsetAt = ms => {
    const p = wallParts(zone, ms);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
  };
  const first = wallMs - offsetAt(wallMs);
  return wallMs - offsetAt(first);
}

const DAYS = { SUN: 'Sundays', MON: 'Mondays', TUE: 'Tuesdays', WED: 'Wednesdays', THU: 'Thursdays', FRI: 'Fridays',
  SAT: 'Saturdays', 1: 'Sundays', 2: 'Mondays', 3: 'Tuesdays', 4: 'Wednesdays', 5: 'Thursdays', 6: 'Fridays',
  7: 'Saturdays' };
const SHORT = { 'MON-FRI': 'Monday to Friday', '2-6': 'Monday to Friday', 'SAT,SUN': 'weekends', 'SUN,SAT': 'weekends' };

const pad = n => String(n).padStart(2, '0');
const isNum = f => /^\d{1,2}$/.test(f);
const any = f => f === '*' || f === '?';

/**
 * Quartz cron ("0 0 10 ? * TUE") in words ("Tuesdays at 10:00"), for the common shapes; null for the rest, which
 * the page then shows as the expression alone.
 */
export function cronWords(cron) {
  const f = String(cron || '').trim().toUpperCase().split(/\s+/);
  if (f.length < 6 || f.length > 7 || (f.length === 7 && f[6] !== '*')) {
    return null;
  }
  const [s, m, h, dom, mon, dow] = f;
  const step = /^(?:\*|0)\/(\d+)$/;
  if (step.test(s) && [m, h, dom, mon, dow].every(any)) {
    const n = Number(s.match(step)[1]);
    return n === 1 ? 'every second' : `every ${n} seconds`;
  }
  if (isNum(s) && step.test(m) && [h, dom, mon, dow].every(any)) {
    const n = Number(m.match(step)[1]);
    return n === 1 ? 'every minute' : `every ${n} minutes`;
  }
  if (isNum(s) && isNum(m) && (h === '*' || step.test(h)) && [dom, mon, dow].every(any)) {
    const n = h === '*' ? 1 : Number(h.match(step)[1]);
    return `${n === 1 ? 'every hour' : `every ${n} hours`} at minute ${Number(m)}`;
  }
  if (!isNum(s) || !isNum(m) || !/^\d{1,2}(,\d{1,2})*$/.test(h) || mon !== '*') {
    return null;
  }
  const at = h.split(',').map(x => `${pad(x)}:${pad(m)}${Number(s) ? `:${pad(s)}` : ''}`).join(' and ');
  if (any(dom) && any(dow)) {
    return `every day at ${at}`;
  }
  if (any(dom)) {
    const days = SHORT[dow] || dow.split(',').map(d => DAYS[d]).filter(Boolean).join(', ');
    return days && (SHORT[dow] || dow.split(',').every(d => DAYS[d])) ? `${days} at ${at}` : null;
  }
  if (any(dow) && isNum(dom)) {
    return `day ${Number(dom)} of every month at ${at}`;
  }
  return null;
}
