package data

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/table"
)

func TestLineList(t *testing.T) {
	for _, tt := range []struct {
		in   []int
		want string
	}{
		{[]int{5}, "line 5"},
		{[]int{5, 9, 10, 11, 12}, "lines 5, 9–12"},
		{[]int{1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23}, "lines 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, …"},
	} {
		if got := lineList(tt.in).En; got != tt.want {
			t.Errorf("lineList(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFutureRowsAreOneWarningPerFile(t *testing.T) {
	now := time.Date(2023, 6, 30, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600))

	ind := testIndicator("x", indicator.Count, indicator.NoDimension)
	tab, l := table.Read(FilePath(ind), []byte("ky,gia_tri\n2023-05,1\n2023-06,2\n2023-07,3\n2023-08,4\n"), table.Options{})
	obs := ParseObservations(ind, tab, mustUnits(t), planFrom, planTo, l)
	kept, future := SetAsideFuture(tab, obs, now, l)
	if len(kept) != 2 || len(future) != 2 || future[0].Value != 3 {
		t.Errorf("kept %v, future %v", kept, future)
	}
	want := []string{"data/chi-tieu/x.csv:4:1: cảnh báo: 2 dòng có kỳ bắt đầu sau ngày đánh giá 30/06/2023 (dòng 4–5), kỳ đầu tiên là \"2023-07\" (Tháng 7/2023): các số liệu này chưa thể có vào ngày đó, nên không được tính, không hiện trên trang"}
	if got := firstLines(l); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	rl := &diag.List{}
	rt, _ := table.Read(tuPhap, []byte(report.Header+"\n"+
		"2023-W25,khai-sinh,1,0,0,1,0,0,0,0,1,0,0,,,,2023-06-26 08:00\n"+
		"2023-W27,khai-sinh,1,0,0,1,0,0,0,0,1,0,0,,,,2023-07-10 08:00\n"), table.Options{})
	rep := ParseReport(rt, mustUnits(t), mustServices(t), report.DefaultRule(), rl)
	rows := rep.SetAsideFuture(now, rl)
	if len(rows) != 1 || len(rep.Rows) != 1 || len(rep.Submissions) != 1 || rep.Submissions[0].Week.String() != "2023-W25" {
		t.Errorf("set aside %v; kept %v, submissions %v", rows, rep.Rows, rep.Submissions)
	}
	want = []string{"data/reports/phong-tu-phap.csv:3:1: cảnh báo: Tuần 27/2023 (2023-W27, 03/07–09/07/2023) bắt đầu sau ngày đánh giá 30/06/2023: số liệu này chưa thể có vào ngày đó, nên không được tính, không hiện trên trang"}
	if got := firstLines(rl); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// firstLines is the first line of each diagnostic, in Vietnamese.
func firstLines(l *diag.List) []string {
	var out []string
	for _, s := range formatted(l, diag.VI) {
		out = append(out, strings.SplitN(s, "\n", 2)[0])
	}
	return out
}
