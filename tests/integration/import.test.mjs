// `toasoan import` as an operator uses it: bad lines reported by number and skipped, the good
// ones kept, a summary, exit statuses, idempotent re-imports, standard input.
// The first tests make their own lines; the corpus test needs ../shared. Runs on the engine
// TOASOAN_TEST_ENGINE names (helpers.mjs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  ENGINE,
  NEEDS_ENGINE,
  NEEDS_SHARED,
  SEED_JSONL,
  corpusSlice,
  findArticle,
  runImport,
  sqliteOnly,
  startServer,
  tempDir,
  writeFile,
} from './helpers.mjs';
import { makeBomb, makePhoto } from './photos_client.mjs';

const article = (id, title, extra = {}) =>
  JSON.stringify({
    id,
    title,
    lead: `Đoạn dẫn của bài ${id}.`,
    body: 'Đoạn thứ nhất của bài.\n\nĐoạn thứ hai của bài.',
    category: 'Xã hội',
    published: '2023-03-01T09:15:00+07:00',
    ...extra,
  });

// Line numbers are 1-based and count blank lines too.
const lines = [
  /* 1 */ article('t-1', 'Bài tốt thứ nhất'),
  /* 2 */ '{"id": "t-broken", "title": "JSON hỏng", ',
  /* 3 */ article('t-3', 'Bài tốt thứ hai', { authors: ['Lê Văn A', 'Trần Thị B'] }),
  /* 4 */ JSON.stringify({ id: 't-notitle', lead: 'Không có tiêu đề', body: 'x' }),
  /* 5 */ '',
  /* 6 */ null, // invalid UTF-8, filled in below
  /* 7 */ JSON.stringify({ id: 't-block', title: 'Khối lạ', blocks: [{ type: 'video', src: 'x.mp4' }] }),
  /* 8 */ article('t-8', 'Bài tốt thứ ba', { category: 'Thể thao' }),
  /* 9 */ JSON.stringify({ id: 't-blanktitle', title: '   ', body: 'x' }),
];
const badLines = [2, 4, 6, 7, 9];
const goodTitles = ['Bài tốt thứ nhất', 'Bài tốt thứ hai', 'Bài tốt thứ ba'];

function fileWithBadLines() {
  const parts = lines.map((l, i) =>
    i === 5
      ? Buffer.concat([Buffer.from('{"id": "t-utf8", "title": "Ti'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('u đề"}')])
      : Buffer.from(l),
  );
  const out = [];
  for (const p of parts) out.push(p, Buffer.from('\n'));
  return Buffer.concat(out);
}

describe('toasoan import', { skip: NEEDS_ENGINE }, () => {
  let tmp;
  before(() => {
    tmp = tempDir();
  });
  after(() => tmp.cleanup());

  test('bad lines are reported with their numbers, good lines kept, exit status 1', async () => {
    const db = tmp.database('bad');
    const file = writeFile(tmp.dir, 'bad.jsonl', fileWithBadLines());
    const r = await runImport({ db, file });
    assert.equal(r.code, 1, `exit 1 when a line was rejected\n${r.stderr}`);
    const reported = [...r.stderr.matchAll(/^dòng (\d+): bỏ qua: (.+)$/gm)].map((m) => Number(m[1]));
    assert.deepEqual(reported, badLines, `each bad line once, by number:\n${r.stderr}`);
    const why = Object.fromEntries([...r.stderr.matchAll(/^dòng (\d+): bỏ qua: (.+)$/gm)].map((m) => [m[1], m[2]]));
    assert.match(why[2], /JSON/, 'broken JSON says so');
    assert.match(why[4], /tiêu đề|title/, 'a missing title says so');
    assert.match(why[6], /UTF-8/, 'invalid UTF-8 says so');
    assert.match(why[7], /video|khối|block/i, 'an unknown block type says so');
    assert.match(r.stdout, /Đã nhập 3 bài mới, cập nhật 0 bài, bỏ qua 5 dòng lỗi/);

    // The good lines are on the site.
    const s = await startServer({ db, media: path.join(tmp.dir, 'media'), args: ['--no-access-log'] });
    try {
      const j = await (await fetch(`${s.url}/api/v1/articles?per_page=100`)).json();
      assert.equal(j.total, 3);
      assert.deepEqual(j.articles.map((a) => a.title).sort(), [...goodTitles].sort());
      const two = j.articles.find((a) => a.title === 'Bài tốt thứ hai');
      const full = await (await fetch(`${s.url}/api/v1/articles/${two.id}`)).json();
      assert.deepEqual(full.authors, ['Lê Văn A', 'Trần Thị B']);
      assert.deepEqual(
        full.blocks.map((b) => b.text),
        ['Đoạn thứ nhất của bài.', 'Đoạn thứ hai của bài.'],
        'a plain body becomes paragraphs at blank lines',
      );
      assert.equal(full.published, '2023-03-01T09:15:00+07:00');
      const cats = (await (await fetch(`${s.url}/api/v1/categories`)).json()).categories.map((c) => c.slug);
      assert.deepEqual(cats.sort(), ['the-thao', 'xa-hoi'], 'categories are created as they appear');
    } finally {
      assert.equal((await s.stop()).code, 0);
    }
  });

  test('re-importing the same file updates instead of duplicating', async () => {
    const db = tmp.database('again');
    const file = writeFile(tmp.dir, 'good.jsonl', lines.filter((l, i) => !badLines.includes(i + 1)).join('\n') + '\n');
    const first = await runImport({ db, file });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Đã nhập 3 bài mới, cập nhật 0 bài, bỏ qua 0 dòng lỗi/);
    const second = await runImport({ db, file });
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /Đã nhập 0 bài mới, cập nhật 3 bài, bỏ qua 0 dòng lỗi/);
    const s = await startServer({ db, media: path.join(tmp.dir, 'media'), args: ['--no-access-log'] });
    try {
      const j = await (await fetch(`${s.url}/api/v1/articles`)).json();
      assert.equal(j.total, 3, 'still three articles');
    } finally {
      assert.equal((await s.stop()).code, 0);
    }
  });

  test('"-" reads standard input; CRLF line ends and a BOM are accepted', async () => {
    const db = tmp.database('stdin');
    const input = '\uFEFF' + article('s-1', 'Bài từ đầu vào chuẩn') + '\r\n' + article('s-2', 'Bài thứ hai') + '\r\n';
    const r = await runImport({ db, file: '-', input });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Đã nhập 2 bài mới, cập nhật 0 bài, bỏ qua 0 dòng lỗi/);
  });

  test('decomposed Vietnamese is stored precomposed (NFC)', async () => {
    const db = tmp.database('nfc');
    const decomposed = 'Nghi\u0323 quye\u0302\u0301t mo\u031b\u0301i'; // "Nghị quyết mới" as e + marks
    const r = await runImport({ db, input: article('n-1', decomposed) + '\n' });
    assert.equal(r.code, 0, r.stderr);
    const s = await startServer({ db, media: path.join(tmp.dir, 'media'), args: ['--no-access-log'] });
    try {
      const a = (await (await fetch(`${s.url}/api/v1/articles`)).json()).articles[0];
      assert.equal(a.title, 'Nghị quyết mới');
      assert.equal(a.title, decomposed.normalize('NFC'));
      assert.match(a.url, /\/xa-hoi\/nghi-quyet-moi-\d+\.html$/);
    } finally {
      assert.equal((await s.stop()).code, 0);
    }
  });

  // A careless re-import: a line that corrects a title must not erase the rest of the article
  // nor publish again one that was taken down.
  test('an update keeps what its line does not carry, and an omitted status never re-publishes', async () => {
    const db = tmp.database('partial');
    const first = [
      JSON.stringify({
        id: 'ok1',
        title: 'A',
        lead: 'Đoạn dẫn giữ lại.',
        body: 'Thân bài một.\n\nThân bài hai.',
        authors: ['Lê Văn A'],
        category: 'Xã hội',
        published: '2023-03-01T09:15:00+07:00',
        status: 'unpublished',
      }),
      article('ok2', 'Bài vẫn đăng', { category: 'Thể thao' }),
    ];
    const r1 = await runImport({ db, input: first.join('\n') + '\n' });
    assert.equal(r1.code, 0, r1.stderr);
    // The first article of a fresh database is number 1 on both engines.
    const r2 = await runImport({ db, input: JSON.stringify({ id: 'ok1', title: 'fix typo' }) + '\n' });
    assert.equal(r2.code, 0, r2.stderr);
    assert.match(r2.stdout, /Đã nhập 0 bài mới, cập nhật 1 bài/);
    let s = await startServer({ db, media: path.join(tmp.dir, 'media'), args: ['--no-access-log'] });
    try {
      assert.equal((await fetch(`${s.url}/api/v1/articles/1`)).status, 404, 'still taken down (API)');
      assert.equal((await fetch(`${s.url}/xa-hoi/fix-typo-1.html`)).status, 410, 'still taken down (page)');
      const j = await (await fetch(`${s.url}/api/v1/articles`)).json();
      assert.deepEqual(j.articles.map((a) => a.title), ['Bài vẫn đăng']);
      const cats = (await (await fetch(`${s.url}/api/v1/categories`)).json()).categories.map((c) => c.slug);
      assert.ok(!cats.includes('tin-tuc'), `no default category made for an update: ${cats}`);
    } finally {
      assert.equal((await s.stop()).code, 0);
    }
    // Published again only when a line says so; everything else it had is still there.
    const r3 = await runImport({ db, input: JSON.stringify({ id: 'ok1', title: 'fix typo', status: 'published' }) + '\n' });
    assert.equal(r3.code, 0, r3.stderr);
    s = await startServer({ db, media: path.join(tmp.dir, 'media'), args: ['--no-access-log'] });
    try {
      const full = await (await fetch(`${s.url}/api/v1/articles/1`)).json();
      assert.equal(full.title, 'fix typo');
      assert.equal(full.lead, 'Đoạn dẫn giữ lại.');
      assert.deepEqual(full.blocks.map((b) => b.text), ['Thân bài một.', 'Thân bài hai.']);
      assert.deepEqual(full.authors, ['Lê Văn A']);
      assert.equal(full.category.name, 'Xã hội');
      assert.equal(full.published, '2023-03-01T09:15:00+07:00');
      const page = await fetch(`${s.url}/xa-hoi/fix-typo-1.html`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Thân bài hai\./);
    } finally {
      assert.equal((await s.stop()).code, 0);
    }
  });

  test('a category named like one of the site\'s own addresses gets a suffix; /media/ still serves files', async () => {
    const db = tmp.database('reserved');
    const media = path.join(tmp.dir, 'media-reserved');
    fs.mkdirSync(media, { recursive: true });
    fs.writeFileSync(path.join(media, 'anh.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const r = await runImport({
      db,
      input: [article('m-1', 'Tin truyền thông', { category: 'Media' }), article('m-2', 'Tin RSS', { category: 'RSS' })].join('\n') + '\n',
    });
    assert.equal(r.code, 0, r.stderr);
    const s = await startServer({ db, media, args: ['--no-access-log'] });
    try {
      const cats = (await (await fetch(`${s.url}/api/v1/categories`)).json()).categories.map((c) => c.slug);
      assert.deepEqual(cats.sort(), ['media-2', 'rss-2']);
      const home = await (await fetch(`${s.url}/`)).text();
      assert.match(home, /href="\/media-2\/"/, 'the menu links the suffixed address');
      const list = await fetch(`${s.url}/media-2/`);
      assert.equal(list.status, 200);
      assert.match(await list.text(), /Tin truyền thông/);
      const a = await findArticle(s.url, 'Tin truyền thông');
      assert.match(a.url, /\/media-2\/tin-truyen-thong-\d+\.html$/);
      assert.equal((await fetch(a.url.replace(/^https?:\/\/[^/]+/, s.url))).status, 200);
      assert.equal((await fetch(`${s.url}/media/anh.svg`)).status, 200, '/media/ still serves files');
      assert.equal((await fetch(`${s.url}/rss/`)).status, 200, '/rss/ is still the feeds');
    } finally {
      assert.equal((await s.stop()).code, 0);
    }
  });

  test('a figure\'s photo file goes into the photo library once and is shown as a <picture> of its variants', async () => {
    const db = tmp.database('photos');
    const media = path.join(tmp.dir, 'media-photos');
    const dir = path.join(tmp.dir, 'feed');
    fs.mkdirSync(path.join(dir, 'anh'), { recursive: true });
    makePhoto(path.join(dir, 'anh'), 'cho-phien', 1200, 800, 'jpg');
    fs.writeFileSync(path.join(dir, 'hong.jpg'), '<html>không phải ảnh</html>');
    makeBomb(dir);
    const figure = (file, caption) => ({ blocks: [{ type: 'paragraph', text: 'Đoạn.' }, { type: 'figure', file, caption }] });
    const file = path.join(dir, 'bai.jsonl');
    fs.writeFileSync(
      file,
      [
        article('f-1', 'Chợ phiên vùng cao', figure('anh/cho-phien.jpg', 'Chợ phiên sáng chủ nhật.')),
        article('f-2', 'Chợ phiên lần hai', figure(path.join(dir, 'anh', 'cho-phien.jpg'), 'Lần hai.')),
        article('f-3', 'Ảnh hỏng', figure('hong.jpg', 'Hỏng.')),
        article('f-4', 'Ảnh bom', figure('bomb.png', 'Bom.')),
        article('f-5', 'Không có ảnh', figure('khong-co.jpg', 'Thiếu.')),
      ].join('\n') + '\n',
    );
    const r = await runImport({ db, file, media });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /Đã nhập 2 bài mới, cập nhật 0 bài, bỏ qua 3 dòng lỗi, 1 ảnh mới, 1 ảnh đã có/);
    assert.match(r.stderr, /^dòng 3: bỏ qua: khối 2: ảnh hong\.jpg: .+$/m);
    assert.match(r.stderr, /^dòng 4: bỏ qua: khối 2: ảnh bomb\.png: .+$/m);
    assert.match(r.stderr, /^dòng 5: bỏ qua: khối 2: ảnh khong-co\.jpg: không có tệp này$/m);
    // Imported again: still one photo, its variants not written twice.
    const again = await runImport({ db, file, media });
    assert.match(again.stdout, /Đã nhập 0 bài mới, cập nhật 2 bài, bỏ qua 3 dòng lỗi, 0 ảnh mới, 2 ảnh đã có/);
    const files = fs.readdirSync(media, { recursive: true }).filter((f) => fs.statSync(path.join(media, f)).isFile());
    const hashes = new Set(files.map((f) => path.basename(f).slice(0, 64)));
    assert.equal(hashes.size, 1, files.join(' '));

    const s = await startServer({ db, media, args: ['--no-access-log'] });
    try {
      for (const title of ['Chợ phiên vùng cao', 'Chợ phiên lần hai']) {
        const a = await findArticle(s.url, title);
        const html = await (await fetch(a.url.replace(/^https?:\/\/[^/]+/, s.url))).text();
        const picture = html.match(/<figure><picture>(.*?)<\/picture>/)?.[1];
        assert.ok(picture, `${title}: a <picture>`);
        const variants = [...picture.matchAll(/(\/media\/anh\/[0-9a-f]{2}\/[0-9a-f]{64}-\d+\.(webp|jpg)) \d+w/g)];
        assert.ok(variants.length >= 4, picture);
        for (const [, url, ext] of variants) {
          const v = await fetch(s.url + url);
          assert.equal(v.status, 200, url);
          assert.equal(v.headers.get('content-type'), ext === 'webp' ? 'image/webp' : 'image/jpeg', url);
        }
        assert.match(html, /width="1200" height="800"/);
      }
      assert.ok(!(await findArticle(s.url, 'Ảnh hỏng').catch(() => null)), 'nothing of a refused line is stored');
    } finally {
      assert.equal((await s.stop()).code, 0);
    }
  });

  test('dates before 1945 or more than a year ahead are refused by line; a 1950 article is in its monthly sitemap', async () => {
    const db = tmp.database('dates');
    const ahead = new Date(Date.now() + 2 * 366 * 86400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const input = [
      /* 1 */ article('d-1944', 'Bài năm 1944', { published: '1944-12-31T10:00:00+07:00' }),
      /* 2 */ article('d-1950', 'Bài năm 1950', { published: '1950-03-15T08:00:00+07:00' }),
      /* 3 */ article('d-ahead', 'Bài hai năm sau', { published: ahead }),
      /* 4 */ article('d-1969', 'Bài cuối năm 1969', { published: '1969-12-31T23:30:00+07:00' }),
    ].join('\n') + '\n';
    const r = await runImport({ db, input });
    assert.equal(r.code, 1, r.stderr);
    const why = Object.fromEntries([...r.stderr.matchAll(/^dòng (\d+): bỏ qua: (.+)$/gm)].map((m) => [m[1], m[2]]));
    assert.deepEqual(Object.keys(why), ['1', '3'], r.stderr);
    assert.match(why[1], /1945/);
    assert.match(why[3], /một năm/);
    assert.match(r.stdout, /Đã nhập 2 bài mới, cập nhật 0 bài, bỏ qua 2 dòng lỗi/);
    const s = await startServer({ db, media: path.join(tmp.dir, 'media'), args: ['--no-access-log'] });
    try {
      const index = await (await fetch(`${s.url}/sitemap.xml`)).text();
      const parts = [...index.matchAll(/<loc>[^<]*\/(sitemap-articles-[^<]+)<\/loc>/g)].map((m) => m[1]);
      assert.deepEqual(parts.sort(), ['sitemap-articles-1950-03-1.xml', 'sitemap-articles-1969-12-1.xml'], index);
      const a = await findArticle(s.url, 'Bài năm 1950');
      assert.equal(a.published, '1950-03-15T08:00:00+07:00');
      const part = await fetch(`${s.url}/sitemap-articles-1950-03-1.xml`);
      assert.equal(part.status, 200);
      const xml = await part.text();
      assert.ok(xml.includes(a.url), `the 1950 part lists the article: ${xml}`);
      assert.ok(!xml.includes('nam-1969'), 'and only its month');
      const dec = await (await fetch(`${s.url}/sitemap-articles-1969-12-1.xml`)).text();
      assert.match(dec, /bai-cuoi-nam-1969/);
      const page = await (await fetch(a.url.replace(/^https?:\/\/[^/]+/, s.url))).text();
      assert.match(page, /15\/03\/1950/);
    } finally {
      assert.equal((await s.stop()).code, 0);
    }
  });

  test('a missing file: exit 2 and a message naming it', async () => {
    const db = tmp.database('missing');
    const missing = path.join(tmp.dir, 'khong-co-tep-nay.jsonl');
    const r = await runImport({ db, file: missing });
    assert.equal(r.code, 2);
    assert.ok(r.stderr.includes(missing), `the message names the file: ${r.stderr}`);
    assert.equal(r.stdout, '', 'no summary when nothing ran');
  });

  test('a folder instead of a file: exit 2', async () => {
    const dir = await runImport({ db: tmp.database('x'), file: tmp.dir });
    assert.equal(dir.code, 2, dir.stderr);
    assert.ok(dir.stderr.length > 0);
  });

  test('a database file that is not one: exit 2', { skip: sqliteOnly('a file that is not a database') }, async () => {
    const notDb = writeFile(tmp.dir, 'not-a-db.db', 'đây không phải cơ sở dữ liệu\n'.repeat(200));
    const r = await runImport({ db: notDb, input: article('x-1', 'Bài') + '\n' });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /SQLite|cơ sở dữ liệu/);
  });

  test('a PostgreSQL server that is not there: exit 2 and one line', { skip: ENGINE !== 'postgres' && 'PostgreSQL only' }, async () => {
    const nowhere = path.join(tmp.dir, 'no-server-here');
    const r = await runImport({
      db: `postgresql://postgres@/toasoan_nowhere?host=${nowhere}`,
      input: article('x-2', 'Bài') + '\n',
    });
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
    assert.ok(r.stderr.includes('toasoan_nowhere') || r.stderr.includes(nowhere), `names the database: ${r.stderr}`);
    assert.equal(r.stdout, '', 'no summary when nothing ran');
  });

  test('the model article and a corpus slice import cleanly, from a file and from stdin', { skip: NEEDS_SHARED }, async () => {
    const db = tmp.database('corpus');
    const seed = await runImport({ db, file: SEED_JSONL });
    assert.equal(seed.code, 0, seed.stderr);
    assert.match(seed.stdout, /Đã nhập 1 bài mới/);
    const r = await runImport({ db, input: corpusSlice(300) });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Đã nhập 300 bài mới, cập nhật 0 bài, bỏ qua 0 dòng lỗi/);
    const again = await runImport({ db, input: corpusSlice(300) });
    assert.match(again.stdout, /Đã nhập 0 bài mới, cập nhật 300 bài/);
  });
});
