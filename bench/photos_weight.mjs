// The weight of one page on a phone, as bench/photos.sh measures it: Debian's chromium
// (launched as the browser tests launch it, tests/browser/browser.mjs) opens URL at 400 × 800
// CSS pixels, scrolls to the bottom a screen at a time so that lazy images load, waits for the
// network to be quiet, and sums what went over the wire for every response (headers and the
// encoded body: DevTools' "transferred"). Loopback only; gives up after 60 s.
//
//   node bench/photos_weight.mjs URL SCALE     SCALE: the device pixel ratio (1 or 2)
//
// Prints one JSON object: {"total": bytes, "by_type": {type: bytes}, "images": [{url, bytes}]}.
import { launchChromium, MISSING_BROWSER } from '../tests/browser/browser.mjs';

const [url, scale] = process.argv.slice(2);
if (MISSING_BROWSER) {
  console.error(`bench/photos_weight.mjs: ${MISSING_BROWSER}`);
  process.exit(2);
}
const deadline = setTimeout(() => {
  console.error('bench/photos_weight.mjs: no answer in 60 s');
  process.exit(1);
}, 60_000);

const browser = await launchChromium();
try {
  const context = await browser.newContext({
    viewport: { width: 400, height: 800 },
    deviceScaleFactor: Number(scale || 1),
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const responses = new Map();
  cdp.on('Network.responseReceived', (e) => responses.set(e.requestId, { url: e.response.url, type: e.type, bytes: 0 }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = responses.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  for (let y = 0; ; y += 800) {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    if (y > height) break;
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await page.waitForTimeout(150);
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const all = [...responses.values()];
  const byType = {};
  for (const r of all) byType[r.type] = (byType[r.type] || 0) + r.bytes;
  console.log(JSON.stringify({
    total: all.reduce((s, r) => s + r.bytes, 0),
    by_type: byType,
    images: all.filter((r) => r.type === 'Image').map((r) => ({ url: r.url.replace(/^https?:\/\/[^/]+/, ''), bytes: r.bytes })),
  }));
} finally {
  clearTimeout(deadline);
  await browser.close();
}
