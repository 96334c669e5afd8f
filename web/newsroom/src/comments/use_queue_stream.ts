// The queue refreshing by itself: the server's event stream says when a comment arrives or
// returns to moderation (`event: queue`). Where the stream cannot be had — no EventSource, or
// the server refused it and the browser gave up — the queue is asked for every 30 s instead.
// After the browser reconnects a dropped stream, one refresh covers what came meanwhile.
import { useEffect, useRef } from 'react';
import { STREAM_PATH } from './api';

/** How often to ask when there is no stream. */
export const POLL_MS = 30_000;

export function useQueueStream(onQueue: () => void): void {
  const callback = useRef(onQueue);
  callback.current = onQueue;

  useEffect(() => {
    let source: EventSource | null = null;
    let poll: number | null = null;
    let dropped = false;
    const fire = () => callback.current();
    const startPolling = () => {
      if (poll === null) poll = window.setInterval(fire, POLL_MS);
    };

    if (typeof EventSource === 'undefined') startPolling();
    else {
      try {
        source = new EventSource(STREAM_PATH);
        source.addEventListener('queue', fire);
        source.addEventListener('open', () => {
          if (dropped) fire();
          dropped = false;
        });
        source.addEventListener('error', () => {
          dropped = true;
          if (source && source.readyState === EventSource.CLOSED) {
            source.close();
            source = null;
            startPolling();
          }
        });
      } catch {
        startPolling();
      }
    }
    return () => {
      source?.close();
      if (poll !== null) window.clearInterval(poll);
    };
  }, []);
}
