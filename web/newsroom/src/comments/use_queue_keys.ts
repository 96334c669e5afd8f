// The queue's keyboard: j/k (and the arrow keys, inside the list) move between comments, `a`
// approves and `r` rejects the focused comment (or the selection), `x` ticks its box, `?` shows
// the keys. Never while typing in a field, with a modifier held, or under a dialog: a moderator
// writing a reply who types "a" writes an "a".
import { useEffect, useRef } from 'react';

export type QueueKey = 'next' | 'previous' | 'approve' | 'reject' | 'toggle' | 'help';

const TYPING = new Set(['textarea', 'select']);

/** Whether a key pressed in `target` is someone typing rather than a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toLowerCase();
  if (TYPING.has(tag)) return true;
  if (tag !== 'input') return false;
  const t = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(t);
}

/** The shortcut a key names, or null. Arrow keys only inside `list`, where they do not take
 *  the page's scrolling from anyone. */
export function queueKey(e: KeyboardEvent, list: HTMLElement | null): QueueKey | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return null;
  if (document.getElementById('root')?.inert) return null;
  const inList = !!list && e.target instanceof Node && list.contains(e.target);
  switch (e.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case 'ArrowDown':
      return inList ? 'next' : null;
    case 'ArrowUp':
      return inList ? 'previous' : null;
    case 'a':
      return 'approve';
    case 'r':
      return 'reject';
    case 'x':
      return 'toggle';
    case '?':
      return 'help';
    default:
      return null;
  }
}

export function useQueueKeys(list: React.RefObject<HTMLElement | null>, onKey: (k: QueueKey) => void): void {
  const callback = useRef(onKey);
  callback.current = onKey;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      const k = queueKey(e, list.current);
      if (!k) return;
      e.preventDefault();
      callback.current(k);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [list]);
}
