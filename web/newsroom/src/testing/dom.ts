// Test helpers: render into jsdom, find controls the way a person does (by their label or
// their text), type and click, and answer the app's requests from a table. Test code only.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;

/** Renders `ui` into a fresh #root (the element the app's dialogs make inert). */
export async function render(ui: ReactNode): Promise<HTMLElement> {
  await cleanup();
  const el = document.createElement('div');
  el.id = 'root';
  document.body.appendChild(el);
  root = createRoot(el);
  await act(async () => root!.render(ui));
  return el;
}

export async function cleanup(): Promise<void> {
  if (root) await act(async () => root!.unmount());
  root = null;
  document.body.innerHTML = '';
}

/** Lets pending promises, timers of 0 ms and React's updates run. */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

/** Waits (a second at most) until `find` returns something. */
export async function waitFor<T>(find: () => T | null | undefined, what = 'the element'): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = find();
    if (found) return found;
    await settle(10);
  }
  throw new Error(`waited in vain for ${what}`);
}

/** The control a <label> with exactly this text names. */
export function byLabel(text: string, within: ParentNode = document): HTMLInputElement | null {
  const label = Array.from(within.querySelectorAll('label')).find((l) => l.textContent?.trim() === text);
  return label?.htmlFor ? (document.getElementById(label.htmlFor) as HTMLInputElement | null) : null;
}

/** The first element matching `selector` whose text is exactly `text`. */
export function byText<E extends Element = HTMLElement>(selector: string, text: string, within: ParentNode = document): E | null {
  return (Array.from(within.querySelectorAll(selector)).find((e) => e.textContent?.trim() === text) as E) ?? null;
}

/** Types into a controlled input or textarea as a person would (React listens for the input
 *  event). */
export async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')!.set!;
  await act(async () => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
  });
}

export interface Sent {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

export interface Answer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}
/** "GET /api/v1/admin/me" → what to answer (a promise to hold the answer back). Unlisted
 *  requests answer 404. */
export type ApiTable = Record<string, (sent: Sent) => Answer | Promise<Answer>>;

/** Replaces fetch with the table; returns the requests sent, in order. */
export function fakeApi(table: ApiTable): Sent[] {
  const sent: Sent[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const s: Sent = {
      method,
      path: url.pathname + url.search,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      headers: (init?.headers as Record<string, string>) ?? {},
    };
    sent.push(s);
    const handler = table[`${method} ${url.pathname}`];
    const a = handler ? await handler(s) : { status: 404, body: { error: 'not_found', reason: 'Không có' } };
    const status = a.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(a.body ?? {}), { status, headers: a.headers });
  }) as typeof fetch;
  return sent;
}
