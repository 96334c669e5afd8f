// The newsroom on two nodes sharing one PostgreSQL database: sessions, lock-outs, presence and
// the schedule live in the database, so what happens on one node holds on the other — a
// password changed or a user disabled on one ends their session on the other at once; failed
// logins count across both; each sees who has a piece open on the other; a piece published
// through one shows on both within a second; a scheduled piece is published exactly once.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { NEEDS_POSTGRES, eventually, getText, psql, requirePostgresUnderCi, sleep, startServer, tempDir } from './helpers.mjs';
import { PASSWORD, STAFF, addStaff, fullPiece, loginRaw, publishThroughChain, session, signIn } from './newsroom_client.mjs';

requirePostgresUnderCi();

describe('the newsroom on two nodes', { skip: NEEDS_POSTGRES }, () => {
  let tmp, db, a, b;

  before(async () => {
    tmp = tempDir('toasoan-newsroom-nodes-');
    db = tmp.database('newsroom_nodes', 'postgres');
    await addStaff(db);
    const args = ['--no-access-log', '--password-cost', 'min', '--db-pool', '4', '--trusted-proxy', '127.0.0.1'];
    a = await startServer({ db, media: path.join(tmp.dir, 'media'), args });
    b = await startServer({ db, media: path.join(tmp.dir, 'media'), args });
  });
  after(async () => {
    await a?.stop();
    await b?.stop();
    tmp?.cleanup();
  });

  // A session opened on node A, used on node B (its Origin is B's: each node's public URL is its own).
  const onB = (s) => session(b.url, s.cookie, s.csrf, s.user);

  test('a session opened on one node works on the other, and ends there when the password changes', async () => {
    const admin = await signIn(a.url, STAFF.admin);
    const s = await signIn(a.url, STAFF.secretary);
    assert.equal((await onB(s).api('GET', '/api/v1/admin/me')).status, 200);
    const users = await admin.api('GET', '/api/v1/admin/users');
    const id = users.json.users.find((u) => u.username === STAFF.secretary.username).id;
    const changed = await admin.api('PATCH', `/api/v1/admin/users/${id}`, { password: 'một mật khẩu mới hẳn' });
    assert.equal(changed.status, 200, changed.text);
    assert.equal((await onB(s).api('GET', '/api/v1/admin/me')).status, 401);
    assert.equal((await loginRaw(b.url, STAFF.secretary.username, 'một mật khẩu mới hẳn')).status, 200);
  });

  test('a user disabled through one node is signed out on the other', async () => {
    const admin = await signIn(b.url, STAFF.admin);
    const s = await signIn(a.url, STAFF.reporter2);
    const users = await admin.api('GET', '/api/v1/admin/users');
    const id = users.json.users.find((u) => u.username === STAFF.reporter2.username).id;
    assert.equal((await admin.api('PATCH', `/api/v1/admin/users/${id}`, { disabled: true })).status, 200);
    assert.equal((await s.api('GET', '/api/v1/admin/me')).status, 401);
  });

  test('failed logins count across nodes', async () => {
    const from = { headers: { 'X-Forwarded-For': '192.0.2.44' } };
    for (let i = 0; i < 10; i++) {
      const node = i % 2 ? a : b;
      assert.equal((await loginRaw(node.url, STAFF.moderator.username, `sai lần thứ ${i} nhé`, from)).status, 401);
    }
    const locked = await loginRaw(a.url, STAFF.moderator.username, PASSWORD, { headers: { 'X-Forwarded-For': '192.0.2.45' } });
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
  });

  test('each node sees who has a piece open on the other', async () => {
    const reporter = await signIn(a.url, STAFF.reporter);
    const editor = await signIn(b.url, STAFF.editor);
    const p = await reporter.api('POST', '/api/v1/admin/articles', fullPiece('Bài đang mở ở hai nơi'));
    assert.equal((await reporter.api('POST', `/api/v1/admin/articles/${p.json.id}/presence`)).status, 200);
    const seen = await editor.api('POST', `/api/v1/admin/articles/${p.json.id}/presence`);
    assert.deepEqual(seen.json.present.map((x) => x.username), [STAFF.reporter.username]);
    const back = await reporter.api('GET', `/api/v1/admin/articles/${p.json.id}/presence`);
    assert.deepEqual(back.json.present.map((x) => x.username), [STAFF.editor.username]);
  });

  test('a piece published through one node shows on both within a second', async () => {
    const m = {
      reporter: await signIn(a.url, STAFF.reporter),
      editor: await signIn(a.url, STAFF.editor),
      secretary: await signIn(a.url, STAFF.secretary, 'một mật khẩu mới hẳn'),
      chief: await signIn(a.url, STAFF.chief),
    };
    // Both nodes have the home page cached before.
    for (const n of [a, b]) assert.equal((await getText(`${n.url}/`)).status, 200);
    const title = 'Bài xuất bản hiện trên cả hai máy chủ';
    const p = await publishThroughChain(m, fullPiece(title));
    const both = await Promise.all(
      [a, b].map((n) =>
        eventually(async () => (await getText(`${n.url}/`)).text.includes(title) && (await fetch(`${n.url}/api/v1/articles/${p.id}`)).status === 200),
      ),
    );
    for (const r of both) assert.ok(r.value, `visible within a second (${r.ms} ms)`);
  });

  test('a scheduled piece is published once, by one node, within a second of its time', async () => {
    const chief = await signIn(a.url, STAFF.chief);
    const ids = [];
    const at = Math.ceil(Date.now() / 1000) * 1000 + 3000;
    const iso = new Date(at + 7 * 3600_000).toISOString().slice(0, 19) + '+07:00';
    for (let i = 0; i < 4; i++) {
      const c = await chief.api('POST', '/api/v1/admin/articles', fullPiece(`Bài hẹn giờ hai máy số ${i}`));
      for (const action of ['submit', 'pass', 'approve'])
        assert.equal((await chief.api('POST', `/api/v1/admin/articles/${c.json.id}/actions`, { action })).status, 200);
      const s = await chief.api('POST', `/api/v1/admin/articles/${c.json.id}/actions`, { action: 'schedule', at: iso });
      assert.equal(s.status, 200, s.text);
      ids.push(c.json.id);
    }
    await sleep(Math.max(0, at - Date.now()));
    const seen = await Promise.all(
      [a, b].map((n) =>
        eventually(async () => {
          for (const id of ids) if ((await fetch(`${n.url}/api/v1/articles/${id}`)).status !== 200) return false;
          return true;
        }, { withinMs: 1_200, everyMs: 50 }),
      ),
    );
    for (const r of seen) assert.ok(r.value, `all published within a second on each node (${r.ms} ms)`);
    const lines = psql(
      `SELECT count(*) FROM audit_log WHERE action = 'article.publish' AND user_id IS NULL AND article_id IN (${ids.join(',')})`,
      { url: db },
    );
    assert.equal(Number(lines), ids.length, 'one publication per piece');
  });
});
