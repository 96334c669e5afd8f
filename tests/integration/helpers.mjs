// Helpers for the integration and browser tests: they drive the real `toasoan` binary, each
// test file with its own temporary folder, SQLite file and server on a free loopback port.
//
// Environment (set by tests/CMakeLists.txt; the defaults suit a run from the repository):
//   TOASOAN_BIN     the binary                     (default: build/toasoan)
//   TOASOAN_SHARED  the project's shared/ folder   (default: ../shared beside the repository)
// Tests that read ../shared (the model article, the corpus) skip when it is absent.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');
export const BIN = process.env.TOASOAN_BIN || path.join(REPO, 'build', 'toasoan');
export const SHARED = process.env.TOASOAN_SHARED || path.resolve(REPO, '..', 'shared');

export const SEED_JSONL = path.join(SHARED, 'fixtures', 'seed-article.jsonl');
export const CORPUS_XZ = path.join(SHARED, 'corpus', 'articles.jsonl.xz');
export const HAVE_SHARED = existsSync(SEED_JSONL) && existsSync(CORPUS_XZ);
// For describe()/test() options: `{ skip: NEEDS_SHARED }`.
export const NEEDS_SHARED = HAVE_SHARED ? false : `needs ../shared (looked in ${SHARED})`;

// The model article as the newspaper printed it (../shared/fixtures/seed-article.txt).
export const MODEL = {
  externalId: 'seed-1',
  title: 'Triển khai thực hiện Nghị quyết Hội nghị lần thứ sáu, BCH TW Đảng khóa XIII bảo đảm thực chất, hiệu quả',
  slug: 'trien-khai-thuc-hien-nghi-quyet-hoi-nghi-lan-thu-sau-bch-tw-dang-khoa-xiii-bao-dam-thuc-chat-hieu-qua',
  categorySlug: 'thoi-su',
  date: 'Thứ Năm, 08/12/2022 07:30',
  leadStart: 'Ngày 7/12, các đồng chí: Nguyễn Hữu Đông',
  leadEnd: 'Ban Chấp hành Trung ương Đảng khóa XIII.',
  captions: [
    'Hội nghị quán triệt, triển khai chương trình hành động của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết Hội nghị lần thứ sáu, Ban Chấp hành Trung ương Đảng khóa XIII',
    'Các đại biểu dự Hội nghị tại điểm cầu tỉnh.',
    'Hội nghị được tổ chức trực tuyến tới các điểm cầu.',
    'Các đại biểu dự Hội nghị tại điểm cầu Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh.',
    'Đồng chí Nguyễn Hữu Đông, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy phát biểu tại Hội nghị.',
  ],
  byline: 'Huy Thành - Mạnh Hùng',
};

/** A fresh temporary folder, removed by cleanup(). */
export function tempDir(prefix = 'toasoan-test-') {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The first `n` lines of the corpus, decompressed with xz, as one string. */
export function corpusSlice(n) {
  // xz is killed by SIGPIPE-free means: we read everything it writes up to maxBuffer and stop.
  const r = spawnSync('sh', ['-c', `xz -dc "$1" | head -n ${Number(n)}`, 'sh', CORPUS_XZ], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  if (r.status !== 0) throw new Error(`xz -dc ${CORPUS_XZ} failed: ${r.stderr}`);
  return r.stdout;
}

/**
 * Runs `toasoan import FILE --db sqlite:DB` (FILE '-' with `input` on standard input).
 * Returns { code, stdout, stderr }.
 */
export function runImport({ db, file = '-', input, timeoutMs = 60_000 }) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, ['import', file, '--db', `sqlite:${db}`], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`toasoan import did not finish in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? `signal ${signal}`, stdout, stderr });
    });
    child.stdin.on('error', () => {}); // an import that exits early closes its input
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

/** Imports and insists that every line was accepted. */
export async function importOk(db, { file, input }) {
  const r = await runImport({ db, file: file ?? '-', input });
  if (r.code !== 0) throw new Error(`toasoan import exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/**
 * Starts `toasoan serve` on 127.0.0.1:0 against `db` and waits for its listening line.
 * Returns a server object: { url, port, proc, output(), stop() }. stop() sends SIGTERM and
 * resolves to { code, signal, output } once the process has exited.
 */
export async function startServer({ db, media, args = [], readyTimeoutMs = 15_000 }) {
  const argv = ['serve', '--listen', '127.0.0.1:0', '--db', `sqlite:${db}`, '--media', media, ...args];
  const proc = spawn(BIN, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (d) => {
    out += d;
    if (out.length > 4 << 20) out = out.slice(-(2 << 20)); // access logs of the load tests
  };
  proc.stdout.setEncoding('utf8').on('data', keep);
  proc.stderr.setEncoding('utf8').on('data', keep);
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));

  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`no listening line within ${readyTimeoutMs} ms`)), readyTimeoutMs);
    const fail = (e) => {
      clearTimeout(timer);
      proc.kill('SIGKILL');
      reject(new Error(`${e.message}\ntoasoan ${argv.join(' ')}\n${out}`));
    };
    const check = () => {
      const m = /serving http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        proc.stderr.off('data', check);
        resolve(Number(m[1]));
      }
    };
    proc.stderr.on('data', check);
    proc.on('error', fail);
    exited.then(({ code, signal }) => fail(new Error(`toasoan serve exited (${code ?? signal}) before listening`)));
    check();
  });

  let stopped = null;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    proc,
    output: () => out,
    stop(timeoutMs = 15_000) {
      if (stopped) return stopped;
      stopped = (async () => {
        if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
        const r = await exited;
        clearTimeout(timer);
        return { ...r, output: out };
      })();
      return stopped;
    },
  };
}

/**
 * A newspaper for a test file: a temp folder, a SQLite file with the model article and the
 * first `corpusLines` corpus articles imported, and a server on it. Call close() at the end
 * (it removes the folder; stop the server first to check its exit status).
 */
export async function startNewspaper({ corpusLines = 300, args = [], extraJsonl } = {}) {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'toasoan.db');
  const media = path.join(tmp.dir, 'media');
  let server = null;
  try {
    await importOk(db, { file: SEED_JSONL });
    if (corpusLines > 0) await importOk(db, { input: corpusSlice(corpusLines) });
    if (extraJsonl) await importOk(db, { input: extraJsonl });
    server = await startServer({ db, media, args: ['--no-access-log', ...args] });
    const model = await findArticle(server.url, MODEL.title);
    if (!model) throw new Error('the model article is not in /api/v1/articles');
    return {
      ...tmp,
      db,
      media,
      server,
      model, // the API's summary of the model article: { id, url, title, … }
      modelPath: new URL(model.url).pathname,
      async close() {
        await server.stop();
        tmp.cleanup();
      },
    };
  } catch (e) {
    // A half-made newspaper must not keep a server (and so the test process) alive.
    if (server) await server.stop();
    tmp.cleanup();
    throw e;
  }
}

/** The API summary of the published article with this title, or null. */
export async function findArticle(base, title) {
  for (let page = 1; page < 1000; page++) {
    const r = await fetch(`${base}/api/v1/articles?per_page=100&page=${page}`);
    if (r.status !== 200) throw new Error(`/api/v1/articles → ${r.status}`);
    const j = await r.json();
    const hit = j.articles.find((a) => a.title === title);
    if (hit) return hit;
    if (page * j.per_page >= j.total) return null;
  }
  return null;
}

/**
 * One request with node:http, which, unlike fetch, neither follows redirects nor decodes
 * bodies: { status, headers, body (Buffer) }.
 */
export function request(url, { method = 'GET', headers = {}, timeoutMs = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${url}: no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** GET and decode as UTF-8 text: { status, headers, text }. */
export async function getText(url, opts) {
  const r = await request(url, opts);
  return { ...r, text: r.body.toString('utf8') };
}

/**
 * Writes `bytes` on a raw TCP connection and collects what comes back until the server
 * closes the connection or `timeoutMs` passes. { data (Buffer), closedByServer }.
 */
export function rawExchange(port, bytes, { timeoutMs = 5_000 } = {}) {
  return new Promise((resolve) => {
    const chunks = [];
    let closedByServer = false;
    const sock = net.connect({ host: '127.0.0.1', port });
    const done = () => {
      clearTimeout(timer);
      sock.destroy();
      resolve({ data: Buffer.concat(chunks), closedByServer });
    };
    const timer = setTimeout(done, timeoutMs);
    sock.on('connect', () => sock.write(bytes));
    sock.on('data', (c) => chunks.push(c));
    sock.on('end', () => {
      closedByServer = true;
      done();
    });
    sock.on('error', () => {
      closedByServer = true; // a reset is the server closing too
      done();
    });
  });
}

/**
 * Splits raw HTTP/1.1 responses (with Content-Length bodies) into
 * [{ status, statusLine, headers (lower-case names), body (Buffer) }].
 */
export function parseResponses(buf, { head = false } = {}) {
  const out = [];
  let at = 0;
  while (at < buf.length) {
    const end = buf.indexOf('\r\n\r\n', at);
    if (end < 0) throw new Error(`incomplete response head: ${buf.subarray(at).toString('latin1').slice(0, 200)}`);
    const lines = buf.subarray(at, end).toString('latin1').split('\r\n');
    const statusLine = lines.shift();
    const headers = {};
    for (const l of lines) {
      const i = l.indexOf(':');
      headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
    }
    const status = Number(statusLine.split(' ')[1]);
    const len = head || status === 304 || status === 204 ? 0 : Number(headers['content-length'] ?? 0);
    out.push({ status, statusLine, headers, body: buf.subarray(end + 4, end + 4 + len) });
    at = end + 4 + len;
  }
  return out;
}

/** Writes `text` to a new file in `dir` and returns its path. */
export function writeFile(dir, name, text) {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Decodes the HTML entities toasoan's escaper writes, for comparing text. */
export function unescapeHtml(s) {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of an HTML fragment: tags dropped, entities decoded, spaces collapsed. */
export function textOf(html) {
  return unescapeHtml(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` (async, returning truthy when satisfied) every `everyMs` until `withinMs`. */
export async function eventually(fn, { withinMs = 1_000, everyMs = 50 } = {}) {
  const start = Date.now();
  let last;
  for (;;) {
    last = await fn();
    if (last) return { value: last, ms: Date.now() - start };
    if (Date.now() - start > withinMs) return { value: last, ms: Date.now() - start, timedOut: true };
    await sleep(everyMs);
  }
}
