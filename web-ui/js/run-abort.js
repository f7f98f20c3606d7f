// Aborting a run: the button opens a modal confirmation (aborting reverts every fault and ends the run
// without a verdict, so it must never happen on a stray click); "Abort and revert" sends the request.

import { api } from './api.js';

export function wireAbort(v, runId, setFeed) {
  v.abort.addEventListener('click', () => {
    v.reason.value = '';
    v.dialog.showModal();
    v.confirmNo.focus(); // the safe choice has the focus: Enter alone does not abort
  });
  v.confirmNo.addEventListener('click', () => v.dialog.close());
  v.confirmYes.addEventListener('click', async () => {
    v.dialog.close();
    const reason = v.reason.value.trim();
    v.abort.disabled = true;
    v.abort.textContent = 'Aborting…';
    try {
      await api(`runs/${encodeURIComponent(runId)}/abort${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`,
        { method: 'POST' });
      setFeed('Abort requested: reverting faults…');
    } catch (e) {
      // The error is in #error (a 409 when the run ended meanwhile); the button is usable again.
      v.abort.disabled = false;
      v.abort.textContent = 'Abort run';
    }
  });
}
