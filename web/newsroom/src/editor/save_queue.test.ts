import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Content } from '../api/types';
import { createPiece, savePiece, type PieceWithCounts } from './api';
import { settled } from './in_flight';
import { decideOnOpen, storageCopies, type LocalCopy } from './local_copy';
import { AUTOSAVE_DELAY, LOCAL_DELAY, NotSaved, RETRY_DELAYS, SaveQueue, type QueueDeps } from './save_queue';

// --- a fake server behind a fake fetch ---

type Reply = { status: number; body: unknown } | 'offline';
interface Call {
  method: string;
  url: string;
  body: Record<string, unknown>;
}

class FakeServer {
  calls: Call[] = [];
  private replies: (Reply | Promise<Reply>)[] = [];
  revision = 10;

  /** The next request gets `r`. */
  reply(r: Reply): void {
    this.replies.push(r);
  }

  /** The next request waits until the returned function is called. */
  hold(): (r?: Reply) => void {
    let release!: (r: Reply) => void;
    this.replies.push(new Promise<Reply>((resolve) => (release = resolve)));
    return (r) => release(r ?? this.ok());
  }

  ok(): Reply {
    this.revision++;
    const piece = { ...pieceAt(this.revision) };
    return { status: 200, body: { revision: { id: this.revision }, article: piece } };
  }

  fetch = async (url: string, init: RequestInit): Promise<Response> => {
    this.calls.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : {} });
    const next = this.replies.shift();
    const r = next ? await next : init.method === 'POST' ? this.created() : this.ok();
    if (r === 'offline') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(r.body), { status: r.status, headers: { 'Content-Type': 'application/json' } });
  };

  private created(): Reply {
    this.revision++;
    return { status: 201, body: { ...pieceAt(this.revision), id: 77 } };
  }
}

const content = (title: string, text = 'Nội dung'): Content => ({
  title,
  lead: '',
  blocks: [{ type: 'paragraph', runs: [{ text }] }],
  authors: ['Huy Thành'],
  category: 'Thời sự',
  published: null,
});

function pieceAt(revision: number, c: Content = content('Của họ')): PieceWithCounts {
  return {
    ...c,
    id: 41,
    external_id: 'x',
    state: 'draft',
    state_label: 'Nháp',
    returned: false,
    revision,
    published_revision: null,
    created_by: 5,
    coauthors: [],
    created: '2026-12-05T08:00:00+07:00',
    updated: '2026-12-05T09:00:00+07:00',
    updated_by: 9,
    scheduled_at: null,
    slug: '',
    published_at: null,
    holder: null,
    actions: ['submit'],
  };
}

let server: FakeServer;
let typed: Content;
let online: boolean;
let signIn: () => void;
let queue: SaveQueue;
const copies = storageCopies();

function makeQueue(start: { id: number | null; revision: number | null }, extra: Partial<QueueDeps> = {}): SaveQueue {
  const signedIn = new Promise<void>((resolve) => (signIn = resolve));
  queue = new SaveQueue(
    {
      read: () => typed,
      create: createPiece,
      update: savePiece,
      copies,
      whenSignedIn: () => signedIn,
      isOnline: () => online,
      now: () => new Date(Date.now()),
      ...extra,
    },
    { ...start, content: content('Gốc') },
  );
  return queue;
}

/** The writer types: the content changes and the queue hears of it. */
function type(c: Content): void {
  typed = c;
  queue.changed();
}

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const status = () => queue.getState().status.kind;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-05T03:32:00Z'));
  server = new FakeServer();
  vi.stubGlobal('fetch', server.fetch);
  localStorage.clear();
  online = true;
  typed = content('Gốc');
});

afterEach(() => {
  queue?.dispose();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('autosave', () => {
  it('saves two seconds after typing stops, as an autosave on the revision the edit started from', async () => {
    makeQueue({ id: 41, revision: 10 });
    type(content('Mộ'));
    await advance(1500);
    type(content('Một'));
    await advance(1500);
    type(content('Một tin'));
    await advance(AUTOSAVE_DELAY - 1);
    expect(server.calls).toHaveLength(0);
    expect(status()).toBe('dirty');
    await advance(1);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]).toMatchObject({ method: 'PUT', url: '/api/v1/admin/articles/41' });
    expect(server.calls[0].body).toEqual({ ...content('Một tin'), revision: 10, autosave: true });
    expect(status()).toBe('saved');
    expect(queue.getState().revision).toBe(11);
  });

  it('sends text in NFC, whatever the input method typed', async () => {
    makeQueue({ id: 41, revision: 10 });
    type(content('Nghi\u0323 quyê\u0301t'));
    await advance(AUTOSAVE_DELAY);
    expect(server.calls[0].body.title).toBe('Nghị quyết');
  });

  it('saves at once on saveNow (Ctrl+S), without the autosave flag', async () => {
    makeQueue({ id: 41, revision: 10 });
    type(content('Một'));
    queue.saveNow();
    await advance(0);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0].body).toEqual({ ...content('Một'), revision: 10 });
    await advance(AUTOSAVE_DELAY * 2);
    expect(server.calls).toHaveLength(1);
  });

  it('saves changes made while a save is in flight after it, on the revision it returned', async () => {
    makeQueue({ id: 41, revision: 10 });
    const release = server.hold();
    type(content('Một'));
    await advance(AUTOSAVE_DELAY);
    expect(status()).toBe('saving');
    type(content('Một hai'));
    await advance(AUTOSAVE_DELAY);
    expect(server.calls).toHaveLength(1);
    release();
    await advance(0);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1].body).toMatchObject({ title: 'Một hai', revision: 11, autosave: true });
    expect(status()).toBe('saved');
  });

  it('shows unsaved after a save when typing went on during it', async () => {
    makeQueue({ id: 41, revision: 10 });
    const release = server.hold();
    type(content('Một'));
    await advance(AUTOSAVE_DELAY);
    type(content('Một hai'));
    release();
    await advance(0);
    expect(status()).toBe('dirty');
    expect(server.calls).toHaveLength(1);
    await advance(AUTOSAVE_DELAY);
    expect(server.calls).toHaveLength(2);
  });
});

describe('offline', () => {
  it('keeps the work, says offline, retries with backoff and at once when back online', async () => {
    makeQueue({ id: 41, revision: 10 });
    server.reply('offline');
    server.reply('offline');
    type(content('Mất mạng'));
    await advance(AUTOSAVE_DELAY);
    expect(status()).toBe('offline');
    expect(copies.read('toasoan:piece:41')?.content.title).toBe('Mất mạng');
    await advance(RETRY_DELAYS[0]);
    expect(server.calls).toHaveLength(2);
    expect(status()).toBe('offline');
    type(content('Mất mạng vẫn gõ'));
    queue.online();
    await advance(0);
    expect(server.calls).toHaveLength(3);
    expect(server.calls[2].body).toMatchObject({ title: 'Mất mạng vẫn gõ', revision: 10 });
    expect(status()).toBe('saved');
    expect(copies.read('toasoan:piece:41')).toBeNull();
  });

  it('does not try while the browser says it is offline, and tries again later', async () => {
    makeQueue({ id: 41, revision: 10 });
    online = false;
    type(content('Ngoại tuyến'));
    await advance(AUTOSAVE_DELAY);
    expect(server.calls).toHaveLength(0);
    expect(status()).toBe('offline');
    online = true;
    await advance(RETRY_DELAYS[0]);
    expect(server.calls).toHaveLength(1);
    expect(status()).toBe('saved');
  });

  it('treats a gateway that lost the server as offline', async () => {
    makeQueue({ id: 41, revision: 10 });
    server.reply({ status: 502, body: {} });
    type(content('Một'));
    await advance(AUTOSAVE_DELAY);
    expect(status()).toBe('offline');
  });
});

describe('session expired', () => {
  it('waits for the writer to sign in again, then sends', async () => {
    makeQueue({ id: 41, revision: 10 });
    server.reply({ status: 401, body: { error: 'unauthorized', reason: 'Hết phiên' } });
    type(content('Phiên hết'));
    await advance(AUTOSAVE_DELAY);
    expect(status()).toBe('expired');
    type(content('Phiên hết, gõ tiếp'));
    await advance(60_000);
    // Nothing is sent meanwhile (it would only answer 401); the copy holds the newest.
    expect(server.calls).toHaveLength(1);
    expect(copies.read('toasoan:piece:41')?.content.title).toBe('Phiên hết, gõ tiếp');
    signIn();
    await advance(0);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[server.calls.length - 1].body).toMatchObject({ title: 'Phiên hết, gõ tiếp' });
    expect(status()).toBe('saved');
  });
});

describe('conflict', () => {
  function conflicted() {
    makeQueue({ id: 41, revision: 10 });
    server.reply({ status: 409, body: { error: 'conflict', reason: 'Có người vừa lưu', current: pieceAt(15) } });
    type(content('Của tôi'));
    return advance(AUTOSAVE_DELAY);
  }

  it('opens the conflict with their piece and my base, and pauses autosave', async () => {
    await conflicted();
    expect(status()).toBe('conflict');
    const c = queue.getState().conflict!;
    expect(c.current.revision).toBe(15);
    expect(c.base?.title).toBe('Gốc');
    expect(c.baseRevision).toBe(10);
    type(content('Của tôi, thêm'));
    await advance(AUTOSAVE_DELAY * 10);
    expect(server.calls).toHaveLength(1);
    expect(copies.read('toasoan:piece:41')?.content.title).toBe('Của tôi, thêm');
    await expect(queue.flush()).rejects.toBeInstanceOf(NotSaved);
  });

  it('keeps mine: saves it over theirs with their revision', async () => {
    await conflicted();
    queue.keepMine();
    await advance(0);
    expect(server.calls[1].body).toEqual({ ...content('Của tôi'), revision: 15 });
    expect(status()).toBe('saved');
    expect(queue.getState().conflict).toBeNull();
  });

  it('takes theirs: mine goes to a recovery key, nothing is sent', async () => {
    await conflicted();
    const key = queue.takeTheirs();
    expect(key).toMatch(/^toasoan:recovery:41:/);
    expect(copies.read(key)?.content.title).toBe('Của tôi');
    expect(copies.read('toasoan:piece:41')).toBeNull();
    expect(queue.getState()).toMatchObject({ conflict: null, revision: 15, status: { kind: 'idle' } });
    typed = content('Của họ');
    type(content('Của họ, sửa'));
    await advance(AUTOSAVE_DELAY);
    expect(server.calls[1].body).toMatchObject({ title: 'Của họ, sửa', revision: 15 });
  });
});

describe('refusals', () => {
  it('says why and tries again on the next change', async () => {
    makeQueue({ id: 41, revision: 10 });
    server.reply({ status: 422, body: { error: 'invalid', reason: 'Dài quá 300 ký tự', fields: { title: 'Dài quá 300 ký tự' } } });
    type(content('x'.repeat(301)));
    await advance(AUTOSAVE_DELAY);
    expect(queue.getState().status).toEqual({
      kind: 'error',
      message: 'Dài quá 300 ký tự',
      fields: { title: 'Dài quá 300 ký tự' },
      retrying: false,
    });
    await advance(60_000);
    expect(server.calls).toHaveLength(1);
    type(content('Ngắn'));
    await advance(AUTOSAVE_DELAY);
    expect(status()).toBe('saved');
  });
});

describe('a new piece', () => {
  it('is created only once something is typed, then saved by id', async () => {
    const created = vi.fn();
    makeQueue({ id: null, revision: null }, { onCreated: created });
    typed = { ...content(''), blocks: [], category: '' };
    queue.changed();
    await advance(AUTOSAVE_DELAY);
    expect(server.calls).toHaveLength(0);
    type(content('Bài mới'));
    await advance(LOCAL_DELAY);
    expect(copies.read('toasoan:piece:new')?.content.title).toBe('Bài mới');
    await advance(AUTOSAVE_DELAY);
    expect(server.calls[0]).toMatchObject({ method: 'POST', url: '/api/v1/admin/articles', body: content('Bài mới') });
    expect(created).toHaveBeenCalledWith(expect.objectContaining({ id: 77 }));
    expect(queue.getState().id).toBe(77);
    expect(copies.read('toasoan:piece:new')).toBeNull();
    type(content('Bài mới, tiếp'));
    await advance(AUTOSAVE_DELAY);
    expect(server.calls[1]).toMatchObject({ method: 'PUT', url: '/api/v1/admin/articles/77', body: { revision: 11 } });
  });
});

describe('the local copy', () => {
  it('is written within a second of a change, with the base revision, and removed once saved', async () => {
    makeQueue({ id: 41, revision: 10 });
    type(content('Một'));
    await advance(LOCAL_DELAY - 1);
    expect(copies.read('toasoan:piece:41')).toBeNull();
    await advance(1);
    expect(copies.read('toasoan:piece:41')).toMatchObject({ base: 10, content: { title: 'Một' } });
    await advance(AUTOSAVE_DELAY);
    expect(copies.read('toasoan:piece:41')).toBeNull();
  });

  it('is written at once on writeLocal (the tab is hidden or closed)', () => {
    makeQueue({ id: 41, revision: 10 });
    type(content('Đóng tab'));
    queue.writeLocal();
    expect(copies.read('toasoan:piece:41')?.content.title).toBe('Đóng tab');
  });

  it('is written only when something is unsaved', () => {
    makeQueue({ id: 41, revision: 10 });
    queue.writeLocal();
    expect(copies.read('toasoan:piece:41')).toBeNull();
  });
});

describe('closing the page', () => {
  it('sends what is unsaved at once, and the next open waits for it', async () => {
    makeQueue({ id: 41, revision: 10 });
    const release = server.hold();
    type(content('Đóng trang'));
    queue.dispose();
    await advance(0);
    expect(server.calls).toHaveLength(1);
    expect(copies.read('toasoan:piece:41')?.content.title).toBe('Đóng trang');
    let opened = false;
    void settled(41).then(() => (opened = true));
    await advance(0);
    expect(opened).toBe(false);
    release();
    await advance(0);
    expect(opened).toBe(true);
    expect(copies.read('toasoan:piece:41')).toBeNull();
  });

  it('creates a new piece it closes with, without taking the writer back to it', async () => {
    const created = vi.fn();
    makeQueue({ id: null, revision: null }, { onCreated: created });
    type(content('Bài mới bỏ dở'));
    queue.dispose();
    await advance(0);
    expect(server.calls[0]).toMatchObject({ method: 'POST' });
    expect(created).not.toHaveBeenCalled();
  });
});

describe('flush (before an action)', () => {
  it('resolves once everything is saved', async () => {
    makeQueue({ id: 41, revision: 10 });
    type(content('Gửi'));
    const done = queue.flush();
    await advance(0);
    await done;
    expect(server.calls[0].body).toEqual({ ...content('Gửi'), revision: 10 });
    expect(queue.dirty).toBe(false);
  });

  it('waits for a save in flight and then saves what came after', async () => {
    makeQueue({ id: 41, revision: 10 });
    const release = server.hold();
    type(content('Một'));
    await advance(AUTOSAVE_DELAY);
    type(content('Một hai'));
    const done = queue.flush();
    release();
    await advance(0);
    await done;
    expect(server.calls.map((c) => c.body.title)).toEqual(['Một', 'Một hai']);
  });

  it('rejects when offline', async () => {
    makeQueue({ id: 41, revision: 10 });
    online = false;
    type(content('Gửi'));
    await expect(queue.flush()).rejects.toBeInstanceOf(NotSaved);
  });

  it('resolves at once when nothing is unsaved', async () => {
    makeQueue({ id: 41, revision: 10 });
    await queue.flush();
    expect(server.calls).toHaveLength(0);
  });
});

describe('decideOnOpen', () => {
  const copy = (base: number | null, title: string): LocalCopy => ({ content: content(title), base, at: '2026-12-05T03:00:00Z' });
  const server15 = { revision: 15, content: content('Trên máy chủ') };

  it('does nothing without a copy', () => {
    expect(decideOnOpen(null, server15)).toEqual({ kind: 'none' });
  });
  it('drops a copy the server already has, whatever its base', () => {
    expect(decideOnOpen(copy(12, 'Trên máy chủ'), server15)).toEqual({ kind: 'drop' });
    expect(decideOnOpen(copy(15, 'Trên ma\u0301y chu\u0309'), server15)).toEqual({ kind: 'drop' });
  });
  it('restores a copy typed on the server’s revision', () => {
    expect(decideOnOpen(copy(15, 'Chưa lưu'), server15)).toMatchObject({ kind: 'restore' });
  });
  it('makes a copy typed on an older revision a conflict, never dropping it', () => {
    expect(decideOnOpen(copy(12, 'Chưa lưu'), server15)).toMatchObject({ kind: 'conflict' });
  });
});
