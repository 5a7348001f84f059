// The "print" button of the commune posters: without JavaScript it stays
// hidden and the browser's own Print works the same.
(function () {
  'use strict';
  document.querySelectorAll('button.print-page').forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });
})();
