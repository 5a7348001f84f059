package view

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/history"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/output"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/site"
)

// ChangesPath is the page of every publication read from git (/cap-nhat/).
const ChangesPath = "/cap-nhat/"

// Revision is one published change of an indicator or a task, as its
// page lists it under "Lịch sử sửa đổi".
type Revision struct {
	// Date and ISODate are the commit's day.
	Date    string `json:"-"`
	ISODate string `json:"ngay"`
	// Kind is a slug: "sua-so-lieu", "bo-so-lieu", "muc-tieu",
	// "thoi-han-muc-tieu", "thoi-han", "tinh-trang", "chu-tri".
	Kind string `json:"loai"`
	// What says what changed, old → new: "Tháng 5/2023: 41.250 → 40.980".
	What string `json:"noi_dung"`
	// Reason is the commit message; Commit its short hash.
	Reason string `json:"ly_do"`
	Commit string `json:"commit"`
}

// OriginalTargets is an indicator judged against its targets as first
// published, when they have since changed: moving the goalposts shows.
type OriginalTargets struct {
	// Targets are the original targets in words: "1.000 (31/12/2023)".
	Targets string
	// Status is the indicator's status today against them.
	Status StatusBadge
}

// HistoryNote is what a page says of how far back its history goes.
type HistoryNote struct {
	// Since is the date of the oldest commit read; Shallow is set when the
	// clone has no older history.
	Since   string
	Shallow bool
}

// ChangesView is the data of /cap-nhat/.
type ChangesView struct {
	Entries []ChangeEntry
	Note    HistoryNote
	Feed    string
}

// ChangeEntry is one publication: a commit that changed data/ or content/.
type ChangeEntry struct {
	Date, ISODate, Anchor string
	Message, Commit       string
	Items                 []ChangeItem
	when                  time.Time
}

// ChangeItem is one line of an entry: a subject (linked) and what
// happened to it.
type ChangeItem struct {
	Subject site.Link
	Text    string
}

// History puts the revision history read from git on the pages: each
// indicator's and task's revisions (IndicatorView.Revisions,
// TaskRow.Revisions, and "lich_su_sua_doi" in their JSON downloads), and
// /cap-nhat/ with its Atom feed. h nil (no git, --no-history) changes
// nothing. Commits after the moment judged at are left out, as figures
// after it are: a site judged at a past day shows what was published by
// then.
func History(env Env, h *history.History, judged []Indicator, inds IndicatorPages, tasks TaskPages, pages map[string]*site.Page, feed FeedOptions, m indicator.Method) ([]*site.Page, Out) {
	var out Out
	if h == nil {
		return nil, out
	}
	hv := newHistoryView(env, h, judged)
	note := HistoryNote{Shallow: h.Shallow}
	if !h.Since.After(env.Now) {
		note.Since = env.loc().Date(h.Since)
	}
	byInd := map[string][]Revision{}
	byTask := map[string][]Revision{}
	cv := &ChangesView{Note: note}
	for _, c := range h.Commits {
		if c.When.After(env.Now) || c.Baseline {
			continue
		}
		entry := ChangeEntry{Date: env.loc().Date(c.When), ISODate: c.When.Format("2006-01-02"), Anchor: "c-" + c.Short(),
			Message: c.Message, Commit: c.Short(), when: c.When}
		entry.Items = hv.items(c, pages)
		for _, ch := range c.Changes {
			if r, ok := hv.revision(ch); ok {
				if ch.Kind >= history.TaskNew {
					byTask[ch.Subject] = append(byTask[ch.Subject], r)
				} else {
					byInd[ch.Subject] = append(byInd[ch.Subject], r)
				}
			}
		}
		cv.Entries = append(cv.Entries, entry)
	}

	for i, v := range inds.Views {
		if i >= len(judged) {
			break
		}
		id := judged[i].Ind.ID
		v.Revisions, v.History = byInd[id], &note
		v.Original = hv.original(judged[i], m)
		for _, ch := range hv.changes(id) {
			for j := range v.Series {
				if ch.Kind == history.FigureRevised && v.Series[j].Key == ch.Period.String() {
					v.Series[j].Revised = true
				}
			}
		}
		addJSON(inds.Out.Files, v.Downloads, strings.TrimPrefix(IndicatorsPath, "/")+id+"/"+id+".json", byInd[id])
	}
	if tasks.View != nil {
		for _, r := range tasks.View.Rows {
			r.Revisions = byTask[r.Task.Code]
		}
		tasks.View.History = &note
		addJSON(tasks.Out.Files, tasks.View.Downloads, strings.TrimPrefix(TasksPath, "/")+"nhiem-vu.json", byTask)
	}

	page := env.page(&site.Page{Path: ChangesPath, Layout: "changes", Title: env.T("changesTitle"),
		Description: env.T("changesDescription"), Data: cv}, nil)
	if feed.Absolute {
		cv.Feed = ChangesPath + FeedFile
		page.Feed = cv.Feed
		var entries []output.FeedEntry
		for _, e := range cv.Entries {
			var lines []string
			for _, it := range e.Items {
				lines = append(lines, it.Subject.Title+": "+it.Text)
			}
			title, _, _ := strings.Cut(e.Message, "\n")
			entries = append(entries, output.FeedEntry{Title: e.Date + " – " + title, URL: feed.URLs.Abs(ChangesPath) + "#" + e.Anchor,
				ID: feed.URLs.Abs(ChangesPath) + "#" + e.Anchor, Summary: strings.Join(lines, "; "), Updated: e.when})
		}
		out.Files = append(out.Files, File{Path: strings.TrimPrefix(cv.Feed, "/"),
			Data: output.Atom(env.Lang, env.T("changesTitle")+" – "+feed.Title, feed.Author, feed.URLs.Abs(ChangesPath), feed.URLs.Abs(cv.Feed), entries[:min(len(entries), feedLength)])})
	}
	return []*site.Page{page}, out
}

type historyView struct {
	env    Env
	h      *history.History
	inds   map[string]*indicator.Indicator
	titles map[string]string
}

func newHistoryView(env Env, h *history.History, judged []Indicator) historyView {
	hv := historyView{env: env, h: h, inds: map[string]*indicator.Indicator{}, titles: map[string]string{}}
	for _, k := range judged {
		hv.inds[k.Ind.ID] = k.Ind
		hv.titles[k.Ind.ID] = k.Ind.Title
	}
	return hv
}

// changes are the published changes of subject (an indicator's id or a
// task's code), newest first; none without history.
func (hv historyView) changes(subject string) []history.Change {
	if hv.h == nil {
		return nil
	}
	var out []history.Change
	for _, c := range hv.h.Commits {
		if c.When.After(hv.env.Now) || c.Baseline {
			continue
		}
		for _, ch := range c.Changes {
			if ch.Subject == subject {
				out = append(out, ch)
			}
		}
	}
	return out
}

// original judges k against its targets as first published, nil when
// they are its targets now.
func (hv historyView) original(k Indicator, m indicator.Method) *OriginalTargets {
	orig := k.Original
	if orig == nil {
		return nil
	}
	ind := *k.Ind
	ind.Targets = orig
	var words []string
	for _, t := range orig {
		when := hv.env.targetWhen(t)
		if !t.Standing() {
			when = hv.env.T("targetDueBy") + " " + when
		}
		words = append(words, hv.env.format(&ind, t.Value, true)+" "+when)
	}
	return &OriginalTargets{Targets: strings.Join(words, "; "),
		Status: Badge(indicator.Compute(&ind, k.Obs, hv.env.Now, m).Status, hv.env.Lang)}
}

// originalTargets adds to a chart's targets those first published that
// have changed since (orig): a target whose value stayed but whose
// deadline moved says both days in its label; one whose value changed is
// drawn too, as the original target. Moving the goalposts shows.
func (e Env) originalTargets(ind *indicator.Indicator, orig []indicator.Target, targets []chart.Target, fmtv func(float64) string) []chart.Target {
	for i, t := range orig {
		if i < len(ind.Targets) && ind.Targets[i].Value == t.Value {
			if when, was := e.targetWhen(ind.Targets[i]), e.targetWhen(t); when != was && i < len(targets) {
				targets[i].Label += " – " + e.T("targetWas") + " " + was
			}
			continue
		}
		targets = append(targets, chart.Target{Value: t.Value, Label: e.T("targetOriginal") + " " + fmtv(t.Value) + " (" + e.targetWhen(t) + ")"})
	}
	return targets
}

// revision is a change as a page lists it; ok is false for what is not a
// revision of something published (a new figure, a new task).
func (hv historyView) revision(ch history.Change) (Revision, bool) {
	env, loc, dl := hv.env, hv.env.loc(), hv.env.dl()
	r := Revision{Date: loc.Date(ch.Commit.When), ISODate: ch.Commit.When.Format("2006-01-02"), Reason: ch.Commit.Message, Commit: ch.Commit.Short()}
	ind := hv.inds[ch.Subject]
	num := func(v float64) string {
		if ind == nil {
			return loc.Float(v, 2)
		}
		return env.format(ind, v, false)
	}
	day := func(t time.Time) string {
		if t.IsZero() {
			return "–"
		}
		return loc.Date(t)
	}
	switch ch.Kind {
	case history.FigureRevised:
		r.Kind, r.What = "sua-so-lieu", ch.Period.Label(dl)+": "+num(ch.Old)+" → "+num(ch.New)
	case history.FigureRemoved:
		r.Kind, r.What = "bo-so-lieu", ch.Period.Label(dl)+": "+num(ch.Old)+" → "+env.T("revisionRemoved")
	case history.TargetValue:
		r.Kind = "muc-tieu"
		r.What = env.T("revisionTarget") + " " + day(ch.NewTime) + ": "
		switch {
		case !ch.HasOld:
			r.What += env.T("revisionAdded") + " " + num(ch.New)
		case !ch.HasNew:
			r.What = env.T("revisionTarget") + " " + day(ch.OldTime) + ": " + num(ch.Old) + " → " + env.T("revisionRemoved")
		default:
			r.What += num(ch.Old) + " → " + num(ch.New)
		}
	case history.TargetDeadline:
		r.Kind, r.What = "thoi-han-muc-tieu", env.T("revisionTargetDeadline")+" ("+num(ch.New)+"): "+day(ch.OldTime)+" → "+day(ch.NewTime)
	case history.TaskDeadline:
		r.Kind = "thoi-han"
		r.What = env.T("deadline") + ": “" + ch.OldText + "” → “" + ch.NewText + "”"
		if !ch.OldTime.Equal(ch.NewTime) {
			r.What += " (" + env.T("dueOn") + " " + day(ch.OldTime) + " → " + day(ch.NewTime) + ")"
		}
	case history.TaskStatus:
		r.Kind, r.What = "tinh-trang", env.T("revisionProgress")+": "+ch.OldText+" → "+ch.NewText
		if !ch.OldTime.Equal(ch.NewTime) {
			r.What += " (" + env.T("completedOn") + " " + day(ch.OldTime) + " → " + day(ch.NewTime) + ")"
		}
	case history.TaskLead:
		r.Kind, r.What = "chu-tri", env.T("leadUnit")+": "+env.Unit(ch.OldText).Name+" → "+env.Unit(ch.NewText).Name
	default:
		return r, false
	}
	return r, true
}

// items are the lines of a publication on /cap-nhat/: figures added and
// revised per indicator, each task change, the content pages changed.
func (hv historyView) items(c *history.Commit, pages map[string]*site.Page) []ChangeItem {
	env := hv.env
	var items []ChangeItem
	added := map[string]int{}
	var order []string
	for _, ch := range c.Changes {
		if ch.Kind == history.FigureNew {
			if added[ch.Subject] == 0 {
				order = append(order, ch.Subject)
			}
			added[ch.Subject]++
		}
	}
	indLink := func(id string) site.Link {
		if t, ok := hv.titles[id]; ok {
			return site.Link{Title: t, Path: IndicatorsPath + id + "/"}
		}
		return site.Link{Title: id}
	}
	for _, id := range order {
		items = append(items, ChangeItem{Subject: indLink(id), Text: env.loc().Int(int64(added[id])) + " " + env.T("changesNewFigures")})
	}
	for _, ch := range c.Changes {
		switch {
		case ch.Kind == history.FigureNew:
		case ch.Kind < history.TaskNew:
			if r, ok := hv.revision(ch); ok {
				items = append(items, ChangeItem{Subject: indLink(ch.Subject), Text: r.What})
			}
		default:
			subject := site.Link{Title: env.T("task") + " " + plan.PlanCode(ch.Subject), Path: TasksPath + "#" + TaskAnchor(ch.Subject)}
			switch ch.Kind {
			case history.TaskNew:
				items = append(items, ChangeItem{Subject: subject, Text: env.T("changesTaskNew")})
			case history.TaskRemoved:
				subject.Path = ""
				items = append(items, ChangeItem{Subject: subject, Text: env.T("changesTaskRemoved")})
			default:
				if r, ok := hv.revision(ch); ok {
					items = append(items, ChangeItem{Subject: subject, Text: r.What})
				}
			}
		}
	}
	for _, f := range c.Pages {
		link := site.Link{Title: f}
		if p, ok := pages[f]; ok {
			link = site.Link{Title: p.Title, Path: p.Path}
		}
		items = append(items, ChangeItem{Subject: link, Text: env.T("changesPage")})
	}
	return items
}

// addJSON adds the revisions to a JSON download under "lich_su_sua_doi"
// and corrects its size in the downloads list.
func addJSON(files []File, downloads []Download, file string, revisions any) {
	for i := range files {
		if files[i].Path != file {
			continue
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(files[i].Data, &m); err != nil {
			return
		}
		rb, _ := json.Marshal(revisions)
		if string(rb) == "null" {
			rb = []byte("[]")
		}
		m["lich_su_sua_doi"] = rb
		b, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			return
		}
		var buf bytes.Buffer
		buf.Write(b)
		if bytes.HasSuffix(files[i].Data, []byte("\n")) {
			buf.WriteByte('\n')
		}
		files[i].Data = buf.Bytes()
		for j := range downloads {
			if strings.TrimPrefix(downloads[j].Path, "/") == file {
				downloads[j].Size = buf.Len()
			}
		}
	}
}
