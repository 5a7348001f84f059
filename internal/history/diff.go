package history

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/plan"
)

// Kind is what a change changed.
type Kind int

const (
	// FigureNew: a period's figure appears for the first time.
	FigureNew Kind = iota
	// FigureRevised: a figure already published got another value.
	FigureRevised
	// FigureRemoved: a figure already published was taken out.
	FigureRemoved
	// TargetValue: a target's value changed.
	TargetValue
	// TargetDeadline: a target's deadline (or the day it holds from) moved.
	TargetDeadline
	// TaskNew and TaskRemoved: a task added to or taken out of tasks.csv.
	TaskNew
	TaskRemoved
	// TaskDeadline: a task's deadline words or due date changed.
	TaskDeadline
	// TaskStatus: a task's progress changed (hoàn thành…).
	TaskStatus
	// TaskLead: a task's lead unit changed.
	TaskLead
)

// Change is one published change of one indicator or task.
type Change struct {
	Kind Kind
	// Subject is the indicator's id or the task's code.
	Subject string
	// Period is the period of a figure.
	Period period.Period
	// Target is the index of a target among the indicator's targets.
	Target int
	// Old and New are figures or target values; HasOld and HasNew say
	// whether there was one.
	Old, New       float64
	HasOld, HasNew bool
	// OldTime and NewTime are deadlines, due dates or completion dates.
	OldTime, NewTime time.Time
	// OldText and NewText are deadline words, lead unit ids, progress
	// words (plan.Progress's Vietnamese).
	OldText, NewText string
	// Commit is the commit that made the change.
	Commit *Commit
}

// snapshot is what the site would have published from one commit's data/:
// each indicator's district totals by period and its targets, and each
// task's deadline, progress and lead.
type snapshot struct {
	figures map[string]map[period.Period]float64
	order   []string // indicator ids, in data order
	targets map[string][]indicator.Target
	tasks   map[string]task
	codes   []string // task codes, in data order
}

type task struct {
	deadline  string
	due       time.Time
	progress  plan.Progress
	completed time.Time
	lead      string
}

// snap takes the snapshot of d, judged at now as the site is.
func snap(d *data.Set, now time.Time) *snapshot {
	s := &snapshot{figures: map[string]map[period.Period]float64{}, targets: map[string][]indicator.Target{}, tasks: map[string]task{}}
	for _, ser := range d.Indicators {
		id := ser.Ind.ID
		res := indicator.Compute(ser.Ind, ser.Obs, now, indicator.Method{})
		m := map[period.Period]float64{}
		for _, p := range res.Series {
			m[p.Period] = p.Value
		}
		s.figures[id] = m
		s.order = append(s.order, id)
		s.targets[id] = slices.Clone(ser.Ind.Targets)
	}
	for _, t := range d.Tasks {
		s.tasks[t.Code] = task{deadline: t.DeadlineText, due: t.Due(), progress: t.Progress, completed: t.Completed, lead: t.Lead}
		s.codes = append(s.codes, t.Code)
	}
	return s
}

// same reports whether two figures are one: the same number read from
// two commits' CSV cells.
func same(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(a)) }

// diff lists what changed from prev to cur, in data order: each
// indicator's figures by period, then its targets, then the tasks. prev
// nil means cur is the first snapshot: everything is new.
func diff(prev, cur *snapshot, c *Commit) []Change {
	if prev == nil {
		prev = &snapshot{}
	}
	var out []Change
	for _, id := range cur.order {
		old, known := prev.figures[id]
		now := cur.figures[id]
		var periods []period.Period
		for p := range now {
			periods = append(periods, p)
		}
		for p := range old {
			if _, ok := now[p]; !ok {
				periods = append(periods, p)
			}
		}
		slices.SortFunc(periods, func(a, b period.Period) int {
			return cmp.Or(a.Start().Compare(b.Start()), strings.Compare(a.String(), b.String()))
		})
		for _, p := range periods {
			o, had := old[p]
			n, has := now[p]
			ch := Change{Subject: id, Period: p, Old: o, New: n, HasOld: had, HasNew: has, Commit: c}
			switch {
			case had && has && !same(o, n):
				ch.Kind = FigureRevised
			case had && !has:
				ch.Kind = FigureRemoved
			case !had && has:
				ch.Kind = FigureNew
			default:
				continue
			}
			out = append(out, ch)
		}
		if known {
			out = append(out, targetChanges(id, prev.targets[id], cur.targets[id], c)...)
		}
	}
	for _, code := range cur.codes {
		n := cur.tasks[code]
		o, had := prev.tasks[code]
		if !had {
			out = append(out, Change{Kind: TaskNew, Subject: code, NewText: n.deadline, NewTime: n.due, Commit: c})
			continue
		}
		if o.deadline != n.deadline || !o.due.Equal(n.due) {
			out = append(out, Change{Kind: TaskDeadline, Subject: code, OldText: o.deadline, NewText: n.deadline, OldTime: o.due, NewTime: n.due, Commit: c})
		}
		if o.progress != n.progress || !o.completed.Equal(n.completed) {
			out = append(out, Change{Kind: TaskStatus, Subject: code, OldText: o.progress.String(), NewText: n.progress.String(),
				OldTime: o.completed, NewTime: n.completed, Commit: c})
		}
		if o.lead != n.lead {
			out = append(out, Change{Kind: TaskLead, Subject: code, OldText: o.lead, NewText: n.lead, Commit: c})
		}
	}
	for _, code := range prev.codes {
		if _, ok := cur.tasks[code]; !ok {
			out = append(out, Change{Kind: TaskRemoved, Subject: code, OldText: prev.tasks[code].deadline, Commit: c})
		}
	}
	return out
}

// targetChanges compares an indicator's targets in order: the i-th target
// of one commit with the i-th of the next.
func targetChanges(id string, old, now []indicator.Target, c *Commit) []Change {
	var out []Change
	for i := range max(len(old), len(now)) {
		ch := Change{Subject: id, Target: i, Commit: c}
		var o, n indicator.Target
		if i < len(old) {
			o, ch.HasOld, ch.Old, ch.OldTime = old[i], true, old[i].Value, when(old[i])
		}
		if i < len(now) {
			n, ch.HasNew, ch.New, ch.NewTime = now[i], true, now[i].Value, when(now[i])
		}
		switch {
		case ch.HasOld && ch.HasNew && !when(o).Equal(when(n)):
			ch.Kind = TargetDeadline
			out = append(out, ch)
			if !same(o.Value, n.Value) {
				v := ch
				v.Kind = TargetValue
				out = append(out, v)
			}
		case ch.HasOld && ch.HasNew && !same(o.Value, n.Value), ch.HasOld != ch.HasNew:
			ch.Kind = TargetValue
			out = append(out, ch)
		}
	}
	return out
}

// when is a target's deadline, or the day a standing target holds from.
func when(t indicator.Target) time.Time {
	if !t.Deadline.IsZero() {
		return t.Deadline
	}
	return t.From
}
