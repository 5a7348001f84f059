// Package search is the search index of the write stage: it turns the
// site's pages, indicators and tasks into the JSON file that the search
// page (/tim-kiem/) loads, and defines the data of that page's layout. It
// is pure: the build collects the documents and writes the file.
//
// # Pipeline
//
//	pages, indicators, tasks → []Doc → Index → index JSON (written by the build)
//	/tim-kiem/ (layout search.html, Data PageView) loads
//	    vendor/minisearch/minisearch.js, js/search.js → fetch index JSON →
//	    MiniSearch index built in the browser → results as the reader types
//
// Without JavaScript the form is a GET to the same page, which lists every
// page (PageView.Groups) under the form: "all pages instead".
//
// # What is shipped: documents, not a serialised index
//
// MiniSearch can load an index serialised at build time (loadJSON), which
// would mean running MiniSearch in goja during the build, as internal/chart
// runs ECharts. Index ships the documents instead and the browser builds
// the index on load, because the serialised index is an addition, not a
// replacement: results still need the titles and text for excerpts. On the
// sample site (109 documents):
//
//	                         raw        gzip     browser work (V8, desktop)
//	documents (Index)        94 KB      21 KB    build index  ~30 ms
//	+ serialised index       143 KB     25 KB    loadJSON      ~6 ms
//
// Serialising would more than double what a phone on a slow connection
// downloads (46 KB instead of 21 KB: about half a second at 400 kbit/s) to
// save some 25 ms of desktop CPU, perhaps 100 ms on a cheap phone, spent
// while the reader is typing. The build also stays free of JavaScript.
// TestPayloadChoice re-measures the two on every run.
//
// # The payload
//
//	{"v":1, "l":"vi", "s":["Hướng dẫn", …],
//	 "d":[{"t":"title", "p":"/path/", "s":1, "k":"task", "h":["heading", …], "x":"text"}, …]}
//
// Names are one letter because they repeat per document; "s" in a document
// is a 1-based index into the section titles; "k" is omitted for pages.
// Strings are NFC with runs of white space made one space, so the offsets
// search.js computes are offsets in what it shows. Documents keep the
// caller's order (results of equal score keep it too).
//
// Body text is cut at a word boundary to an equal share of a 400 KB budget,
// between 160 bytes and 3 KB a document: titles, headings and the start of
// a page are what readers search for, and the budget keeps the download
// near the bound of 150 KB gzipped as the site grows. Measured
// with go test -bench Index (synthetic pages are random syllables, which
// compress worse than real text):
//
//	                         text/doc   raw        gzip
//	sample site, 109 docs    3 KB       94 KB      21 KB
//	synthetic, 300 pages     1.3 KB     468 KB     141 KB
//	synthetic, 1,000 pages   400 B      664 KB     199 KB
//	synthetic, 10,000 pages  160 B      4.2 MB     1.2 MB
//
// At 3 KB a page throughout, 10,000 pages would be 28.8 MB (8.6 MB
// gzipped). Beyond a few hundred pages, titles and headings alone outgrow
// the bound, and one index built in the browser is too slow and too big
// for a phone anyway (10,000 pages: about a second of desktop CPU and half
// a gigabyte of heap); such a site needs an index split into fragments
// loaded by the words typed.
//
// # Matching
//
// search.js indexes every text field twice from the same string:
//
//   - folded (title, headings, section, text): each word by its key, Fold
//     as internal/vi.Fold does it (NFD, combining marks removed, đ → d,
//     lower case, NFC), then a final y after a consonant written i, since
//     both spellings are in use ("ký"/"kí", "tỷ"/"tỉ", "quý"/"quí");
//   - exact (titleExact, headingsExact, textExact): the word lower-cased
//     and tone-normalised as vi.NormalizeTone does ("hoà" = "hòa"), only
//     for words that carry marks.
//
// A query word always searches the folded fields; a word typed with marks
// also searches the exact fields, and a document matching both scores both
// (and counts as matching two query terms, which MiniSearch rewards), so
// "hòa" finds hòa, hoà, hóa and hoa, with hòa and hoà first. Boosts: title
// 4, headings 2, section and text 1, the same for the exact fields.
//
// Documents must have every word. Failing that, the last word is taken as
// a prefix ("dang k"); then words of five letters or more may have one
// typo; then any word will do, and the page says the results are partial.
// While the reader is typing, the last word is a prefix from the start;
// once the query is submitted it is not, because Vietnamese syllables are
// prefixes of many others ("hoa" of "hoàn", "hoạch").
//
// The same fold exists in Go and JavaScript; TestFoldAgreesWithGo and
// TestNormalizeToneAgreesWithGo run search.js in goja on a list of tricky
// words (old and new tone placement, đ/Đ/Ð, NFD input, capitals). The JS
// side avoids \p{…} regular expressions, which goja does not support, and
// so agrees with Go for Latin-script text only, which is all a Vietnamese
// site indexes.
//
// # The client
//
// themes/default/static/vendor/minisearch/minisearch.js is dist/umd/index.js
// of the npm package minisearch 7.2.0 (MIT, LICENSE beside it) without its
// last line, a sourceMappingURL comment for a map that is not shipped:
// 86 KB, 19 KB gzipped. search.js (7 KB gzipped) has a pure part the
// tests run in goja (fold, key, exactTerm, normalizeTone, tokenize,
// queryTerms, createIndex, search, highlightRanges, excerpt) and a DOM
// part that uses only createElement and textContent, no eval, no inline
// style, so it runs under a strict Content-Security-Policy. Both load only
// on the search page, through the layout's "scripts" block. Opened from
// disk (file:), browsers refuse to fetch the index; the page then says so
// and keeps the list of all pages.
package search
