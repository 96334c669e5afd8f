// The upload queue's rules: two at a time, a 503 sent again after its Retry-After, a 401 waits
// for the sign-in instead of failing, the server's reason per failed file, and a pick's photos
// placed in the order picked whatever order they arrive in.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { Photo } from './api';
import { photo } from './testing_photo';
import { MAX_IN_FLIGHT, UploadQueue, type UploadDeps, type UploadLine } from './upload_queue';

interface Pending {
  file: File;
  progress: (s: number) => void;
  resolve: (p: Photo) => void;
  reject: (e: unknown) => void;
}

const file = (name: string) => new File(['x'], name, { type: 'image/jpeg' });
const tick = () => new Promise((r) => setTimeout(r, 0));

function setUp() {
  const pending: Pending[] = [];
  const sleeps: { ms: number; wake: () => void }[] = [];
  let signIn: () => void = () => {};
  let expired = 0;
  const deps: UploadDeps = {
    send: (f, progress) => new Promise((resolve, reject) => pending.push({ file: f, progress, resolve, reject })),
    sleep: (ms) => new Promise((wake) => sleeps.push({ ms, wake: () => wake() })),
    signedIn: () => new Promise((r) => (signIn = r)),
    expired: () => expired++,
  };
  let lines: UploadLine[] = [];
  const placed: string[] = [];
  const queue = new UploadQueue<string>(deps, (l) => (lines = l), (target, p) => placed.push(`${target}:${p.filename}`));
  return {
    queue,
    pending,
    sleeps,
    placed,
    lines: () => lines,
    signIn: () => signIn(),
    expired: () => expired,
    take: (name: string) => {
      const i = pending.findIndex((p) => p.file.name === name);
      return pending.splice(i, 1)[0];
    },
  };
}

describe('the upload queue', () => {
  it('sends two files at a time and the next when one is done', async () => {
    const t = setUp();
    t.queue.add(['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg'].map(file), 'ở đây');
    expect(t.pending.map((p) => p.file.name)).toEqual(['a.jpg', 'b.jpg']);
    expect(MAX_IN_FLIGHT).toBe(2);
    expect(t.lines().map((l) => l.status)).toEqual(['sending', 'sending', 'waiting', 'waiting']);
    t.take('a.jpg').resolve(photo(1, { filename: 'a.jpg' }));
    await tick();
    expect(t.pending.map((p) => p.file.name)).toEqual(['b.jpg', 'c.jpg']);
  });

  it('shows the progress of each file', () => {
    const t = setUp();
    t.queue.add([file('a.jpg')], 'x');
    t.pending[0].progress(0.4);
    expect(t.lines()[0]).toMatchObject({ name: 'a.jpg', status: 'sending', sent: 0.4 });
  });

  it('places a pick’s photos in the order picked, skipping a refused one', async () => {
    const t = setUp();
    t.queue.add(['a.jpg', 'b.jpg', 'c.jpg'].map(file), 'ở đây');
    t.take('b.jpg').resolve(photo(2, { filename: 'b.jpg' }));
    await tick();
    expect(t.placed).toEqual([]);
    t.take('a.jpg').reject(new ApiError(422, 'invalid', 'Tệp không phải ảnh', { reason: 'Tệp "a.jpg" không phải là ảnh JPEG' }));
    await tick();
    expect(t.placed).toEqual(['ở đây:b.jpg']);
    t.take('c.jpg').resolve(photo(3, { filename: 'c.jpg' }));
    await tick();
    expect(t.placed).toEqual(['ở đây:b.jpg', 'ở đây:c.jpg']);
    expect(t.lines().map((l) => [l.status, l.message])).toEqual([
      ['failed', 'Tệp "a.jpg" không phải là ảnh JPEG'],
      ['done', ''],
      ['done', ''],
    ]);
  });

  it('gives each failure its own message: the server’s reason, or the lost connection', async () => {
    const t = setUp();
    t.queue.add(['lon.jpg', 'mang.jpg'].map(file), 'x');
    t.take('lon.jpg').reject(new ApiError(413, 'too_large', 'x', { reason: 'Ảnh lớn hơn 20 MB' }));
    t.take('mang.jpg').reject(new ApiError(0, 'offline', 'Mất kết nối tới máy chủ'));
    await tick();
    expect(t.lines().map((l) => l.message)).toEqual(['Ảnh lớn hơn 20 MB', 'Mất kết nối tới máy chủ — ảnh chưa được tải lên.']);
    expect(t.placed).toEqual([]);
  });

  it('sends a 503 again after its Retry-After, a few times, then gives up with the reason', async () => {
    const t = setUp();
    t.queue.add([file('a.jpg')], 'x');
    for (let i = 0; i < 3; i++) {
      t.take('a.jpg').reject(new ApiError(503, 'busy', 'x', { reason: 'Hàng đợi ảnh đầy' }, 5));
      await tick();
      expect(t.lines()[0]).toMatchObject({ status: 'retrying', message: 'Máy chủ đang bận, thử lại sau 5 giây…' });
      expect(t.sleeps.map((s) => s.ms)).toEqual([5000]);
      t.sleeps.shift()!.wake();
      await tick();
      expect(t.pending).toHaveLength(1);
    }
    t.take('a.jpg').reject(new ApiError(503, 'busy', 'x', { reason: 'Hàng đợi ảnh đầy' }, 5));
    await tick();
    expect(t.lines()[0]).toMatchObject({ status: 'failed', message: 'Hàng đợi ảnh đầy' });
  });

  it('keeps the files through an ended session and goes on once signed in again', async () => {
    const t = setUp();
    t.queue.add(['a.jpg', 'b.jpg', 'c.jpg'].map(file), 'x');
    t.take('a.jpg').reject(new ApiError(401, 'unauthorized', 'Hết phiên'));
    await tick();
    expect(t.expired()).toBe(1);
    // Nothing new is sent while signed out; b, already on its way, may come back 401 too.
    expect(t.pending.map((p) => p.file.name)).toEqual(['b.jpg']);
    t.take('b.jpg').reject(new ApiError(401, 'unauthorized', 'Hết phiên'));
    await tick();
    expect(t.expired()).toBe(1);
    expect(t.lines().map((l) => l.status)).toEqual(['waiting', 'waiting', 'waiting']);
    t.signIn();
    await tick();
    expect(t.pending.map((p) => p.file.name)).toEqual(['a.jpg', 'b.jpg']);
  });

  it('sends a failed file again on "Thử lại" and places it then', async () => {
    const t = setUp();
    t.queue.add([file('a.jpg')], 'x');
    t.take('a.jpg').reject(new ApiError(0, 'offline', 'Mất kết nối'));
    await tick();
    t.queue.retry(t.lines()[0].key);
    t.take('a.jpg').resolve(photo(1, { filename: 'a.jpg' }));
    await tick();
    expect(t.placed).toEqual(['x:a.jpg']);
    t.queue.clearFinished();
    expect(t.lines()).toEqual([]);
  });
});
