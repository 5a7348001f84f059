package data

import (
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/indicator"
)

// TestTargetKinds: a target to reach by a deadline, a level to hold from a
// day on (from = …), one the plan gives as a change from the baseline
// (change = "-20%", its value computed), and a milestone the site sets
// itself (origin = "site").
func TestTargetKinds(t *testing.T) {
	src := strings.Replace(one, `[[indicator.target]]
value = 50000
deadline = "2023-06-30"
`, `[[indicator.target]]
value = 40000
from = "2023-03"
quote = "Thực hiện từ tháng 3/2023"

[[indicator.target]]
change = "+25%"
deadline = "2023-12"

[[indicator.target]]
value = 60000
deadline = 2024-06-30
origin = "site"
`, 1)
	src = strings.Replace(src, "value = 0 }", "value = 40000 }", 1)
	inds, errs := parseRegistry(t, src)
	if len(errs) > 0 || len(inds) != 1 {
		t.Fatalf("errors: %v", errs)
	}
	ts := inds[0].Targets
	if len(ts) != 3 {
		t.Fatalf("targets: %+v", ts)
	}
	if !ts[0].Standing() || !ts[0].From.Equal(time.Date(2023, 3, 1, 0, 0, 0, 0, ict)) || ts[0].Quote != "Thực hiện từ tháng 3/2023" || ts[0].Origin != indicator.OriginPlan {
		t.Errorf("standing target: %+v", ts[0])
	}
	if ts[1].Value != 50000 || ts[1].Change != 0.25 || ts[1].Standing() {
		t.Errorf("change target: %+v", ts[1])
	}
	if ts[2].Origin != indicator.OriginSite {
		t.Errorf("site target: %+v", ts[2])
	}
}

func TestTargetKindErrors(t *testing.T) {
	for _, tc := range []struct{ name, target, want string }{
		{"both deadline and from", "value = 1\ndeadline = \"2023-06\"\nfrom = \"2023-03\"\n",
			`data/indicators.toml:16:1: mục tiêu có cả deadline và from`},
		{"from unreadable", "value = 1\nfrom = \"tháng ba\"\n", `data/indicators.toml:15:1: thời điểm "tháng ba" không đọc được`},
		{"both value and change", "value = 1\nchange = \"-20%\"\ndeadline = \"2023-06\"\n", `data/indicators.toml:15:1: mục tiêu có cả value và change`},
		{"change without %", "change = \"-20\"\ndeadline = \"2023-06\"\n", `data/indicators.toml:14:1: change "-20" không đọc được`},
		{"unknown origin", "value = 1\ndeadline = \"2023-06\"\norigin = \"ubnd\"\n", `data/indicators.toml:16:1: origin "ubnd" không hợp lệ`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(one, "value = 50000\ndeadline = \"2023-06-30\"\n", tc.target, 1)
			_, errs := parseRegistry(t, src)
			if len(errs) == 0 || !strings.HasPrefix(errs[0], tc.want) {
				t.Errorf("got %q, want %q first", errs, tc.want)
			}
		})
	}
}
