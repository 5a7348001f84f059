package view

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/share"
	"github.com/tiendo/tiendo/internal/site"
)

// nbsp keeps a short phrase of an image's note on one line.
const nbsp = "\u00a0"

// ShareFile is the name of a page's share image, in the page's folder.
const ShareFile = "chia-se.png"

// Shares gives each indicator, unit, task list and weekly report page of
// pages its share image (package share): the page's title, its headline
// figure and status in words, and the small chart, from the same view the
// page shows, so the image and the page cannot disagree. It sets the
// page's ShareImage and ShareAlt, the image in words, and returns the
// images to draw.
func Shares(env Env, pages []*site.Page, diags *diag.List) []share.Image {
	var out []share.Image
	for _, p := range pages {
		var c *share.Card
		switch v := p.Data.(type) {
		case *IndicatorView:
			if p.Layout == "indicator" { // not its embed page
				c = env.indicatorShare(v)
			}
		case *UnitView:
			c = env.unitShare(v)
		case *TasksView:
			if v.Filter == nil {
				c = env.taskShare(v.Rows)
			}
		case *WeekView:
			c = env.weekShare(v)
		}
		if c == nil {
			continue
		}
		c.Site, c.Title = env.Open.Title, p.Title
		c.Illustrative = c.Illustrative || env.Open.Sample
		c.IllustrativeLabel = env.T("sampleTitle")
		if missing := c.Missing(); len(missing) > 0 {
			// Better no image than one with holes in its words.
			diags.Warnf(cmpPos(p.Source, diag.Pos{File: p.Path}), diag.CodeShareGlyph,
				diag.Tf("trang %s không có hình chia sẻ: phông chữ của hình không có ký tự %s", "the page %s has no share image: the image's font has no %s", p.Path, quoteRunes(missing)),
				diag.T("Hình chia sẻ chỉ có chữ tiếng Việt (Latin). Bỏ hoặc thay ký tự đó trong tên, số liệu hay đơn vị đo.",
					"The share image has only Vietnamese (Latin) letters. Remove or replace that character in the name, figure or unit."))
			continue
		}
		p.ShareImage, p.ShareWidth, p.ShareHeight = p.Path+ShareFile, share.Width, share.Height
		p.ShareAlt = shareAlt(*c)
		out = append(out, share.Image{Path: strings.TrimPrefix(p.ShareImage, "/"), Card: *c})
	}
	return out
}

func cmpPos(a, b diag.Pos) diag.Pos {
	if a.File != "" {
		return a
	}
	return b
}

func quoteRunes(rs []rune) string {
	var qs []string
	for _, r := range rs {
		qs = append(qs, fmt.Sprintf("“%c” (U+%04X)", r, r))
	}
	return strings.Join(qs, ", ")
}

// shareAlt says what the image shows, in its order.
func shareAlt(c share.Card) string {
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, strings.TrimRight(s, ".")+".")
		}
	}
	add(c.Title)
	add(c.Figure)
	add(upperFirst(c.Status))
	add(strings.NewReplacer(" · ", ", ", nbsp, " ").Replace(c.Note))
	if c.Illustrative {
		add(c.IllustrativeLabel)
	}
	return strings.Join(parts, " ")
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// tones are the colours of the statuses' slugs (indicator.Status,
// report targets); a slug not here is drawn neutral.
var tones = map[string]share.Tone{
	"da-dat": share.Good, "dung-tien-do": share.Good,
	"cham-tien-do": share.Warn, "co-nguy-co-khong-dat": share.Warn, "chua-dat-muc-tieu": share.Warn, "chua-dat": share.Warn,
	"qua-han-chua-dat": share.Bad,
}

func (e Env) indicatorShare(v *IndicatorView) *share.Card {
	k := v.Card
	c := &share.Card{Figure: k.Value, Status: upperFirst(k.Status.Label), Tone: tones[k.Status.Slug],
		Series: v.series, Target: math.NaN(), Illustrative: k.Illustrative}
	var note []string
	if k.Target != "" {
		note = append(note, e.T("target")+" "+k.Target)
	}
	if k.Pct != "" {
		note = append(note, e.T("shareReached")+nbsp+k.Pct)
	}
	if k.Period != "" {
		note = append(note, strings.ReplaceAll(lowerFirst(k.Period), " ", nbsp))
	}
	c.Note = strings.Join(note, " · ")
	if v.target != nil {
		c.Target, c.TargetLabel = *v.target, e.T("target")+" "+v.targetText
	}
	return c
}

// unitShare shows the unit's first figure, beside its own target when it
// has one; a unit without figures shows its tasks.
func (e Env) unitShare(v *UnitView) *share.Card {
	for _, s := range v.Scores {
		if s.dimValue == nil {
			continue
		}
		c := &share.Card{Figure: s.Value, Target: math.NaN(), Illustrative: s.Card.Illustrative, Status: e.T("shareNoUnitStatus")}
		switch {
		case s.Status != nil:
			c.Status, c.Tone = upperFirst(s.Status.Label), tones[s.Status.Slug]
		case s.Compare != nil:
			c.Status = upperFirst(s.Compare.Label)
		}
		note := []string{s.Card.Title}
		if s.Period != "" {
			note[0] += ", " + lowerFirst(s.Period)
		}
		if s.Target != "" {
			note = append(note, e.T("target")+" "+s.Target)
		}
		c.Note = strings.Join(note, " · ")
		for _, p := range s.dimPoints {
			c.Series = append(c.Series, p.Value)
		}
		if s.unitTarget != nil {
			c.Target, c.TargetLabel = *s.unitTarget, e.T("target")+" "+e.format(s.ind, *s.unitTarget, false)
		}
		return c
	}
	return e.taskShare(v.Lead)
}

// taskShare shows how many of rows are done, and how many are overdue.
func (e Env) taskShare(rows []*TaskRow) *share.Card {
	loc := e.loc()
	done, overdue := 0, 0
	for _, r := range rows {
		if r.Task.Progress == plan.Completed {
			done++
		}
		if r.Overdue {
			overdue++
		}
	}
	if len(rows) == 0 {
		return &share.Card{Figure: e.T("shareNoTasks"), Target: math.NaN()}
	}
	n := loc.Int(int64(done)) + "/" + loc.Int(int64(len(rows)))
	c := &share.Card{Figure: n + " " + e.T("shareTasksDone"), Series: []float64{float64(done)}, Target: float64(len(rows)),
		TargetLabel: strings.NewReplacer("{done}", loc.Int(int64(done)), "{all}", loc.Int(int64(len(rows)))).Replace(e.T("shareTasksBar")),
		Status:      e.T("shareNoOverdue"), Tone: share.Good}
	if overdue > 0 {
		c.Status, c.Tone = loc.Int(int64(overdue))+" "+e.T("overdueTasks"), share.Bad
	}
	return c
}

// weekShare shows the week's share of dossiers received online against
// the target, and the weeks up to it.
func (e Env) weekShare(v *WeekView) *share.Card {
	t := v.Total
	c := &share.Card{Figure: t.OnlineRate, Note: e.T("shareWeekNote"), Series: v.rates, Target: math.NaN(), Status: e.T("shareNoTarget")}
	if t.Target != "" {
		key := "shareWeekNotMet"
		if t.Meets.Slug == "da-dat" {
			key = "shareWeekMet"
		}
		c.Status, c.Tone = strings.ReplaceAll(e.T(key), "{target}", t.Target), tones[t.Meets.Slug]
		c.Target, c.TargetLabel = v.target, e.T("target")+" "+t.Target
	}
	if len(c.Series) < 2 {
		c.Series = nil
	}
	return c
}
