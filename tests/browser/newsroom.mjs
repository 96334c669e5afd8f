// What the newsroom's browser tests share: a newspaper with one member of each role, a desk
// (a 1280 px browser context) signed in as one of them, and the app's own words for its
// controls, so a renamed button fails here in one place.
import path from 'node:path';

import { ARTIFACTS, openDesk } from './browser.mjs';
import { startNewspaper } from '../integration/helpers.mjs';
import { PASSWORD, STAFF, addStaff, signIn } from '../integration/newsroom_client.mjs';

export { PASSWORD, STAFF };

/** A newspaper (the model article and a few corpus articles) with STAFF added, on this run's engine. */
export async function startNewsroom({ corpusLines = 20, args = [] } = {}) {
  const paper = await startNewspaper({ corpusLines, args: ['--password-cost', 'min', ...args] });
  try {
    await addStaff(paper.db);
  } catch (e) {
    await paper.close();
    throw e;
  }
  return paper;
}

/** An API session of `who` (for setting up and checking what the browser did). */
export function apiAs(paper, who) {
  return signIn(paper.server.url, STAFF[who]);
}

/**
 * A new desk context and page signed in as `who` through the login screen.
 * Collects the page's console errors and CSP violations in `page.problems`.
 */
export async function deskAs(browser, paper, who, { path: at = '/toa-soan/', viewport, before } = {}) {
  const context = await openDesk(browser, viewport);
  context.setDefaultTimeout(10_000);
  if (before) await before(context);
  const page = await context.newPage();
  watchProblems(page);
  await page.goto(paper.server.url + at);
  await logIn(page, STAFF[who].username);
  return { context, page };
}

/** Records console errors and refused resources: a CSP violation shows up as one. */
export function watchProblems(page) {
  page.problems = [];
  page.on('console', (m) => {
    // The app asks who is signed in when it starts; before a login that answer is a 401,
    // which the browser logs. Anything else is a problem.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) page.problems.push(m.text());
  });
  page.on('pageerror', (e) => page.problems.push(String(e)));
}

/** Fills the login screen and waits for the shell. */
export async function logIn(page, username, password = PASSWORD) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Tòa soạn' }).waitFor();
}

export const shot = (page, name) => page.screenshot({ path: path.join(ARTIFACTS, `newsroom-${name}.png`), fullPage: true });

/** The editor's parts. */
export const editor = {
  title: (page) => page.getByLabel('Tiêu đề', { exact: true }),
  lead: (page) => page.getByLabel('Sapo', { exact: true }),
  category: (page) => page.getByLabel('Chuyên mục', { exact: true }),
  authors: (page) => page.getByLabel('Tác giả', { exact: true }),
  body: (page) => page.getByLabel('Nội dung bài', { exact: true }),
  action: (page, label) => page.getByRole('button', { name: label, exact: true }),
  /** Waits for "Đã lưu lúc HH:MM". */
  async saved(page, timeout = 10_000) {
    await page.getByText(/Đã lưu lúc \d{1,2}:\d{2}/).first().waitFor({ timeout });
  },
  /** Takes an action through its dialog (a note when given). */
  async act(page, label, { note } = {}) {
    await page.getByRole('button', { name: label, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (note !== undefined) await dialog.getByLabel('Ghi chú').fill(note);
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await dialog.waitFor({ state: 'detached' });
  },
};

/** Pastes `html` into the focused editable as a browser does from the clipboard. */
export async function pasteHtml(page, html, text = '') {
  await page.evaluate(
    ([h, t]) => {
      const dt = new DataTransfer();
      dt.setData('text/html', h);
      dt.setData('text/plain', t);
      const target = document.activeElement;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    [html, text],
  );
}

/** The id in /toa-soan/bai/{id}, once the address has it. */
export async function pieceId(page) {
  await page.waitForURL(/\/toa-soan\/bai\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}
