// One photo of the library as a card: its 480 thumbnail (lazy: a page holds thirty), caption
// and credit. What the card does (choose it, open it) is its caller's child.
import type { ReactNode } from 'react';
import type { Photo } from './api';
import { thumbnailUrl } from './figure_photo';

export function PhotoCard({ photo, children }: { photo: Photo; children?: ReactNode }) {
  return (
    <li className="photo-card">
      <img src={thumbnailUrl(photo)} alt={photo.alt} loading="lazy" decoding="async" width={240} height={Math.round((240 * photo.height) / Math.max(photo.width, 1)) || 180} />
      <p className="photo-card-caption">{photo.caption || <em>Chưa có chú thích</em>}</p>
      {photo.credit && <p className="photo-card-credit">Ảnh: {photo.credit}</p>}
      <p className="photo-card-file">{photo.filename}</p>
      {children}
    </li>
  );
}
