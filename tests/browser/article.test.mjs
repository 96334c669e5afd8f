// The model article in a real browser (Debian's chromium, driven by playwright-core) at a
// phone's size: what a reader sees, the "Tin mới" links, the comment box's live counter with
// Vietnamese typed or pasted decomposed, the 500-character cap, the 5-character message, a
// 320 px screen, the keyboard path. Saves phone-width screenshots in tests/browser/artifacts/.
// Needs ../shared (the model article), /usr/bin/chromium and tests/node_modules.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ARTIFACTS, MISSING_BROWSER, expectText as expectTextOn, launchPhone } from './browser.mjs';
import { MODEL, NEEDS_SHARED, startNewspaper } from '../integration/helpers.mjs';

const SKIP = NEEDS_SHARED || MISSING_BROWSER;

const counter = (n) => `Bạn còn ${n}/500 ký tự`;
const TOO_SHORT = 'Bạn vui lòng nhập từ 5 ký tự trở lên !!!';

describe('the model article in a browser', { skip: SKIP }, () => {
  let paper;
  let browser;
  let context;
  let page;
  let articleUrl;

  before(async () => {
    paper = await startNewspaper({ corpusLines: 40 });
    articleUrl = paper.server.url + paper.modelPath;
    ({ browser, context } = await launchPhone());
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: paper.server.url });
    page = await context.newPage();
  });

  after(async () => {
    if (browser) await browser.close();
    if (paper) await paper.close();
  });

  const expectText = (selector, want, timeout) => expectTextOn(page, selector, want, timeout);

  async function freshArticle() {
    await page.goto(articleUrl, { waitUntil: 'load' });
    await expectText('p.counter', counter(500));
  }

  test('title, captions in order, byline and a phone-width screenshot', async () => {
    const r = await page.goto(articleUrl, { waitUntil: 'load' });
    assert.equal(r.status(), 200);
    assert.equal((await page.textContent('h1')).trim(), MODEL.title);
    assert.ok((await page.title()).startsWith(MODEL.title), `document title: ${await page.title()}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    const captions = (await page.$$eval('article figure figcaption', (els) => els.map((e) => e.textContent.trim())));
    assert.deepEqual(captions, MODEL.captions);
    assert.equal((await page.textContent('p.byline')).trim(), MODEL.byline);
    assert.equal((await page.textContent('article time')).trim(), MODEL.date);
    assert.equal((await page.textContent('section.comments h2')).trim(), 'BÌNH LUẬN');
    await expectText('p.counter', counter(500));
    // Every figure is visible and as wide as the text, not collapsed to nothing.
    const boxes = await page.$$eval('article figure', (els) => els.map((e) => e.getBoundingClientRect().height));
    assert.ok(boxes.every((h) => h > 40), `figures have height: ${boxes}`);

    await page.screenshot({ path: path.join(ARTIFACTS, 'article-360.png'), fullPage: false });
    await page.screenshot({ path: path.join(ARTIFACTS, 'article-360-full.png'), fullPage: true });
  });

  test('the "Tin mới" links open their articles', async () => {
    await page.goto(articleUrl);
    const links = await page.$$eval('#tin-moi ~ ul.list a', (as) => as.map((a) => ({ href: a.href, text: a.textContent.trim() })));
    assert.ok(links.length >= 5, `${links.length} links under "Tin mới"`);
    for (const i of [0, links.length - 1]) {
      await page.goto(articleUrl);
      const link = page.locator('#tin-moi ~ ul.list a').nth(i);
      await Promise.all([page.waitForURL(links[i].href), link.click()]);
      assert.equal(page.url(), links[i].href);
      assert.equal((await page.textContent('h1')).trim(), links[i].text, 'the page of the article clicked');
    }
  });

  test('typing makes the counter fall', async () => {
    await freshArticle();
    const box = page.locator('textarea#comment-text');
    await box.click();
    await page.keyboard.type('Chào!');
    await expectText('p.counter', counter(495));
    await page.keyboard.type(' Tôi đồng ý'); // 11 more, Vietnamese letters each one character
    await expectText('p.counter', counter(484));
    await page.keyboard.press('Backspace');
    await expectText('p.counter', counter(485));
  });

  test('decomposed Vietnamese counts as precomposed, typed or pasted', async () => {
    await freshArticle();
    const box = page.locator('textarea#comment-text');
    await box.click();
    // "ệ" as e + dot below + circumflex: one letter, three code points.
    await page.keyboard.insertText('e\u0323\u0302'.repeat(10));
    await expectText('p.counter', counter(490));
    assert.equal(await box.inputValue(), 'ệ'.repeat(10), 'the box holds the precomposed letters');

    // A real paste from the clipboard.
    await freshArticle();
    await box.click();
    await page.evaluate((t) => navigator.clipboard.writeText(t), 'Nghi\u0323 quye\u0302\u0301t');
    await page.keyboard.press('Control+V');
    await expectText('p.counter', counter(500 - 'Nghị quyết'.length));
    assert.equal((await box.inputValue()).normalize('NFC'), 'Nghị quyết');
  });

  test('the box never holds more than 500 characters', async () => {
    await freshArticle();
    const box = page.locator('textarea#comment-text');
    await box.fill('a'.repeat(600));
    await expectText('p.counter', counter(0));
    assert.equal([...(await box.inputValue())].length, 500);
    await box.press('End');
    await page.keyboard.type('bcd');
    await expectText('p.counter', counter(0));
    assert.equal([...(await box.inputValue())].length, 500, 'typing at the limit adds nothing');

    // 600 decomposed letters are 600 characters too, not 1800 code points or 600 × 3 units.
    await freshArticle();
    await box.click();
    await page.keyboard.insertText('e\u0323\u0302'.repeat(499));
    await expectText('p.counter', counter(1));
    await page.keyboard.insertText('e\u0323\u0302'.repeat(101));
    await expectText('p.counter', counter(0));
    assert.equal(await box.inputValue(), 'ệ'.repeat(500));
  });

  test('submitting fewer than 5 characters shows the message and sends nothing', async () => {
    await freshArticle();
    const requests = [];
    const onRequest = (r) => {
      if (r.method() !== 'GET') requests.push(`${r.method()} ${r.url()}`);
    };
    page.on('request', onRequest);
    try {
      const box = page.locator('textarea#comment-text');
      await box.fill('abcd');
      await expectText('p.counter', counter(496));
      await page.click('form.comment-form button[type="submit"]');
      await expectText('p.notice', TOO_SHORT);
      assert.equal(page.url(), articleUrl, 'still on the article');
      assert.deepEqual(requests, [], 'nothing was sent');
      assert.equal(await box.inputValue(), 'abcd', 'the text is kept');

      // Four decomposed letters are still four; spaces around them do not count.
      await box.fill('  e\u0323\u0302e\u0323\u0302e\u0323\u0302e\u0323\u0302  ');
      await page.click('form.comment-form button[type="submit"]');
      await expectText('p.notice', TOO_SHORT);

      // Five are enough: the message goes.
      await box.fill('abcde');
      await page.click('form.comment-form button[type="submit"]');
      const notice = (await page.textContent('p.notice')).trim();
      assert.notEqual(notice, TOO_SHORT);
      assert.deepEqual(requests.filter((r) => !r.includes('/static/')), [], 'and nothing sent without a place to send it');
    } finally {
      page.off('request', onRequest);
    }
  });

  test('usable at 320 px: no horizontal scrolling', async () => {
    const narrow = await context.newPage();
    try {
      await narrow.setViewportSize({ width: 320, height: 640 });
      for (const p of [paper.modelPath, '/', '/thoi-su/']) {
        await narrow.goto(paper.server.url + p, { waitUntil: 'load' });
        const w = await narrow.evaluate(() => document.scrollingElement.scrollWidth);
        assert.ok(w <= 320, `${p}: scrollWidth ${w} at 320 px`);
        // The comment box and the text fit the screen.
        if (p === paper.modelPath) {
          const box = await narrow.locator('textarea#comment-text').boundingBox();
          assert.ok(box.x >= 0 && box.x + box.width <= 320, `the comment box fits: ${JSON.stringify(box)}`);
          await narrow.screenshot({ path: path.join(ARTIFACTS, 'article-320.png') });
        }
      }
    } finally {
      await narrow.close();
    }
  });

  test('keyboard: the skip link comes first, and Tab reaches the comment box', async () => {
    await freshArticle();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      cls: document.activeElement.className,
      text: document.activeElement.textContent.trim(),
      href: document.activeElement.getAttribute('href'),
    }));
    assert.equal(first.cls, 'skip', `the first Tab stop is the skip link: ${JSON.stringify(first)}`);
    const target = first.href.slice(1);
    assert.ok(await page.$(`#${target}`), `the skip link's target #${target} exists`);
    // The skip link is visible while focused.
    const box = await page.locator('a.skip').boundingBox();
    assert.ok(box && box.width > 0 && box.height > 0 && box.y >= 0, 'visible when focused');

    let reached = false;
    for (let i = 0; i < 150 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'comment-text');
    }
    assert.ok(reached, 'Tab reaches the comment box');
    await page.keyboard.type('Hay lắm');
    await expectText('p.counter', counter(493));
  });
});
