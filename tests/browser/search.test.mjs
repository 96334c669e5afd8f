// Search in a real browser (Debian's chromium, driven by playwright-core) at a phone's size:
// a reader types "nghi quyet hoi nghi lan thu sau" — no marks, as on a keyboard without a
// Vietnamese input method — in the masthead's search box, submits, finds the model article
// first and opens it; suggestions appear in the box's list while typing; the results page fits
// a 360 px and a 320 px screen. Saves screenshots in tests/browser/artifacts/.
// Needs ../shared (the model article), /usr/bin/chromium and tests/node_modules.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ARTIFACTS, MISSING_BROWSER, launchPhone } from './browser.mjs';
import { MODEL, NEEDS_SHARED, startNewspaper } from '../integration/helpers.mjs';

const SKIP = NEEDS_SHARED || MISSING_BROWSER;

const QUERY = 'nghi quyet hoi nghi lan thu sau';
const BOX = 'form[role="search"][action="/tim-kiem"] input#tu-khoa';
const FIRST_RESULT = 'ol.results > li:first-child h2 a';

describe('search in a browser', { skip: SKIP }, () => {
  let paper;
  let browser;
  let context;
  let page;

  before(async () => {
    paper = await startNewspaper({ corpusLines: 100 });
    ({ browser, context } = await launchPhone());
    // A missing element fails in seconds, not playwright's 30.
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
  });

  after(async () => {
    if (browser) await browser.close();
    if (paper) await paper.close();
  });

  test('type in the masthead box, submit: the model article is first and its link opens it', async () => {
    const r = await page.goto(paper.server.url + '/', { waitUntil: 'load' });
    assert.equal(r.status(), 200);
    const box = page.locator(BOX);
    assert.ok(await box.isVisible(), 'the search box is visible on a phone');
    const bounds = await box.boundingBox();
    assert.ok(bounds.x >= 0 && bounds.x + bounds.width <= 360, `the box fits the screen: ${JSON.stringify(bounds)}`);
    const name = await box.evaluate(
      (el) => el.labels?.[0]?.textContent.trim() || el.getAttribute('aria-label') || el.getAttribute('title') || '',
    );
    assert.ok(name.length > 0, 'the box has a label a screen reader can say');

    await box.click();
    await page.keyboard.type(QUERY);
    await Promise.all([page.waitForURL(/\/tim-kiem\?/), page.keyboard.press('Enter')]);
    const url = new URL(page.url());
    assert.equal(url.pathname, '/tim-kiem');
    assert.equal(url.searchParams.get('q'), QUERY);
    assert.equal((await page.textContent('h1')).trim(), 'Tìm kiếm');
    assert.match((await page.textContent('p.search-count')).trim(), /^Tìm thấy [\d.]+ kết quả/);

    const first = page.locator(FIRST_RESULT);
    assert.equal((await first.textContent()).trim(), MODEL.title, 'the model article is the first result');
    assert.ok((await page.locator('ol.results > li:first-child h2 a mark').count()) >= 6, 'its title marks the words found');
    const snippetMarks = await page.$$eval('ol.results > li:first-child p.snippet mark', (ms) => ms.map((m) => m.textContent));
    assert.ok(snippetMarks.includes('Nghị'), `the snippet marks accented words: ${snippetMarks}`);
    assert.ok((await page.locator('ol.results > li:first-child p.meta time').count()) === 1, 'a date');
    // The query stays in the box, and the page fits the phone.
    assert.equal(await page.locator('form.search-form input[name="q"]').inputValue(), QUERY);
    const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(w <= 360, `no horizontal scrolling: ${w}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'search-360.png') });

    await Promise.all([page.waitForURL(paper.server.url + paper.modelPath), first.click()]);
    assert.equal((await page.textContent('h1')).trim(), MODEL.title, 'the article opens');
  });

  test('suggestions fill the box’s list while typing', async () => {
    await page.goto(paper.server.url + paper.modelPath, { waitUntil: 'load' });
    const box = page.locator(BOX);
    assert.equal(await box.getAttribute('list'), 'goi-y');
    assert.equal(await page.locator('datalist#goi-y option').count(), 0, 'empty before typing');
    await box.click();
    await page.keyboard.type('nghi quyet hoi ngh', { delay: 40 });
    await page.waitForFunction(() => document.querySelectorAll('datalist#goi-y option').length > 0, null, {
      timeout: 5_000,
    });
    const options = await page.$$eval('datalist#goi-y option', (os) => os.map((o) => o.value || o.textContent));
    assert.ok(options.length <= 8, `at most 8: ${options.length}`);
    assert.ok(options.includes(MODEL.title), `the model title among ${JSON.stringify(options)}`);

    // Typing on changes them; clearing the box leaves none that mislead.
    await box.fill('');
    await box.click();
    await page.keyboard.type('xyzzyplughqwv', { delay: 20 });
    await page
      .waitForFunction(() => document.querySelectorAll('datalist#goi-y option').length === 0, null, { timeout: 3_000 })
      .catch(() => {});
    assert.equal(await page.locator('datalist#goi-y option').count(), 0, 'no stale suggestions for a word nothing has');
  });

  test('nothing found, at 320 px: a helpful message and no horizontal scrolling', async () => {
    const narrow = await context.newPage();
    try {
      await narrow.setViewportSize({ width: 320, height: 640 });
      for (const q of ['xyzzyplughqwv', QUERY, 'x'.repeat(300)]) {
        const r = await narrow.goto(`${paper.server.url}/tim-kiem?q=${encodeURIComponent(q)}`, { waitUntil: 'load' });
        assert.equal(r.status(), 200, q.slice(0, 20));
        const w = await narrow.evaluate(() => document.scrollingElement.scrollWidth);
        assert.ok(w <= 320, `${q.slice(0, 20)}: scrollWidth ${w} at 320 px`);
      }
      await narrow.goto(`${paper.server.url}/tim-kiem?q=xyzzyplughqwv`, { waitUntil: 'load' });
      assert.ok(await narrow.locator('p.no-results').isVisible(), 'the no-results message shows');
      await narrow.screenshot({ path: path.join(ARTIFACTS, 'search-none-320.png') });
    } finally {
      await narrow.close();
    }
  });
});
