package view

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/plan"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 23, 59, 59, 0, hcm) }

// task is a task led by lead, due on due (zero: none), with progress p.
func task(code, lead string, due time.Time, p plan.Progress, coord ...string) *data.Task {
	t := &data.Task{Code: code, Title: "Nhiệm vụ " + code, Lead: lead, Coord: coord, Progress: p}
	t.Deadline.Due = due
	if p == plan.Completed {
		t.Completed = due.AddDate(0, 0, -1)
	}
	return t
}

// TestTaskAndUnitOrder: /nhiem-vu/ lists tasks in the plan's code order
// (1.2 before 1.10); a unit's page lists the tasks it leads overdue first,
// each part in code order.
func TestTaskAndUnitOrder(t *testing.T) {
	env := testEnv(t, "vi")
	past, future := day(2023, 5, 31), day(2023, 12, 31)
	tasks := []*data.Task{
		task("1.10", "xa-a", future, plan.Underway),
		task("1.2", "xa-a", past, plan.Completed),
		task("2.1", "xa-a", past, plan.Underway),
		task("1.9", "xa-a", past, plan.Pending, "cong-an-huyen"),
		task("1.3", "cong-an-huyen", future, plan.Pending, "xa-a"),
	}
	tp := Tasks(env, tasks, 14, nil)
	if tp.Page == nil || tp.Page.Path != TasksPath {
		t.Fatalf("tasks page %+v, want one at %s", tp.Page, TasksPath)
	}
	var codes []string
	for _, r := range tp.View.Rows {
		codes = append(codes, r.Task.Code+" "+r.Status.Slug)
	}
	if want := []string{"1.2 dung-han", "1.3 dang-thuc-hien", "1.9 qua-han", "1.10 dang-thuc-hien", "2.1 qua-han"}; !slices.Equal(codes, want) {
		t.Errorf("tracker rows %q, want %q", codes, want)
	}
	if tp.View.Total != 5 || tp.View.Overdue != 2 {
		t.Errorf("total %d, overdue %d; want 5, 2", tp.View.Total, tp.View.Overdue)
	}
	var counts []string
	for _, c := range tp.View.Counts {
		counts = append(counts, c.Slug)
	}
	if want := []string{"dung-han", "dang-thuc-hien", "qua-han"}; !slices.Equal(counts, want) {
		t.Errorf("status counts %q, want %q (legend order)", counts, want)
	}

	pages := Units(env, UnitInputs{Tasks: tp}).All
	if len(pages) != 6 || pages[5].Path != UnitsPath {
		t.Fatalf("got %d unit pages, want 3 units, 2 commune posters, then %s", len(pages), UnitsPath)
	}
	var xaA *UnitView
	for _, p := range pages {
		if p.Path == UnitsPath+"xa-a/" {
			xaA = p.Data.(*UnitView)
		}
	}
	if xaA == nil {
		t.Fatal("no page for xa-a")
	}
	var lead, coord []string
	for _, r := range xaA.Lead {
		lead = append(lead, r.Task.Code)
	}
	for _, r := range xaA.Coord {
		coord = append(coord, r.Task.Code)
	}
	if want := []string{"1.9", "2.1", "1.2", "1.10"}; !slices.Equal(lead, want) {
		t.Errorf("xa-a leads %q, want overdue first: %q", lead, want)
	}
	if want := []string{"1.3"}; !slices.Equal(coord, want) {
		t.Errorf("xa-a coordinates %q, want %q", coord, want)
	}
	if xaA.Overdue != 2 {
		t.Errorf("xa-a overdue %d, want 2", xaA.Overdue)
	}
	uv := pages[5].Data.(*UnitsView)
	var groups []string
	for _, g := range uv.Groups {
		for _, u := range g.Units {
			groups = append(groups, g.Title+" "+u.ID+" "+fmt.Sprintf("%d/%d/%d", u.Tasks, u.Overdue, u.Done))
		}
	}
	want := []string{"[unitKind-huyen] cong-an-huyen 1/0/0", "[unitKind-xa] xa-a 4/2/1", "[unitKind-xa] xa-binh 0/0/0"}
	if !slices.Equal(groups, want) {
		t.Errorf("/don-vi/ groups\n%q\nwant\n%q", groups, want)
	}
}

func TestTaskAnchor(t *testing.T) {
	for code, want := range map[string]string{"1.2": "nv-1-2", "III.4": "nv-iii-4", "Đ.1": "nv-d-1"} {
		if got := TaskAnchor(code); got != want {
			t.Errorf("TaskAnchor(%q) = %q, want %q", code, got, want)
		}
	}
}
