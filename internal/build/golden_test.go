package build

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden")

// TestSampleSiteGolden builds the repository's sample site and compares a few
// pages with golden copies. Refresh them with: go test ./internal/build -update
func TestSampleSiteGolden(t *testing.T) {
	t.Parallel()
	s := sampleSite(t)
	mem := s.Output
	noShortcodeText(t, &siteTest{tb: t, res: s}) // issue 24
	for _, page := range []string{
		"index.html",
		"huong-dan/vneid/kich-hoat/index.html",
		"ke-hoach/index.html",
		"tin-tuc/index.html",
		"404.html",
		// An indicator broken down by commune and a commune's scorecard:
		// without data/ban-do/ they show no map (issue 16).
		"chi-tieu/tai-khoan-dinh-danh-dien-tu/index.html",
		"don-vi/xa-thach-kim/index.html",
		// The open data's vocabulary and its description for machines.
		"nhiem-vu/nhiem-vu.csv",
		"du-lieu/don-vi.csv",
		"du-lieu/datapackage.json",
	} {
		t.Run(page, func(t *testing.T) {
			got, ok := mem.Files[page]
			if !ok {
				t.Fatalf("sample site has no %s", page)
			}
			golden := filepath.Join("testdata", "golden", strings.ReplaceAll(page, "/", "_"))
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/build -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("%s differs from %s; if the change is intended, run go test ./internal/build -update\n%s",
					page, golden, firstDiff(string(want), string(got)))
			}
		})
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:", i+1) + "\n  want: " + w + "\n  got:  " + g
		}
	}
	return ""
}
