// Times as the newsroom reads and writes them: Vietnam time (UTC+07:00, no daylight saving)
// whatever the browser's own zone, since a desk in Hà Nội and a reporter abroad must see the
// same "10:32". The API writes times at +07:00 and reads any offset; the app sends +07:00.

const OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

// The Vietnam wall clock of an instant, read through UTC fields of a shifted Date.
function wall(t: Date | string): Date | null {
  const d = typeof t === 'string' ? new Date(t) : t;
  return Number.isNaN(d.getTime()) ? null : new Date(d.getTime() + OFFSET_MS);
}

/** "10:32". */
export function vnClock(t: Date | string): string {
  const w = wall(t);
  return w ? `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}` : '';
}

/** "05/12/2026". */
export function vnDate(t: Date | string): string {
  const w = wall(t);
  return w ? `${pad(w.getUTCDate())}/${pad(w.getUTCMonth() + 1)}/${w.getUTCFullYear()}` : '';
}

/** "10:32 05/12/2026". */
export function vnDateTime(t: Date | string): string {
  const w = wall(t);
  return w ? `${vnClock(t)} ${vnDate(t)}` : '';
}

/** The value of a datetime-local input showing `t` in Vietnam time: "2026-12-05T10:32". */
export function toVnInput(t: Date | string | null): string {
  if (!t) return '';
  const w = wall(t);
  if (!w) return '';
  return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}

/** A datetime-local value read as Vietnam time, as the API takes it: "2026-12-05T10:32:00+07:00". */
export function fromVnInput(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}+07:00` : null;
}

/**
 * One minute from `now`, to the second, as a datetime-local value with seconds
 * ("2026-12-05T10:33:15"): "in a minute" means sixty seconds, not up to two.
 */
export function aMinuteAheadInput(now: Date): string {
  const t = new Date(Math.floor((now.getTime() + 60_000) / 1000) * 1000);
  const w = wall(t);
  return w ? `${toVnInput(t)}:${pad(w.getUTCSeconds())}` : '';
}
