// Package e2e checks the built sample site end to end, after the last stage
// of the pipeline: what a citizen's browser gets, not what the generator
// meant to write.
//
// The tests build the sample site at the repository root once, under the
// subpath /de-an-06/ (a government portal rarely gives a plan its own host),
// and serve it from 127.0.0.1 the way a static host would, with a strict
// Content-Security-Policy and 404.html for every missing address. Then:
//
//   - TestNuHTMLChecker runs the Nu HTML Checker (vnu.jar) over every page;
//   - TestLinks crawls the site and fails on a missing file, a missing
//     anchor, or a link that leaves the subpath;
//   - TestBrowser opens the pages of [pages] in headless Chromium at
//     360×740, 768×1024 and 1280×900 and fails on console errors, CSP
//     violations, requests to other hosts, sideways scrolling of the page or
//     of any box in main, a title below 250 px on the phone, chart text under
//     11 px or overlapping (static SVG and live chart), and any violation of
//     axe-core's default rules (WCAG A/AA and best practices); then opens
//     each page with JavaScript off, where every chart and every link of
//     main must still show.
//   - TestGlossary reads the glossary in themes/default/i18n/vi.toml
//     (glossary-<term> and glossary-<term>-not) and fails when a page's
//     visible text uses a word the glossary says not to use.
//
// The tools come from the environment, which .ci/run sets up:
//
//	TIENDO_VNU_JAR      .ci/node_modules/vnu-jar/build/dist/vnu.jar (needs java)
//	TIENDO_AXE_JS       .ci/node_modules/axe-core/axe.min.js
//	TIENDO_CHROMIUM     the browser; default /usr/bin/chromium
//	TIENDO_SCREENSHOTS  a folder for screenshots at 360, 768 and 1280 px, with
//	                    JavaScript and without (optional)
//
// A missing tool skips its test with a message saying how to get it, except
// when CI is set: there the test fails, so that a broken CI image cannot pass
// by checking nothing.
package e2e
