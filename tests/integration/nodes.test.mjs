// Several nodes on one PostgreSQL database (issue 3), as a newspaper runs them behind a proxy:
// two `toasoan serve` processes on two ports share nothing but the database, and whatever one
// of them caches must follow a change made anywhere within a second. Also what an operator
// sees when the database is wrong or goes away: one line and exit status 2 at start, 503
// pages while it is gone, and a node that recovers by itself when it is back.
//
// PostgreSQL only (ctest runs it as integration.nodes.postgres): the shared test server
// TOASOAN_TEST_POSTGRES_URL names, plus one throwaway server of its own (scripts/pg), which
// this file stops and starts again without disturbing the tests running beside it.
// Needs nothing from ../shared: it writes its own articles.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  NEEDS_POSTGRES,
  POSTGRES_URL,
  REPO,
  eventually,
  findArticle,
  getText,
  importOk,
  psql,
  request,
  requirePostgresUnderCi,
  run,
  runImport,
  runToasoan,
  sleep,
  startServer,
  tempDir,
  withCredentials,
  withDatabase,
  writeFile,
} from './helpers.mjs';

requirePostgresUnderCi();

const WITHIN_A_SECOND = { withinMs: 1_000, everyMs: 25 };

// A small article as the newsroom's export writes it; later ones are newer (top of the lists).
let clock = Date.parse('2025-03-01T08:00:00+07:00');
function article(id, title, extra = {}) {
  clock += 60_000;
  return {
    id,
    title,
    lead: `Đoạn dẫn của bài ${id}.`,
    body: 'Đoạn thứ nhất của bài.\n\nĐoạn thứ hai của bài.',
    category: 'Thời sự',
    published: new Date(clock + 7 * 3600_000).toISOString().slice(0, 19) + '+07:00',
    ...extra,
  };
}
const jsonl = (...articles) => articles.map((a) => JSON.stringify(a)).join('\n') + '\n';

const json = async (url) => {
  const r = await fetch(url);
  return { status: r.status, body: await r.json() };
};

// Starts several servers at once; if one fails, the others are stopped before throwing.
async function startNodes(count, opts) {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startServer(opts)));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    for (const s of started) if (s.status === 'fulfilled') await s.value.stop();
    throw failed.reason;
  }
  return started.map((s) => s.value);
}

// Polls every node at once; resolves to [{ ms, timedOut, value }] in node order.
const onEveryNode = (nodes, check, opts = WITHIN_A_SECOND) =>
  Promise.all(nodes.map((n, i) => eventually(() => check(n, i), opts)));

function assertAll(results, what) {
  const slow = results.map((r, i) => (r.timedOut ? `node ${i + 1} not after ${r.ms} ms` : null)).filter(Boolean);
  assert.equal(slow.length, 0, `${what}: ${slow.join('; ')}`);
  return results.map((r) => r.ms);
}

describe('two nodes on one PostgreSQL database', { skip: NEEDS_POSTGRES }, () => {
  let tmp;
  let db;
  let nodes = [];
  before(async () => {
    tmp = tempDir('toasoan-nodes-');
    db = tmp.database('nodes', 'postgres');
    // Both start at the same moment on an empty database: one of them runs the migrations,
    // the other waits for the advisory lock and finds them done.
    nodes = await startNodes(2, {
      db,
      media: path.join(tmp.dir, 'media'),
      args: ['--no-access-log', '--db-pool', '4', '--threads', '1'],
    });
  });
  after(async () => {
    for (const n of nodes) await n.stop();
    tmp?.cleanup();
  });

  test('both start together on an empty database, each migration applied once', async () => {
    for (const n of nodes) {
      const r = await json(`${n.url}/api/v1/articles`);
      assert.equal(r.status, 200);
      assert.equal(r.body.total, 0);
      assert.equal((await request(`${n.url}/`)).status, 200);
    }
    const applied = psql('SELECT count(*), count(DISTINCT version) FROM schema_migrations', { url: db });
    const [count, distinct] = applied.split('|').map(Number);
    assert.ok(count >= 1 && count === distinct, `schema_migrations: ${applied}`);
  });

  const first = article('node-1', 'Bài nhập ngoài cả hai máy chủ xuất hiện trên cả hai');
  let firstPath;

  test('an article imported by `toasoan import` shows on both nodes’ pages and API within a second', async (t) => {
    // Cache the home page and the API list on both nodes first.
    for (const n of nodes) {
      assert.equal((await request(`${n.url}/`)).status, 200);
      assert.equal((await request(`${n.url}/api/v1/articles`)).status, 200);
    }
    await importOk(db, { input: jsonl(first) });
    const ms = assertAll(
      await onEveryNode(nodes, async (n) => {
        const listed = await findArticle(n.url, first.title);
        if (!listed) return false;
        const page = await getText(n.url + new URL(listed.url).pathname);
        if (page.status !== 200 || !page.text.includes(`<h1>${first.title}</h1>`)) return false;
        firstPath = new URL(listed.url).pathname;
        return (await getText(`${n.url}/`)).text.includes(first.title);
      }),
      'the new article on the page, the home page and the API',
    );
    t.diagnostic(`seen after ${ms.join(' ms and ')} ms`);
  });

  test('a re-imported title changes on both nodes within a second, cached pages included', async (t) => {
    assert.ok(firstPath, 'the previous test found the article');
    const id = Number(/-(\d+)\.html$/.exec(firstPath)[1]);
    // Cache the article page, the home page and the API's article on both nodes.
    for (const n of nodes) {
      for (const p of [firstPath, '/', `/api/v1/articles/${id}`]) assert.equal((await request(n.url + p)).status, 200, p);
    }
    const changed = { ...first, title: 'Tiêu đề đã sửa trên cả hai máy chủ' };
    const r = await importOk(db, { input: jsonl(changed) });
    assert.match(r.stdout, /cập nhật 1 bài/);
    const ms = assertAll(
      await onEveryNode(nodes, async (n) => {
        const old = await request(n.url + firstPath);
        if (old.status !== 301) return false; // the slug follows the title
        const moved = await getText(n.url + new URL(old.headers.location, n.url).pathname);
        if (moved.status !== 200 || !moved.text.includes(`<h1>${changed.title}</h1>`)) return false;
        if ((await json(`${n.url}/api/v1/articles/${id}`)).body.title !== changed.title) return false;
        const home = (await getText(`${n.url}/`)).text;
        return home.includes(changed.title) && !home.includes(first.title);
      }),
      'the new title everywhere',
    );
    t.diagnostic(`seen after ${ms.join(' ms and ')} ms`);
    const again = await request(nodes[0].url + firstPath);
    firstPath = new URL(again.headers.location, nodes[0].url).pathname;
  });

  test('an article set to "unpublished" disappears from both nodes within a second', async (t) => {
    const hidden = article('node-hidden', 'Bài sẽ bị gỡ xuống khỏi cả hai máy chủ');
    await importOk(db, { input: jsonl(hidden) });
    let hiddenPath;
    assertAll(
      await onEveryNode(nodes, async (n) => {
        const listed = await findArticle(n.url, hidden.title);
        hiddenPath = listed && new URL(listed.url).pathname;
        if (!listed || (await request(n.url + hiddenPath)).status !== 200) return false;
        return (await getText(`${n.url}/`)).text.includes(hidden.title);
      }),
      'published first',
    );
    const id = Number(/-(\d+)\.html$/.exec(hiddenPath)[1]);
    const before = [];
    for (const n of nodes) {
      // Cached while it was published: its page, the home page (above), its section, the API.
      assert.equal((await request(`${n.url}/thoi-su/`)).status, 200);
      assert.equal((await request(`${n.url}/api/v1/articles/${id}`)).status, 200);
      before.push((await json(`${n.url}/api/v1/articles?per_page=1`)).body.total);
    }
    await importOk(db, { input: jsonl({ ...hidden, status: 'unpublished' }) });
    const ms = assertAll(
      await onEveryNode(nodes, async (n, i) => {
        if ((await request(n.url + hiddenPath)).status !== 410) return false;  // gone, as taken down
        if ((await request(`${n.url}/api/v1/articles/${id}`)).status !== 404) return false;
        for (const p of ['/', '/thoi-su/']) if ((await getText(n.url + p)).text.includes(hidden.title)) return false;
        return (await json(`${n.url}/api/v1/articles?per_page=1`)).body.total === before[i] - 1;
      }),
      'gone from its page, the lists and the API',
    );
    t.diagnostic(`gone after ${ms.join(' ms and ')} ms`);
  });

  test('a node that lost its notification connection catches up from the change log', async (t) => {
    // A change committed while a node is not listening reaches it anyway: the node reads the
    // log from the last entry it applied, once it is back, and purges what that entry names.
    await sleep(600); // the changes of the tests above have all been applied
    for (const n of nodes) assert.equal((await request(n.url + firstPath)).status, 200); // cached
    const cut = psql(
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() " +
        "AND pid <> pg_backend_pid() AND query LIKE 'LISTEN %'",
      { url: db },
    );
    assert.equal(cut, '2', 'one listening connection per node');
    // Written while the listeners are down (or reconnecting): its NOTIFY may reach no one.
    const missed = 'Tiêu đề đổi khi các máy chủ đang mất kênh thông báo';
    await importOk(db, { input: jsonl({ ...first, title: missed }) });
    const ms = assertAll(
      await onEveryNode(nodes, async (n) => {
        const r = await request(n.url + firstPath);
        const path = r.status === 301 ? new URL(r.headers.location, n.url).pathname : firstPath;
        return (await getText(n.url + path)).text.includes(`<h1>${missed}</h1>`);
      }, { withinMs: 3_000, everyMs: 25 }),
      'the change made during the cut',
    );
    t.diagnostic(`seen after ${ms.join(' ms and ')} ms`);
    for (const [i, n] of nodes.entries()) {
      assert.match(n.output(), /mất kết nối nhận thông báo thay đổi/, `node ${i + 1} says it lost its listener`);
    }
    // And notifications flow again on the new connection.
    const next = article('node-after-cut', 'Bài sau khi nối lại kênh thông báo');
    await importOk(db, { input: jsonl(next) });
    assertAll(await onEveryNode(nodes, (n) => findArticle(n.url, next.title)), 'a change after the reconnection');
  });

  test('the same file imported by two processes at once: every article once', async (t) => {
    const n = 1_500; // three batches of 500 (one transaction each): the two processes interleave
    // New categories too, so both processes race to create them.
    const sections = ['Kinh tế', 'Giáo dục', 'Sức khỏe', 'Du lịch', 'Công nghệ'];
    const batch = Array.from({ length: n }, (_, i) =>
      article(`dup-${i}`, `Bài nhập hai lần cùng lúc số ${i + 1}`, { category: sections[i % sections.length] }),
    );
    const file = writeFile(tmp.dir, 'twice.jsonl', jsonl(...batch));
    const before = (await json(`${nodes[0].url}/api/v1/articles?per_page=1`)).body.total;
    const [a, b] = await Promise.all([runImport({ db, file }), runImport({ db, file })]);
    assert.equal(a.code, 0, `first import: ${a.stdout}${a.stderr}`);
    assert.equal(b.code, 0, `second import: ${b.stdout}${b.stderr}`);
    const counts = [a, b].map((r) => {
      const m = /Đã nhập (\d+) bài mới, cập nhật (\d+) bài, bỏ qua (\d+) dòng lỗi/.exec(r.stdout);
      assert.ok(m, `a summary: ${r.stdout}`);
      return m.slice(1).map(Number);
    });
    t.diagnostic(`new/updated/skipped: ${counts.map((c) => c.join('/')).join(' and ')}`);
    assert.equal(counts[0][0] + counts[1][0], n, 'between them, each article inserted once');
    assert.equal(counts[0][0] + counts[0][1], n, 'the first wrote every line');
    assert.equal(counts[1][0] + counts[1][1], n, 'the second wrote every line');

    assertAll(
      await onEveryNode(nodes, async (node) => (await json(`${node.url}/api/v1/articles?per_page=1`)).body.total === before + n),
      `the API total is ${before} + ${n} on both nodes`,
    );
    for (const node of nodes) {
      const cats = (await json(`${node.url}/api/v1/categories`)).body.categories;
      for (const s of sections) assert.equal(cats.filter((c) => c.name === s).length, 1, `one category "${s}"`);
      let sum = 0;
      for (const c of cats) sum += (await json(`${node.url}/api/v1/articles?per_page=1&category=${c.slug}`)).body.total;
      assert.equal(sum, before + n, 'the categories hold every article once');
    }
    const titles = psql("SELECT count(*), count(DISTINCT external_id) FROM articles WHERE external_id LIKE 'dup-%'", {
      url: db,
    });
    assert.equal(titles, `${n}|${n}`, 'no article twice in the database');
  });

  test('SIGTERM drains both nodes and they exit 0', async () => {
    for (const n of nodes) {
      const r = await n.stop();
      assert.equal(r.signal, null);
      assert.equal(r.code, 0, r.output.slice(-2000));
    }
  });
});

describe('a database that is wrong: one line and exit status 2', { skip: NEEDS_POSTGRES }, () => {
  const role = `toasoan_it_pw_${process.pid}`;
  let tmp;
  let havePasswordRole = false;
  before(() => {
    tmp = tempDir('toasoan-baddb-');
    // scripts/pg makes members of password_login give a password even on its socket.
    havePasswordRole = psql("SELECT count(*) FROM pg_roles WHERE rolname = 'password_login'") === '1';
    if (havePasswordRole) {
      psql([`DROP ROLE IF EXISTS ${role}`, `CREATE ROLE ${role} LOGIN PASSWORD 'right-one' IN ROLE password_login`]);
    }
  });
  after(() => {
    if (havePasswordRole) psql(`DROP ROLE IF EXISTS ${role}`);
    tmp?.cleanup();
  });

  // Runs serve and import against `url` and checks each says one line and exits 2.
  async function expectOneLine(url, { secret, mentions, env } = {}) {
    const media = path.join(tmp.dir, 'media');
    const runs = {
      serve: await runToasoan(['serve', '--listen', '127.0.0.1:0', '--media', media, ...(env ? [] : ['--db', url])], {
        env,
        timeoutMs: 20_000,
      }),
      import: await runToasoan(['import', '-', ...(env ? [] : ['--db', url])], {
        env,
        input: jsonl(article('bad-db', 'Bài không vào được')),
        timeoutMs: 20_000,
      }),
    };
    for (const [cmd, r] of Object.entries(runs)) {
      const where = `toasoan ${cmd} --db ${url}`;
      assert.equal(r.signal, null, `${where}: no crash (${r.signal})`);
      assert.equal(r.code, 2, `${where}: exit 2, not ${r.code}\n${r.stderr}`);
      const lines = r.stderr.split('\n').filter((l) => l.length > 0);
      assert.equal(lines.length, 1, `${where}: one line on standard error:\n${r.stderr}`);
      assert.equal(r.stdout, '', `${where}: nothing on standard output`);
      assert.doesNotMatch(lines[0], /serving/);
      if (secret) assert.ok(!r.stderr.includes(secret), `${where}: the password is not shown: ${lines[0]}`);
      if (mentions) assert.ok(lines[0].includes(mentions), `${where}: names ${mentions}: ${lines[0]}`);
      assert.ok(r.ms < 15_000, `${where}: gave up in ${r.ms} ms`);
    }
  }

  test('a malformed URL', async () => {
    await expectOneLine('postgresql://toasoan:s3cret@[::1/toasoan', { secret: 's3cret' });
    await expectOneLine('postgresql://toasoan@/toasoan?nonsense=1', {});
  });

  test('a malformed URL given as TOASOAN_DB', async () => {
    await expectOneLine('postgresql://toasoan:s3cret@[::1/toasoan', {
      secret: 's3cret',
      env: { TOASOAN_DB: 'postgresql://toasoan:s3cret@[::1/toasoan' },
    });
  });

  test('an unreachable server: a socket folder that does not exist, a closed port', async () => {
    const nowhere = path.join(tmp.dir, 'no-server-here');
    await expectOneLine(`postgresql://postgres:s3cret@/toasoan_nowhere?host=${nowhere}`, {
      secret: 's3cret',
      mentions: 'toasoan_nowhere',
    });
    await expectOneLine('postgresql://postgres:s3cret@127.0.0.1:1/toasoan_nowhere?connect_timeout=2', {
      secret: 's3cret',
      mentions: '127.0.0.1',
    });
  });

  test('a wrong password', async (t) => {
    if (!havePasswordRole) {
      t.skip('the server has no password_login role (scripts/pg makes one): wrong passwords not tested');
      return;
    }
    await expectOneLine(withCredentials(POSTGRES_URL, role, 'wrong-s3cret'), { secret: 'wrong-s3cret', mentions: role });
  });

  test('a database that does not exist on a server that does', async () => {
    await expectOneLine(withDatabase(POSTGRES_URL, `toasoan_it_missing_${process.pid}`), {
      mentions: `toasoan_it_missing_${process.pid}`,
    });
  });
});

// --- A server of our own, stopped and started under a running node ----------------------

const PG_BIN = process.env.PG_BIN || '/usr/lib/postgresql/15/bin';
const SCRIPTS_PG = path.join(REPO, 'scripts', 'pg');

// pg_ctl on the server in `dir` (made by scripts/pg); as the postgres user when we are root,
// as scripts/pg runs it.
function pgCtl(dir, ...args) {
  const argv = [path.join(PG_BIN, 'pg_ctl'), '-D', path.join(dir, 'data'), ...args];
  return process.getuid() === 0 ? run('runuser', ['-u', 'postgres', '--', ...argv], { timeoutMs: 40_000 }) : run(argv[0], argv.slice(1), { timeoutMs: 40_000 });
}

describe('a database lost while serving', { skip: NEEDS_POSTGRES }, () => {
  let pgDir;
  let url;
  let tmp;
  let node;
  const articles = Array.from({ length: 30 }, (_, i) => article(`lost-${i}`, `Bài số ${i + 1} trước khi mất cơ sở dữ liệu`));
  let paths = [];

  before(async () => {
    tmp = tempDir('toasoan-lostdb-');
    // A short folder under /tmp: the socket path inside it must fit in 107 bytes.
    pgDir = mkdtempSync('/tmp/toasoan-it-pg-');
    // Should this process end before after() runs, the server must not outlive it.
    process.on('exit', () => {
      if (pgDir && existsSync(pgDir)) spawnSync(SCRIPTS_PG, ['stop', pgDir], { timeout: 60_000 });
    });
    const started = await run(SCRIPTS_PG, ['start', pgDir], { timeoutMs: 60_000 });
    if (started.code !== 0) throw new Error(`scripts/pg start ${pgDir}: ${started.stderr}`);
    url = started.stdout.trim();
    await importOk(url, { input: jsonl(...articles) });
    node = await startServer({ db: url, media: path.join(tmp.dir, 'media'), args: ['--no-access-log', '--db-pool', '4'] });
    const list = (await json(`${node.url}/api/v1/articles?per_page=100`)).body.articles;
    paths = list.map((a) => new URL(a.url).pathname);
    assert.equal(paths.length, articles.length);
  });
  after(async () => {
    if (node) await node.stop();
    if (pgDir) {
      const r = await run(SCRIPTS_PG, ['stop', pgDir], { timeoutMs: 90_000 }).catch((e) => ({ code: 1, stderr: e.message }));
      if (r.code !== 0) {
        process.stderr.write(`scripts/pg stop ${pgDir}: ${r.stderr}\n`);
        rmSync(pgDir, { recursive: true, force: true });
      }
    }
    tmp?.cleanup();
  });

  test('pages that need it answer 503 in Vietnamese; the node comes back by itself', async (t) => {
    // Cached before the outage: the home page and the first article.
    assert.equal((await request(`${node.url}/`)).status, 200);
    assert.equal((await request(node.url + paths[0])).status, 200);
    const logBefore = node.output().length;

    const stopped = await pgCtl(pgDir, 'stop', '-m', 'fast', '-w', '-t', '30');
    assert.equal(stopped.code, 0, `pg_ctl stop: ${stopped.stderr}`);

    // Pages never rendered before need the database: 503, the Vietnamese page, quickly.
    for (const p of [paths[5], paths[6], '/thoi-su/?page=2']) {
      const started = Date.now();
      const r = await getText(node.url + p, { timeoutMs: 10_000 });
      assert.equal(r.status, 503, `${p} while the database is down`);
      assert.match(r.headers['content-type'], /^text\/html/);
      assert.match(r.text, /<html lang="vi"/);
      assert.match(r.text, /Trang tạm thời gián đoạn/);
      assert.ok(Date.now() - started < 6_000, `${p}: answered in ${Date.now() - started} ms`);
    }
    const api = await request(`${node.url}/api/v1/articles?per_page=7`);
    assert.equal(api.status, 503, 'the API too');
    assert.match(api.headers['content-type'], /^application\/json/);
    assert.equal(JSON.parse(api.body.toString('utf8')).error.status, 503);
    const home = await request(`${node.url}/`);
    t.diagnostic(`the cached home page during the outage: ${home.status}`);
    assert.ok([200, 503].includes(home.status), `the home page: ${home.status}`);
    await sleep(1_000); // a few polls of the change watcher
    assert.equal(node.proc.exitCode, null, 'the node is still running');

    const restarted = await run(SCRIPTS_PG, ['start', pgDir], { timeoutMs: 60_000 });
    assert.equal(restarted.code, 0, `scripts/pg start again: ${restarted.stderr}`);
    const back = await eventually(async () => (await request(node.url + paths[5])).status === 200, {
      withinMs: 5_000,
      everyMs: 100,
    });
    assert.ok(!back.timedOut, `serving again within 5 s of the database's return (${back.ms} ms)`);
    t.diagnostic(`200 again ${back.ms} ms after the server was back`);
    for (const p of [paths[6], '/thoi-su/?page=2', '/api/v1/articles?per_page=7']) {
      assert.equal((await request(node.url + p)).status, 200, `${p} after the outage`);
    }

    // Changes are heard again: the listener is back too.
    const changed = { ...articles[0], title: 'Tiêu đề mới sau khi cơ sở dữ liệu trở lại' };
    await importOk(url, { input: jsonl(changed) });
    const seen = await eventually(async () => (await findArticle(node.url, changed.title)) !== null, WITHIN_A_SECOND);
    assert.ok(!seen.timedOut, `a change after the outage shows within a second (${seen.ms} ms)`);

    // A few lines about the outage, not one per request or per poll.
    const outage = node.output().slice(logBefore).split('\n').filter((l) => l.length > 0);
    t.diagnostic(`${outage.length} log lines during the outage`);
    assert.ok(outage.length <= 40, `the log stays short:\n${outage.slice(0, 60).join('\n')}`);
  });

  test('SIGTERM drains and the node exits 0', async () => {
    const r = await node.stop();
    assert.equal(r.signal, null);
    assert.equal(r.code, 0, r.output.slice(-2000));
  });
});
