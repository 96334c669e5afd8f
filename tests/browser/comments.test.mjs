// The comment section of the model article in a real browser at a phone's size, with only the
// server's read side: the counter and the messages exactly as on the model page, a paste of
// more than 500 characters cut, the name checked before anything is sent, "Trả lời" opening the
// form as a reply and "Hủy" closing it, readers' text put in as text, the honeypot out of the
// keyboard's way, and the form posting without JavaScript. A comment "arriving live" comes from
// a stream the test serves in the browser (page.route), since the server's stream is not built
// yet. Needs ../shared (the model article), /usr/bin/chromium and tests/node_modules.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { MISSING_BROWSER, launchPhone } from './browser.mjs';
import { NEEDS_SHARED, startNewspaper } from '../integration/helpers.mjs';

const SKIP = NEEDS_SHARED || MISSING_BROWSER;

const counter = (n) => `Bạn còn ${n}/500 ký tự`;
const TOO_SHORT = 'Bạn vui lòng nhập từ 5 ký tự trở lên !!!';
const BAD_NAME = 'Bạn vui lòng nhập họ tên (2–50 ký tự)';

// Two approved comments as the stream sends them (docs/api.md, "Reader comments"): a thread,
// whose author's name is markup that must show as text, and the newspaper's reply to it.
function liveComments(articleId) {
  const now = new Date(Date.now() - 5 * 60_000 + 7 * 3600_000).toISOString().slice(0, 19) + '+07:00';
  const thread = {
    id: 9001, parent_id: null, name: '<img src=x onerror="window.pwned=1">Lan', content: 'Bài viết <b>rất</b> hay.',
    created: now, likes: 2, pinned: false, newsroom: false, edited: false, replies: [],
  };
  const reply = { ...thread, id: 9002, parent_id: 9001, name: 'Ban biên tập', content: 'Cảm ơn bạn.', newsroom: true };
  delete reply.replies;
  return `id: 1\nevent: comment\ndata: ${JSON.stringify(thread)}\n\nid: 2\nevent: comment\ndata: ${JSON.stringify(reply)}\n\n`;
}

describe('the comment section in a browser', { skip: SKIP }, () => {
  let paper;
  let browser;
  let context;
  let page;
  let articleUrl;

  before(async () => {
    paper = await startNewspaper({ corpusLines: 10 });
    articleUrl = paper.server.url + paper.modelPath;
    ({ browser, context } = await launchPhone());
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: paper.server.url });
    page = await context.newPage();
  });

  after(async () => {
    if (browser) await browser.close();
    if (paper) await paper.close();
  });

  async function expectText(selector, want, timeout = 5_000) {
    try {
      await page.waitForFunction(([s, w]) => document.querySelector(s)?.textContent.trim() === w, [selector, want], {
        timeout,
      });
    } catch {
      /* the assertion below says what was there */
    }
    assert.equal((await page.textContent(selector))?.trim(), want, selector);
  }

  async function freshArticle() {
    await page.goto(articleUrl, { waitUntil: 'load' });
    await expectText('p.counter', counter(500));
  }

  test('the counter falls as on the model page, and fewer than 5 characters get its message', async () => {
    await freshArticle();
    assert.equal((await page.textContent('section.comments h2')).trim(), 'BÌNH LUẬN');
    await page.locator('textarea#comment-text').click();
    await page.keyboard.type('Hay');
    await expectText('p.counter', counter(497));
    await page.click('form.comment-form button[type="submit"]');
    await expectText('p.notice', TOO_SHORT);
  });

  test('more than 500 characters pasted are cut to 500', async () => {
    await freshArticle();
    const box = page.locator('textarea#comment-text');
    await box.click();
    await page.evaluate((t) => navigator.clipboard.writeText(t), 'Đồng ý. '.repeat(100)); // 800 characters
    await page.keyboard.press('Control+V');
    await expectText('p.counter', counter(0));
    assert.equal([...(await box.inputValue())].length, 500);
  });

  test('the name is checked before anything is sent', async () => {
    await freshArticle();
    const sent = [];
    const onRequest = (r) => {
      if (r.method() !== 'GET') sent.push(`${r.method()} ${r.url()}`);
    };
    page.on('request', onRequest);
    try {
      await page.fill('textarea#comment-text', 'Một ý kiến đủ dài.');
      await page.fill('#comment-name', 'A');
      await page.click('form.comment-form button[type="submit"]');
      await expectText('p.notice', BAD_NAME);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'comment-name');
      assert.deepEqual(sent, []);
      assert.equal(await page.inputValue('textarea#comment-text'), 'Một ý kiến đủ dài.', 'what was typed is kept');
    } finally {
      page.off('request', onRequest);
    }
  });

  test('the honeypot is out of sight and never reached with Tab', async () => {
    await freshArticle();
    const hp = await page.$eval('#comment-website', (e) => ({
      tabIndex: e.tabIndex,
      hidden: e.closest('[aria-hidden="true"]') !== null,
      box: e.getBoundingClientRect().toJSON(),
      autocomplete: e.getAttribute('autocomplete'),
    }));
    assert.equal(hp.tabIndex, -1);
    assert.ok(hp.hidden, 'hidden from screen readers');
    assert.equal(hp.autocomplete, 'off');
    assert.ok(hp.box.right <= 0 || hp.box.width <= 1, `out of sight: ${JSON.stringify(hp.box)}`);
    await page.focus('textarea#comment-text');
    const stops = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate(() => document.activeElement.id || document.activeElement.tagName));
    }
    assert.deepEqual(stops.slice(0, 3), ['comment-name', 'comment-email', 'BUTTON'], `Tab order: ${stops}`);
    assert.ok(!stops.includes('comment-website'));
  });

  test('a live comment shows its reader text as text, and "Trả lời" opens the form as a reply', async () => {
    const stream = `**/api/v1/articles/${paper.model.id}/comments/stream`;
    await page.route(stream, (route) =>
      route.fulfill({ status: 200, contentType: 'text/event-stream', body: liveComments(paper.model.id) }));
    try {
      await freshArticle();
      await page.waitForSelector('#bl-9002', { timeout: 5_000 });
      assert.equal(await page.evaluate(() => window.pwned), undefined, 'no markup from a reader ran');
      assert.equal((await page.textContent('#bl-9001 > .comment-head .comment-name')).trim(),
        '<img src=x onerror="window.pwned=1">Lan');
      assert.equal((await page.textContent('#bl-9001 > .comment-text')).trim(), 'Bài viết <b>rất</b> hay.');
      assert.equal(await page.$$eval('section.comments img', (els) => els.length), 0);
      assert.ok(await page.$('#bl-9001 > .replies > #bl-9002'), 'the reply stands under its thread');
      assert.equal((await page.textContent('#bl-9002 .mark')).trim(), 'Tòa soạn');
      assert.equal((await page.textContent('#bl-9001 > .comment-head time')).trim(), '5 phút trước');
      await expectText('section.comments h2', 'BÌNH LUẬN (2)');
      await expectText('#comment-live', 'Bình luận mới của Ban biên tập: Cảm ơn bạn.');

      // Reply to the reply: one level, so it answers the thread, naming whom it answers.
      await page.click('#bl-9002 .comment-actions .reply');
      assert.ok(await page.$('#bl-9002 > form.comment-form'), 'the form moves under the comment');
      assert.equal(await page.inputValue('form.comment-form input[name="parent_id"]'), '9001');
      await expectText('form.comment-form .replying', 'Đang trả lời Ban biên tập · Hủy');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'comment-text');

      await page.click('form.comment-form .replying button');
      assert.ok(await page.$('section.comments > form.comment-form'), 'back under the heading');
      assert.equal(await page.inputValue('form.comment-form input[name="parent_id"]'), '');
      assert.ok(await page.$eval('form.comment-form .replying', (e) => e.hidden));
    } finally {
      await page.unroute(stream);
    }
  });

  test('without JavaScript the form posts, with its labelled fields', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    try {
      const p = await plain.newPage();
      await p.goto(articleUrl, { waitUntil: 'load' });
      const form = await p.$eval('form.comment-form', (f) => ({ method: f.method, action: new URL(f.action).pathname }));
      assert.deepEqual(form, { method: 'post', action: `/api/v1/articles/${paper.model.id}/comments` });
      for (const [id, label] of [
        ['comment-text', 'Ý kiến của bạn'],
        ['comment-name', 'Họ tên'],
        ['comment-email', 'Email (không bắt buộc, không hiển thị)'],
      ]) {
        assert.equal((await p.textContent(`label[for="${id}"]`)).trim(), label);
        assert.ok(await p.isVisible(`#${id}`), `${id} is visible`);
      }
      assert.equal(await p.getAttribute('#comment-text', 'name'), 'content');
      assert.ok(await p.isVisible('form.comment-form button[type="submit"]'));
      assert.equal((await p.textContent('p.counter')).trim(), counter(500));

      // What the server's redirect after a post brings back: the message in the notice.
      await p.goto(`${articleUrl}?binh-luan=da-gui#binh-luan`, { waitUntil: 'load' });
      assert.equal((await p.textContent('p.notice')).trim(), 'Cảm ơn bạn! Bình luận đang chờ duyệt.');
      await p.goto(`${articleUrl}?binh-luan=loi-closed`, { waitUntil: 'load' });
      assert.equal((await p.textContent('p.notice')).trim(), 'Bình luận đã đóng cho bài viết này.');
    } finally {
      await plain.close();
    }
  });
});

// after the write side lands:
// - posting with JavaScript: 202 thanks with the server's message and empties the box; a 422,
//   409 or 429 shows the server's `reason` and keeps what was typed; a filled honeypot is refused
// - posting without JavaScript: the form POST answers 303 to ?binh-luan=da-gui#binh-luan
//   and the page says "Cảm ơn bạn! Bình luận đang chờ duyệt."; each error code its message
// - a reply posted from "Trả lời" carries parent_id and appears under its thread once approved
// - moderation: a comment approved in the newsroom appears on an open page within seconds
//   (the real stream), is announced in #comment-live, and an article page opened after shows it
//   (the cache purged); a removed one disappears; a `reset` reloads the first page
// - the stream reconnects after the server restarts and sends what was missed (Last-Event-ID)
// - "Thích" counts once per browser: the count rises, the button stays disabled after a reload;
//   "Báo vi phạm" likewise
// - "Mới nhất / Nhiều lượt thích" and "Xem thêm bình luận" over more than 20 real threads
// - comments closed in the newsroom: the line shows and the form is gone
