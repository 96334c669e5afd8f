// Helpers for the integration and browser tests: they drive the real `toasoan` binary, each
// test file with its own temporary folder, database and server on a free loopback port.
//
// Every test of the store and of the pages runs on both stores: ctest runs each file once
// with TOASOAN_TEST_ENGINE=sqlite and once with TOASOAN_TEST_ENGINE=postgres. `tempDir()`'s
// `database()` and `startNewspaper()` make a database of that engine: a SQLite file in the
// test's folder, or a fresh database on the PostgreSQL server TOASOAN_TEST_POSTGRES_URL names
// (CREATE DATABASE with psql, dropped again at cleanup).
//
// Environment (set by tests/CMakeLists.txt and scripts/test; the defaults suit a run from the
// repository):
//   TOASOAN_BIN                 the binary                     (default: build/toasoan)
//   TOASOAN_SHARED              the project's shared/ folder   (default: ../shared beside the repository)
//   TOASOAN_TEST_ENGINE         sqlite or postgres             (default: sqlite)
//   TOASOAN_TEST_POSTGRES_URL   a PostgreSQL server we may create databases on, e.g.
//                               postgresql://postgres@/toasoan_test?host=/tmp/toasoan-pg.XXXX
//                               (scripts/pg prints one; scripts/test sets it)
//   CI                          "true": what would be skipped for want of PostgreSQL fails
// Tests that read ../shared (the model article, the corpus) skip when it is absent.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');
export const BIN = process.env.TOASOAN_BIN || path.join(REPO, 'build', 'toasoan');
export const SHARED = process.env.TOASOAN_SHARED || path.resolve(REPO, '..', 'shared');
export const CI = process.env.CI === 'true';

// --- Engines ---------------------------------------------------------------------------

export const ENGINES = ['sqlite', 'postgres'];
/** The engine this run of a test file uses (TOASOAN_TEST_ENGINE). */
export const ENGINE = process.env.TOASOAN_TEST_ENGINE || 'sqlite';
if (!ENGINES.includes(ENGINE)) {
  throw new Error(`TOASOAN_TEST_ENGINE=${ENGINE}: expected one of ${ENGINES.join(', ')}`);
}
export const POSTGRES_URL = process.env.TOASOAN_TEST_POSTGRES_URL || '';
const NO_POSTGRES =
  'TOASOAN_TEST_POSTGRES_URL is unset (./scripts/test starts a throwaway server and sets it; ' +
  'or run scripts/pg start DIR and export what it prints)';
// For describe()/test() options: `{ skip: NEEDS_POSTGRES }`. Under CI=true nothing is skipped
// for want of a server: the tests run and fail, and the check below says why.
// ctest marks a run whose output carries "# needs PostgreSQL:" as skipped (tests/CMakeLists.txt).
export const NEEDS_POSTGRES = POSTGRES_URL || CI ? false : `needs PostgreSQL: ${NO_POSTGRES}`;
/** Skip reason (or false) for a test that needs this run's engine. */
export const NEEDS_ENGINE = ENGINE === 'postgres' ? NEEDS_POSTGRES : false;
/** Skip reason (or false) for a test that only makes sense on SQLite (say why). */
export const sqliteOnly = (why) => (ENGINE === 'sqlite' ? false : `SQLite only: ${why}`);
/** The first skip reason of several, or false: `{ skip: skipIf(NEEDS_SHARED, NEEDS_ENGINE) }`. */
export const skipIf = (...reasons) => reasons.find(Boolean) || false;

/** Registers a failing test in a file that needs PostgreSQL when CI=true runs it without one. */
export function requirePostgresUnderCi() {
  if (CI && !POSTGRES_URL) {
    test('PostgreSQL is configured (CI=true)', () => {
      throw new Error(`CI=true and ${NO_POSTGRES}: the PostgreSQL tests must not be skipped in CI`);
    });
  }
}
if (ENGINE === 'postgres') requirePostgresUnderCi();

/** `url` with its database name replaced: postgresql://u@/a?host=/x → postgresql://u@/NAME?host=/x. */
export function withDatabase(url, name) {
  const start = url.indexOf('://') + 3;
  const q = url.indexOf('?', start);
  const end = q < 0 ? url.length : q;
  const slash = url.indexOf('/', start);
  const authorityEnd = slash >= 0 && slash < end ? slash : end;
  return `${url.slice(0, authorityEnd)}/${name}${url.slice(end)}`;
}

/** `url` with a user and password: postgresql://u@/a?… → postgresql://USER:PASSWORD@/a?…. */
export function withCredentials(url, user, password) {
  const start = url.indexOf('://') + 3;
  const end = url.slice(start).search(/[/?]/);
  const authorityEnd = end < 0 ? url.length : start + end;
  const at = url.lastIndexOf('@', authorityEnd);
  const cut = at >= start ? at + 1 : start;
  const who = password === undefined ? user : `${user}:${encodeURIComponent(password)}`;
  return `${url.slice(0, start)}${who}@${url.slice(cut)}`;
}

/**
 * Runs SQL with psql on the server `url` names (default: TOASOAN_TEST_POSTGRES_URL's database)
 * and returns its unaligned output (psql -At), trimmed. Throws with psql's message on failure.
 * `sql` is one command string or an array of them, each run (and committed) in turn.
 */
export function psql(sql, { url = POSTGRES_URL, timeoutMs = 30_000 } = {}) {
  if (!url) throw new Error(`psql: ${NO_POSTGRES}`);
  // Several statements as an array: each its own -c, so each commits on its own.
  const commands = (Array.isArray(sql) ? sql : [sql]).flatMap((c) => ['-c', c]);
  const r = spawnSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-d', url, ...commands], {
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
  });
  if (r.error) throw new Error(`psql: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`psql -c ${JSON.stringify(sql)} exited ${r.status}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

// Databases this process made and has not dropped yet: dropped at exit whatever happens.
const liveDatabases = new Set();
let databaseCount = 0;
process.on('exit', () => {
  for (const name of liveDatabases) dropPostgresDatabase(name);
});

/**
 * A fresh, empty PostgreSQL database on the test server; returns { name, url, drop() }.
 * `label` only helps a reader of pg_database tell the tests apart.
 */
export function createPostgresDatabase(label = 'db') {
  if (!POSTGRES_URL) throw new Error(`a PostgreSQL test database: ${NO_POSTGRES}`);
  const tag = String(label).toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 24);
  const name = `toasoan_it_${process.pid}_${++databaseCount}_${tag}`.slice(0, 63);
  // Two CREATE DATABASEs from one template at the same instant may refuse each other.
  for (let attempt = 1; ; attempt++) {
    try {
      psql(`CREATE DATABASE ${name}`);
      break;
    } catch (e) {
      if (attempt >= 5) throw e;
      spawnSync('sleep', [String(0.1 * attempt)]);
    }
  }
  liveDatabases.add(name);
  return { name, url: withDatabase(POSTGRES_URL, name), drop: () => dropPostgresDatabase(name) };
}

function dropPostgresDatabase(name) {
  if (!liveDatabases.delete(name)) return;
  try {
    // FORCE: a server killed by a failed test may still hold connections.
    psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } catch (e) {
    process.stderr.write(`warning: could not drop the test database ${name}: ${e.message}\n`);
  }
}

/** The --db URL for what tests pass as `db`: a URL as it is, a bare path as a SQLite file. */
export function dbUrl(db) {
  if (typeof db === 'object' && db?.url) return db.url;
  if (/^(sqlite:|postgres(ql)?:\/\/)/.test(db)) return db;
  return `sqlite:${db}`;
}

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

/**
 * A fresh temporary folder, removed by cleanup(). Its database(label, engine) makes a new,
 * empty database and returns its --db URL: `sqlite:DIR/LABEL.db` (LABEL may name a
 * subfolder, made by the server), or a fresh PostgreSQL database that cleanup() drops.
 * The engine defaults to this run's (TOASOAN_TEST_ENGINE).
 */
export function tempDir(prefix = 'toasoan-test-') {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const made = [];
  return {
    dir,
    database(label = 'toasoan', engine = ENGINE) {
      if (engine === 'sqlite') return `sqlite:${path.join(dir, `${label}.db`)}`;
      if (engine !== 'postgres') throw new Error(`no such engine: ${engine}`);
      const db = createPostgresDatabase(label);
      made.push(db);
      return db.url;
    },
    cleanup() {
      for (const db of made.splice(0)) db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
 * Runs a command to its end: `input` (if any) on its standard input, `env` added to ours.
 * Resolves to { code, signal, stdout, stderr, ms }; `code` is `signal NAME` when a signal ended
 * it. Killed (and rejected) after `timeoutMs`.
 */
export function run(cmd, args, { input, env, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: env ? { ...process.env, ...env } : undefined });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.basename(cmd)} ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? `signal ${signal}`, signal, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin.on('error', () => {}); // a command that exits early closes its input
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

/** Runs `toasoan ARGS…` to its end: { code, signal, stdout, stderr, ms } (see run()). */
export function runToasoan(args, opts) {
  return run(BIN, args, opts);
}

/**
 * Runs `toasoan import FILE --db DB` (FILE '-' with `input` on standard input). `db` is a
 * --db URL (sqlite:…, postgresql://…) or, as before, a bare path to a SQLite file.
 * Returns { code, stdout, stderr }.
 */
export async function runImport({ db, file = '-', input, media, timeoutMs = 60_000 }) {
  const args = ['import', file, '--db', dbUrl(db), ...(media ? ['--media', media] : [])];
  const { code, stdout, stderr } = await run(BIN, args, { input, timeoutMs });
  return { code, stdout, stderr };
}

/** Imports and insists that every line was accepted. */
export async function importOk(db, { file, input }) {
  const r = await runImport({ db, file: file ?? '-', input });
  if (r.code !== 0) throw new Error(`toasoan import exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/**
 * Starts `toasoan serve` on 127.0.0.1:0 against `db` (a --db URL, or a bare path to a SQLite
 * file) and waits for its listening line.
 * Returns a server object: { url, port, proc, output(), stop() }. stop() sends SIGTERM and
 * resolves to { code, signal, output } once the process has exited.
 */
export async function startServer({ db, media, args = [], readyTimeoutMs = 15_000 }) {
  const argv = ['serve', '--listen', '127.0.0.1:0', '--db', dbUrl(db), '--media', media, ...args];
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
 * A newspaper for a test file: a temp folder, a database of `engine` (default: this run's)
 * with the model article and the first `corpusLines` corpus articles imported, and a server
 * on it. `db` is its --db URL (importOk(paper.db, …) writes into it). Call close() at the end
 * (it removes the folder and drops the database; stop the server first to check its exit
 * status).
 */
export async function startNewspaper({ corpusLines = 300, args = [], extraJsonl, engine = ENGINE } = {}) {
  const tmp = tempDir();
  const media = path.join(tmp.dir, 'media');
  let server = null;
  try {
    const db = tmp.database('toasoan', engine);
    await importOk(db, { file: SEED_JSONL });
    if (corpusLines > 0) await importOk(db, { input: corpusSlice(corpusLines) });
    if (extraJsonl) await importOk(db, { input: extraJsonl });
    server = await startServer({ db, media, args: ['--no-access-log', ...args] });
    const model = await findArticle(server.url, MODEL.title);
    if (!model) throw new Error('the model article is not in /api/v1/articles');
    return {
      ...tmp,
      engine,
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

/**
 * GET `target` as written: node's URL parser would resolve "%2e%2e" and "." segments before
 * sending, and the server must see them. { status, headers, body (Buffer) }.
 */
export function rawGet(port, target, { timeoutMs = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`GET ${target.slice(0, 120)}: no answer in ${timeoutMs} ms`)));
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
