/*
 * tiendo search: the search page (/tim-kiem/).
 *
 * The page works without this file: the form is a GET to the same page,
 * which lists every page of the site. With it, the form searches the
 * site's index (internal/search, loaded from the form's data-index) with
 * MiniSearch (vendor/minisearch/minisearch.js, loaded before this file)
 * and shows the results in place.
 *
 * Matching ignores marks, tones and case, đ/d included, so "dang ky"
 * finds "Đăng ký", and the i/y spellings ("ký" = "kí", "tỷ" = "tỉ"); a
 * query typed with marks also matches the exact,
 * tone-normalised words ("hoà" = "hòa"), which ranks those pages higher.
 * Each text field is indexed twice from the same string: folded (title,
 * headings, section, text) and exact (titleExact, headingsExact,
 * textExact, only words that carry marks).
 *
 * The first part is pure (no DOM) and is what internal/search's tests run
 * in goja: window.tiendoSearch = {fold, key, exactTerm, normalizeTone, words,
 * tokenize, queryTerms, createIndex, search, highlightRanges, excerpt,
 * link}.
 * Regular expressions avoid \p{…} classes, which goja does not know.
 *
 * Markup (themes/default/layouts/search.html):
 *   <form role="search" data-index="…/index.json" data-root="…"
 *         [data-relative] data-msg-*="…" data-kind-*="…">
 *     <input name="q" type="search"> <button>
 *   </form>
 *   <p id="search-status" role="status" aria-live="polite">
 *   <div id="search-results" hidden>
 *   <section id="search-all"> every page </section>
 *
 * Plain ES2017; no eval, no new Function, no innerHTML, no inline styles:
 * it runs under a strict Content-Security-Policy.
 */
(function (root) {
  'use strict';

  // ---- Folding, as internal/vi.Fold does it ----

  // Letters that Unicode does not decompose, as vi.Fold maps them.
  const SPECIAL = {
    'đ': 'd', 'Đ': 'd', 'ð': 'd', 'Ð': 'd', 'ɖ': 'd', 'Ɖ': 'd',
    'ø': 'o', 'Ø': 'o', 'ł': 'l', 'Ł': 'l', 'ħ': 'h', 'Ħ': 'h',
    'ŧ': 't', 'Ŧ': 't', 'ı': 'i', 'æ': 'ae', 'Æ': 'ae',
    'œ': 'oe', 'Œ': 'oe', 'ß': 'ss', 'ẞ': 'ss'
  };
  const ASCII = /^[\x00-\x7f]*$/;
  const TONES = { '\u0300': 1, '\u0301': 1, '\u0303': 1, '\u0309': 1, '\u0323': 1 };

  // isMark reports whether code point c is a combining mark of the
  // Combining Diacritical Marks blocks: Vietnamese vowel marks and tones in
  // NFD, and those of other Latin-script languages.
  function isMark(c) {
    return (c >= 0x300 && c < 0x370) || (c >= 0x1ab0 && c < 0x1b00) ||
      (c >= 0x1dc0 && c < 0x1e00) || (c >= 0x20d0 && c < 0x2100) ||
      (c >= 0xfe20 && c < 0xfe30);
  }

  // isWord reports whether code point c belongs to a word: ASCII letters
  // and digits, combining marks, and everything above ASCII except the
  // punctuation, symbol and space blocks.
  function isWord(c) {
    if (c < 0x80) {
      return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    }
    if (c < 0xc0) {
      return c === 0xaa || c === 0xb5 || c === 0xba;
    }
    return !(c === 0xd7 || c === 0xf7 ||
      (c >= 0x2000 && c < 0x2c00) || (c >= 0x2e00 && c < 0x2e80) ||
      (c >= 0x3000 && c < 0x3040) || (c >= 0xfe10 && c < 0xfe20) ||
      (c >= 0xfe30 && c < 0xfe70) || (c >= 0xff00 && c < 0xff10) ||
      (c >= 0xff1a && c < 0xff21) || (c >= 0xff3b && c < 0xff41) ||
      (c >= 0xff5b && c < 0xff66) || (c >= 0xfff0 && c < 0x10000) ||
      (c >= 0x1f000 && c < 0x1fb00));
  }

  // fold returns s lower-cased, without marks or tones, with đ → d: the
  // same string as vi.Fold for Latin-script text.
  function fold(s) {
    if (ASCII.test(s)) {
      return s.toLowerCase();
    }
    let out = '';
    for (const ch of s.normalize('NFD')) {
      if (isMark(ch.codePointAt(0))) {
        continue;
      }
      const m = SPECIAL[ch];
      out += m === undefined ? ch.toLowerCase() : m;
    }
    return out.normalize('NFC');
  }

  // splitTone splits a composed a, e or y carrying only a tone into the
  // letter and the tone mark; null for anything else.
  function splitTone(ch) {
    const d = ch.normalize('NFD');
    if (d.length !== 2 || !TONES[d[1]] || 'aAeEyY'.indexOf(d[0]) < 0) {
      return null;
    }
    return d;
  }

  function isVowel(ch) {
    return 'aeiouy'.indexOf(fold(ch).charAt(0)) >= 0;
  }

  // normalizeTone is vi.NormalizeTone: s in NFC with the tone of the open
  // syllables "oa", "oe" and "uy" on the first vowel ("hoà" → "hòa",
  // "thuỷ" → "thủy"), leaving closed syllables, "qu" and longer vowel
  // groups alone.
  function normalizeTone(s) {
    const rs = Array.from(s.normalize('NFC'));
    for (let i = 1; i < rs.length; i++) {
      const split = splitTone(rs[i]);
      if (!split) {
        continue;
      }
      const first = rs[i - 1];
      const lf = first.toLowerCase();
      const second = split[0].toLowerCase();
      if (!(lf === 'o' && (second === 'a' || second === 'e')) && !(lf === 'u' && second === 'y')) {
        continue;
      }
      if (i + 1 < rs.length && isWord(rs[i + 1].codePointAt(0))) {
        continue; // closed syllable or a longer vowel group
      }
      if (i >= 2 && (rs[i - 2].toLowerCase() === 'q' || isVowel(rs[i - 2]))) {
        continue; // "quý": u is part of the consonant
      }
      rs[i - 1] = (first + split[1]).normalize('NFC');
      rs[i] = split[0];
    }
    return rs.join('');
  }

  // lower lower-cases s code point by code point, as Go's
  // strings.ToLower does: no final sigma, and "İ" gives "i".
  function lower(s) {
    if (ASCII.test(s)) {
      return s.toLowerCase();
    }
    let out = '';
    for (const ch of s) {
      const l = ch.toLowerCase();
      out += l.length > ch.length ? String.fromCodePoint(l.codePointAt(0)) : l;
    }
    return out;
  }

  // exactTerm is the accent-kept form of a word: lower-case,
  // tone-normalised NFC.
  function exactTerm(w) {
    return normalizeTone(lower(w.normalize('NFC')));
  }

  // key is the form a word is indexed and searched by: folded, with a
  // final y after a consonant written i, as both spellings are in use
  // ("ký" and "kí", "lý" and "lí", "tỷ" and "tỉ", "quý" and "quí"); the y
  // of "uy" and "quy" is a vowel of its own.
  function key(w) {
    const f = fold(w);
    if (f === 'qui') {
      return 'quy';
    }
    return /[bcdfghklmnprstvx]y$/.test(f) ? f.slice(0, -1) + 'i' : f;
  }

  // ---- Words ----

  // words calls fn(start, end) for each word of text, in UTF-16 offsets.
  function words(text, fn) {
    let start = -1;
    for (let i = 0; i < text.length;) {
      const c = text.codePointAt(i);
      const n = c > 0xffff ? 2 : 1;
      if (isWord(c)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        fn(start, i);
        start = -1;
      }
      i += n;
    }
    if (start >= 0) {
      fn(start, text.length);
    }
  }

  function tokenize(text) {
    const out = [];
    words(text, function (s, e) { out.push(text.slice(s, e)); });
    return out;
  }

  // ---- Index ----

  const FOLDED = ['title', 'headings', 'section', 'text'];
  const EXACT = ['titleExact', 'headingsExact', 'textExact'];
  const BOOST = { title: 4, titleExact: 4, headings: 2, headingsExact: 2, section: 1, text: 1, textExact: 1 };
  // Results show this much text around the first match.
  const EXCERPT = 180;

  function identity(t) { return t; }

  // createIndex builds the MiniSearch index of a payload of
  // internal/search.Index and returns {ms, docs, sections, lang}; add
  // adds the documents ("sync", or MiniSearch's addAllAsync).
  function createIndex(MiniSearch, payload, add) {
    if (!payload || payload.v !== 1 || !Array.isArray(payload.d)) {
      throw new Error('tiendo search: unknown index format');
    }
    // Words repeat: each is worked out once.
    const keys = new Map();
    const exacts = new Map();
    function cached(m, fn, t) {
      let v = m.get(t);
      if (v === undefined) {
        v = fn(t);
        m.set(t, v);
      }
      return v;
    }
    function exactOnly(t) {
      const e = exactTerm(t);
      return e === fold(t) ? null : e;
    }
    const ms = new MiniSearch({
      idField: 'i',
      fields: FOLDED.concat(EXACT),
      storeFields: [],
      tokenize: tokenize,
      extractField: function (d, field) {
        switch (field) {
          case 'i': return d.i;
          case 'title': case 'titleExact': return d.t;
          case 'headings': case 'headingsExact': return d.h ? d.h.join('\n') : '';
          case 'section': return d.s ? payload.s[d.s - 1] : '';
          default: return d.x || '';
        }
      },
      // Exact fields keep only the words that carry marks: a query's
      // exact form is looked up only when it has marks too.
      processTerm: function (t, field) {
        if (field && field.slice(-5) === 'Exact') {
          return cached(exacts, exactOnly, t);
        }
        return cached(keys, key, t);
      }
    });
    payload.d.forEach(function (d, i) { d.i = i; });
    const index = { ms: ms, docs: payload.d, sections: payload.s || [], lang: payload.l || '' };
    if (add === 'sync') {
      ms.addAll(payload.d);
      return index;
    }
    return ms.addAllAsync(payload.d, { chunkSize: 50 }).then(function () { return index; });
  }

  // queryTerms splits a query into {fold, exact} terms: fold is the
  // word's key, exact its exact form, null when the word carries no marks.
  function queryTerms(q) {
    const seen = new Set();
    const out = [];
    tokenize(q).forEach(function (w) {
      const k = key(w);
      const e = exactTerm(w);
      const id = k + '\u0000' + e;
      if (!seen.has(id)) {
        seen.add(id);
        out.push({ fold: k, exact: e === fold(w) ? null : e });
      }
    });
    return out;
  }

  function buildQuery(terms, combineWith, prefix, fuzzy) {
    return {
      combineWith: combineWith,
      queries: terms.map(function (t, i) {
        const pre = prefix && i === terms.length - 1 && t.fold.length >= 2;
        const sub = [{
          queries: [t.fold], fields: FOLDED, prefix: pre, processTerm: identity,
          // Vietnamese syllables are short and close to each other
          // ("dinh", "danh", "minh"): only long words get a typo's grace.
          fuzzy: fuzzy && t.fold.length >= 5 ? 1 : false
        }];
        if (t.exact) {
          sub.push({ queries: [t.exact], fields: EXACT, prefix: pre, fuzzy: false, processTerm: identity });
        }
        return { combineWith: 'OR', queries: sub };
      })
    };
  }

  // search returns {results: [{doc, section, score, terms}], partial},
  // trying in turn until something matches:
  //   1. documents with every word; while typing (typing set, the query
  //      not ending in a space) the last word may be unfinished and
  //      matches as a prefix;
  //   2. the same with the last word as a prefix ("dang k");
  //   3. the same forgiving one typo in words of five letters or more;
  //   4. documents with any of the words (partial when there are several).
  // Prefixes are not the first try of a finished query: Vietnamese
  // syllables are prefixes of many others ("hoa" of "hoàn", "hoạch").
  // terms are the keys of the index terms each result matched, to
  // highlight.
  function search(index, q, typing) {
    const terms = queryTerms(q);
    if (terms.length === 0) {
      return { results: [], partial: false };
    }
    const prefix = !!typing && !/\s$/.test(q);
    const tries = [['AND', prefix, false], ['AND', true, false], ['AND', true, true], ['OR', true, true]];
    let raw = [];
    let i = 0;
    for (; i < tries.length && raw.length === 0; i++) {
      if (i === 1 && prefix) {
        continue;
      }
      raw = index.ms.search(buildQuery(terms, tries[i][0], tries[i][1], tries[i][2]), { boost: BOOST, tokenize: tokenize });
    }
    return {
      partial: raw.length > 0 && i === tries.length && terms.length > 1,
      results: raw.map(function (r) {
        const doc = index.docs[r.id];
        return { doc: doc, section: doc.s ? index.sections[doc.s - 1] : '', score: r.score, terms: Array.from(new Set(r.terms.map(key))) };
      })
    };
  }

  // ---- Highlighting ----

  // highlightRanges returns the [start, end) UTF-16 ranges of the words
  // of text whose key is one of terms, the keys of the index terms a
  // result matched (prefix and typo matches are whole words there).
  function highlightRanges(text, terms) {
    const set = new Set(terms);
    const out = [];
    words(text, function (s, e) {
      if (set.has(key(text.slice(s, e)))) {
        out.push([s, e]);
      }
    });
    return out;
  }

  // excerpt returns about size characters of text around its best match,
  // cut at word boundaries with "…" where text was cut, and the ranges to
  // highlight in it: {text, ranges}. The best match is the first window
  // holding the most distinct terms.
  function excerpt(text, terms, size) {
    size = size || EXCERPT;
    text = text || '';
    const ranges = highlightRanges(text, terms);
    let start = 0;
    if (ranges.length > 0 && text.length > size) {
      let best = -1;
      for (let i = 0; i < ranges.length; i++) {
        const from = Math.max(0, ranges[i][0] - Math.floor(size / 4));
        const seen = new Set();
        for (let j = i; j < ranges.length && ranges[j][1] <= from + size; j++) {
          seen.add(key(text.slice(ranges[j][0], ranges[j][1])));
        }
        if (seen.size > best) {
          best = seen.size;
          start = from;
        }
      }
    }
    let end = Math.min(text.length, start + size);
    if (start > 0) {
      const sp = text.indexOf(' ', start);
      start = sp >= 0 && sp < end ? sp + 1 : start;
    }
    if (end < text.length) {
      const sp = text.lastIndexOf(' ', end);
      end = sp > start ? sp : end;
    }
    const pre = start > 0 ? '… ' : '';
    const post = end < text.length ? ' …' : '';
    const shift = pre.length - start;
    return {
      text: pre + text.slice(start, end) + post,
      ranges: ranges.filter(function (r) { return r[0] >= start && r[1] <= end; })
        .map(function (r) { return [r[0] + shift, r[1] + shift]; })
    };
  }

  // link turns a site path ("/huong-dan/", "/nhiem-vu/#nv-1-2") into a
  // link from the search page, as the layouts' .URL does: root is .URL of
  // "/index.html" there ("/de-an-06/index.html", or "../index.html" with
  // relative URLs, where folders get index.html to work from disk).
  function link(path, root, relative) {
    const hash = path.indexOf('#');
    let p = hash >= 0 ? path.slice(0, hash) : path;
    const frag = hash >= 0 ? path.slice(hash) : '';
    if (relative && p.slice(-1) === '/') {
      p += 'index.html';
    }
    return (root || '/').replace(/index\.html$/, '') + p.replace(/^\//, '') + frag;
  }

  const api = {
    fold: fold, key: key, exactTerm: exactTerm, normalizeTone: normalizeTone,
    words: words, tokenize: tokenize, queryTerms: queryTerms,
    createIndex: createIndex, search: search,
    highlightRanges: highlightRanges, excerpt: excerpt, link: link
  };
  root.tiendoSearch = api;

  if (typeof document === 'undefined') {
    return;
  }

  // ---- The page ----

  const PAGE = 20; // results shown at first, and added by "more"

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  // marked appends text to el with the ranges wrapped in <mark>.
  function marked(el, text, ranges) {
    let at = 0;
    ranges.forEach(function (r) {
      if (r[0] > at) {
        el.appendChild(document.createTextNode(text.slice(at, r[0])));
      }
      const m = document.createElement('mark');
      m.textContent = text.slice(r[0], r[1]);
      el.appendChild(m);
      at = r[1];
    });
    if (at < text.length) {
      el.appendChild(document.createTextNode(text.slice(at)));
    }
  }

  ready(function () {
    const form = document.querySelector('form[data-index]');
    const input = form && form.querySelector('input[name="q"]');
    const status = document.getElementById('search-status');
    const box = document.getElementById('search-results');
    const all = document.getElementById('search-all');
    if (!input || !status || !box || !window.MiniSearch || !window.fetch) {
      return;
    }
    function showAll(yes) {
      if (all) {
        all.hidden = !yes;
      }
    }
    const data = form.dataset;
    const lang = document.documentElement.lang || 'vi';
    const nf = typeof Intl !== 'undefined' ? new Intl.NumberFormat(lang) : null;
    let index = null;
    let failed = false;
    let timer = 0;
    let shown = ''; // the query shown, "+" or "=" (typing or not) and the words
    let last = ['', false]; // the last render's arguments, for when the index arrives

    function msg(key, n, q) {
      return (data[key] || '').replace('{n}', nf ? nf.format(n) : String(n)).replace('{q}', q);
    }

    // data-root is the home page's link from here, "…/index.html".
    function href(path) {
      return link(path, data.root, 'relative' in data);
    }

    function setQueryInURL(q) {
      const u = new URL(location.href);
      if (q) { u.searchParams.set('q', q); } else { u.searchParams.delete('q'); }
      history.replaceState(null, '', u);
    }

    // item is one result: the title as a link, its section and kind, and
    // an excerpt, with the matched words in <mark>.
    function item(r, terms) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.className = 'page-link';
      a.href = href(r.doc.p);
      marked(a, r.doc.t, highlightRanges(r.doc.t, terms));
      li.appendChild(a);
      const kind = r.doc.k ? data['kind' + r.doc.k.charAt(0).toUpperCase() + r.doc.k.slice(1)] || '' : '';
      if (r.section || kind) {
        const s = document.createElement('p');
        s.className = 'search-where';
        marked(s, r.section, highlightRanges(r.section, terms));
        s.appendChild(document.createTextNode((r.section && kind ? ' · ' : '') + kind));
        li.appendChild(s);
      }
      const ex = excerpt(r.doc.x, terms);
      if (ex.text) {
        const p = document.createElement('p');
        p.className = 'search-excerpt';
        marked(p, ex.text, ex.ranges);
        li.appendChild(p);
      }
      return li;
    }

    function render(q, typing) {
      last = [q, typing];
      typing = typing && !/\s$/.test(q);
      q = q.trim();
      const key = (typing ? '+' : '=') + q;
      if (key === shown) {
        return;
      }
      shown = key;
      box.textContent = '';
      if (!q) {
        box.hidden = true;
        showAll(true);
        status.textContent = '';
        return;
      }
      if (failed || !index) {
        box.hidden = true;
        showAll(true);
        status.textContent = failed ? data.msgFailed : data.msgLoading;
        shown = failed ? key : '';
        return;
      }
      const found = search(index, q, typing);
      const list = found.results;
      const n = list.length;
      if (n === 0) {
        status.textContent = msg('msgNone', 0, q);
      } else if (found.partial) {
        status.textContent = msg('msgPartial', n, q);
      } else {
        status.textContent = msg(n === 1 ? 'msgOne' : 'msgCount', n, q);
      }
      box.hidden = n === 0;
      showAll(n === 0);
      const ol = document.createElement('ol');
      ol.className = 'page-list search-list';
      box.appendChild(ol);
      let next = 0;
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'search-more';
      more.textContent = data.msgMore || '…';
      function page() {
        const stop = Math.min(n, next + PAGE);
        for (; next < stop; next++) {
          ol.appendChild(item(list[next], list[next].terms));
        }
        more.hidden = next >= n;
      }
      more.addEventListener('click', function () {
        const first = next;
        page();
        const a = ol.children[first] && ol.children[first].querySelector('a');
        if (a) { a.focus(); }
      });
      page();
      box.appendChild(more);
    }

    input.value = new URLSearchParams(location.search).get('q') || '';
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      setQueryInURL(input.value.trim());
      render(input.value, false);
    });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        setQueryInURL(input.value.trim());
        render(input.value, true);
      }, 200);
    });
    if (input.value) {
      render(input.value, false);
    }

    fetch(data.index, { credentials: 'same-origin' })
      .then(function (res) {
        if (!res.ok) {
          throw new Error('HTTP ' + res.status);
        }
        return res.json();
      })
      .then(function (payload) { return createIndex(window.MiniSearch, payload); })
      .then(function (ix) {
        index = ix;
        form.dataset.ready = 'true';
        shown = '';
        render(last[0], last[1]);
      })
      .catch(function () {
        // From disk (file:) or offline: the list of every page stays.
        failed = true;
        shown = '';
        render(last[0], last[1]);
      });
  });
})(typeof globalThis !== 'undefined' ? globalThis : this);
