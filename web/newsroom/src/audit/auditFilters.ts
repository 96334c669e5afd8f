// The audit log's filters live in the address ("/toa-soan/nhat-ky?action=article.&from=…"),
// like the article list's: shareable, and the back button works.
import { query } from '../api/client';
import { paths } from '../app/paths';

export interface AuditFilters {
  /** A user id, as text. */
  user: string;
  /** An action ("article.publish") or a group of them, ending in a dot ("article."). */
  action: string;
  /** As typed: only a number reaches the server (see articleId). */
  article: string;
  /** Vietnam calendar days, as date inputs hold them: "2026-12-05". */
  from: string;
  to: string;
  page: number;
}

export const AUDIT_PER_PAGE = 50;

export const NO_AUDIT_FILTERS: AuditFilters = { user: '', action: '', article: '', from: '', to: '', page: 1 };

const ID = /^[1-9][0-9]{0,9}$/;

/** "2026-12-05" when it is a real day, else ''. */
export function validDay(s: string | null): string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return '';
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) ? s : '';
}

/** The day after "2026-12-31": "2027-01-01". */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The article filter as an id, or null when what was typed is not one. */
export function articleId(f: AuditFilters): string | null {
  const a = f.article.trim();
  return ID.test(a) ? a : null;
}

export function parseAuditFilters(search: string): AuditFilters {
  const p = new URLSearchParams(search);
  const user = p.get('user') ?? '';
  const page = Number(p.get('page') ?? '1');
  return {
    user: ID.test(user) ? user : '',
    action: p.get('action') ?? '',
    article: p.get('article') ?? '',
    from: validDay(p.get('from')),
    to: validDay(p.get('to')),
    page: Number.isInteger(page) && page >= 1 && page <= 100000 ? page : 1,
  };
}

export function auditHref(f: Partial<AuditFilters>): string {
  return (
    paths.audit +
    query({
      user: f.user,
      action: f.action,
      article: f.article,
      from: f.from,
      to: f.to,
      page: f.page && f.page > 1 ? f.page : undefined,
    })
  );
}

/** GET /api/v1/admin/audit for `f`. The server's `to` is exclusive ("at < to") and a bare day
 *  means its first moment, so "to the 5th" asks for everything before the 6th. */
export function auditApiPath(f: AuditFilters): string {
  return (
    '/api/v1/admin/audit' +
    query({
      user: f.user,
      action: f.action.trim(),
      article: articleId(f),
      from: f.from,
      to: f.to ? nextDay(f.to) : undefined,
      page: f.page,
      per_page: AUDIT_PER_PAGE,
    })
  );
}

export function isAuditFiltered(f: AuditFilters): boolean {
  return !!(f.user || f.action.trim() || f.article.trim() || f.from || f.to);
}
