// The article list (/toa-soan/bai): every piece the signed-in person may see, filtered by the
// address's query (see listFilters.ts), 20 to a page.
import type { ArticleList } from '../api/types';
import { paths } from '../app/paths';
import { Link, useQuery } from '../app/router';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Pagination, pageCountOf } from '../ui/Pagination';
import { useApi } from '../ui/useApi';
import { useDebounced } from '../ui/useDebounced';
import { ArticleTable } from './ArticleTable';
import { ListFilterForm } from './ListFilterForm';
import { isFiltered, listApiPath, listHref, NO_FILTERS, parseListFilters, PER_PAGE } from './listFilters';

export default function ArticleListPage() {
  const filters = parseListFilters(useQuery().toString());
  const q = useDebounced(filters.q, 250);
  const { data, error, loading, reload } = useApi<ArticleList>(listApiPath({ ...filters, q }));
  const pageCount = data ? pageCountOf(data.total, PER_PAGE) : 1;

  return (
    <>
      <div className="page-head">
        <h1>Bài viết</h1>
        <Link className="button button-primary" href={paths.newArticle}>
          Viết bài mới
        </Link>
      </div>
      <ListFilterForm filters={filters} />
      <ErrorBanner error={error}>
        <button type="button" className="button" onClick={reload}>
          Thử lại
        </button>
      </ErrorBanner>
      <p className="list-count" role="status">
        {loading && !data ? 'Đang tải…' : data ? `Tìm thấy ${data.total} bài.` : ''}
      </p>
      {data && data.articles.length > 0 && <ArticleTable articles={data.articles} busy={loading} />}
      {data && data.articles.length === 0 && (
        <div className="empty">
          {filters.page > 1 && data.total > 0 ? (
            <p>
              Trang này không có bài. <Link href={listHref({ ...filters, page: 1 })}>Về trang đầu</Link>
            </p>
          ) : isFiltered(filters) ? (
            <p>
              Không có bài nào khớp bộ lọc.{' '}
              <Link href={listHref({ ...NO_FILTERS, sort: filters.sort })}>Xem tất cả bài</Link>
            </p>
          ) : (
            <p>
              Chưa có bài nào. <Link href={paths.newArticle}>Viết bài đầu tiên</Link>
            </p>
          )}
        </div>
      )}
      {data && (
        <Pagination page={filters.page} pageCount={pageCount} hrefFor={(n) => listHref({ ...filters, page: n })} />
      )}
    </>
  );
}
