// Vietnamese search (issue 4) as a reader meets it: the page /tim-kiem, the JSON API
// /api/v1/search and its suggestions, on a newspaper of the model article, 300 corpus articles
// and a few articles of our own written for the cases that matter: "đường" against "dương"
// and "đương", "Đảng" typed as "dang", adjacent and scattered words for quoted phrases, an
// English word that also reads as Telex, a date just after midnight in Vietnam, HTML in a
// title. Checks: tone marks, case, NFD, Telex and VNI all find the model article first; marks
// typed rank the exactly-marked word first; snippets mark the original accented words;
// filters, sort, pagination; suggestions; hostile input never gives a 500; the index follows
// re-imports and unpublishing within a second on every node; `toasoan reindex`.
// Runs on the engine helpers.mjs is told (TOASOAN_TEST_ENGINE). Needs ../shared.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  ENGINE,
  MODEL,
  NEEDS_ENGINE,
  NEEDS_SHARED,
  eventually,
  getText,
  importOk,
  request,
  runToasoan,
  skipIf,
  startNewspaper,
  startServer,
  textOf,
  unescapeHtml,
} from './helpers.mjs';

const WITHIN_A_SECOND = { withinMs: 1_000, everyMs: 25 };

// --- Our own articles ------------------------------------------------------------------

let clock = Date.parse('2021-03-01T08:00:00+07:00');
function article(id, title, extra = {}) {
  clock += 3_600_000;
  return {
    id,
    title,
    lead: `Bài viết thử nghiệm số ${id.length} của tòa soạn.`,
    body: 'Đoạn thứ nhất của bài.\n\nĐoạn thứ hai của bài.',
    category: 'Đời sống',
    published: new Date(clock + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00',
    ...extra,
  };
}

const OWN = {
  // Three words that fold to "duong"; the "dương" one is the newest, so neither date nor
  // import order can put "đường" first for it.
  road: article('s-road', 'Con đường đến Pác Nặm', { lead: 'Hành trình qua những bản làng vùng cao.' }),
  current: article('s-current', 'Đương kim vô địch đến Pác Nặm', { lead: 'Hành trình qua những bản làng vùng cao.' }),
  name: article('s-name', 'Cô Dương đến Pác Nặm', { lead: 'Hành trình qua những bản làng vùng cao.' }),
  party: article('s-party', 'Đại hội Đảng bộ huyện Mèo Vạc lần thứ nhất', {
    category: 'Thời sự',
    lead: 'Đại hội diễn ra trong hai ngày tại trung tâm huyện.',
  }),
  // "ngựa vằn" adjacent in one, the same two words apart in the other.
  adjacent: article('s-adjacent', 'Đàn ngựa vằn trên thảo nguyên Serengeti', {
    lead: 'Mùa di cư bắt đầu sớm hơn mọi năm.',
  }),
  apart: article('s-apart', 'Chú ngựa già bên tảng đá có vằn đỏ ở Serengeti', {
    lead: 'Mùa di cư bắt đầu sớm hơn mọi năm.',
  }),
  // "bus" is also Telex for "bú": the literal reading must still find it.
  bus: article('s-bus', 'Tuyến xe bus điện đầu tiên chạy thử ở Phú Quốc', { category: 'Xe cộ' }),
  sonLa: article('s-sonla', 'Mùa mận chín ở Sơn La', { lead: 'Những vườn mận hậu trĩu quả trên cao nguyên Mộc Châu.' }),
  // 05:00 on 16 March in Vietnam is still 15 March in UTC.
  dawn: article('s-dawn', 'Phiên chợ tình Khau Vai lúc rạng sáng', {
    category: 'Văn hóa',
    published: '2021-03-16T05:00:00+07:00',
  }),
  // Markup in the text must come out as text, marked or not.
  html: article('s-html', 'Giá "vàng" & <bạc> tăng ở chợ Pác Bó', {
    category: 'Kinh tế',
    lead: 'Thị trường <b>sôi động</b> & "khó đoán" tại Pác Bó.',
  }),
  // Numbers and codes as newspapers write them: "5.000", "COVID-19".
  covid: article('s-covid', 'Thêm 5.000 ca mắc COVID-19 tại Điện Biên', { lead: 'Số ca mắc mới tăng nhanh trong tuần qua.' }),
  // Changed and unpublished by the tests below.
  edit: article('s-edit', 'Chim cánh cụt hoàng đế ở Nam Cực', { lead: 'Một loài vật đặc biệt.' }),
  hide: article('s-hide', 'Lễ hội khinh khí cầu Tràng An bị hoãn', { lead: 'Ban tổ chức thông báo lịch mới.' }),
};
const jsonl = (...articles) => articles.map((a) => JSON.stringify(a)).join('\n') + '\n';

// --- Reading answers -------------------------------------------------------------------

/** Lower case, no tone marks or diacritics, đ → d (what the index matches on). */
const fold = (s) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase().normalize('NFC');

const enc = encodeURIComponent;
function qs(params) {
  return Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${enc(v)}`)
    .join('&');
}

async function api(base, params) {
  const r = await getText(`${base}/api/v1/search?${qs(params)}`);
  let body = null;
  try {
    body = JSON.parse(r.text);
  } catch {
    /* asserted by callers that need JSON */
  }
  return { status: r.status, type: r.headers['content-type'] || '', body, text: r.text };
}

/** The API's results for `q` (status 200 asserted). */
async function search(base, q, params = {}) {
  const r = await api(base, { q, ...params });
  assert.equal(r.status, 200, `/api/v1/search q=${JSON.stringify(q)} ${JSON.stringify(params)} → ${r.status} ${r.text.slice(0, 300)}`);
  assert.ok(r.body && Array.isArray(r.body.results), `results array: ${r.text.slice(0, 300)}`);
  return r.body;
}

async function suggest(base, q) {
  const r = await getText(`${base}/api/v1/search/suggest?q=${enc(q)}`);
  assert.equal(r.status, 200, `/api/v1/search/suggest q=${JSON.stringify(q)} → ${r.status} ${r.text.slice(0, 300)}`);
  const body = JSON.parse(r.text);
  assert.ok(Array.isArray(body.suggestions), r.text.slice(0, 300));
  return body.suggestions;
}

const hasClass = (cls) => `class="(?:[^"]*\\s)?${cls}(?:\\s[^"]*)?"`;
const element = (tag, cls) => new RegExp(`<${tag}\\b[^>]*${hasClass(cls)}[^>]*>([\\s\\S]*?)</${tag}>`);
/** Text of an HTML fragment with <mark> removed first (so "sáu</mark>," stays "sáu,"). */
const plain = (html) => textOf(html.replace(/<\/?mark>/g, ''));

/** The search page's results: [{ href, titleHtml, title, meta, snippet }]. */
function pageResults(html) {
  const ol = element('ol', 'results').exec(html);
  if (!ol) return [];
  return ol[1]
    .split(/<li\b[^>]*>/)
    .slice(1)
    .map((li) => {
      const a = /<h2\b[^>]*>\s*<a\b[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>\s*<\/h2>/.exec(li);
      return {
        li,
        href: a ? unescapeHtml(a[1]) : null,
        titleHtml: a ? a[2] : '',
        title: a ? plain(a[2]) : '',
        meta: element('p', 'meta').exec(li)?.[1] ?? null,
        snippet: element('p', 'snippet').exec(li)?.[1] ?? null,
      };
    });
}

async function searchPage(base, params) {
  const r = await getText(`${base}/tim-kiem?${qs(params)}`);
  return { ...r, results: pageResults(r.text) };
}

/** "Tìm thấy 1.234 kết quả" → 1234 (null without a count line). */
function pageCount(html) {
  const line = element('p', 'search-count').exec(html);
  if (!line) return null;
  const m = /Tìm thấy\s+([\d.,\s]+?)\s+kết quả/.exec(plain(line[1]));
  assert.ok(m, `count line: ${plain(line[1])}`);
  return Number(m[1].replace(/[.,\s]/g, ''));
}

/** The href of the first element with rel=REL (an <a> or a <link>), or null. */
function relLink(html, rel) {
  for (const m of html.matchAll(/<(?:a|link)\b[^>]*>/g)) {
    if (new RegExp(`\\brel="(?:[^"]*\\s)?${rel}(?:\\s[^"]*)?"`).test(m[0])) {
      const href = /\bhref="([^"]*)"/.exec(m[0]);
      if (href) return unescapeHtml(href[1]);
    }
  }
  return null;
}

const marked = (html) => [...html.matchAll(/<mark>([\s\S]*?)<\/mark>/g)].map((m) => m[1]);
/** No markup but <mark>: what the article said is text. */
function onlyMarks(html, what) {
  const rest = html.replace(/<\/?mark>/g, '');
  assert.ok(!/[<>]/.test(rest), `${what}: only <mark> tags, got ${html.slice(0, 300)}`);
}

const MODEL_QUERY = 'nghi quyet hoi nghi lan thu sau';

describe(`search (${ENGINE})`, { skip: skipIf(NEEDS_SHARED, NEEDS_ENGINE) }, () => {
  let paper;
  let base;
  let nodes; // every server on the newspaper's database: [{ url, … }]
  const ids = {}; // our articles' ids, by OWN key
  let modelPath;

  before(async () => {
    paper = await startNewspaper({ corpusLines: 300, extraJsonl: jsonl(...Object.values(OWN)) });
    base = paper.server.url;
    modelPath = paper.modelPath;
    nodes = [paper.server];
    if (ENGINE === 'postgres') {
      // A second node on the same database: the index must follow changes there too.
      nodes.push(await startServer({ db: paper.db, media: path.join(paper.dir, 'media2'), args: ['--no-access-log'] }));
    }
    // Our articles' ids, from the articles API (not from search, which is under test).
    for (let page = 1; Object.keys(ids).length < Object.keys(OWN).length && page < 100; page++) {
      const j = JSON.parse((await getText(`${base}/api/v1/articles?per_page=100&page=${page}`)).text);
      for (const [k, a] of Object.entries(OWN)) {
        const hit = j.articles.find((x) => x.title === a.title);
        if (hit) ids[k] = hit.id;
      }
      if (page * j.per_page >= j.total) break;
    }
    assert.equal(Object.keys(ids).length, Object.keys(OWN).length, `our articles are listed: ${JSON.stringify(ids)}`);
  });

  after(async () => {
    for (const n of (nodes || []).slice(1)) await n.stop();
    if (paper) await paper.close();
  });

  // --- The API's shape -------------------------------------------------------------------

  test('the API answers total, page, per_page and results with every field', async () => {
    const r = await api(base, { q: MODEL_QUERY });
    assert.equal(r.status, 200);
    assert.match(r.type, /^application\/json/);
    const j = r.body;
    assert.equal(typeof j.total, 'number');
    assert.ok(j.total >= 1, `total ${j.total}`);
    assert.equal(j.total_estimated, false, 'a count of a few matches is exact');
    assert.equal(j.page, 1);
    assert.equal(j.per_page, 10, 'default per_page');
    assert.ok(j.results.length >= 1 && j.results.length <= 10, `${j.results.length} results`);
    const first = j.results[0];
    assert.equal(first.id, paper.model.id);
    assert.equal(first.title, MODEL.title, 'the API title is the plain title');
    assert.equal(first.url, paper.model.url);
    assert.equal(first.published, '2022-12-08T07:30:00+07:00');
    assert.deepEqual(
      { name: first.category?.name, slug: first.category?.slug },
      { name: 'Thời sự', slug: MODEL.categorySlug },
    );
    assert.equal(new URL(first.category.url).pathname, `/${MODEL.categorySlug}/`);
    assert.equal(typeof first.snippet, 'string');
    assert.ok(first.snippet.length > 20, `a snippet: ${first.snippet}`);
    for (const x of j.results) {
      for (const k of ['id', 'title', 'url', 'snippet', 'published', 'category'])
        assert.ok(x[k] !== undefined && x[k] !== null, `result ${x.id} has ${k}`);
      assert.match(x.published, /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?\+07:00$/);
      onlyMarks(x.snippet, `snippet of ${x.id}`);
    }
    assert.ok(j.total >= j.results.length);
  });

  test('an empty query answers total 0, not an error', async () => {
    for (const q of ['', '   ', '"', '""', '*', '()', '--', ';']) {
      const r = await api(base, { q });
      assert.equal(r.status, 200, `q=${JSON.stringify(q)}: ${r.text.slice(0, 200)}`);
      assert.equal(r.body.total, 0, `q=${JSON.stringify(q)}`);
      assert.deepEqual(r.body.results, []);
    }
    const none = await getText(`${base}/api/v1/search`);
    assert.equal(none.status, 200, 'no q at all');
    assert.equal(JSON.parse(none.text).total, 0);
  });

  // --- Matching ---------------------------------------------------------------------------

  test('"nghi quyet hoi nghi lan thu sau" finds the model article first, typed every way', async () => {
    const variants = {
      plain: MODEL_QUERY,
      accented: 'Nghị quyết Hội nghị lần thứ sáu',
      'upper case': 'NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ SÁU',
      'some marks': 'nghị quyet hoi nghị lan thứ sau',
      'decomposed (NFD)': 'Nghị quyết Hội nghị lần thứ sáu'.normalize('NFD'),
      Telex: 'nghij quyeets hooij nghij laanf thuws saus',
      'Telex, some words': 'nghij quyeets hoi nghi lan thu sau',
      VNI: 'nghi5 quye61t ho65i nghi5 la62n thu71 sa1u',
      'mixed case Telex': 'Nghij Quyeets Hooij Nghij Laanf Thuws Saus',
    };
    const wrong = [];
    for (const [how, q] of Object.entries(variants)) {
      const j = await search(base, q);
      if (j.results[0]?.id !== paper.model.id)
        wrong.push(`${how} (${q}): first ${JSON.stringify(j.results[0]?.title)} of ${j.total}`);
    }
    assert.deepEqual(wrong, [], 'every variant finds the model article first');
  });

  test('the page finds the model article first too', async () => {
    for (const q of [MODEL_QUERY, 'nghij quyeets hooij nghij laanf thuws saus', 'nghi5 quye61t ho65i nghi5 la62n thu71 sa1u']) {
      const p = await searchPage(base, { q });
      assert.equal(p.status, 200, q);
      assert.ok(p.results.length >= 1, `${q}: results on the page`);
      assert.equal(new URL(p.results[0].href, base).pathname, modelPath, `${q}: first result links the model article`);
      assert.equal(p.results[0].title, MODEL.title, `${q}: its title`);
    }
  });

  test('typed marks rank the exactly-marked word first; without marks all three are found', async () => {
    const rank = (j, key) => j.results.findIndex((x) => x.id === ids[key]);
    const cases = [
      ['đường Pác Nặm', 'road'],
      ['dương Pác Nặm', 'name'],
      ['Dương Pác Nặm', 'name'],
      ['đương Pác Nặm', 'current'],
    ];
    for (const [q, want] of cases) {
      const j = await search(base, q);
      assert.equal(j.results[0]?.id, ids[want], `${q}: ${OWN[want].title} first, got ${j.results.map((x) => x.title).join(' | ')}`);
    }
    for (const q of ['duong pac nam', 'DUONG PAC NAM']) {
      const j = await search(base, q);
      for (const k of ['road', 'name', 'current']) assert.ok(rank(j, k) >= 0, `${q} finds "${OWN[k].title}"`);
    }
    // The single word, against the whole corpus's "đường" and "dương".
    const one = await search(base, 'đường', { per_page: 50 });
    const road = rank(one, 'road');
    const name = rank(one, 'name');
    assert.ok(road >= 0, `"đường" finds "${OWN.road.title}" in its first 50 of ${one.total}`);
    if (name >= 0) assert.ok(road < name, `"đường": the đường article (#${road + 1}) above the dương one (#${name + 1})`);
    const bare = await search(base, 'duong', { per_page: 50 });
    assert.ok(bare.total >= one.total, `"duong" (${bare.total}) finds at least what "đường" (${one.total}) does`);
  });

  test('"dang" finds "Đảng": đ is d', async () => {
    const j = await search(base, 'dang', { per_page: 50 });
    assert.ok(j.total >= 2, `total ${j.total}`);
    assert.ok(
      j.results.some((x) => x.title.includes('Đảng')),
      `a title with "Đảng" among ${j.results.map((x) => x.title).join(' | ')}`,
    );
    for (const q of ['dang bo meo vac', 'DAI HOI DANG BO HUYEN MEO VAC', 'đại hội đảng bộ mèo vạc', 'ddaij hooij ddangr booj meof vacj']) {
      const k = await search(base, q);
      assert.equal(k.results[0]?.id, ids.party, `${q}: first ${k.results[0]?.title}`);
    }
  });

  test('Telex that is also a word keeps its literal reading; "sown la" is Sơn La', async () => {
    const bus = await search(base, 'xe bus dien phu quoc');
    assert.equal(bus.results[0]?.id, ids.bus, `literal "bus": ${bus.results.map((x) => x.title).join(' | ')}`);
    for (const q of ['sown la', 'so7n la', 'Sơn La', 'son la', 'mận sơn la']) {
      const j = await search(base, q, { per_page: 50 });
      assert.ok(
        j.results.some((x) => x.id === ids.sonLa),
        `${q} finds "${OWN.sonLa.title}": ${j.results.slice(0, 5).map((x) => x.title).join(' | ')}`,
      );
    }
  });

  test('numbers and codes with punctuation inside match as typed ("5.000", "COVID-19")', async () => {
    const wrong = [];
    for (const q of ['COVID-19 Điện Biên', 'covid 19 dien bien', '5.000 ca covid dien bien', '"5.000 ca"', 'them 5.000 ca mac covid-19']) {
      const j = await search(base, q, { per_page: 50 });
      if (!j.results.some((x) => x.id === ids.covid)) wrong.push(`${q}: ${j.total} results without "${OWN.covid.title}"`);
    }
    assert.deepEqual(wrong, []);
  });

  test('a quoted phrase matches its words only when adjacent', async () => {
    const found = async (q) => {
      const j = await search(base, q, { per_page: 50 });
      return { adjacent: j.results.some((x) => x.id === ids.adjacent), apart: j.results.some((x) => x.id === ids.apart), j };
    };
    for (const q of ['ngựa vằn serengeti', 'ngua van serengeti']) {
      const f = await found(q);
      assert.deepEqual([f.adjacent, f.apart], [true, true], `${q} (unquoted) finds both`);
    }
    for (const q of ['"ngựa vằn" serengeti', '"ngua van" serengeti', '“ngựa vằn” Serengeti', '"ngựa vằn"']) {
      const f = await found(q);
      assert.deepEqual([f.adjacent, f.apart], [true, false], `${q}: only the adjacent words (${f.j.results.map((x) => x.title).join(' | ')})`);
    }
    const reversed = await found('"vằn ngựa"');
    assert.deepEqual([reversed.adjacent, reversed.apart], [false, false], 'the order counts');
    // An unbalanced quote is not an error: the words are searched as words.
    const odd = await found('"ngựa vằn serengeti');
    assert.ok(odd.adjacent, 'an odd quote still finds the article');
  });

  // --- Showing results ----------------------------------------------------------------------

  test('snippets and titles mark the matched words in the original accented text', async () => {
    for (const q of ['nghi quyet', 'Nghị quyết', 'nghij quyeets', 'nghi5 quye61t']) {
      const j = await search(base, q);
      const model = j.results.find((x) => x.id === paper.model.id);
      assert.ok(model, `${q}: the model article is found`);
      assert.match(model.snippet, /<mark>Nghị<\/mark> <mark>quyết<\/mark>/, `${q}: snippet ${model.snippet}`);
      for (const x of j.results) {
        onlyMarks(x.snippet, `${q}: snippet of ${x.id}`);
        for (const w of marked(x.snippet))
          assert.ok(['nghi', 'quyet'].includes(fold(w)), `${q}: <mark>${w}</mark> in ${x.id} is not a query word`);
      }
      // The page marks the title as well, and the snippet the same way.
      const p = await searchPage(base, { q });
      const item = p.results.find((r) => new URL(r.href, base).pathname === modelPath);
      assert.ok(item, `${q}: the model article is on the page`);
      assert.match(item.titleHtml, /<mark>Nghị<\/mark> <mark>quyết<\/mark>/, `${q}: title ${item.titleHtml}`);
      assert.equal(item.title, MODEL.title);
      assert.ok(item.snippet !== null, 'a snippet paragraph');
      assert.match(item.snippet, /<mark>Nghị<\/mark> <mark>quyết<\/mark>/);
    }
    // Marks typed that differ from the text's still mark the text's own word.
    const j = await search(base, 'dương Pác Nặm');
    assert.ok(j.results.some((x) => x.id === ids.road), 'the đường article is found by "dương"');
    const p = await searchPage(base, { q: 'dương Pác Nặm' });
    const item = p.results.find((r) => r.title === OWN.road.title);
    assert.ok(item, 'the đường article is on the page');
    assert.match(item.titleHtml, /<mark>đường<\/mark>/, item.titleHtml);
  });

  test('titles and snippets with markup in them come out as text', async () => {
    const j = await search(base, 'gia vang tang cho pac bo');
    const hit = j.results.find((x) => x.id === ids.html);
    assert.ok(hit, 'found');
    assert.equal(hit.title, OWN.html.title, 'the API keeps the title as it is');
    onlyMarks(hit.snippet, 'API snippet');
    const p = await searchPage(base, { q: 'gia vang tang cho pac bo' });
    const item = p.results.find((r) => r.title === OWN.html.title);
    assert.ok(item, `the page shows the title as text: ${p.results.map((r) => r.title).join(' | ')}`);
    onlyMarks(item.titleHtml, 'page title');
    onlyMarks(item.snippet ?? '', 'page snippet');
    assert.ok(!p.text.includes('<bạc>') && !p.text.includes('<b>sôi'), 'no markup from the article');
    // A word between < and > is a word like any other (not an HTML tag to skip).
    const bac = await search(base, 'gia vang bac pac bo');
    assert.ok(bac.results.some((x) => x.id === ids.html), `"bạc", written <bạc>, is searchable: ${bac.total} results`);
  });

  test('the page: heading, form with the query, count, results with meta and snippet', async () => {
    const p = await searchPage(base, { q: 'nghị quyết' });
    assert.equal(p.status, 200);
    assert.match(p.headers['content-type'], /^text\/html/);
    assert.match(p.text, /<html[^>]*\blang="vi"/);
    assert.match(p.text, /<h1[^>]*>Tìm kiếm<\/h1>/);
    const forms = [...p.text.matchAll(/<form\b[^>]*\brole="search"[^>]*>([\s\S]*?)<\/form>/g)];
    assert.ok(forms.length >= 1, 'a search form');
    assert.ok(
      forms.some((f) => /<input\b[^>]*\bname="q"[^>]*\bvalue="nghị quyết"/.test(f[0]) || /<input\b[^>]*\bvalue="nghị quyết"[^>]*\bname="q"/.test(f[0])),
      'the query stays in the box',
    );
    const api1 = await search(base, 'nghị quyết');
    assert.equal(pageCount(p.text), api1.total, 'the count line says the API total');
    assert.equal(p.results.length, Math.min(10, api1.total));
    assert.deepEqual(
      p.results.map((r) => new URL(r.href, base).pathname),
      api1.results.map((x) => new URL(x.url).pathname),
      'the page lists what the API does, in the same order',
    );
    for (const r of p.results) {
      assert.ok(r.meta, `meta of ${r.title}`);
      assert.match(r.meta, /<time\b[^>]*datetime="\d{4}-\d\d-\d\d/, `a <time datetime> in ${r.meta}`);
      assert.ok(r.snippet !== null, `snippet of ${r.title}`);
    }
    const model = p.results.find((r) => new URL(r.href, base).pathname === modelPath);
    assert.ok(model, 'the model article is listed');
    assert.ok(plain(model.meta).includes('Thời sự'), `category in ${model.meta}`);
    assert.match(model.meta, /datetime="2022-12-08/);
  });

  test('nothing found: a helpful paragraph; an empty query: the form and no error', async () => {
    const none = await searchPage(base, { q: 'xyzzyplughqwv' });
    assert.equal(none.status, 200);
    const help = element('p', 'no-results').exec(none.text);
    assert.ok(help, 'a <p class="no-results">');
    assert.ok(plain(help[1]).length > 10, `it says something: ${plain(help[1])}`);
    assert.equal(none.results.length, 0);
    assert.ok(!element('ol', 'results').test(none.text), 'no result list');

    for (const url of [`${base}/tim-kiem`, `${base}/tim-kiem?q=`, `${base}/tim-kiem?q=+++`]) {
      const empty = await getText(url);
      assert.equal(empty.status, 200, url);
      assert.match(empty.text, /<h1[^>]*>Tìm kiếm<\/h1>/);
      assert.match(empty.text, /<form\b[^>]*\brole="search"/);
      assert.ok(!element('ol', 'results').test(empty.text), `${url}: no result list`);
    }
  });

  test('every page has the masthead search box with the suggestions list', async () => {
    const pages = ['/', `/${MODEL.categorySlug}/`, modelPath, '/tim-kiem', `/tim-kiem?q=${enc('nghị quyết')}`, '/khong-co-trang-nay'];
    for (const p of pages) {
      const { text } = await getText(base + p);
      const form = [...text.matchAll(/<form\b([^>]*)>[\s\S]*?<\/form>/g)].find(
        (m) => /\brole="search"/.test(m[1]) && /\baction="\/tim-kiem"/.test(m[1]),
      );
      assert.ok(form, `${p}: <form role="search" action="/tim-kiem">`);
      const input = /<input\b[^>]*\bid="tu-khoa"[^>]*>/.exec(form[0]);
      assert.ok(input, `${p}: input#tu-khoa in the form`);
      assert.match(input[0], /\bname="q"/, `${p}: named q`);
      assert.match(input[0], /\blist="goi-y"/, `${p}: tied to the suggestions list`);
      assert.match(text, /<datalist\b[^>]*\bid="goi-y"/, `${p}: <datalist id="goi-y">`);
      assert.match(text, /<script\b/, `${p}: a script fills the suggestions`);
    }
  });

  // --- Filters, sort, pages --------------------------------------------------------------------

  test('category filter', async () => {
    const all = await search(base, 'nghi quyet', { per_page: 50 });
    const only = await search(base, 'nghi quyet', { per_page: 50, category: MODEL.categorySlug });
    assert.ok(only.results.some((x) => x.id === paper.model.id), 'the model article is in Thời sự');
    assert.ok(only.results.every((x) => x.category.slug === MODEL.categorySlug), 'only Thời sự');
    assert.ok(only.total <= all.total && only.total >= 1);
    const other = await search(base, 'nghi quyet', { per_page: 50, category: 'the-gioi' });
    assert.ok(!other.results.some((x) => x.id === paper.model.id), 'not in Thế giới');
    assert.ok(other.results.every((x) => x.category.slug === 'the-gioi'));
    assert.ok(other.total + only.total <= all.total);

    const p = await searchPage(base, { q: 'nghi quyet', category: MODEL.categorySlug });
    assert.equal(p.status, 200);
    assert.equal(pageCount(p.text), only.total);
    assert.ok(p.results.length >= 1 && p.results.every((r) => plain(r.meta ?? '').includes('Thời sự')));

    const unknown = await api(base, { q: 'nghi quyet', category: 'khong-co-muc-nay' });
    assert.ok([200, 400].includes(unknown.status), `unknown category → ${unknown.status}`);
    if (unknown.status === 200) assert.equal(unknown.body.total, 0);
    const unknownPage = await getText(`${base}/tim-kiem?q=nghi+quyet&category=khong-co-muc-nay`);
    assert.ok([200, 400, 404].includes(unknownPage.status), `unknown category page → ${unknownPage.status}`);
    assert.match(unknownPage.text, /<form\b[^>]*\brole="search"/, 'a page with the search form');
    assert.equal(pageResults(unknownPage.text).length, 0);
  });

  test('date range: inclusive days in Vietnam’s time', async () => {
    const within = (x, from, to) => {
      const day = x.published.slice(0, 10); // the published time is +07:00
      return (!from || day >= from) && (!to || day <= to);
    };
    const cases = [
      [{ from: '2022-12-01', to: '2022-12-31' }, true],
      [{ from: '2022-12-08', to: '2022-12-08' }, true],
      [{ from: '2022-12-09' }, false],
      [{ to: '2022-12-07' }, false],
      [{ from: '2017-01-01' }, true],
    ];
    for (const [range, expected] of cases) {
      const j = await search(base, MODEL_QUERY, { per_page: 50, ...range });
      assert.equal(j.results.some((x) => x.id === paper.model.id), expected, `model article with ${JSON.stringify(range)}`);
      for (const x of j.results) assert.ok(within(x, range.from, range.to), `${x.published} within ${JSON.stringify(range)}`);
    }
    // 05:00 on 16 March in Vietnam (22:00 on the 15th in UTC) belongs to the 16th.
    const dawn = async (range) => (await search(base, 'cho tinh khau vai', range)).results.some((x) => x.id === ids.dawn);
    assert.equal(await dawn({ from: '2021-03-16', to: '2021-03-16' }), true, 'on its Vietnamese day');
    assert.equal(await dawn({ to: '2021-03-15' }), false, 'not on the day before');
    assert.equal(await dawn({ from: '2021-03-17' }), false, 'not on the day after');
    // A range of corpus days: every result inside it.
    const may = await search(base, 'viet nam', { per_page: 50, from: '2017-05-10', to: '2017-05-12' });
    for (const x of may.results) assert.ok(within(x, '2017-05-10', '2017-05-12'), x.published);

    const p = await searchPage(base, { q: MODEL_QUERY, from: '2022-12-09' });
    assert.equal(p.status, 200);
    assert.ok(!p.results.some((r) => new URL(r.href, base).pathname === modelPath), 'the page filters too');
  });

  test('sort=newest orders by date; relevance is the default', async () => {
    const rel = await search(base, 'viet nam', { per_page: 50 });
    const relExplicit = await search(base, 'viet nam', { per_page: 50, sort: 'relevance' });
    const newest = await search(base, 'viet nam', { per_page: 50, sort: 'newest' });
    assert.ok(rel.total > 20, `enough results to order (${rel.total})`);
    assert.deepEqual(relExplicit.results.map((x) => x.id), rel.results.map((x) => x.id), 'relevance is the default');
    assert.equal(newest.total, rel.total, 'the same results');
    const times = newest.results.map((x) => Date.parse(x.published));
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
    assert.notDeepEqual(newest.results.map((x) => x.id), rel.results.map((x) => x.id), 'relevance is not date order');
    const p = await searchPage(base, { q: 'viet nam', sort: 'newest' });
    const pageTimes = [...p.text.matchAll(/<time\b[^>]*datetime="([^"]+)"/g)].map((m) => Date.parse(m[1]));
    const inResults = p.results.map((r) => Date.parse(/datetime="([^"]+)"/.exec(r.meta ?? '')?.[1]));
    assert.ok(pageTimes.length >= 10 && inResults.every((t) => !Number.isNaN(t)), 'dated results');
    assert.deepEqual(inResults, [...inResults].sort((a, b) => b - a), 'the page sorts too');
  });

  test('pagination: page 2 differs, rel=prev/next, past the end 404 on the page and on the API', async () => {
    const q = 'viet nam';
    const one = await search(base, q);
    const two = await search(base, q, { page: 2 });
    assert.ok(one.total > 20, `total ${one.total}`);
    assert.equal(two.page, 2);
    assert.equal(two.total, one.total);
    assert.equal(two.results.length, 10);
    const firstIds = new Set(one.results.map((x) => x.id));
    assert.ok(two.results.every((x) => !firstIds.has(x.id)), 'page 2 holds other articles');
    const big = await search(base, q, { per_page: 20 });
    assert.equal(big.per_page, 20);
    assert.deepEqual(big.results.map((x) => x.id), [...one.results, ...two.results].map((x) => x.id), 'pages tile');

    const last = Math.ceil(one.total / 10);
    const lastPage = await search(base, q, { page: last });
    assert.equal(lastPage.results.length, one.total - (last - 1) * 10);
    const past = await api(base, { q, page: last + 1 });
    assert.equal(past.status, 404, 'the API past the end');
    assert.equal(past.body.error.code, 'not_found');

    const p1 = await searchPage(base, { q });
    assert.equal(relLink(p1.text, 'prev'), null, 'no rel=prev on page 1');
    const next = relLink(p1.text, 'next');
    assert.ok(next, 'rel=next on page 1');
    const nextUrl = new URL(next, `${base}/tim-kiem`);
    assert.equal(nextUrl.pathname, '/tim-kiem');
    assert.equal(nextUrl.searchParams.get('q'), q, 'the next page keeps the query');
    assert.equal(nextUrl.searchParams.get('page'), '2');
    const p2 = await getText(nextUrl.href);
    assert.equal(p2.status, 200);
    const r2 = pageResults(p2.text);
    assert.deepEqual(r2.map((r) => new URL(r.href, base).pathname), two.results.map((x) => new URL(x.url).pathname));
    const prev = relLink(p2.text, 'prev');
    assert.ok(prev, 'rel=prev on page 2');
    const prevUrl = new URL(prev, `${base}/tim-kiem`);
    assert.equal(prevUrl.searchParams.get('q'), q);
    assert.ok([null, '1'].includes(prevUrl.searchParams.get('page')), `prev is page 1: ${prev}`);
    // Filters survive the page links.
    const f1 = await searchPage(base, { q, sort: 'newest', from: '2017-05-01' });
    const fnext = relLink(f1.text, 'next');
    assert.ok(fnext, `a filtered search of ${pageCount(f1.text)} results has a next page`);
    const u = new URL(fnext, `${base}/tim-kiem`);
    assert.equal(u.searchParams.get('sort'), 'newest', 'sort kept');
    assert.equal(u.searchParams.get('from'), '2017-05-01', 'from kept');
    const lastHtml = await searchPage(base, { q, page: last });
    assert.equal(lastHtml.status, 200);
    assert.equal(relLink(lastHtml.text, 'next'), null, 'no rel=next on the last page');
    assert.equal((await searchPage(base, { q, page: last + 1 })).status, 404, 'the page past the end is 404');
    assert.equal((await searchPage(base, { q, page: 1000 })).status, 404);
    // Far beyond: past the end, or a page number out of range; a page either way.
    const far = await searchPage(base, { q, page: 100000 });
    assert.ok([400, 404].includes(far.status), `page=100000 → ${far.status}`);
    assert.match(far.text, /<form\b[^>]*\brole="search"/, 'with the search form');
  });

  test('a query too long to key the page cache on still gets each page its own answer', async () => {
    // Dashes are only separators, but each takes 9 bytes percent-encoded: the query string is
    // far past what the cache keys on, and the pages differ only after it.
    const q = `viet nam ${'—'.repeat(80)}`;
    const one = await search(base, q, { per_page: 3 });
    const two = await search(base, q, { per_page: 3, page: 2 });
    assert.ok(one.total > 6, `total ${one.total}`);
    assert.equal(two.page, 2);
    const firstIds = new Set(one.results.map((x) => x.id));
    assert.ok(two.results.length === 3 && two.results.every((x) => !firstIds.has(x.id)), 'page 2 holds other articles');
    const again = await search(base, q, { per_page: 3, page: 2 });
    assert.deepEqual(again.results.map((x) => x.id), two.results.map((x) => x.id), 'asked again, the same page 2');
  });

  test('the page keeps per_page in its numbering, its page count and its links', async () => {
    const q = 'viet nam';
    const p2 = await searchPage(base, { q, per_page: 5, page: 2 });
    assert.equal(p2.status, 200);
    assert.equal(p2.results.length, 5);
    assert.match(p2.text, /<ol class="results" start="6">/, 'results 6 to 10');
    const next = relLink(p2.text, 'next');
    assert.ok(next, 'rel=next on page 2');
    const u = new URL(next, `${base}/tim-kiem`);
    assert.equal(u.searchParams.get('per_page'), '5', 'the next page keeps 5 per page');
    assert.equal(u.searchParams.get('page'), '3');
    const api5 = await search(base, q, { per_page: 5, page: 3 });
    const p3 = await getText(u.href);
    assert.deepEqual(pageResults(p3.text).map((r) => new URL(r.href, base).pathname),
      api5.results.map((x) => new URL(x.url).pathname), 'page 3 is results 11 to 15');
  });

  test('walking every page shows each match exactly once, whatever the page size', async () => {
    // More matches than the searcher ranks by its full rules (its candidates), so that the
    // pages cross from its ranking into the store's order.
    const bad = [];
    for (const params of [{}, { sort: 'newest' }, { category: 'the-gioi' }]) {
      for (const q of ['viet nam', 'nguoi', 'nam']) {
        const total = (await search(base, q, { ...params, per_page: 1 })).total;
        if (total <= 20) continue;
        for (const per of [10, 50]) {
          const ids = [];
          const sizes = [];
          for (let page = 1; (page - 1) * per < total; page++) {
            const j = await search(base, q, { ...params, page, per_page: per });
            sizes.push(j.results.length);
            ids.push(...j.results.map((x) => x.id));
          }
          const what = `${q} ${JSON.stringify(params)} per_page=${per} (total ${total})`;
          const dups = ids.length - new Set(ids).size;
          if (dups) bad.push(`${what}: ${dups} articles shown twice`);
          if (new Set(ids).size !== total) bad.push(`${what}: ${new Set(ids).size} distinct articles over all pages`);
          const want = sizes.map((_, i) => Math.min(per, total - i * per));
          if (JSON.stringify(sizes) !== JSON.stringify(want)) bad.push(`${what}: page sizes ${sizes}, want ${want}`);
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  // --- Suggestions ------------------------------------------------------------------------------

  test('suggestions: titles by a prefix of the last word, at most 8', async () => {
    for (const q of ['nghi quyet hoi ngh', 'Nghị quyết Hội ngh', 'trien khai thuc hien nghi quy']) {
      const s = await suggest(base, q);
      assert.ok(s.length >= 1 && s.length <= 8, `${q}: ${s.length} suggestions`);
      const model = s.find((x) => x.title === MODEL.title);
      assert.ok(model, `${q}: the model title among ${s.map((x) => x.title).join(' | ')}`);
      assert.equal(new URL(model.url, base).pathname, modelPath);
    }
    const many = await suggest(base, 'v');
    assert.ok(many.length <= 8, `at most 8: ${many.length}`);
    const common = await suggest(base, 'nguo');
    assert.ok(common.length <= 8, `at most 8: ${common.length}`);
    for (const x of common) assert.ok(typeof x.title === 'string' && typeof x.url === 'string');
    assert.deepEqual(await suggest(base, ''), [], 'nothing for nothing');
    assert.deepEqual(await suggest(base, 'xyzzyplughqwv'), []);
    // Titles only: words that are only in the lead suggest nothing.
    const lead = await suggest(base, 'nhung vuon man hau triu qu');
    assert.ok(!lead.some((x) => x.title === OWN.sonLa.title), 'the lead is not searched');
  });

  // --- Hostile input ----------------------------------------------------------------------------

  test('bad input never gives a 500: the page is 200, the API answers JSON', async () => {
    const queries = [
      '', ' ', '"', '""', '"""', '"nghi quyet', 'nghi quyet"', '"nghi" "', '*', 'nghi*', '**', '(', ')', '(nghi', 'nghi)',
      ':', 'title:nghi', 'lead : quyet', '^', '^nghi', 'NEAR', 'NEAR(nghi quyet)', 'NEAR(nghi quyet, 2)', 'nghi NEAR quyet',
      'OR', 'AND', 'NOT', 'nghi OR quyet', 'nghi AND', 'AND OR NOT NEAR', 'nghi NOT quyet', '--', '-nghi', '+nghi',
      "'; DROP TABLE articles; --", "' OR 1=1 --", "' OR ''='", ';', '\\', '\\"', '%', '_', '%_%', '&', '|', '!', '<->',
      'nghi & quyet', 'nghi | !quyet', 'nghi <-> quyet', ':*', 'nghi:*', "nghi:*A", '{title}: nghi', '[', ']', '{', '}',
      '…', '“', '”', '„nghi', '´', '\u0000', 'nghi\u0000quyet', '\u200b', '\u00a0', '\ufeff', '🙂', '𝕟𝕘𝕙𝕚', 'Ελλάδα', '中文',
      'x'.repeat(2000), 'nghị '.repeat(400), '"'.repeat(1000), '"a" '.repeat(300), '('.repeat(1000), 'a OR '.repeat(300),
      'e\u0323\u0302'.repeat(600), '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '&amp;&lt;',
      'SELECT * FROM articles', 'rank', 'bm25(article_search)', 'article_search', '$1', '@@', "E'\\x00'", '$$',
    ];
    const bad = [];
    for (const q of queries) {
      const started = Date.now();
      const page = await getText(`${base}/tim-kiem?q=${enc(q)}`);
      if (page.status !== 200) bad.push(`page q=${JSON.stringify(q.slice(0, 40))} → ${page.status}`);
      if (page.text.includes('<script>alert(1)') || page.text.includes('<img src=x')) bad.push(`page echoes markup for ${q}`);
      const r = await api(base, { q });
      const okStatus = r.status === 200 || (r.status === 400 && q.length > 500);
      if (!okStatus || !r.body) bad.push(`api q=${JSON.stringify(q.slice(0, 40))} → ${r.status} ${r.text.slice(0, 100)}`);
      else if (r.status === 200 && typeof r.body.total !== 'number') bad.push(`api q=${JSON.stringify(q.slice(0, 40))}: no total`);
      const s = await getText(`${base}/api/v1/search/suggest?q=${enc(q)}`);
      if (s.status !== 200 && !(s.status === 400 && q.length > 500)) bad.push(`suggest q=${JSON.stringify(q.slice(0, 40))} → ${s.status}`);
      const ms = Date.now() - started;
      if (ms > 3_000) bad.push(`q=${JSON.stringify(q.slice(0, 40))} took ${ms} ms for three requests`);
    }
    // Raw bytes that are not UTF-8, a lone %, a NUL: a 200 or a clear 400, never a 500.
    for (const raw of ['%FF%FE', '%E1%BB', '%C0%80', '%', '%zz', '%00', 'a%ED%A0%80b']) {
      for (const p of ['/tim-kiem', '/api/v1/search', '/api/v1/search/suggest']) {
        const r = await request(`${base}${p}?q=${raw}`);
        if (![200, 400].includes(r.status)) bad.push(`${p}?q=${raw} → ${r.status}`);
      }
    }
    assert.deepEqual(bad, []);
    // Still serving, and still right.
    assert.equal((await search(base, MODEL_QUERY)).results[0]?.id, paper.model.id);
  });

  test('bad parameters: a 400 JSON error on the API, a page (never a 500) on the site', async () => {
    const cases = [
      { page: '0' }, { page: '-1' }, { page: 'abc' }, { page: '1.5' }, { page: '99999999999999999999999' },
      { per_page: '0' }, { per_page: '-5' }, { per_page: 'many' }, { per_page: '1e3' },
      { sort: 'oldest' }, { sort: "relevance'--" },
      { from: '2021-13-01' }, { from: 'hôm qua' }, { to: '2021-02-30' }, { to: '20210301' }, { from: '2021-03-01T00:00' },
    ];
    const bad = [];
    for (const params of cases) {
      const r = await api(base, { q: 'nghi quyet', ...params });
      if (r.status !== 400) bad.push(`api ${JSON.stringify(params)} → ${r.status}`);
      else if (r.body?.error?.status !== 400 || !(r.body.error.message?.length > 0))
        bad.push(`api ${JSON.stringify(params)}: not a JSON error: ${r.text.slice(0, 120)}`);
      if (!/^application\/json/.test(r.type)) bad.push(`api ${JSON.stringify(params)}: content-type ${r.type}`);
      const p = await getText(`${base}/tim-kiem?${qs({ q: 'nghi quyet', ...params })}`);
      if (![200, 400, 404].includes(p.status)) bad.push(`page ${JSON.stringify(params)} → ${p.status}`);
    }
    // per_page beyond the maximum: refused, or capped.
    const huge = await api(base, { q: 'viet nam', per_page: '100000' });
    if (huge.status === 200) assert.ok(huge.body.per_page <= 100 && huge.body.results.length <= 100, `capped: ${huge.body.per_page}`);
    else if (huge.status !== 400) bad.push(`per_page=100000 → ${huge.status}`);
    assert.deepEqual(bad, []);
  });

  // --- The index follows the articles --------------------------------------------------------

  test('a re-imported title is found by its new words and not its old, within a second, on every node', async () => {
    const oldQ = 'chim canh cut hoang de';
    const newQ = 'lac da mot buou sa mac';
    const has = async (node, q) => (await search(node.url, q)).results.some((x) => x.id === ids.edit);
    const onPage = async (node, q) =>
      (await searchPage(node.url, { q })).results.some((r) => r.title === OWN.edit.title || r.title === 'Lạc đà một bướu giữa sa mạc');
    for (const n of nodes) {
      assert.ok(await has(n, oldQ), 'found by its title before');
      assert.ok(await onPage(n, oldQ), 'on the page before (and now perhaps cached)');
      assert.ok(!(await has(n, newQ)), 'not by words it does not have');
      await suggest(n.url, 'chim canh cut hoang');
    }
    await importOk(paper.db, { input: jsonl({ ...OWN.edit, title: 'Lạc đà một bướu giữa sa mạc' }) });
    const results = await Promise.all(
      nodes.map((n) =>
        eventually(
          async () =>
            (await has(n, newQ)) &&
            !(await has(n, oldQ)) &&
            (await onPage(n, newQ)) &&
            !(await onPage(n, oldQ)) &&
            (await suggest(n.url, 'lac da mot buo')).some((s) => s.title === 'Lạc đà một bướu giữa sa mạc') &&
            !(await suggest(n.url, 'chim canh cut hoang')).some((s) => s.title === OWN.edit.title),
          WITHIN_A_SECOND,
        ),
      ),
    );
    results.forEach((r, i) => assert.ok(!r.timedOut, `node ${i + 1}: the new title is searched within ~1 s (waited ${r.ms} ms)`));
    const j = await search(base, newQ);
    const hit = j.results.find((x) => x.id === ids.edit);
    assert.equal(hit.title, 'Lạc đà một bướu giữa sa mạc');
    assert.match(new URL(hit.url).pathname, /lac-da-mot-buou/, 'and the new address');
  });

  test('an unpublished article leaves search within a second, on every node', async () => {
    const q = 'khinh khi cau trang an';
    const has = async (node) => (await search(node.url, q)).results.some((x) => x.id === ids.hide);
    const onPage = async (node) => (await searchPage(node.url, { q })).results.some((r) => r.title === OWN.hide.title);
    const suggested = async (node) => (await suggest(node.url, 'le hoi khinh khi ca')).some((s) => s.title === OWN.hide.title);
    for (const n of nodes) {
      assert.ok(await has(n), 'found while published');
      assert.ok(await onPage(n), 'on the page while published (and now perhaps cached)');
      assert.ok(await suggested(n), 'suggested while published');
    }
    await importOk(paper.db, { input: jsonl({ ...OWN.hide, status: 'unpublished' }) });
    const results = await Promise.all(
      nodes.map((n) => eventually(async () => !(await has(n)) && !(await onPage(n)) && !(await suggested(n)), WITHIN_A_SECOND)),
    );
    results.forEach((r, i) => assert.ok(!r.timedOut, `node ${i + 1}: gone from search within ~1 s (waited ${r.ms} ms)`));
    // Not by any other word either, nor counted.
    const any = await search(base, 'le hoi khinh khi cau trang an bi hoan ban to chuc thong bao lich moi');
    assert.ok(!any.results.some((x) => x.id === ids.hide));
    // Published again, by a line that says so (one without a status keeps it down): back.
    await importOk(paper.db, { input: jsonl({ ...OWN.hide, status: 'published' }) });
    const back = await eventually(() => has(paper.server), WITHIN_A_SECOND);
    assert.ok(!back.timedOut, `published again, found again within ~1 s (${back.ms} ms)`);
  });

  test('a new article is findable within a second, on every node', async () => {
    const fresh = article('s-fresh', 'Rùa biển quay về đảo Côn Sơn đẻ trứng', { lead: 'Mùa rùa đẻ trứng năm nay đến sớm.' });
    await importOk(paper.db, { input: jsonl(fresh) });
    const results = await Promise.all(
      nodes.map((n) =>
        eventually(async () => (await search(n.url, 'rua bien con son de trung')).results[0]?.title === fresh.title, WITHIN_A_SECOND),
      ),
    );
    results.forEach((r, i) => assert.ok(!r.timedOut, `node ${i + 1}: found within ~1 s (waited ${r.ms} ms)`));
  });

  test('`toasoan reindex` rebuilds the index: exit 0, the same answers after', async () => {
    const probes = [MODEL_QUERY, 'đường Pác Nặm', 'viet nam', '"ngựa vằn"', 'lac da mot buou', 'khinh khi cau trang an'];
    const answers = async () => {
      const out = {};
      for (const q of probes) {
        const j = await search(base, q, { per_page: 20 });
        out[q] = { total: j.total, ids: j.results.map((x) => x.id) };
      }
      return out;
    };
    const before = await answers();
    const r = await runToasoan(['reindex', '--db', paper.db], { timeoutMs: 60_000 });
    assert.equal(r.code, 0, `toasoan reindex exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    const settled = await eventually(async () => JSON.stringify(await answers()) === JSON.stringify(before), { withinMs: 2_000, everyMs: 100 });
    assert.deepEqual(await answers(), before, `the same answers after reindexing (${settled.ms} ms)`);
    assert.equal((await search(base, MODEL_QUERY)).results[0]?.id, paper.model.id);
    // A database it cannot open is refused with an error, not a crash.
    const bad = await runToasoan(['reindex', '--db', 'sqlite:/dev/null/x.db'], { timeoutMs: 30_000 });
    assert.notEqual(bad.code, 0, 'reindex of a database it cannot open fails');
    assert.ok(typeof bad.code === 'number' && bad.code > 0 && bad.code < 128, `an exit status, not a signal: ${bad.code}`);
  });

  test('a freshness setting that is not a number in range stops the server with the reason', async () => {
    for (const [flag, value] of [['--search-freshness', 'nan'], ['--search-freshness', '-1'], ['--search-freshness', '50'],
                                 ['--search-half-life', '0'], ['--search-half-life', 'abc']]) {
      const r = await runToasoan(['serve', '--db', paper.db, '--listen', '127.0.0.1:0', flag, value], { timeoutMs: 10_000 });
      assert.ok(typeof r.code === 'number' && r.code > 0 && r.code < 128, `${flag} ${value}: exit ${r.code}`);
      assert.match(r.stderr, new RegExp(flag), `${flag} ${value}: the message names the flag:\n${r.stderr}`);
    }
  });

  test('SIGTERM drains and the servers exit 0', async () => {
    for (const n of nodes) {
      const r = await n.stop();
      assert.equal(r.signal, null);
      assert.equal(r.code, 0, r.output.slice(-2000));
    }
  });
});
