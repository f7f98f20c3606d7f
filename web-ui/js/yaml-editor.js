// A textarea with a line-number gutter and a backdrop that tints the lines with problems. The three layers
// share font metrics and scroll together; the textarea does not wrap, so line N of the text is row N of
// the gutter and of the backdrop.

import { h } from './dom.js';

export function createYamlEditor({ id, label }) {
  const gutter = h('div', { class: 'editor-gutter', 'aria-hidden': 'true' });
  const backdrop = h('div', { class: 'editor-backdrop', 'aria-hidden': 'true' });
  const textarea = h('textarea', {
    id, spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', wrap: 'off',
    class: 'editor-text', 'aria-describedby': 'problems',
    placeholder: 'apiVersion: firedrill/v1\nkind: Experiment\nname: my-experiment\n…',
  });
  const element = h('div', { class: 'editor' },
    h('label', { for: id, class: 'editor-label' }, label),
    h('div', { class: 'editor-frame' }, gutter, h('div', { class: 'editor-body' }, backdrop, textarea)));

  // Line number -> the messages found there, for the gutter's tooltip and the backdrop's tint.
  let problemLines = new Map();
  let lineCount = 0;

  function render() {
    const lines = textarea.value.split('\n').length;
    if (lines !== lineCount || gutter.dataset.dirty) {
      lineCount = lines;
      delete gutter.dataset.dirty;
      const numbers = [];
      const rows = [];
      for (let n = 1; n <= lines; n++) {
        const messages = problemLines.get(n);
        numbers.push(h('div', { class: messages ? 'bad' : null, title: messages ? messages.join('\n') : null },
          messages ? `! ${n}` : String(n)));
        rows.push(h('div', { class: messages ? 'bad' : null }, '\u200b'));
      }
      gutter.replaceChildren(...numbers);
      backdrop.replaceChildren(...rows);
    }
    syncScroll();
  }

  function syncScroll() {
    gutter.scrollTop = textarea.scrollTop;
    backdrop.scrollTop = textarea.scrollTop;
    backdrop.scrollLeft = textarea.scrollLeft;
  }

  textarea.addEventListener('scroll', syncScroll);
  textarea.addEventListener('input', render);
  // Tab inserts two spaces (YAML indentation) instead of leaving the editor; Escape then Tab leaves it,
  // so keyboard users are never trapped.
  let escaped = false;
  textarea.addEventListener('keydown', e => {
    if (e.key === 'Escape') {
      escaped = true;
      return;
    }
    if (e.key === 'Tab' && !e.shiftKey && !escaped && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      document.execCommand('insertText', false, '  ');
    }
    escaped = false;
  });

  render();

  return {
    element,
    value: () => textarea.value,
    setValue(text) {
      textarea.value = text;
      textarea.scrollTop = 0;
      problemLines = new Map();
      gutter.dataset.dirty = '1';
      render();
    },
    focus: () => textarea.focus(),
    onInput: handler => textarea.addEventListener('input', handler),
    markProblems(problems) {
      problemLines = new Map();
      for (const p of problems) {
        const list = problemLines.get(p.line) || [];
        list.push(`column ${p.column}: ${p.message}`);
        problemLines.set(p.line, list);
      }
      gutter.dataset.dirty = '1';
      render();
    },
    /** Puts the caret at a problem's position and scrolls it into view. */
    goTo(line, column) {
      const lines = textarea.value.split('\n');
      let offset = 0;
      for (let i = 0; i < Math.min(line - 1, lines.length); i++) {
        offset += lines[i].length + 1;
      }
      offset += Math.max(0, Math.min(column - 1, (lines[line - 1] || '').length));
      textarea.focus();
      textarea.setSelectionRange(offset, offset);
      const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
      textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
      syncScroll();
    },
  };
}
