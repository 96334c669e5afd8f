// Unicode's White_Space set, spelled out: JavaScript's \s also takes U+FEFF (a byte-order mark,
// not a space) and leaves out U+0085 (next line), so counting words with \s would disagree with
// the server, which splits on White_Space exactly.

/** One or more White_Space characters. */
export const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

/** True when `s` holds nothing but White_Space (or nothing at all). */
export function isWhiteSpaceOnly(s: string): boolean {
  return s.replace(new RegExp(WHITE_SPACE.source, 'gu'), '') === '';
}
