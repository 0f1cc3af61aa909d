// Reader: each passage's tools (¶N, 相似段落, 复制引文), then stepping through the query's hits. Without script the marks and anchors still work.
(function () {
  'use strict';
  // The passages' tools come first, so the page has its final layout before a hit is scrolled to.
  // "复制引文": the passage in quotation marks, then where it stands as official writing cites it and a link back:
  //   “……”
  //   ——《题目》，讲话人，单位，2023年5月10日，一、… › （一）…，第13段
  //   https://…/speeches/ID#p-13
  // The speech's part comes from the article's data-cite; the section from the nearest heading above (its data-path when
  // nested); the button is made here, as only script can copy. The text is also shown, selected, when the clipboard refuses.
  var article = document.querySelector('article.speech');
  var base = article && article.getAttribute('data-cite');
  var id = article && article.getAttribute('data-id');
  var href = id && '/speeches/' + encodeURIComponent(id);

  function sectionOf(passage) {
    for (var e = passage.previousElementSibling; e; e = e.previousElementSibling) {
      if (/^H[23]$/.test(e.tagName)) { return e.getAttribute('data-path') || e.textContent.trim(); }
    }
    return '';
  }

  function citationOf(passage) {
    var number = passage.id.replace('p-', '');
    var where = [base, sectionOf(passage), '第' + number + '段'].filter(function (x) { return x; }).join('，');
    var text = passage.querySelector('p').textContent.trim();
    return '“' + text + '”\n——' + where + '\n' + location.origin + href + '#' + passage.id;
  }

  function showCitation(tools, text, copied) {
    var box = tools.parentElement.querySelector('.cite-text');
    if (!box) {
      box = document.createElement('p');
      box.className = 'cite-text';
      tools.insertAdjacentElement('afterend', box);
    }
    box.textContent = text;
    tools.classList.toggle('copied', copied);
    if (!copied) {
      var range = document.createRange();
      range.selectNodeContents(box);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
  }

  function link(className, url, text) {
    var a = document.createElement('a');
    a.className = className;
    a.href = url;
    a.textContent = text;
    return a;
  }

  if (base && id) {
    document.querySelectorAll('section.passage').forEach(function (passage) {
      var number = passage.id.replace('p-', '');
      var tools = document.createElement('div');
      tools.className = 'tools';
      tools.appendChild(link('anchor', '#' + passage.id, '¶' + number));
      tools.appendChild(link('similar', '/similar?p=' + encodeURIComponent(id + ':' + number), '相似段落'));
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'cite';
      button.textContent = '复制引文';
      tools.appendChild(button);
      passage.appendChild(tools);
    });
    document.querySelector('.text').addEventListener('click', function (e) {
      var button = e.target.closest && e.target.closest('button.cite');
      if (!button) { return; }
      var tools = button.parentElement;
      var text = citationOf(tools.parentElement);
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(
          function () { showCitation(tools, text, true); },
          function () { showCitation(tools, text, false); });
      } else {
        showCitation(tools, text, false);
      }
    });
  }

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

  // Before any hit is current, the previous one is the last (not the second to last: current is -1).
  function previous() { show(current < 0 ? marks.length - 1 : current - 1); }

  if (bar && marks.length > 0) {
    var next = bar.querySelector('.hit-next');
    var prev = bar.querySelector('.hit-prev');
    if (next) { next.addEventListener('click', function (e) { e.preventDefault(); show(current + 1); }); }
    if (prev) { prev.addEventListener('click', function (e) { e.preventDefault(); previous(); }); }
    document.addEventListener('keydown', function (e) {
      var t = e.target;
      if (e.ctrlKey || e.metaKey || e.altKey || (t && /input|textarea|select/i.test(t.tagName))) { return; }
      if (e.key === 'n') { show(current + 1); }
      if (e.key === 'p') { previous(); }
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
})();
