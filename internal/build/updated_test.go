package build

import (
	"strings"
	"testing"
	"time"
)

// TestFooterSaysWhenBuilt: a site judged when it is built (no asOf), as a
// daily rebuild is, says in its footer when that was; one judged at a fixed
// asOf says the day its figures stand at.
func TestFooterSaysWhenBuilt(t *testing.T) {
	t.Parallel()
	site := strings.Replace(basicSite, "sample = true\n", "", 1)
	clock := func() time.Time { return time.Date(2026, 12, 2, 17, 5, 30, 0, time.UTC) } // 00:05 in Viet Nam
	s := buildTxtarFiles(t, site, nil, Options{Clock: clock}).ok()
	s.contains("index.html", `<p class="asof">Cập nhật lúc <time datetime="2026-12-03T00:05&#43;07:00">00:05 ngày 03/12/2026</time>.</p>`)

	fixed := strings.Replace(site, "title = \"Lộc Hà\"\n", "title = \"Lộc Hà\"\nasOf = \"2023-06-30\"\n", 1)
	s = buildTxtarFiles(t, fixed, nil, Options{Clock: clock}).ok()
	s.contains("index.html", `<p class="asof">Tình hình tính đến ngày <time datetime="2023-06-30">30/06/2023</time>.</p>`)
	s.notContains("index.html", "Cập nhật lúc")

	// --now is a fixed moment too.
	s = buildTxtar(t, site, Options{Now: "2023-06-30", Clock: clock}).ok()
	s.contains("index.html", `<p class="asof">Tình hình tính đến ngày <time datetime="2023-06-30">30/06/2023</time>.</p>`)
}
