// What the browser tells the save queue while a piece is open: the tab hidden or closed (write
// the local copy now), the connection back (send now), Ctrl+S or Cmd+S (save now, instead of
// the browser saving the page).
import { useEffect } from 'react';
import type { SaveQueue } from './save_queue';

export function useQueueEvents(queue: SaveQueue): void {
  useEffect(() => {
    queue.start();
    const hide = () => queue.writeLocal();
    const visibility = () => document.visibilityState === 'hidden' && queue.writeLocal();
    const online = () => queue.online();
    const keys = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        queue.saveNow();
      }
    };
    window.addEventListener('pagehide', hide);
    document.addEventListener('visibilitychange', visibility);
    window.addEventListener('online', online);
    window.addEventListener('keydown', keys);
    return () => {
      window.removeEventListener('pagehide', hide);
      document.removeEventListener('visibilitychange', visibility);
      window.removeEventListener('online', online);
      window.removeEventListener('keydown', keys);
      queue.dispose();
    };
  }, [queue]);
}
