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
//   - TestBrowser opens the pages of [pages] in headless Chromium and fails
//     on console errors, CSP violations, requests to other hosts, sideways
//     scrolling on a 360 px phone, and axe-core WCAG 2.1 A/AA violations.
//   - TestGlossary reads the glossary in themes/default/i18n/vi.toml
//     (glossary-<term> and glossary-<term>-not) and fails when a page's
//     visible text uses a word the glossary says not to use.
//
// The tools come from the environment, which .ci/run sets up:
//
//	TIENDO_VNU_JAR      .ci/node_modules/vnu-jar/build/dist/vnu.jar (needs java)
//	TIENDO_AXE_JS       .ci/node_modules/axe-core/axe.min.js
//	TIENDO_CHROMIUM     the browser; default /usr/bin/chromium
//	TIENDO_SCREENSHOTS  a folder for screenshots at 360 and 1280 px (optional)
//
// A missing tool skips its test with a message saying how to get it, except
// when CI is set: there the test fails, so that a broken CI image cannot pass
// by checking nothing.
package e2e
