// Progressive enhancements of the default theme. Everything works without
// this file; it only adds the "copy link" button.
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  ready(function () {
    var buttons = document.querySelectorAll('button.copy-link');
    if (!navigator.clipboard) { return; }
    buttons.forEach(function (b) {
      b.hidden = false;
      var label = b.textContent;
      b.addEventListener('click', function () {
        var url = location.href.split('#')[0];
        navigator.clipboard.writeText(url).then(function () {
          b.textContent = b.getAttribute('data-copied') || label;
          setTimeout(function () { b.textContent = label; }, 2500);
        }, function () { /* leave the button as it was */ });
      });
    });
  });
})();
