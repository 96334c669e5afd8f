// The comment box's live counter and minimum-length check, as the model page behaves:
// "Bạn còn N/500 ký tự" after every keystroke or paste, never more than 500 characters, and
// "Bạn vui lòng nhập từ 5 ký tự trở lên !!!" instead of sending fewer than 5.
// A character is a code point after NFC normalisation, as the server counts it
// (src/text/count.hpp): "ệ" typed as e + two combining marks counts once.
(function () {
  var MAX = 500, MIN = 5;
  var TOO_SHORT = 'Bạn vui lòng nhập từ 5 ký tự trở lên !!!';
  function chars(s) { return Array.from(s.normalize('NFC')); }
  document.querySelectorAll('form.comment-form').forEach(function (form) {
    var box = form.querySelector('textarea');
    var counter = form.querySelector('.counter');
    var notice = form.querySelector('.notice');
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
    // maxlength counts UTF-16 units, not letters; the script counts instead.
    box.removeAttribute('maxlength');
    box.addEventListener('input', function () { update(); if (chars(box.value).length >= MIN) notice.textContent = ''; });
    form.addEventListener('submit', function (e) {
      update();
      if (chars(box.value.trim()).length < MIN) {
        e.preventDefault();
        notice.className = 'notice';
        notice.textContent = TOO_SHORT;
        box.focus();
        return;
      }
      if (!form.getAttribute('action')) {
        // Posting arrives with moderated comments; until then say so rather than lose the text.
        e.preventDefault();
        notice.className = 'notice ok';
        notice.textContent = 'Cảm ơn bạn! Chức năng gửi bình luận sắp được mở.';
      }
    });
    update();
  });
})();
