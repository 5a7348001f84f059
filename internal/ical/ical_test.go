package ical

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a,b;c\\d", `a\,b\;c\\d`},
		{"dòng 1\r\ndòng 2\nba", `dòng 1\ndòng 2\nba`},
		{"tab\there\x00", "tab here "},
	} {
		if got := Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestFolding checks every content line: at most 75 octets, CRLF ends,
// no UTF-8 character split, and unfolding gives back the value.
func TestFolding(t *testing.T) {
	long := strings.Repeat("Tổ chức kiểm tra thực hiện xong trước ngày 30/04/2023; ", 9)
	cal := Encode(Calendar{Name: "Hạn nhiệm vụ", Zone: "Asia/Ho_Chi_Minh", Offset: 7 * time.Hour,
		Stamp:  time.Date(2023, 6, 30, 16, 59, 59, 0, time.UTC),
		Events: []Event{{UID: "nhiem-vu-1-2@example", Summary: long, Description: long + "\n" + long, Date: time.Date(2023, 4, 30, 0, 0, 0, 0, time.UTC), AllDay: true}}})
	if !bytes.HasSuffix(cal, []byte("END:VCALENDAR\r\n")) {
		t.Fatalf("does not end with END:VCALENDAR CRLF")
	}
	if bytes.Contains(bytes.ReplaceAll(cal, []byte("\r\n"), nil), []byte("\n")) {
		t.Errorf("a bare LF")
	}
	folded := 0
	for _, line := range strings.Split(strings.TrimSuffix(string(cal), "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line splits a character: %q", line)
		}
		if strings.HasPrefix(line, " ") {
			folded++
		}
	}
	if folded < 10 {
		t.Errorf("only %d continuation lines for a long summary and description", folded)
	}
	unfolded := strings.ReplaceAll(string(cal), "\r\n ", "")
	if !strings.Contains(unfolded, "SUMMARY:"+Text(long)+"\r\n") {
		t.Errorf("unfolded summary differs")
	}
	for _, want := range []string{"DTSTART;VALUE=DATE:20230430\r\n", "DTEND;VALUE=DATE:20230501\r\n", "DTSTAMP:20230630T165959Z\r\n"} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("no %q", want)
		}
	}
	// All-day events only: no VTIMEZONE is needed.
	if strings.Contains(unfolded, "BEGIN:VTIMEZONE") {
		t.Errorf("VTIMEZONE without a timed event")
	}
}

func TestTimedEventHasZone(t *testing.T) {
	loc := time.FixedZone("Asia/Ho_Chi_Minh", 7*3600)
	cal := string(Encode(Calendar{Zone: "Asia/Ho_Chi_Minh", Offset: 7 * time.Hour,
		Events: []Event{{UID: "bao-cao-tuan@x", Summary: "Báo cáo tuần", Date: time.Date(2023, 1, 3, 9, 0, 0, 0, loc), Rule: "FREQ=WEEKLY;BYDAY=TU"}}}))
	for _, want := range []string{"BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n", "TZOFFSETTO:+0700\r\n",
		"DTSTART;TZID=Asia/Ho_Chi_Minh:20230103T090000\r\n", "RRULE:FREQ=WEEKLY;BYDAY=TU\r\n"} {
		if !strings.Contains(cal, want) {
			t.Errorf("no %q in\n%s", want, cal)
		}
	}
}

// FuzzEncode: whatever a task's text holds (it comes from tasks.csv),
// every content line stays within 75 octets and valid UTF-8, ends in
// CRLF, and unfolding and unescaping gives the text back.
func FuzzEncode(f *testing.F) {
	f.Add("Tổ chức kiểm tra; xong trước ngày 30/04/2023, báo cáo\\kết quả\nlần 2")
	f.Add(strings.Repeat("ệ", 40))
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		cal := string(Encode(Calendar{Events: []Event{{UID: "x", Summary: s, AllDay: true}}}))
		if strings.Contains(strings.ReplaceAll(cal, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(cal, "\r\n", ""), "\r") {
			t.Fatalf("a bare line break in %q", cal)
		}
		for _, line := range strings.Split(strings.TrimSuffix(cal, "\r\n"), "\r\n") {
			if len(line) > 75 || !utf8.ValidString(line) {
				t.Fatalf("line %q", line)
			}
		}
		unfolded := strings.ReplaceAll(cal, "\r\n ", "")
		_, rest, _ := strings.Cut(unfolded, "SUMMARY:")
		value, _, _ := strings.Cut(rest, "\r\n")
		if got, want := unescape(value), textOf(s); got != want {
			t.Fatalf("summary %q reads back as %q, want %q", s, got, want)
		}
	})
}

// unescape reads a TEXT value back (RFC 5545 3.3.11).
func unescape(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) {
			i++
			if v[i] == 'n' || v[i] == 'N' {
				b.WriteByte('\n')
			} else {
				b.WriteByte(v[i])
			}
			continue
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

// textOf is what Text keeps of s: line breaks as LF, other control
// characters as spaces.
func textOf(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r != '\n' && (r < 0x20 || r == 0x7f):
			return ' '
		}
		return r
	}, s)
}
