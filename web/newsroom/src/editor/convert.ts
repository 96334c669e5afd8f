// The body between the server's blocks and the editor's ProseMirror document (as JSON, the form
// TipTap reads and writes). docToBlocks(blocksToDoc(b)) is b for any body in the canonical form
// of blocks.ts, and docToBlocks gives only what the server accepts: it leaves out what the
// server would drop (blank paragraphs, blank list items, lists left empty) and what it would
// refuse with the whole save (a blank heading or quote, a figure with neither photo nor caption:
// the editor keeps showing them while they are being filled in).
import type { JSONContent } from '@tiptap/core';
import type { Run } from '../api/types';
import { cleanText } from '../text/nfc';
import { joinRuns, run, runsText, type BodyBlock, type Figure } from './blocks';

// The server's blank: nothing but space, tab, CR and LF once controls are out (a no-break
// space alone is text to it).
const blank = (s: string) => /^[ \t\r\n]*$/.test(cleanText(s));

function textNodes(runs: Run[]): JSONContent[] {
  return runs
    .filter((r) => r.text)
    .map((r) => {
      const marks: JSONContent['marks'] = [];
      if (r.bold) marks.push({ type: 'bold' });
      if (r.italic) marks.push({ type: 'italic' });
      if (r.link) marks.push({ type: 'link', attrs: { href: r.link } });
      return marks.length ? { type: 'text', text: r.text, marks } : { type: 'text', text: r.text };
    });
}

const plain = (text: string): JSONContent[] => (text ? [{ type: 'text', text }] : []);

function blockNode(b: BodyBlock): JSONContent {
  switch (b.type) {
    case 'paragraph':
      return { type: 'paragraph', content: textNodes(b.runs) };
    case 'heading':
      return { type: 'heading', content: plain(b.text) };
    case 'quote':
      return { type: 'quote', attrs: { cite: b.cite }, content: plain(b.text) };
    case 'list':
      return {
        type: b.ordered ? 'orderedList' : 'bulletList',
        content: b.items.map((item) => ({ type: 'listItem', content: [{ type: 'paragraph', content: textNodes(item) }] })),
      };
    case 'figure':
      return {
        type: 'figure',
        attrs: { image: b.image, caption: b.caption, credit: b.credit, alt: b.alt, width: b.width ?? null, height: b.height ?? null },
      };
  }
}

/** The editor's document for a body; an empty body is one empty paragraph to type in. */
export function blocksToDoc(blocks: BodyBlock[]): JSONContent {
  // A list with no items has no document form (a list holds one item at least); it says nothing.
  const content = blocks.filter((b) => b.type !== 'list' || b.items.length).map(blockNode);
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

function runsOf(node: JSONContent): Run[] {
  const runs: Run[] = [];
  for (const t of node.content ?? []) {
    if (t.type !== 'text' || !t.text) continue;
    const marks = t.marks ?? [];
    const link = marks.find((m) => m.type === 'link')?.attrs?.href;
    runs.push(
      run(
        t.text,
        marks.some((m) => m.type === 'bold'),
        marks.some((m) => m.type === 'italic'),
        typeof link === 'string' ? link : undefined,
      ),
    );
  }
  return runs;
}

const textOf = (node: JSONContent) => runsText(runsOf(node));

// A list item's runs: its paragraph's (an item holds one; were there more, their texts are
// kept, a space apart, rather than lost).
function itemRuns(item: JSONContent): Run[] {
  const parts = (item.content ?? []).map(runsOf).filter((r) => r.length);
  return joinRuns(parts.flatMap((r, i) => (i ? [{ text: ' ' }, ...r] : r)));
}

function nodeBlock(node: JSONContent): BodyBlock | null {
  switch (node.type) {
    case 'paragraph': {
      const runs = joinRuns(runsOf(node));
      return blank(runsText(runs)) ? null : { type: 'paragraph', runs };
    }
    case 'heading': {
      const text = textOf(node);
      return blank(text) ? null : { type: 'heading', text };
    }
    case 'quote': {
      const text = textOf(node);
      return blank(text) ? null : { type: 'quote', text, cite: String(node.attrs?.cite ?? '') };
    }
    case 'bulletList':
    case 'orderedList': {
      const items = (node.content ?? []).map(itemRuns).filter((r) => !blank(runsText(r)));
      return items.length ? { type: 'list', ordered: node.type === 'orderedList', items } : null;
    }
    case 'figure': {
      const a = node.attrs ?? {};
      const f: Figure = {
        type: 'figure',
        image: String(a.image ?? ''),
        caption: String(a.caption ?? ''),
        credit: String(a.credit ?? ''),
        alt: String(a.alt ?? ''),
      };
      if (typeof a.width === 'number' && a.width > 0) f.width = a.width;
      if (typeof a.height === 'number' && a.height > 0) f.height = a.height;
      return !f.image && blank(f.caption) ? null : f;
    }
    default:
      return null;
  }
}

/** The blocks the server is sent for the editor's document. */
export function docToBlocks(doc: JSONContent): BodyBlock[] {
  const out: BodyBlock[] = [];
  for (const node of doc.content ?? []) {
    const b = nodeBlock(node);
    if (b) out.push(b);
  }
  return out;
}
