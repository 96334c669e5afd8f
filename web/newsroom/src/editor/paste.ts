// What a paste brings into the body: ProseMirror's transformPastedHTML, run on every pasted (and
// dropped) HTML before the schema parses it. From Word, Google Docs or a web page it keeps
// paragraphs, headings (any level), quotes, lists (Word's too), bold, italic and links, and
// drops everything else: styles, fonts, classes, spans, comments, images, scripts, Office's
// own tags. A table becomes the paragraphs of its cells. Nested lists are flattened into
// their list (the format has no nesting).
//
// The traps this exists for:
// - Google Docs wraps a copy in <b style="font-weight:normal" id="docs-internal-guid-…">: not
//   bold. It marks bold and italic with <span style="font-weight:700"> and
//   <span style="font-style:italic">: bold and italic. Style wins over the tag either way.
// - Word writes a list as paragraphs with style "mso-list:l0 level1 lfo1" whose bullet or
//   number is text in a <span style="mso-list:Ignore">: these become list items of list l0,
//   without the bullet; a number ("1.", "a)", "iv.") makes the list numbered.
// - Word's <b style="mso-bidi-font-weight:normal"> is bold: only the property font-weight counts.
//
// A copy from the editor itself (ProseMirror marks it with data-pm-slice) keeps its structure,
// which its slice data refers to: only what the schema does not read is stripped from it.
//
// The output is built as DOM with text nodes and checked attributes, never from strings.
import { allowedLink } from './link';
import { isWhiteSpaceOnly } from '../text/whitespace';
import type { Run } from '../api/types';
import { joinRuns, run } from './blocks';

// Elements whose content is never text of the piece.
const DROPPED = new Set([
  'script', 'style', 'meta', 'link', 'title', 'head', 'noscript', 'template', 'img', 'picture', 'video',
  'audio', 'source', 'track', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'button', 'input',
  'select', 'option', 'textarea', 'map', 'area', 'xml', 'o:p', 'figure', 'paste-style',
]);

// Elements that end one block and start another.
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address', 'pre',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'hr', 'center',
  'form', 'fieldset', 'details', 'summary', 'body', 'html',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

// The attributes a copy from the editor keeps (the schema's parse rules read these and no other).
const KEPT_ATTRIBUTES = new Set([
  'data-pm-slice', 'href', 'data-cite', 'data-figure', 'data-image', 'data-caption', 'data-credit', 'data-alt', 'data-width',
  'data-height',
]);

type Marks = { bold: boolean; italic: boolean; link?: string };

type Out =
  | { kind: 'p' | 'h'; runs: Run[] }
  | { kind: 'quote'; runs: Run[]; cite: string }
  | { kind: 'li'; runs: Run[]; list: string; ordered: boolean };

// Where text that arrives outside any block goes: a paragraph, or the item or quote it is in.
type Context = { kind: 'p' } | { kind: 'li'; list: string; ordered: boolean } | { kind: 'quote'; cite: string[] };

// Chrome applies the page's style-src to the documents DOMParser makes and reports each style
// attribute and <style> of a pasted page as a violation (Word's and Google Docs' are full of
// them). Renamed before parsing, they are only data this file reads.
const STYLE_ATTRIBUTE = 'data-paste-style';
function defuseStyles(html: string): string {
  return html
    .replace(/<(\/?)style\b/gi, '<$1paste-style')
    .replace(/(<[a-z][^<>]*?\s)style(\s*=)/gi, `$1${STYLE_ATTRIBUTE}$2`);
}

/** The value of one CSS property in an element's style attribute (exact name, lower case). */
function styleValue(el: Element, property: string): string | null {
  const style = el.getAttribute(STYLE_ATTRIBUTE);
  if (!style) return null;
  let found: string | null = null;
  for (const decl of style.split(';')) {
    const i = decl.indexOf(':');
    if (i < 0) continue;
    if (decl.slice(0, i).trim().toLowerCase() === property) found = decl.slice(i + 1).trim().toLowerCase();
  }
  return found;
}

function boldFrom(value: string, inherited: boolean): boolean {
  if (value === 'bold' || value === 'bolder') return true;
  if (value === 'normal' || value === 'lighter') return false;
  const n = parseInt(value, 10);
  return Number.isNaN(n) ? inherited : n >= 600;
}

function marksOf(el: Element, tag: string, marks: Marks): Marks {
  let { bold, italic, link } = marks;
  if (tag === 'b' || tag === 'strong') bold = true;
  if (tag === 'i' || tag === 'em') italic = true;
  const weight = styleValue(el, 'font-weight');
  if (weight) bold = boldFrom(weight, bold);
  const style = styleValue(el, 'font-style');
  if (style) italic = style.startsWith('italic') || style.startsWith('oblique');
  if (tag === 'a') {
    const href = el.getAttribute('href')?.trim() ?? '';
    if (allowedLink(href)) link = href;
  }
  return { bold, italic, link };
}

const hidden = (el: Element) =>
  styleValue(el, 'mso-list') === 'ignore' || styleValue(el, 'display') === 'none' || el.hasAttribute('hidden');

// Word's list paragraph: which list (l0, l1…) it belongs to.
function wordList(el: Element): string | null {
  const m = /^(l\d+)\s+level\d+/.exec(styleValue(el, 'mso-list') ?? '');
  return m ? m[1] : null;
}

// Word's number or bullet, from the span it is drawn in: a number, letter or roman numeral
// followed by "." or ")" is a numbered list; anything else (·, o, §, •, –) a bulleted one.
function wordOrdered(el: Element): boolean {
  for (const span of el.querySelectorAll('span')) {
    if (styleValue(span, 'mso-list') !== 'ignore') continue;
    const marker = (span.textContent ?? '').replace(/[\s\u00a0]+/g, '');
    return /^\(?([0-9]+|[a-z]|[ivxlcdm]+)[.)]/i.test(marker);
  }
  return false;
}

class Builder {
  readonly out: Out[] = [];
  private current: Out | null = null;
  private lists = 0;

  newList(): string {
    return `list${++this.lists}`;
  }

  open(context: Context | { kind: 'h' }): void {
    this.close();
    if (context.kind === 'li') this.current = { kind: 'li', runs: [], list: context.list, ordered: context.ordered };
    else if (context.kind === 'quote') this.current = { kind: 'quote', runs: [], cite: '' };
    else this.current = { kind: context.kind, runs: [] };
  }

  close(): void {
    if (this.current) this.out.push(this.current);
    this.current = null;
  }

  get open_(): Out | null {
    return this.current;
  }

  text(text: string, marks: Marks, context: Context): void {
    const t = text.replace(/[ \t\n\r\f]+/g, ' ');
    if (!t) return;
    if (!this.current) {
      if (!t.trim()) return;
      this.open(context);
    }
    const runs = this.current!.runs;
    const last = runs[runs.length - 1];
    // Collapse spaces across elements as a browser shows them.
    const body = last?.text.endsWith(' ') && t.startsWith(' ') ? t.slice(1) : t;
    if (body) runs.push(run(body, marks.bold, marks.italic, marks.link));
  }

  /** A space between two parts of one block (two paragraphs in one list item). */
  separate(): void {
    const runs = this.current?.runs;
    if (runs && runs.length && !runs[runs.length - 1].text.endsWith(' ')) runs.push({ text: ' ' });
  }
}

function walk(node: Node, marks: Marks, context: Context, b: Builder, soft: boolean): void {
  if (node.nodeType === 3) {
    b.text(node.nodeValue ?? '', marks, context);
    return;
  }
  if (node.nodeType !== 1) return; // comments, Word's <![if …]>, processing instructions
  const el = node as Element;
  const tag = el.localName.toLowerCase();
  if (DROPPED.has(tag) || tag.startsWith('v:') || tag.startsWith('w:') || hidden(el)) return;
  const children = (m: Marks, c: Context, s: boolean) => el.childNodes.forEach((n) => walk(n, m, c, b, s));

  if (tag === 'br') {
    // No line breaks in the format: a new paragraph, or a space inside an item or quote.
    if (soft || context.kind !== 'p') b.text(' ', marks, context);
    else b.close();
    return;
  }

  if ((tag === 'ul' || tag === 'ol' || tag === 'li') && soft && context.kind !== 'li') {
    // A list inside a heading or a quote is only text there.
    b.separate();
    children(marks, context, true);
    return;
  }
  if (tag === 'ul' || tag === 'ol') {
    // A list inside a list joins it: the format has no nesting.
    const inner: Context = context.kind === 'li' ? context : { kind: 'li', list: b.newList(), ordered: tag === 'ol' };
    if (context.kind !== 'li') b.close();
    children(marks, inner, false);
    if (context.kind !== 'li') b.close();
    return;
  }
  if (tag === 'li') {
    const item: Context = context.kind === 'li' ? context : { kind: 'li', list: b.newList(), ordered: false };
    b.open(item);
    children(marks, item, true);
    b.close();
    return;
  }
  if (tag === 'blockquote' && !soft) {
    const quote: Context = { kind: 'quote', cite: [] };
    const dataCite = el.getAttribute('data-cite');
    if (dataCite) quote.cite.push(dataCite);
    b.open(quote);
    children(marks, quote, true);
    const q = b.open_;
    // The dash a page sets before a source is typography, not part of the name.
    if (q && q.kind === 'quote') q.cite = quote.cite.join(' ').replace(/\s+/g, ' ').trim().replace(/^[—–-]\s*/, '');
    b.close();
    return;
  }
  if ((tag === 'cite' || tag === 'footer') && context.kind === 'quote') {
    context.cite.push(el.textContent ?? '');
    return;
  }
  if (HEADINGS.has(tag) || (tag === 'p' && /\bMsoTitle\b/.test(el.getAttribute('class') ?? ''))) {
    if (soft) {
      b.separate();
      children(marks, context, true);
      return;
    }
    b.open({ kind: 'h' });
    children({ bold: false, italic: false }, context, true);
    b.close();
    return;
  }
  if (tag === 'p' && !soft) {
    const list = wordList(el);
    if (list) {
      const item: Context = { kind: 'li', list: `word-${list}`, ordered: wordOrdered(el) };
      b.open(item);
      children(marks, item, true);
      b.close();
      return;
    }
  }
  if (BLOCKS.has(tag)) {
    if (soft) {
      b.separate();
      children(marksOf(el, tag, marks), context, true);
      return;
    }
    b.close();
    if (tag === 'p') b.open(context);
    children(marksOf(el, tag, marks), context, false);
    b.close();
    return;
  }
  // Anything else is inline: its text stays, with the marks it and its parents give.
  children(marksOf(el, tag, marks), context, soft);
}

// Trims a block's runs at both ends (spaces, no-break spaces from Word's layout).
function trimmed(runs: Run[]): Run[] {
  const out = joinRuns(runs.map((r) => ({ ...r })));
  if (out.length) out[0].text = out[0].text.replace(/^[\s\u00a0]+/u, '');
  if (out.length) out[out.length - 1].text = out[out.length - 1].text.replace(/[\s\u00a0]+$/u, '');
  return joinRuns(out);
}

function inline(doc: Document, parent: Element, runs: Run[]): void {
  for (const r of runs) {
    let node: Node = doc.createTextNode(r.text);
    if (r.italic) {
      const em = doc.createElement('em');
      em.append(node);
      node = em;
    }
    if (r.bold) {
      const strong = doc.createElement('strong');
      strong.append(node);
      node = strong;
    }
    if (r.link) {
      const a = doc.createElement('a');
      a.setAttribute('href', r.link);
      a.append(node);
      node = a;
    }
    parent.append(node);
  }
}

function render(blocks: Out[]): string {
  const doc = document.implementation.createHTMLDocument('');
  const root = doc.createElement('div');
  let list: { el: Element; id: string } | null = null;
  for (const block of blocks) {
    const runs = trimmed(block.runs);
    const text = runs.map((r) => r.text).join('');
    if (isWhiteSpaceOnly(text)) continue;
    if (block.kind === 'li') {
      if (!list || list.id !== block.list) {
        list = { el: doc.createElement(block.ordered ? 'ol' : 'ul'), id: block.list };
        root.append(list.el);
      }
      const li = doc.createElement('li');
      const p = doc.createElement('p');
      inline(doc, p, runs);
      li.append(p);
      list.el.append(li);
      continue;
    }
    list = null;
    if (block.kind === 'quote') {
      const q = doc.createElement('blockquote');
      if (block.cite) q.setAttribute('data-cite', block.cite);
      q.append(doc.createTextNode(text));
      root.append(q);
    } else {
      const el = doc.createElement(block.kind === 'h' ? 'h2' : 'p');
      if (block.kind === 'h') el.append(doc.createTextNode(text));
      else inline(doc, el, runs);
      root.append(el);
    }
  }
  return root.innerHTML;
}

// A copy from a ProseMirror editor: its structure stays (its slice data counts wrappers), only
// elements and attributes the schema does not read go.
function stripEditorCopy(body: HTMLElement): string {
  for (const el of [...body.querySelectorAll('*')]) {
    const tag = el.localName.toLowerCase();
    if (tag !== 'figure' && (DROPPED.has(tag) || tag.includes(':'))) {
      el.remove();
      continue;
    }
    for (const attr of [...el.attributes]) {
      const keep = KEPT_ATTRIBUTES.has(attr.name) && (attr.name !== 'href' || allowedLink(attr.value.trim()));
      if (!keep) el.removeAttribute(attr.name);
    }
  }
  return body.innerHTML;
}

/** The pasted HTML reduced to what the body holds. */
export function cleanPastedHTML(html: string): string {
  const doc = new DOMParser().parseFromString(defuseStyles(html), 'text/html');
  if (doc.querySelector('[data-pm-slice]')) return stripEditorCopy(doc.body);
  const b = new Builder();
  walk(doc.body, { bold: false, italic: false }, { kind: 'p' }, b, false);
  b.close();
  return render(b.out);
}
