package build

import (
	"bytes"
	"compress/gzip"
	"path"
	"regexp"
	"strings"
	"testing"
)

var assetRe = regexp.MustCompile(`(?:href|src)="([^"#?]+\.(?:css|js|svg))"`)

// TestPageWeight keeps the sample site within the budgets of a phone on a
// slow connection: a guidance page ≤ 30 KB compressed with everything it
// loads, a KPI page ≤ 80 KB before any interaction (ECharts loads only
// after one, so it is not counted).
func TestPageWeight(t *testing.T) {
	t.Parallel()
	mem := sampleSite(t).Output
	gz := func(b []byte) int {
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		w.Write(b)
		w.Close()
		return buf.Len()
	}
	tests := []struct {
		page   string
		budget int
	}{
		{"huong-dan/vneid/kich-hoat/index.html", 30 << 10},
		{"index.html", 30 << 10},
		{"chi-tieu/tai-khoan-dinh-danh-dien-tu/index.html", 80 << 10},
		{"chi-tieu/index.html", 80 << 10},
	}
	for _, tc := range tests {
		t.Run(tc.page, func(t *testing.T) {
			html := mem.Files[tc.page]
			total := gz(html)
			for _, m := range assetRe.FindAllSubmatch(html, -1) {
				ref := string(m[1])
				if strings.Contains(ref, "vendor/echarts") {
					continue
				}
				p := path.Clean(path.Join(path.Dir(tc.page), ref))
				if strings.HasPrefix(ref, "/") {
					p = strings.TrimPrefix(ref, "/")
				}
				asset, ok := mem.Files[p]
				if !ok {
					t.Fatalf("%s loads %s, which is not in the output", tc.page, ref)
				}
				total += gz(asset)
			}
			t.Logf("%s: %.1f KB compressed with its CSS and scripts", tc.page, float64(total)/1024)
			if total > tc.budget {
				t.Errorf("%s weighs %d bytes compressed, over the %d budget", tc.page, total, tc.budget)
			}
		})
	}
}
