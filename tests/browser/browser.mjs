// What every browser test shares: Debian's chromium driven by playwright-core, started the
// way this machine allows (no network but loopback), and a phone-sized page.
// Needs /usr/bin/chromium and tests/node_modules; under CI their absence is an error, not a skip.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = path.join(here, 'artifacts');
const CHROMIUM = process.env.TOASOAN_CHROMIUM || '/usr/bin/chromium';

let chromium = null;
try {
  chromium = createRequire(import.meta.url)('playwright-core').chromium;
} catch {
  chromium = null;
}
/** Why browser tests cannot run here, or false. */
export const MISSING_BROWSER = !chromium
  ? 'needs playwright-core (npm ci in tests/, or ./scripts/deps)'
  : !existsSync(CHROMIUM)
    ? `needs ${CHROMIUM} (apt-get install chromium, or ./scripts/deps)`
    : false;
if (MISSING_BROWSER && process.env.CI) throw new Error(`browser tests cannot run in CI: ${MISSING_BROWSER}`);

/** Launches Debian's chromium headless with the flags this machine allows. */
export async function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // A fresh temporary profile each launch. The machines have no network but loopback;
    // these flags keep chromium from trying.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--headless',
    ],
    timeout: 30_000,
  });
}

/** Launches chromium and opens a 360 × 740 phone context: { browser, context }. */
export async function launchPhone() {
  const browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return { browser, context };
}

/** A newsroom desk: a 1280 × 800 context in a browser of its own or in `browser`. */
export async function openDesk(browser, { width = 1280, height = 800 } = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return browser.newContext({ viewport: { width, height }, locale: 'vi-VN', timezoneId: 'Europe/Paris' });
}

/** Waits until `selector`'s text (trimmed) is `want`, then asserts it, naming the last text seen. */
export async function expectText(page, selector, want, timeout = 5_000) {
  try {
    await page.waitForFunction(([s, w]) => document.querySelector(s)?.textContent.trim() === w, [selector, want], {
      timeout,
    });
  } catch {
    /* the assertion below says what was there */
  }
  assert.equal((await page.textContent(selector))?.trim(), want, selector);
}
