// Reading one API address for a screen: the answer, the failure, and whether it is on its way.
// A newer address cancels the older request, so a list never shows the answer to a filter the
// reader has already changed. When the session expired (401), the failure is not shown — the
// re-login dialog is — and the request goes again by itself once signed in.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, get } from '../api/client';
import { whenSignedIn } from '../session/session';
import { asApiError } from './errors';

export interface ApiState<T> {
  /** The last answer; kept while a newer request is on its way, so a list does not flash. */
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  /** Asks again (after a change the screen made). */
  reload: () => void;
}

/** GETs `path` (null: nothing to read yet) and again whenever it changes. */
export function useApi<T>(path: string | null): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    get<T>(path, { signal: controller.signal }).then(
      (answer) => {
        if (controller.signal.aborted) return;
        setData(answer);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        const err = asApiError(e);
        if (err.status === 401) {
          void whenSignedIn().then(() => {
            if (!controller.signal.aborted) reload();
          });
          return;
        }
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [path, round, reload]);

  return { data, error, loading, reload };
}
