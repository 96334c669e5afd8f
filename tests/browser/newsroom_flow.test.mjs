// A piece's whole life in the newsroom's web app, in real browsers (Debian's chromium, one
// 1280 px desk per person), on this run's store: the reporter writes it with a pasted
// paragraph and submits; the editor returns it with a note; the reporter reads the note,
// fixes and resubmits; the editor passes it, the secretary approves, and the chief — whose
// clock runs 57 seconds behind — schedules it "a minute ahead", so it goes out three seconds
// later. Then the reader's side: the home page, "Tin mới", search, and the page itself.
// A reporter never sees "Xuất bản". Screenshots in tests/browser/artifacts/.
// Needs ../shared, /usr/bin/chromium and tests/node_modules.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { MISSING_BROWSER, launchChromium } from './browser.mjs';
import { STAFF, apiAs, deskAs, editor, pasteHtml, pieceId, shot } from './newsroom.mjs';
import { NEEDS_ENGINE, NEEDS_SHARED, eventually, getText, textOf } from '../integration/helpers.mjs';

const SKIP = NEEDS_SHARED || MISSING_BROWSER || NEEDS_ENGINE;

const TITLE = 'Bến Lức khánh thành cây cầu nối hai xã ven sông';
const LEAD = 'Sáng nay, cây cầu dài 120 mét nối hai xã ven sông Vàm Cỏ Đông chính thức thông xe.';
const TYPED = 'Người dân hai bên bờ đã chờ cây cầu này hơn mười năm.';
const PASTED_HTML =
  '<meta charset="utf-8"><div class="article-body" style="font-family:Arial"><p class="p1"><span style="color:#333">Theo ông ' +
  '<b>Trần Văn Bình</b>, chủ tịch xã, cầu giúp học sinh <i>không còn</i> đi đò.</span></p></div>';
const PASTED_TEXT = 'Theo ông Trần Văn Bình, chủ tịch xã, cầu giúp học sinh không còn đi đò.';
const NOTE = 'Sapo dài quá, cần thêm nguồn cho con số 120 mét.';
const FIXED_LEAD = 'Cây cầu dài 120 mét (theo Sở Giao thông) nối hai xã ven sông Vàm Cỏ Đông đã thông xe.';

describe('a piece through the newsroom app, from the reporter to the reader', { skip: SKIP }, () => {
  let paper, browser, base, id;
  const desks = [];

  before(async () => {
    const { startNewsroom } = await import('./newsroom.mjs');
    paper = await startNewsroom();
    base = paper.server.url;
    browser = await launchChromium();
  });
  after(async () => {
    for (const d of desks) await d.context.close().catch(() => {});
    await browser?.close();
    await paper?.close();
  });

  async function desk(who, at, options) {
    const d = await deskAs(browser, paper, who, { path: at, ...options });
    desks.push(d);
    return d.page;
  }

  test('the reporter writes a piece with a pasted paragraph and submits it, and never sees publish', async () => {
    const page = await desk('reporter', '/toa-soan/');
    await shot(page, 'desk-reporter');
    await page.getByRole('link', { name: 'Viết bài mới' }).first().click();
    await page.waitForURL(/\/toa-soan\/bai\/moi$/);
    await editor.title(page).fill(TITLE);
    await editor.lead(page).fill(LEAD);
    await editor.category(page).selectOption({ label: 'Thời sự' });
    await editor.authors(page).fill('Minh Anh');
    await editor.body(page).click();
    await page.keyboard.type(TYPED);
    await page.keyboard.press('Enter');
    await pasteHtml(page, PASTED_HTML, PASTED_TEXT);
    id = await pieceId(page);
    await page.keyboard.press('Control+s');
    await editor.saved(page);
    assert.equal(await editor.action(page, 'Xuất bản').count(), 0, 'no publish button for a reporter');

    // What the server holds is what was typed and pasted: two paragraphs, the bold and italic kept,
    // the site's styles and classes gone.
    const chief = await apiAs(paper, 'chief');
    const held = (await chief.api('GET', `/api/v1/admin/articles/${id}`)).json;
    assert.equal(held.title, TITLE);
    assert.equal(held.lead, LEAD);
    assert.equal(held.category, 'Thời sự');
    assert.deepEqual(held.authors, ['Minh Anh']);
    assert.equal(held.blocks.length, 2, JSON.stringify(held.blocks));
    const runs = held.blocks[1].runs ?? [{ text: held.blocks[1].text }];
    assert.equal(runs.map((r) => r.text).join(''), PASTED_TEXT);
    assert.ok(runs.some((r) => r.bold && r.text === 'Trần Văn Bình'), JSON.stringify(runs));
    assert.ok(runs.some((r) => r.italic && r.text === 'không còn'), JSON.stringify(runs));
    // The live counts agree with the server's.
    const counts = `${held.counts.words} từ · ${held.counts.chars} ký tự`;
    await page.getByText(counts).waitFor();

    await shot(page, 'editor-draft');
    await editor.act(page, 'Gửi biên tập');
    await page.getByText('Chờ biên tập').first().waitFor();
    assert.equal(await editor.action(page, 'Xuất bản').count(), 0);
    assert.equal((await chief.api('GET', `/api/v1/admin/articles/${id}`)).json.state, 'submitted');
  });

  test('the editor finds it waiting and returns it with a note', async () => {
    assert.ok(id, 'the piece of the first test');
    const page = await desk('editor', '/toa-soan/');
    const waiting = page.getByRole('region', { name: /Chờ tôi xử lý/ });
    await waiting.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(new RegExp(`/toa-soan/bai/${id}$`));
    await editor.title(page).waitFor();
    assert.equal(await editor.title(page).inputValue(), TITLE);
    await editor.act(page, 'Trả lại', { note: NOTE });
    await page.getByText('Nháp').first().waitFor();
  });

  test('the reporter sees the note, fixes the lead and submits again', async () => {
    const page = await desk('reporter', `/toa-soan/bai/${id}`);
    await page.getByText(NOTE).waitFor();
    await page.getByText(new RegExp(`— ${STAFF.editor.display}, \\d{2}:\\d{2}`)).waitFor();
    await shot(page, 'editor-returned');
    await editor.lead(page).fill(FIXED_LEAD);
    await page.keyboard.press('Control+s');
    await editor.saved(page);
    await editor.act(page, 'Gửi biên tập');
    await page.getByText('Chờ biên tập').first().waitFor();
  });

  test('the editor passes it on and the secretary approves it', async () => {
    const e = await desk('editor', `/toa-soan/bai/${id}`);
    await editor.act(e, 'Chuyển tiếp');
    await e.getByText('Chờ thư ký duyệt').first().waitFor();
    const s = await desk('secretary', `/toa-soan/bai/${id}`);
    await editor.act(s, 'Duyệt');
    await s.getByText('Chờ xuất bản').first().waitFor();
  });

  test('the chief schedules it a minute ahead on a clock 57 s behind: it is published 3 s later', async () => {
    const page = await desk('chief', `/toa-soan/bai/${id}`, {
      before: (context) => context.clock.install({ time: Date.now() - 57_000 }),
    });
    await editor.title(page).waitFor();
    await shot(page, 'editor-chief');
    await editor.act(page, 'Hẹn giờ');
    await page.getByText('Hẹn giờ').first().waitFor();
    const chief = await apiAs(paper, 'chief');
    const scheduled = (await chief.api('GET', `/api/v1/admin/articles/${id}`)).json;
    assert.equal(scheduled.state, 'scheduled');
    const inSeconds = (Date.parse(scheduled.scheduled_at) - Date.now()) / 1000;
    assert.ok(inSeconds > -1 && inSeconds < 10, `scheduled ${inSeconds} s from now`);
    const out = await eventually(async () => (await fetch(`${base}/api/v1/articles/${id}`)).status === 200, {
      withinMs: 15_000,
      everyMs: 200,
    });
    assert.ok(out.value, 'published by the scheduler');
  });

  test('readers find it on the home page, in "Tin mới" and in search, as it was written', async () => {
    const article = await (await fetch(`${base}/api/v1/articles/${id}`)).json();
    const home = await getText(`${base}/`);
    assert.ok(textOf(home.text).includes(TITLE), 'on the home page');
    const model = await getText(base + paper.modelPath);
    const latest = model.text.slice(model.text.indexOf('id="tin-moi"'));
    assert.ok(textOf(latest).includes(TITLE), 'in "Tin mới" beside another article');
    const search = await getText(`${base}/tim-kiem?q=${encodeURIComponent('ben luc khanh thanh cay cau')}`);
    assert.ok(textOf(search.text).includes(TITLE), 'search without marks finds it');

    const page = await desk('reporter', '/toa-soan/');
    await page.goto(article.url);
    assert.equal((await page.textContent('h1')).trim(), TITLE);
    const body = await page.textContent('article');
    for (const want of [FIXED_LEAD, TYPED, PASTED_TEXT]) assert.ok(body.includes(want), `the page shows: ${want}`);
    assert.equal((await page.textContent('article b, article strong'))?.trim(), 'Trần Văn Bình');
    await shot(page, 'published-article');
  });
});
