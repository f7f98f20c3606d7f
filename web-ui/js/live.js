// The live feed of a run: Server-Sent Events from GET /api/v1/runs/{id}/live. The server replays the run so
// far, then streams; after a dropped connection the browser reconnects by itself with Last-Event-ID and gets
// only what it missed. When the endpoint is missing (an older orchestrator answers 404) or refuses us, the
// EventSource closes for good and the caller falls back to polling.

import { apiUrl } from './api.js';

const EVENTS = ['state', 'probe', 'ops', 'fault', 'result', 'end'];

/**
 * Opens the stream. onEvent(name, data) gets every event; onUnavailable(receivedAny) is called once if the
 * stream closes before its `end`. Returns a function that closes the stream.
 */
export function openLive(runId, { onEvent, onOpen, onUnavailable }) {
  if (typeof window.EventSource !== 'function') {
    queueMicrotask(() => onUnavailable(false));
    return () => {};
  }
  const source = new EventSource(apiUrl(`runs/${encodeURIComponent(runId)}/live`));
  let received = false;
  let done = false;
  for (const name of EVENTS) {
    source.addEventListener(name, e => {
      if (done) {
        return;
      }
      received = true;
      let data;
      try {
        data = JSON.parse(e.data);
      } catch (ignored) {
        return; // a malformed frame must not stop the feed
      }
      if (name === 'end') {
        // Close before the server does, or the browser would reconnect and get `end` again.
        done = true;
        source.close();
      }
      onEvent(name, data);
    });
  }
  source.addEventListener('open', () => onOpen && onOpen());
  source.addEventListener('error', () => {
    // CONNECTING means the browser is retrying on its own; CLOSED means it gave up (HTTP error, wrong type).
    if (!done && source.readyState === EventSource.CLOSED) {
      done = true;
      onUnavailable(received);
    }
  });
  return () => {
    done = true;
    source.close();
  };
}
