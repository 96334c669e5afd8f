// How long a piece's body is, counted as the server counts it (the piece's "counts"), so the
// "N từ · M ký tự" under the editor equals what the server says after a save.
//
// The body's texts are each paragraph (its runs joined), heading, quote (its text, not its
// cite), each list item (its runs joined) and each figure's caption. A character is a code point
// after NFC, so "ệ" counts one however it was typed. A word is a stretch between White_Space
// characters that holds at least one letter or digit: "Hà Nội – 2026" is three words, the dash
// being no word.
import type { Block, Run } from '../api/types';
import { WHITE_SPACE } from './whitespace';

export interface Counts {
  words: number;
  chars: number;
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Code points of `s` after NFC. */
export function countChars(s: string): number {
  let n = 0;
  // Iterating a string walks code points, not UTF-16 units: an emoji counts one.
  for (const _ of s.normalize('NFC')) n++;
  return n;
}

/** Words of `s`: White_Space-separated tokens holding a letter or a number. */
export function countWords(s: string): number {
  let n = 0;
  for (const token of s.normalize('NFC').split(WHITE_SPACE)) if (LETTER_OR_NUMBER.test(token)) n++;
  return n;
}

const runsText = (runs: Run[]) => runs.map((r) => r.text).join('');

/** The texts the counts are made of, one per paragraph, heading, quote, list item, caption. */
export function bodyTexts(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
        out.push(runsText(b.runs));
        break;
      case 'heading':
      case 'quote':
        out.push(b.text);
        break;
      case 'list':
        for (const item of b.items) out.push(runsText(item));
        break;
      case 'figure':
        out.push(b.caption);
        break;
    }
  }
  return out;
}

/** The body's words and characters. */
export function bodyCounts(blocks: Block[]): Counts {
  let words = 0;
  let chars = 0;
  for (const t of bodyTexts(blocks)) {
    words += countWords(t);
    chars += countChars(t);
  }
  return { words, chars };
}
