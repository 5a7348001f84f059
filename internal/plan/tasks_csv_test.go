package plan

import (
	"encoding/csv"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
)

// TestSampleTasks reads the sample site's data/tasks.csv and checks that
// every deadline, progress and date in it reads, and that the illustrative
// statuses as of 30/06/2023 are the mix the sample means to show.
func TestSampleTasks(t *testing.T) {
	f, err := os.Open("../../data/tasks.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	header := "ma,nhiem_vu,don_vi_chu_tri,don_vi_phoi_hop,thoi_han,han_cu_the,trang_thai,ngay_hoan_thanh,ket_qua,lien_ket,ghi_chu"
	// Provenance columns (nguon_chu_tri…) follow; package data reads them.
	if got := strings.Join(head, ","); !strings.HasPrefix(got, header+",") && got != header {
		t.Fatalf("header %q, want %q", got, header)
	}
	const thoiHan = 4
	asOf := time.Date(2023, 6, 30, 12, 0, 0, 0, Location())
	count := map[StatusCode]int{}
	var codes []string
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		line, col := r.FieldPos(thoiHan)
		code := row[0]
		codes = append(codes, code)
		d, err := ParseDeadline(row[thoiHan], testCtx)
		if err != nil {
			t.Errorf("%s: %s", code, err.(*ParseError).Diagnostic(diag.Pos{File: "data/tasks.csv", Line: line, Col: col}).Format(diag.VI))
			continue
		}
		if row[2] == "" || row[1] == "" {
			t.Errorf("%s: no task or lead unit", code)
		}
		progress, err := ParseProgress(row[6])
		if err != nil {
			t.Errorf("%s: %v", code, err)
		}
		ts := TaskState{Deadline: d, Progress: progress}
		if row[5] != "" {
			if ts.Due, err = time.Parse("2006-01-02", row[5]); err != nil {
				t.Errorf("%s: han_cu_the: %v", code, err)
			}
		}
		if row[7] != "" {
			if ts.Completed, err = time.Parse("2006-01-02", row[7]); err != nil {
				t.Errorf("%s: ngay_hoan_thanh: %v", code, err)
			}
		}
		if (progress == Completed) != (row[7] != "") {
			t.Errorf("%s: %q with completion date %q", code, row[6], row[7])
		}
		s := Status(ts, asOf, 7)
		count[s]++
		t.Logf("%-8s %-20s %-10s %s", code, s.Slug(), show(d.Due, true), d.Recurrence)
	}
	if len(codes) != 37 {
		t.Errorf("%d tasks", len(codes))
	}
	seen := map[string]bool{}
	for _, c := range codes {
		if seen[c] {
			t.Errorf("code %s twice", c)
		}
		seen[c] = true
	}
	if count[Overdue] < 2 || count[DoneLate] < 2 || count[Done] > 0 ||
		count[DoneOnTime]+count[InProgress]+count[Ongoing]+count[DueSoon] < len(codes)/2 {
		t.Errorf("statuses as of 30/06/2023: %v", count)
	}
}
