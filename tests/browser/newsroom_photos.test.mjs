// Photos through the newsroom app, in a real browser: the reporter uploads two photos from the
// editor's toolbar (each file a line with a progress bar), captions and credits the two figures
// they became, and the piece is published; a reader on a 400 px phone then sees both figures
// with their captions and credits, and is sent the 480-pixel variants, not the 1600. A file
// that is not a photo (an HTML page named .jpg) shows the server's reason on its line and
// adds no figure. Needs ../shared, /usr/bin/chromium, tests/node_modules and the `vips` command.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { MISSING_BROWSER, launchChromium } from './browser.mjs';
import { apiAs, deskAs, editor, pieceId, shot } from './newsroom.mjs';
import { NEEDS_ENGINE, NEEDS_SHARED, eventually } from '../integration/helpers.mjs';

const SKIP = NEEDS_SHARED || MISSING_BROWSER || NEEDS_ENGINE;

const TITLE = 'Mùa lúa chín trên cánh đồng Mường Hoa';
const PHOTOS = [
  { name: 'ruong-bac-thang.jpg', caption: 'Ruộng bậc thang vào mùa gặt', credit: 'Đỗ Hùng', tint: ['0.9 0.8 0.4', '40 30 0'] },
  { name: 'phien-cho.jpg', caption: 'Phiên chợ sáng ở Tả Van', credit: 'Minh Anh/TTXVN', tint: ['0.6 0.8 0.9', '0 20 40'] },
];

// A 2000×1500 photo-like JPEG: noise (so that each run's two photos differ, and the encoder has
// real work), coloured, as a camera's would be.
function makeJpeg(dir, name, [scale, offset]) {
  const v = (s) => path.join(dir, `${name}-${s}.v`);
  execFileSync('vips', ['gaussnoise', v('n'), '2000', '1500', '--sigma', '45', '--mean', '128']);
  execFileSync('vips', ['colourspace', v('n'), v('c'), 'srgb']);
  execFileSync('vips', ['linear', v('c'), v('t'), scale, offset]);
  execFileSync('vips', ['cast', v('t'), v('u'), 'uchar']);
  const out = path.join(dir, name);
  execFileSync('vips', ['jpegsave', v('u'), out, '--Q', '80']);
  return out;
}

describe('photos from the editor to the reader’s phone', { skip: SKIP }, () => {
  let paper, browser, base, id, dir, page, context;

  before(async () => {
    const { startNewsroom } = await import('./newsroom.mjs');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toasoan-photos-'));
    for (const p of PHOTOS) p.file = makeJpeg(dir, p.name, p.tint);
    paper = await startNewsroom();
    base = paper.server.url;
    browser = await launchChromium();
  });
  after(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await paper?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the reporter uploads two photos, sees their progress, captions and credits them', async () => {
    ({ context, page } = await deskAs(browser, paper, 'reporter', { path: '/toa-soan/bai/moi' }));
    await editor.title(page).fill(TITLE);
    await editor.lead(page).fill('Những ngày cuối tháng Chín, Mường Hoa vàng rực.');
    await editor.category(page).selectOption({ label: 'Thời sự' });
    await editor.authors(page).fill('Huy Thành');
    await editor.body(page).click();
    await page.keyboard.type('Người dân đã bắt đầu gặt.');

    await page.locator('input[data-photo-upload]').setInputFiles(PHOTOS.map((p) => p.file));
    const lines = page.locator('.photo-upload');
    await lines.first().waitFor();
    assert.deepEqual(await lines.locator('.photo-upload-name').allTextContents(), PHOTOS.map((p) => p.name));
    assert.equal(await lines.locator('progress').count(), 2, 'a progress bar per file');
    await page.locator('.photo-upload-done').nth(1).waitFor({ timeout: 30_000 });
    assert.deepEqual(await lines.locator('progress').evaluateAll((els) => els.map((e) => e.value)), [1, 1]);

    const figures = page.locator('.body-figure');
    assert.equal(await figures.count(), 2);
    // In the order picked, each shown by its 480 variant.
    const srcs = await figures.locator('img').evaluateAll((els) => els.map((e) => e.getAttribute('src')));
    assert.ok(srcs.every((s) => /^\/media\/anh\/[0-9a-f]{2}\/[0-9a-f]+-480\.jpg$/.test(s)), srcs.join(' '));
    assert.notEqual(srcs[0], srcs[1]);
    await figures.first().locator('img').evaluate((img) => img.decode());
    for (const [i, p] of PHOTOS.entries()) {
      await figures.nth(i).getByLabel('Chú thích ảnh').fill(p.caption);
      await figures.nth(i).getByLabel('Tác giả ảnh / nguồn').fill(p.credit);
      await figures.nth(i).getByLabel('Mô tả ảnh').fill(`Ảnh ${i + 1}: ${p.caption.toLowerCase()}`);
    }
    id = await pieceId(page);
    await editor.saved(page);
    await shot(page, 'photos-editor');
  });

  test('a file that is not a photo shows the server’s reason on its line and adds no figure', async () => {
    const fake = path.join(dir, 'khong-phai-anh.jpg');
    fs.writeFileSync(fake, '<!doctype html><html><body><h1>Không phải ảnh</h1></body></html>');
    await page.locator('input[data-photo-upload]').setInputFiles(fake);
    const line = page.locator('.photo-upload', { hasText: 'khong-phai-anh.jpg' });
    await page.locator('.photo-upload-failed', { hasText: 'khong-phai-anh.jpg' }).waitFor({ timeout: 10_000 });
    const status = (await line.locator('.photo-upload-status').textContent()).trim();
    assert.match(status, /^Không tải lên được: .+/);
    assert.doesNotMatch(status, /Máy chủ trả lời/, 'the server’s own reason, not a status code');
    assert.equal(await line.getByRole('button', { name: 'Thử lại' }).count(), 1);
    assert.equal(await page.locator('.body-figure').count(), 2, 'no figure for it');
  });

  test('the piece is published with both figures, captions and credits', async () => {
    const members = {};
    for (const who of ['reporter', 'editor', 'secretary', 'chief']) members[who] = await apiAs(paper, who);
    // The last autosave may still be on its way.
    const { value: figures } = await eventually(
      async () => {
        const piece = (await members.reporter.api('GET', `/api/v1/admin/articles/${id}`)).json;
        const f = piece.blocks.filter((b) => b.type === 'figure');
        return f.every((b) => b.credit && b.alt) ? f : null;
      },
      { withinMs: 10_000, everyMs: 200 },
    );
    assert.ok(figures, 'the captions, credits and alts are saved');
    assert.deepEqual(
      figures.map((f) => [f.caption, f.credit, f.width, f.height, /^anh\/[0-9a-f]{2}\/[0-9a-f]+-1600\.jpg$/.test(f.image)]),
      PHOTOS.map((p) => [p.caption, p.credit, 2000, 1500, true]),
    );
    for (const [who, action] of [['reporter', 'submit'], ['editor', 'pass'], ['secretary', 'approve'], ['chief', 'publish']]) {
      const r = await members[who].api('POST', `/api/v1/admin/articles/${id}/actions`, { action });
      assert.equal(r.status, 200, `${action}: ${r.text}`);
    }
  });

  test('a reader on a 400 px phone sees both figures and is sent the 480 variants', async () => {
    const article = await (await fetch(`${base}/api/v1/articles/${id}`)).json();
    const phone = await browser.newContext({ viewport: { width: 400, height: 800 }, deviceScaleFactor: 1 });
    try {
      const reader = await phone.newPage();
      const images = [];
      reader.on('response', (r) => {
        if (r.request().resourceType() === 'image' && r.url().includes('/media/')) images.push(new URL(r.url()).pathname);
      });
      await reader.goto(base + new URL(article.url, base).pathname);
      const figures = reader.locator('article figure');
      // Scroll each into view: the photos are lazy.
      for (let i = 0; i < (await figures.count()); i++) await figures.nth(i).scrollIntoViewIfNeeded();
      await reader.waitForLoadState('networkidle');
      const captions = await reader.locator('article figure figcaption').allTextContents();
      for (const p of PHOTOS) {
        const c = captions.find((t) => t.includes(p.caption));
        assert.ok(c, `a figure captioned ${p.caption}: ${captions.join(' | ')}`);
        assert.ok(c.includes(`Ảnh: ${p.credit}`), `its credit: ${c}`);
      }
      const credits = await reader.locator('article figure figcaption .credit').allTextContents();
      assert.deepEqual(credits.map((t) => t.trim()), PHOTOS.map((p) => `Ảnh: ${p.credit}`));
      const uploaded = images.filter((u) => u.startsWith('/media/anh/'));
      assert.equal(new Set(uploaded.map((u) => u.replace(/-\w+\.\w+$/, ''))).size, 2, `both photos loaded: ${uploaded.join(' ')}`);
      assert.ok(uploaded.every((u) => /-480\.(webp|jpg)$/.test(u)), `only 480 variants: ${uploaded.join(' ')}`);
      // What each <img> shows (its naturalWidth is scaled by the srcset's density, so the address says it).
      const shown = await reader.locator('article figure img').evaluateAll((els) => els.map((e) => e.currentSrc));
      const ours = shown.filter((src) => src.includes('/media/anh/'));
      assert.equal(ours.length, 2);
      for (const src of ours) assert.match(src, /-480\.(webp|jpg)$/);
      await reader.screenshot({ path: path.join(path.dirname(new URL(import.meta.url).pathname), 'artifacts', 'newsroom-photos-phone.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });
});
