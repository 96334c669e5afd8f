// A small router over the History API: every screen has its own address under /toa-soan/, so
// links can be shared and the back button works. Screens read the path with useLocation() and
// move with navigate() or <Link>.
import { createElement, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export const BASE = '/toa-soan';

const listeners = new Set<() => void>();
function subscribe(l: () => void) {
  listeners.add(l);
  window.addEventListener('popstate', l);
  return () => {
    listeners.delete(l);
    window.removeEventListener('popstate', l);
  };
}
const snapshot = () => window.location.pathname + window.location.search;

/** The current path and query, e.g. "/toa-soan/bai?state=draft". Re-renders when it changes. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** Goes to `to` (a path under /toa-soan/), adding a history entry unless `replace`. */
export function navigate(to: string, replace = false): void {
  if (to === snapshot()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  listeners.forEach((l) => l());
  window.scrollTo?.(0, 0);
}

/** An <a> that moves inside the app without reloading it (a modified click opens a new tab). */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    props.onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (props.target && props.target !== '_self') return;
    e.preventDefault();
    navigate(props.href);
  };
  return createElement('a', { ...props, onClick });
}

/** The query of the current location as an object. */
export function useQuery(): URLSearchParams {
  const loc = useLocation();
  const i = loc.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : loc.slice(i + 1));
}

/** Matches "/toa-soan/bai/41" against "/toa-soan/bai/:id" → {id: "41"}, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const s = path.split('?')[0].replace(/\/+$/, '').split('/');
  const want = pattern.replace(/\/+$/, '').split('/');
  if (want.length !== s.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      if (!s[i]) return null;
      out[want[i].slice(1)] = decodeURIComponent(s[i]);
    } else if (want[i] !== s[i]) return null;
  }
  return out;
}
