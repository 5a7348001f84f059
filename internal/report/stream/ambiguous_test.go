package stream

import (
	"errors"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/report"
)

// TestAggregateCSVRefusesDialectDependentCount: "1.000" dossiers is a
// thousand in Vietnamese and one in English; in a ',' file nothing says
// which, so it is refused rather than summed as either.
func TestAggregateCSVRefusesDialectDependentCount(t *testing.T) {
	good := "2023-W13,tu-phap,khai-sinh,1,0,0,1,0,0,0,0,1,0,0,,,,2023-04-04 08:00"
	yes, no := true, false
	tests := []struct {
		name, cell string
		comma      bool // a ';' file
		opt        *bool
		want       int64 // received online; -1 when refused
	}{
		{"dot thousands, comma file", "1.000", false, nil, -1},
		{"comma thousands, quoted, comma file", `"1,000"`, false, nil, -1},
		{"dot thousands, semicolon file", "1.000", true, nil, 1000},
		{"told decimal comma", "1.000", false, &yes, 1000},
		{"told decimal point", `"1,000"`, false, &no, 1000},
		{"plain digits", "1000", false, nil, 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := nationalHeader + strings.Replace(good, "khai-sinh,1,", "khai-sinh,"+tt.cell+",", 1) + "\n"
			if tt.comma {
				text = strings.ReplaceAll(text, ",", ";")
			}
			a := report.New(report.Options{Services: catalogue})
			_, err := Aggregate(strings.NewReader(text), a, Options{Name: "n.csv", DecimalComma: tt.opt})
			if tt.want < 0 {
				var d *diag.Diagnostic
				if !errors.As(err, &d) || d.Code != "csv-number-ambiguous" || d.Pos.String() != "n.csv:2:28" {
					t.Fatalf("got %v; want csv-number-ambiguous at n.csv:2:28", err)
				}
				if !strings.Contains(d.Msg.Vi, "1000") || !strings.Contains(d.Msg.Vi, "1,000") || !strings.Contains(d.Msg.En, "1.000") {
					t.Errorf("message lacks a reading: %s / %s", d.Msg.Vi, d.Msg.En)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Total().ReceivedOnline; got != tt.want {
				t.Errorf("received online: got %d, want %d", got, tt.want)
			}
		})
	}
}
