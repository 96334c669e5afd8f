// A failure shown above the screen's content, announced to screen readers as it appears.
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { errorMessage } from './errors';

export function ErrorBanner({ error, children }: { error: ApiError | string | null; children?: ReactNode }) {
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <p>{typeof error === 'string' ? error : errorMessage(error)}</p>
      {children}
    </div>
  );
}

/** A calm note: "Đã lưu", "Đang tải…". Polite, so it never interrupts what is being read. */
export function InfoBanner({ children }: { children: ReactNode }) {
  return (
    <div className="banner banner-info" role="status">
      {children}
    </div>
  );
}
