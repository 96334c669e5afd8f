// Readers' comments on two nodes sharing one PostgreSQL database: a page open on node B sees a
// comment approved on node A within a second (the change log's NOTIFY), and the rate limits
// count a reader's comments on both nodes together.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { NEEDS_POSTGRES, NEEDS_SHARED, SEED_JSONL, importOk, requirePostgresUnderCi, skipIf, startServer, tempDir, findArticle, MODEL } from './helpers.mjs';
import { STAFF, addStaff, signIn } from './newsroom_client.mjs';
import { openEvents, postComment, queued } from './comments_client.mjs';

requirePostgresUnderCi();

describe('comments on two nodes', { skip: skipIf(NEEDS_POSTGRES, NEEDS_SHARED) }, () => {
  let tmp, db, a, b, id;

  before(async () => {
    tmp = tempDir('toasoan-comment-nodes-');
    db = tmp.database('comment_nodes', 'postgres');
    await importOk(db, { file: SEED_JSONL });
    await addStaff(db);
    const args = ['--no-access-log', '--password-cost', 'min', '--db-pool', '4', '--comment-rate-limit', '5'];
    a = await startServer({ db, media: path.join(tmp.dir, 'media'), args });
    b = await startServer({ db, media: path.join(tmp.dir, 'media'), args });
    id = (await findArticle(a.url, MODEL.title)).id;
  });
  after(async () => {
    await a?.stop();
    await b?.stop();
    tmp?.cleanup();
  });

  test('a page open on node B sees a comment approved on node A within a second', async () => {
    const mod = await signIn(a.url, STAFF.moderator);
    const stream = openEvents(b.url, `/api/v1/articles/${id}/comments/stream`);
    await stream.opened;
    const text = `Bình luận qua hai máy ${Date.now()}`;
    assert.equal((await postComment(b.url, id, { content: text })).status, 202);
    const c = await queued(mod, text);
    const t0 = Date.now();
    assert.equal((await mod.api('POST', `/api/v1/admin/comments/${c.id}/actions`, { action: 'approve' })).status, 200);
    const e = await stream.next((x) => x.event === 'comment' && JSON.parse(x.data).id === c.id, 3000);
    const ms = Date.now() - t0;
    stream.close();
    assert.ok(e, 'the approval reached node B’s stream');
    assert.ok(ms < 1000, `within a second: ${ms} ms`);
  });

  test('five comments a minute from one address, counted on both nodes together', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const node = i % 2 ? a : b;
      statuses.push((await postComment(node.url, id, { content: `Bình luận giới hạn ${i} ${Date.now()}` })).status);
    }
    // The first test posted one from this address already.
    assert.deepEqual(statuses.slice(0, 4), [202, 202, 202, 202]);
    assert.deepEqual(statuses.slice(4), [429, 429]);
  });
});
