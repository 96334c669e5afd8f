// "Thư viện ảnh": every photo uploaded, newest first, thirty a page, searched by caption, credit
// and file name without regard to marks. The search and the page are in the address, so a
// search can be shared and Back comes back to it. Each photo opens its own screen.
import './photos.css';
import { useEffect, useId, useState } from 'react';
import { paths } from '../app/paths';
import { Link, navigate, useQuery } from '../app/router';
import { query } from '../api/client';
import { Pagination, pageCountOf } from '../ui/Pagination';
import { useApi } from '../ui/useApi';
import { useDebounced } from '../ui/useDebounced';
import { libraryPath, type PhotoPage as Page } from './api';
import { PhotoGrid } from './PhotoGrid';

const pageOf = (s: string | null) => (s && /^[1-9][0-9]{0,5}$/.test(s) ? Number(s) : 1);
const hrefOf = (q: string, page: number) => `${paths.photos}${query({ q: q.trim(), page: page > 1 ? page : undefined })}`;

export default function LibraryPage() {
  const params = useQuery();
  const q = params.get('q') ?? '';
  const page = pageOf(params.get('page'));
  const [typed, setTyped] = useState(q);
  const settled = useDebounced(typed, 250);
  const searchId = useId();
  useEffect(() => {
    if (settled.trim() !== q.trim()) navigate(hrefOf(settled, 1), true);
  }, [settled]);
  const { data, error, loading } = useApi<Page>(libraryPath(q, page));

  return (
    <section className="photo-library">
      <h1>Thư viện ảnh</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={searchId}>Tìm ảnh</label>
          <input id={searchId} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </div>
      </form>
      <PhotoGrid
        data={data}
        error={error}
        loading={loading}
        action={(p) => (
          <Link className="button button-small" href={paths.photo(p.id)} aria-label={`Chi tiết ảnh ${p.caption || p.filename}`}>
            Chi tiết
          </Link>
        )}
      />
      {data && (
        <Pagination page={page} pageCount={pageCountOf(data.total, data.per_page || 30)} hrefFor={(n) => hrefOf(q, n)} />
      )}
    </section>
  );
}
