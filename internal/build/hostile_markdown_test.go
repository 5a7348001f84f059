package build

import (
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

// TestHostileMarkdownTooComplexIsAnError: a body that goldmark would take
// seconds or minutes to parse is, past [markup] parseBudget, an error
// naming its file, and the build goes on to report the other pages'
// errors. A 1 ms budget against inputs that take seconds leaves nothing to
// timing.
func TestHostileMarkdownTooComplexIsAnError(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, body string }{
		{"image openers, 160 KB", strings.Repeat("![](", 40_000)},
		{"brackets", strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)},
		{"emphasis", strings.Repeat("*a_ ", 40_000)},
		{"unclosed links", strings.Repeat("[a](b", 40_000)},
		{"reference definitions", strings.Repeat("[a]: /b\n", 20_000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := buildFiles(t, map[string][]byte{
				"config.toml":  []byte("[markup]\nparseBudget = \"1ms\"\n"),
				"content/a.md": []byte("+++\ntitle = \"A\"\n+++\n" + tc.body + "\n"),
				"content/b.md": []byte("+++\ntitle = \"B\"\n+++\nXem [trang](khong-co.md).\n"),
			})
			s.failsWith("content/a.md:4:1: trang quá phức tạp để xử lý", "parseBudget", "content/b.md:4:")
			for _, d := range s.res.Diags.All() {
				if d.Pos.File == "content/a.md" && d.Code != "content-too-complex" {
					t.Errorf("code %q, want content-too-complex", d.Code)
				}
			}
		})
	}
}

// TestMarkdownParseBudgetDefault: without the setting, the budget is two
// seconds, which ordinary pages are far within; a budget that is not a
// duration is an error at its line.
func TestMarkdownParseBudgetDefault(t *testing.T) {
	t.Parallel()
	buildFiles(t, map[string][]byte{
		"content/a.md": []byte("+++\ntitle = \"A\"\n+++\n## Bước 1 {#b1}\n\nXem [B](b.md) và **đậm** _nghiêng_ `mã`.\n"),
		"content/b.md": []byte("+++\ntitle = \"B\"\n+++\n[Về A](a.md#b1)\n"),
	}).ok().contains("a/index.html", `<a href="/b/">B</a>`)

	for _, v := range []string{`"2 giây"`, `"-1s"`, `"2"`} {
		s := buildFiles(t, map[string][]byte{
			"config.toml": []byte("title = \"T\"\n[markup]\nparseBudget = " + v + "\n"),
		})
		s.failsWith("config.toml:3:")
		var errs []*diag.Diagnostic
		for _, d := range s.res.Diags.All() {
			if d.Severity == diag.Error {
				errs = append(errs, d)
			}
		}
		if len(errs) != 1 || errs[0].Code != "config-parse-budget" {
			t.Errorf("parseBudget = %s: %s, want the code config-parse-budget", v, s.res.Diags.Format("vi"))
		}
	}
}

// TestHostileMarkdownTooComplexDescription: an indicator's description is
// Markdown too; past the budget it is an error at its [[indicator]], not a
// description silently left out.
func TestHostileMarkdownTooComplexDescription(t *testing.T) {
	t.Parallel()
	files := hostileFiles(map[string][]byte{
		"config.toml": append(hostileFiles(nil)["config.toml"], "[markup]\nparseBudget = \"1ms\"\n"...),
	})
	files["data/indicators.toml"] = replaceIn(t, "data/indicators.toml", "title = \"Tỷ lệ hồ sơ trực tuyến\"\n",
		"title = \"Tỷ lệ hồ sơ trực tuyến\"\ndescription = \""+strings.Repeat("![](", 40_000)+"\"\n")
	buildFiles(t, files).failsWith("data/indicators.toml:4:1: trang quá phức tạp để xử lý")
}
