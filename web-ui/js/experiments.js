// Experiments (#/experiments): the stored experiments with "Start run", and a YAML editor that validates as
// you type. The editor is a plain textarea (no editor library, no build step) with a line-number gutter and
// a backdrop that highlights the lines the validator complains about.

import { api, apiWithResponse, ApiError } from './api.js';
import { fill, h, timeEl } from './dom.js';
import { createYamlEditor } from './yaml-editor.js';
import { canOperate, currentUser, needsOperator } from './session.js';

const VALIDATE_DELAY_MS = 400;

export function renderExperiments(main) {
  const list = h('ul', { class: 'experiment-list' });
  const status = h('span', { id: 'validation-status', class: 'validation-status', 'aria-live': 'polite' });
  const problems = h('ul', { id: 'problems', class: 'problems', 'aria-label': 'Problems' });
  const editingLabel = h('span', { class: 'muted' });
  const editor = createYamlEditor({ id: 'experiment-yaml', label: 'Experiment YAML' });
  const saveStatus = h('span', { class: 'muted small', 'aria-live': 'polite' });

  let experiments = [];
  let stopped = false;
  let validateSeq = 0;
  let timer = null;

  const validateButton = h('button', { type: 'button', id: 'validate', class: 'btn' }, 'Validate');
  // Disabled rather than hidden for roles the server would refuse: the page says why, next to the heading.
  const saveButton = h('button', {
    type: 'button', id: 'save', class: 'btn btn-primary', disabled: !canOperate(), title: needsOperator(),
  }, 'Save');
  const newButton = h('button', { type: 'button', id: 'new-experiment', class: 'btn btn-quiet' }, 'New');

  main.append(
    h('div', { class: 'page-head' },
      h('h1', {}, 'Experiments'),
      h('p', { class: 'muted' }, 'Stored experiments, ready to run; edit one or write a new one below.'),
      canOperate() ? '' : h('p', { class: 'role-note' }, `Your role (${(currentUser()?.role || '').toLowerCase()}) `
        + 'can read and validate experiments; starting runs and saving need role operator or admin.')),
    h('div', { class: 'experiments-layout' },
      h('section', { id: 'experiment-list', class: 'panel', 'aria-labelledby': 'experiment-list-title' },
        h('h2', { id: 'experiment-list-title' }, 'Stored experiments'),
        list),
      h('section', { id: 'editor', class: 'panel', 'aria-labelledby': 'editor-title' },
        h('div', { class: 'panel-head' },
          h('h2', { id: 'editor-title' }, 'Editor'),
          editingLabel),
        editor.element,
        h('div', { class: 'editor-bar' },
          h('span', {}, 'Validation: ', status),
          h('span', { class: 'spacer' }),
          saveStatus,
          newButton, validateButton, saveButton),
        h('h3', { class: 'problems-title' }, 'Problems'),
        problems)));

  async function loadList() {
    try {
      experiments = await api('experiments') || [];
    } catch (e) {
      return;
    }
    if (!stopped) {
      renderList();
    }
  }

  function renderList() {
    if (experiments.length === 0) {
      fill(list, h('li', { class: 'empty' }, 'No stored experiment yet. Write one in the editor and save it.'));
      return;
    }
    fill(list, experiments.map(x => h('li', { dataset: { experiment: x.name } },
      h('div', { class: 'experiment-info' },
        h('strong', { class: 'experiment-title' }, x.title || x.name),
        h('span', { class: 'mono small' }, x.name),
        h('span', { class: 'muted small' }, 'updated ', timeEl(x.updatedAt))),
      h('div', { class: 'experiment-actions' },
        h('button', {
          type: 'button', class: 'btn', dataset: { edit: x.name },
          'aria-label': `Edit ${x.name}`, onclick: () => edit(x.name),
        }, 'Edit'),
        h('button', {
          type: 'button', class: 'btn btn-primary', dataset: { start: x.name },
          disabled: !canOperate(), title: needsOperator(),
          'aria-label': `Start run of ${x.name}`, onclick: e => startRun(x.name, e.currentTarget),
        }, 'Start run')))));
  }

  async function startRun(name, button) {
    button.disabled = true;
    try {
      const { response, data } = await apiWithResponse(`runs?experiment=${encodeURIComponent(name)}`, { method: 'POST' });
      const id = (data && data.id) || (response.headers.get('Location') || '').split('/').pop();
      window.location.hash = `#/runs/${encodeURIComponent(id)}`;
    } catch (e) {
      button.disabled = false; // the error is in #error already
    }
  }

  async function edit(name) {
    try {
      const doc = await api(`experiments/${encodeURIComponent(name)}`);
      if (stopped) {
        return;
      }
      editor.setValue(doc.source || '');
      editingLabel.textContent = `editing ${name}`;
      saveStatus.textContent = '';
      editor.focus();
      validateNow();
    } catch (e) {
      // shown in #error
    }
  }

  function scheduleValidation() {
    clearTimeout(timer);
    status.textContent = 'checking…';
    status.className = 'validation-status pending';
    timer = setTimeout(validateNow, VALIDATE_DELAY_MS);
  }

  async function validateNow() {
    clearTimeout(timer);
    const text = editor.value();
    const seq = ++validateSeq;
    if (!text.trim()) {
      showProblems([], 'empty');
      return;
    }
    try {
      const result = await api('experiments/validate', { method: 'POST', body: text, contentType: contentTypeOf(text) });
      // Answers can overtake each other; only the one for the latest text counts.
      if (seq === validateSeq && !stopped) {
        showProblems(result.problems || [], result.valid ? 'valid' : null);
      }
    } catch (e) {
      if (seq === validateSeq) {
        status.textContent = 'not checked';
        status.className = 'validation-status invalid';
      }
    }
  }

  function showProblems(found, statusText) {
    fill(problems, found.map(p => h('li', {},
      h('button', { type: 'button', class: 'link-button', onclick: () => editor.goTo(p.line, p.column) },
        `line ${p.line}, column ${p.column}: ${p.message}`),
      p.path ? h('span', { class: 'muted small' }, ` (at ${p.path})`) : '')));
    editor.markProblems(found);
    const text = statusText || `${found.length} problem${found.length === 1 ? '' : 's'}`;
    status.textContent = text;
    status.className = `validation-status ${text === 'valid' ? 'valid' : text === 'empty' ? 'pending' : 'invalid'}`;
  }

  async function save() {
    const text = editor.value();
    const name = documentName(text);
    if (!name) {
      showProblems([{ line: 1, column: 1, path: 'name', message: 'the document needs a top-level name to be saved' }]);
      return;
    }
    const exists = experiments.some(x => x.name === name);
    saveButton.disabled = true;
    try {
      await api(exists ? `experiments/${encodeURIComponent(name)}` : 'experiments', {
        method: exists ? 'PUT' : 'POST', body: text, contentType: contentTypeOf(text),
      });
      saveStatus.textContent = `${exists ? 'saved' : 'created'} ${name} at ${new Date().toLocaleTimeString('en-GB')}`;
      editingLabel.textContent = `editing ${name}`;
      await loadList();
    } catch (e) {
      if (e instanceof ApiError && e.body && Array.isArray(e.body.problems)) {
        showProblems(e.body.problems);
      }
    } finally {
      saveButton.disabled = !canOperate();
    }
  }

  editor.onInput(scheduleValidation);
  validateButton.addEventListener('click', validateNow);
  saveButton.addEventListener('click', save);
  newButton.addEventListener('click', () => {
    editor.setValue('');
    editingLabel.textContent = 'new experiment';
    saveStatus.textContent = '';
    showProblems([], 'empty');
    editor.focus();
  });
  showProblems([], 'empty');
  loadList();

  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function contentTypeOf(text) {
  return text.trimStart().startsWith('{') ? 'application/json' : 'application/yaml';
}

/** The experiment's name from its top-level `name:` (YAML) or "name" (JSON); null when there is none. */
function documentName(text) {
  if (text.trimStart().startsWith('{')) {
    try {
      return JSON.parse(text).name || null;
    } catch (e) {
      return null;
    }
  }
  const m = text.match(/^name:[ \t]*(["']?)([^"'#\s]+)\1[ \t]*(?:#.*)?$/m);
  return m ? m[2] : null;
}
