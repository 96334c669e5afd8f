// The one way the app talks to the server: JSON over fetch to the admin API, with the session
// cookie, the CSRF token on every request that changes something, and errors as ApiError.
// A 401 on anything but the login itself means the session ended: listeners (the re-login
// dialog) hear of it, and the caller keeps what it was saving to send again after.

export interface FieldErrors {
  [field: string]: string;
}

export class ApiError extends Error {
  /** 0 when the server could not be reached (offline, connection cut). */
  readonly status: number;
  /** The API's error code: invalid, conflict, forbidden, rate_limited, offline… */
  readonly code: string;
  readonly fields: FieldErrors;
  /** The whole answer, for 409 (`current`) and anything else a screen needs. */
  readonly body: Record<string, unknown>;
  /** Seconds, from Retry-After, on 429. */
  readonly retryAfter: number | null;

  constructor(status: number, code: string, reason: string, body: Record<string, unknown> = {}, retryAfter: number | null = null) {
    super(reason);
    this.status = status;
    this.code = code;
    this.fields = (body.fields as FieldErrors) ?? {};
    this.body = body;
    this.retryAfter = retryAfter;
  }

  get offline(): boolean {
    return this.status === 0;
  }
}

let csrf = '';
/** The session's CSRF token, from the login answer or GET /api/v1/admin/me. */
export function setCsrf(token: string): void {
  csrf = token;
}

/** The header that goes with every request that changes something, for senders other than
 *  request() (a photo upload goes by XMLHttpRequest, for its progress). */
export function csrfHeader(): Record<string, string> {
  return csrf ? { 'X-CSRF-Token': csrf } : {};
}

type ExpiredListener = () => void;
const expiredListeners = new Set<ExpiredListener>();
/** Called whenever a request finds the session gone (401). Returns the unsubscribe function. */
export function onSessionExpired(listener: ExpiredListener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/** Tells the listeners the session is gone, for a 401 met outside request(). */
export function announceExpired(): void {
  expiredListeners.forEach((l) => l());
}

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  /** Do not announce a 401 as an expired session (the login form's own request). */
  quiet401?: boolean;
  signal?: AbortSignal;
  keepalive?: boolean;
}

/** Sends one request to `path` (starting with /api/) and resolves with its JSON answer. */
export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (CHANGES.has(method) && csrf) headers['X-CSRF-Token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
      keepalive: options.keepalive,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'offline', 'Mất kết nối tới máy chủ');
  }
  if (res.status === 204) return undefined as T;
  let data: Record<string, unknown> = {};
  const text = await res.text().catch(() => '');
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = {};
    }
  }
  if (res.ok) return data as T;
  const retry = res.headers.get('Retry-After');
  const err = new ApiError(
    res.status,
    String(data.error ?? (res.status >= 500 ? 'server' : 'http')),
    String(data.reason ?? `Máy chủ trả lời ${res.status}`),
    data,
    retry ? Number(retry) : null,
  );
  if (res.status === 401 && !options.quiet401) announceExpired();
  // A gateway in between that lost the server (502–504) is, for the writer, the same as offline.
  if (res.status >= 502 && res.status <= 504) throw new ApiError(0, 'offline', err.message, data);
  throw err;
}

export const get = <T>(path: string, o?: RequestOptions) => request<T>('GET', path, undefined, o);
export const post = <T>(path: string, body?: unknown, o?: RequestOptions) => request<T>('POST', path, body ?? {}, o);
export const put = <T>(path: string, body: unknown, o?: RequestOptions) => request<T>('PUT', path, body, o);
export const patch = <T>(path: string, body: unknown, o?: RequestOptions) => request<T>('PATCH', path, body, o);
export const del = <T>(path: string, o?: RequestOptions) => request<T>('DELETE', path, undefined, o);

/** Builds a query string from the set values only: {state: 'draft', q: ''} → "?state=draft". */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
