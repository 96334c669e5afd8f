// `toasoan serve --sample`: a new user's first start shows a living newspaper, with the
// sample's placeholder photos in the photo library and shown as any upload is: <picture>
// with WebP and JPEG variants. Needs nothing from ../shared.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { NEEDS_ENGINE, getText, request, startServer, tempDir } from './helpers.mjs';

const json = async (url) => (await fetch(url)).json();

describe('serve --sample', { skip: NEEDS_ENGINE }, () => {
  let tmp;
  let server;
  let db;
  let media;
  before(async () => {
    tmp = tempDir();
    db = tmp.database('sub/toasoan'); // SQLite: in a folder that does not exist yet
    media = path.join(tmp.dir, 'media');
    server = await startServer({ db, media, args: ['--sample', '--no-access-log'] });
  });
  after(async () => {
    if (server) await server.stop();
    tmp.cleanup();
  });

  test('an empty database is filled with at least 30 articles across the usual sections', async () => {
    const j = await json(`${server.url}/api/v1/articles?per_page=100`);
    assert.ok(j.total >= 30, `${j.total} articles`);
    assert.equal(j.articles.length, j.total);
    const cats = (await json(`${server.url}/api/v1/categories`)).categories;
    assert.ok(cats.length >= 5, `${cats.length} categories`);
    for (const c of cats) {
      const inCat = await json(`${server.url}/api/v1/articles?category=${c.slug}`);
      assert.ok(inCat.total >= 1, `${c.name} has articles`);
    }
  });

  test('the home page shows the newest articles and every section', async () => {
    const r = await getText(`${server.url}/`);
    assert.equal(r.status, 200);
    const links = new Set([...r.text.matchAll(/href="(\/[a-z0-9-]+\/[a-z0-9-]+-\d+\.html)"/g)].map((m) => m[1]));
    const j = await json(`${server.url}/api/v1/articles?per_page=100`);
    // Top story, ten newest and three a section, some of them the same: not all 30, but a full page.
    assert.ok(links.size >= 20, `${links.size} different articles on the home page`);
    for (const a of j.articles.slice(0, 10)) assert.ok(links.has(new URL(a.url).pathname), `the newest: ${a.title}`);
    for (const c of (await json(`${server.url}/api/v1/categories`)).categories) {
      assert.ok(r.text.includes(`<h2><a href="/${c.slug}/">`), `a block for ${c.name}`);
    }
  });

  test('one sample article is laid out like the model page, its photos shown as uploads are', async () => {
    const list = (await json(`${server.url}/api/v1/articles?per_page=100`)).articles;
    let model = null;
    for (const s of list) {
      const a = await json(`${server.url}/api/v1/articles/${s.id}`);
      const figures = a.blocks.filter((b) => b.type === 'figure' && b.image && b.caption);
      if (figures.length >= 5 && a.authors.length >= 2 && a.lead) model = { ...a, figures };
    }
    assert.ok(model, 'an article with a lead, five captioned photos and two authors');

    const page = await getText(server.url + new URL(model.url).pathname);
    assert.equal(page.status, 200);
    assert.match(page.text, /<p class="lead">/);
    assert.ok(page.text.includes(`<p class="byline">${model.authors.join(' - ')}</p>`), 'a byline of two authors');
    const pictures = [...page.text.matchAll(/<figure><picture>(.*?)<\/picture>/g)].map((m) => m[1]);
    assert.equal(pictures.length, model.figures.length, 'every figure is a <picture>');

    for (const p of pictures) {
      const webp = [...p.matchAll(/(\/media\/anh\/[0-9a-f]{2}\/[0-9a-f]{64}-\d+\.webp) \d+w/g)].map((m) => m[1]);
      const jpeg = [...p.matchAll(/(\/media\/anh\/[0-9a-f]{2}\/[0-9a-f]{64}-\d+\.jpg) \d+w/g)].map((m) => m[1]);
      assert.ok(webp.length >= 3 && jpeg.length >= 3, p);
      for (const [file, type] of [...webp.map((f) => [f, 'image/webp']), ...jpeg.map((f) => [f, 'image/jpeg'])]) {
        const r = await request(server.url + file);
        assert.equal(r.status, 200, file);
        assert.equal(r.headers['content-type'], type, file);
        assert.match(r.headers['cache-control'] ?? '', /max-age=\d+/);
      }
    }
  });

  test('the sample\'s photos are in the media folder only as a library photo\'s variants', async () => {
    const files = [];
    const walk = (d) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else files.push(e.name);
      }
    };
    walk(media);
    assert.ok(files.length > 0 && files.every((f) => /^[0-9a-f]{64}-(480|960|1600|social)\.(webp|jpg)$/.test(f)), files.join(' '));
    // Each photo has 7 variants at 1600 wide: three slots in two formats and the social one.
    const photos = new Set(files.map((f) => f.slice(0, 64)));
    assert.ok(photos.size >= 5, `${photos.size} photos`);
    assert.equal(files.length, photos.size * 7);
    const admin = await fetch(`${server.url}/api/v1/admin/media`);
    assert.equal(admin.status, 401, 'the library itself is the newsroom\'s');
  });

  test('media: no path escapes the media folder', async () => {
    for (const p of ['/media/../toasoan.db', '/media/%2e%2e/sub/toasoan.db', '/media/sample/../../sub/toasoan.db', '/media/']) {
      const r = await request(server.url + p);
      assert.equal(r.status, 404, p);
    }
  });

  test('a second start keeps the content as it is', async () => {
    const before = (await json(`${server.url}/api/v1/articles`)).total;
    const stopped = await server.stop();
    assert.equal(stopped.code, 0, stopped.output);
    server = await startServer({ db, media, args: ['--sample', '--no-access-log'] });
    assert.equal((await json(`${server.url}/api/v1/articles`)).total, before, 'no second copy of the sample');
  });

  test('SIGTERM drains and the server exits 0', async () => {
    const r = await server.stop();
    assert.equal(r.signal, null);
    assert.equal(r.code, 0, r.output.slice(-2000));
  });
});
