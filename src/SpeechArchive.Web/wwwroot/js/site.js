// Progressive enhancement for every page; everything works without it.
(function () {
  'use strict';
  // The facet panel is open in the HTML (so it works without script); on a phone start it folded under its summary.
  var panel = document.querySelector('details.facets');
  if (panel && window.matchMedia('(max-width: 799px)').matches) {
    panel.open = false;
  }
})();

// Related terms beside the search results: fetched after the page shows, so the search itself stays fast.
(function () {
  'use strict';
  var box = document.getElementById('related');
  if (!box || !window.fetch) { return; }
  // data-src names the terms' JSON less the page's query (the page carries it once), which is the address's own.
  var q = new URLSearchParams(location.search).get('q') || '';
  var src = box.getAttribute('data-src');
  fetch(src + (src.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (data) {
      var terms = (data && data.terms) || [];
      var near = (data && data.nearInMeaning) || [];
      if (terms.length === 0 && near.length === 0) { return; }
      var refine = box.getAttribute('data-refine');
      function list(items, className, title) {
        var ul = document.createElement('ul');
        ul.className = className;
        items.forEach(function (t) {
          var item = document.createElement('li');
          var link = document.createElement('a');
          link.className = 'term';
          link.textContent = t.word;
          link.title = title(t);
          link.href = refine.replace('__TERM__', encodeURIComponent((q + ' ' + t.word).trim()));
          item.appendChild(link);
          ul.appendChild(item);
        });
        return ul;
      }
      if (terms.length > 0) {
        box.appendChild(list(terms.map(function (t) { return { word: t.term, t: t }; }), 'related-terms',
          function (x) { return '命中段落 ' + x.t.foreground + ' / 全部档案 ' + x.t.background; }));
      }
      if (near.length > 0) {
        var heading = document.createElement('h3');
        heading.className = 'near-meaning-title';
        heading.textContent = '意思相近';
        box.appendChild(heading);
        box.appendChild(list(near, 'related-terms near-meaning',
          function (n) { return '词向量余弦 ' + n.cosine.toFixed(2) + '，' + n.passages + ' 段含此词'; }));
      }
      box.classList.add('loaded');
    })
    .catch(function () { /* the link to the related-terms page stays */ });
})();

// The draft box: how many characters it holds of the most it takes, so a paste cut at the limit does not pass unseen.
(function () {
  'use strict';
  var box = document.querySelector('form.draft textarea');
  var count = document.getElementById('draft-count');
  if (!box || !count) { return; }
  var used = count.querySelector('.used');
  var full = count.querySelector('.full');
  var max = Number(box.getAttribute('maxlength'));
  function update() {
    used.textContent = box.value.length.toLocaleString('en-US');
    full.hidden = box.value.length < max;
  }
  box.addEventListener('input', update);
  update();
})();

// Completions under a search box marked data-complete (the ARIA 1.2 combobox pattern): how the archive goes on after the
// last word typed (/api/complete). Arrow keys move through them, Enter or a click searches the one chosen, Escape closes;
// nothing is asked while an input method is composing. Without script the box is a plain search box.
(function () {
  'use strict';
  var inputs = document.querySelectorAll('input[data-complete]');
  if (inputs.length === 0 || !window.fetch) { return; }
  inputs.forEach(function (input, n) {
    var form = input.form;
    var list = document.createElement('ul');
    list.id = 'completions-' + n;
    list.className = 'completions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', '补全');
    list.hidden = true;
    input.insertAdjacentElement('afterend', list);
    form.classList.add('completing');
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    var timer = 0, composing = false, active = -1, asked = null;

    function close() {
      list.hidden = true;
      list.textContent = '';
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }
    function choose(option) {
      input.value = option.getAttribute('data-query');
      close();
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    }
    function highlight(k) {
      var options = list.querySelectorAll('[role=option]');
      if (options.length === 0) { return; }
      active = (k + options.length) % options.length;
      options.forEach(function (o, i) { o.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
      input.setAttribute('aria-activedescendant', options[active].id);
      options[active].scrollIntoView({ block: 'nearest' });
    }
    function show(data) {
      close();
      var items = (data && data.completions) || [];
      if (items.length === 0 || data.text !== input.value.trim()) { return; }
      items.forEach(function (c, i) {
        var option = document.createElement('li');
        option.id = list.id + '-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.setAttribute('data-query', c.query);
        var said = document.createElement('span');
        said.className = 'said';
        var typed = document.createElement('span');
        typed.textContent = data.typed;
        var rest = document.createElement('b');
        rest.textContent = c.said.slice(data.typed.length);
        said.appendChild(typed);
        said.appendChild(rest);
        var count = document.createElement('span');
        count.className = 'passages';
        count.textContent = (data.approximate ? '约 ' : '') + c.passages.toLocaleString('zh-CN') + ' 段' + (c.kind === 'clause' ? ' · 整句' : '');
        option.appendChild(said);
        option.appendChild(count);
        list.appendChild(option);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
    // The filters the page is showing (the hidden fields _HiddenFilters marks) go with the text, so the counts are the search's.
    function filters() {
      var kept = '';
      form.querySelectorAll('input[data-filter]').forEach(function (h) {
        if (h.value) { kept += '&' + encodeURIComponent(h.name) + '=' + encodeURIComponent(h.value); }
      });
      return kept;
    }
    function ask() {
      var text = input.value;
      if (text === asked) { return; }
      asked = text;
      if (text.trim().length < 2) { close(); return; }
      fetch(input.getAttribute('data-complete') + '?q=' + encodeURIComponent(text) + '&limit=8' + filters(), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (input.value === text && document.activeElement === input) { show(data); } })
        .catch(function () { close(); });
    }
    // Typing closes the list at once: an Enter before the new answer arrives searches what is typed, not an option
    // chosen for the text before it.
    input.addEventListener('compositionstart', function () { composing = true; close(); });
    input.addEventListener('compositionend', function () { composing = false; clearTimeout(timer); timer = setTimeout(ask, 120); });
    input.addEventListener('input', function () {
      close();
      if (composing) { return; }
      clearTimeout(timer);
      timer = setTimeout(ask, 120);
    });
    input.addEventListener('keydown', function (e) {
      if (e.isComposing || e.keyCode === 229) { return; } // an input method's own keys (Safari's Enter that commits one)
      if (list.hidden) {
        if (e.key === 'ArrowDown' && !e.altKey) { asked = null; ask(); } // open it again after Escape
        return;
      }
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        highlight(active + (e.key === 'ArrowDown' ? 1 : -1) + (active < 0 && e.key === 'ArrowUp' ? 1 : 0));
      } else if (e.key === 'Enter' && active >= 0) {
        e.preventDefault();
        choose(list.querySelectorAll('[role=option]')[active]);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 0); asked = null; });
    list.addEventListener('mousedown', function (e) { e.preventDefault(); }); // keep the focus in the box
    list.addEventListener('click', function (e) {
      var option = e.target.closest('[role=option]');
      if (option) { choose(option); }
    });
  });
})();
