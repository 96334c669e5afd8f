// Photos for the tests: made with Debian's `vips` command (libvips-tools, installed by
// scripts/deps) so that each is a real file of its type, an EXIF block written by hand (a
// rotation and a GPS position, as a phone writes them), uploads sent as the newsroom app sends
// them (multipart, the file in `file`), and what a variant really is, read back with
// `vipsheader`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A photo of `width`×`height` as `ext` (jpg, png, webp, heic) in `dir`; its bytes. */
export function makePhoto(dir, name, width, height, ext, { alpha = false } = {}) {
  const v = path.join(dir, `${name}.v`);
  // A gradient with some texture, so that encoders have real work, shifted by the name so
  // that two photos of one size are different photos.
  const xyz = path.join(dir, `${name}-xyz.v`);
  execFileSync('vips', ['xyz', xyz, String(width), String(height)]);
  const shift = [...name].reduce((h, c) => (h * 31 + c.codePointAt(0)) % 97, 7);
  execFileSync('vips', ['linear', xyz, v, '1', String(shift)]);
  let source = v;
  if (alpha) {
    source = path.join(dir, `${name}-a.v`);
    execFileSync('vips', ['bandjoin_const', v, source, '128']);
  }
  const out = path.join(dir, `${name}.${ext}`);
  const saver = { jpg: 'jpegsave', png: 'pngsave', webp: 'webpsave', heic: 'heifsave' }[ext];
  execFileSync('vips', [saver, source, out]);
  return fs.readFileSync(out);
}

/** A PNG bomb: 20000 × 20000 of one colour, a few hundred kilobytes that decode to 1.2 GB. */
export function makeBomb(dir) {
  const out = path.join(dir, 'bomb.png');
  execFileSync('vips', ['black', out, '20000', '20000', '--bands', '3']);
  return fs.readFileSync(out);
}

/** True when this machine's libvips can write HEIC (so the test can make one). */
export function canMakeHeic(dir) {
  try {
    makePhoto(dir, 'heic-probe', 16, 16, 'heic');
    return true;
  } catch {
    return false;
  }
}

/** The width and height of image bytes, as libvips reads them (orientation not applied). */
export function sizeOf(dir, bytes, ext) {
  const f = path.join(dir, `probe-${process.hrtime.bigint()}.${ext}`);
  fs.writeFileSync(f, bytes);
  const [w, h] = ['width', 'height'].map((k) => Number(execFileSync('vipsheader', ['-f', k, f]).toString().trim()));
  fs.rmSync(f);
  return { width: w, height: h };
}

// --- EXIF, little-endian TIFF inside an APP1 segment -------------------------------------

function ifd(entries, start, extra) {
  // entries: [{tag, type, count, value: Buffer (≤ 4 bytes inline, else placed in extra)}]
  const size = 2 + entries.length * 12 + 4;
  const b = Buffer.alloc(size);
  b.writeUInt16LE(entries.length, 0);
  entries.forEach((e, i) => {
    const o = 2 + i * 12;
    b.writeUInt16LE(e.tag, o);
    b.writeUInt16LE(e.type, o + 2);
    b.writeUInt32LE(e.count, o + 4);
    if (e.value.length <= 4) e.value.copy(b, o + 8);
    else {
      b.writeUInt32LE(start + size + extra.length, o + 8);
      extra.push(...e.value);
    }
  });
  return b;
}

function rationals(...pairs) {
  const b = Buffer.alloc(pairs.length * 8);
  pairs.forEach(([n, d], i) => {
    b.writeUInt32LE(n, i * 8);
    b.writeUInt32LE(d, i * 8 + 4);
  });
  return b;
}

/** An APP1 Exif segment: Orientation `orientation` and a GPS position (Đà Lạt, 11°56'N 108°26'E). */
export function exifSegment(orientation) {
  const short = (v) => { const b = Buffer.alloc(4); b.writeUInt16LE(v, 0); return b; };
  const long = (v) => { const b = Buffer.alloc(4); b.writeUInt32LE(v, 0); return b; };
  const ascii = (s) => { const b = Buffer.alloc(4); b.write(s, 0, 'latin1'); return b; };
  // IFD0 at 8: Orientation, GPS pointer. Then the GPS IFD.
  const ifd0Entries = 2;
  const gpsAt = 8 + 2 + ifd0Entries * 12 + 4;
  const ifd0 = ifd([{ tag: 0x0112, type: 3, count: 1, value: short(orientation) },
                    { tag: 0x8825, type: 4, count: 1, value: long(gpsAt) }], 8, []);
  const extra = [];
  const gps = ifd([
    { tag: 0x0001, type: 2, count: 2, value: ascii('N') },
    { tag: 0x0002, type: 5, count: 3, value: rationals([11, 1], [56, 1], [0, 1]) },
    { tag: 0x0003, type: 2, count: 2, value: ascii('E') },
    { tag: 0x0004, type: 5, count: 3, value: rationals([108, 1], [26, 1], [0, 1]) },
  ], gpsAt, extra);
  const tiff = Buffer.concat([Buffer.from('II*\0', 'latin1'), long(8), ifd0, gps, Buffer.from(extra)]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** `jpeg` with `segment` put right after its SOI marker. */
export function withSegment(jpeg, segment) {
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

/** POST /api/v1/admin/media as the app sends it: { status, json, text, headers }. */
export async function upload(member, bytes, filename, { type = '', fields = {}, headers = {} } = {}) {
  const form = new FormData();
  form.append('file', new Blob([bytes], type ? { type } : {}), filename);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return member.api('POST', '/api/v1/admin/media', undefined, { raw: form, headers });
}

/** Every file under `dir`, relative, sorted. */
export function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}
