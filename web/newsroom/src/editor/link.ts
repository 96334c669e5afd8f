// Which addresses a piece may link to: the server's rule (allowed_link in src/articles/runs.hpp),
// so the editor never holds a link the server would refuse with the whole save.

/** At most this many UTF-8 bytes, as the server counts a link. */
export const MAX_LINK_BYTES = 2000;

// Characters no address needs and a reader cannot see: controls, spaces, no-break space, the
// Unicode spaces, zero-width and direction marks, line and paragraph separators, word joiners,
// the byte-order mark. A link hiding part of itself is a phishing tool.
const HIDDEN = /[\u0000-\u0020\u007f-\u00a0\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/u;
const SCHEME = /^(https?:\/\/|mailto:)/i;
const LONE_SURROGATE = /\p{Cs}/u;

/** True for an http://, https:// or mailto: address the server accepts. */
export function allowedLink(href: string): boolean {
  const scheme = SCHEME.exec(href);
  if (!scheme || href.length === scheme[0].length) return false;
  if (new TextEncoder().encode(href).length > MAX_LINK_BYTES) return false;
  return !HIDDEN.test(href) && !LONE_SURROGATE.test(href);
}
