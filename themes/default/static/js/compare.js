// The communes compared on /don-vi/: each sort link opens a page of its own
// with the table sorted (/don-vi/xep-theo-<id>/), so sorting works without
// JavaScript. With it, a sort link sorts the rows in place instead, and the
// order is kept in the query string (?xep-theo=<id>), read again on load, so
// the address can be shared.
(function () {
  'use strict';
  var param = 'xep-theo';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  function setup(section) {
    var table = section.querySelector('table.compare-table');
    if (!table) { return; }
    var body = table.tBodies[0];
    var caption = table.querySelector('caption');
    var links = section.querySelectorAll('a[data-sort-key]');
    var captions = {};
    section.querySelectorAll('nav.sorts a[data-sort-key]').forEach(function (a) {
      captions[a.getAttribute('data-sort-key')] = a.getAttribute('data-caption');
    });
    function name(r) { return r.getAttribute('data-name') || ''; }
    function sort(key) {
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        if (key !== 'ten') {
          var ca = a.querySelector('td[data-key="' + key + '"]');
          var cb = b.querySelector('td[data-key="' + key + '"]');
          var ra = ca && ca.getAttribute('data-rank') ? +ca.getAttribute('data-rank') : Infinity;
          var rb = cb && cb.getAttribute('data-rank') ? +cb.getAttribute('data-rank') : Infinity;
          if (ra !== rb) { return ra < rb ? -1 : 1; }
        }
        return name(a).localeCompare(name(b), 'vi');
      });
      rows.forEach(function (r) { body.appendChild(r); });
      links.forEach(function (a) {
        var on = a.getAttribute('data-sort-key') === key;
        if (a.closest('nav')) {
          if (on) { a.setAttribute('aria-current', 'page'); } else { a.removeAttribute('aria-current'); }
        }
        var th = a.closest('th');
        if (th) {
          if (on) { th.setAttribute('aria-sort', key === 'ten' ? 'ascending' : 'descending'); } else { th.removeAttribute('aria-sort'); }
        }
      });
      if (caption && captions[key]) { caption.textContent = captions[key]; }
      section.setAttribute('data-sort', key);
    }
    links.forEach(function (a) {
      a.addEventListener('click', function (ev) {
        if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) { return; }
        ev.preventDefault();
        var key = a.getAttribute('data-sort-key');
        sort(key);
        try {
          var u = new URL(location.href);
          u.searchParams.set(param, key);
          history.replaceState(null, '', u.toString());
        } catch (e) { /* a page opened from disk may refuse; the order still changes */ }
      });
    });
    var want = new URLSearchParams(location.search).get(param);
    if (want && want !== section.getAttribute('data-sort') && section.querySelector('a[data-sort-key="' + want + '"]')) {
      sort(want);
    }
  }
  ready(function () {
    document.querySelectorAll('section.compare').forEach(setup);
  });
})();
