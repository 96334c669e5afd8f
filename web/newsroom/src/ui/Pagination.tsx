// "Trang trước · Trang 2 / 7 · Trang sau" under a list. Pages are links, not buttons: each page
// has its own address, so it can be opened in a new tab, shared and come back to.
import { Link } from '../app/router';

export interface PaginationProps {
  page: number;
  pageCount: number;
  /** The address of page `n`. */
  hrefFor: (n: number) => string;
}

/** How many pages `total` lines make at `perPage` a page; an empty list still has page 1. */
export function pageCountOf(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  if (pageCount <= 1 && page <= 1) return null;
  return (
    <nav className="pagination" aria-label="Phân trang">
      {page > 1 ? (
        <Link className="button" href={hrefFor(Math.min(page - 1, pageCount))} rel="prev">
          Trang trước
        </Link>
      ) : (
        <span className="button" aria-disabled="true">
          Trang trước
        </span>
      )}
      <span className="pagination-where" aria-current="page">
        Trang {page} / {pageCount}
      </span>
      {page < pageCount ? (
        <Link className="button" href={hrefFor(page + 1)} rel="next">
          Trang sau
        </Link>
      ) : (
        <span className="button" aria-disabled="true">
          Trang sau
        </span>
      )}
    </nav>
  );
}
