package view

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/history"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/output"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/site"
)

// FeedFile is the name of a subject's Atom feed, under its page.
const FeedFile = "atom.xml"

// feedLength is how many entries, newest first, a subject's feed keeps.
const feedLength = 50

// SubjectFeeds writes an Atom feed for each indicator (/chi-tieu/<id>/
// atom.xml: each figure, and each change of status) and each unit
// (/don-vi/<id>/atom.xml: the tasks it leads completed or fallen overdue,
// its weekly reports received), and sets Page.Feed on their pages.
//
// Every entry is an event the data dates: a figure is dated at the commit
// that first published it when the git history is read (h), else at the
// end of its period, the first moment it can be known; a revision, with
// history, at its commit, its message as the reason; a status change at the end of the period whose
// figure changed it, judged as the page judges it then; a task's
// completion at ngay_hoan_thanh, its falling overdue at its due date; a
// report at ngay_gui. Ids are made of the subject and the event, so a
// reader shows each event once. Nothing dated after the moment judged at
// appears. A feed needs absolute addresses: without them, none is written.
func SubjectFeeds(env Env, judged []Indicator, inds IndicatorPages, tasks TaskPages, units []*site.Page, w *data.Weekly, h *history.History, feed FeedOptions, m indicator.Method) Out {
	var out Out
	if !feed.Absolute {
		return out
	}
	f := feeds{env: env, feed: feed, hv: newHistoryView(env, h, judged)}
	for i, k := range judged {
		if i >= len(inds.Pages) {
			break
		}
		p := inds.Pages[i]
		out.Files = append(out.Files, f.write(p, f.indicator(p, k, m)))
	}
	var subs []subm
	if w != nil {
		for _, r := range w.Files {
			for _, s := range r.Submissions {
				subs = append(subs, subm{unit: s.Unit, week: s.Week.String(), label: WeekLabel(s.Week, env.Lang), path: weekPath(s.Week), at: s.At,
					late: s.At.After(w.Rule.Due(s.Week))})
			}
		}
	}
	for _, p := range units {
		v, ok := p.Data.(*UnitView)
		if !ok {
			continue
		}
		var entries []output.FeedEntry
		for _, r := range v.Lead {
			entries = append(entries, f.task(r)...)
		}
		for _, s := range subs {
			if s.unit == v.Unit.ID && !s.at.After(env.Now) {
				sent := env.T("feedReportOnTime")
				if s.late {
					sent = env.T("feedReportLate")
				}
				entries = append(entries, output.FeedEntry{Title: s.label + ": " + sent,
					URL: feed.URLs.Abs(s.path), ID: feed.URLs.Abs(p.Path) + "#bao-cao-" + strings.ToLower(s.week),
					Summary: env.T("feedReportSent") + " " + env.loc().Date(s.at) + ".", Updated: s.at})
			}
		}
		out.Files = append(out.Files, f.write(p, entries))
	}
	return out
}

type subm struct {
	unit, week, label, path string
	at                      time.Time
	late                    bool
}

type feeds struct {
	env  Env
	feed FeedOptions
	hv   historyView
}

// revisions are the entries of the published changes of subject read
// from git (see History), dated at their commits, the message as the
// reason; and, by period, when each figure was first published.
func (f feeds) revisions(subject, url string) ([]output.FeedEntry, map[period.Period]time.Time) {
	var entries []output.FeedEntry
	published := map[period.Period]time.Time{}
	sep := "#" // an id has one fragment: a task's address has its own
	if strings.Contains(url, "#") {
		sep = "-"
	}
	for _, ch := range f.hv.changes(subject) {
		if ch.Kind == history.FigureNew {
			published[ch.Period] = ch.Commit.When // newest first: the first publication last
			continue
		}
		r, ok := f.hv.revision(ch)
		if !ok {
			continue
		}
		entries = append(entries, output.FeedEntry{Title: f.env.T("feedRevision") + " " + r.What, URL: url,
			ID:      url + sep + "sua-" + ch.Commit.Short() + "-" + r.Kind + "-" + strings.ToLower(ch.Period.String()) + fmt.Sprint(ch.Target),
			Updated: ch.Commit.When, Summary: f.env.T("feedRevisionReason") + " “" + ch.Commit.Message + "”"})
	}
	return entries, published
}

// write sets p's feed and makes its file: the newest entries first.
func (f feeds) write(p *site.Page, entries []output.FeedEntry) File {
	slices.SortStableFunc(entries, func(a, c output.FeedEntry) int {
		return cmp.Or(c.Updated.Compare(a.Updated), strings.Compare(a.ID, c.ID))
	})
	p.Feed = p.Path + FeedFile
	return File{Path: strings.TrimPrefix(p.Feed, "/"),
		Data: output.Atom(f.env.Lang, p.Title+" – "+f.feed.Title, f.feed.Author, f.feed.URLs.Abs(p.Path), f.feed.URLs.Abs(p.Feed), entries[:min(len(entries), feedLength)])}
}

// indicator is the entries of one indicator: a figure per period, and a
// status change where the status judged at a period's end differs from
// the one judged at the previous period's end.
func (f feeds) indicator(p *site.Page, k Indicator, m indicator.Method) []output.FeedEntry {
	page := f.feed.URLs.Abs(p.Path)
	entries, published := f.revisions(k.Ind.ID, page)
	dl := f.env.dl()
	var prev indicator.Status
	for i, pt := range k.Result.Series {
		end := indicator.DeadlineOf(pt.Period, f.env.Location)
		if end.After(f.env.Now) {
			end = f.env.Now // a week reported before its end, judged now
		}
		label := pt.Period.Label(dl)
		if f.env.Lang == "vi" {
			// “Số liệu tháng 6/2023”: the label starts a sentence alone.
			r := []rune(label)
			label = strings.ToLower(string(r[:1])) + string(r[1:])
		}
		fig := output.FeedEntry{Title: f.env.T("feedFigure") + " " + label + ": " + f.env.format(k.Ind, pt.Value, true),
			URL: page, ID: page + "#ky-" + strings.ToLower(pt.Period.String()), Updated: end, Summary: f.env.T("feedFigureDated")}
		if at, ok := published[pt.Period]; ok {
			fig.Updated, fig.Summary = at, f.env.T("feedFigurePublished")+" "+f.env.loc().Date(at)+"."
		}
		entries = append(entries, fig)
		var upto []indicator.Observation
		for _, o := range k.Obs {
			if !o.Period.End().After(pt.Period.End()) {
				upto = append(upto, o)
			}
		}
		st := indicator.Compute(k.Ind, upto, end, m).Status
		if i > 0 && st != prev {
			entries = append(entries, output.FeedEntry{
				Title: f.env.T("feedStatus") + ": " + prev.Label().In(dl) + " → " + st.Label().In(dl),
				URL:   page, ID: page + "#tinh-trang-" + strings.ToLower(pt.Period.String()), Updated: end,
				Summary: f.env.T("feedStatusWhy") + " " + label + "."})
		}
		prev = st
	}
	return entries
}

// task is the entries of a task a unit leads: its completion, and its
// falling overdue when its due date passed before it was done.
func (f feeds) task(r *TaskRow) []output.FeedEntry {
	var entries []output.FeedEntry
	t := r.Task
	id := f.feed.URLs.Abs(TasksPath) + "#" + r.Anchor
	title := r.PlanCode + ": " + shorten(t.Title, 120)
	if !t.Completed.IsZero() && !t.Completed.After(f.env.Now) {
		entries = append(entries, output.FeedEntry{Title: f.env.T("feedTaskDone") + " " + title, URL: id, ID: id + "-hoan-thanh",
			Updated: startOfDay(t.Completed, f.env.Location), Summary: f.env.T("completedOn") + " " + r.DoneText + "."})
	}
	due := t.Due()
	if !due.IsZero() && due.Before(f.env.Now) && (t.Completed.IsZero() || t.Completed.After(due)) {
		entries = append(entries, output.FeedEntry{Title: f.env.T("feedTaskOverdue") + " " + title, URL: id, ID: id + "-qua-han",
			Updated: due, Summary: f.env.T("dueOn") + " " + f.env.loc().Date(due) + "."})
	}
	revs, _ := f.revisions(t.Code, id)
	for _, e := range revs {
		e.Title = f.env.T("task") + " " + r.PlanCode + " – " + strings.TrimPrefix(e.Title, f.env.T("feedRevision")+" ")
		entries = append(entries, e)
	}
	return entries
}

// startOfDay is the first moment of t's day in loc: a date of the data,
// which has no time of day, as Atom's date-time needs it.
func startOfDay(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}
