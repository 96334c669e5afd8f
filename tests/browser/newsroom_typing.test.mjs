// Vietnamese typed into the newsroom's editor the ways input methods send it, in a real
// browser: composition (the keyboards of macOS, Windows, Android and iOS: Input.imeSetComposition
// then Input.insertText through Chromium's DevTools protocol) and Unikey/EVKey's
// backspace-and-retype, on whole sentences, at the start of a paragraph, inside bold, right
// after a link, and in the title and lead. What reaches the server is exactly the sentence, in
// NFC, whatever the keyboard produced.
// Needs ../shared, /usr/bin/chromium and tests/node_modules.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { MISSING_BROWSER, launchChromium } from './browser.mjs';
import { apiAs, deskAs, editor, pieceId } from './newsroom.mjs';
import { NEEDS_ENGINE, NEEDS_SHARED } from '../integration/helpers.mjs';

const SKIP = NEEDS_SHARED || MISSING_BROWSER || NEEDS_ENGINE;

const TITLE = 'Người dân phấn khởi đón Tết ở vùng biên giới';
const LEAD = 'Những ngày cuối năm, không khí chuẩn bị đón xuân rộn ràng khắp các bản làng.';
const FIRST = 'Ủy ban nhân dân huyện đã trao tặng quà cho các hộ nghèo.';
const BOLD = 'Được mùa lúa';
const AFTER_LINK = ' và nhiều hoạt động văn hóa được tổ chức.';

/** The letters of a syllable without its marks: "việt" → "viet", "Được" → "Duoc". */
const bare = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** Sends `sentence` as a composing keyboard does: each syllable grows in a composition, then commits. */
async function composeSentence(cdp, sentence) {
  const words = sentence.split(' ');
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    const plain = bare(word);
    // The composition shows the bare letters as typed, then the syllable with its marks.
    for (let i = 1; i <= plain.length; i++)
      await cdp.send('Input.imeSetComposition', { text: plain.slice(0, i), selectionStart: i, selectionEnd: i });
    await cdp.send('Input.imeSetComposition', { text: word, selectionStart: word.length, selectionEnd: word.length });
    await cdp.send('Input.insertText', { text: word });
    if (w < words.length - 1) await cdp.send('Input.insertText', { text: ' ' });
  }
}

/** Sends `sentence` as Unikey does: bare letters, then backspaces over them and the marked syllable typed again. */
async function unikeySentence(page, sentence) {
  const words = sentence.split(' ');
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    const plain = bare(word);
    await page.keyboard.type(plain);
    if (plain !== word) {
      let k = 0;
      while (k < word.length && word[k] === plain[k]) k++;
      for (let i = k; i < plain.length; i++) await page.keyboard.press('Backspace');
      await page.keyboard.insertText(word.slice(k));
    }
    if (w < words.length - 1) await page.keyboard.type(' ');
  }
}

describe('Vietnamese typing in the newsroom editor', { skip: SKIP }, () => {
  let paper, browser;
  const desks = [];
  before(async () => {
    const { startNewsroom } = await import('./newsroom.mjs');
    paper = await startNewsroom({ corpusLines: 0 });
    browser = await launchChromium();
  });
  after(async () => {
    for (const d of desks) await d.context.close().catch(() => {});
    await browser?.close();
    await paper?.close();
  });

  async function newPiece() {
    const d = await deskAs(browser, paper, 'reporter', { path: '/toa-soan/bai/moi' });
    desks.push(d);
    await editor.title(d.page).waitFor();
    return { ...d, cdp: await d.context.newCDPSession(d.page) };
  }

  async function serverPiece(page) {
    const id = await pieceId(page);
    await page.keyboard.press('Control+s');
    await editor.saved(page);
    const chief = await apiAs(paper, 'chief');
    return (await chief.api('GET', `/api/v1/admin/articles/${id}`)).json;
  }

  const paragraphText = (b) => (b.runs ? b.runs.map((r) => r.text).join('') : b.text);

  for (const [how, send] of [
    ['through a composing input method', (d, s) => composeSentence(d.cdp, s)],
    ['Unikey-style, backspace and retype', (d, s) => unikeySentence(d.page, s)],
  ]) {
    test(`title, lead, paragraph start, bold and after a link, ${how}`, async () => {
      const d = await newPiece();
      const { page } = d;
      await editor.title(page).click();
      await send(d, TITLE);
      await editor.lead(page).click();
      await send(d, LEAD);
      await editor.body(page).click();
      await send(d, FIRST);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+b');
      await send(d, BOLD);
      await page.keyboard.press('Control+b');
      await page.keyboard.press('Enter');
      // A link, then typing right after it (outside it).
      await page.keyboard.type('Xem ');
      await page.keyboard.press('Control+k');
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Địa chỉ liên kết').fill('https://baodoimay.vn/le-hoi');
      await dialog.getByRole('button', { name: 'Chèn liên kết' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.keyboard.press('End');
      await send(d, AFTER_LINK.trimStart());

      assert.equal(await editor.title(page).inputValue(), TITLE, 'the title field shows the sentence');
      assert.equal(await editor.lead(page).inputValue(), LEAD);
      const held = await serverPiece(page);
      assert.equal(held.title, TITLE);
      assert.equal(held.lead, LEAD);
      assert.equal(paragraphText(held.blocks[0]), FIRST);
      assert.equal(paragraphText(held.blocks[1]), BOLD);
      assert.ok(held.blocks[1].runs.every((r) => r.bold), 'typed inside bold stays bold');
      const third = held.blocks[2];
      assert.ok(paragraphText(third).endsWith(AFTER_LINK.trimStart()), paragraphText(third));
      const after = third.runs.at(-1);
      assert.equal(after.link, undefined, 'text typed after the link is not part of it');
    });
  }

  test('text typed in decomposed form reaches the server in NFC', async () => {
    const d = await newPiece();
    const { page } = d;
    const decomposed = 'Vie\u0323\u0302t Nam tie\u0302\u0301n le\u0302n';
    await editor.title(page).click();
    await d.cdp.send('Input.insertText', { text: decomposed });
    await editor.body(page).click();
    await d.cdp.send('Input.insertText', { text: decomposed });
    const held = await serverPiece(page);
    assert.equal(held.title, 'Việt Nam tiến lên');
    assert.equal(paragraphText(held.blocks[0]), 'Việt Nam tiến lên');
    assert.equal(held.title, held.title.normalize('NFC'));
  });
});
