package indicator

import (
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/period"
)

func TestFuture(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	now := time.Date(2023, 6, 30, 23, 59, 0, 0, ict)
	for _, tt := range []struct {
		p    string
		want bool
	}{
		{"2023-07", true},
		{"2023-07-01", true},
		{"2023-W27", true}, // starts Monday 03/07
		{"2023-Q3", true},
		{"2023-H2", true},
		{"2023-06", false},    // under way: not final, but not from the future
		{"2023-06-30", false}, // today
		{"2023-W26", false},   // 26/06–02/07
		{"2023", false},
		{"2023-05", false},
	} {
		if got := Future(period.MustParse(tt.p), now); got != tt.want {
			t.Errorf("Future(%s, 30/06/2023 23:59) = %v, want %v", tt.p, got, tt.want)
		}
	}
}
