// A piece's content as the server will store it: every string in NFC, without the control
// characters the server takes out. Applied to what is sent and to what is counted, never to
// what the writer is typing: rewriting an input's text during an input method's composition
// breaks the composition (Vietnamese Telex and VNI build each letter over several keys).
import type { Block, Content, Run } from '../api/types';

// What the server strips before NFC (src/text/controls.hpp): C0 controls but tab and newline,
// CR included, and the noncharacters U+FFFE and U+FFFF.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/gu;

/** `s` as the server stores it: controls out, then NFC (that order keeps a mark with its letter). */
export function cleanText(s: string): string {
  return s.replace(CONTROLS, '').normalize('NFC');
}

/**
 * Runs in NFC, with any leading characters that would compose with the end of the run before
 * them moved onto that run: the server refuses runs whose joined text is not NFC (a mark split
 * from its letter), and the letter's formatting is the one a reader sees on the mark anyway.
 * Empty runs go.
 */
export function cleanRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    let text = cleanText(r.text);
    const last = out[out.length - 1];
    if (last) {
      // Move code points across until the boundary no longer composes.
      while (text && (last.text + text).normalize('NFC') !== last.text + text) {
        const first = String.fromCodePoint(text.codePointAt(0)!);
        last.text = (last.text + first).normalize('NFC');
        text = text.slice(first.length);
      }
    }
    if (!text) continue;
    if (last && sameMarks(last, r)) last.text = (last.text + text).normalize('NFC');
    else out.push({ ...r, text });
  }
  return out;
}

/** True when two runs carry the same bold, italic and link. */
export function sameMarks(a: Run, b: Run): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && (a.link ?? '') === (b.link ?? '');
}

function cleanBlock(b: Block): Block {
  switch (b.type) {
    case 'paragraph':
      return { ...b, runs: cleanRuns(b.runs) };
    case 'heading':
      return { ...b, text: cleanText(b.text) };
    case 'quote':
      return { ...b, text: cleanText(b.text), cite: cleanText(b.cite ?? '') };
    case 'list':
      return { ...b, items: b.items.map(cleanRuns) };
    case 'figure':
      return { ...b, image: cleanText(b.image), caption: cleanText(b.caption), credit: cleanText(b.credit ?? ''), alt: cleanText(b.alt ?? '') };
  }
}

/** A copy of `c` with every string cleaned as the server cleans it. */
export function nfcContent(c: Content): Content {
  return {
    ...c,
    title: cleanText(c.title),
    lead: cleanText(c.lead),
    blocks: c.blocks.map(cleanBlock),
    authors: c.authors.map(cleanText),
    category: cleanText(c.category),
  };
}

/** Blocks cleaned as the server stores them (for counting what it will count). */
export function cleanBlocks(blocks: Block[]): Block[] {
  return blocks.map(cleanBlock);
}
