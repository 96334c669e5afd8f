// Readers' comments end to end on this run's store: the rules at their boundaries, hostile
// input, moderation through the admin API and what readers then see (page, JSON, JSON-LD,
// lists), replies, likes and reports, bans, closed articles, duplicates, disallowed words, the
// plain form without JavaScript, the live stream and its resumption, a reader's data, and a
// comment that changes only the pages that show it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { NEEDS_ENGINE, NEEDS_SHARED, eventually, getText, skipIf, startNewspaper } from './helpers.mjs';
import { addStaff, signIn, STAFF } from './newsroom_client.mjs';
import { openEvents, postComment, queued } from './comments_client.mjs';

const TOO_SHORT = 'Bạn vui lòng nhập từ 5 ký tự trở lên !!!';

describe('readers’ comments', { skip: skipIf(NEEDS_ENGINE, NEEDS_SHARED) }, () => {
  let paper, base, id, other, down, mod, admin, chief;

  before(async () => {
    paper = await startNewspaper({ corpusLines: 30, args: ['--password-cost', 'min', '--comment-rate-limit', '0'] });
    base = paper.server.url;
    id = paper.model.id;
    await addStaff(paper.db);
    mod = await signIn(base, STAFF.moderator);
    admin = await signIn(base, STAFF.admin);
    chief = await signIn(base, STAFF.chief);
    const list = await (await fetch(`${base}/api/v1/articles?per_page=5`)).json();
    [other, down] = list.articles.filter((a) => a.id !== id);
  });
  after(async () => {
    await paper?.close();
  });

  async function approve(content) {
    const c = await queued(mod, content);
    assert.ok(c, `"${content}" reached the queue`);
    const r = await mod.api('POST', `/api/v1/admin/comments/${c.id}/actions`, { action: 'approve' });
    assert.equal(r.status, 200, r.text);
    return c;
  }

  test('4 characters are refused with the model page’s message; 5 and 500 are received; 501 is not', async () => {
    const four = await postComment(base, id, { content: 'abcd' });
    assert.equal(four.status, 422);
    assert.equal(four.json.field, 'content');
    assert.equal(four.json.reason, TOO_SHORT);
    const five = await postComment(base, id, { content: 'Hay lắm' });
    assert.equal(five.status, 202, five.text);
    assert.equal(five.json.status, 'pending');
    assert.equal(five.json.message, 'Cảm ơn bạn! Bình luận đang chờ duyệt.');
    assert.equal((await postComment(base, id, { content: 'ă'.repeat(500) })).status, 202);
    assert.equal((await postComment(base, id, { content: 'â'.repeat(501) })).status, 422);
  });

  test('decomposed letters count as readers see them, and are stored composed', async () => {
    const decomposed = 'Vie\u0323\u0302t Nam ơi'.normalize('NFD');
    const r = await postComment(base, id, { content: decomposed });
    assert.equal(r.status, 202, r.text);
    assert.ok(await queued(mod, decomposed.normalize('NFC')), 'stored in NFC');
    assert.equal((await postComment(base, id, { content: 'e\u0323\u0302'.repeat(5) })).status, 202, 'five ệ, decomposed');
  });

  test('only spaces are too short; only emoji are a comment', async () => {
    const spaces = await postComment(base, id, { content: ' \u00a0\u3000\n\t      ' });
    assert.equal(spaces.status, 422);
    assert.equal(spaces.json.reason, TOO_SHORT);
    assert.equal((await postComment(base, id, { content: '😀🎉👍🇻🇳🙂' })).status, 202);
  });

  test('bad names, broken JSON, a wrong content type and a 10 MB body get clear refusals', async () => {
    const long = await postComment(base, id, { name: 'x'.repeat(10000), content: 'Một bình luận' });
    assert.equal(long.status, 422);
    assert.equal(long.json.field, 'name');
    assert.equal((await postComment(base, id, { name: 'A', content: 'Một bình luận' })).json.field, 'name');
    const broken = await fetch(`${base}/api/v1/articles/${id}/comments`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name": "Minh", "content": ',
    });
    assert.equal(broken.status, 400);
    assert.equal((await broken.json()).error, 'invalid_json');
    const nested = await fetch(`${base}/api/v1/articles/${id}/comments`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '['.repeat(5000) + ']'.repeat(5000),
    });
    assert.equal(nested.status, 400);
    const wrongType = await fetch(`${base}/api/v1/articles/${id}/comments`, {
      method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'Một bình luận',
    });
    assert.equal(wrongType.status, 415);
    const huge = await fetch(`${base}/api/v1/articles/${id}/comments`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Minh', content: 'x'.repeat(10 << 20) }),
    }).catch((e) => ({ status: 'closed', e }));
    assert.ok(huge.status === 413 || huge.status === 'closed', `10 MB: ${huge.status}`);
    const wrongField = await postComment(base, id, { content: 42 });
    assert.equal(wrongField.status, 422);
    assert.equal(wrongField.json.field, 'content');
  });

  test('a missing article, a taken-down one and a bad parent are refused', async () => {
    assert.equal((await postComment(base, 99999999, { content: 'Một bình luận' })).status, 404);
    assert.equal((await postComment(base, 'abc', { content: 'Một bình luận' })).status, 404);
    const takenDown = await chief.api('POST', `/api/v1/admin/articles/${down.id}/actions`, { action: 'take_down', note: 'Gỡ để kiểm tra' });
    assert.equal(takenDown.status, 200, takenDown.text);
    const r = await postComment(base, down.id, { content: 'Bình luận bài đã gỡ' });
    assert.equal(r.status, 404);
    const orphan = await postComment(base, id, { content: 'Trả lời không có gốc', parent_id: 987654 });
    assert.equal(orphan.status, 422);
    assert.equal(orphan.json.field, 'parent_id');
  });

  test('the honeypot, a duplicate and a closed article are refused; a disallowed word is flagged, not dropped', async () => {
    const trap = await postComment(base, id, { content: 'Mua hàng giá rẻ', website: 'http://spam.example' });
    assert.equal(trap.status, 422);
    assert.equal(trap.json.field, 'website');

    assert.equal((await postComment(base, id, { content: 'Bình luận chỉ một lần' })).status, 202);
    const again = await postComment(base, id, { content: 'Bình luận chỉ một lần' });
    assert.equal(again.status, 409);
    assert.equal(again.json.error, 'duplicate');

    const words = await admin.api('PUT', '/api/v1/admin/settings', { comment_words: ['đồ ngốc'] });
    assert.equal(words.status, 200, words.text);
    assert.deepEqual(words.json.comment_words, ['đồ ngốc']);
    await eventually(async () => {
      const r = await postComment(base, id, { content: `anh la do ngoc ${Date.now()}` });
      assert.equal(r.status, 202);
      const c = (await mod.api('GET', '/api/v1/admin/comments?status=flagged&flag=words')).json.comments[0];
      return c && c.content.startsWith('anh la do ngoc');
    }, { withinMs: 3000 });
    const flagged = (await mod.api('GET', '/api/v1/admin/comments?status=flagged&flag=words')).json.comments;
    assert.ok(flagged.length >= 1 && flagged[0].flags.includes('words'), 'folded word flagged');
    const links = await postComment(base, id, { content: 'xem http://a.vn https://b.vn www.c.vn nhé' });
    assert.equal(links.status, 202);
    assert.ok((await queued(mod, 'xem http://a.vn https://b.vn www.c.vn nhé')).flags.includes('links'));

    const closed = await mod.api('PUT', `/api/v1/admin/articles/${other.id}/comments`, { closed: true });
    assert.equal(closed.status, 200, closed.text);
    const refused = await postComment(base, other.id, { content: 'Bài đã đóng bình luận' });
    assert.equal(refused.status, 409);
    assert.equal(refused.json.error, 'closed');
    assert.equal((await mod.api('PUT', `/api/v1/admin/articles/${other.id}/comments`, { closed: false })).status, 200);
    assert.equal((await postComment(base, other.id, { content: 'Bài đã mở lại bình luận' })).status, 202);
  });

  test('a pending comment is nowhere; approved, it shows escaped on the page, in the JSON and its count', async () => {
    const evil = `<script>alert(1)</script><b>đậm</b> http://x.vn ${Date.now()}`;
    const posted = await postComment(base, id, { name: '<img src=x onerror=alert(1)>', content: evil });
    assert.equal(posted.status, 202);
    let page = await getText(`${base}${paper.modelPath}`);
    assert.ok(!page.body.includes('alert(1)</script><b>'), 'pending: not on the page');
    const before = await (await fetch(`${base}/api/v1/articles/${id}/comments`)).json();
    assert.ok(!before.comments.some((c) => c.content === evil));

    await approve(evil);
    const list = await eventually(async () => {
      const j = await (await fetch(`${base}/api/v1/articles/${id}/comments`)).json();
      return j.comments.some((c) => c.content === evil) && j;
    }, { withinMs: 2000 });
    assert.ok(list.value, 'approved: in the JSON within 2 s');
    const c = list.value.comments.find((x) => x.content === evil);
    assert.equal(c.name, '<img src=x onerror=alert(1)>');
    assert.equal(c.email, undefined, 'no email to readers');
    assert.equal(c.address, undefined, 'no address to readers');

    page = await getText(`${base}${paper.modelPath}`);
    assert.ok(!page.body.includes('<script>alert(1)'), 'the script is text');
    assert.ok(!page.body.includes('<img src=x'), 'the name is text');
    assert.ok(page.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'shown escaped');
    assert.ok(!/<a [^>]*href="http:\/\/x\.vn/.test(page.body), 'links in comments are plain text');
    const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.body);
    assert.ok(ld && /"commentCount":\s*[1-9]/.test(ld[1]), 'commentCount in JSON-LD');
    const api = await (await fetch(`${base}/api/v1/articles/${id}`)).json();
    assert.ok(api.comment_count >= 1, 'comment_count in the article JSON');
  });

  test('the newspaper’s reply, a pin, an edit and a rejection are what readers see, and each is audited', async () => {
    const text = `Câu hỏi của bạn đọc ${Date.now()}`;
    await postComment(base, id, { content: text });
    const c = await approve(text);
    const reply = await mod.api('POST', `/api/v1/admin/comments/${c.id}/actions`, { action: 'reply', content: 'Tòa soạn xin cảm ơn bạn' });
    assert.equal(reply.status, 201, reply.text);
    assert.equal(reply.json.newsroom, true);
    assert.equal(reply.json.status, 'approved');
    const pin = await mod.api('POST', `/api/v1/admin/comments/${c.id}/actions`, { action: 'pin' });
    assert.equal(pin.json.pinned, true);
    const edit = await mod.api('POST', `/api/v1/admin/comments/${c.id}/actions`, { action: 'edit', content: `${text} (đã sửa)` });
    assert.equal(edit.status, 200, edit.text);
    assert.equal(edit.json.edited, true);
    const shortEdit = await mod.api('POST', `/api/v1/admin/comments/${c.id}/actions`, { action: 'edit', content: 'abc' });
    assert.equal(shortEdit.status, 422);

    const list = (await eventually(async () => {
      const j = await (await fetch(`${base}/api/v1/articles/${id}/comments`)).json();
      return j.comments[0]?.content === `${text} (đã sửa)` && j;
    }, { withinMs: 2000 })).value;
    assert.ok(list, 'the pinned, edited comment comes first');
    assert.equal(list.comments[0].pinned, true);
    assert.equal(list.comments[0].replies[0].content, 'Tòa soạn xin cảm ơn bạn');
    assert.equal(list.comments[0].replies[0].newsroom, true);

    const readerReply = await postComment(base, id, { content: 'Bạn đọc trả lời thêm', parent_id: c.id });
    assert.equal(readerReply.status, 202);
    const toReply = await postComment(base, id, { content: 'Trả lời của trả lời', parent_id: reply.json.id });
    assert.equal(toReply.status, 422, 'one level of replies');

    const audit = await chief.api('GET', '/api/v1/admin/audit?action=comment.&per_page=200');
    const actions = audit.json.entries.map((e) => e.action);
    for (const a of ['comment.approve', 'comment.reply', 'comment.pin', 'comment.edit', 'comment.close', 'comment.open'])
      assert.ok(actions.includes(a), `${a} in the audit log`);
    const editLine = audit.json.entries.find((e) => e.action === 'comment.edit');
    assert.equal(editLine.detail.before, text);

    const rej = await mod.api('POST', `/api/v1/admin/comments/${c.id}/actions`, { action: 'reject' });
    assert.equal(rej.status, 200);
    const gone = await eventually(async () => {
      const j = await (await fetch(`${base}/api/v1/articles/${id}/comments`)).json();
      return !j.comments.some((x) => x.id === c.id);
    }, { withinMs: 2000 });
    assert.ok(gone.value, 'a rejected comment leaves the page');
  });

  test('bulk approval, and the queue’s filters', async () => {
    const texts = [1, 2, 3].map((i) => `Bình luận hàng loạt số ${i} ${Date.now()}`);
    for (const t of texts) assert.equal((await postComment(base, other.id, { content: t })).status, 202);
    const pending = (await mod.api('GET', `/api/v1/admin/comments?status=pending&article=${other.id}&per_page=200`)).json;
    const ids = pending.comments.filter((c) => texts.includes(c.content)).map((c) => c.id);
    assert.equal(ids.length, 3);
    assert.ok(pending.comments.every((c) => c.article.id === other.id && c.status === 'pending'));
    const bulk = await mod.api('POST', '/api/v1/admin/comments/actions', { ids, action: 'approve' });
    assert.equal(bulk.status, 200, bulk.text);
    assert.equal(bulk.json.done, 3);
    const approved = (await mod.api('GET', `/api/v1/admin/comments?status=approved&article=${other.id}`)).json.comments;
    assert.ok(ids.every((i) => approved.some((c) => c.id === i)));
    assert.equal((await mod.api('GET', '/api/v1/admin/comments?status=nonsense')).status, 422);
    const reporter = await signIn(base, STAFF.reporter);
    assert.equal((await reporter.api('GET', '/api/v1/admin/comments')).status, 403, 'a reporter does not moderate');
  });

  test('a like counts once per browser; reports send a comment back to moderation', async () => {
    const text = `Bình luận được thích ${Date.now()}`;
    await postComment(base, id, { content: text });
    const c = await approve(text);
    const first = await fetch(`${base}/api/v1/comments/${c.id}/like`, { method: 'POST', headers: { Origin: base } });
    assert.equal(first.status, 200);
    const cookie = first.headers.get('set-cookie').split(';')[0];
    assert.match(cookie, /^toasoan_reader=[0-9a-f]{64}$/);
    assert.deepEqual(await first.json(), { counted: true, likes: 1 });
    const second = await fetch(`${base}/api/v1/comments/${c.id}/like`, { method: 'POST', headers: { Origin: base, Cookie: cookie } });
    assert.equal((await second.json()).counted, false, 'the same browser again');
    const foreign = await fetch(`${base}/api/v1/comments/${c.id}/like`, { method: 'POST', headers: { Origin: 'https://evil.example' } });
    assert.equal(foreign.status, 403);

    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${base}/api/v1/comments/${c.id}/report`, { method: 'POST', headers: { Origin: base } });
      assert.equal(r.status, 200);
    }
    const back = (await mod.api('GET', '/api/v1/admin/comments?status=flagged&flag=reports')).json.comments;
    assert.ok(back.some((x) => x.id === c.id), 'three reports: back in the queue, flagged');
  });

  test('a like redraws its article’s page and leaves the home page, which prints only counts, cached', async () => {
    const metric = async (name) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec((await getText(`${base}/metrics`)).body)[1]);
    // Each node purges its cache before it feeds its streams, so an event on the stream means
    // the cache has taken in that change and every one before it.
    const stream = openEvents(base, `/api/v1/articles/${id}/comments/stream`);
    await stream.opened;
    try {
      const text = `Bình luận để thích ${Date.now()}`;
      await postComment(base, id, { content: text });
      const c = await approve(text);
      assert.ok(await stream.next((x) => x.event === 'comment' && JSON.parse(x.data).id === c.id), 'the approval is live');
      const home = await getText(`${base}/`);
      assert.ok(home.body.includes(paper.modelPath), 'the home page lists the article, with its count');
      await getText(`${base}${paper.modelPath}`);
      const like = await fetch(`${base}/api/v1/comments/${c.id}/like`, { method: 'POST', headers: { Origin: base } });
      assert.equal(like.status, 200);
      const liked = (x) => x.event === 'comment' && JSON.parse(x.data).id === c.id && JSON.parse(x.data).likes === 1;
      assert.ok(await stream.next(liked), 'the like is live');
      const misses = await metric('toasoan_page_cache_misses_total');
      await getText(`${base}/`);
      assert.equal(await metric('toasoan_page_cache_misses_total'), misses, 'the home page was not purged by a like');
      const page = await getText(`${base}${paper.modelPath}`);
      assert.equal(await metric('toasoan_page_cache_misses_total'), misses + 1, 'the article page was');
      assert.match(String(page.body), new RegExp(`id="bl-${c.id}"[\\s\\S]*?<span class="likes">1</span>`), 'and shows the like');
    } finally {
      stream.close();
    }
  });

  test('a banned address is refused with the reason until the ban is lifted', async () => {
    const ban = await mod.api('POST', '/api/v1/admin/comment-bans', { kind: 'address', value: '127.0.0.1', days: 1, reason: 'Quảng cáo' });
    assert.equal(ban.status, 201, ban.text);
    const r = await postComment(base, id, { content: 'Bình luận bị chặn' });
    assert.equal(r.status, 403);
    assert.equal(r.json.error, 'banned');
    assert.match(r.json.reason, /Quảng cáo/);
    assert.equal((await mod.api('POST', '/api/v1/admin/comment-bans', { kind: 'address', value: '127.0.0.1', days: 1 })).status, 422, 'a reason is needed');
    assert.equal((await mod.api('DELETE', `/api/v1/admin/comment-bans/${ban.json.id}`)).status, 204);
    assert.equal((await postComment(base, id, { content: 'Bình luận sau khi bỏ chặn' })).status, 202);
  });

  test('without JavaScript the form posts and comes back to the article with the message', async () => {
    const form = (fields) => fetch(`${base}/api/v1/articles/${id}/comments`, {
      method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name: 'Bạn Đọc', email: '', content: '', website: '', back: paper.modelPath, ...fields }).toString(),
    });
    const ok = await form({ content: 'Gửi không cần JavaScript' });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), `${paper.modelPath}?binh-luan=da-gui#binh-luan`);
    const short = await form({ content: 'abc' });
    assert.equal(short.headers.get('location'), `${paper.modelPath}?binh-luan=loi-invalid-content#binh-luan`);
    const page = await getText(`${base}${paper.modelPath}?binh-luan=da-gui`);
    assert.ok(page.body.includes('Cảm ơn bạn! Bình luận đang chờ duyệt.'), 'the page says it was received');
    const elsewhere = await form({ content: 'Gửi từ trang khác', back: '/khac/khac-987654.html' });
    assert.equal(elsewhere.status, 400, 'back must name this article');
  });

  test('an open page’s stream gets an approval, and a dropped one resumes without missing any', async () => {
    const stream = openEvents(base, `/api/v1/articles/${id}/comments/stream`);
    const res = await stream.opened;
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'], /^text\/event-stream/);
    const text = `Bình luận trực tiếp ${Date.now()}`;
    await postComment(base, id, { content: text });
    const t0 = Date.now();
    await approve(text);
    const e = await stream.next((x) => x.event === 'comment' && JSON.parse(x.data).content === text, 2000);
    assert.ok(e, 'the approval arrives on the open stream');
    assert.ok(Date.now() - t0 < 1500, `within a second or so (${Date.now() - t0} ms)`);
    stream.close();

    const missed = [`Lỡ mất một ${Date.now()}`, `Lỡ mất hai ${Date.now()}`];
    for (const m of missed) {
      await postComment(base, id, { content: m });
      await approve(m);
    }
    const resumed = openEvents(base, `/api/v1/articles/${id}/comments/stream`, { lastEventId: e.id });
    for (const m of missed)
      assert.ok(await resumed.next((x) => x.event === 'comment' && JSON.parse(x.data).content === m, 3000), `resumed with "${m}"`);
    const seen = resumed.events.filter((x) => x.event === 'comment').map((x) => JSON.parse(x.data).content);
    assert.ok(!seen.includes(text), 'nothing before Last-Event-ID again');
    resumed.close();
  });

  test('approving a comment purges its article’s page and keeps another article’s cached', async () => {
    const metric = async (name) => {
      const m = await getText(`${base}/metrics`);
      return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(m.body)[1]);
    };
    // The oldest article, which the model article's page names nowhere (its latest and related
    // lists show comment counts, and would rightly be purged).
    const list = await (await fetch(`${base}/api/v1/articles?per_page=100`)).json();
    const old = list.articles[list.articles.length - 1];
    const oldPath = new URL(old.url).pathname;
    await getText(`${base}${paper.modelPath}`);
    assert.ok(!(await getText(`${base}${paper.modelPath}`)).body.includes(oldPath), 'the model page does not show the old article');
    // Approve one there and wait for it, so that every earlier change (other tests' approvals on
    // the model article) has reached the cache before the model page is cached and counted.
    const approveOnOld = async (text) => {
      assert.equal((await postComment(base, old.id, { content: text })).status, 202);
      await approve(text);
      const shown = await eventually(async () => (await getText(`${base}${oldPath}`)).body.includes(text), { withinMs: 2000 });
      assert.ok(shown.value, 'the commented article’s page shows the comment: it was purged');
    };
    await approveOnOld(`Bình luận thứ nhất ${Date.now()}`);
    // The model page cached and staying so before the approval measured: the assertion is about
    // that approval, not about anything earlier tests left in flight (once in about seven runs
    // the page was rendered again after the barrier above, cause not found).
    const settled = await eventually(async () => {
      await getText(`${base}${paper.modelPath}`);
      const before = await metric('toasoan_page_cache_misses_total');
      await new Promise((r) => setTimeout(r, 100));
      await getText(`${base}${paper.modelPath}`);
      return (await metric('toasoan_page_cache_misses_total')) === before;
    }, { withinMs: 3000 });
    assert.ok(settled.value, 'the model page stays cached while nothing changes');
    await approveOnOld(`Bình luận không làm trống bộ đệm ${Date.now()}`);
    const misses = await metric('toasoan_page_cache_misses_total');
    await getText(`${base}${paper.modelPath}`);
    assert.equal(await metric('toasoan_page_cache_misses_total'), misses, 'the other article is still cached');
  });

  test('a reader’s data is exported and erased on request, by an admin', async () => {
    const email = `ban.doc.${Date.now()}@example.vn`;
    await postComment(base, id, { content: 'Bình luận có email', email: email.toUpperCase() });
    assert.equal((await mod.api('GET', `/api/v1/admin/readers?email=${encodeURIComponent(email)}`)).status, 403, 'not a moderator’s');
    const exported = await admin.api('GET', `/api/v1/admin/readers?email=${encodeURIComponent(email)}`);
    assert.equal(exported.status, 200, exported.text);
    assert.equal(exported.json.comments.length, 1);
    assert.equal(exported.json.comments[0].email, email);
    const erased = await admin.api('DELETE', `/api/v1/admin/readers?email=${encodeURIComponent(email)}`);
    assert.equal(erased.json.erased, 1);
    assert.equal((await admin.api('GET', `/api/v1/admin/readers?email=${encodeURIComponent(email)}`)).json.comments.length, 0);
  });
});

describe('comment rate limits', { skip: skipIf(NEEDS_ENGINE, NEEDS_SHARED) }, () => {
  let paper;
  before(async () => {
    paper = await startNewspaper({ corpusLines: 5, args: ['--comment-rate-limit', '5'] });
  });
  after(async () => {
    await paper?.close();
  });

  test('the sixth comment in a minute from one address waits, with Retry-After', async () => {
    for (let i = 0; i < 5; i++)
      assert.equal((await postComment(paper.server.url, paper.model.id, { content: `Bình luận thứ ${i + 1}` })).status, 202);
    const sixth = await postComment(paper.server.url, paper.model.id, { content: 'Bình luận thứ sáu' });
    assert.equal(sixth.status, 429);
    assert.equal(sixth.json.error, 'rate_limited');
    const wait = Number(sixth.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
  });
});
