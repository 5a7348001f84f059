package chart

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The live chart must space its ticks as the static SVG does: the theme's
// charts.js holds fitJS, byte for byte but for its indentation.
func TestFitJSInTheme(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "themes", "default", "static", "js", "charts.js"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(fitJS), "\n") {
		if l != "" {
			l = "  " + l
		}
		lines = append(lines, l)
	}
	if !strings.Contains(string(src), strings.Join(lines, "\n")) {
		t.Error("themes/default/static/js/charts.js does not hold internal/chart's fitJS: copy it over")
	}
}
