// A word-level difference between two versions of a piece, computed here for the conflict view
// (the server computes the same for the history, GET …/revisions/{a}/diff/{b}; a conflict's two
// sides are not both revisions). Words are what lies between White_Space; the spaces go with the
// change around them, so "Hà Nội" → "TP Hồ Chí Minh" reads as one deletion and one insertion.
import type { Content, DiffRun } from '../api/types';
import { WHITE_SPACE } from '../text/whitespace';
import { runsText, type BodyBlock } from './blocks';

// Past this many cells the middle of a changed text is shown as replaced whole: the table
// would cost more memory than a browser tab should spend on a view.
const MAX_CELLS = 4_000_000;

const TOKEN = new RegExp(`${WHITE_SPACE.source}|[^${WHITE_SPACE.source.slice(1, -2)}]+`, 'gu');

/** Words and the spaces between them, in order; joined they give `s` back. */
export function tokens(s: string): string[] {
  return s.match(TOKEN) ?? [];
}

type Op = { kind: DiffRun['kind']; text: string };

function lcsOps(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = a.slice(0, start).map((text) => ({ kind: 'equal', text }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_CELLS) {
    midA.forEach((text) => ops.push({ kind: 'deleted', text }));
    midB.forEach((text) => ops.push({ kind: 'inserted', text }));
  } else {
    // lengths[i][j]: the longest common run of midA[i..] and midB[j..].
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lengths[i * width + j] =
          midA[i] === midB[j]
            ? lengths[(i + 1) * width + j + 1] + 1
            : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        ops.push({ kind: 'equal', text: midA[i] });
        i++;
        j++;
      } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) ops.push({ kind: 'deleted', text: midA[i++] });
      else ops.push({ kind: 'inserted', text: midB[j++] });
    }
    while (i < n) ops.push({ kind: 'deleted', text: midA[i++] });
    while (j < m) ops.push({ kind: 'inserted', text: midB[j++] });
  }
  a.slice(endA).forEach((text) => ops.push({ kind: 'equal', text }));
  return ops;
}

const isSpace = (s: string) => new RegExp(`^${WHITE_SPACE.source}$`, 'u').test(s);

/** The word difference from `before` to `after`: equal, deleted and inserted stretches in order. */
export function diffWords(before: string, after: string): DiffRun[] {
  const ops = lcsOps(tokens(before), tokens(after));
  // Spaces left equal between two changes join the change, so a replaced phrase reads whole.
  for (let k = 1; k < ops.length - 1; k++) {
    if (ops[k].kind === 'equal' && isSpace(ops[k].text) && ops[k - 1].kind !== 'equal' && ops[k + 1].kind !== 'equal') {
      ops.splice(k, 1, { kind: 'deleted', text: ops[k].text }, { kind: 'inserted', text: ops[k].text });
      k++;
    }
  }
  const out: DiffRun[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) out.push({ kind: 'deleted', text: deleted });
    if (inserted) out.push({ kind: 'inserted', text: inserted });
    deleted = inserted = '';
  };
  for (const op of ops) {
    if (op.kind === 'deleted') deleted += op.text;
    else if (op.kind === 'inserted') inserted += op.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'equal') last.text += op.text;
      else out.push({ kind: 'equal', text: op.text });
    }
  }
  flush();
  return out;
}

/** A block's text as the difference shows it. */
export function blockText(b: BodyBlock): string {
  switch (b.type) {
    case 'paragraph':
      return runsText(b.runs);
    case 'heading':
      return b.text;
    case 'quote':
      return b.cite ? `${b.text} — ${b.cite}` : b.text;
    case 'list':
      return b.items.map(runsText).join('\n');
    case 'figure':
      return b.credit ? `${b.caption} — Ảnh: ${b.credit}` : b.caption;
  }
}

export interface ContentDiff {
  title: DiffRun[];
  lead: DiffRun[];
  blocks: DiffRun[][];
}

/**
 * The difference between two versions: title, lead, and the body block by block. Blocks that
 * are the same in both anchor the alignment; between anchors, blocks are paired in order and
 * the ones left over are wholly inserted or deleted.
 */
export function diffContent(before: Content & { blocks: BodyBlock[] }, after: Content & { blocks: BodyBlock[] }): ContentDiff {
  const a = before.blocks.map(blockText);
  const b = after.blocks.map(blockText);
  const blocks: DiffRun[][] = [];
  let pendingA: string[] = [];
  let pendingB: string[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(pendingA.length, pendingB.length); k++) blocks.push(diffWords(pendingA[k] ?? '', pendingB[k] ?? ''));
    pendingA = [];
    pendingB = [];
  };
  for (const op of lcsOps(a, b)) {
    if (op.kind === 'deleted') pendingA.push(op.text);
    else if (op.kind === 'inserted') pendingB.push(op.text);
    else {
      flush();
      blocks.push(op.text ? [{ kind: 'equal', text: op.text }] : []);
    }
  }
  flush();
  return { title: diffWords(before.title, after.title), lead: diffWords(before.lead, after.lead), blocks };
}

/** True when a difference changes something. */
export const changed = (runs: DiffRun[]) => runs.some((r) => r.kind !== 'equal');
