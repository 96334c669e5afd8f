// Suggestions for the masthead search box: as the reader types, the titles that match what
// is typed so far (the last word as a prefix) fill the box's <datalist>. Without script the
// box still searches; this only saves keystrokes.
(function () {
  var box = document.getElementById('tu-khoa');
  var list = document.getElementById('goi-y');
  if (!box || !list || !window.fetch) return;
  var timer = 0, asked = '';
  box.addEventListener('input', function () {
    clearTimeout(timer);
    var q = box.value.trim();
    if (q.length < 2 || q === asked) return;
    timer = setTimeout(function () {
      asked = q;
      fetch('/api/v1/search/suggest?q=' + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (j) {
          if (box.value.trim() !== q) return;  // the reader has typed on
          list.textContent = '';
          j.suggestions.forEach(function (s) {
            var o = document.createElement('option');
            o.value = s.title;
            list.appendChild(o);
          });
        })
        .catch(function () {});
    }, 150);
  });
})();
