// How readers' feed readers and search engines find the paper: RSS feeds, sitemaps,
// robots.txt and the sharing metadata of every page. Each XML document is checked with a real
// XML parser (xmllint) and read with XPath, so entities are decoded as a feed reader would.
// Needs ../shared.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { MODEL, NEEDS_SHARED, eventually, getText, importOk, request, startNewspaper, unescapeHtml } from './helpers.mjs';

// A title, lead and category that every format must carry through unharmed.
const TRICKY = {
  id: 'feeds-tricky',
  title: `Giá "vàng" & <bạc> tăng 'mạnh' hôm nay`,
  lead: `Thị trường kim loại quý <b>sôi động</b> & "khó đoán".`,
  category: 'Kinh tế',
};
const trickyLine = (extra = {}) =>
  JSON.stringify({
    id: TRICKY.id,
    title: TRICKY.title,
    lead: TRICKY.lead,
    category: TRICKY.category,
    authors: ['Lê Văn A'],
    // No "published": stamped with the import time, so it is in the news sitemap's two days.
    blocks: [
      { type: 'figure', caption: 'Ảnh minh họa', image: 'feeds/vang.svg', width: 1200, height: 800 },
      { type: 'paragraph', text: 'Nội dung.' },
    ],
    ...extra,
  }) + '\n';

/** Parses `xml` with xmllint; throws with its message when it is not well-formed. */
function wellFormed(xml) {
  const r = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
  assert.equal(r.status, 0, `not well-formed XML: ${r.stderr}`);
}

/** Evaluates an XPath 1.0 expression over `xml` (use local-name() for namespaced elements). */
function xpath(xml, expr) {
  const r = spawnSync('xmllint', ['--xpath', expr, '-'], { input: xml, encoding: 'utf8' });
  if (r.status === 10) return ''; // XPath set is empty
  assert.equal(r.status, 0, `xmllint --xpath ${expr}: ${r.stderr}`);
  return r.stdout.replace(/\n$/, ''); // xmllint ends a string result with a newline

}
const count = (xml, expr) => Number(xpath(xml, `count(${expr})`));
const el = (name) => `*[local-name()='${name}']`;

const RFC822_VN = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0700$/;
const ISO_VN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;

async function xml(url) {
  const r = await getText(url);
  assert.equal(r.status, 200, `${url} → ${r.status}`);
  wellFormed(r.text);
  return r;
}

describe('feeds, sitemaps and metadata', { skip: NEEDS_SHARED }, () => {
  let paper;
  let base;
  let corpusTotal;
  before(async () => {
    // 200 corpus articles over May-June 2017 and a split size of 50: several parts a month.
    paper = await startNewspaper({ corpusLines: 200, args: ['--sitemap-size', '50'], extraJsonl: trickyLine() });
    base = paper.server.url;
    mkdirSync(path.join(paper.media, 'feeds'), { recursive: true });
    writeFileSync(path.join(paper.media, 'feeds', 'vang.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    corpusTotal = (await (await fetch(`${base}/api/v1/articles?per_page=1`)).json()).total;
  });
  after(async () => {
    if (paper) await paper.close();
  });

  test('the newest-articles feed is RSS 2.0 with every item field, newest first, at most 50', async () => {
    const { text, headers } = await xml(`${base}/rss/tin-moi-nhat.rss`);
    assert.match(headers['content-type'], /^application\/rss\+xml/);
    assert.equal(xpath(text, 'string(/rss/@version)'), '2.0');
    assert.equal(xpath(text, 'string(/rss/channel/language)'), 'vi');
    assert.equal(count(text, '/rss/channel/item'), 50);
    const first = '/rss/channel/item[1]';
    for (const field of ['title', 'link', 'description', 'pubDate', 'guid', 'category'])
      assert.notEqual(xpath(text, `string(${first}/${field})`), '', `item has ${field}`);
    // The tricky article was imported last with the current time: it is the newest.
    assert.equal(xpath(text, `string(${first}/title)`), TRICKY.title);
    assert.equal(xpath(text, `string(${first}/description)`), TRICKY.lead);
    assert.match(xpath(text, `string(${first}/pubDate)`), RFC822_VN);
    assert.equal(xpath(text, `string(${first}/guid)`), xpath(text, `string(${first}/link)`));
    assert.equal(xpath(text, `string(${first}/category)`), TRICKY.category);
    assert.equal(xpath(text, `string(${first}/enclosure/@url)`), `${base}/media/feeds/vang.svg`);
    assert.equal(xpath(text, `string(${first}/enclosure/@type)`), 'image/svg+xml');
    assert.equal(Number(xpath(text, `string(${first}/enclosure/@length)`)), 41);
    const dates = xpath(text, '/rss/channel/item/pubDate/text()').trim().split('\n').map((d) => Date.parse(d));
    assert.deepEqual(dates, [...dates].sort((a, b) => b - a), 'newest first');
  });

  test('a category has its own feed; an unknown one is 404', async () => {
    const { text } = await xml(`${base}/rss/${MODEL.categorySlug}.rss`);
    assert.equal(xpath(text, 'string(/rss/channel/item[1]/title)'), MODEL.title);
    assert.ok(count(text, `/rss/channel/item[category!='Thời sự']`) === 0, 'only the category’s articles');
    assert.equal((await request(`${base}/rss/khong-co.rss`)).status, 404);
  });

  test('feeds are cached with an ETag and answer 304', async () => {
    const first = await request(`${base}/rss/tin-moi-nhat.rss`);
    assert.ok(first.headers.etag);
    const again = await request(`${base}/rss/tin-moi-nhat.rss`, { headers: { 'If-None-Match': first.headers.etag } });
    assert.equal(again.status, 304);
    const map = await request(`${base}/sitemap.xml`);
    assert.equal((await request(`${base}/sitemap.xml`, { headers: { 'If-None-Match': map.headers.etag } })).status, 304);
  });

  test('/rss/ lists the feeds and every page links its feeds', async () => {
    const page = await getText(`${base}/rss/`);
    assert.equal(page.status, 200);
    assert.match(page.text, /href="\/rss\/tin-moi-nhat\.rss"/);
    assert.match(page.text, /href="\/rss\/thoi-su\.rss"/);
    for (const p of ['/', `/${MODEL.categorySlug}/`, paper.modelPath]) {
      const html = (await getText(base + p)).text;
      assert.match(html, /<link rel="alternate" type="application\/rss\+xml" title="Tin mới nhất" href="\/rss\/tin-moi-nhat\.rss">/, p);
    }
    const article = (await getText(base + paper.modelPath)).text;
    assert.match(article, /<link rel="alternate" type="application\/rss\+xml" title="Thời sự" href="\/rss\/thoi-su\.rss">/);
  });

  test('the sitemap index names monthly parts of at most the split size, covering every article once', async () => {
    const { text } = await xml(`${base}/sitemap.xml`);
    const locs = xpath(text, `//${el('sitemap')}/${el('loc')}/text()`).trim().split('\n');
    assert.ok(locs.includes(`${base}/sitemap-categories.xml`));
    assert.ok(locs.includes(`${base}/sitemap-news.xml`));
    const parts = locs.filter((l) => /sitemap-articles-\d{4}-\d{2}-\d+\.xml$/.test(l));
    assert.ok(parts.some((l) => l.endsWith('-2.xml')), `a month split into parts: ${parts}`);
    for (const m of xpath(text, `//${el('lastmod')}/text()`).trim().split('\n')) assert.match(m, ISO_VN);
    const seen = new Set();
    for (const part of parts) {
      const { text: p } = await xml(part);
      const urls = xpath(p, `//${el('url')}/${el('loc')}/text()`).trim().split('\n').filter(Boolean);
      assert.ok(urls.length >= 1 && urls.length <= 50, `${part}: ${urls.length} URLs`);
      for (const u of urls) {
        assert.ok(u.startsWith(`${base}/`), u);
        assert.ok(!seen.has(u), `${u} listed twice`);
        seen.add(u);
      }
    }
    assert.equal(seen.size, corpusTotal, 'every published article once');
    assert.ok(seen.has(paper.model.url));
    assert.equal((await request(`${base}/sitemap-articles-1999-01-1.xml`)).status, 404);
    assert.equal((await request(`${base}/sitemap-articles-2017-13-1.xml`)).status, 404);
  });

  test('the categories sitemap and the news sitemap', async () => {
    const cats = (await xml(`${base}/sitemap-categories.xml`)).text;
    assert.ok(xpath(cats, `//${el('loc')}/text()`).includes(`${base}/thoi-su/`));
    const news = (await xml(`${base}/sitemap-news.xml`)).text;
    // Only the tricky article was published in the last two days (the corpus is from 2017).
    assert.equal(count(news, `//${el('url')}`), 1);
    assert.equal(xpath(news, `string(//${el('publication')}/${el('name')})`), 'Báo Đồi Mây');
    assert.equal(xpath(news, `string(//${el('publication')}/${el('language')})`), 'vi');
    assert.equal(xpath(news, `string(//${el('title')})`), TRICKY.title);
    assert.match(xpath(news, `string(//${el('publication_date')})`), ISO_VN);
  });

  test('robots.txt names the sitemaps', async () => {
    const r = await getText(`${base}/robots.txt`);
    assert.equal(r.status, 200);
    assert.match(r.text, new RegExp(`^Sitemap: ${base}/sitemap\\.xml$`, 'm'));
    assert.match(r.text, /^Disallow: \/api\/$/m);
  });

  test('the model article carries OpenGraph, a Twitter card and NewsArticle JSON-LD', async () => {
    const html = (await getText(base + paper.modelPath)).text;
    const meta = (attr, name) => {
      const m = html.match(new RegExp(`<meta ${attr}="${name}" content="([^"]*)">`));
      return m ? unescapeHtml(m[1]) : null;
    };
    assert.equal(meta('property', 'og:title'), MODEL.title);
    assert.equal(meta('property', 'og:type'), 'article');
    assert.ok(meta('property', 'og:description').startsWith(MODEL.leadStart));
    // The model article has no photos: the paper's default picture stands in.
    assert.match(meta('property', 'og:image'), new RegExp(`^${base}/static/og-default\\.[0-9a-f]+\\.png$`));
    assert.equal(meta('property', 'article:published_time'), '2022-12-08T07:30:00+07:00');
    assert.match(meta('property', 'article:modified_time'), ISO_VN);
    assert.equal(meta('property', 'article:section'), 'Thời sự');
    assert.equal(meta('name', 'twitter:card'), 'summary_large_image');
    assert.match(html, /<meta name="robots" content="max-image-preview:large">/);

    const ld = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
    const article = ld.find((d) => d['@type'] === 'NewsArticle');
    assert.ok(article, 'a NewsArticle');
    assert.equal(article.headline, MODEL.title);
    assert.ok(article.description.startsWith(MODEL.leadStart));
    assert.equal(article.datePublished, '2022-12-08T07:30:00+07:00');
    assert.match(article.dateModified, ISO_VN);
    assert.deepEqual(article.author.map((a) => a.name), ['Huy Thành', 'Mạnh Hùng']);
    assert.equal(article.publisher.name, 'Báo Đồi Mây');
    assert.match(article.publisher.logo.url, /^http:\/\/.*\/static\/logo\.[0-9a-f]+\.png$/);
    assert.equal(article.mainEntityOfPage['@id'], paper.model.url);
    assert.equal(article.image[0], meta('property', 'og:image'));
    const crumbs = ld.find((d) => d['@type'] === 'BreadcrumbList');
    assert.deepEqual(crumbs.itemListElement.map((i) => i.name), ['Trang chủ', 'Thời sự', MODEL.title]);
    // The shared pictures exist.
    assert.equal((await request(article.image[0])).status, 200);
    assert.equal((await request(article.publisher.logo.url)).status, 200);
  });

  test('the home page describes the site and its search', async () => {
    const html = (await getText(`${base}/`)).text;
    const ld = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
    const site = ld.find((d) => d['@type'] === 'WebSite');
    assert.equal(site.potentialAction['@type'], 'SearchAction');
    assert.equal(site.potentialAction.target.urlTemplate, `${base}/tim-kiem?q={search_term_string}`);
    assert.ok(ld.find((d) => d['@type'] === 'Organization' && d.name === 'Báo Đồi Mây'));
  });

  test('a title with & < > " \' stays exactly itself in the page, its metadata and every feed', async () => {
    const hit = (await (await fetch(`${base}/api/v1/articles?per_page=5`)).json()).articles.find((a) => a.title === TRICKY.title);
    assert.ok(hit);
    const html = (await getText(hit.url)).text;
    assert.ok(!html.includes('<bạc>') && !html.includes('<b>sôi'), 'no raw markup from the text');
    const article = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)]
      .map((m) => JSON.parse(m[1]))
      .find((d) => d['@type'] === 'NewsArticle');
    assert.equal(article.headline, TRICKY.title);
    assert.equal(article.description, TRICKY.lead);
    assert.equal(unescapeHtml(html.match(/<meta property="og:title" content="([^"]*)">/)[1]), TRICKY.title);
    assert.equal(unescapeHtml(html.match(/<title>(.*?)<\/title>/)[1]), `${TRICKY.title} - Báo Đồi Mây`);
    assert.equal(article.image[0], `${base}/media/feeds/vang.svg`, 'its own photo is the shared picture');
    const kinhTe = (await xml(`${base}/rss/kinh-te.rss`)).text;
    assert.equal(xpath(kinhTe, `string(//item[guid='${hit.url}']/title)`), TRICKY.title);
  });

  test('an article set to unpublished leaves every feed and sitemap within a second', async () => {
    const hit = (await (await fetch(`${base}/api/v1/articles?per_page=5`)).json()).articles.find((a) => a.title === TRICKY.title);
    const month = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 7);
    const docs = [`/rss/tin-moi-nhat.rss`, `/rss/kinh-te.rss`, `/sitemap-news.xml`, `/sitemap-articles-${month}-1.xml`];
    for (const d of docs) assert.ok((await getText(base + d)).text.includes(hit.url), `${d} lists it first`);
    await importOk(paper.db, { input: trickyLine({ status: 'unpublished' }) });
    const gone = await eventually(async () => {
      for (const d of docs) {
        const r = await getText(base + d);
        if (r.status === 200 && r.text.includes(hit.url)) return false;
      }
      return (await request(hit.url)).status === 410;
    }, { withinMs: 1_500 });
    assert.ok(!gone.timedOut, `still listed after ${gone.ms} ms`);
    // Its month has no other article: that part of the archive is gone too.
    assert.equal((await request(`${base}/sitemap-articles-${month}-1.xml`)).status, 404);
    assert.ok(!(await getText(`${base}/sitemap.xml`)).text.includes(`sitemap-articles-${month}-1.xml`));
  });
});
