// The photos being uploaded, one line each: waiting, being sent (with how much), done or failed
// with the server's reason. No DOM and no network of its own (both come in as deps), so the
// rules are tested as plain code:
//  1. at most MAX_IN_FLIGHT files are sent at once: the server decodes one photo at a time and
//     queues a few, and a writer dropping twenty photos should not fill its queue for everyone;
//  2. a 503 (the server's photo queue is full) is sent again after its Retry-After, a few times;
//  3. a 401 (the session ended) fails nothing: the file waits, the re-login dialog is asked for,
//     and the queue goes on once signed in again;
//  4. the photos of one pick (a batch) are placed in the order picked, whatever order their
//     uploads finish in: a photo waits for those before it, and a failed one is skipped.
import { ApiError } from '../api/client';
import type { Photo } from './api';

export const MAX_IN_FLIGHT = 2;
export const MAX_RETRIES = 3;
// When a 503 names no delay, and the most a Retry-After makes the writer wait.
const DEFAULT_RETRY_S = 2;
const LONGEST_RETRY_S = 30;

export type UploadStatus = 'waiting' | 'sending' | 'retrying' | 'done' | 'failed';

export interface UploadLine {
  key: number;
  name: string;
  status: UploadStatus;
  /** The fraction sent, 0–1. */
  sent: number;
  /** Why it failed, or what it is waiting for. */
  message: string;
}

export interface UploadDeps {
  send: (file: File, onProgress: (sent: number) => void) => Promise<Photo>;
  sleep: (ms: number) => Promise<void>;
  /** Resolves once the writer has signed in again. */
  signedIn: () => Promise<void>;
  /** Announces the ended session (the re-login dialog). */
  expired: () => void;
}

interface Item<T> {
  line: UploadLine;
  file: File;
  batch: Batch<T>;
  photo: Photo | null;
  tries: number;
}

interface Batch<T> {
  target: T;
  items: Item<T>[];
  /** The first item not yet placed or skipped. */
  next: number;
}

/** The message for a refused or failed upload: the server's own reason when it gave one. */
export function failureMessage(e: ApiError): string {
  if (e.status === 0) return 'Mất kết nối tới máy chủ — ảnh chưa được tải lên.';
  if (typeof e.body.reason === 'string' && e.body.reason) return e.body.reason;
  if (e.status === 413) return 'Ảnh quá lớn.';
  if (e.status === 415 || e.status === 422) return 'Tệp này không phải ảnh JPEG, PNG, WebP hay HEIC.';
  if (e.status === 503) return 'Máy chủ đang bận xử lý ảnh, hãy thử lại sau ít phút.';
  if (e.status === 403) return 'Bạn không có quyền tải ảnh lên.';
  return e.message || `Máy chủ trả lời ${e.status}`;
}

export class UploadQueue<T> {
  private items: Item<T>[] = [];
  private inFlight = 0;
  private paused = false;
  private nextKey = 1;

  constructor(
    private readonly deps: UploadDeps,
    /** Hears every change of the lines. */
    private readonly onChange: (lines: UploadLine[]) => void,
    /** Places one uploaded photo at its batch's target, in the batch's order. */
    private readonly place: (target: T, photo: Photo) => void,
  ) {}

  lines(): UploadLine[] {
    return this.items.map((i) => ({ ...i.line }));
  }

  /** True while a file is waiting or being sent. */
  busy(): boolean {
    return this.items.some((i) => i.line.status !== 'done' && i.line.status !== 'failed');
  }

  /** Queues the files of one pick, to be placed at `target` in this order. */
  add(files: File[], target: T): void {
    if (!files.length) return;
    const batch: Batch<T> = { target, items: [], next: 0 };
    for (const file of files) {
      const item: Item<T> = {
        line: { key: this.nextKey++, name: file.name, status: 'waiting', sent: 0, message: '' },
        file,
        batch,
        photo: null,
        tries: 0,
      };
      batch.items.push(item);
      this.items.push(item);
    }
    this.changed();
    this.pump();
  }

  /** Sends a failed file again; placed, when it arrives, at its batch's target. */
  retry(key: number): void {
    const item = this.items.find((i) => i.line.key === key && i.line.status === 'failed');
    if (!item) return;
    item.batch = { target: item.batch.target, items: [item], next: 0 };
    Object.assign(item.line, { status: 'waiting', sent: 0, message: '' });
    item.tries = 0;
    this.changed();
    this.pump();
  }

  /** Forgets the lines that are over (done or failed). */
  clearFinished(): void {
    this.items = this.items.filter((i) => i.line.status !== 'done' && i.line.status !== 'failed');
    this.changed();
  }

  private changed(): void {
    this.onChange(this.lines());
  }

  private pump(): void {
    while (!this.paused && this.inFlight < MAX_IN_FLIGHT) {
      const item = this.items.find((i) => i.line.status === 'waiting');
      if (!item) return;
      void this.send(item);
    }
  }

  private async send(item: Item<T>): Promise<void> {
    this.inFlight++;
    Object.assign(item.line, { status: 'sending', sent: 0, message: '' });
    this.changed();
    try {
      item.photo = await this.deps.send(item.file, (sent) => {
        item.line.sent = sent;
        this.changed();
      });
      Object.assign(item.line, { status: 'done', sent: 1, message: '' });
      this.inFlight--;
      this.release(item.batch);
      this.changed();
      this.pump();
    } catch (e) {
      this.inFlight--;
      const err = e instanceof ApiError ? e : new ApiError(0, 'offline', String((e as Error)?.message ?? e));
      if (err.status === 401) {
        Object.assign(item.line, { status: 'waiting', sent: 0, message: 'Chờ đăng nhập lại' });
        this.changed();
        this.waitForSignIn();
        return;
      }
      if (err.status === 503 && item.tries < MAX_RETRIES) {
        item.tries++;
        const seconds = Math.min(Math.max(err.retryAfter ?? DEFAULT_RETRY_S, 1), LONGEST_RETRY_S);
        Object.assign(item.line, {
          status: 'retrying',
          sent: 0,
          message: `Máy chủ đang bận, thử lại sau ${seconds} giây…`,
        });
        this.changed();
        this.pump();
        await this.deps.sleep(seconds * 1000);
        item.line.status = 'waiting';
        this.pump();
        return;
      }
      Object.assign(item.line, { status: 'failed', message: failureMessage(err) });
      this.release(item.batch);
      this.changed();
      this.pump();
    }
  }

  private waitForSignIn(): void {
    if (this.paused) return;
    this.paused = true;
    this.deps.expired();
    void this.deps.signedIn().then(() => {
      this.paused = false;
      for (const i of this.items) if (i.line.message === 'Chờ đăng nhập lại') i.line.message = '';
      this.changed();
      this.pump();
    });
  }

  // Places the batch's photos that are next in order and arrived; skips the failed.
  private release(batch: Batch<T>): void {
    while (batch.next < batch.items.length) {
      const item = batch.items[batch.next];
      if (item.line.status === 'failed') {
        batch.next++;
        continue;
      }
      if (item.line.status !== 'done' || !item.photo) return;
      batch.next++;
      this.place(batch.target, item.photo);
    }
  }
}
