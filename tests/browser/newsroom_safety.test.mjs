// The newsroom app never loses a word, in real browsers: two people on one piece (the second
// gets the 409 screen with the first one's changes and chooses), the network cut while typing
// and restored, the tab closed and reopened before the autosave, the session ending while
// typing (the app asks for the password and then saves), and who else has the piece open.
// Needs ../shared, /usr/bin/chromium and tests/node_modules.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { MISSING_BROWSER, launchChromium } from './browser.mjs';
import { STAFF, apiAs, deskAs, editor, shot } from './newsroom.mjs';
import { NEEDS_ENGINE, NEEDS_SHARED, sleep } from '../integration/helpers.mjs';

const SKIP = NEEDS_SHARED || MISSING_BROWSER || NEEDS_ENGINE;

const paragraphs = (piece) => piece.blocks.map((b) => (b.runs ? b.runs.map((r) => r.text).join('') : b.text ?? ''));

describe('the newsroom app keeps every word', { skip: SKIP }, () => {
  let paper, browser, chief;
  const desks = [];
  before(async () => {
    const { startNewsroom } = await import('./newsroom.mjs');
    paper = await startNewsroom({ corpusLines: 0 });
    browser = await launchChromium();
    chief = await apiAs(paper, 'chief');
  });
  after(async () => {
    for (const d of desks) await d.context.close().catch(() => {});
    await browser?.close();
    await paper?.close();
  });

  async function desk(who, at) {
    const d = await deskAs(browser, paper, who, { path: at });
    desks.push(d);
    return d;
  }

  /** A piece of the reporter's, made through the API. */
  async function piece(title) {
    const reporter = await apiAs(paper, 'reporter');
    const r = await reporter.api('POST', '/api/v1/admin/articles', {
      title,
      lead: 'Sapo ban đầu của bài.',
      blocks: [{ type: 'paragraph', text: 'Đoạn đầu tiên.' }],
    });
    assert.equal(r.status, 201, r.text);
    return r.json.id;
  }
  const held = async (id) => (await chief.api('GET', `/api/v1/admin/articles/${id}`)).json;

  async function typeAtEnd(page, text) {
    await editor.body(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(text);
  }

  test('two people on one piece: the second sees who else has it open, then the 409 screen with the first one\'s words, and chooses', async () => {
    const id = await piece('Hai người cùng sửa một bài');
    const a = await desk('reporter', `/toa-soan/bai/${id}`);
    await editor.title(a.page).waitFor();
    // A draft is its author's and the chief's to edit (docs/newsroom.md).
    const b = await desk('chief', `/toa-soan/bai/${id}`);
    await editor.title(b.page).waitFor();
    await b.page.getByText(`${STAFF.reporter.display} đang mở bài này`).waitFor();

    await typeAtEnd(a.page, ' Câu của phóng viên.');
    await a.page.keyboard.press('Control+s');
    await editor.saved(a.page);

    await typeAtEnd(b.page, ' Câu của tổng biên tập.');
    await b.page.keyboard.press('Control+s');
    const conflict = b.page.getByRole('heading', { name: 'Có người khác vừa lưu bài này' });
    await conflict.waitFor();
    await b.page.locator('ins', { hasText: 'phóng' }).first().waitFor();
    await shot(b.page, 'conflict');
    // Nothing was overwritten while the choice is open.
    assert.deepEqual(paragraphs(await held(id)), ['Đoạn đầu tiên. Câu của phóng viên.']);
    await b.page.getByRole('button', { name: 'Giữ bản của tôi' }).click();
    await editor.saved(b.page);
    assert.deepEqual(paragraphs(await held(id)), ['Đoạn đầu tiên. Câu của tổng biên tập.']);
  });

  test('the network cut while typing: typing goes on, the editor says so, and all of it is saved when it returns', async () => {
    const id = await piece('Mất mạng giữa chừng');
    const { context, page } = await desk('reporter', `/toa-soan/bai/${id}`);
    await editor.title(page).waitFor();
    await context.setOffline(true);
    await typeAtEnd(page, ' Viết tiếp khi mất mạng, từng chữ một.');
    await page.getByText(/Ngoại tuyến/).first().waitFor({ timeout: 15_000 });
    await shot(page, 'offline');
    await context.setOffline(false);
    await editor.saved(page, 20_000);
    assert.deepEqual(paragraphs(await held(id)), ['Đoạn đầu tiên. Viết tiếp khi mất mạng, từng chữ một.']);
  });

  test('the tab closed a second after typing, before any save, and opened again: nothing is lost', async () => {
    const id = await piece('Đóng thẻ trình duyệt');
    const { context, page } = await desk('reporter', `/toa-soan/bai/${id}`);
    await editor.title(page).waitFor();
    await typeAtEnd(page, ' Câu viết ngay trước khi đóng.');
    await sleep(1_000);
    await page.close({ runBeforeUnload: true });
    assert.deepEqual(paragraphs(await held(id)), ['Đoạn đầu tiên.'], 'not saved on the server yet');
    const again = await context.newPage();
    await again.goto(`${paper.server.url}/toa-soan/bai/${id}`);
    await again.getByText('Đã khôi phục bản chưa lưu trên máy này').waitFor();
    await editor.saved(again);
    assert.deepEqual(paragraphs(await held(id)), ['Đoạn đầu tiên. Câu viết ngay trước khi đóng.']);
  });

  test('the session ends while typing: the app asks for the password again, then saves', async () => {
    const id = await piece('Phiên hết hạn');
    const { page } = await desk('reporter', `/toa-soan/bai/${id}`);
    await editor.title(page).waitFor();
    // The page's first heartbeat is through (the server lists the reporter on the piece) and
    // nothing is in flight: its next request is 15 s away, so the first one after the password
    // change is the save of what is typed below. (Otherwise, on a loaded machine, a late first
    // heartbeat met the ended session and the dialog came before the typing.)
    for (const until = Date.now() + 10_000; ; await new Promise((r) => setTimeout(r, 100))) {
      const present = (await chief.api('GET', `/api/v1/admin/articles/${id}/presence`)).json?.present ?? [];
      if (present.some((p) => p.username === STAFF.reporter.username)) break;
      assert.ok(Date.now() < until, 'the editor never told the server it was open');
    }
    await page.waitForLoadState('networkidle');
    // An admin sets a new password: every session of the reporter ends at once.
    const admin = await apiAs(paper, 'admin');
    const fresh = 'mật khẩu mới của phóng viên';
    const users = (await admin.api('GET', '/api/v1/admin/users')).json.users;
    const me = users.find((u) => u.username === STAFF.reporter.username);
    assert.equal((await admin.api('PATCH', `/api/v1/admin/users/${me.id}`, { password: fresh })).status, 200);

    await typeAtEnd(page, ' Viết sau khi phiên hết hạn.');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Phiên làm việc đã hết hạn' }).waitFor({ timeout: 15_000 });
    await shot(page, 'session-expired');
    await dialog.getByLabel('Mật khẩu').fill(fresh);
    await dialog.getByRole('button', { name: 'Đăng nhập lại' }).click();
    await editor.saved(page, 15_000);
    assert.deepEqual(paragraphs(await held(id)), ['Đoạn đầu tiên. Viết sau khi phiên hết hạn.']);
    assert.equal(await editor.body(page).textContent(), 'Đoạn đầu tiên. Viết sau khi phiên hết hạn.');
  });
});
