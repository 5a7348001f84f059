package report

import (
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/period"
)

func TestReportedBy(t *testing.T) {
	r := DefaultRule()
	w13, ok := period.Parse("2023-W13") // due Tuesday 04/04/2023 09:00
	if !ok {
		t.Fatal("cannot parse 2023-W13")
	}
	sent := ict(2023, 3, 31, 16, 0)
	tests := []struct {
		name string
		row  Row
		now  time.Time
		want bool
	}{
		{"sent before now", Row{Week: w13, Submitted: sent}, ict(2023, 4, 1, 0, 0), true},
		{"sent after now", Row{Week: w13, Submitted: sent}, ict(2023, 3, 31, 15, 59), false},
		{"no date, due within a week", Row{Week: w13}, ict(2023, 3, 28, 9, 0), true},
		{"no date, due over a week away", Row{Week: w13}, ict(2023, 3, 28, 8, 59), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.ReportedBy(tt.row, tt.now); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
