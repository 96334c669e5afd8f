// Getting what a writer types to the server without ever losing it, on weak connections.
//
// The rules, in order of precedence:
// 1. Every change is written to this browser's copy (local_copy.ts) within LOCAL_DELAY, and at
//    once on writeLocal() (the page calls it on pagehide and when hidden). The copy goes once
//    the server has everything it holds.
// 2. A save goes AUTOSAVE_DELAY after typing stops (autosave), or at once on saveNow() (Ctrl+S,
//    an action, a restored copy). One save is in flight at a time; changes made meanwhile are
//    saved after it. A save sends the editor's content as it is then, with the revision the
//    edit started from: the last revision the server gave.
// 3. Offline (no connection, or a gateway that lost the server): the status says so, the copy
//    holds the work, and the save is tried again with backoff and at online().
// 4. Session expired (401): wait for the writer to sign in again, then send.
// 5. Conflict (409, someone saved since our revision): nothing is sent until the writer chooses
//    keepMine() or takeTheirs(); typing goes on into the copy meanwhile.
// 6. Refused (422, 403, 413…): the status says why; the next change tries again.
//
// A new piece (id null) is created by its first save, once something is typed; from then on
// the queue saves it by id.
//
// Pure logic over its dependencies (the requests, the copy store, timers), so it is tested with
// fake timers and a fake fetch.
import { ApiError, type FieldErrors } from '../api/client';
import type { Content } from '../api/types';
import { isEmptyContent, readContent } from './blocks';
import { pieceKey, recoveryKey, type CopyStore } from './local_copy';
import type { PieceWithCounts } from './api';
import { track } from './in_flight';

export const AUTOSAVE_DELAY = 2000;
export const LOCAL_DELAY = 1000;
/** Waits between tries while offline or while the server fails; the last repeats. */
export const RETRY_DELAYS = [2000, 4000, 8000, 16000, 30000];

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline' }
  | { kind: 'expired' }
  | { kind: 'error'; message: string; fields: FieldErrors; retrying: boolean }
  | { kind: 'conflict' };

export interface Conflict {
  /** The piece as someone else saved it. */
  current: PieceWithCounts;
  /** What my version started from, when known. */
  base: Content | null;
  baseRevision: number | null;
}

export interface QueueState {
  status: SaveStatus;
  conflict: Conflict | null;
  id: number | null;
  revision: number | null;
}

export interface QueueDeps {
  /** The editor's content now. */
  read(): Content;
  create(c: Content): Promise<PieceWithCounts>;
  update(id: number, c: Content, revision: number, autosave: boolean): Promise<{ article: PieceWithCounts }>;
  copies: CopyStore;
  whenSignedIn(): Promise<void>;
  isOnline(): boolean;
  now?(): Date;
  /** The server created the piece (a new one's first save). */
  onCreated?(piece: PieceWithCounts): void;
  /** The server took a save. */
  onSaved?(piece: PieceWithCounts): void;
}

/** Why flush() could not get everything to the server. */
export class NotSaved extends Error {}

export class SaveQueue {
  private state: QueueState;
  private base: Content | null;
  private edits = 0;
  private saved = 0;
  private inflight: Promise<boolean> | null = null;
  private again: 'auto' | 'now' | null = null;
  private lastError: unknown = null;
  private autosaveTimer: ReturnType<typeof setTimeout> | null = null;
  private localTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retries = 0;
  private waitingForSignIn = false;
  private disposed = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly deps: QueueDeps,
    start: { id: number | null; revision: number | null; content: Content | null },
  ) {
    this.state = { status: { kind: 'idle' }, conflict: null, id: start.id, revision: start.revision };
    this.base = start.content;
  }

  // --- for React (useSyncExternalStore) ---

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): QueueState => this.state;

  private set(patch: Partial<QueueState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  private get now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** True while something typed is not yet on the server. */
  get dirty(): boolean {
    return this.edits > this.saved;
  }

  // --- what the page tells the queue ---

  /** The writer changed something. */
  changed(): void {
    if (this.disposed) return;
    this.edits++;
    const k = this.state.status.kind;
    if (k === 'idle' || k === 'saved' || k === 'error') this.set({ status: { kind: 'dirty' } });
    if (!this.localTimer) this.localTimer = setTimeout(() => this.writeLocal(), LOCAL_DELAY);
    if (!this.state.conflict) this.armAutosave();
  }

  private armAutosave(): void {
    this.clearAutosave();
    this.autosaveTimer = setTimeout(() => {
      this.autosaveTimer = null;
      void this.save(true);
    }, AUTOSAVE_DELAY);
  }

  /** Ctrl+S: save now, not as an autosave. */
  saveNow(): void {
    this.clearAutosave();
    void this.save(false);
  }

  /** The connection is back: try at once. */
  online(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retries = 0;
    if (this.dirty && !this.state.conflict) void this.save(true);
  }

  /** Writes the browser's copy now if anything is unsaved (pagehide, tab hidden). */
  writeLocal(): void {
    if (this.localTimer) clearTimeout(this.localTimer);
    this.localTimer = null;
    if (!this.dirty) return;
    this.deps.copies.write(pieceKey(this.state.id), {
      content: this.deps.read(),
      base: this.state.revision,
      at: this.now.toISOString(),
    });
  }

  /** The server's piece changed without a save of ours (an action made a revision). */
  adopt(piece: PieceWithCounts): void {
    this.set({ revision: piece.revision });
  }

  /**
   * Saves whatever is unsaved and resolves when the server has it all (before an action).
   * Rejects with NotSaved (or the request's error) when it cannot: offline, conflict, refused.
   */
  async flush(): Promise<void> {
    this.clearAutosave();
    for (let tries = 0; tries < 5; tries++) {
      if (this.inflight) await this.inflight;
      if (this.state.conflict) throw new NotSaved('Có người khác vừa lưu bài này: hãy chọn bản để giữ trước.');
      if (!this.dirty) return;
      const ok = await this.save(false);
      // Not ok with nothing in flight is a failure; with a save in flight, changes came meanwhile.
      if (!ok && !this.inflight) throw this.lastError ?? new NotSaved('Chưa lưu được bài.');
    }
    throw new NotSaved('Bài đang thay đổi liên tục, chưa lưu xong.');
  }

  /** Opens a conflict found on opening the piece (a local copy typed on an older revision). */
  openConflict(conflict: Conflict): void {
    this.edits++;
    this.clearAutosave();
    this.set({ conflict, status: { kind: 'conflict' } });
    this.writeLocal();
  }

  /** "Giữ bản của tôi": my version is saved over theirs. */
  keepMine(): void {
    const c = this.state.conflict;
    if (!c) return;
    this.base = readContent(c.current);
    if (!this.dirty) this.edits++;
    this.set({ conflict: null, revision: c.current.revision, status: { kind: 'dirty' } });
    this.saveNow();
  }

  /**
   * "Dùng bản của họ": mine is kept under a recovery key, and the queue starts again from their
   * version, which the page then puts in the editor. Returns the recovery key.
   */
  takeTheirs(): string {
    const c = this.state.conflict;
    const at = this.now.toISOString();
    const key = recoveryKey(this.state.id, at);
    this.deps.copies.write(key, { content: this.deps.read(), base: this.state.revision, at });
    if (!c) return key;
    this.base = readContent(c.current);
    this.saved = this.edits;
    this.deps.copies.remove(pieceKey(this.state.id));
    this.set({ conflict: null, revision: c.current.revision, status: { kind: 'idle' } });
    return key;
  }

  /** The content my edits started from (the last the server gave), for the conflict view. */
  get baseContent(): Content | null {
    return this.base;
  }

  /** The page is open (again: React may stop and start a component's effects). */
  start(): void {
    this.disposed = false;
    if (this.dirty && !this.state.conflict && !this.inflight) this.armAutosave();
  }

  /**
   * The page closes: the copy is written, timers stop, and what is unsaved is sent once more
   * (the copy stays until it lands); start() resumes.
   */
  dispose(): void {
    this.writeLocal();
    this.clearAutosave();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.dirty && !this.disposed) void this.save(true);
    this.disposed = true;
  }

  // --- inside ---

  private clearAutosave(): void {
    if (this.autosaveTimer) clearTimeout(this.autosaveTimer);
    this.autosaveTimer = null;
  }

  private retryLater(autosave: boolean): void {
    if (this.disposed) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const delay = RETRY_DELAYS[Math.min(this.retries, RETRY_DELAYS.length - 1)];
    this.retries++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.save(autosave);
    }, delay);
  }

  /** One save of everything unsaved; resolves true when the server took it. */
  private save(autosave: boolean): Promise<boolean> {
    if (this.state.conflict) return Promise.resolve(false);
    if (this.inflight) {
      // After the one in flight; an explicit save stays explicit.
      this.again = this.again === 'now' || !autosave ? 'now' : 'auto';
      return this.inflight.then(() => !this.dirty);
    }
    if (!this.dirty) return Promise.resolve(true);
    if (this.waitingForSignIn) {
      // Every request would answer 401 until then; the copy holds the work.
      this.writeLocal();
      return Promise.resolve(false);
    }
    if (!this.deps.isOnline()) {
      this.lastError = new NotSaved('Không có mạng: bài được giữ trên máy này.');
      this.set({ status: { kind: 'offline' } });
      this.writeLocal();
      this.retryLater(autosave);
      return Promise.resolve(false);
    }
    const version = this.edits;
    const content = this.deps.read();
    const id = this.state.id;
    if (id === null && isEmptyContent(content)) {
      // Nothing typed yet: nothing is created.
      this.saved = version;
      this.set({ status: { kind: 'idle' } });
      return Promise.resolve(true);
    }
    this.set({ status: { kind: 'saving' } });
    const sending = this.send(id, content, version, autosave);
    if (id !== null) track(id, sending);
    this.inflight = sending.finally(() => {
      this.inflight = null;
      const again = this.again;
      this.again = null;
      if (again && this.dirty && !this.state.conflict && !this.disposed) void this.save(again === 'auto');
    });
    return this.inflight;
  }

  private async send(id: number | null, content: Content, version: number, autosave: boolean): Promise<boolean> {
    try {
      let piece: PieceWithCounts;
      if (id === null) {
        piece = await this.deps.create(content);
        this.deps.copies.remove(pieceKey(null));
        this.set({ id: piece.id });
        // Not after the page closed: the writer has gone elsewhere and stays there.
        if (!this.disposed) this.deps.onCreated?.(piece);
      } else {
        if (this.state.revision === null) throw new NotSaved('Chưa biết phiên bản của bài.');
        piece = (await this.deps.update(id, content, this.state.revision, autosave)).article;
      }
      this.base = content;
      this.saved = Math.max(this.saved, version);
      this.retries = 0;
      this.lastError = null;
      this.set({
        revision: piece.revision,
        status: this.dirty ? { kind: 'dirty' } : { kind: 'saved', at: this.now },
      });
      if (this.dirty) this.writeLocal();
      else {
        if (this.localTimer) clearTimeout(this.localTimer);
        this.localTimer = null;
        this.deps.copies.remove(pieceKey(this.state.id));
      }
      this.deps.onSaved?.(piece);
      return true;
    } catch (e) {
      this.lastError = e;
      this.failed(e, autosave);
      return false;
    }
  }

  private failed(e: unknown, autosave: boolean): void {
    this.writeLocal();
    if (!(e instanceof ApiError)) {
      this.set({ status: { kind: 'error', message: (e as Error)?.message || 'Lỗi không rõ', fields: {}, retrying: true } });
      this.retryLater(autosave);
      return;
    }
    if (e.offline) {
      this.set({ status: { kind: 'offline' } });
      this.retryLater(autosave);
    } else if (e.status === 401) {
      this.set({ status: { kind: 'expired' } });
      if (!this.waitingForSignIn) {
        this.waitingForSignIn = true;
        void this.deps.whenSignedIn().then(() => {
          this.waitingForSignIn = false;
          if (!this.disposed) void this.save(autosave);
        });
      }
    } else if (e.status === 409 && e.body.current && typeof e.body.current === 'object') {
      this.clearAutosave();
      this.set({
        status: { kind: 'conflict' },
        conflict: { current: e.body.current as PieceWithCounts, base: this.base, baseRevision: this.state.revision },
      });
    } else if (e.status >= 500 || e.status === 429) {
      this.set({ status: { kind: 'error', message: 'Máy chủ chưa nhận bài', fields: {}, retrying: true } });
      this.retryLater(autosave);
    } else {
      this.set({ status: { kind: 'error', message: e.message, fields: e.fields, retrying: false } });
    }
  }
}
