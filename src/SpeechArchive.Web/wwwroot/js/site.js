// Progressive enhancement for every page; everything works without it.
(function () {
  'use strict';
  // The facet panel is open in the HTML (so it works without script); on a phone start it folded under its summary.
  var panel = document.querySelector('details.facets');
  if (panel && window.matchMedia('(max-width: 799px)').matches) {
    panel.open = false;
  }
})();
