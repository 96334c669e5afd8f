// Hostile clients: 200 connections that send a request header one byte a second (slowloris)
// and 200 that connect and say nothing. While they hang on, a reader still gets the article
// page promptly; the read and idle timeouts then cut every one of them off.
// Loopback only, bounded in time (~6 s), every socket destroyed at the end. Needs ../shared.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';

import { NEEDS_ENGINE, NEEDS_SHARED, request, skipIf, sleep, startNewspaper } from './helpers.mjs';

const SLOW = 200;
const SILENT = 200;
const READ_TIMEOUT_S = 2;
const IDLE_TIMEOUT_S = 3;
// The last hostile socket must be gone this long after it connected: the longer timeout
// plus slack for a loaded two-core machine.
const CUT_OFF_WITHIN_MS = 5_000;

// Opens one hostile connection; resolves once connected. `slow` ones drip a request.
function hostile(port, slow) {
  return new Promise((resolve, reject) => {
    const rec = { slow, connectedAt: 0, closedAt: 0, socket: null, timer: null };
    const sock = net.connect({ host: '127.0.0.1', port });
    rec.socket = sock;
    const request = Buffer.from('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\nX-A: ');
    let sent = 0;
    sock.on('connect', () => {
      rec.connectedAt = Date.now();
      if (slow) {
        const drip = () => {
          if (!sock.destroyed && sent < request.length) sock.write(request.subarray(sent, ++sent));
        };
        drip();
        rec.timer = setInterval(drip, 1_000);
      }
      resolve(rec);
    });
    const closed = () => {
      if (!rec.closedAt) rec.closedAt = Date.now();
      clearInterval(rec.timer);
    };
    sock.on('end', closed); // the server's FIN
    sock.on('close', closed);
    sock.on('error', (e) => {
      closed(); // a reset from the server also ends it
      if (!rec.connectedAt) reject(e);
    });
    sock.on('data', () => {}); // a 408 or the like is fine; only the close matters
  });
}

describe('hostile clients', { skip: skipIf(NEEDS_SHARED, NEEDS_ENGINE) }, () => {
  let paper;
  let conns = [];
  before(async () => {
    paper = await startNewspaper({
      corpusLines: 30,
      args: ['--read-timeout', String(READ_TIMEOUT_S), '--idle-timeout', String(IDLE_TIMEOUT_S)],
    });
  });
  after(async () => {
    for (const c of conns) {
      clearInterval(c.timer);
      c.socket.destroy();
    }
    if (paper) await paper.close();
  });

  test('400 slow or silent connections neither starve a reader nor outlive the timeouts', async (t) => {
    const { port, url } = paper.server;
    const start = Date.now();
    conns = await Promise.all([
      ...Array.from({ length: SLOW }, () => hostile(port, true)),
      ...Array.from({ length: SILENT }, () => hostile(port, false)),
    ]);
    const connected = Date.now();
    assert.equal(conns.length, SLOW + SILENT);
    assert.ok(connected - start < 2_000, `400 connections accepted quickly (${connected - start} ms)`);

    // A reader, while all of them hang on: every fetch is answered within a second.
    const timings = [];
    for (const at of [300, 1_200, 2_000]) {
      await sleep(Math.max(0, connected + at - Date.now()));
      const open = conns.filter((c) => !c.closedAt).length;
      const t0 = Date.now();
      const r = await request(url + paper.modelPath, { timeoutMs: 3_000 });
      const ms = Date.now() - t0;
      timings.push({ at, ms, open });
      assert.equal(r.status, 200);
      assert.match(r.body.toString('utf8'), /<h1>/);
      assert.ok(ms < 1_000, `the article page in ${ms} ms with ${open} hostile connections open`);
    }
    assert.ok(timings[0].open >= SLOW + SILENT - 5, `they were all still open at first (${timings[0].open})`);

    // Then the server cuts them all off.
    const deadline = connected + CUT_OFF_WITHIN_MS + 1_000;
    while (conns.some((c) => !c.closedAt) && Date.now() < deadline) await sleep(100);
    const open = conns.filter((c) => !c.closedAt);
    assert.equal(open.length, 0, `${open.length} hostile connections still open after ${Date.now() - connected} ms`);

    const lived = (c) => c.closedAt - c.connectedAt;
    const slow = conns.filter((c) => c.slow).map(lived);
    const silent = conns.filter((c) => !c.slow).map(lived);
    const max = (a) => Math.max(...a);
    const min = (a) => Math.min(...a);
    t.diagnostic(`reader: ${timings.map((x) => `${x.ms} ms with ${x.open} open`).join(', ')}`);
    t.diagnostic(`slow lived ${min(slow)}-${max(slow)} ms; silent lived ${min(silent)}-${max(silent)} ms`);
    assert.ok(max(slow) <= CUT_OFF_WITHIN_MS, `slow senders cut off by the read timeout (max ${max(slow)} ms)`);
    assert.ok(max(silent) <= CUT_OFF_WITHIN_MS, `silent ones cut off by the idle timeout (max ${max(silent)} ms)`);
    // And not before their time: it is the timeouts that closed them, not an accident.
    assert.ok(min(slow) >= READ_TIMEOUT_S * 1000 - 750, `slow ones lived their read timeout (min ${min(slow)} ms)`);
    assert.ok(min(silent) >= IDLE_TIMEOUT_S * 1000 - 750, `silent ones lived their idle timeout (min ${min(silent)} ms)`);

    // The server is still well.
    const r = await request(url + '/');
    assert.equal(r.status, 200);
  });

  test('SIGTERM drains and the server exits 0', async () => {
    const r = await paper.server.stop();
    assert.equal(r.signal, null);
    assert.equal(r.code, 0, r.output.slice(-2000));
  });
});
