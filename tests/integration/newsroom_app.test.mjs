// The newsroom's web app as the binary serves it at /toa-soan/: one index.html for every screen
// with the app's Content-Security-Policy and no inline script, its assets cached for a year and
// compressed, the preview still the server's; and the two lists and the body counts the app
// reads from the admin API.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { NEEDS_ENGINE, getText, importOk, rawGet, request, startServer, tempDir } from './helpers.mjs';
import { STAFF, addStaff, signIn } from './newsroom_client.mjs';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

function assertAppHeaders(headers, what) {
  assert.equal(headers['content-security-policy'], CSP, `${what}: CSP`);
  assert.equal(headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
  assert.equal(headers['referrer-policy'], 'same-origin', `${what}: Referrer-Policy`);
  assert.equal(headers['x-robots-tag'], 'noindex', `${what}: X-Robots-Tag`);
}

/** The /toa-soan/assets/… addresses index.html loads: [{ url, kind: 'script' | 'style' }]. */
function assetsOf(html) {
  const found = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.push({ url: m[1], kind: 'script' });
  for (const m of html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)) found.push({ url: m[1], kind: 'style' });
  for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="stylesheet"/g)) found.push({ url: m[1], kind: 'style' });
  return found;
}

describe('the newsroom app at /toa-soan/', { skip: NEEDS_ENGINE }, () => {
  let tmp, db, server, base, editor, admin;

  before(async () => {
    tmp = tempDir();
    db = tmp.database();
    // Two categories, filed in this order: the menu's.
    const line = (id, title, category) =>
      JSON.stringify({ id, title, lead: 'Sapo.', body: 'Thân bài.', category, published: '2025-03-01T08:00:00+07:00' });
    await importOk(db, { input: [line('a-1', 'Bài một', 'Thời sự'), line('a-2', 'Bài hai', 'Kinh tế')].join('\n') + '\n' });
    await addStaff(db);
    server = await startServer({ db, media: path.join(tmp.dir, 'media'), args: ['--no-access-log', '--password-cost', 'min'] });
    base = server.url;
    editor = await signIn(base, STAFF.editor);
    admin = await signIn(base, STAFF.admin);
  });
  after(async () => {
    await server?.stop();
    tmp?.cleanup();
  });

  test('every screen answers the same index.html, with the CSP and no inline script', async () => {
    const home = await getText(`${base}/toa-soan/`);
    assert.equal(home.status, 200);
    assert.equal(home.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(home.headers['cache-control'], 'no-cache');
    assertAppHeaders(home.headers, '/toa-soan/');
    assert.match(home.text, /<div id="root">/);
    for (const tag of home.text.match(/<script\b[^>]*>/g) ?? [])
      assert.match(tag, /\bsrc="\/toa-soan\/assets\//, `a script with its own file, not inline: ${tag}`);
    assert.doesNotMatch(home.text, /\son[a-z]+=/i, 'no inline event handler');
    for (const screen of ['/toa-soan/bai/41', '/toa-soan/bai/moi', '/toa-soan/nguoi-dung', '/toa-soan/?u=1']) {
      const r = await getText(base + screen);
      assert.equal(r.status, 200, screen);
      assert.equal(r.text, home.text, `${screen} is the same page`);
      assertAppHeaders(r.headers, screen);
    }
    const head = await request(`${base}/toa-soan/bai/41`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(head.headers.etag, home.headers.etag);
    const again = await request(`${base}/toa-soan/bai/41`, { headers: { 'If-None-Match': home.headers.etag } });
    assert.equal(again.status, 304, 'revalidated, not sent again');
  });

  test('its scripts and stylesheets are cached for a year and sent compressed', async () => {
    const html = (await getText(`${base}/toa-soan/`)).text;
    const assets = assetsOf(html);
    assert.ok(assets.some((a) => a.kind === 'script'), 'index.html loads a script');
    for (const { url, kind } of assets) {
      assert.match(url, /^\/toa-soan\/assets\/[A-Za-z0-9._-]+\.(js|css)$/, url);
      const plain = await request(base + url);
      assert.equal(plain.status, 200, url);
      assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable', url);
      assert.equal(plain.headers['content-type'], kind === 'script' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8', url);
      assertAppHeaders(plain.headers, url);
      if (plain.body.length < 1024) continue; // too small to be worth compressing
      const br = await request(base + url, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      assert.equal(br.status, 200, url);
      assert.equal(br.headers['content-encoding'], 'br', url);
      assert.ok(br.body.length < plain.body.length / 2, `${url}: ${br.body.length} of ${plain.body.length} bytes`);
      assert.equal(br.headers.vary, 'Accept-Encoding');
    }
  });

  test('an unknown asset is 404, the bare folder moves, paths that walk out or are broken are refused', async () => {
    const missing = await request(`${base}/toa-soan/assets/khong-co-a1b2c3.js`);
    assert.equal(missing.status, 404);
    assertAppHeaders(missing.headers, 'the 404');
    const bare = await request(`${base}/toa-soan`);
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.location, '/toa-soan/');
    for (const target of ['/toa-soan/../etc/passwd', '/toa-soan/%2e%2e/index.html', '/toa-soan/assets/%2e%2e%2findex.html', '/toa-soan/xem-truoc/'])
      assert.equal((await rawGet(server.port, target)).status, 404, target);
    for (const target of ['/toa-soan/bai/%ZZ', '/toa-soan/%FF', '/toa-soan/a%00b'])
      assert.equal((await rawGet(server.port, target)).status, 400, target);
    const post = await fetch(`${base}/toa-soan/bai/41`, { method: 'POST' });
    assert.equal(post.status, 405);
  });

  test('/toa-soan/xem-truoc/{id} is still the preview, which needs a session', async () => {
    const r = await getText(`${base}/toa-soan/xem-truoc/1`);
    assert.equal(r.status, 401);
    assert.notEqual(r.headers['content-security-policy'], CSP, "the preview is the server's page, not the app");
  });

  test('GET /api/v1/admin/categories lists the categories in menu order with their ids', async () => {
    assert.equal((await fetch(`${base}/api/v1/admin/categories`)).status, 401);
    const r = await editor.api('GET', '/api/v1/admin/categories');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const menu = await (await fetch(`${base}/api/v1/categories`)).json();
    assert.deepEqual(
      r.json.categories.map((c) => [c.name, c.slug]),
      menu.categories.map((c) => [c.name, c.slug]),
      'the reading site menu order',
    );
    assert.ok(r.json.categories.some((c) => c.name === 'Kinh tế' && c.slug === 'kinh-te'));
    for (const c of r.json.categories) {
      assert.deepEqual(Object.keys(c).sort(), ['id', 'name', 'slug']);
      assert.ok(Number.isInteger(c.id) && c.id > 0);
    }
    // The desk's filter takes the id.
    const kinhTe = r.json.categories.find((c) => c.name === 'Kinh tế');
    const list = await editor.api('GET', `/api/v1/admin/articles?category=${kinhTe.id}`);
    assert.equal(list.status, 200);
    assert.deepEqual(list.json.articles.map((a) => a.title), ['Bài hai']);
  });

  test('GET /api/v1/admin/people lists every enabled member, without password data', async () => {
    assert.equal((await fetch(`${base}/api/v1/admin/people`)).status, 401);
    const reporter = await signIn(base, STAFF.reporter);
    const r = await reporter.api('GET', '/api/v1/admin/people');
    assert.equal(r.status, 200, 'any role');
    const names = r.json.people.map((p) => p.username);
    for (const m of Object.values(STAFF)) assert.ok(names.includes(m.username), m.username);
    for (const p of r.json.people) assert.deepEqual(Object.keys(p).sort(), ['display_name', 'id', 'roles', 'username']);
    const editorEntry = r.json.people.find((p) => p.username === STAFF.editor.username);
    assert.equal(editorEntry.display_name, 'Biên Tập');
    assert.deepEqual(editorEntry.roles, ['editor']);

    const moderator = r.json.people.find((p) => p.username === STAFF.moderator.username);
    assert.equal((await admin.api('PATCH', `/api/v1/admin/users/${moderator.id}`, { disabled: true })).status, 200);
    const after = await reporter.api('GET', '/api/v1/admin/people');
    assert.ok(!after.json.people.some((p) => p.username === STAFF.moderator.username), 'a disabled member is left out');
    assert.equal(after.json.people.length, r.json.people.length - 1);
  });

  test("a piece's counts are its body's words and characters", async () => {
    // Hand count: "Hà Nội – 2026" 3 words, 13 characters (typed decomposed: 16 code points);
    // "Tin mới" 2, 7; "Đúng vậy" 2, 8 (the cite not counted); list items "một" 1, 3 and
    // "hai ba" 2, 6; the caption "Ảnh minh họa" 3, 12 (the alt not counted). 13 words, 49.
    const body = {
      title: 'Bài đếm chữ',
      lead: 'Sapo không được đếm.',
      blocks: [
        { type: 'paragraph', runs: [{ text: 'Hà Nội '.normalize('NFD'), bold: true }, { text: '– 2026' }] },
        { type: 'heading', text: 'Tin mới' },
        { type: 'quote', text: 'Đúng vậy', cite: 'Ông Nguyễn Văn A' },
        { type: 'list', ordered: false, items: [[{ text: 'một' }], [{ text: 'hai ', bold: true }, { text: 'ba' }]] },
        { type: 'figure', image: '', caption: 'Ảnh minh họa', alt: 'Một bức ảnh' },
      ],
    };
    const created = await editor.api('POST', '/api/v1/admin/articles', body);
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(created.json.counts, { words: 13, chars: 49 });
    const got = await editor.api('GET', `/api/v1/admin/articles/${created.json.id}`);
    assert.deepEqual(got.json.counts, { words: 13, chars: 49 });
    const revs = await editor.api('GET', `/api/v1/admin/articles/${created.json.id}/revisions`);
    const rev = await editor.api('GET', `/api/v1/admin/articles/${created.json.id}/revisions/${revs.json.revisions[0].id}`);
    assert.deepEqual(rev.json.content.counts, { words: 13, chars: 49 });
    const empty = await editor.api('POST', '/api/v1/admin/articles', { title: 'Chưa có thân bài' });
    assert.deepEqual(empty.json.counts, { words: 0, chars: 0 });
  });

  test('the server stops cleanly', async () => {
    const { code } = await server.stop();
    assert.equal(code, 0);
  });
});
