// The reading site as a reader meets it: the model article page part by part, the home page,
// category pages with their pagination, 404s and the 301 for a wrong slug.
// Needs ../shared (the model article and a slice of the corpus).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  MODEL,
  NEEDS_ENGINE,
  NEEDS_SHARED,
  findArticle,
  getText,
  request,
  skipIf,
  startNewspaper,
  textOf,
  unescapeHtml,
} from './helpers.mjs';

// An article whose every field tries to inject markup; imported beside the model article.
const HOSTILE_ARTICLE = JSON.stringify({
  id: 'test-escaping',
  title: '<script>alert(1)</script> & "Trích" \'dẫn\'',
  lead: '<b>đậm</b> & <i>',
  blocks: [
    { type: 'figure', caption: '<img src=x onerror=alert(2)>', image: 'javascript:alert(3)' },
    { type: 'paragraph', text: '</p><script>alert(4)</script>' },
    { type: 'quote', text: 'q<', cite: 'c>"' },
  ],
  authors: ['<a href=x>Tác giả</a>'],
  category: 'Thời sự',
  published: '2017-01-01T08:00:00+07:00',
});

describe('reading site', { skip: skipIf(NEEDS_SHARED, NEEDS_ENGINE) }, () => {
  let paper;
  let base;
  before(async () => {
    paper = await startNewspaper({ corpusLines: 300, extraJsonl: HOSTILE_ARTICLE + '\n' });
    base = paper.server.url;
  });
  after(async () => {
    if (paper) await paper.close();
  });

  test('the model article has its canonical address', () => {
    assert.equal(paper.modelPath, `/${MODEL.categorySlug}/${MODEL.slug}-${paper.model.id}.html`);
  });

  test('the model article page shows its parts in order', async () => {
    const r = await getText(base + paper.modelPath);
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'], /^text\/html; charset=utf-8/i);
    const html = r.text;
    assert.match(html, /^<!doctype html>\s*<html lang="vi"/i, 'a Vietnamese HTML document');

    const title = /<title>([^<]*)<\/title>/.exec(html);
    assert.ok(title, 'has a <title>');
    assert.ok(unescapeHtml(title[1]).startsWith(MODEL.title), `<title> starts with the article's title: ${title[1]}`);

    const desc = /<meta name="description" content="([^"]*)"/.exec(html);
    assert.ok(desc, 'has a meta description');
    assert.ok(unescapeHtml(desc[1]).startsWith(MODEL.leadStart), 'the description is taken from the lead');

    const canonical = /<link rel="canonical" href="([^"]*)"/.exec(html);
    assert.ok(canonical, 'has a canonical link');
    assert.equal(new URL(unescapeHtml(canonical[1])).pathname, paper.modelPath, 'canonical points at the article');

    // Every part, then their order on the page.
    const parts = [];
    const at = (label, re) => {
      const m = re.exec(html);
      assert.ok(m, `the page has ${label}`);
      parts.push({ label, index: m.index, m });
      return m;
    };
    const h1 = at('the h1 title', /<h1[^>]*>([\s\S]*?)<\/h1>/);
    assert.equal(textOf(h1[1]), MODEL.title);
    const time = at('the date', /<time[^>]*>([^<]*)<\/time>/);
    assert.equal(textOf(time[1]), MODEL.date);
    const lead = at('the lead', /<p class="lead">([\s\S]*?)<\/p>/);
    assert.ok(textOf(lead[1]).startsWith(MODEL.leadStart) && textOf(lead[1]).endsWith(MODEL.leadEnd), 'the whole lead');
    const body = at('the body', /<div class="body">/);
    const byline = at('the byline', /<p class="byline">([\s\S]*?)<\/p>/);
    assert.equal(textOf(byline[1]), MODEL.byline);
    at('the comment heading', /<h2[^>]*>BÌNH LUẬN<\/h2>/);
    at('the comment box', /<textarea[^>]*id="comment-text"/);
    at('the counter', /<p class="counter"[^>]*>Bạn còn 500\/500 ký tự<\/p>/);
    at('the latest news heading', /<h2 id="tin-moi">Tin mới<\/h2>/);
    for (let i = 1; i < parts.length; i++) {
      assert.ok(parts[i - 1].index < parts[i].index, `${parts[i - 1].label} comes before ${parts[i].label}`);
    }

    // The body: five figures with their captions, in order, between the lead and the byline.
    const bodyHtml = html.slice(body.index, byline.index);
    const captions = [...bodyHtml.matchAll(/<figure>([\s\S]*?)<\/figure>/g)].map((f) => {
      assert.match(f[1], /^(<img [^>]*>|<div class="photo-missing"[^>]*><\/div>)<figcaption>/, 'a picture, then its caption');
      return textOf(/<figcaption>([\s\S]*?)<\/figcaption>/.exec(f[1])[1]);
    });
    assert.deepEqual(captions, MODEL.captions);
    const paragraphs = [...bodyHtml.matchAll(/<p>([\s\S]*?)<\/p>/g)];
    assert.ok(paragraphs.length >= 4, `the body has its paragraphs (${paragraphs.length})`);
    assert.ok(
      bodyHtml.indexOf('<figure>') < bodyHtml.indexOf('<p>'),
      'the first two figures stand right after the lead, before the first paragraph',
    );

    // "Tin mới": links to other, newer-first articles, each opening a page.
    const aside = html.slice(html.indexOf('<h2 id="tin-moi">'));
    const list = /<ul class="list">([\s\S]*?)<\/ul>/.exec(aside);
    assert.ok(list, '"Tin mới" has a list');
    const links = [...list[1].matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)];
    assert.ok(links.length >= 5, `"Tin mới" lists several articles (${links.length})`);
    assert.ok(!links.some((l) => l[1] === paper.modelPath), 'the article itself is not among "Tin mới"');
    for (const [, href] of links.slice(0, 3)) {
      const page = await request(base + unescapeHtml(href));
      assert.equal(page.status, 200, `${href} opens`);
    }
  });

  test('the home page shows the newest articles and a block per category', async () => {
    const r = await getText(base + '/');
    assert.equal(r.status, 200);
    const html = r.text;
    assert.match(html, /<html lang="vi"/);
    const newest = await (await fetch(`${base}/api/v1/articles?per_page=5`)).json();
    for (const a of newest.articles) {
      assert.ok(html.includes(`href="${new URL(a.url).pathname}"`), `home links to a newest article: ${a.title}`);
    }
    // The model article (2022) is newer than the whole corpus (2017): it is the top story.
    const top = html.indexOf(`href="${paper.modelPath}"`);
    const firstCategoryBlock = html.indexOf('class="section-block"');
    assert.ok(top >= 0 && (firstCategoryBlock < 0 || top < firstCategoryBlock), 'the model article is at the top');

    const cats = (await (await fetch(`${base}/api/v1/categories`)).json()).categories;
    assert.ok(cats.length >= 2, 'the import made several categories');
    for (const c of cats) {
      const path = new URL(c.url).pathname;
      assert.match(html, new RegExp(`<h2><a href="${path}">`), `a block for ${c.name}`);
    }
  });

  test('category pages: page 1, ?page=2, past the end and bad page numbers', async () => {
    // The biggest category of the slice has more than one page (20 a page).
    const cats = (await (await fetch(`${base}/api/v1/categories`)).json()).categories;
    let biggest = null;
    for (const c of cats) {
      const j = await (await fetch(`${base}/api/v1/articles?per_page=1&category=${c.slug}`)).json();
      if (!biggest || j.total > biggest.total) biggest = { ...c, total: j.total };
    }
    assert.ok(biggest.total > 20, `a category with more than one page (${biggest.slug}: ${biggest.total})`);
    const path = `/${biggest.slug}/`;

    const p1 = await getText(base + path);
    assert.equal(p1.status, 200);
    assert.match(p1.text, new RegExp(`<h1>${biggest.name.replace(/[-.]/g, '\\$&')}</h1>`));
    const newest = (await (await fetch(`${base}/api/v1/articles?per_page=20&category=${biggest.slug}`)).json()).articles;
    assert.ok(p1.text.includes(`href="${new URL(newest[0].url).pathname}"`), 'page 1 starts with the newest');
    assert.match(p1.text, /rel="next" href="[^"]*\?page=2"/, 'a link to page 2');

    const p2 = await getText(`${base}${path}?page=2`);
    assert.equal(p2.status, 200);
    const second = (await (await fetch(`${base}/api/v1/articles?per_page=20&page=2&category=${biggest.slug}`)).json())
      .articles;
    assert.ok(p2.text.includes(`href="${new URL(second[0].url).pathname}"`), 'page 2 shows the next articles');
    assert.ok(!p2.text.includes(`href="${new URL(newest[0].url).pathname}"`), 'page 2 does not repeat page 1');

    const last = Math.ceil(biggest.total / 20);
    assert.equal((await request(`${base}${path}?page=${last}`)).status, 200, 'the last page exists');
    // Parameters that only end in "page" are not the page number.
    for (const q of ['?per_page=5', '?landing_page=x', '?utm_source=x&per_page=2'])
      assert.equal((await request(`${base}${path}${q}`)).status, 200, `${path}${q} is page 1`);
    for (const q of [`?page=${last + 1}`, '?page=1000', '?page=abc', '?page=0', '?page=-1', '?page=2x']) {
      const r = await getText(`${base}${path}${q}`);
      assert.equal(r.status, 404, `${path}${q} → 404`);
      assert.match(r.text, /Không tìm thấy trang/);
    }
  });

  test('markup in an article shows as text, everywhere it appears', async () => {
    const hit = await findArticle(base, '<script>alert(1)</script> & "Trích" \'dẫn\'');
    assert.ok(hit, 'the article is served, its title as imported');
    const path = new URL(hit.url).pathname;
    assert.match(path, /^\/thoi-su\/script-alert-1-script-trich-dan-\d+\.html$/);
    const html = (await getText(base + path)).text;
    // JSON-LD blocks are data, not scripts; every script that runs is the site's own file.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
      .filter((t) => !/type="application\/ld\+json"/.test(t));
    assert.ok(scripts.every((t) => / src="\/static\//.test(t)), `only the site's own scripts: ${scripts}`);
    assert.ok(!html.includes('<script>alert(1)'), 'the title stays text in the JSON-LD too');
    assert.doesNotMatch(html, /<img src=x|<img[^>]*onerror|="javascript:|<b>đậm|<a href=x>/);
    assert.ok(html.includes('<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; '), 'the title as text');
    assert.match(html, /<title>&lt;script&gt;/);
    assert.match(html, /<meta name="description" content="&lt;b&gt;đậm&lt;\/b&gt; &amp; &lt;i&gt;">/);
    assert.ok(html.includes('<figcaption>&lt;img src=x onerror=alert(2)&gt;</figcaption>'), 'the caption as text');
    assert.ok(html.includes('&lt;/p&gt;&lt;script&gt;alert(4)&lt;/script&gt;'), 'the paragraph as text');
    assert.ok(html.includes('<div class="photo-missing"'), 'a javascript: image is no image');
    for (const p of ['/', '/thoi-su/']) {
      const page = (await getText(base + p)).text;
      assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), `${p} shows the title as text`);
      assert.doesNotMatch(page, /<script>alert/, `${p} runs nothing`);
    }
  });

  test('an unknown path gets the Vietnamese 404 page', async () => {
    for (const p of ['/khong-co-trang-nay', '/khong-co-chuyen-muc/', '/thoi-su/khong-co-bai-999999.html', '/a/b/c']) {
      const r = await getText(base + p);
      assert.equal(r.status, 404, p);
      assert.match(r.headers['content-type'], /^text\/html/);
      assert.match(r.text, /<html lang="vi"/);
      assert.match(r.text, /Không tìm thấy trang/);
      assert.match(r.text, /href="\/"/, 'the 404 page leads back home');
    }
  });

  test('a wrong slug with a valid id is sent to the canonical address (301)', async () => {
    const id = paper.model.id;
    for (const wrong of [
      `/${MODEL.categorySlug}/ten-cu-${id}.html`,
      `/the-gioi/${MODEL.slug}-${id}.html`,
      `/${MODEL.categorySlug}/${MODEL.slug.slice(0, 20)}-${id}.html`,
    ]) {
      const r = await request(base + wrong);
      assert.equal(r.status, 301, wrong);
      assert.equal(new URL(r.headers.location, base).pathname, paper.modelPath, `${wrong} → canonical`);
    }
  });
});
