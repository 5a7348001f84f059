package server

import (
	"strings"
	"testing"
)

// TestServeTooComplexPageStaysResponsive: saving a page that goldmark
// would take seconds to parse gives, within the parse budget, the errors
// event naming the file, while the last good site is still served; fixing
// the page reloads it.
func TestServeTooComplexPageStaysResponsive(t *testing.T) {
	dir := t.TempDir()
	site := map[string]string{}
	for k, v := range testSite {
		site[k] = v
	}
	site["config.toml"] += "[markup]\nparseBudget = \"100ms\"\n"
	writeFiles(t, dir, site)
	s := startServer(t, dir, Options{})
	events := subscribe(t, s)
	next(t, events, "hello")

	writeFiles(t, dir, map[string]string{"content/a.md": "+++\ntitle = \"Trang A\"\n+++\n" + strings.Repeat("![](", 40_000) + "\n"})
	ev := next(t, events, "errors")
	errs, _ := ev.data["errors"].([]any)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].(map[string]any)["pos"].(string), "content/a.md:4:1") ||
		!strings.Contains(errs[0].(map[string]any)["message"].(string), "quá phức tạp") {
		t.Fatalf("errors: %v, want one at content/a.md:4:1", ev.data)
	}
	if got := get(t, s.URL()+"a/").body; !strings.Contains(got, "Bản đầu tiên") {
		t.Errorf("while the page is refused, GET /a/ serves %q", got)
	}

	writeFiles(t, dir, map[string]string{"content/a.md": "+++\ntitle = \"Trang A\"\n+++\nĐã sửa.\n"})
	next(t, events, "reload")
	if got := get(t, s.URL()+"a/").body; !strings.Contains(got, "Đã sửa") {
		t.Errorf("after the fix, GET /a/ serves %q", got)
	}
}
