// The audit log's filters; like the article list's, each change goes to the address (typing
// replaces the history entry, a choice adds one).
import { useEffect, useState } from 'react';
import { navigate } from '../app/router';
import { idOptions, usePeople } from '../ui/directory';
import { Field } from '../ui/Field';
import { articleId, auditHref, isAuditFiltered, NO_AUDIT_FILTERS, type AuditFilters } from './auditFilters';

export function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  const people = usePeople();
  // Typed fields keep their own text; the address follows each keystroke and sets them back
  // when it changes by itself (back, a link).
  const [action, setAction] = useState(filters.action);
  const [article, setArticle] = useState(filters.article);
  useEffect(() => setAction(filters.action), [filters.action]);
  useEffect(() => setArticle(filters.article), [filters.article]);

  const go = (change: Partial<AuditFilters>, replace = false) =>
    navigate(auditHref({ ...filters, ...change, page: 1 }), replace);
  const users = idOptions(people, (p) => `${p.display_name} (${p.username})`, filters.user, (id) => `Người dùng số ${id}`);
  const badArticle = filters.article.trim() !== '' && articleId(filters) === null;

  return (
    <form className="filters" role="search" aria-label="Lọc nhật ký" onSubmit={(e) => e.preventDefault()}>
      <Field label="Người dùng">
        {(c) => (
          <select {...c} value={filters.user} onChange={(e) => go({ user: e.target.value })}>
            <option value="">Tất cả người dùng</option>
            {users.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Hành động" hint="Ví dụ article.publish; article. là mọi việc với bài.">
        {(c) => (
          <input
            {...c}
            name="action"
            autoCapitalize="none"
            spellCheck={false}
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
              go({ action: e.target.value }, true);
            }}
          />
        )}
      </Field>
      <Field label="Mã bài" error={badArticle ? 'Mã bài là một số, ví dụ 41.' : null}>
        {(c) => (
          <input
            {...c}
            name="article"
            inputMode="numeric"
            value={article}
            onChange={(e) => {
              setArticle(e.target.value);
              go({ article: e.target.value }, true);
            }}
          />
        )}
      </Field>
      <Field label="Từ ngày">
        {(c) => <input {...c} type="date" value={filters.from} onChange={(e) => go({ from: e.target.value })} />}
      </Field>
      <Field label="Đến ngày">
        {(c) => <input {...c} type="date" value={filters.to} onChange={(e) => go({ to: e.target.value })} />}
      </Field>
      {isAuditFiltered(filters) && (
        <div className="filters-actions">
          <button type="button" className="button" onClick={() => navigate(auditHref(NO_AUDIT_FILTERS))}>
            Xóa bộ lọc
          </button>
        </div>
      )}
    </form>
  );
}
