package plan

import (
	"strings"
	"testing"
)

// checkApprox parses text and checks Deadline.Approximate.
func checkApprox(tb testing.TB, text string, approx bool) {
	tb.Helper()
	d, err := ParseDeadline(text, testCtx)
	if err != nil {
		tb.Fatalf("ParseDeadline(%q): %v", text, err)
	}
	if d.Approximate != approx {
		tb.Errorf("ParseDeadline(%q).Approximate = %v, want %v", text, d.Approximate, approx)
	}
}

// TestParseDeadlineExplicitEarlierDateIsTheDeadline: a period and, for the
// same work, a date inside it (“Quý IV/2023, chậm nhất ngày 15/12/2023”):
// the date is the deadline. Dates for different parts of the work keep the
// latest as the task's.
func TestParseDeadlineExplicitEarlierDateIsTheDeadline(t *testing.T) {
	tests := []struct {
		name, text string
		want       want
	}{
		{"quarter, at the latest a day", "Quý IV/2023, chậm nhất ngày 15/12/2023", want{due: "2023-12-15", steps: 2}},
		{"quarter, aside", "Hoàn thành trong Quý IV/2023 (trước 15/12/2023)", want{due: "2023-12-15", steps: 2}},
		{"day first, then its quarter", "chậm nhất ngày 15/12/2023, trong Quý IV/2023", want{due: "2023-12-15", steps: 2}},
		{"month, xong trước", "Tháng 6/2023, xong trước 20/6", want{due: "2023-06-20", steps: 2}},
		{"before a month, at the latest a day", "trước tháng 7/2023, chậm nhất 15/6/2023", want{due: "2023-06-15", steps: 2}},
		{"day, then its hour", "trong ngày 30/04/2023, trước 17h ngày 30/04/2023", want{due: "2023-04-30 17:00", steps: 2}},
		{"no diacritics", "Quy IV/2023, cham nhat ngay 15/12/2023", want{due: "2023-12-15", steps: 2}},
		{"the same end twice", "trong tháng 6/2023, chậm nhất ngày 30/6/2023", want{due: "2023-06-30", steps: 2}},
		{"a later date is not inside", "Quý I/2023, chậm nhất ngày 15/4/2023", want{due: "2023-04-15", steps: 2}},

		// Different parts of the work: the task is done when all are.
		{"riêng, another clause", "Năm 2023; riêng báo cáo sơ kết trước 30/4", want{due: "2023-12-31", steps: 2}},
		{"riêng, same clause", "Hoàn thành trong năm 2023, riêng báo cáo sơ kết trước 30/4/2023", want{due: "2023-12-31", steps: 2}},
		{"và another work", "Hoàn thành trong năm 2023 và báo cáo kết quả trước 15/12/2023", want{due: "2023-12-31", steps: 2}},
		{"aside with another work", "Quý IV/2023 (báo cáo trước 15/12/2023)", want{due: "2023-12-31", steps: 2}},
		{"two days of one list", "trước ngày 14/06 và 14/12", want{due: "2023-12-14", steps: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDeadline(t, tt.text, tt.want)
			checkApprox(t, tt.text, false)
		})
	}
}

// TestParseDeadlinePartsOfAMonth: the first week, the three ten-day parts
// (thượng, trung, hạ tuần) and the vaguer “đầu”, “giữa” of a month.
func TestParseDeadlinePartsOfAMonth(t *testing.T) {
	tests := []struct {
		name, text string
		want       want
		approx     bool
	}{
		{"first week", "Tuần đầu tháng 7/2023", want{due: "2023-07-07", steps: 1}, false},
		{"first week, đầu tiên của", "trong tuần đầu tiên của tháng 7/2023", want{due: "2023-07-07", steps: 1}, false},
		{"last week", "Hoàn thành trong tuần cuối tháng 7/2023", want{due: "2023-07-31", steps: 1}, false},
		{"first ten days", "10 ngày đầu tháng 7/2023", want{due: "2023-07-10", steps: 1}, false},
		{"last five days", "5 ngày cuối tháng 2/2024", want{due: "2024-02-29", steps: 1}, false},
		{"start of a month", "Đầu tháng 7/2023", want{due: "2023-07-10", steps: 1}, true},
		{"start of a month, trong", "Hoàn thành trong đầu tháng 7/2023", want{due: "2023-07-10", steps: 1}, true},
		{"middle of a month", "Giữa tháng 7/2023", want{due: "2023-07-20", steps: 1}, true},
		{"end of a month", "cuối tháng 7/2023", want{due: "2023-07-31", steps: 1}, false},
		{"thượng tuần", "Thượng tuần tháng 7/2023", want{due: "2023-07-10", steps: 1}, false},
		{"trung tuần", "trong trung tuần tháng 7/2023", want{due: "2023-07-20", steps: 1}, false},
		{"hạ tuần", "Hạ tuần tháng 2/2024", want{due: "2024-02-29", steps: 1}, false},
		{"before the start of a month", "trước đầu tháng 7/2023", want{due: "2023-06-30", steps: 1}, false},
		{"from the start of a month", "từ đầu tháng 7/2023", want{start: "2023-07-01", rec: Regularly, steps: 1}, false},
		{"from the middle of a month", "từ giữa tháng 7/2023", want{start: "2023-07-11", rec: Regularly, steps: 1}, false},
		{"from the start of a year", "Thực hiện từ đầu năm 2023", want{start: "2023-01-01", rec: Regularly, steps: 1}, false},
		{"before the start of a year", "trước đầu năm 2024", want{due: "2023-12-31", steps: 1}, false},
		{"between two months", "giữa tháng 3/2023 và tháng 6/2023", want{due: "2023-06-30", steps: 2}, false},
		{"start of a month narrows its quarter", "Quý III/2023, chậm nhất đầu tháng 8/2023", want{due: "2023-08-10", steps: 2}, true},
		{"giữa is a word", "kết nối giữa các ngành trong tháng 5/2023", want{due: "2023-05-31", steps: 1}, false},
		{"tuần tra is not a week", "tập trung tuần tra trong tháng 5/2023", want{due: "2023-05-31", steps: 1}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDeadline(t, tt.text, tt.want)
			checkApprox(t, tt.text, tt.approx)
		})
	}
}

// TestParseDeadlineVaguePartIsAnError: “đầu năm”, “giữa quý” and the like
// name no day a careful reader would agree on, so they are errors rather
// than a guess; “từ đầu năm” (a start) reads.
func TestParseDeadlineVaguePartIsAnError(t *testing.T) {
	tests := []struct {
		name, text, code, words string
	}{
		{"start of a year", "Hoàn thành đầu năm 2024", codeVague, "đầu năm 2024"},
		{"middle of a year", "giữa năm 2023", codeVague, "giữa năm 2023"},
		{"start of a quarter", "trong đầu Quý III/2023", codeVague, "trong đầu Quý III/2023"},
		{"hạ tuần of a quarter", "hạ tuần Quý III/2023", codeVague, "hạ tuần Quý III/2023"},
		{"week of a day", "tuần đầu ngày 5/7/2023", codeVague, "tuần đầu ngày 5/7/2023"},
		{"more days than the month", "40 ngày đầu tháng 7/2023", codeDate, "40 ngày đầu tháng 7/2023"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseDeadline(tt.text, testCtx)
			pe, ok := err.(*ParseError)
			if !ok {
				t.Fatalf("ParseDeadline(%q) error %v, want a *ParseError", tt.text, err)
			}
			if pe.Code != tt.code || pe.Words != tt.words {
				t.Errorf("ParseDeadline(%q): code %q words %q, want %q %q", tt.text, pe.Code, pe.Words, tt.code, tt.words)
			}
			if i := strings.Index(tt.text, tt.words); pe.Offset != i {
				t.Errorf("Offset = %d, want %d", pe.Offset, i)
			}
		})
	}
}
