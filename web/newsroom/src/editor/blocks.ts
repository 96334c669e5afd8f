// The body as the editor keeps it: one canonical form of each block of docs/import-format.md,
// so two bodies that say the same thing compare equal (a local copy against the server's
// piece) and the form sent is the form the server stores.
//
// The server writes a block without marks as plain "text" and one with marks as "text" and
// "runs"; list items as strings or runs; a figure's empty fields not at all. readBlocks takes any
// of these. The canonical form: a paragraph always has runs; runs carry only true flags and
// non-empty links, with neighbours of the same marks joined and empty ones gone; a heading and
// a quote have plain text (the editor holds no marks there), a quote always a cite, a figure
// always image, caption, credit and alt, and width and height only when the server gave them.
import type { Content, Run } from '../api/types';
import { sameMarks } from '../text/nfc';

export type Paragraph = { type: 'paragraph'; runs: Run[] };
export type Heading = { type: 'heading'; text: string };
export type Quote = { type: 'quote'; text: string; cite: string };
export type List = { type: 'list'; ordered: boolean; items: Run[][] };
export type Figure = {
  type: 'figure';
  image: string;
  caption: string;
  credit: string;
  alt: string;
  width?: number;
  height?: number;
};
export type BodyBlock = Paragraph | Heading | Quote | List | Figure;

type Json = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A run with only what a run may carry. */
export function run(text: string, bold?: boolean, italic?: boolean, link?: string): Run {
  const r: Run = { text };
  if (bold) r.bold = true;
  if (italic) r.italic = true;
  if (link) r.link = link;
  return r;
}

/** Runs in their one form: empty ones out, neighbours with the same marks joined. */
export function joinRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (!r.text) continue;
    const last = out[out.length - 1];
    if (last && sameMarks(last, r)) last.text += r.text;
    else out.push(run(r.text, r.bold, r.italic, r.link));
  }
  return out;
}

export const runsText = (runs: Run[]): string => runs.map((r) => r.text).join('');

function readRuns(v: unknown): Run[] {
  if (typeof v === 'string') return joinRuns([{ text: v }]);
  if (!Array.isArray(v)) return [];
  return joinRuns(
    v.map((o: Json) => run(str(o?.text), o?.bold === true, o?.italic === true, str(o?.link) || undefined)),
  );
}

// A block's runs: "runs" when given (the server then also writes "text", the same joined).
const blockRuns = (o: Json): Run[] => (Array.isArray(o.runs) ? readRuns(o.runs) : readRuns(str(o.text)));

function readBlock(o: Json): BodyBlock {
  switch (o.type) {
    case 'heading':
      return { type: 'heading', text: runsText(blockRuns(o)) };
    case 'quote':
      return { type: 'quote', text: runsText(blockRuns(o)), cite: str(o.cite) };
    case 'list':
      return {
        type: 'list',
        ordered: o.ordered === true,
        items: (Array.isArray(o.items) ? o.items : []).map(readRuns),
      };
    case 'figure':
    case 'image': {
      const f: Figure = {
        type: 'figure',
        image: str(o.image),
        caption: str(o.caption),
        credit: str(o.credit),
        alt: str(o.alt),
      };
      if (typeof o.width === 'number' && o.width > 0) f.width = o.width;
      if (typeof o.height === 'number' && o.height > 0) f.height = o.height;
      return f;
    }
    default:
      // The server writes only the five kinds; anything else keeps its text as a paragraph.
      return { type: 'paragraph', runs: blockRuns(o) };
  }
}

/** The blocks of a piece as the server wrote them, in the canonical form. */
export function readBlocks(raw: unknown): BodyBlock[] {
  return Array.isArray(raw) ? raw.filter((o) => o && typeof o === 'object').map(readBlock) : [];
}

/** A piece's (or a revision's) content, with its blocks read. */
export function readContent(c: Partial<Content> & { blocks?: unknown }): Content & { blocks: BodyBlock[] } {
  return {
    title: str(c.title),
    lead: str(c.lead),
    blocks: readBlocks(c.blocks),
    authors: Array.isArray(c.authors) ? c.authors.filter((a) => typeof a === 'string') : [],
    category: str(c.category),
    published: typeof c.published === 'string' && c.published ? c.published : null,
  };
}

/** Nothing typed: what a new piece starts as (a byline alone is not writing). */
export function isEmptyContent(c: Content): boolean {
  return !c.title.trim() && !c.lead.trim() && c.blocks.length === 0 && !c.category && !c.published;
}
