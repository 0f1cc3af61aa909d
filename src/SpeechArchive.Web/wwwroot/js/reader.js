// Reader: step through the query's hits, copy a passage's citation. Without script the marks and anchors still work.
(function () {
  'use strict';
  var marks = Array.prototype.slice.call(document.querySelectorAll('.text mark'));
  var bar = document.querySelector('.hitbar');
  var current = -1;

  function show(index) {
    if (marks.length === 0) { return; }
    current = (index + marks.length) % marks.length;
    marks.forEach(function (m) { m.classList.remove('current'); });
    var mark = marks[current];
    mark.classList.add('current');
    mark.scrollIntoView({ block: 'center' });
    var pos = bar && bar.querySelector('.hit-pos');
    if (pos) { pos.textContent = String(current + 1); }
  }

  if (bar && marks.length > 0) {
    var next = bar.querySelector('.hit-next');
    var prev = bar.querySelector('.hit-prev');
    if (next) { next.addEventListener('click', function (e) { e.preventDefault(); show(current + 1); }); }
    if (prev) { prev.addEventListener('click', function (e) { e.preventDefault(); show(current < 0 ? marks.length - 1 : current - 1); }); }
    document.addEventListener('keydown', function (e) {
      var t = e.target;
      if (e.ctrlKey || e.metaKey || e.altKey || (t && /input|textarea|select/i.test(t.tagName))) { return; }
      if (e.key === 'n') { show(current + 1); }
      if (e.key === 'p') { show(current - 1); }
    });
    // Opened at a passage (#p-N): a hit inside it is the current one (counted at once, without scrolling away from the
    // anchor); else the next hit is the first one from there on.
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target) {
      for (var i = 0; i < marks.length; i++) {
        if (target.contains(marks[i])) {
          current = i;
          marks[i].classList.add('current');
          var pos = bar.querySelector('.hit-pos');
          if (pos) { pos.textContent = String(i + 1); }
          break;
        }
        if (target.compareDocumentPosition(marks[i]) & Node.DOCUMENT_POSITION_FOLLOWING) {
          current = i - 1;
          break;
        }
      }
    }
  }

  function selectText(details) {
    var text = details.querySelector('.cite-text');
    var range = document.createRange();
    range.selectNodeContents(text);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // "复制引文": copy to the clipboard and show the text too (the visible fallback when the clipboard is refused).
  document.querySelectorAll('details.cite > summary').forEach(function (summary) {
    summary.addEventListener('click', function (e) {
      var details = summary.parentElement;
      if (details.open) { return; }
      e.preventDefault();
      details.open = true;
      var text = summary.getAttribute('data-cite') || '';
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(
          function () { details.classList.add('copied'); },
          function () { selectText(details); });
      } else {
        selectText(details);
      }
    });
  });
})();
