package plan

import (
	"testing"
	"time"
)

// TestImmediateWithoutPlanDate: “Thực hiện ngay” is due at once, on the
// day the plan was issued. When nobody wrote that day down, no day is made
// up: the deadline has no due date, is marked Immediate, and the task is
// never judged late; done, it is “hoàn thành”, not “đúng hạn”.
func TestImmediateWithoutPlanDate(t *testing.T) {
	d, err := ParseDeadline("Thực hiện ngay", Context{Year: 2023})
	if err != nil {
		t.Fatal(err)
	}
	if !d.Immediate || !d.Due.IsZero() || !d.Start.IsZero() {
		t.Fatalf("got immediate=%v due=%v start=%v, want immediate, no dates", d.Immediate, d.Due, d.Start)
	}
	now := time.Date(2023, 6, 30, 12, 0, 0, 0, vietnam)
	if got := Status(TaskState{Deadline: d, Progress: Underway}, now, 7); got != InProgress {
		t.Errorf("under way: %v, want %v", got, InProgress)
	}
	if got := Status(TaskState{Deadline: d, Progress: Completed, Completed: now}, now, 7); got != Done {
		t.Errorf("done: %v, want %v", got, Done)
	}

	// With the plan's date, it is due that day.
	issued := time.Date(2023, 3, 10, 0, 0, 0, 0, vietnam)
	d, err = ParseDeadline("Thực hiện ngay", Context{PlanDate: issued})
	if err != nil || !d.Immediate || d.Due.Day() != 10 {
		t.Errorf("with the plan date: %+v, %v", d, err)
	}
}
