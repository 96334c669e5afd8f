// How a running server learns of changes, as a reader and an operator see it: an import in
// another process purges only the pages that show what it changed (read from the server's
// /metrics), an article dated later appears at its time with no request or import arriving,
// and text with control characters never breaks the feeds or sitemaps.
// Runs on the engine TOASOAN_TEST_ENGINE names (helpers.mjs); needs ../shared.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  NEEDS_ENGINE,
  NEEDS_SHARED,
  eventually,
  getText,
  importOk,
  request,
  skipIf,
  sleep,
  startNewspaper,
} from './helpers.mjs';

// An ISO 8601 time without milliseconds, as import lines carry it.
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

const line = (id, title, extra = {}) =>
  JSON.stringify({
    id,
    title,
    lead: `Đoạn dẫn của bài ${id}.`,
    body: 'Đoạn thứ nhất.\n\nĐoạn thứ hai.',
    category: 'Xã hội',
    published: '2015-03-01T09:15:00+07:00',
    ...extra,
  });

async function metrics(base) {
  const r = await getText(`${base}/metrics`);
  assert.equal(r.status, 200, r.text);
  const out = {};
  for (const m of r.text.matchAll(/^(toasoan_\w+) (\d+)$/gm)) out[m[1]] = Number(m[2]);
  return out;
}

describe('changes reach the running server', { skip: skipIf(NEEDS_SHARED, NEEDS_ENGINE) }, () => {
  let paper;
  before(async () => {
    paper = await startNewspaper({ corpusLines: 200, extraJsonl: line('old-1', 'Bài cũ năm 2015 về Đồi Mây') + '\n' });
  });
  after(async () => {
    if (paper) await paper.close();
  });

  test('re-importing an old article keeps the model article and the home page cached', async () => {
    const base = paper.server.url;
    const old = await eventually(async () => {
      const r = await getText(`${base}/api/v1/search?q=${encodeURIComponent('Bài cũ năm 2015')}`);
      return JSON.parse(r.text).results.find((x) => x.title.startsWith('Bài cũ năm 2015'));
    });
    assert.ok(old.value, 'the old article is found');
    const oldPath = new URL(old.value.url).pathname;
    for (const p of [paper.modelPath, '/', oldPath]) assert.equal((await request(base + p)).status, 200);
    const before = await metrics(base);

    await importOk(paper.db, { input: line('old-1', 'Bài cũ năm 2015 về Đồi Mây, đã sửa') + '\n' });
    const seen = await eventually(async () => (await metrics(base)).toasoan_change_log_seq > before.toasoan_change_log_seq, {
      withinMs: 3_000,
    });
    assert.ok(!seen.timedOut, 'the server applied the change-log entry');
    // Its slug followed the title: the old address redirects to the new page.
    const changed = await fetch(base + oldPath);
    assert.match(await changed.text(), /đã sửa/, 'the re-imported article shows its new title');

    const m0 = await metrics(base);
    for (const p of [paper.modelPath, '/']) assert.equal((await request(base + p)).status, 200);
    const m1 = await metrics(base);
    assert.equal(m1.toasoan_page_cache_hits_total - m0.toasoan_page_cache_hits_total, 2, 'both answered from the cache');
    assert.equal(m1.toasoan_page_cache_misses_total, m0.toasoan_page_cache_misses_total);
  });

  test('an article dated a few seconds ahead appears at its time, with no write in between', async () => {
    const base = paper.server.url;
    const when = new Date(Math.ceil((Date.now() + 4_000) / 1000) * 1000);
    const title = 'Bài hẹn giờ: khai mạc lễ hội hoa Đồi Mây';
    await importOk(paper.db, { input: line('later-1', title, { published: iso(when.getTime()) }) + '\n' });
    await sleep(600); // the import's change-log entry is applied
    const early = await getText(`${base}/`);
    assert.doesNotMatch(early.text, /Bài hẹn giờ/, 'not on the home page before its time');
    assert.doesNotMatch((await getText(`${base}/rss/tin-moi-nhat.rss`)).text, /Bài hẹn giờ/);
    const api = JSON.parse((await getText(`${base}/api/v1/articles?per_page=5`)).text);
    assert.ok(!api.articles.some((a) => a.title === title), 'not in the API before its time');

    const shown = await eventually(async () => /Bài hẹn giờ/.test((await getText(`${base}/`)).text), {
      withinMs: 8_000,
      everyMs: 250,
    });
    assert.ok(!shown.timedOut, 'on the home page once its time came');
    assert.ok(Date.now() >= when.getTime() - 1_000, 'not long before its time');
    assert.match((await getText(`${base}/rss/tin-moi-nhat.rss`)).text, /Bài hẹn giờ/);
  });

  test('control characters in an import never reach the feeds or the sitemaps', async () => {
    const base = paper.server.url;
    const title = 'Bài có ký tự\u0001 điều\u000bkhiển\uffff lạ';
    await importOk(paper.db, {
      input: line('ctl-1', title, { lead: 'Dẫn\u0002 bài', published: iso(Date.now() - 60_000) }) + '\n',
    });
    const feed = await eventually(async () => {
      const r = await getText(`${base}/rss/tin-moi-nhat.rss`);
      return /Bài có ký tự/.test(r.text) && r.text;
    });
    assert.ok(feed.value, 'the article is in the feed');
    // XML 1.0 allows none of these, even escaped.
    const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
    const forbiddenEscaped = /&#(?:x0*(?:[0-8bcef]|1[0-9a-f]|fff[ef])|0*(?:[0-8]|1[124-9]|2\d|3[01]|6553[45]));/i;
    assert.doesNotMatch(feed.value, forbidden);
    assert.doesNotMatch(feed.value, forbiddenEscaped, 'not even escaped: XML 1.0 allows none of them');
    const news = await getText(`${base}/sitemap-news.xml`);
    assert.match(news.text, /Bài có ký tự/);
    assert.doesNotMatch(news.text, forbidden);
    assert.doesNotMatch(news.text, forbiddenEscaped);
  });
});
