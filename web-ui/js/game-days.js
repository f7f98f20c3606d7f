// The overview's "Next game days" panel: each schedule's next fire, soonest first, with how far off it is; the
// schedules whose last fire was blocked or failed, with the reason; and, when a freeze window holds game days back
// right now, that fact above everything else. Polled on its own, slower than the agents: fire times move by
// minutes, and the calendar page has the detail.

import { api } from './api.js';
import { fill, h } from './dom.js';
import { upcomingFires } from './calendar.js';
import { fireSummary } from './fire-history.js';
import { coveringWindows } from './freeze-rules.js';
import { browserZone, relative, wallTime } from './time.js';

const REFRESH_MS = 5000;
const SHOWN = 6;

/** The section and a stop function for the overview's cleanup. */
export function createNextGameDays() {
  const freezeNow = h('p', { id: 'freeze-now', class: 'freeze-now', hidden: true });
  const next = h('ol', { id: 'next-fires', class: 'next-fires' });
  const alerts = h('ul', { id: 'game-day-alerts', class: 'game-day-alerts' });
  const element = h('section', { id: 'next-game-days', class: 'panel', 'aria-labelledby': 'next-game-days-title' },
    h('div', { class: 'panel-head' },
      h('h2', { id: 'next-game-days-title' }, 'Next game days'),
      h('p', { class: 'muted small' }, `Times in your zone (${browserZone()}).`),
      h('a', { href: '#/schedules', class: 'small' }, 'Schedules & calendar')),
    freezeNow, next, alerts);
  let stopped = false;

  async function refresh() {
    const [schedules, windows] = await Promise.allSettled([api('schedules'), api('freeze-windows')]);
    if (stopped) {
      return;
    }
    const list = schedules.status === 'fulfilled' ? schedules.value || [] : null;
    const freezes = windows.status === 'fulfilled' ? windows.value || [] : [];
    const active = freezes.filter(w => w.activeNow);
    freezeNow.hidden = active.length === 0;
    fill(freezeNow, active.length === 0 ? '' : [
      h('strong', {}, 'Freeze in force now: '),
      active.map(w => `${w.name}${w.reason ? ` (${w.reason})` : ''}`).join('; '),
      '. Scheduled game days are blocked until it ends.']);
    if (list) {
      renderNext(list, freezes);
      renderAlerts(list);
    }
  }

  function renderNext(list, freezes) {
    const now = Date.now();
    const seen = new Set();
    // One line per schedule: a */5 s schedule's next three fires would push every other game day off the panel.
    const fires = upcomingFires(list).filter(f => !seen.has(f.schedule) && seen.add(f.schedule)).slice(0, SHOWN);
    if (fires.length === 0) {
      fill(next, h('li', { class: 'empty' }, 'No game day scheduled.'));
      return;
    }
    fill(next, fires.map(f => {
      const blockedBy = coveringWindows(freezes, f.at);
      return h('li', { dataset: { schedule: f.schedule }, class: blockedBy.length ? 'blocked' : '' },
        h('span', { class: 'next-in' }, relative(f.iso, now)),
        h('time', { datetime: f.iso, title: `${f.local} (${f.zone})`, class: 'next-when' }, wallTime(f.iso)),
        h('span', { class: 'next-what' }, h('strong', {}, f.experiment), h('span', { class: 'muted' }, ` · ${f.schedule}`)),
        blockedBy.length ? h('span', { class: 'freeze-note' }, `inside freeze ${blockedBy.join(', ')}: will be blocked`)
          : '');
    }));
  }

  function renderAlerts(list) {
    const bad = list.filter(s => s.lastFire && s.lastFire.outcome !== 'started');
    alerts.hidden = bad.length === 0;
    const now = Date.now();
    fill(alerts, bad.map(s => h('li', { dataset: { schedule: s.name } },
      h('span', { class: 'alert-title' }, 'Last game day of ', h('strong', {}, s.name), ` (${s.experiment})`,
        s.paused ? h('span', { class: 'muted' }, ', now paused') : '', ':'),
      ' ', fireSummary(s.lastFire, now))));
  }

  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return {
    element,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
