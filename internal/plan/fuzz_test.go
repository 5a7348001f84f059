package plan

import (
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
)

// FuzzParseDeadline checks that no words make the parser panic, that what it
// reads stays within 1900–2200, and that its errors point into the words.
// Seeds are in testdata/fuzz/FuzzParseDeadline.
func FuzzParseDeadline(f *testing.F) {
	f.Add("Hoàn thành trong Quý I/2023 và thực hiện thường xuyên.", 2023)
	f.Add("trước 09h ngày Thứ 3 hàng tuần", 2023)
	f.Fuzz(func(t *testing.T, text string, year int) {
		ctx := Context{Year: year, PlanDate: time.Date(2023, 3, 21, 0, 0, 0, 0, time.UTC)}
		d, err := ParseDeadline(text, ctx)
		if err != nil {
			pe, ok := err.(*ParseError)
			if !ok {
				t.Fatalf("error %T, want *ParseError", err)
			}
			if pe.Offset < 0 || pe.Offset+len(pe.Words) > len(text) || text[pe.Offset:pe.Offset+len(pe.Words)] != pe.Words {
				t.Fatalf("error words %q at %d are not in %q", pe.Words, pe.Offset, text)
			}
			if pe.Msg.Vi == "" || pe.Msg.En == "" || pe.Hint.Vi == "" || pe.Hint.En == "" || pe.Code == "" {
				t.Fatalf("incomplete error %+v", pe)
			}
			pe.Diagnostic(diag.Pos{File: "f", Line: 1, Col: 1})
			return
		}
		times := []time.Time{d.Due, d.Start}
		var latest time.Time
		for _, s := range d.Steps {
			if !s.Narrowed && s.Due.After(latest) {
				latest = s.Due
			}
			if s.Due.IsZero() && s.Start.IsZero() {
				t.Fatalf("step without a date: %+v", s)
			}
			if !strings.Contains(text, s.Words) {
				t.Fatalf("step words %q are not in %q", s.Words, text)
			}
			times = append(times, s.Due, s.Start)
		}
		if !d.Due.Equal(latest) {
			t.Fatalf("%q: due %v, but the latest step not narrowed is due %v", text, d.Due, latest)
		}
		if d.Approximate && d.Due.IsZero() {
			t.Fatalf("%q: approximate without a due date", text)
		}
		for _, tm := range times {
			if tm.IsZero() {
				continue
			}
			if y := tm.In(Location()).Year(); y < 1900 || y > 2200 {
				t.Fatalf("%q: date %v outside 1900–2200", text, tm)
			}
		}
		if d.Recurrence < Once || d.Recurrence > Yearly {
			t.Fatalf("recurrence %d", d.Recurrence)
		}
		if d.Recurrence == Monthly && (d.Day < 0 || d.Day > 31) {
			t.Fatalf("monthly day %d", d.Day)
		}
		for _, md := range d.Dates {
			if md.Month < 1 || md.Month > 12 || md.Day < 1 || md.Day > 31 {
				t.Fatalf("yearly date %v", md)
			}
		}
		if d.At < 0 || d.At >= 24*time.Hour {
			t.Fatalf("at %v", d.At)
		}
		now := time.Date(2023, 6, 30, 12, 0, 0, 0, Location())
		d.Next(now)
		Status(TaskState{Deadline: d}, now, 7)
	})
}
