// The copy of a piece kept in this browser (localStorage) while it is not yet on the server,
// so a closed tab, a crash or a lost connection costs at most the last second of typing.
//
// Keys: toasoan:piece:{id} (toasoan:piece:new before the server has given an id) holds
// {content, base, at}: the content as typed, the revision it was typed on, and when. A writer who
// takes someone else's version in a conflict keeps theirs under toasoan:recovery:{id}:{at}.
// On opening a piece, decideOnOpen says what to do with a copy found there.
import type { Content } from '../api/types';
import { nfcContent } from '../text/nfc';
import { readContent } from './blocks';

export interface LocalCopy {
  content: Content;
  /** The revision the content was typed on; null for a piece the server has not created. */
  base: number | null;
  /** When it was written (ISO 8601). */
  at: string;
}

export const pieceKey = (id: number | null) => (id === null ? 'toasoan:piece:new' : `toasoan:piece:${id}`);
export const recoveryKey = (id: number | null, at: string) => `toasoan:recovery:${id ?? 'new'}:${at}`;

export interface CopyStore {
  read(key: string): LocalCopy | null;
  /** False when the browser refused (storage full or disabled). */
  write(key: string, copy: LocalCopy): boolean;
  remove(key: string): void;
}

/** The copies in a Storage (the browser's localStorage by default). */
export function storageCopies(storage: () => Storage | null = () => globalThis.localStorage ?? null): CopyStore {
  return {
    read(key) {
      try {
        const raw = storage()?.getItem(key);
        if (!raw) return null;
        const v = JSON.parse(raw) as Partial<LocalCopy>;
        if (!v || typeof v !== 'object' || !v.content) return null;
        return { content: readContent(v.content), base: typeof v.base === 'number' ? v.base : null, at: String(v.at ?? '') };
      } catch {
        return null;
      }
    },
    write(key, copy) {
      try {
        storage()?.setItem(key, JSON.stringify(copy));
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        storage()?.removeItem(key);
      } catch {
        // Nothing more to do: a copy that cannot be removed is only a copy.
      }
    },
  };
}

// Sorted keys, so two equal contents serialise the same whatever order their fields came in.
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/** True when two contents would be stored the same. */
export function sameContent(a: Content, b: Content): boolean {
  return JSON.stringify(canonical(nfcContent(a))) === JSON.stringify(canonical(nfcContent(b)));
}

export type OnOpen =
  | { kind: 'none' }
  /** The server already has it: remove the copy. */
  | { kind: 'drop' }
  /** Typed on the server's revision and not saved: put it back and save it. */
  | { kind: 'restore'; copy: LocalCopy }
  /** Typed on an older revision someone has since saved over: the writer chooses. */
  | { kind: 'conflict'; copy: LocalCopy };

export function decideOnOpen(copy: LocalCopy | null, server: { revision: number; content: Content }): OnOpen {
  if (!copy) return { kind: 'none' };
  if (sameContent(copy.content, server.content)) return { kind: 'drop' };
  if (copy.base === server.revision) return { kind: 'restore', copy };
  return { kind: 'conflict', copy };
}
