package view

import (
	"fmt"
	"time"

	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/site"
)

// Filters narrow /nhiem-vu/ and /chi-tieu/ to the rows of one status, one
// unit or one group of the plan. Each filter is a page of its own, made
// here with the same rows as the full list, so that a filter link works
// without JavaScript and the home page's numbers are the lengths of those
// pages' lists. On the full list, site.js filters the rows in place
// instead, by the rows' data-* attributes, and keeps the choice in the
// query string (?trang-thai=qua-han&don-vi=…), which it reads on load.

// Filter keys: a row's data-<key> attribute, a filter link's
// data-filter-key, and the query parameter site.js writes.
const (
	FilterStatus = "trang-thai"
	FilterUnit   = "don-vi"
	FilterGroup  = "nhom"
)

// Filter is one choice of a filter set: the rows whose Key is Value.
type Filter struct {
	Key, Value string
	Label      string
	// Badge is set for a status: its slug and icon, so the link shows the
	// status as everywhere else, never by colour alone.
	Badge *StatusBadge
	// N is how many rows the filter keeps: the length of its page's list.
	N int
	// Path is the filter's own page.
	Path string
	// Current marks the filter its page shows.
	Current bool
}

// FilterSet is the choices of one key, in the order shown.
type FilterSet struct {
	Key, Title string
	Options    []*Filter
	// Open shows the choices at once; the others sit behind a <details>
	// (units and groups, which are many).
	Open bool
}

// current returns sets whose option f is marked current; the choices are
// copied, so that each page marks its own.
func current(sets []FilterSet, f *Filter) []FilterSet {
	out := make([]FilterSet, len(sets))
	for i, s := range sets {
		out[i] = s
		out[i].Options = make([]*Filter, len(s.Options))
		for j, o := range s.Options {
			c := *o
			c.Current = o == f
			out[i].Options[j] = &c
			if c.Current {
				out[i].Open = true
			}
		}
	}
	return out
}

// IsFilterPage reports whether p is a filter's page: a part of a list
// shown elsewhere in full, which the search index leaves out (its rows are
// there as tasks and indicators).
func IsFilterPage(p *site.Page) bool {
	switch v := p.Data.(type) {
	case *TasksView:
		return v.Filter != nil
	case *IndicatorsView:
		return v.Filter != nil
	}
	return IsSortedCopy(p)
}

// taskRank orders task statuses worst first: what is late, then what is
// due, then what runs, then what is done (done late before done on time).
var taskRank = map[plan.StatusCode]int{
	plan.Overdue: 0, plan.DueSoon: 1, plan.InProgress: 2, plan.Conditional: 3, plan.Ongoing: 4,
	plan.NotStarted: 5, plan.DoneLate: 6, plan.Done: 7, plan.DoneOnTime: 8,
}

// compareWorst orders task rows worst first; within a status, the earliest
// due first (the longest overdue, the nearest deadline), then plan order.
func compareWorst(a, b *TaskRow) int {
	if d := taskRank[a.Code] - taskRank[b.Code]; d != 0 {
		return d
	}
	ad, bd := a.Task.Due(), b.Task.Due()
	switch {
	case ad.IsZero() != bd.IsZero():
		if ad.IsZero() {
			return 1
		}
		return -1
	case !ad.Equal(bd):
		return ad.Compare(bd)
	}
	return plan.CompareCodes(a.Task.Code, b.Task.Code)
}

// indicatorRank orders indicator statuses worst first.
var indicatorRank = map[indicator.Status]int{
	indicator.Missed: 0, indicator.AtRisk: 1, indicator.BelowTarget: 2, indicator.Behind: 3,
	indicator.NoData: 4, indicator.OnTrack: 5, indicator.Achieved: 6,
}

// WeekLabel is a week in words with its days: "Tuần 25/2023
// (19–25/06/2023)", "Week 25, 2023 (19–25 Jun 2023)"; any other period
// is its label.
func WeekLabel(p period.Period, lang string) string {
	l := p.Label(DiagLang(lang))
	if p.Kind != period.Week {
		return l
	}
	first, last := p.Start(), p.End().AddDate(0, 0, -1)
	return l + " (" + dayRange(first, last, lang) + ")"
}

// dayRange writes two days, sharing the month and year when they can:
// "19–25/06/2023", "26/06–02/07/2023", "26/12/2022–01/01/2023".
func dayRange(a, b time.Time, lang string) string {
	if lang == "en" {
		switch {
		case a.Year() != b.Year():
			return a.Format("2 Jan 2006") + "–" + b.Format("2 Jan 2006")
		case a.Month() != b.Month():
			return a.Format("2 Jan") + "–" + b.Format("2 Jan 2006")
		}
		return fmt.Sprintf("%d–%s", a.Day(), b.Format("2 Jan 2006"))
	}
	switch {
	case a.Year() != b.Year():
		return a.Format("02/01/2006") + "–" + b.Format("02/01/2006")
	case a.Month() != b.Month():
		return a.Format("02/01") + "–" + b.Format("02/01/2006")
	}
	return a.Format("02") + "–" + b.Format("02/01/2006")
}
