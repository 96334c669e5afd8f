// Media files named in Vietnamese, with spaces: every address the site writes for them is
// percent-encoded (img src, og:image, the API, the RSS enclosure) and answers 200 with the
// file; the path tricks that could leave the media folder still answer 404. Every media file
// is sent with a Content-Security-Policy, so script in an SVG never runs on the site's origin.
// Needs ../shared.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  NEEDS_ENGINE,
  NEEDS_SHARED,
  findArticle,
  getText,
  rawGet,
  request,
  skipIf,
  startNewspaper,
  unescapeHtml,
} from './helpers.mjs';

const NAME = '2022/12/ảnh đẹp.jpg'; // NFC, as stored
const ENCODED = '2022/12/%E1%BA%A3nh%20%C4%91%E1%BA%B9p.jpg'; // encodeURI(NAME)
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>';
const TITLE = 'Mùa hoa ban nở trắng núi rừng Tây Bắc';

const article = JSON.stringify({
  id: 'media-names-1',
  title: TITLE,
  lead: 'Hoa ban nở khắp các bản làng.',
  category: 'Văn hóa',
  blocks: [
    { type: 'figure', caption: 'Hoa ban', image: NAME, width: 1200, height: 800 },
    { type: 'paragraph', text: 'Du khách về xem hoa.' },
  ],
});

describe('media names and headers', { skip: skipIf(NEEDS_SHARED, NEEDS_ENGINE) }, () => {
  let paper;
  let base;
  let summary;
  before(async () => {
    paper = await startNewspaper({ corpusLines: 10, extraJsonl: article + '\n' });
    base = paper.server.url;
    mkdirSync(path.join(paper.media, '2022', '12'), { recursive: true });
    writeFileSync(path.join(paper.media, ...NAME.split('/')), JPEG);
    writeFileSync(path.join(paper.media, 'x.svg'), SVG);
    writeFileSync(path.join(paper.media, 'secret.txt'), 'no');
    summary = await findArticle(base, TITLE);
  });
  after(async () => {
    if (paper) await paper.close();
  });

  test('the encoded address is what the browser asks, and it serves the file', async () => {
    assert.equal(ENCODED, encodeURI(NAME));
    const r = await request(`${base}/media/${ENCODED}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, JPEG);
    assert.equal(r.headers['content-type'], 'image/jpeg');
    // A decomposed spelling of the same name finds the same file.
    const nfd = encodeURI(NAME.normalize('NFD'));
    assert.notEqual(nfd, ENCODED);
    assert.equal((await request(`${base}/media/${nfd}`)).status, 200);
  });

  test('the article page, og:image, the API and the feed write the encoded address', async () => {
    assert.ok(summary, 'the article is published');
    const page = await getText(summary.url);
    assert.equal(page.status, 200);
    const srcs = [...page.text.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/g)].map((m) => unescapeHtml(m[1]));
    assert.ok(srcs.includes(`/media/${ENCODED}`), `img src: ${srcs.join(', ')}`);
    assert.ok(!page.text.includes('ảnh đẹp.jpg'), 'no raw media name in the page');
    for (const src of srcs) assert.equal((await request(`${base}${src}`)).status, 200, src);
    const og = /<meta property="og:image" content="([^"]+)"/.exec(page.text);
    assert.ok(og, 'og:image');
    assert.equal(unescapeHtml(og[1]), `${base}/media/${ENCODED}`);

    assert.equal(summary.image, `${base}/media/${ENCODED}`);
    const one = await (await fetch(`${base}/api/v1/articles/${summary.id}`)).json();
    assert.equal(one.blocks.find((b) => b.image).image, `${base}/media/${ENCODED}`);

    const rss = await getText(`${base}/rss/tin-moi-nhat.rss`);
    const enclosure = /<enclosure url="([^"]+)" length="(\d+)"/.exec(rss.text);
    assert.ok(enclosure, 'an enclosure for the newest article');
    assert.equal(enclosure[1], `${base}/media/${ENCODED}`);
    assert.equal(Number(enclosure[2]), JPEG.length, 'the feed found the file to give its length');
  });

  test('path tricks still answer 404', async () => {
    for (const p of [
      '%2e%2e/secret.txt',
      '2022/%2e%2e/secret.txt',
      '2022%2F12%2F%E1%BA%A3nh%20%C4%91%E1%BA%B9p.jpg',
      '2022%2f..%2fsecret.txt',
      '%5C..%5Csecret.txt',
      '.%2e/secret.txt',
      'secret.txt%00.jpg',
      '2022/12/%FF.jpg',
      '2022//12/x.jpg',
    ]) {
      const r = await rawGet(paper.server.port, `/media/${p}`);
      assert.equal(r.status, 404, p);
    }
    assert.equal((await request(`${base}/media/secret.txt`)).status, 200, 'a plain name under the folder is served');
  });

  test('every media file comes with a policy that runs no script, and nosniff', async () => {
    for (const p of ['x.svg', ENCODED]) {
      const r = await request(`${base}/media/${p}`);
      assert.equal(r.status, 200, p);
      const csp = r.headers['content-security-policy'] ?? '';
      assert.match(csp, /default-src 'none'/, p);
      assert.match(csp, /\bsandbox\b/, p);
      assert.doesNotMatch(csp, /script-src/, p);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', p);
    }
    assert.equal((await request(`${base}/media/x.svg`)).headers['content-type'], 'image/svg+xml');
  });
});
