// Times as the newsroom reads them: always Vietnam time (UTC+7), whatever zone the browser is
// set to — a reporter abroad and the desk in Hà Nội must see the same "10:32" for the same save.
// The server writes ISO 8601 at +07:00 but reads any offset; these functions accept either.

export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Built once: constructing an Intl.DateTimeFormat is far slower than using one, and lists
// format hundreds of times. Parts rather than format() so the order never depends on the
// runtime's locale data ("10:32 5/12/2026" in some, "05/12/2026, 10:32" in others).
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface VnParts {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
  second: string;
}

function vnParts(iso: string | null | undefined): VnParts | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(d)) out[p.type] = p.value;
  return out as unknown as VnParts;
}

/** "2026-12-05T03:32:00Z" → "05/12/2026 10:32" (seconds on request, e.g. for the audit log).
 *  Empty for no time; the text itself when it is not a time, so nothing is silently hidden. */
export function formatVnDateTime(iso: string | null | undefined, withSeconds = false): string {
  const p = vnParts(iso);
  if (!p) return iso ?? '';
  const time = `${p.hour}:${p.minute}${withSeconds ? `:${p.second}` : ''}`;
  return `${p.day}/${p.month}/${p.year} ${time}`;
}

/** "2026-12-05T10:32:00+07:00" → "10:32". */
export function formatVnTime(iso: string | null | undefined): string {
  const p = vnParts(iso);
  return p ? `${p.hour}:${p.minute}` : (iso ?? '');
}

/** "2026-12-05T10:32:00+07:00" → "05/12/2026". */
export function formatVnDate(iso: string | null | undefined): string {
  const p = vnParts(iso);
  return p ? `${p.day}/${p.month}/${p.year}` : (iso ?? '');
}

/** The Vietnam calendar day of a time, as a date input holds it: "2026-12-05". */
export function vnDateValue(iso: string | Date): string {
  const p = vnParts(typeof iso === 'string' ? iso : iso.toISOString());
  return p ? `${p.year}-${p.month}-${p.day}` : '';
}

/** How long ago, as a moderator glances at it: "vừa xong", "5 phút trước", "3 giờ trước",
 *  "2 ngày trước". The exact time goes beside it (formatVnDateTime). */
export function formatAgo(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const minutes = Math.floor((now - t) / 60_000);
  if (minutes < 1) return 'vừa xong';
  if (minutes < 60) return `${minutes} phút trước`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} giờ trước`;
  return `${Math.floor(hours / 24)} ngày trước`;
}
