// The photo library's API (docs/api.md, "Photos"). Reading and editing go through request();
// the upload goes by XMLHttpRequest, because fetch reports no upload progress and a 20 MB photo
// over a newsroom's Wi-Fi needs a bar. It carries what every change carries: the session cookie
// and the CSRF header.
import { ApiError, csrfHeader, get, put, query } from '../api/client';

export interface Variant {
  slot: string;
  format: 'webp' | 'jpeg';
  width: number;
  height: number;
  url: string;
}

export interface PhotoUse {
  id: number | string;
  title: string;
  state: string;
}

export interface Photo {
  id: number;
  hash: string;
  type: string;
  width: number;
  height: number;
  bytes: number;
  filename: string;
  caption: string;
  credit: string;
  alt: string;
  uploaded: string;
  uploaded_by?: { id: number; name: string };
  variants: Variant[];
  social?: string;
  created?: boolean;
  uses?: PhotoUse[];
}

export interface PhotoPage {
  photos: Photo[];
  total: number;
  page: number;
  per_page: number;
}

export const MEDIA_API = '/api/v1/admin/media';

export const libraryPath = (q: string, page: number) => `${MEDIA_API}${query({ q: q.trim(), page: page > 1 ? page : undefined })}`;
export const getPhoto = (id: number) => get<Photo>(`${MEDIA_API}/${id}`);
export const putPhoto = (id: number, fields: Partial<Pick<Photo, 'caption' | 'credit' | 'alt'>>) =>
  put<Photo>(`${MEDIA_API}/${id}`, fields);

/** Sends one file; `onProgress` hears the fraction sent (0–1). Refusals are ApiError, with the
 *  server's reason and, on 503, its Retry-After; an unreachable server is status 0. */
export function uploadPhoto(file: File, onProgress: (sent: number) => void, signal?: AbortSignal): Promise<Photo> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', MEDIA_API);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(csrfHeader())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let data: Record<string, unknown> = {};
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : {};
      } catch {
        data = {};
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as unknown as Photo);
        return;
      }
      const retry = xhr.getResponseHeader('Retry-After');
      reject(
        new ApiError(
          xhr.status,
          String(data.error ?? (xhr.status >= 500 ? 'server' : 'http')),
          String(data.reason ?? `Máy chủ trả lời ${xhr.status}`),
          data,
          retry && /^\d+$/.test(retry) ? Number(retry) : null,
        ),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'offline', 'Mất kết nối tới máy chủ'));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
