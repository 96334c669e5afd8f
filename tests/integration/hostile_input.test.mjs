// Hostile input on every route family: bad parameters, invalid UTF-8, unknown parameters,
// oversized values and path tricks. Whatever comes in, the answer is a 4xx or a page (never a
// 5xx), within 2 s, in valid UTF-8 whenever it says it is text or JSON; and afterwards the
// server still serves the model article. Needs ../shared.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  NEEDS_ENGINE,
  NEEDS_SHARED,
  rawGet,
  request,
  skipIf,
  startNewspaper,
} from './helpers.mjs';

const WITHIN_MS = 2_000;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

// Query strings that every route gets, whether or not it reads a query.
const BAD_PAGES = ['page=0', 'page=-1', 'page=1e9', 'page=abc', 'page=', 'page', 'page=1&page=2', 'page=2&page=abc',
  'page=%FF', 'page=%C3', 'page=99999999999999999999', 'page=1%00', 'page=+1', 'page=0x10'];
const BAD_SEARCH = [
  'q=%FF', 'q=%C3', 'q=a%C3', 'q=%E1%BA', 'q=%ED%A0%80', 'q=%C0%AF', 'q=%', 'q=%zz', 'q=', 'q', 'q=a&q=%FF',
  'q=v%C3%A0&per_page=0', 'q=v%C3%A0&per_page=-1', 'q=v%C3%A0&per_page=1e9', 'q=v%C3%A0&per_page=abc',
  'q=v%C3%A0&per_page=', 'q=v%C3%A0&category=%FF', 'q=v%C3%A0&category=khong-co', 'q=v%C3%A0&category=',
  'q=v%C3%A0&from=%FF', 'q=v%C3%A0&from=2022-13-45', 'q=v%C3%A0&from=9999-99-99', 'q=v%C3%A0&to=abc',
  'q=v%C3%A0&to=2022-12-08T00:00', 'q=v%C3%A0&from=2023-01-01&to=2020-01-01', 'q=v%C3%A0&sort=%FF',
  'q=v%C3%A0&sort=oldest', 'q=v%C3%A0&sort=', 'q=v%C3%A0&page=1e9', 'q=v%C3%A0&page=1000&per_page=50',
  'q=%22%22%22', 'q=%22', 'q=-', 'q=*', 'q=OR', 'q=NEAR(a%20b)', "q=a'%3B--", 'q=%3Cscript%3E',
  `q=${'%E1%BA%A3'.repeat(1200)}`, // ~10 KB of "ả"
  `q=${'a'.repeat(10_000)}`,
  `q=${'%FF'.repeat(3000)}`,
];
const UNKNOWN = ['r=1', 'utm_source=x&fbclid=y', '%FF=%FF', '=x', '&&&', 'a=%00', `x=${'b'.repeat(10_000)}`];
const QUERIES = ['', ...BAD_PAGES, ...BAD_SEARCH, ...UNKNOWN];

describe('hostile input on every route', { skip: skipIf(NEEDS_SHARED, NEEDS_ENGINE) }, () => {
  let paper;
  let base;
  let routes;
  before(async () => {
    paper = await startNewspaper({ corpusLines: 60 });
    base = paper.server.url;
    const modelPath = paper.modelPath;
    const id = paper.model.id;
    const home = (await request(`${base}/`)).body.toString('utf8');
    const asset = /href="(\/static\/site\.[^"]+\.css)"/.exec(home)?.[1];
    assert.ok(asset, 'the stylesheet address');
    const index = (await request(`${base}/sitemap.xml`)).body.toString('utf8');
    const parts = [...index.matchAll(/<loc>[^<]*?(\/sitemap-[^<]+\.xml)<\/loc>/g)].map((m) => m[1]);
    assert.ok(parts.some((p) => /sitemap-articles-\d{4}-\d{2}-\d+\.xml/.test(p)), `monthly parts: ${parts.join(' ')}`);
    const stale = modelPath.replace(/\/[^/]+-(\d+)\.html$/, '/bai-cu-$1.html');
    routes = [
      '/', '/thoi-su/', '/thoi-su', modelPath, stale, '/tim-kiem', '/api/v1/search/suggest', '/api/v1/articles',
      `/api/v1/articles/${id}`, '/api/v1/categories', '/api/v1/search', '/rss/', '/rss/tin-moi-nhat.rss',
      '/rss/thoi-su.rss', '/sitemap.xml', '/sitemap-categories.xml', '/sitemap-news.xml', ...parts, '/robots.txt',
      '/media/khong-co.jpg', asset, '/khong-co-trang-nay', '/api/v1/khong-co',
    ];
  });
  after(async () => {
    if (paper) await paper.close();
  });

  // One request, checked: no 5xx, within the time, valid UTF-8 when the body is text or JSON.
  async function check(target, problems) {
    const t = performance.now();
    let r;
    try {
      r = await rawGet(paper.server.port, target);
    } catch (e) {
      problems.push(`${target.slice(0, 120)}: ${e.message}`);
      return;
    }
    const ms = performance.now() - t;
    const what = `${target.slice(0, 120)} → ${r.status}`;
    if (r.status >= 500) problems.push(`${what}: a server error`);
    if (ms > WITHIN_MS) problems.push(`${what}: ${Math.round(ms)} ms`);
    const type = r.headers['content-type'] ?? '';
    if (/^text\/|json|xml/.test(type)) {
      try {
        strictUtf8.decode(r.body);
      } catch {
        problems.push(`${what}: invalid UTF-8 in a ${type} body`);
      }
    }
  }

  test('bad, invalid, unknown and oversized parameters on every route', async () => {
    const problems = [];
    let asked = 0;
    for (const route of routes)
      for (const q of QUERIES) {
        await check(q ? `${route}?${q}` : route, problems);
        asked++;
      }
    assert.ok(asked > 1000, `${asked} requests`);
    assert.deepEqual(problems, []);
  });

  test('invalid UTF-8 in the search box never reaches the page raw', async () => {
    for (const q of ['%FF', '%C3', 'ng%E1%BB', 'a%80b']) {
      for (const path of ['/tim-kiem', '/api/v1/search', '/api/v1/search/suggest']) {
        const r = await request(`${base}${path}?q=${q}`);
        assert.ok(r.status < 500, `${path}?q=${q} → ${r.status}`);
        const text = strictUtf8.decode(r.body); // throws on invalid UTF-8
        if (path === '/tim-kiem') assert.ok(text.includes('\uFFFD'), `${path}?q=${q} shows the replacement character`);
      }
    }
  });

  test('path tricks on every family', async () => {
    const modelPath = paper.modelPath;
    const problems = [];
    const tricks = [
      '/%2e%2e/%2e%2e/etc/passwd', '/thoi-su/%2e%2e/', '/thoi-su/..', '//thoi-su/', '//', '///', '/thoi-su./',
      '/thoi-su/.', `${modelPath}.`, `${modelPath}/`, `${modelPath.replace('.html', '.html%00')}`,
      `${modelPath.replace(/-(\d+)\.html$/, '-0$1.html')}`, `${modelPath.replace(/-(\d+)\.html$/, '-99999999999999999999.html')}`,
      '/static/%2e%2e/%2e%2e/CMakeLists.txt', '/static/', '/static/..%2fsite.css', '/media/', '/media/%2e%2e/x',
      '/media/..%2f..%2fetc%2fpasswd', '/media/%FF', '/media/a.jpg.', '/media/.', '/api/v1/articles/1.',
      '/api/v1/articles/%FF', '/api/v1/articles/-1', '/api/v1/articles/1e9', '/api/v1/articles/99999999999999999999',
      '/api/v1//articles', '/api/v1/articles/', '/api/v1/', '/api/v1', '/api', '/%FF/', '/%C3/', '/%C3%A0/',
      '/rss/%FF.rss', '/rss/..%2f.rss', '/rss/.rss', '/sitemap-%FF.xml', '/sitemap-articles-2022-13-1.xml',
      '/sitemap-articles-0000-00-1.xml', '/sitemap-articles-2022-12-0.xml', '/sitemap-articles-2022-12-99999999999.xml',
      '/sitemap-articles-2022-12-%FF.xml', '/robots.txt.', '/robots.txt/', '/tim-kiem/',
      '/tim-kiem.', `/${'a'.repeat(4000)}/`, `/thoi-su/${'%FF'.repeat(1000)}-1.html`,
    ];
    for (const t of tricks) await check(t, problems);
    assert.deepEqual(problems, []);
  });

  test('afterwards the model article is still served', async () => {
    const r = await request(`${base}${paper.modelPath}`);
    assert.equal(r.status, 200);
    assert.match(r.body.toString('utf8'), /Triển khai thực hiện Nghị quyết/);
  });
});
