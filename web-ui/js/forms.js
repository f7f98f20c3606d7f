// Form pieces shared by the planning pages: labelled fields, the stored-experiment picker, zone fields with the
// browser's zones as suggestions, keyed table rows, and a confirmation dialog for deletions.

import { api } from './api.js';
import { fill, h } from './dom.js';
import { browserZone, knownZones } from './time.js';

/** A label, the control and an optional help line the control is described by. */
export function field(control, label, help, extraClass = '') {
  const id = control.id;
  if (help) {
    control.setAttribute('aria-describedby', `${id}-help`);
  }
  return h('div', { class: `field ${extraClass}`.trim() },
    h('label', { for: id }, label),
    control,
    help ? h('p', { id: `${id}-help`, class: 'help' }, help) : '');
}

/** A select of the stored experiments (GET /experiments); load() fills it, keeping the current choice. */
export function experimentSelect(id) {
  const select = h('select', { id, name: 'experiment', required: true },
    h('option', { value: '' }, 'Loading…'));
  async function load() {
    let list;
    try {
      list = await api('experiments') || [];
    } catch (e) {
      fill(select, h('option', { value: '' }, 'Could not load the experiments'));
      return;
    }
    const chosen = select.value;
    fill(select, list.length === 0 ? h('option', { value: '' }, 'No stored experiment') : list.map(x =>
      h('option', { value: x.name }, x.title && x.title !== x.name ? `${x.name} — ${x.title}` : x.name)));
    if (list.some(x => x.name === chosen)) {
      select.value = chosen;
    }
  }
  return { select, load };
}

/** A zone text field prefilled with the browser's zone; every zone the browser knows is suggested. */
export function zoneInput(id, main) {
  if (!main.querySelector('#zone-list')) {
    main.append(h('datalist', { id: 'zone-list' }, knownZones().map(z => h('option', { value: z }))));
  }
  return h('input', { type: 'text', id, name: 'timeZone', value: browserZone(), list: 'zone-list',
    autocomplete: 'off', spellcheck: 'false', required: true });
}

/**
 * Keeps a tbody in step with a list, keyed by `key(item)` (stored as data-<dataKey> on each row). Rows and cells
 * are replaced only when what they show changed: rebuilding on every refresh would take the keyboard focus off a
 * button mid-tab and hand the pointer a node that vanishes under it.
 */
export function syncRows(tbody, items, { key, dataKey, cells, rowClass, empty, columns }) {
  if (items.length === 0) {
    fill(tbody, h('tr', { class: 'empty' }, h('td', { colspan: columns }, empty)));
    return;
  }
  const existing = new Map();
  for (const tr of [...tbody.rows]) {
    if (tr.dataset[dataKey] === undefined) {
      tr.remove();
    } else {
      existing.set(tr.dataset[dataKey], tr);
    }
  }
  let previous = null;
  for (const item of items) {
    const k = key(item);
    const fresh = cells(item);
    let tr = existing.get(k);
    if (tr) {
      existing.delete(k);
      fresh.forEach((cell, i) => {
        const old = tr.cells[i];
        if (!old) {
          tr.append(cell);
        } else if (!old.isEqualNode(cell)) {
          replaceKeepingFocus(old, cell);
        }
      });
      while (tr.cells.length > fresh.length) {
        tr.cells[tr.cells.length - 1].remove();
      }
    } else {
      tr = h('tr', { dataset: { [dataKey]: k } }, fresh);
    }
    tr.className = rowClass ? rowClass(item) || '' : '';
    const expected = previous ? previous.nextSibling : tbody.firstChild;
    if (expected !== tr) {
      tbody.insertBefore(tr, expected);
    }
    previous = tr;
  }
  for (const tr of existing.values()) {
    tr.remove();
  }
}

const FOCUSABLE = 'a[href], button, summary, input, select, textarea';

// A cell whose text changed (a relative time) may hold the focused link: the new cell's control at the same place
// takes the focus over.
function replaceKeepingFocus(old, cell) {
  const focused = old.contains(document.activeElement) ? [...old.querySelectorAll(FOCUSABLE)]
    .indexOf(document.activeElement) : -1;
  old.replaceWith(cell);
  if (focused >= 0) {
    const again = cell.querySelectorAll(FOCUSABLE)[focused];
    if (again) {
      again.focus({ preventScroll: true });
    }
  }
}

/**
 * A modal "are you sure" for deletions, appended to the page; ask({title, text, yes}) resolves true on the
 * confirming button, false on Cancel or Escape. The focus starts on Cancel, so Enter alone deletes nothing.
 */
export function confirmDialog(main) {
  const title = h('h2', { id: 'confirm-delete-title' });
  const text = h('p', { id: 'confirm-delete-text' });
  const yes = h('button', { type: 'button', id: 'confirm-delete-yes', class: 'btn btn-danger' });
  const no = h('button', { type: 'button', id: 'confirm-delete-no', class: 'btn' }, 'Cancel');
  const dialog = h('dialog', { id: 'confirm-delete', 'aria-labelledby': 'confirm-delete-title',
    'aria-describedby': 'confirm-delete-text' }, title, text, h('div', { class: 'dialog-actions' }, no, yes));
  main.append(dialog);
  let settle = null;
  const finish = answer => {
    if (settle) {
      settle(answer);
      settle = null;
    }
    if (dialog.open) {
      dialog.close();
    }
  };
  yes.addEventListener('click', () => finish(true));
  no.addEventListener('click', () => finish(false));
  dialog.addEventListener('close', () => finish(false));
  return ({ title: t, text: x, yes: y }) => new Promise(resolve => {
    finish(false);
    settle = resolve;
    title.textContent = t;
    text.textContent = x;
    yes.textContent = y;
    dialog.showModal();
    no.focus();
  });
}

/** Restores the focus to `selector` after a change re-rendered the control that had it (e.g. Pause → Resume). */
export function refocus(root, selector) {
  const el = root.querySelector(selector);
  if (el) {
    el.focus();
  }
}
