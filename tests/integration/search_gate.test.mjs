// Expensive searches cannot starve the rest of the site: while eight clients keep asking deep
// search pages (a different start date each time, so no cache helps), robots.txt and a cached
// article still answer in milliseconds and an uncached API article still finds a worker; the
// searches beyond the gate get 503 with Retry-After at once. Also: a page past the end is 404
// without ranking anything, and unknown parameters share one cache entry. Needs ../shared.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { NEEDS_ENGINE, NEEDS_SHARED, getText, request, skipIf, startNewspaper } from './helpers.mjs';

const CLIENTS = 8;
const SAMPLES = 20;
// Generous for a shared two-core machine; unloaded these take 1-5 ms, and without the gate
// the median was over half a second.
const CHEAP_MEDIAN_MS = 200;
const UNCACHED_MEDIAN_MS = 600;

// A start date long before any article: the same results, but a new cache key each time, as an
// unknown parameter once was (unknown parameters no longer make one).
const anyFrom = () => new Date(Date.UTC(1990, 0, 1) + Math.floor(Math.random() * 3650) * 86_400_000).toISOString().slice(0, 10);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(url) {
  const t = performance.now();
  const r = await request(url);
  return { status: r.status, ms: performance.now() - t };
}

async function metrics(base) {
  const r = await getText(`${base}/metrics`);
  return Object.fromEntries(
    r.text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(' '))
      .map(([k, v]) => [k, Number(v)]),
  );
}

describe('the search gate', { skip: skipIf(NEEDS_SHARED, NEEDS_ENGINE) }, () => {
  let paper;
  let base;
  before(async () => {
    // Four workers, as on a two-core machine: two may search at once.
    paper = await startNewspaper({ corpusLines: 800, args: ['--workers', '4'] });
    base = paper.server.url;
  });
  after(async () => {
    if (paper) await paper.close();
  });

  test('a page past the end is 404 on the search API, the search page and the article list', async () => {
    const first = await fetch(`${base}/api/v1/search?q=v%C3%A0&per_page=50`);
    assert.equal(first.status, 200);
    const { total } = await first.json();
    assert.ok(total > 50, `"và" matches ${total}`);
    const last = Math.ceil(total / 50);
    assert.equal((await fetch(`${base}/api/v1/search?q=v%C3%A0&per_page=50&page=${last}`)).status, 200);
    const past = await fetch(`${base}/api/v1/search?q=v%C3%A0&per_page=50&page=1000`);
    assert.equal(past.status, 404);
    assert.equal((await past.json()).error.code, 'not_found');
    assert.equal((await request(`${base}/tim-kiem?q=v%C3%A0&per_page=50&page=1000`)).status, 404);

    const list = await (await fetch(`${base}/api/v1/articles?per_page=100`)).json();
    const lastList = Math.ceil(list.total / 100);
    assert.equal((await fetch(`${base}/api/v1/articles?per_page=100&page=${lastList}`)).status, 200);
    const pastList = await fetch(`${base}/api/v1/articles?page=100000`);
    assert.equal(pastList.status, 404);
    assert.equal((await pastList.json()).error.code, 'not_found');
  });

  test('unknown parameters and their order select one cache entry', async () => {
    const q = 'h%E1%BB%99i+ngh%E1%BB%8B';
    const a = await request(`${base}/api/v1/search?q=${q}&per_page=5&r=1`);
    assert.equal(a.status, 200);
    const before = await metrics(base);
    for (const extra of ['r=2', 'r=3&x=y', 'utm_source=z']) {
      const r = await request(`${base}/api/v1/search?${extra}&per_page=5&q=${q}`);
      assert.equal(r.status, 200);
      assert.equal(r.headers.etag, a.headers.etag, `${extra}: the same answer`);
    }
    const after = await metrics(base);
    assert.equal(after.toasoan_query_cache_entries, before.toasoan_query_cache_entries, 'no new entries');
    assert.ok(after.toasoan_page_cache_hits_total >= before.toasoan_page_cache_hits_total + 3, 'answered from the cache');
    // A known parameter still tells pages apart.
    const other = await request(`${base}/api/v1/search?q=${q}&per_page=6`);
    assert.notEqual(other.headers.etag, a.headers.etag);
  });

  test('eight clients of deep searches leave cheap pages fast and uncached ones served', async () => {
    const { total } = await (await fetch(`${base}/api/v1/search?q=v%C3%A0&per_page=50`)).json();
    // The deepest page that exists: the searcher ranks, then reads the store's tail to it.
    const deep = Math.max(1, Math.ceil(total / 50));
    const list = await (await fetch(`${base}/api/v1/articles?per_page=100`)).json();
    const ids = list.articles.map((a) => a.id).slice(0, SAMPLES);
    assert.equal(ids.length, SAMPLES);
    // Cached before the load: what a reader most often asks.
    assert.equal((await request(`${base}/robots.txt`)).status, 200);
    assert.equal((await request(`${base}${paper.modelPath}`)).status, 200);

    const searches = new Map();
    let stop = false;
    const client = async () => {
      while (!stop) {
        const r = Math.random().toString(36).slice(2);
        const page = Math.random() < 0.5 ? deep : 1000;
        try {
          const res = await request(`${base}/api/v1/search?q=v%C3%A0&page=${page}&per_page=50&r=${r}&from=${anyFrom()}`);
          searches.set(res.status, (searches.get(res.status) ?? 0) + 1);
          if (res.status === 503) assert.equal(res.headers['retry-after'], '1');
        } catch (e) {
          searches.set(String(e.message), (searches.get(String(e.message)) ?? 0) + 1);
        }
      }
    };
    const load = Array.from({ length: CLIENTS }, client);
    try {
      await new Promise((r) => setTimeout(r, 300)); // the load is on
      const robots = [];
      const article = [];
      const uncached = [];
      for (let i = 0; i < SAMPLES; i++) {
        const a = await timed(`${base}/robots.txt`);
        const b = await timed(`${base}${paper.modelPath}`);
        const c = await timed(`${base}/api/v1/articles/${ids[i]}`);
        assert.equal(a.status, 200);
        assert.equal(b.status, 200);
        assert.ok([200, 503].includes(c.status), `uncached article → ${c.status}`);
        robots.push(a.ms);
        article.push(b.ms);
        if (c.status === 200) uncached.push(c.ms);
      }
      const m = { robots: median(robots), article: median(article), uncached: median(uncached) };
      console.log(`medians under load (ms): ${JSON.stringify(m)}; searches: ${JSON.stringify([...searches])}`);
      assert.ok(m.robots < CHEAP_MEDIAN_MS, `robots.txt median ${m.robots} ms`);
      assert.ok(m.article < CHEAP_MEDIAN_MS, `cached article median ${m.article} ms`);
      assert.ok(uncached.length >= SAMPLES / 2, `uncached articles served: ${uncached.length} of ${SAMPLES}`);
      assert.ok(m.uncached < UNCACHED_MEDIAN_MS, `uncached article median ${m.uncached} ms`);
    } finally {
      stop = true;
      await Promise.all(load);
    }
    const statuses = [...searches.keys()];
    assert.ok(statuses.every((s) => s === 200 || s === 404 || s === 503), `search answers: ${JSON.stringify([...searches])}`);
    assert.ok((searches.get(503) ?? 0) > 0, 'the gate refused some searches');
    assert.ok((searches.get(200) ?? 0) > 0, 'and let some through');
  });

  test('the search page beyond the gate is the Vietnamese 503 page', async () => {
    // Hold both places with slow deep searches, then ask the HTML page.
    const { total } = await (await fetch(`${base}/api/v1/search?q=v%C3%A0&per_page=50`)).json();
    const deep = Math.max(1, Math.ceil(total / 50));
    let stop = false;
    let seen = null;
    const hold = async () => {
      while (!stop) await request(`${base}/api/v1/search?q=v%C3%A0&page=${deep}&per_page=50&from=${anyFrom()}`);
    };
    const holders = Array.from({ length: CLIENTS }, hold);
    try {
      for (let i = 0; i < 200 && !seen; i++) {
        const r = await getText(`${base}/tim-kiem?q=v%C3%A0&page=${deep}&per_page=50&from=${anyFrom()}`);
        if (r.status === 503) seen = r;
        else assert.equal(r.status, 200);
      }
    } finally {
      stop = true;
      await Promise.all(holders);
    }
    assert.ok(seen, 'a search page was refused while the gate was full');
    assert.equal(seen.headers['retry-after'], '1');
    assert.match(seen.headers['content-type'], /^text\/html/);
    assert.match(seen.text, /Trang tạm thời gián đoạn/);
  });
});
