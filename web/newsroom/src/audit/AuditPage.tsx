// The audit log (/toa-soan/nhat-ky), for the chief and admins: every login, account change,
// setting change and step of every piece, newest first, 50 to a page.
import type { AuditPage as AuditAnswer } from '../api/types';
import { useQuery } from '../app/router';
import { hasRole } from '../session/session';
import { useUser } from '../session/useUser';
import { ErrorBanner } from '../ui/ErrorBanner';
import { NotAllowed } from '../ui/NotAllowed';
import { Pagination, pageCountOf } from '../ui/Pagination';
import { useApi } from '../ui/useApi';
import { useDebounced } from '../ui/useDebounced';
import { AuditFilterForm } from './AuditFilterForm';
import { AuditTable } from './AuditTable';
import { AUDIT_PER_PAGE, auditApiPath, auditHref, isAuditFiltered, parseAuditFilters } from './auditFilters';

export default function AuditPage() {
  const user = useUser();
  if (!hasRole(user, 'chief', 'admin')) return <NotAllowed title="Nhật ký" who="Chỉ tổng biên tập và quản trị viên" />;
  return <AuditLog />;
}

function AuditLog() {
  const filters = parseAuditFilters(useQuery().toString());
  // Typed filters reach the server once the typing pauses.
  const action = useDebounced(filters.action, 250);
  const article = useDebounced(filters.article, 250);
  const { data, error, loading, reload } = useApi<AuditAnswer>(auditApiPath({ ...filters, action, article }));

  return (
    <>
      <h1>Nhật ký</h1>
      <AuditFilterForm filters={filters} />
      <ErrorBanner error={error}>
        <button type="button" className="button" onClick={reload}>
          Thử lại
        </button>
      </ErrorBanner>
      <p className="list-count" role="status">
        {loading && !data ? 'Đang tải…' : data ? `${data.total} dòng.` : ''}
      </p>
      {data && data.entries.length > 0 && <AuditTable entries={data.entries} busy={loading} />}
      {data && data.entries.length === 0 && (
        <p className="empty">{isAuditFiltered(filters) ? 'Không có dòng nào khớp bộ lọc.' : 'Nhật ký chưa có dòng nào.'}</p>
      )}
      {data && (
        <Pagination
          page={filters.page}
          pageCount={pageCountOf(data.total, AUDIT_PER_PAGE)}
          hrefFor={(n) => auditHref({ ...filters, page: n })}
        />
      )}
    </>
  );
}
