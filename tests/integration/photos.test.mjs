// Photos end to end on this run's store: uploads of each type through the admin API, the
// refusals (a truncated JPEG, a PNG bomb, an HTML file named .jpg, zero bytes, over the limit,
// no file, the wrong role), nothing half-written after a refusal, the variants readers get
// (sizes, formats, no metadata, a rotation applied, a year's cache), the same photo stored
// once, concurrent uploads, a node that lacks a variant making it, the library's search and
// captions, and `toasoan media check` and `media gc`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { NEEDS_ENGINE, NEEDS_SHARED, eventually, request, runToasoan, skipIf, startNewspaper } from './helpers.mjs';
import { addStaff, fullPiece, publishThroughChain, signIn, STAFF } from './newsroom_client.mjs';
import { canMakeHeic, exifSegment, filesUnder, makeBomb, makePhoto, sizeOf, upload, withSegment } from './photos_client.mjs';

const MAX_MB = 2;

// The status a signed-in upload of `bytes` gets from its headers alone (Expect: 100-continue,
// so that nothing is sent before the server answers).
function announcedOnly(member, bytes) {
  const url = new URL('/api/v1/admin/media', member.base);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: {
        Cookie: member.cookie, Origin: member.base, 'X-CSRF-Token': member.csrf, Expect: '100-continue',
        'Content-Type': 'multipart/form-data; boundary=b', 'Content-Length': String(bytes),
      },
    }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('continue', () => reject(new Error('the server asked for the body')));
    req.on('error', reject);
    req.flushHeaders();
  });
}

describe('photos', { skip: skipIf(NEEDS_ENGINE, NEEDS_SHARED) }, () => {
  let paper, base, reporter, editor, secretary, chief, moderator, work;

  before(async () => {
    paper = await startNewspaper({ corpusLines: 0, args: ['--password-cost', 'min', '--photo-max-mb', String(MAX_MB)] });
    base = paper.server.url;
    await addStaff(paper.db);
    reporter = await signIn(base, STAFF.reporter);
    editor = await signIn(base, STAFF.editor);
    secretary = await signIn(base, STAFF.secretary);
    chief = await signIn(base, STAFF.chief);
    moderator = await signIn(base, STAFF.moderator);
    work = fs.mkdtempSync(path.join(paper.dir, 'photos-'));
  });
  after(async () => {
    await paper?.close();
  });

  const photoFiles = () => filesUnder(path.join(paper.media, 'anh'));
  const get = (url) => request(`${base}${url}`);

  test('a JPEG becomes WebP and JPEG at 480, 960 and 1600 wide and a 1200 JPEG for previews', async () => {
    const jpeg = makePhoto(work, 'wide', 2000, 1500, 'jpg');
    const r = await upload(reporter, jpeg, 'Quang cảnh hội nghị.jpg', {
      type: 'image/jpeg', fields: { caption: 'Quang cảnh hội nghị tỉnh ủy', credit: 'Đỗ Hùng' },
    });
    assert.equal(r.status, 201, r.text);
    const p = r.json;
    assert.equal(p.created, true);
    assert.equal(p.type, 'jpeg');
    assert.deepEqual([p.width, p.height], [2000, 1500]);
    assert.equal(p.bytes, jpeg.length);
    assert.equal(p.caption, 'Quang cảnh hội nghị tỉnh ủy');
    assert.equal(p.uploaded_by.name, STAFF.reporter.display);
    assert.deepEqual(p.variants.map((v) => `${v.slot}.${v.format}`),
      ['480.webp', '480.jpeg', '960.webp', '960.jpeg', '1600.webp', '1600.jpeg']);
    for (const v of [...p.variants, { url: p.social, format: 'jpeg', width: 1200, height: 900 }]) {
      const got = await get(v.url);
      assert.equal(got.status, 200, v.url);
      assert.equal(got.headers['content-type'], v.format === 'webp' ? 'image/webp' : 'image/jpeg');
      assert.match(got.headers['cache-control'], /max-age=31536000/);
      assert.deepEqual(sizeOf(work, got.body, v.format === 'webp' ? 'webp' : 'jpg'), { width: v.width, height: v.height }, v.url);
    }
  });

  test('a PNG with transparency, a WebP and a HEIC from a phone are taken; a small photo is never upscaled', async () => {
    const png = await upload(reporter, makePhoto(work, 'alpha', 700, 350, 'png', { alpha: true }), 'logo.png');
    assert.equal(png.status, 201, png.text);
    assert.equal(png.json.type, 'png');
    assert.deepEqual(png.json.variants.map((v) => v.width), [480, 480], 'only the 480 slot: 960 would upscale');
    const webp = await upload(reporter, makePhoto(work, 'small', 300, 200, 'webp'), 'nho.webp');
    assert.equal(webp.status, 201, webp.text);
    assert.deepEqual(webp.json.variants.map((v) => [v.width, v.height]), [[300, 200], [300, 200]]);
    assert.equal(sizeOf(work, (await get(webp.json.social)).body, 'jpg').width, 300);
    if (!canMakeHeic(work)) return;  // this libvips cannot write HEIC to test with
    const heic = await upload(reporter, makePhoto(work, 'phone', 640, 480, 'heic'), 'IMG_2041.HEIC');
    assert.equal(heic.status, 201, heic.text);
    assert.equal(heic.json.type, 'heic');
    assert.equal((await get(heic.json.variants[0].url)).status, 200);
  });

  test('a phone’s rotation is applied and its GPS position reaches no variant', async () => {
    const stored = makePhoto(work, 'sideways', 400, 200, 'jpg');
    const withGps = withSegment(stored, exifSegment(6));
    assert.ok(withGps.includes(Buffer.from('Exif')), 'the upload carries EXIF');
    const r = await upload(reporter, withGps, 'IMG_0001.JPG');
    assert.equal(r.status, 201, r.text);
    assert.deepEqual([r.json.width, r.json.height], [200, 400], 'stored landscape, shown portrait');
    for (const v of [...r.json.variants, { url: r.json.social, format: 'jpeg' }]) {
      const body = (await get(v.url)).body;
      const size = sizeOf(work, body, v.format === 'webp' ? 'webp' : 'jpg');
      assert.ok(size.height > size.width, `${v.url} is portrait`);
      assert.ok(!body.includes(Buffer.from('Exif')), `${v.url} carries no EXIF`);
      assert.ok(!body.includes(Buffer.from('GPS')) && !body.includes(Buffer.from([0x25, 0x88])), `${v.url} carries no GPS`);
    }
  });

  test('the same photo twice is stored once', async () => {
    const jpeg = makePhoto(work, 'twice', 900, 600, 'jpg');
    const first = await upload(reporter, jpeg, 'a.jpg');
    const files = photoFiles();
    const again = await upload(editor, jpeg, 'b.jpg');
    assert.equal(first.status, 201);
    assert.equal(again.status, 200, again.text);
    assert.equal(again.json.created, false);
    assert.equal(again.json.id, first.json.id);
    assert.deepEqual(photoFiles(), files, 'no new file');
  });

  test('refusals say why, and leave nothing on disk or in the library', async () => {
    const before = photoFiles();
    const total = (await reporter.api('GET', '/api/v1/admin/media')).json.total;
    const good = makePhoto(work, 'cut', 1200, 800, 'jpg');
    const cases = [
      [good.subarray(0, good.length >> 1), 'cut.jpg', 422, /hỏng|trọn vẹn/],
      [Buffer.alloc(0), 'empty.jpg', 422, /rỗng/],
      [Buffer.from('<!doctype html><script>alert(1)</script>'), 'photo.jpg', 422, /không phải ảnh/],
      [makePhoto(work, 'png-named-jpg', 64, 64, 'png'), 'photo.jpg', 422, /JPEG.*PNG|PNG.*JPEG/],
      [Buffer.concat([good, Buffer.alloc((MAX_MB << 20) - good.length + 1)]), 'big.jpg', 413, /20 MB|2 MB/],
    ];
    for (const [bytes, name, status, reason] of cases) {
      const r = await upload(reporter, bytes, name);
      assert.equal(r.status, status, `${name}: ${r.text}`);
      assert.match(r.json.reason, reason, name);
    }
    assert.equal(await announcedOnly(reporter, (MAX_MB + 2) << 20), 413, 'a body far over the limit is refused before it is read');
    assert.deepEqual(photoFiles(), before, 'no file written');
    assert.equal((await reporter.api('GET', '/api/v1/admin/media')).json.total, total, 'no photo stored');
    assert.ok(!filesUnder(paper.media).some((f) => f.includes('.tmp-')), 'no temporary file left');
  });

  test('a PNG bomb is refused from its header, at once', async () => {
    // 20000 × 20000 of one colour compresses to a few hundred kilobytes; decoded it is 1.2 GB.
    const bomb = makeBomb(work);
    assert.ok(bomb.length < MAX_MB << 20, `the bomb is small (${bomb.length} bytes)`);
    const t0 = Date.now();
    const r = await upload(reporter, bomb, 'bomb.png');
    assert.equal(r.status, 422, r.text);
    assert.match(r.json.reason, /20000×20000/);
    assert.ok(Date.now() - t0 < 3000, `refused in ${Date.now() - t0} ms`);
  });

  test('only the newsroom’s writers upload; a form without a file or not multipart is refused', async () => {
    const jpeg = makePhoto(work, 'who', 100, 100, 'jpg');
    assert.equal((await upload(moderator, jpeg, 'x.jpg')).status, 403);
    const noCsrf = await upload(reporter, jpeg, 'x.jpg', { headers: { 'X-CSRF-Token': 'sai' } });
    assert.equal(noCsrf.status, 403);
    const form = new FormData();
    form.append('caption', 'chỉ có chú thích');
    const noFile = await reporter.api('POST', '/api/v1/admin/media', undefined, { raw: form });
    assert.equal(noFile.status, 422, noFile.text);
    assert.match(noFile.json.fields.file, /file/);
    const json = await reporter.api('POST', '/api/v1/admin/media', { file: 'x' });
    assert.equal(json.status, 415);
  });

  test('uploads at once each get their photo, and one photo sent at once is stored once', async () => {
    const distinct = [0, 1, 2, 3].map((i) => makePhoto(work, `many-${i}`, 800 + i * 10, 600, 'jpg'));
    const answers = await Promise.all(distinct.map((b, i) => upload(reporter, b, `many-${i}.jpg`)));
    assert.deepEqual(answers.map((a) => a.status), [201, 201, 201, 201], answers.map((a) => a.text).join('\n'));
    assert.equal(new Set(answers.map((a) => a.json.id)).size, 4);
    const same = makePhoto(work, 'same', 820, 615, 'jpg');
    const racing = await Promise.all([0, 1, 2].map(() => upload(reporter, same, 'same.jpg')));
    assert.ok(racing.every((a) => a.status === 201 || a.status === 200), racing.map((a) => a.text).join('\n'));
    assert.equal(new Set(racing.map((a) => a.json.id)).size, 1);
  });

  test('a node without a variant makes it when a reader asks', async () => {
    const r = await upload(reporter, makePhoto(work, 'lost', 1000, 750, 'jpg'), 'lost.jpg');
    const v = r.json.variants.find((x) => x.slot === '960' && x.format === 'webp');
    const file = path.join(paper.media, decodeURIComponent(v.url.slice('/media/'.length)));
    const original = fs.readFileSync(file);
    fs.rmSync(file);
    const got = await get(v.url);
    assert.equal(got.status, 200);
    assert.deepEqual(sizeOf(work, got.body, 'webp'), { width: 960, height: 720 });
    assert.ok(fs.existsSync(file), 'made again on disk');
    assert.equal(fs.readFileSync(file).length > 0 && original.length > 0, true);
    const wider = v.url.replace('-960.webp', '-1600.webp');
    assert.equal((await get(wider)).status, 404, 'a slot wider than the photo is not made');
    assert.equal((await get(`/media/anh/00/${'0'.repeat(64)}-960.webp`)).status, 404, 'an unknown photo is not');
  });

  test('readers asking at once for every width of a photo this node lacks get them all from one decoding', async () => {
    const r = await upload(reporter, makePhoto(work, 'crowd', 2000, 1500, 'jpg'), 'crowd.jpg');
    const urls = [...r.json.variants.map((v) => v.url), r.json.social];
    for (const u of urls) fs.rmSync(path.join(paper.media, u.slice('/media/'.length)));
    const made = async () => {
      const m = (await get('/metrics')).body.toString('utf8');
      return Number(/^toasoan_photos_made_total (\d+)$/m.exec(m)[1]);
    };
    const before = await made();
    const answers = await Promise.all([...urls, ...urls].map((u) => get(u)));
    assert.deepEqual(answers.map((a) => a.status), answers.map(() => 200));
    assert.equal(await made(), before + 1, 'the photo was decoded once for all fourteen requests');
  });

  test('the library finds photos by caption and credit without marks, and captions are edited', async () => {
    const up = await upload(reporter, makePhoto(work, 'library', 640, 480, 'jpg'), 'thu-vien.jpg', {
      fields: { caption: 'Lễ khai mạc hội nghị nghị quyết', credit: 'Đỗ Hùng' },
    });
    assert.equal(up.status, 201, up.text);
    const found = await reporter.api('GET', `/api/v1/admin/media?q=${encodeURIComponent('khai mac nghi quyet')}`);
    assert.equal(found.status, 200);
    assert.deepEqual(found.json.photos.map((p) => p.id), [up.json.id], found.text);
    const byCredit = await reporter.api('GET', `/api/v1/admin/media?q=${encodeURIComponent('do hung')}`);
    assert.ok(byCredit.json.photos.every((p) => p.credit === 'Đỗ Hùng') && byCredit.json.total >= 1, byCredit.text);
    const id = found.json.photos[0].id;
    const put = await reporter.api('PUT', `/api/v1/admin/media/${id}`, { alt: 'Đại biểu dự hội nghị' });
    assert.equal(put.status, 200, put.text);
    assert.equal(put.json.alt, 'Đại biểu dự hội nghị');
    assert.equal(put.json.caption, 'Lễ khai mạc hội nghị nghị quyết', 'what was not sent stays');
    assert.equal((await reporter.api('PUT', `/api/v1/admin/media/${id}`, { colour: 'đỏ' })).status, 422);
    assert.equal((await reporter.api('GET', '/api/v1/admin/media/999999')).status, 404);
    for (const bad of ['0', '2x', '-1', 'một'])
      assert.equal((await reporter.api('GET', `/api/v1/admin/media?page=${encodeURIComponent(bad)}`)).status, 422, `page=${bad}`);
  });

  test('a figure shows its photo with the credit given; the library tells where a photo is used', async () => {
    const up = await upload(reporter, makePhoto(work, 'used', 1200, 800, 'jpg'), 'dung.jpg', {
      fields: { caption: 'Đại biểu dự hội nghị', credit: 'Đỗ Hùng' },
    });
    assert.equal(up.status, 201, up.text);
    const unused = await upload(reporter, makePhoto(work, 'unused', 700, 500, 'jpg'), 'chua-dung.jpg');
    const widest = up.json.variants.filter((v) => v.format === 'jpeg').at(-1);
    const figure = {
      type: 'figure', image: widest.url.slice('/media/'.length), width: up.json.width, height: up.json.height,
      caption: 'Các đại biểu dự hội nghị tại điểm cầu tỉnh.', credit: 'Trần Văn <An>', alt: 'Hội trường đông người',
    };
    const title = 'Hội nghị có ảnh của thư viện';
    const p = await publishThroughChain({ reporter, editor, secretary, chief }, fullPiece(title, {
      blocks: [{ type: 'paragraph', text: 'Đoạn mở đầu của bài có ảnh.' }, figure],
    }));
    assert.deepEqual(p.blocks[1], figure, 'the figure is kept as sent, credit included');
    const { value: page } = await eventually(async () => {
      const a = await request(`${base}/api/v1/articles/${p.id}`);
      return a.status === 200 ? request(new URL(JSON.parse(a.body).url, base).href) : null;
    });
    const html = page.body.toString('utf8');
    assert.match(html, /<picture><source type="image\/webp" srcset="[^"]*-480\.webp 480w/);
    assert.ok(html.includes('Các đại biểu dự hội nghị tại điểm cầu tỉnh. <span class="credit">Ảnh: Trần Văn &lt;An&gt;</span>'),
      'the credit follows the caption, escaped');

    const seen = await reporter.api('GET', `/api/v1/admin/media/${up.json.id}`);
    assert.equal(seen.status, 200, seen.text);
    assert.deepEqual(seen.json.uses.map((u) => [u.id, u.title, u.state]), [[p.id, title, 'published']]);
    assert.equal(seen.json.caption, 'Đại biểu dự hội nghị', 'the library keeps its own caption: a use has its own');
    assert.deepEqual((await reporter.api('GET', `/api/v1/admin/media/${unused.json.id}`)).json.uses, []);
    assert.deepEqual((await moderator.api('GET', `/api/v1/admin/media/${up.json.id}`)).json.uses, [],
      'a moderator works with no pieces and is shown none');

    // Taking photos out of the library: never one a piece shows.
    const inUse = await chief.api('DELETE', `/api/v1/admin/media/${up.json.id}`);
    assert.equal(inUse.status, 409, inUse.text);
    assert.ok(inUse.json.reason.includes(title), 'the refusal names the piece');
    assert.equal((await get(widest.url)).status, 200, 'and the photo is still served');
    assert.equal((await moderator.api('DELETE', `/api/v1/admin/media/${unused.json.id}`)).status, 403);
    const gone = await reporter.api('DELETE', `/api/v1/admin/media/${unused.json.id}`);
    assert.equal(gone.status, 204, 'whoever uploaded it may remove it');
    assert.equal((await reporter.api('GET', `/api/v1/admin/media/${unused.json.id}`)).status, 404);
    for (const v of unused.json.variants) assert.equal((await get(v.url)).status, 404, `${v.url} is gone`);
    assert.equal((await reporter.api('DELETE', `/api/v1/admin/media/${unused.json.id}`)).status, 404);
    const log = await chief.api('GET', '/api/v1/admin/audit?action=photo.remove');
    assert.deepEqual(log.json.entries.map((e) => [e.detail.photo, e.username]), [[unused.json.id, STAFF.reporter.username]]);
  });

  test('an upload and a caption edit each leave an audit line; a photo sent again and an edit changing nothing leave none', async () => {
    const file = makePhoto(work, 'audited', 800, 600, 'jpg');
    const up = await upload(reporter, file, 'audited.jpg');
    assert.equal(up.status, 201, up.text);
    assert.equal((await upload(editor, file, 'audited-again.jpg')).status, 200);
    assert.equal((await reporter.api('PUT', `/api/v1/admin/media/${up.json.id}`, { credit: 'TTXVN' })).status, 200);
    assert.equal((await reporter.api('PUT', `/api/v1/admin/media/${up.json.id}`, { credit: 'TTXVN' })).status, 200);
    const log = await chief.api('GET', '/api/v1/admin/audit?action=photo.&per_page=200');
    assert.equal(log.status, 200, log.text);
    const mine = log.json.entries.filter((e) => e.detail.photo === up.json.id);
    assert.deepEqual(mine.map((e) => [e.action, e.username]).reverse(),
      [['photo.upload', STAFF.reporter.username], ['photo.describe', STAFF.reporter.username]], log.text);
    assert.equal(mine.at(-1).detail.filename, 'audited.jpg');
    assert.deepEqual(mine[0].detail.changed, { credit: 'TTXVN' });
  });

  test('media check reports and repairs missing variants; media gc removes files of no photo', async () => {
    const r = await upload(reporter, makePhoto(work, 'checked', 1000, 700, 'jpg'), 'checked.jpg');
    const lost = path.join(paper.media, r.json.variants[0].url.slice('/media/'.length));
    fs.rmSync(lost);
    const stray = path.join(paper.media, 'anh', 'ab', `${'ab'.repeat(32)}-480.webp`);
    fs.mkdirSync(path.dirname(stray), { recursive: true });
    fs.writeFileSync(stray, 'không thuộc ảnh nào');
    const args = ['--db', paper.db, '--media', paper.media];
    const check = await runToasoan(['media', 'check', ...args]);
    assert.equal(check.code, 1, check.stdout + check.stderr);
    assert.match(check.stdout, /thiếu 1 tệp/);
    const repair = await runToasoan(['media', 'check', '--repair', ...args]);
    assert.equal(repair.code, 0, repair.stdout + repair.stderr);
    assert.ok(fs.existsSync(lost), 'repaired');
    const gc = await runToasoan(['media', 'gc', ...args]);
    assert.equal(gc.code, 0, gc.stdout + gc.stderr);
    assert.match(gc.stdout, /xóa 1 tệp/);
    assert.ok(!fs.existsSync(stray));
    assert.ok(fs.existsSync(lost), 'a stored photo’s files stay');
  });
});
