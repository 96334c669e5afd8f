// What a refusal from the server means for the person at the screen, in one sentence.
import { ApiError } from '../api/client';

/** Any thrown value as an ApiError, so screens handle one kind of failure. */
export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(-1, 'client', e instanceof Error ? e.message : String(e));
}

/** The sentence to show for a failed request. The server's `reason` is already written for
 *  people (and in Vietnamese); only the failures it cannot word itself are worded here. */
export function errorMessage(e: ApiError): string {
  if (e.offline) return 'Không kết nối được máy chủ.';
  if (e.status === 404) return e.code === 'not_found' && e.message ? e.message : 'Không tìm thấy.';
  if (e.status >= 500) return `Máy chủ gặp lỗi (${e.status}). Hãy thử lại sau.`;
  return e.message;
}
