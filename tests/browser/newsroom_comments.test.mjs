// Readers' comments end to end in real browsers: a reader posts under the model article (the
// counter and the message as on the model page), a moderator approves it in the newsroom app,
// and it appears on the reader's open page without a reload; the moderator's queue takes in a
// new comment by itself and `a` approves it; a reader's reply and a like; and the plain form of
// a page without JavaScript. On this run's store. Needs ../shared, /usr/bin/chromium and
// tests/node_modules.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { MISSING_BROWSER, launchChromium, launchPhone } from './browser.mjs';
import { deskAs, shot, startNewsroom } from './newsroom.mjs';
import { NEEDS_ENGINE, NEEDS_SHARED, skipIf } from '../integration/helpers.mjs';

const RECEIVED = 'Cảm ơn bạn! Bình luận đang chờ duyệt.';

describe('readers’ comments, from the page to the moderator and back', { skip: skipIf(NEEDS_ENGINE, NEEDS_SHARED, MISSING_BROWSER) }, () => {
  let paper, phone, reader, desk, moderator, articleUrl;

  before(async () => {
    paper = await startNewsroom({ corpusLines: 10, args: ['--comment-rate-limit', '0'] });
    articleUrl = paper.server.url + paper.modelPath;
    phone = await launchPhone();
    reader = await phone.context.newPage();
    desk = await launchChromium();
    ({ page: moderator } = await deskAs(desk, paper, 'moderator', { path: '/toa-soan/binh-luan' }));
  });
  after(async () => {
    await phone?.browser.close();
    await desk?.close();
    await paper?.close();
  });

  async function post(page, text, name = 'Minh Anh') {
    await page.fill('textarea#comment-text', text);
    await page.fill('#comment-name', name);
    await page.click('form.comment-form button[type="submit"]');
    await page.waitForFunction((want) => document.querySelector('#comment-notice')?.textContent.includes(want), RECEIVED);
  }

  // The moderator's card for a comment, found by its text.
  const card = (text) => moderator.locator('article.comment-card').filter({ hasText: text });

  test('a posted comment, approved in the app, appears on the reader’s open page without a reload', async () => {
    await reader.goto(articleUrl);
    assert.equal((await reader.textContent('#comment-count')).trim(), 'Bạn còn 500/500 ký tự');
    const text = 'Bài viết rất hữu ích cho bà con trong tỉnh.';
    await reader.fill('textarea#comment-text', text);
    assert.equal((await reader.textContent('#comment-count')).trim(), `Bạn còn ${500 - [...text].length}/500 ký tự`);
    await reader.fill('#comment-name', 'Minh Anh');
    await reader.click('form.comment-form button[type="submit"]');
    await reader.waitForFunction((want) => document.querySelector('#comment-notice')?.textContent.includes(want), RECEIVED);
    assert.equal(await reader.inputValue('textarea#comment-text'), '', 'the box is cleared once received');
    assert.equal(await reader.locator('.comment-text', { hasText: text }).count(), 0, 'not shown before moderation');

    await moderator.reload();
    await card(text).getByRole('button', { name: 'Duyệt', exact: true }).click();
    await card(text).waitFor({ state: 'detached' });
    await reader.locator('.comment-text', { hasText: text }).waitFor({ timeout: 5_000 });
    await shot(reader, 'comments-live');
  });

  test('the queue takes in a new comment by itself, and the key a approves it', async () => {
    const text = 'Mong tỉnh sớm triển khai nghị quyết ở cơ sở.';
    await post(reader, text, 'Trần Hùng');
    const fresh = card(text);
    await fresh.waitFor({ timeout: 10_000 });
    await fresh.focus();
    await moderator.keyboard.press('a');
    await fresh.waitFor({ state: 'detached' });
    await reader.locator('.comment-text', { hasText: text }).waitFor({ timeout: 5_000 });
  });

  test('a reader replies under a comment, and likes it once', async () => {
    const parent = reader.locator('li.comment', { hasText: 'Bài viết rất hữu ích' }).first();
    await parent.locator('.comment-actions .reply').click();
    assert.match(await reader.textContent('form.comment-form .replying'), /Minh Anh/);
    await post(reader, 'Tôi cũng nghĩ như bạn.', 'Lê Thu');
    await moderator.reload();
    await card('Tôi cũng nghĩ như bạn.').getByRole('button', { name: 'Duyệt', exact: true }).click();
    await parent.locator('.comment-text', { hasText: 'Tôi cũng nghĩ như bạn.' }).waitFor({ timeout: 5_000 });

    const like = parent.locator('> .comment-actions .like');
    await like.click();
    // The count comes with the answer or with the stream, whichever is first; the button stays
    // disabled through both (the stream may redraw the comment before the answer arrives).
    await reader.waitForFunction(() => {
      const b = [...document.querySelectorAll('li.comment')].find((li) => li.textContent.includes('Bài viết rất hữu ích'))
        ?.querySelector(':scope > .comment-actions .like');
      return b?.querySelector('.likes')?.textContent.trim() === '1';
    }, null, { timeout: 5_000 });
    assert.equal(await like.isDisabled(), true, 'liked once: the button is off');
  });

  test('without JavaScript the plain form posts and comes back with the message', async () => {
    const plain = await phone.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    try {
      const p = await plain.newPage();
      await p.goto(articleUrl);
      await p.fill('textarea#comment-text', 'Gửi từ điện thoại không bật JavaScript.');
      await p.fill('#comment-name', 'Bạn Đọc');
      await Promise.all([p.waitForNavigation(), p.click('form.comment-form button[type="submit"]')]);
      assert.match(p.url(), /\?binh-luan=da-gui#binh-luan$/);
      assert.equal((await p.textContent('#comment-notice')).trim(), RECEIVED);
      await moderator.reload();
      await card('Gửi từ điện thoại không bật JavaScript.').waitFor();
    } finally {
      await plain.close();
    }
  });
});
