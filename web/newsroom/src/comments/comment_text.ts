// The rule a comment's text follows, the newsroom's edits and replies as much as readers'
// (docs/api.md, "Reader comments"): 5–500 characters after NFC and trimming, a letter with its
// marks counted once — so a decomposed "ệ" is one, as the server counts it.
import { countChars } from '../text/count';

export const COMMENT_MIN = 5;
export const COMMENT_MAX = 500;

/** Characters as the server counts them. */
export function commentLength(text: string): number {
  return countChars(text.normalize('NFC').trim());
}

/** Why `text` cannot be sent, or null when it can. */
export function commentTextProblem(text: string): string | null {
  const n = commentLength(text);
  if (n < COMMENT_MIN) return `Bình luận cần ít nhất ${COMMENT_MIN} ký tự (đang có ${n}).`;
  if (n > COMMENT_MAX) return `Bình luận dài tối đa ${COMMENT_MAX} ký tự (đang có ${n}).`;
  return null;
}
