package view

import (
	"github.com/tiendo/tiendo/internal/plan"
)

// HomeView is the data of the home page (.Page.Data of layout home): the
// state of the plan at a glance. Every number is the length of a list
// another page shows — a filter page's, /bao-cao/'s — taken from that
// list's view, so the two cannot disagree; each links there.
type HomeView struct {
	// Indicators are the indicators by status, worst first, each with its
	// filter page; IndicatorsTotal is how many there are.
	Indicators      []*Filter
	IndicatorsTotal int
	IndicatorsPath  string
	// Overdue and DueSoon are the tasks overdue and due soon; a Filter
	// with N 0 and no Path when no task is.
	Overdue, DueSoon *Filter
	TasksTotal       int
	TasksPath        string
	// Week is the last week whose report was due, in words with its days
	// ("Tuần 25/2023 (19–25/06/2023)"); NotReported the units that sent no
	// report for it, listed on ReportsPath (its section #tuan-moi-nhat).
	// Week is empty without weekly reports.
	Week        string
	NotReported []UnitRef
	ReportsPath string
}

// Home is the home page's view from the views of the lists it sums up;
// nil when the site has no data.
func Home(env Env, inds *IndicatorsView, tasks *TasksView, reps *ReportsView) *HomeView {
	if inds == nil && tasks == nil && reps == nil {
		return nil
	}
	v := &HomeView{}
	if inds != nil {
		v.IndicatorsTotal, v.IndicatorsPath = inds.Total, IndicatorsPath
		for _, set := range inds.Filters {
			if set.Key == FilterStatus {
				v.Indicators = set.Options // worst first, as the list
			}
		}
	}
	if tasks != nil {
		v.TasksTotal, v.TasksPath = tasks.Total, TasksPath
		or := func(f *Filter, code plan.StatusCode) *Filter {
			if f != nil {
				return f
			}
			b := Badge(code, env.Lang)
			return &Filter{Key: FilterStatus, Value: b.Slug, Label: b.Label, Badge: &b}
		}
		v.Overdue = or(tasks.StatusFilter(plan.Overdue), plan.Overdue)
		v.DueSoon = or(tasks.StatusFilter(plan.DueSoon), plan.DueSoon)
	}
	if reps != nil {
		v.Week, v.NotReported, v.ReportsPath = reps.Week, reps.NotReported, ReportsPath
	}
	return v
}
