// The newsroom's server side through its API and commands, on this run's store: accounts and
// sessions, CSRF and Origin, the editorial chain from draft to published, corrections and
// take-downs, revisions, the 409, autosave folding, differences, the preview, scheduling, the
// audit log, throttling, bad input, and the import that never overwrites newsroom work.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { NEEDS_ENGINE, eventually, rawExchange, getText, runImport, runToasoan, sleep, startServer, tempDir } from './helpers.mjs';
import { PASSWORD, STAFF, addStaff, fullPiece, loginRaw, publishThroughChain, session, signIn } from './newsroom_client.mjs';

describe('the newsroom', { skip: NEEDS_ENGINE }, () => {
  let tmp, db, server, base, m;

  before(async () => {
    tmp = tempDir();
    db = tmp.database();
    await addStaff(db);
    server = await startServer({ db, media: path.join(tmp.dir, 'media'), args: ['--no-access-log', '--password-cost', 'min', '--trusted-proxy', '127.0.0.1'] });
    base = server.url;
    m = {};
    for (const role of ['reporter', 'reporter2', 'editor', 'secretary', 'chief', 'admin', 'moderator'])
      m[role] = await signIn(base, STAFF[role]);
  });
  after(async () => {
    await server?.stop();
    tmp?.cleanup();
  });

  test('a login sets an HttpOnly, SameSite=Lax session cookie and answers the CSRF token and the user', async () => {
    const r = await loginRaw(base, STAFF.editor.username, PASSWORD);
    assert.equal(r.status, 200);
    const cookie = r.headers.get('set-cookie');
    assert.match(cookie, /^toasoan_session=[0-9a-f]{64}; /);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Path=\//);
    assert.doesNotMatch(cookie, /Secure/, 'plain http on loopback: no Secure');
    const proxied = await loginRaw(base, STAFF.editor.username, PASSWORD, { headers: { 'X-Forwarded-Proto': 'https' } });
    assert.match(proxied.headers.get('set-cookie'), /; Secure/, 'https at the trusted proxy: Secure');
    assert.match(r.json.csrf, /^[0-9a-f]{32,}$/);
    assert.equal(r.json.user.username, STAFF.editor.username);
    assert.deepEqual(r.json.user.roles, ['editor']);
    const me = await m.editor.api('GET', '/api/v1/admin/me');
    assert.equal(me.status, 200);
    assert.equal(me.json.user.display_name, 'Biên Tập');
  });

  test('an unknown user and a wrong password get the same answer', async () => {
    const a = await loginRaw(base, 'khong.co.ai', PASSWORD);
    const b = await loginRaw(base, STAFF.editor.username, 'sai mật khẩu rồi');
    assert.equal(a.status, 401);
    assert.equal(b.status, 401);
    assert.deepEqual(a.json, b.json);
  });

  test('without a session the admin API answers 401, and logging out ends the session', async () => {
    assert.equal((await fetch(`${base}/api/v1/admin/me`)).status, 401);
    const s = await signIn(base, STAFF.secretary);
    assert.equal((await s.api('GET', '/api/v1/admin/me')).status, 200);
    assert.equal((await s.api('DELETE', '/api/v1/session')).status, 204);
    assert.equal((await s.api('GET', '/api/v1/admin/me')).status, 401);
  });

  test('a change without the CSRF token, with another session\'s, or from another origin is refused', async () => {
    const body = JSON.stringify(fullPiece('Bài thử CSRF'));
    const post = (headers) =>
      fetch(`${base}/api/v1/admin/articles`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: m.reporter.cookie, ...headers },
        body,
      });
    assert.equal((await post({ Origin: base })).status, 403, 'no token');
    assert.equal((await post({ Origin: base, 'X-CSRF-Token': m.editor.csrf })).status, 403, "another session's token");
    assert.equal((await post({ Origin: 'http://evil.example', 'X-CSRF-Token': m.reporter.csrf })).status, 403, 'origin');
    assert.equal((await post({ 'X-CSRF-Token': m.reporter.csrf })).status, 403, 'neither Origin nor Referer');
    assert.equal((await post({ Referer: `${base}/toa-soan/`, 'X-CSRF-Token': m.reporter.csrf })).status, 201, 'Referer');
  });

  test('a piece goes from the reporter through the chain to the reading site', async () => {
    const title = 'Tỉnh triển khai nghị quyết về chuyển đổi số';
    const p = await publishThroughChain(m, fullPiece(title));
    assert.equal(p.state, 'published');
    assert.ok(p.slug.length > 0);
    const { value, ms } = await eventually(async () => {
      const r = await fetch(`${base}/api/v1/articles/${p.id}`);
      return r.status === 200 ? r.json() : null;
    });
    assert.ok(value, `published piece on the site within a second (${ms} ms)`);
    assert.equal(value.title, title);
    const page = await getText(value.url);
    assert.equal(page.status, 200);
    assert.match(page.text, /chuyển đổi số/);
    const found = await (await fetch(`${base}/api/v1/search?q=${encodeURIComponent('chuyen doi so')}`)).json();
    assert.ok(found.results.some((r) => r.id === p.id), 'found by search without marks');
  });

  test('a reporter may not publish, and sees only their own pieces', async () => {
    const created = await m.reporter.api('POST', '/api/v1/admin/articles', fullPiece('Bài riêng của phóng viên'));
    assert.equal(created.status, 201);
    assert.deepEqual(created.json.actions, ['submit']);
    const r = await m.reporter.api('POST', `/api/v1/admin/articles/${created.json.id}/actions`, { action: 'publish' });
    assert.equal(r.status, 403);
    assert.ok(r.json.reason.length > 0, 'the reason is given');
    const other = await m.reporter2.api('GET', `/api/v1/admin/articles/${created.json.id}`);
    assert.equal(other.status, 404, "another reporter's piece does not exist for them");
    const list = await m.reporter2.api('GET', '/api/v1/admin/articles');
    assert.ok(!list.json.articles.some((a) => a.id === created.json.id));
    const editorSees = await m.editor.api('GET', `/api/v1/admin/articles/${created.json.id}`);
    assert.equal(editorSees.status, 200);
    const mod = await m.moderator.api('GET', `/api/v1/admin/articles/${created.json.id}`);
    assert.equal(mod.status, 404, 'a moderator has no article rights');
  });

  test('publishing a piece without title, lead, category, author or body answers 422 naming each field', async () => {
    const created = await m.chief.api('POST', '/api/v1/admin/articles', { title: '' });
    assert.equal(created.status, 201);
    const id = created.json.id;
    for (const action of ['submit', 'pass', 'approve']) {
      const r = await m.chief.api('POST', `/api/v1/admin/articles/${id}/actions`, { action });
      assert.equal(r.status, 200, `${action}: ${r.text}`);
    }
    const r = await m.chief.api('POST', `/api/v1/admin/articles/${id}/actions`, { action: 'publish' });
    assert.equal(r.status, 422);
    assert.deepEqual(Object.keys(r.json.fields).sort(), ['authors', 'blocks', 'category', 'lead', 'title']);
  });

  test('returning a piece needs a note and puts it back with its author', async () => {
    const created = await m.reporter.api('POST', '/api/v1/admin/articles', fullPiece('Bài bị trả lại'));
    const id = created.json.id;
    assert.equal((await m.reporter.api('POST', `/api/v1/admin/articles/${id}/actions`, { action: 'submit' })).status, 200);
    const noNote = await m.editor.api('POST', `/api/v1/admin/articles/${id}/actions`, { action: 'return' });
    assert.equal(noNote.status, 422);
    assert.ok(noNote.json.fields.note);
    const ok = await m.editor.api('POST', `/api/v1/admin/articles/${id}/actions`, { action: 'return', note: 'Cần thêm nguồn' });
    assert.equal(ok.status, 200);
    assert.equal(ok.json.state, 'draft');
    assert.equal(ok.json.returned, true);
    const queues = await m.reporter.api('GET', '/api/v1/admin/queues');
    assert.ok(queues.json.queues.returned.first.some((a) => a.id === id));
  });

  test('a save based on an old revision answers 409 with the current one and overwrites nothing', async () => {
    const created = await m.reporter.api('POST', '/api/v1/admin/articles', fullPiece('Bài hai người cùng sửa'));
    const { id, revision } = created.json;
    const first = await m.reporter.api('PUT', `/api/v1/admin/articles/${id}`, { ...fullPiece('Tiêu đề của người thứ nhất'), revision });
    assert.equal(first.status, 200);
    const second = await m.reporter.api('PUT', `/api/v1/admin/articles/${id}`, { ...fullPiece('Tiêu đề của người thứ hai'), revision });
    assert.equal(second.status, 409);
    assert.equal(second.json.current.title, 'Tiêu đề của người thứ nhất');
    const now = await m.reporter.api('GET', `/api/v1/admin/articles/${id}`);
    assert.equal(now.json.title, 'Tiêu đề của người thứ nhất');
  });

  test('autosaves close together fold into one revision; an explicit save is its own', async () => {
    const created = await m.reporter.api('POST', '/api/v1/admin/articles', fullPiece('Bài tự lưu'));
    const id = created.json.id;
    const a = await m.reporter.api('PUT', `/api/v1/admin/articles/${id}`, { ...fullPiece('Bài tự lưu 1'), revision: created.json.revision, autosave: true });
    const b = await m.reporter.api('PUT', `/api/v1/admin/articles/${id}`, { ...fullPiece('Bài tự lưu 12'), revision: a.json.revision.id, autosave: true });
    assert.equal(b.json.revision.id, a.json.revision.id, 'folded');
    const c = await m.reporter.api('PUT', `/api/v1/admin/articles/${id}`, { ...fullPiece('Bài tự lưu 123'), revision: b.json.revision.id });
    assert.notEqual(c.json.revision.id, b.json.revision.id);
    const revs = await m.reporter.api('GET', `/api/v1/admin/articles/${id}/revisions`);
    assert.deepEqual(revs.json.revisions.map((r) => r.kind), ['save', 'autosave', 'create']);
    assert.deepEqual(revs.json.revisions.map((r) => r.username), Array(3).fill(STAFF.reporter.username), 'who wrote each');
    const one = await m.reporter.api('GET', `/api/v1/admin/articles/${id}/revisions/${c.json.revision.id}`);
    assert.equal(one.json.username, STAFF.reporter.username);
  });

  test('the difference between two revisions marks inserted and deleted words; restoring makes a new revision', async () => {
    const created = await m.reporter.api('POST', '/api/v1/admin/articles', fullPiece('Hội nghị'));
    const id = created.json.id;
    const saved = await m.reporter.api('PUT', `/api/v1/admin/articles/${id}`, { ...fullPiece('Hội nghị tỉnh'), revision: created.json.revision });
    const d = await m.reporter.api('GET', `/api/v1/admin/articles/${id}/revisions/${created.json.revision}/diff/${saved.json.revision.id}`);
    assert.equal(d.status, 200);
    assert.ok(d.json.title.some((r) => r.kind === 'inserted' && r.text.includes('tỉnh')), JSON.stringify(d.json.title));
    const restored = await m.reporter.api('POST', `/api/v1/admin/articles/${id}/revisions/${created.json.revision}/restore`, { revision: saved.json.revision.id });
    assert.equal(restored.status, 200);
    assert.equal(restored.json.kind, 'restore');
    const now = await m.reporter.api('GET', `/api/v1/admin/articles/${id}`);
    assert.equal(now.json.title, 'Hội nghị');
    assert.equal(now.json.revision, restored.json.id);
  });

  test('a correction shows on the page with its note; a take-down answers 410 and a restore brings it back', async () => {
    const p = await publishThroughChain(m, fullPiece('Bài sẽ được đính chính'));
    const saved = await m.chief.api('PUT', `/api/v1/admin/articles/${p.id}`, { ...fullPiece('Bài sẽ được đính chính'), lead: 'Sapo đã sửa.', revision: p.revision });
    assert.equal(saved.status, 200);
    const before = await (await fetch(`${base}/api/v1/articles/${p.id}`)).json();
    assert.notEqual(before.lead, 'Sapo đã sửa.', 'a saved correction is not public before it is published');
    const c = await m.chief.api('POST', `/api/v1/admin/articles/${p.id}/actions`, { action: 'correct', note: 'Sửa tên đơn vị tổ chức' });
    assert.equal(c.status, 200, c.text);
    const shown = await eventually(async () => {
      const page = await getText(before.url);
      return page.text.includes('Sửa tên đơn vị tổ chức') && page.text.includes('Sapo đã sửa.') ? page : null;
    });
    assert.ok(shown.value, 'the correction is on the page within a second');
    assert.match(shown.value.text, /Đính chính/);

    const down = await m.chief.api('POST', `/api/v1/admin/articles/${p.id}/actions`, { action: 'take_down', note: '' });
    assert.equal(down.status, 200);
    const gone = await eventually(async () => (await getText(before.url)).status === 410);
    assert.ok(gone.value, 'a taken-down article answers 410 within a second');
    const list = await (await fetch(`${base}/api/v1/articles?per_page=100`)).json();
    assert.ok(!list.articles.some((a) => a.id === p.id), 'and leaves the lists');
    const still = await m.chief.api('GET', `/api/v1/admin/articles/${p.id}`);
    assert.equal(still.json.state, 'taken_down', 'the newsroom still has it');
    assert.equal((await m.chief.api('POST', `/api/v1/admin/articles/${p.id}/actions`, { action: 'restore' })).status, 200);
    const back = await eventually(async () => (await getText(before.url)).status === 200);
    assert.ok(back.value);
  });

  test('a scheduled piece is published at its time without any request', async () => {
    const created = await m.chief.api('POST', '/api/v1/admin/articles', fullPiece('Bài hẹn giờ'));
    const id = created.json.id;
    for (const action of ['submit', 'pass', 'approve'])
      assert.equal((await m.chief.api('POST', `/api/v1/admin/articles/${id}/actions`, { action })).status, 200);
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000);
    const iso = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 19) + '+07:00';
    const s = await m.chief.api('POST', `/api/v1/admin/articles/${id}/actions`, { action: 'schedule', at: iso });
    assert.equal(s.status, 200, s.text);
    assert.equal(s.json.state, 'scheduled');
    assert.equal((await fetch(`${base}/api/v1/articles/${id}`)).status, 404, 'not before its time');
    await sleep(Math.max(0, at.getTime() - Date.now()));
    const seen = await eventually(async () => (await fetch(`${base}/api/v1/articles/${id}`)).status === 200, { withinMs: 1_200, everyMs: 50 });
    assert.ok(seen.value, `published within a second of its time (${seen.ms} ms)`);
    const p = await m.chief.api('GET', `/api/v1/admin/articles/${id}`);
    assert.equal(p.json.state, 'published');
  });

  test('the preview shows any revision to who may see the piece, never cached and noindex', async () => {
    const created = await m.reporter.api('POST', '/api/v1/admin/articles', fullPiece('Bài xem trước <b>đậm</b>'));
    const url = `${base}/toa-soan/xem-truoc/${created.json.id}`;
    const mine = await getText(url, { headers: { Cookie: m.reporter.cookie } });
    assert.equal(mine.status, 200);
    assert.match(mine.headers['cache-control'], /no-store/);
    assert.match(mine.text, /noindex/);
    assert.match(mine.text, /Bài xem trước &lt;b&gt;đậm&lt;\/b&gt;/, 'markup in a title is shown as text');
    assert.equal((await getText(url, { headers: { Cookie: m.reporter2.cookie } })).status, 404);
    assert.equal((await getText(url)).status, 401);
  });

  test('the audit log records actions and logins for the chief and admins only', async () => {
    const log = await m.chief.api('GET', '/api/v1/admin/audit?action=article.&per_page=200');
    assert.equal(log.status, 200);
    assert.ok(log.json.entries.some((e) => e.action === 'article.publish' && e.state_before === 'approved'));
    const logins = await m.admin.api('GET', '/api/v1/admin/audit?action=login.failed');
    assert.ok(logins.json.total >= 1);
    assert.equal((await m.reporter.api('GET', '/api/v1/admin/audit')).status, 403);
  });

  test('admins manage users; disabling one ends their sessions', async () => {
    const made = await m.admin.api('POST', '/api/v1/admin/users', { username: 'cong.tac.vien', display_name: 'Cộng Tác Viên', roles: ['reporter'], password: PASSWORD });
    assert.equal(made.status, 201, made.text);
    const weak = await m.admin.api('POST', '/api/v1/admin/users', { username: 'yeu', roles: ['reporter'], password: 'ngắn' });
    assert.equal(weak.status, 422);
    assert.ok(weak.json.fields.password);
    assert.equal((await m.editor.api('GET', '/api/v1/admin/users')).status, 403);
    const s = await signIn(base, 'cong.tac.vien');
    assert.equal((await s.api('GET', '/api/v1/admin/me')).status, 200);
    assert.equal((await m.admin.api('PATCH', `/api/v1/admin/users/${made.json.id}`, { disabled: true })).status, 200);
    assert.equal((await s.api('GET', '/api/v1/admin/me')).status, 401);
    const list = await runToasoan(['user', 'list', '--db', db]);
    assert.match(list.stdout, /cong\.tac\.vien.*disabled/);
  });

  test('bad input on the admin API gets a clear answer and changes nothing', async () => {
    const created = await m.reporter.api('POST', '/api/v1/admin/articles', fullPiece('Bài thử dữ liệu xấu'));
    const id = created.json.id;
    const put = (opts) => m.reporter.api('PUT', `/api/v1/admin/articles/${id}`, undefined, opts);
    assert.equal((await put({ raw: '{"title": ', headers: { 'Content-Type': 'application/json' } })).status, 400);
    assert.equal((await put({ raw: '{}', headers: { 'Content-Type': 'text/plain' } })).status, 415);
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    assert.equal((await put({ raw: `{"blocks": ${deep}}`, headers: { 'Content-Type': 'application/json' } })).status, 400);
    // A 10 MB body: refused from its Content-Length, before the body is read.
    const head =
      `PUT /api/v1/admin/articles/${id} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${m.reporter.cookie}\r\n` +
      `Origin: ${base}\r\nX-CSRF-Token: ${m.reporter.csrf}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${10 * 1024 * 1024}\r\n\r\n{"title": "`;
    const big = await rawExchange(server.port, head + 'a'.repeat(64 * 1024));
    assert.match(big.data.toString('latin1'), /^HTTP\/1\.1 413 /);
    const unknown = await m.reporter.api('PUT', `/api/v1/admin/articles/${id}`, { ...fullPiece('x'), revision: created.json.revision, color: 'red' });
    assert.equal(unknown.status, 422);
    assert.ok(unknown.json.fields.color);
    const wrongType = await m.reporter.api('PUT', `/api/v1/admin/articles/${id}`, { ...fullPiece('x'), title: 5, revision: created.json.revision });
    assert.equal(wrongType.status, 422);
    assert.ok(wrongType.json.fields.title);
    const badLink = await m.reporter.api('PUT', `/api/v1/admin/articles/${id}`, {
      ...fullPiece('x'),
      revision: created.json.revision,
      blocks: [{ type: 'paragraph', runs: [{ text: 'bấm', link: 'javascript:alert(1)' }] }],
    });
    assert.equal(badLink.status, 422);
    assert.ok(Object.keys(badLink.json.fields).some((k) => k.startsWith('blocks[0]')), JSON.stringify(badLink.json));
    assert.equal((await m.reporter.api('GET', '/api/v1/admin/articles/999999')).status, 404);
    assert.equal((await m.reporter.api('GET', '/api/v1/admin/articles/abc')).status, 404);
    const now = await m.reporter.api('GET', `/api/v1/admin/articles/${id}`);
    assert.equal(now.json.title, 'Bài thử dữ liệu xấu', 'nothing was changed');
    assert.equal(now.json.revision, created.json.revision);
  });

  test('every admin call that takes a body refuses broken JSON, a wrong type, an unknown field and a wrong content type', async () => {
    const p = await m.chief.api('POST', '/api/v1/admin/articles', fullPiece('Bài cho lời gọi xấu'));
    const calls = [
      [m.chief, 'POST', '/api/v1/admin/articles', { title: 5 }],
      [m.chief, 'PUT', `/api/v1/admin/articles/${p.json.id}`, { title: [], revision: p.json.revision }],
      [m.chief, 'POST', `/api/v1/admin/articles/${p.json.id}/actions`, { action: 7 }],
      [m.chief, 'POST', `/api/v1/admin/articles/${p.json.id}/revisions/${p.json.revision}/restore`, { revision: 'x' }],
      [m.admin, 'POST', '/api/v1/admin/users', { username: {}, roles: ['editor'], password: PASSWORD }],
      [m.admin, 'PATCH', `/api/v1/admin/users/${m.editor.user.id}`, { disabled: 'yes' }],
      [m.admin, 'PUT', '/api/v1/admin/settings', { chain: 1 }],
    ];
    for (const [who, method, path, wrongType] of calls) {
      const json = { 'Content-Type': 'application/json' };
      assert.equal((await who.api(method, path, undefined, { raw: '{"a": [1, 2', headers: json })).status, 400, `${method} ${path}: broken JSON`);
      assert.equal((await who.api(method, path, undefined, { raw: '{}', headers: { 'Content-Type': 'text/plain' } })).status, 415, `${method} ${path}: content type`);
      const typed = await who.api(method, path, wrongType);
      assert.equal(typed.status, 422, `${method} ${path}: wrong type: ${typed.text}`);
      assert.ok(Object.keys(typed.json.fields).length > 0);
      const unknown = await who.api(method, path, { ...wrongType, surplus: true });
      assert.equal(unknown.status, 422, `${method} ${path}: unknown field`);
    }
    const login = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: base }, body: '{"username": ' });
    assert.equal(login.status, 400);
    assert.equal((await m.chief.api('GET', `/api/v1/admin/articles/${p.json.id}`)).json.revision, p.json.revision, 'nothing changed');
    assert.equal((await m.admin.api('GET', '/api/v1/admin/settings')).json.chain, 'full');
  });

  test('script and markup in every text field are stored as text and shown escaped', async () => {
    const evil = '<script>alert(1)</script>"\'&';
    const p = await publishThroughChain(m, fullPiece(`Tiêu đề ${evil}`, { lead: `Sapo ${evil}`, authors: [`Tác giả ${evil}`], category: `Mục ${evil}` }));
    assert.equal(p.title, `Tiêu đề ${evil}`);
    const pub = await eventually(async () => {
      const r = await fetch(`${base}/api/v1/articles/${p.id}`);
      return r.status === 200 ? r.json() : null;
    });
    const page = await getText(pub.value.url);
    assert.ok(!page.text.includes('<script>alert(1)</script>'), 'never raw');
    assert.match(page.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  test('ten failed logins lock the account and the address with 429 and Retry-After', async () => {
    const from = (ip) => ({ headers: { 'X-Forwarded-For': ip } });
    for (let i = 0; i < 10; i++)
      assert.equal((await loginRaw(base, STAFF.moderator.username, `sai ${i} lần rồi đó`, from('203.0.113.7'))).status, 401);
    const locked = await loginRaw(base, STAFF.moderator.username, PASSWORD, from('198.51.100.9'));
    assert.equal(locked.status, 429, 'the account, from anywhere');
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    const address = await loginRaw(base, STAFF.editor.username, PASSWORD, from('203.0.113.7'));
    assert.equal(address.status, 429, 'the address, for any account');
    assert.equal((await loginRaw(base, STAFF.editor.username, PASSWORD, from('198.51.100.10'))).status, 200);
  });

  test('the import never silently overwrites a piece edited in the newsroom', async () => {
    const line = (title) => JSON.stringify({ id: 'nhap-1', title, lead: 'Sapo nhập.', body: 'Thân bài nhập.', category: 'Kinh tế', published: '2025-03-01T08:00:00+07:00' }) + '\n';
    assert.equal((await runImport({ db, input: line('Bài nhập lần đầu') })).code, 0);
    const list = await m.chief.api('GET', `/api/v1/admin/articles?q=${encodeURIComponent('bai nhap lan dau')}`);
    assert.equal(list.json.articles.length, 1);
    const id = list.json.articles[0].id;
    const p = await m.chief.api('GET', `/api/v1/admin/articles/${id}`);
    assert.equal(p.json.state, 'published');
    const edited = await m.chief.api('PUT', `/api/v1/admin/articles/${id}`, { ...fullPiece('Bài đã sửa trong tòa soạn'), revision: p.json.revision });
    assert.equal(edited.status, 200);
    const again = await runImport({ db, input: line('Bài nhập lần hai') });
    assert.match(again.stdout + again.stderr, /nhap-1/);
    assert.match(again.stdout + again.stderr, /--overwrite/);
    assert.equal((await m.chief.api('GET', `/api/v1/admin/articles/${id}`)).json.title, 'Bài đã sửa trong tòa soạn');
    const forced = await runToasoan(['import', '-', '--db', db, '--overwrite'], { input: line('Bài nhập lần ba') });
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal((await m.chief.api('GET', `/api/v1/admin/articles/${id}`)).json.title, 'Bài nhập lần ba');
  });
});
