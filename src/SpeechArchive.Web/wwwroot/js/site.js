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
  fetch(box.getAttribute('data-src'), { headers: { Accept: 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (data) {
      var terms = (data && data.terms) || [];
      var near = (data && data.nearInMeaning) || [];
      if (terms.length === 0 && near.length === 0) { return; }
      var q = new URLSearchParams(location.search).get('q') || '';
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
