// Every screen of the newsroom app in a real browser: the weight of its first load (at most
// 300 KB of JavaScript compressed, the editor's code fetched only when a piece opens), no
// console error or Content-Security-Policy refusal anywhere, every screen at 1280 px and on a
// 768 px tablet without sideways scrolling, a screenshot of each, a keyboard-only pass from
// logging in to submitting, and the message of a locked-out login.
// Needs ../shared, /usr/bin/chromium and tests/node_modules.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { MISSING_BROWSER, launchChromium, openDesk } from './browser.mjs';
import { STAFF, apiAs, deskAs, editor, logIn, shot, watchProblems } from './newsroom.mjs';
import { NEEDS_ENGINE, NEEDS_SHARED } from '../integration/helpers.mjs';

const SKIP = NEEDS_SHARED || MISSING_BROWSER || NEEDS_ENGINE;
const KB = 1024;

describe('the newsroom app\'s screens', { skip: SKIP }, () => {
  let paper, browser, base, id;
  const desks = [];
  before(async () => {
    const { startNewsroom } = await import('./newsroom.mjs');
    paper = await startNewsroom({ corpusLines: 30 });
    base = paper.server.url;
    browser = await launchChromium();
    const reporter = await apiAs(paper, 'reporter');
    const r = await reporter.api('POST', '/api/v1/admin/articles', {
      title: 'Bài để xem các màn hình',
      lead: 'Sapo của bài.',
      category: 'Thời sự',
      authors: ['Minh Anh'],
      blocks: [{ type: 'paragraph', text: 'Đoạn thân bài.' }],
    });
    id = r.json.id;
    // A second revision, so the history has a difference to show.
    const saved = await reporter.api('PUT', `/api/v1/admin/articles/${id}`, {
      title: 'Bài để xem các màn hình, đã sửa',
      lead: 'Sapo của bài.',
      category: 'Thời sự',
      authors: ['Minh Anh'],
      blocks: [{ type: 'paragraph', text: 'Đoạn thân bài đã sửa.' }],
      revision: r.json.revision,
    });
    assert.equal(saved.status, 200, saved.text);
  });
  after(async () => {
    for (const d of desks) await d.context.close().catch(() => {});
    await browser?.close();
    await paper?.close();
  });

  test('the first load is at most 300 KB of JavaScript compressed; the editor comes only with a piece', async () => {
    const context = await openDesk(browser);
    desks.push({ context });
    const page = await context.newPage();
    const scripts = new Map();
    page.on('response', async (r) => {
      if (r.request().resourceType() !== 'script') return;
      const sizes = await r.request().sizes().catch(() => null);
      scripts.set(new URL(r.url()).pathname, sizes ? sizes.responseBodySize : 0);
    });
    await page.goto(`${base}/toa-soan/`, { waitUntil: 'networkidle' });
    await logIn(page, STAFF.reporter.username);
    await page.waitForLoadState('networkidle');
    const first = new Map(scripts);
    const firstBytes = [...first.values()].reduce((a, b) => a + b, 0);
    console.log(`first load: ${first.size} scripts, ${(firstBytes / KB).toFixed(1)} KB compressed`);
    assert.ok(firstBytes > 0, 'the sizes were measured');
    assert.ok(firstBytes <= 300 * KB, `${(firstBytes / KB).toFixed(1)} KB of JavaScript on first load`);
    for (const name of first.keys()) assert.ok(name.startsWith('/toa-soan/assets/'), `served by the app itself: ${name}`);

    await page.goto(`${base}/toa-soan/bai/${id}`, { waitUntil: 'networkidle' });
    await editor.body(page).waitFor();
    const later = [...scripts.keys()].filter((n) => !first.has(n));
    assert.ok(later.length > 0, 'opening a piece fetched the editor\'s code');
    const editorBytes = later.reduce((a, n) => a + scripts.get(n), 0);
    console.log(`editor: ${later.length} more scripts, ${(editorBytes / KB).toFixed(1)} KB compressed`);
  });

  const screens = [
    ['desk', '/toa-soan/', 'chief', /Chờ tôi xử lý/],
    ['list', '/toa-soan/bai', 'chief', /Bài viết/],
    ['editor', () => `/toa-soan/bai/${id}`, 'chief', /Nội dung bài|Tiêu đề/],
    ['new-piece', '/toa-soan/bai/moi', 'reporter', /Tiêu đề/],
    ['history', () => `/toa-soan/bai/${id}/lich-su`, 'chief', /Lịch sử/],
    ['users', '/toa-soan/nguoi-dung', 'admin', /Người dùng/],
    ['settings', '/toa-soan/cai-dat', 'admin', /Cài đặt/],
    ['audit', '/toa-soan/nhat-ky', 'admin', /Nhật ký/],
  ];

  for (const [width, label] of [[1280, 'desk'], [768, 'tablet']]) {
    test(`every screen at ${width} px: its heading, no sideways scroll, no console error or CSP refusal`, async () => {
      for (const [name, at, who, heading] of screens) {
        const path = typeof at === 'function' ? at() : at;
        const d = await deskAs(browser, paper, who, { path, viewport: { width, height: 900 } });
        desks.push(d);
        const { page } = d;
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        // A screen may still say "Đang tải…" when the network goes quiet: give it a moment to
        // show what it holds, its text read as shown (innerText) until it matches, so that a
        // screen which drew its answer and then started loading again is read once settled; the
        // assertion below decides.
        await page
          .waitForFunction((source) => new RegExp(source).test(document.querySelector('main')?.innerText ?? ''), heading.source, {
            timeout: 10_000,
          })
          .catch(() => {});
        assert.match(await page.locator('main').innerText(), heading, `${name}: what it shows`);
        const h1 = await page.getByRole('heading', { level: 1 }).count();
        assert.equal(h1, 1, `${name}: one h1`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${name} at ${width} px scrolls sideways by ${overflow} px`);
        assert.deepEqual(page.problems, [], `${name}: console errors`);
        await shot(page, `${name}-${label}`);
        await d.context.close();
      }
    });
  }

  test('login screen: screenshot, and every control labelled', async () => {
    const context = await openDesk(browser);
    desks.push({ context });
    const page = await context.newPage();
    watchProblems(page);
    await page.goto(`${base}/toa-soan/`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea')].filter((e) => e.type !== 'hidden' && !e.labels?.length && !e.getAttribute('aria-label')).length,
    );
    assert.equal(unlabelled, 0);
    await shot(page, 'login');
    assert.deepEqual(page.problems, []);
  });

  test('keyboard only, from logging in to submitting a new piece, with the focus always visible', async () => {
    const context = await openDesk(browser);
    desks.push({ context });
    const page = await context.newPage();
    await page.goto(`${base}/toa-soan/`);
    await page.getByLabel('Tên đăng nhập').waitFor();

    // Presses Tab until the focused element's accessible name matches, checking the focus ring.
    async function tabTo(name, max = 60) {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(() => {
          const e = document.activeElement;
          const label = e.labels?.[0]?.textContent ?? '';
          const name = (e.getAttribute('aria-label') || label || e.textContent || '').trim();
          const s = getComputedStyle(e);
          const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
          // Tab also walks the parts of a date and time field (day, month, … its picker), which
          // Chromium marks itself; the ring is checked when the focus arrives at the field.
          const arrived = window.lastFocused !== e;
          window.lastFocused = e;
          return { name, ring, arrived, tag: e.tagName, style: `${s.outlineStyle} ${s.outlineWidth} ${s.boxShadow}` };
        });
        if (f.tag !== 'BODY' && f.arrived) assert.ok(f.ring, `the focus on "${f.name}" (${f.tag}) is visible: ${f.style}`);
        if (typeof name === 'string' ? f.name === name : name.test(f.name)) return;
      }
      assert.fail(`Tab never reached ${name}`);
    }

    await tabTo('Tên đăng nhập');
    await page.keyboard.type(STAFF.reporter.username);
    await tabTo('Mật khẩu');
    await page.keyboard.type((await import('./newsroom.mjs')).PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Tòa soạn' }).waitFor();
    await tabTo('Viết bài mới');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/toa-soan\/bai\/moi$/);
    await editor.title(page).waitFor();
    await tabTo('Tiêu đề');
    await page.keyboard.type('Bài viết chỉ bằng bàn phím');
    await tabTo('Sapo');
    await page.keyboard.type('Sapo gõ bằng bàn phím.');
    await tabTo('Nội dung bài');
    await page.keyboard.type('Thân bài gõ bằng bàn phím.');
    await page.keyboard.press('Control+s');
    await editor.saved(page);
    await tabTo('Gửi biên tập');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await tabTo('Xác nhận', 10);
    await page.keyboard.press('Enter');
    await page.getByText('Chờ biên tập').first().waitFor();
  });

  test('ten wrong passwords: the login screen says to try again later', async () => {
    const context = await openDesk(browser);
    desks.push({ context });
    const page = await context.newPage();
    await page.goto(`${base}/toa-soan/`);
    for (let i = 0; i < 11; i++) {
      await page.getByLabel('Tên đăng nhập').fill(STAFF.moderator.username);
      await page.getByLabel('Mật khẩu').fill(`sai mật khẩu ${i}`);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByText(/Sai tên đăng nhập hoặc mật khẩu|Đăng nhập sai quá nhiều lần/).waitFor();
    }
    await page.getByText(/Đăng nhập sai quá nhiều lần\. Hãy thử lại sau \d+ phút\./).waitFor();
    await shot(page, 'login-locked');
  });
});
