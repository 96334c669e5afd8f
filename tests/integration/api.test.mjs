// The JSON read API, and what readers see when the newsroom changes an article under a
// running server: a new title, an unpublished article. Needs ../shared.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  MODEL,
  NEEDS_ENGINE,
  NEEDS_SHARED,
  SEED_JSONL,
  eventually,
  findArticle,
  getText,
  importOk,
  request,
  skipIf,
  startNewspaper,
  startServer,
  tempDir,
} from './helpers.mjs';

const json = async (url) => {
  const r = await fetch(url);
  return { status: r.status, type: r.headers.get('content-type'), body: await r.json() };
};

describe('JSON API', { skip: skipIf(NEEDS_SHARED, NEEDS_ENGINE) }, () => {
  let paper;
  let base;
  before(async () => {
    paper = await startNewspaper({ corpusLines: 120 });
    base = paper.server.url;
  });
  after(async () => {
    if (paper) await paper.close();
  });

  test('/api/v1/articles: newest first, paged, with each article’s summary', async () => {
    const r = await json(`${base}/api/v1/articles`);
    assert.equal(r.status, 200);
    assert.match(r.type, /^application\/json/);
    const { articles, page, per_page: perPage, total } = r.body;
    assert.equal(page, 1);
    assert.equal(perPage, 20);
    assert.equal(total, 121, 'the model article and 120 from the corpus');
    assert.equal(articles.length, 20);
    for (const a of articles) {
      assert.equal(typeof a.id, 'number');
      assert.ok(a.title && typeof a.lead === 'string', 'title and lead');
      assert.match(a.url, /^https?:\/\/[^/]+\/[a-z0-9-]+\/[a-z0-9-]+-\d+\.html$/, a.url);
      assert.ok(a.category.name && a.category.slug && a.category.url, 'category with name, slug and url');
      assert.match(a.published, /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?\+07:00$/, a.published);
      assert.ok('image' in a);
    }
    const times = articles.map((a) => Date.parse(a.published));
    assert.deepEqual(times, [...times].sort((x, y) => y - x), 'newest first');
    assert.equal(articles[0].title, MODEL.title, 'the model article (2022) is the newest');

    const p2 = await json(`${base}/api/v1/articles?page=2&per_page=50`);
    assert.equal(p2.body.page, 2);
    assert.equal(p2.body.articles.length, 50);
    const all = await json(`${base}/api/v1/articles?per_page=100`);
    assert.deepEqual(
      p2.body.articles.map((a) => a.id),
      all.body.articles.slice(50, 100).map((a) => a.id),
      'pages follow each other',
    );
  });

  test('?category= keeps one category', async () => {
    const cats = (await json(`${base}/api/v1/categories`)).body.categories;
    let sum = 0;
    for (const c of cats) {
      const r = await json(`${base}/api/v1/articles?per_page=100&category=${c.slug}`);
      assert.equal(r.status, 200);
      assert.ok(r.body.articles.every((a) => a.category.slug === c.slug), `only ${c.slug}`);
      sum += r.body.total;
    }
    assert.equal(sum, 121, 'every article is in one category');
  });

  test('/api/v1/articles/{id}: the article with authors, times and blocks', async () => {
    const r = await json(`${base}/api/v1/articles/${paper.model.id}`);
    assert.equal(r.status, 200);
    const a = r.body;
    assert.equal(a.id, paper.model.id);
    assert.equal(a.title, MODEL.title);
    assert.equal(a.url, paper.model.url);
    assert.deepEqual(a.authors, ['Huy Thành', 'Mạnh Hùng']);
    assert.equal(a.published, '2022-12-08T07:30:00+07:00');
    assert.match(a.updated, /\+07:00$/);
    assert.deepEqual(a.category, paper.model.category);
    const figures = a.blocks.filter((b) => b.type === 'figure');
    assert.deepEqual(
      figures.map((f) => f.caption),
      MODEL.captions,
    );
    assert.ok(a.blocks.filter((b) => b.type === 'paragraph').length >= 4);
    const seed = JSON.parse(readFileSync(SEED_JSONL, 'utf8'));
    assert.equal(a.blocks.length, seed.blocks.length, 'every block of the import');
  });

  test('the single view repeats the list’s summary, photo included', async () => {
    const withPhoto = {
      id: 'test-photo',
      title: 'Bài có ảnh để kiểm tra API',
      lead: 'Ảnh đầu tiên là ảnh đại diện của bài.',
      blocks: [
        { type: 'paragraph', text: 'Mở đầu.' },
        { type: 'figure', image: 'anh/2017/ruong-bac-thang.jpg', width: 1200, height: 800, caption: 'Ruộng bậc thang.' },
      ],
      category: 'Văn hóa',
      published: '2017-01-02T08:00:00+07:00',
    };
    await importOk(paper.db, { input: JSON.stringify(withPhoto) + '\n' });
    const listed = await eventually(() => findArticle(base, withPhoto.title), { withinMs: 1_500 });
    assert.ok(listed.value, 'listed');
    assert.match(listed.value.image ?? '', /\/media\/anh\/2017\/ruong-bac-thang\.jpg$/, 'the list names its photo');
    const one = (await json(`${base}/api/v1/articles/${listed.value.id}`)).body;
    for (const k of ['id', 'url', 'title', 'lead', 'category', 'published', 'image']) {
      assert.deepEqual(one[k], listed.value[k], `"${k}" is the same in /articles/{id} as in the list`);
    }
  });

  test('/api/v1/categories lists each category with its page', async () => {
    const r = await json(`${base}/api/v1/categories`);
    assert.equal(r.status, 200);
    const slugs = r.body.categories.map((c) => c.slug);
    assert.ok(slugs.includes('thoi-su'), 'the model article’s "Thời sự"');
    assert.equal(new Set(slugs).size, slugs.length, 'no duplicates');
    for (const c of r.body.categories) {
      assert.equal(new URL(c.url).pathname, `/${c.slug}/`);
      assert.equal((await request(`${base}/${c.slug}/`)).status, 200, `${c.slug} has a page`);
    }
  });

  test('errors are JSON with a status and a message', async () => {
    const cases = [
      ['/api/v1/articles/999999', 404],
      ['/api/v1/articles/abc', 404],
      ['/api/v1/articles/0', 404],
      ['/api/v1/articles?page=0', 400],
      ['/api/v1/articles?page=x', 400],
      ['/api/v1/articles?per_page=0', 400],
      ['/api/v1/articles?per_page=1000', 400],
      ['/api/v1/articles?category=khong-co', 404],
      ['/api/v1/khong-co', 404],
    ];
    for (const [p, status] of cases) {
      const r = await json(base + p);
      assert.equal(r.status, status, p);
      assert.match(r.type, /^application\/json/, p);
      assert.equal(r.body.error?.status, status, `${p}: error.status`);
      assert.ok(typeof r.body.error.message === 'string' && r.body.error.message.length > 0, `${p}: a message`);
    }
  });

  test('a changed title shows within a second after a re-import (cache invalidation)', async () => {
    // Warm the caches first: the page, the home page, the API.
    const oldPath = paper.modelPath;
    assert.equal((await request(base + oldPath)).status, 200);
    assert.equal((await request(base + '/')).status, 200);
    const seed = JSON.parse(readFileSync(SEED_JSONL, 'utf8'));
    const newTitle = 'Tiêu đề đã sửa: ' + seed.title;
    const r = await importOk(paper.db, { input: JSON.stringify({ ...seed, title: newTitle }) + '\n' });
    assert.match(r.stdout, /cập nhật 1 bài/);

    // Every cached form must change: the old address, the home page and the API.
    let location = null;
    const seen = await eventually(
      async () => {
        const moved = await request(base + oldPath);
        if (moved.status !== 301) return false;
        location = moved.headers.location;
        const home = (await getText(base + '/')).text;
        if (!home.includes(newTitle) || home.includes(`>${seed.title}<`)) return false;
        return (await json(`${base}/api/v1/articles/${paper.model.id}`)).body.title === newTitle;
      },
      { withinMs: 1_000 },
    );
    assert.ok(!seen.timedOut, `the change shows everywhere within ~1 s (waited ${seen.ms} ms)`);
    const newPath = new URL(location, base).pathname;
    assert.match(newPath, new RegExp(`^/thoi-su/tieu-de-da-sua-trien-khai-[a-z0-9-]+-${paper.model.id}\\.html$`));
    const page = await getText(base + newPath);
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(`<h1>${newTitle}</h1>`), 'the page shows the new title');
    paper.modelPath = newPath;
  });

  test('an unpublished article answers 410 on its page, 404 in the API, and is absent from every list', async () => {
    const hidden = {
      id: 'an-test-unpublished',
      title: 'Bài chưa được xuất bản không được lộ ra ngoài',
      lead: 'Bài này chỉ tòa soạn được thấy.',
      body: 'Nội dung bí mật của tòa soạn.',
      category: 'Thời sự',
      // A minute ago: newer than everything, so it would top every list (a later time would
      // keep it off the lists until then).
      published: new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      status: 'unpublished',
    };
    const before = await json(`${base}/api/v1/articles?per_page=1`);
    await importOk(paper.db, { input: JSON.stringify(hidden) + '\n' });
    // Published first, then taken down: the reader saw it, and must stop seeing it.
    await importOk(paper.db, { input: JSON.stringify({ ...hidden, status: 'published' }) + '\n' });
    const shown = await eventually(async () => findArticle(base, hidden.title), { withinMs: 1_500 });
    assert.ok(shown.value, 'once published it is listed');
    const url = new URL(shown.value.url).pathname;
    assert.equal((await request(base + url)).status, 200);
    // The API page asked above was not cached yet; the home page was, until the change is seen.
    const onHome = await eventually(async () => (await getText(base + '/')).text.includes(hidden.title), {
      withinMs: 1_000,
    });
    assert.ok(!onHome.timedOut, 'the home page shows it within ~1 s');

    await importOk(paper.db, { input: JSON.stringify(hidden) + '\n' });
    // Each page may have been cached while it was published; all must drop it within ~1 s.
    const pages = ['/', '/thoi-su/', paper.modelPath];
    const gone = await eventually(
      async () => {
        if ((await request(base + url)).status !== 410) return false;
        for (const p of pages) if ((await getText(base + p)).text.includes(hidden.title)) return false;
        return true;
      },
      { withinMs: 1_000 },
    );
    assert.ok(!gone.timedOut, `gone from its page and every list within ~1 s of unpublishing (${gone.ms} ms)`);
    // It was published once: its address says it was taken down (410), in Vietnamese.
    const page = await getText(base + url);
    assert.match(page.text, /Bài viết đã được gỡ/);
    assert.ok(!page.text.includes(hidden.title), 'the page names nothing of it');
    assert.equal((await json(`${base}/api/v1/articles/${shown.value.id}`)).status, 404);
    assert.equal(await findArticle(base, hidden.title), null, 'not in the API list');
    assert.equal((await json(`${base}/api/v1/articles?per_page=1`)).body.total, before.body.total, 'not counted');
    for (const p of pages) {
      const html = (await getText(base + p)).text;
      assert.ok(!html.includes(hidden.title), `not on ${p}`);
      assert.ok(!html.includes(url), `no link on ${p}`);
    }
    // Under another slug it is gone too, with no 301 that would reveal its address.
    const other = await request(`${base}/thoi-su/bai-khac-${shown.value.id}.html`);
    assert.equal(other.status, 410);
    assert.equal(other.headers.location, undefined);
  });

  test('SIGTERM drains and the server exits 0', async () => {
    const r = await paper.server.stop();
    assert.equal(r.signal, null);
    assert.equal(r.code, 0, r.output.slice(-2000));
  });
});

describe('public address', { skip: skipIf(NEEDS_SHARED, NEEDS_ENGINE) }, () => {
  test('--public-url is used for canonical links and API URLs', async () => {
    const tmp = tempDir();
    try {
      const db = tmp.database('t');
      await importOk(db, { file: SEED_JSONL });
      const s = await startServer({ db, media: path.join(tmp.dir, 'm'), args: ['--public-url', 'https://baodoimay.vn/'] });
      try {
        const a = (await json(`${s.url}/api/v1/articles`)).body.articles[0];
        assert.match(a.url, /^https:\/\/baodoimay\.vn\/thoi-su\/trien-khai-[a-z0-9-]+-\d+\.html$/);
        assert.equal(a.category.url, 'https://baodoimay.vn/thoi-su/');
        const html = (await getText(s.url + new URL(a.url).pathname)).text;
        assert.ok(html.includes(`<link rel="canonical" href="${a.url}">`), 'canonical link');
      } finally {
        assert.equal((await s.stop()).code, 0);
      }
    } finally {
      tmp.cleanup();
    }
  });

  test('without --public-url, links use the address actually bound, not port 0', async () => {
    // `--listen 127.0.0.1:0` picks a free port; the default public URL must name that port.
    const tmp = tempDir();
    try {
      const db = tmp.database('t');
      await importOk(db, { file: SEED_JSONL });
      const s = await startServer({ db, media: path.join(tmp.dir, 'm') });
      try {
        const a = (await json(`${s.url}/api/v1/articles`)).body.articles[0];
        assert.equal(new URL(a.url).origin, s.url, `API url ${a.url}`);
        const html = (await getText(`${s.url}/`)).text;
        assert.ok(html.includes(`<link rel="canonical" href="${s.url}/">`), 'canonical link of the home page');
      } finally {
        assert.equal((await s.stop()).code, 0);
      }
    } finally {
      tmp.cleanup();
    }
  });
});
