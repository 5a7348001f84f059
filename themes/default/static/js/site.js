// Progressive enhancements of the default theme. Everything works without
// this file; it adds the "copy link" button and, on the full lists of
// /chi-tieu/ and /nhiem-vu/, filtering in place: a filter link hides the
// rows that do not match instead of opening the filter's page, filters of
// different kinds combine, and the choice is kept in the query string
// (?trang-thai=qua-han&don-vi=…) so that the address can be shared.
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  function copyLinks() {
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
  }
  function filters(nav) {
    var list = document.getElementById(nav.getAttribute('data-list'));
    if (!list) { return; }
    var rows = list.querySelectorAll('[data-trang-thai]');
    var links = nav.querySelectorAll('a[data-filter-key]');
    var status = document.querySelector('.filter-status');
    var keys = [];
    links.forEach(function (a) {
      var k = a.getAttribute('data-filter-key');
      if (keys.indexOf(k) < 0) { keys.push(k); }
    });
    function apply(state) {
      var shown = 0;
      rows.forEach(function (r) {
        var ok = keys.every(function (k) {
          var want = state[k];
          if (!want) { return true; }
          return (' ' + (r.getAttribute('data-' + k) || '') + ' ').indexOf(' ' + want + ' ') >= 0;
        });
        r.classList.toggle('is-filtered-out', !ok);
        if (ok) { shown++; }
      });
      links.forEach(function (a) {
        var on = (state[a.getAttribute('data-filter-key')] || '') === a.getAttribute('data-filter-value');
        if (on) { a.setAttribute('aria-current', 'page'); } else { a.removeAttribute('aria-current'); }
        if (on && a.getAttribute('data-filter-value')) { a.closest('details').open = true; }
      });
      if (status) {
        var any = keys.some(function (k) { return state[k]; });
        status.textContent = any ? nav.getAttribute('data-msg-showing') + ' ' + shown + ' ' +
          nav.getAttribute('data-msg-of') + ' ' + rows.length + '.' : '';
      }
    }
    function fromURL() {
      var q = new URLSearchParams(location.search), state = {};
      keys.forEach(function (k) { if (q.get(k)) { state[k] = q.get(k); } });
      return state;
    }
    var state = fromURL();
    apply(state);
    links.forEach(function (a) {
      a.addEventListener('click', function (e) {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button) { return; }
        e.preventDefault();
        state[a.getAttribute('data-filter-key')] = a.getAttribute('data-filter-value');
        var q = new URLSearchParams();
        keys.forEach(function (k) { if (state[k]) { q.set(k, state[k]); } });
        var s = q.toString();
        history.pushState(null, '', location.pathname + (s ? '?' + s : ''));
        apply(state);
      });
    });
    window.addEventListener('popstate', function () { state = fromURL(); apply(state); });
  }
  ready(function () {
    copyLinks();
    document.querySelectorAll('nav.filters[data-instant]').forEach(filters);
  });
})();
