// HTTP behaviour a browser, a proxy or a misbehaving client notices: revalidation (304),
// HEAD, compression, static asset caching, malformed requests, oversized headers and
// pipelining. Needs ../shared (the model article and a slice of the corpus).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { NEEDS_ENGINE, NEEDS_SHARED, parseResponses, rawExchange, request, skipIf, startNewspaper } from './helpers.mjs';

describe('http', { skip: skipIf(NEEDS_SHARED, NEEDS_ENGINE) }, () => {
  let paper;
  let base;
  before(async () => {
    paper = await startNewspaper({ corpusLines: 50 });
    base = paper.server.url;
  });
  after(async () => {
    if (paper) await paper.close();
  });

  test('a page sends an ETag and answers If-None-Match with 304 and no body', async () => {
    for (const path of [paper.modelPath, '/', `/thoi-su/`, '/api/v1/articles']) {
      const first = await request(base + path);
      assert.equal(first.status, 200, path);
      const etag = first.headers.etag;
      assert.ok(etag, `${path} has an ETag`);
      const again = await request(base + path, { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304, `${path} revalidates`);
      assert.equal(again.body.length, 0);
      assert.equal(again.headers.etag, etag);
      const other = await request(base + path, { headers: { 'If-None-Match': '"not-the-etag"' } });
      assert.equal(other.status, 200, `${path} with a stale ETag is sent again`);
      const listed = await request(base + path, { headers: { 'If-None-Match': `"x", ${etag}` } });
      assert.equal(listed.status, 304, `${path} with its ETag in a list`);
    }
  });

  test('HEAD gives the headers of GET and no body', async () => {
    for (const path of [paper.modelPath, '/', '/khong-co-trang-nay']) {
      const get = await request(base + path);
      // Over a raw socket: node:http would hide a body sent by mistake after a HEAD.
      const raw = await rawExchange(
        paper.server.port,
        `HEAD ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
      );
      const [head, ...extra] = parseResponses(raw.data, { head: true });
      assert.equal(extra.length, 0, 'nothing after the head');
      assert.equal(head.status, get.status, path);
      assert.equal(head.headers['content-length'], String(get.body.length), `${path}: the Content-Length of GET`);
      assert.equal(head.headers['content-type'], get.headers['content-type']);
      assert.equal(head.headers.etag, get.headers.etag);
      assert.equal(head.body.length, 0);
      assert.ok(raw.closedByServer);
    }
  });

  test('gzip and brotli when the client asks, identical once decoded', async () => {
    const plain = await request(base + paper.modelPath);
    assert.equal(plain.headers['content-encoding'], undefined, 'no encoding unless asked');
    assert.match(plain.headers.vary ?? '', /Accept-Encoding/i);

    const gz = await request(base + paper.modelPath, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gz.body.length < plain.body.length / 2, `gzip shrinks the page (${gz.body.length}/${plain.body.length})`);
    assert.deepEqual(zlib.gunzipSync(gz.body), plain.body);

    const br = await request(base + paper.modelPath, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.ok(br.body.length <= gz.body.length, 'brotli is preferred and no larger than gzip');
    assert.deepEqual(zlib.brotliDecompressSync(br.body), plain.body);

    const none = await request(base + paper.modelPath, { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(none.headers['content-encoding'], undefined);
    const refused = await request(base + paper.modelPath, { headers: { 'Accept-Encoding': 'br;q=0, gzip' } });
    assert.equal(refused.headers['content-encoding'], 'gzip', 'br;q=0 is a refusal');

    const api = await request(`${base}/api/v1/articles`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(api.headers['content-encoding'], 'gzip', 'JSON is compressed too');
    assert.ok(JSON.parse(zlib.gunzipSync(api.body).toString('utf8')).articles.length > 0);
  });

  test('static assets have hashed names and a year-long immutable cache lifetime', async () => {
    const html = (await request(base + paper.modelPath)).body.toString('utf8');
    const assets = [...html.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)].map((m) => m[1]);
    assert.ok(assets.some((a) => a.endsWith('.css')), 'the page links a stylesheet');
    assert.ok(assets.some((a) => a.endsWith('.js')), 'the article page links its script');
    for (const a of assets) {
      assert.match(a, /^\/static\/[a-z0-9-]+\.[0-9a-f]{6,}\.(css|js|svg|woff2|png|ico)$/, `${a} has a content hash`);
      const r = await request(base + a, { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(r.status, 200, a);
      const cc = r.headers['cache-control'] ?? '';
      assert.match(cc, /immutable/, `${a}: ${cc}`);
      const maxAge = Number(/max-age=(\d+)/.exec(cc)?.[1] ?? 0);
      assert.ok(maxAge >= 31536000, `${a} is cached for a year (${cc})`);
      assert.match(r.headers['content-type'], a.endsWith('.css') ? /^text\/css/ : /javascript/);
    }
    const wrongHash = assets[0].replace(/\.[0-9a-f]{6,}\./, '.0000000000.');
    assert.equal((await request(base + wrongHash)).status, 404, 'an asset under a stale hash is not found');
  });

  test('a malformed request gets 400 and the connection is closed', async () => {
    const bad = [
      'GET / HTTP/1.1\r\nHost x\r\n\r\n', // header line without a colon
      'GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n', // a space in a header name
      'GET / HTTP/9.9\r\nHost: x\r\n\r\n', // no such version
      'G\x00T / HTTP/1.1\r\nHost: x\r\n\r\n',
      'this is not http at all\r\n\r\n',
      '\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n', // a TLS hello on the plain port
      'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
      'GET http//x HTTP/1.1\r\nHost: x\r\n\r\n',
    ];
    for (const req of bad) {
      const r = await rawExchange(paper.server.port, Buffer.from(req, 'latin1'));
      const text = r.data.toString('latin1');
      assert.match(text, /^HTTP\/1\.1 400 /, `400 for ${JSON.stringify(req)}; got ${JSON.stringify(text.slice(0, 40))}`);
      assert.ok(r.closedByServer, `the server closes after ${JSON.stringify(req)}`);
      assert.equal(parseResponses(r.data).length, 1, 'one response, then the close');
    }
  });

  test('an HTTP/1.1 request without a Host, or with two, gets 400 (RFC 9112 §3.2)', async () => {
    for (const req of ['GET / HTTP/1.1\r\n\r\n', 'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n']) {
      const r = await rawExchange(paper.server.port, req, { timeoutMs: 2_000 });
      const text = r.data.toString('latin1');
      assert.match(text, /^HTTP\/1\.1 400 /, `400 for ${JSON.stringify(req)}; got ${JSON.stringify(text.slice(0, 40))}`);
      assert.ok(r.closedByServer, `closed after ${JSON.stringify(req)}`);
    }
    // HTTP/1.0 has no Host requirement: served, then closed.
    const old = await rawExchange(paper.server.port, 'GET / HTTP/1.0\r\n\r\n');
    assert.match(old.data.toString('latin1'), /^HTTP\/1\.[01] 200 /);
    assert.ok(old.closedByServer);
  });

  test('an oversized request header gets 431 and the connection is closed', async () => {
    const big = `GET / HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(17 * 1024)}\r\n\r\n`;
    const r = await rawExchange(paper.server.port, big);
    assert.match(r.data.toString('latin1'), /^HTTP\/1\.1 431 /);
    assert.ok(r.closedByServer);

    const many = `GET / HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 150 }, (_, i) => `X-F${i}: v\r\n`).join('')}\r\n`;
    const m = await rawExchange(paper.server.port, many);
    assert.match(m.data.toString('latin1'), /^HTTP\/1\.1 431 /, 'too many header fields');
    assert.ok(m.closedByServer);

    // The server is unharmed.
    assert.equal((await request(base + '/')).status, 200);
  });

  test('two pipelined requests in one write get two responses, in order', async () => {
    const two =
      `GET ${paper.modelPath} HTTP/1.1\r\nHost: x\r\n\r\n` +
      'GET /api/v1/categories HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';
    const r = await rawExchange(paper.server.port, two);
    const [first, second, ...rest] = parseResponses(r.data);
    assert.equal(rest.length, 0);
    assert.equal(first.status, 200);
    assert.match(first.headers['content-type'], /^text\/html/);
    assert.match(first.body.toString('utf8'), /<h1>/);
    assert.equal(second.status, 200);
    assert.match(second.headers['content-type'], /^application\/json/);
    assert.ok(JSON.parse(second.body.toString('utf8')).categories.length > 0);
    assert.ok(r.closedByServer, 'Connection: close is honoured');
  });

  test('keep-alive: several requests on one connection', async () => {
    const reqs = ['/', paper.modelPath, '/api/v1/categories', '/khong-co']
      .map((p, i, all) => `GET ${p} HTTP/1.1\r\nHost: x\r\n${i === all.length - 1 ? 'Connection: close\r\n' : ''}\r\n`)
      .join('');
    const r = await rawExchange(paper.server.port, reqs);
    assert.deepEqual(
      parseResponses(r.data).map((x) => x.status),
      [200, 200, 200, 404],
    );
  });

  test('methods other than GET and HEAD are refused', async () => {
    const r = await fetch(base + paper.modelPath, { method: 'DELETE' });
    assert.equal(r.status, 405);
    assert.match(r.headers.get('allow') ?? '', /GET/);
  });

  test('media are sent from the file with Range: 206 for a piece, 416 past the end', async () => {
    const dir = path.join(paper.media, 'anh');
    mkdirSync(dir, { recursive: true });
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
    writeFileSync(path.join(dir, 'range-test.jpg'), bytes);
    const whole = await request(`${base}/media/anh/range-test.jpg`);
    assert.equal(whole.status, 200);
    assert.equal(whole.headers['accept-ranges'], 'bytes');
    assert.ok(whole.body.equals(bytes), 'the whole file, byte for byte');
    const piece = await request(`${base}/media/anh/range-test.jpg`, { headers: { Range: 'bytes=100000-100009' } });
    assert.equal(piece.status, 206);
    assert.equal(piece.headers['content-range'], 'bytes 100000-100009/300000');
    assert.ok(piece.body.equals(bytes.subarray(100000, 100010)));
    const tail = await request(`${base}/media/anh/range-test.jpg`, { headers: { Range: 'bytes=-5' } });
    assert.ok(tail.body.equals(bytes.subarray(-5)), 'the last five bytes');
    const past = await request(`${base}/media/anh/range-test.jpg`, { headers: { Range: 'bytes=400000-' } });
    assert.equal(past.status, 416);
    assert.equal(past.headers['content-range'], 'bytes */300000');
    for (const bad of ['/media/../toasoan.db', '/media/anh/.hidden', '/media/anh/missing.jpg'])
      assert.equal((await request(base + bad)).status, 404, bad);
  });

  test('/api/v1/admin/ is the newsroom’s: JSON, signed in only, never cached', async () => {
    for (const method of ['GET', 'POST']) {
      const r = await request(`${base}/api/v1/admin/articles`, { method });
      assert.equal(r.status, 401, method);
      assert.match(r.headers['content-type'], /application\/json/);
      assert.equal(r.headers['cache-control'], 'no-store');
      assert.equal(JSON.parse(r.body.toString()).error, 'unauthorized');
    }
    const unknown = await request(`${base}/api/v1/admin/no-such-thing`);
    assert.equal(unknown.status, 404);
    assert.equal(JSON.parse(unknown.body.toString()).error, 'not_found');
  });

  test('/metrics answers on this machine, not through a proxy', async () => {
    const r = await request(`${base}/metrics`);
    assert.equal(r.status, 200);
    assert.match(r.body.toString(), /^toasoan_page_cache_hits_total \d+$/m);
    const proxied = await request(`${base}/metrics`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    assert.equal(proxied.status, 404);
  });

  test('SIGTERM drains and the server exits 0', async () => {
    const r = await paper.server.stop();
    assert.equal(r.signal, null, 'not killed');
    assert.equal(r.code, 0, r.output.slice(-2000));
    assert.match(r.output, /stopped/);
  });
});
