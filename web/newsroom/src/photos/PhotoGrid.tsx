// A page of the library's search as the picker and the library screen both show it: what went
// wrong, how many photos match (announced), and their cards, each with what its caller lets a
// member do with it.
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { ErrorBanner } from '../ui/ErrorBanner';
import type { Photo, PhotoPage } from './api';
import { PhotoCard } from './PhotoCard';

export interface PhotoGridProps {
  data: PhotoPage | undefined;
  error: ApiError | null;
  loading: boolean;
  action: (photo: Photo) => ReactNode;
}

export function PhotoGrid({ data, error, loading, action }: PhotoGridProps) {
  return (
    <>
      <ErrorBanner error={error} />
      <p className="photo-picker-count" role="status">
        {loading && !data ? 'Đang tải…' : data ? `${data.total} ảnh` : ''}
      </p>
      <ul className="photo-grid">
        {data?.photos.map((p) => (
          <PhotoCard key={p.id} photo={p}>
            {action(p)}
          </PhotoCard>
        ))}
      </ul>
    </>
  );
}
