import { describe, expect, it } from 'vitest';
import { auditApiPath, auditHref, nextDay, NO_AUDIT_FILTERS, parseAuditFilters, validDay, type AuditFilters } from './auditFilters';

describe('audit log filters and the address', () => {
  it('goes to the address and back unchanged', () => {
    const f: AuditFilters = { user: '3', action: 'article.', article: '41', from: '2026-12-01', to: '2026-12-05', page: 2 };
    const href = auditHref(f);
    expect(href).toBe('/toa-soan/nhat-ky?user=3&action=article.&article=41&from=2026-12-01&to=2026-12-05&page=2');
    expect(parseAuditFilters(href.slice(href.indexOf('?')))).toEqual(f);
    expect(auditHref(NO_AUDIT_FILTERS)).toBe('/toa-soan/nhat-ky');
  });

  it('asks for the whole of the last day, 50 to a page', () => {
    const f = { ...NO_AUDIT_FILTERS, from: '2026-12-01', to: '2026-12-31' };
    expect(auditApiPath(f)).toBe('/api/v1/admin/audit?from=2026-12-01&to=2027-01-01&page=1&per_page=50');
  });

  it('sends the article only when it is a number', () => {
    expect(auditApiPath({ ...NO_AUDIT_FILTERS, article: 'abc' })).toBe('/api/v1/admin/audit?page=1&per_page=50');
    expect(auditApiPath({ ...NO_AUDIT_FILTERS, article: ' 41 ' })).toBe('/api/v1/admin/audit?article=41&page=1&per_page=50');
  });

  it('drops days that are not days', () => {
    expect(validDay('2026-02-30')).toBe('');
    expect(validDay('05/12/2026')).toBe('');
    expect(validDay('2028-02-29')).toBe('2028-02-29');
    expect(parseAuditFilters('?from=hôm-qua&user=x&page=-1')).toEqual(NO_AUDIT_FILTERS);
  });

  it('counts days across months and leap years', () => {
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
  });
});
