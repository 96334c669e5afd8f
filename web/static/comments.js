// The readers' comment section on top of the server's markup (site/comments_view.cpp), which
// works alone without script: the form posts to the API's address with `back` and the first threads are there.
// This adds, with no framework and never innerHTML for readers' text:
// - the live counter and the checks of the model page: "Bạn còn N/500 ký tự" after every
//   keystroke or paste, never more than 500 characters, "Bạn vui lòng nhập từ 5 ký tự trở lên
//   !!!" instead of sending fewer than 5; a character is a code point after NFC, as the server
//   counts it (src/text/count.hpp), so "ệ" typed as e + two combining marks counts once;
// - sending as JSON (docs/api.md, "Reader comments"), the server's message or reason shown;
// - "Trả lời" (the form moves under the comment; one level of replies), "Thích" and "Báo vi
//   phạm" once per browser, the sort, "Xem thêm bình luận", times as "5 phút trước";
// - live comments from the article's event stream, announced politely.
(function () {
  var MAX = 500, MIN = 5, PER_PAGE = 20;
  var TOO_SHORT = 'Bạn vui lòng nhập từ 5 ký tự trở lên !!!';
  var BAD_NAME = 'Bạn vui lòng nhập họ tên (2–50 ký tự)';
  var FAILED = 'Chưa gửi được bình luận. Bạn vui lòng thử lại.';
  var section = document.querySelector('section.comments');
  if (!section) return;
  var id = section.getAttribute('data-article');
  var api = '/api/v1/articles/' + id + '/comments';
  var list = section.querySelector('.comment-list');
  var heading = section.querySelector('h2');
  var live = document.getElementById('comment-live');
  var sortBox = section.querySelector('.comment-sort');
  var more = section.querySelector('.comment-more');
  var form = section.querySelector('form.comment-form');
  var total = +section.getAttribute('data-total') || 0;
  var threads = +section.getAttribute('data-threads') || 0;
  var sort = 'newest', page = 1;

  function chars(s) { return Array.from(s.normalize('NFC')); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function button(cls, text) { var b = el('button', cls, text); b.type = 'button'; return b; }
  function own(li, selector) { return li.querySelector(':scope > ' + selector); }

  // "2023-11-15T05:13:00+07:00" (the server writes Vietnam time) as "15/11/2023 05:13".
  function absolute(iso) { return iso.slice(8, 10) + '/' + iso.slice(5, 7) + '/' + iso.slice(0, 4) + ' ' + iso.slice(11, 16); }
  function ago(iso) {
    var s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
    if (!(s >= 0)) return absolute(iso);
    if (s < 60) return 'vừa xong';
    if (s < 3600) return Math.floor(s / 60) + ' phút trước';
    if (s < 86400) return Math.floor(s / 3600) + ' giờ trước';
    if (s < 30 * 86400) return Math.floor(s / 86400) + ' ngày trước';
    return absolute(iso);
  }
  function times() {
    section.querySelectorAll('.comment time').forEach(function (t) {
      t.title = absolute(t.dateTime);
      t.textContent = ago(t.dateTime);
    });
  }
  function showCount() {
    heading.textContent = total > 0 ? 'BÌNH LUẬN (' + total + ')' : 'BÌNH LUẬN';
    if (sortBox) sortBox.hidden = threads === 0;
  }

  // Likes and reports count once per browser: the server knows it by its cookie, the page by
  // what it remembers here.
  function done(kind, cid) { try { return localStorage.getItem('binh-luan-' + kind + '-' + cid) === '1'; } catch (e) { return false; } }
  function remember(kind, cid) { try { localStorage.setItem('binh-luan-' + kind + '-' + cid, '1'); } catch (e) { /* private mode */ } }
  function forget(kind, cid) { try { localStorage.removeItem('binh-luan-' + kind + '-' + cid); } catch (e) { /* private mode */ } }
  function decorate(li) {
    var actions = own(li, '.comment-actions');
    if (!actions) return;
    actions.hidden = false;
    own(actions, '.reply').hidden = !form;  // closed: no form to reply with
    var cid = li.getAttribute('data-id');
    if (done('like', cid)) own(actions, '.like').disabled = true;
    if (done('report', cid)) own(actions, '.report').disabled = true;
  }

  function item(c) {
    var li = el('li', 'comment' + (c.pinned ? ' pinned' : '') + (c.newsroom ? ' newsroom' : ''));
    li.id = 'bl-' + c.id;
    li.setAttribute('data-id', c.id);
    if (c.parent_id) li.setAttribute('data-parent', c.parent_id);
    var head = el('p', 'comment-head');
    head.appendChild(el('b', 'comment-name', c.name));
    if (c.newsroom) head.append(' ', el('span', 'mark', 'Tòa soạn'));
    if (c.pinned) head.append(' ', el('span', 'mark pin', 'Đã ghim'));
    var t = el('time');
    t.dateTime = c.created;
    t.title = absolute(c.created);
    t.textContent = ago(c.created);
    head.append(' ', t);
    if (c.edited) head.append(' ', el('span', 'edited', '(đã sửa)'));
    li.appendChild(head);
    li.appendChild(el('p', 'comment-text', c.content));
    var actions = el('p', 'comment-actions');
    var like = button('like', 'Thích ');
    like.appendChild(el('span', 'likes', String(c.likes || 0)));
    actions.append(button('reply', 'Trả lời'), like, button('report', 'Báo vi phạm'));
    li.appendChild(actions);
    if (c.replies && c.replies.length) {
      var ol = el('ol', 'replies');
      c.replies.forEach(function (r) { ol.appendChild(item(r)); });
      li.appendChild(ol);
    }
    decorate(li);
    return li;
  }

  // A comment from the stream: in place when it is on the page (likes, an edit), else at the
  // top of the list (after the pinned ones), or a reply at the end of its thread.
  function upsert(c) {
    var old = document.getElementById('bl-' + c.id);
    var fresh = item(c);
    if (old) {
      var replies = own(old, '.replies');
      if (replies) fresh.appendChild(replies);
      if (form && form.parentNode === old) fresh.insertBefore(form, replies || null);
      old.replaceWith(fresh);
      return;
    }
    if (c.parent_id) {
      var parent = document.getElementById('bl-' + c.parent_id);
      if (!parent) return;  // its thread is not on this page
      (own(parent, '.replies') || parent.appendChild(el('ol', 'replies'))).appendChild(fresh);
    } else {
      var first = list.firstElementChild;
      while (first && first.classList.contains('pinned')) first = first.nextElementSibling;
      list.insertBefore(fresh, first);
      threads++;
    }
    total++;
    showCount();
    live.textContent = 'Bình luận mới của ' + c.name + ': ' + c.content.slice(0, 100);
  }
  function remove(cid) {
    var li = document.getElementById('bl-' + cid);
    if (!li) return;
    if (form && li.contains(form)) cancelReply();
    total -= 1 + li.querySelectorAll('.comment').length;
    if (!li.getAttribute('data-parent')) threads--;
    li.remove();
    showCount();
  }

  function load(p, replace) {
    fetch(api + '?sort=' + sort + '&page=' + p)
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (j) {
        if (replace) {
          if (form && list.contains(form)) cancelReply();
          list.textContent = '';
        }
        j.comments.forEach(function (c) { if (!document.getElementById('bl-' + c.id)) list.appendChild(item(c)); });
        page = p;
        total = j.total;
        threads = j.total_threads;
        showCount();
        showMore();
      })
      .catch(function () {});
  }
  function showMore() {
    if (!more && page * PER_PAGE < threads) {
      more = button('comment-more', 'Xem thêm bình luận');
      list.after(more);
    }
    if (more) more.hidden = page * PER_PAGE >= threads;
  }

  function shownButton(cid, kind) {
    var li = document.getElementById('bl-' + cid);
    var actions = li && own(li, '.comment-actions');
    return actions && own(actions, '.' + kind);
  }
  function vote(li, kind, b) {
    var cid = li.getAttribute('data-id');
    if (done(kind, cid)) return;
    b.disabled = true;
    // Remembered before the answer: the stream may redraw this comment (its new like count)
    // before the answer arrives, and the redrawn button must stay disabled.
    remember(kind, cid);
    fetch('/api/v1/comments/' + cid + '/' + kind, { method: 'POST' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (j) {
        // The button now on the page: the stream may have redrawn the comment meanwhile.
        var now = shownButton(cid, kind) || b;
        if (kind === 'like' && j.likes != null) {
          var likes = own(now, '.likes');
          if (Number(likes.textContent) < j.likes) likes.textContent = j.likes;
        }
        if (kind === 'report') now.textContent = 'Đã báo vi phạm';
      })
      .catch(function () {
        forget(kind, cid);
        (shownButton(cid, kind) || b).disabled = false;
      });
  }

  // The form: counter, checks, sending, replies.
  var box, counter, notice, nameBox, replying, parentField, home, homeNext;
  function say(text, ok) {
    notice.className = ok ? 'notice ok' : 'notice';
    notice.textContent = text;
  }
  function update() {
    var c = chars(box.value);
    if (c.length > MAX) {
      var end = box.selectionEnd;
      box.value = c.slice(0, MAX).join('');
      box.setSelectionRange(Math.min(end, box.value.length), Math.min(end, box.value.length));
      c = c.slice(0, MAX);
    } else if (box.value !== box.value.normalize('NFC')) {
      box.value = c.join('');
    }
    counter.textContent = 'Bạn còn ' + (MAX - c.length) + '/' + MAX + ' ký tự';
  }
  function reply(li) {
    // One level: answering a reply answers its thread.
    var top = li.getAttribute('data-parent') ? document.getElementById('bl-' + li.getAttribute('data-parent')) : li;
    if (!top) return;
    parentField.value = top.getAttribute('data-id');
    replying.textContent = 'Đang trả lời ' + own(li, '.comment-head .comment-name').textContent + ' · ';
    var cancel = button('cancel', 'Hủy');
    cancel.addEventListener('click', function () { cancelReply(); box.focus(); });
    replying.appendChild(cancel);
    replying.hidden = false;
    li.insertBefore(form, own(li, '.replies'));
    box.focus();
  }
  function cancelReply() {
    parentField.value = '';
    replying.hidden = true;
    replying.textContent = '';
    home.insertBefore(form, homeNext);
  }
  if (form) {
    box = form.querySelector('textarea');
    counter = form.querySelector('.counter');
    notice = form.querySelector('.notice');
    nameBox = document.getElementById('comment-name');
    replying = form.querySelector('.replying');
    parentField = form.querySelector('input[name="parent_id"]');
    home = form.parentNode;
    homeNext = form.nextSibling;
    // maxlength counts UTF-16 units, not letters; the script counts instead.
    box.removeAttribute('maxlength');
    form.noValidate = true;
    box.addEventListener('input', function () { update(); if (chars(box.value).length >= MIN) notice.textContent = ''; });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      update();
      var content = box.value.trim();
      if (chars(content).length < MIN) { say(TOO_SHORT); box.focus(); return; }
      var name = nameBox.value.normalize('NFC').trim();
      var n = chars(name).length;
      if (n < 2 || n > 50) { say(BAD_NAME); nameBox.focus(); return; }
      var send = form.querySelector('button[type="submit"]');
      send.disabled = true;
      fetch(api, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          name: name,
          email: document.getElementById('comment-email').value.trim(),
          content: content,
          parent_id: parentField.value ? +parentField.value : null,
          website: document.getElementById('comment-website').value,
        }),
      })
        .then(function (r) { return r.json().catch(function () { return {}; }).then(function (j) { return [r.status, j]; }); })
        .then(function (a) {
          if (a[0] !== 202) return say(a[1].reason || FAILED);
          box.value = '';
          update();
          if (parentField.value) cancelReply();
          say(a[1].message || 'Cảm ơn bạn! Bình luận đang chờ duyệt.', true);
        })
        .catch(function () { say(FAILED); })
        .then(function () { send.disabled = false; });
    });
    update();
  }

  section.addEventListener('click', function (e) {
    var b = e.target.closest('button');
    if (!b || (form && form.contains(b))) return;
    var li = b.closest('li.comment');
    if (li && b.classList.contains('reply') && form) reply(li);
    else if (li && b.classList.contains('like')) vote(li, 'like', b);
    else if (li && b.classList.contains('report')) vote(li, 'report', b);
    else if (b.hasAttribute('data-sort') && b.getAttribute('data-sort') !== sort) {
      sort = b.getAttribute('data-sort');
      sortBox.querySelectorAll('button').forEach(function (x) { x.setAttribute('aria-pressed', String(x === b)); });
      load(1, true);
    } else if (b === more) load(page + 1, false);
  });

  section.querySelectorAll('li.comment').forEach(decorate);
  times();
  setInterval(times, 60000);
  showCount();
  showMore();

  // Live: the server sends each approved, edited, liked or removed comment; the browser
  // reconnects by itself, with Last-Event-ID, and the server fills in what was missed.
  if (window.EventSource) {
    var stream = new EventSource(api + '/stream');
    stream.addEventListener('comment', function (e) { try { upsert(JSON.parse(e.data)); } catch (x) { /* a bad event */ } });
    stream.addEventListener('remove', function (e) { try { remove(JSON.parse(e.data).id); } catch (x) { /* a bad event */ } });
    stream.addEventListener('reset', function () { load(1, true); });
  }
})();
