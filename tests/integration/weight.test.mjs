// Built for a slow link: the article page's HTML, CSS and JS together under 60 KB
// uncompressed; every image with its size set, lazy below the fold; nothing render-blocking
// from another host. Checked on the model article (needs ../shared) and on the sample's
// photo-rich article (needs nothing).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  MODEL,
  NEEDS_ENGINE,
  NEEDS_SHARED,
  SEED_JSONL,
  eventually,
  findArticle,
  importOk,
  request,
  startServer,
  tempDir,
} from './helpers.mjs';

const BUDGET = 60 * 1024;

// Fetches a page and what it loads before it is usable: stylesheets and scripts.
async function weigh(base, pagePath) {
  const page = await request(base + pagePath);
  assert.equal(page.status, 200, pagePath);
  const html = page.body.toString('utf8');
  const assets = [
    ...[...html.matchAll(/<link [^>]*rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])[1]),
    ...[...html.matchAll(/<script [^>]*src="([^"]+)"/g)].map((m) => m[1]),
  ];
  let bytes = page.body.length;
  const parts = [`html ${page.body.length}`];
  for (const a of assets) {
    const u = new URL(a, base);
    assert.equal(u.origin, base, `${a} is served by the site itself`);
    const r = await request(u.href); // no Accept-Encoding: uncompressed
    assert.equal(r.status, 200, a);
    bytes += r.body.length;
    parts.push(`${u.pathname} ${r.body.length}`);
  }
  return { html, bytes, parts, assets };
}

function checkImages(html, where) {
  const imgs = [...html.matchAll(/<img\b([^>]*)>/g)].map((m) => m[1]);
  imgs.forEach((attrs, i) => {
    assert.match(attrs, /\bwidth="\d+"/, `${where}: img ${i + 1} has a width`);
    assert.match(attrs, /\bheight="\d+"/, `${where}: img ${i + 1} has a height`);
    assert.match(attrs, /\balt="/, `${where}: img ${i + 1} has an alt text`);
    if (i === 0) assert.doesNotMatch(attrs, /loading="lazy"/, `${where}: the first image loads at once`);
    else assert.match(attrs, /loading="lazy"/, `${where}: img ${i + 1} is lazy`);
  });
  return imgs.length;
}

function checkNothingForeign(html, where) {
  for (const m of html.matchAll(/<script\b[^>]*>/g)) {
    const src = /src="([^"]*)"/.exec(m[0]);
    if (src) assert.match(src[1], /^\/(?!\/)/, `${where}: script from the site itself: ${m[0]}`);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    if (/rel="(stylesheet|preload|modulepreload)"/.test(m[0])) {
      assert.match(/href="([^"]*)"/.exec(m[0])[1], /^\/(?!\/)/, `${where}: ${m[0]}`);
    }
  }
  assert.doesNotMatch(html, /@import|fonts\.googleapis|<iframe/i, `${where}: no external fonts or frames`);
}

describe('page weight', { skip: NEEDS_ENGINE }, () => {
  let tmp;
  let server;
  let db;
  before(async () => {
    tmp = tempDir();
    db = tmp.database('toasoan');
    server = await startServer({ db, media: path.join(tmp.dir, 'media'), args: ['--sample', '--no-access-log'] });
  });
  after(async () => {
    if (server) await server.stop();
    tmp.cleanup();
  });

  test('the model article: HTML + CSS + JS under 60 KB, nothing from another host', { skip: NEEDS_SHARED }, async (t) => {
    await importOk(db, { file: SEED_JSONL }); // into the running server's database
    const found = await eventually(() => findArticle(server.url, MODEL.title), { withinMs: 2_000 });
    assert.ok(found.value, 'the model article is served');
    const w = await weigh(server.url, new URL(found.value.url).pathname);
    t.diagnostic(`${w.bytes} bytes: ${w.parts.join(', ')}`);
    assert.ok(w.assets.some((a) => a.endsWith('.css')) && w.assets.some((a) => a.endsWith('.js')));
    assert.ok(w.bytes < BUDGET, `${w.bytes} bytes (${w.parts.join(', ')})`);
    checkImages(w.html, 'model article');
    checkNothingForeign(w.html, 'model article');
  });

  test('the photo-rich sample article: under 60 KB, images sized and lazy below the fold', async (t) => {
    const list = (await (await fetch(`${server.url}/api/v1/articles?per_page=100`)).json()).articles;
    let best = null;
    for (const s of list) {
      const a = await (await fetch(`${server.url}/api/v1/articles/${s.id}`)).json();
      const n = a.blocks.filter((b) => b.type === 'figure' && b.image).length;
      if (!best || n > best.n) best = { n, path: new URL(a.url).pathname };
    }
    assert.ok(best.n >= 5, `an article with five photos (${best.n})`);
    const w = await weigh(server.url, best.path);
    t.diagnostic(`${w.bytes} bytes: ${w.parts.join(', ')}`);
    assert.ok(w.bytes < BUDGET, `${w.bytes} bytes`);
    assert.ok(checkImages(w.html, best.path) >= 5);
    checkNothingForeign(w.html, best.path);
  });

  test('home and category pages: images sized, the first eager and the rest lazy', async () => {
    const cats = (await (await fetch(`${server.url}/api/v1/categories`)).json()).categories;
    for (const p of ['/', `/${cats[0].slug}/`]) {
      const r = await request(server.url + p);
      const html = r.body.toString('utf8');
      checkImages(html, p);
      checkNothingForeign(html, p);
      assert.ok(r.body.length < BUDGET, `${p}: ${r.body.length} bytes of HTML`);
    }
  });

  test('SIGTERM drains and the server exits 0', async () => {
    const r = await server.stop();
    assert.equal(r.code, 0, r.output.slice(-2000));
  });
});
