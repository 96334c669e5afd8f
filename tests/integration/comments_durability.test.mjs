// A comment the reader was told about is on disk: comments are posted while the server is
// killed with SIGKILL, and after a restart every acknowledged one is there.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { NEEDS_ENGINE, NEEDS_SHARED, SEED_JSONL, importOk, skipIf, startServer, tempDir, findArticle, MODEL } from './helpers.mjs';
import { STAFF, addStaff, signIn } from './newsroom_client.mjs';
import { postComment } from './comments_client.mjs';

describe('durable comments', { skip: skipIf(NEEDS_ENGINE, NEEDS_SHARED) }, () => {
  let tmp, db, server;
  const args = ['--no-access-log', '--password-cost', 'min', '--comment-rate-limit', '0'];

  before(async () => {
    tmp = tempDir('toasoan-comment-kill-');
    db = tmp.database('comment_kill');
    await importOk(db, { file: SEED_JSONL });
    await addStaff(db);
  });
  after(async () => {
    await server?.stop();
    tmp?.cleanup();
  });

  test('every acknowledged comment survives a SIGKILL in the middle of posting', async () => {
    server = await startServer({ db, media: path.join(tmp.dir, 'media'), args });
    const id = (await findArticle(server.url, MODEL.title)).id;
    const acked = [];
    let killed = false;
    // 8 readers posting as fast as they can; the server is killed after 150 acknowledgements.
    const reader = async (r) => {
      for (let i = 0; !killed; i++) {
        const res = await postComment(server.url, id, { content: `Bạn đọc ${r} gửi lần ${i}` }).catch(() => null);
        if (!res) return;
        if (res.status === 202) acked.push(res.json.id);
        if (acked.length >= 150 && !killed) {
          killed = true;
          server.proc.kill('SIGKILL');
        }
      }
    };
    await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(reader));
    await server.stop();
    assert.ok(acked.length >= 150, `${acked.length} acknowledged before the kill`);

    server = await startServer({ db, media: path.join(tmp.dir, 'media'), args });
    const mod = await signIn(server.url, STAFF.moderator);
    const stored = new Set();
    for (let page = 1; ; page++) {
      const r = await mod.api('GET', `/api/v1/admin/comments?status=pending&per_page=200&page=${page}`);
      for (const c of r.json.comments) stored.add(c.id);
      if (r.json.comments.length < 200) break;
    }
    const lost = acked.filter((i) => !stored.has(i));
    assert.deepEqual(lost, [], `${lost.length} of ${acked.length} acknowledged comments lost`);
  });
});
