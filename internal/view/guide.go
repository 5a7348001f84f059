package view

import (
	"fmt"
	"github.com/tiendo/tiendo/internal/qr"
	"html/template"
	"strconv"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/links"
	"github.com/tiendo/tiendo/internal/screen"
	"github.com/tiendo/tiendo/internal/site"
)

// GuideView is the view of a guidance page — a content page with a
// [howto] table, or one that a journey names — that single.html (and
// section.html, for a section in a journey) reads as .Page.Data. A value
// the page does not know (duration, fee, a unit's address, hours or
// phone) is never guessed: its field holds AskAt's words instead.
type GuideView struct {
	// HowTo is nil on a page of a journey without a [howto] table.
	HowTo *GuideHowTo
	// Journey is the journey the page is a step of, nil for none.
	Journey *JourneyView
	// Services are the service pages (/dich-vu/<id>/) whose
	// data/services.toml entry names this page as its guide: their
	// figures.
	Services []site.Link
	// PageURL is the page's absolute address (empty without a host in
	// baseURL), printed on the sheet, and QR its QR code (internal/qr, the
	// posters' generator), so a reader of the paper can open the page.
	PageURL string
	QR      template.HTML
}

// GuideHowTo is the how-to block: every text ready to place.
type GuideHowTo struct {
	Who      string
	Needs    []string
	Duration string
	Fee      string
	Place    string
	URL      string // the official site where it is done, shown as a link
	// Unit is where to ask or go (nil for none), with its address, hours
	// and phone, each AskAt's words when data/units.toml leaves it empty.
	Unit                  *UnitRef
	Address, Hours, Phone string
	Steps                 []GuideStep
}

// GuideStep is a numbered step; Picture and Caption are set for a step on
// a phone.
type GuideStep struct {
	N           int
	ID          string // the anchor of the step's heading
	Title, Text string
	Picture     template.HTML
	Caption     string
}

// JourneyView is the step-by-step navigation of a journey, with the page
// it is shown on marked.
type JourneyView struct {
	Title string
	Steps []JourneyStep
	// Current is the number of the page's step (from 1); 0 on the page
	// that declares the journey without being a step of it.
	Current int
}

// JourneyStep is one page of a journey.
type JourneyStep struct {
	N           int
	Title, Path string
	Current     bool
}

// Guidance resolves the journeys and the units of the guidance pages of s
// and sets the GuideView of each page that has a [howto] table or is in a
// journey (and of a journey's owner). guides are the guidance pages of
// services by service id, from data/services.toml; a page named as a
// journey step or a unit that does not exist is reported into l.
func Guidance(env Env, s *site.Site, w *data.Weekly, guides map[string]Guide, l *diag.List) {
	views := map[*site.Page]*GuideView{}
	get := func(p *site.Page) *GuideView {
		if views[p] == nil {
			views[p] = &GuideView{}
			if s.URLs.Origin != "" {
				views[p].PageURL = s.URLs.Abs(p.Path)
				if svg, err := qr.SVG(views[p].PageURL); err != nil {
					l.Add(qrProblem(p.Path, err))
				} else {
					views[p].QR = template.HTML(svg)
				}
			}
		}
		return views[p]
	}
	for _, p := range s.Pages {
		if p.Journey == nil || p.File == "" {
			continue
		}
		j := p.Journey
		j.Owner, j.Pages = p, nil
		for i, f := range j.Files {
			q, _, ok := links.ContentFile(s, l, j.FilePos[i], f)
			if !ok {
				continue
			}
			if v := views[q]; v != nil && v.Journey != nil {
				l.Errorf(j.FilePos[i], diag.CodeJourney,
					diag.Tf("trang %s đã thuộc hành trình %q", "page %s is already in the journey %q", f, v.Journey.Title),
					diag.T("Mỗi trang chỉ thuộc một hành trình.", "A page belongs to one journey."))
				continue
			}
			j.Pages = append(j.Pages, q)
			get(q)
		}
		for i, q := range j.Pages {
			get(q).Journey = journeyView(j, i+1)
		}
		if v := get(p); v.Journey == nil {
			v.Journey = journeyView(j, 0)
		}
	}
	for _, p := range s.Pages {
		if p.HowTo != nil {
			get(p).HowTo = howToView(env, p.HowTo, l)
		}
	}
	for p, v := range views {
		if w != nil && w.Services != nil {
			for _, sv := range w.Services.All {
				if g, ok := guides[sv.ID]; ok && g.Path == p.Path {
					v.Services = append(v.Services, site.Link{Title: sv.Name, Path: ServicesPath + sv.ID + "/"})
				}
			}
		}
		p.Data = v
	}
}

func journeyView(j *site.Journey, current int) *JourneyView {
	v := &JourneyView{Title: j.Title, Current: current}
	for i, q := range j.Pages {
		v.Steps = append(v.Steps, JourneyStep{N: i + 1, Title: q.ShortTitle(), Path: q.Path, Current: i+1 == current})
	}
	return v
}

func howToView(env Env, h *site.HowTo, l *diag.List) *GuideHowTo {
	ask := env.T("howtoAskAt")
	or := func(s string) string {
		if s == "" {
			return ask
		}
		return s
	}
	v := &GuideHowTo{Who: h.Who, Needs: h.Needs, Duration: or(h.Duration), Fee: or(h.Fee), Place: h.Place, URL: h.URL}
	if h.Unit != "" {
		u, ok := env.Units.ByID(h.Unit)
		if !ok {
			l.Errorf(h.UnitPos, diag.CodeHowToUnit,
				diag.Tf("đơn vị %q không có trong data/units.toml", "unit %q is not in data/units.toml", h.Unit),
				diag.T("Ghi mã (id) của một đơn vị trong data/units.toml, hoặc bỏ khóa unit.", "Write the id of a unit of data/units.toml, or remove unit."))
		} else {
			ref := env.Unit(u.ID)
			v.Unit = &ref
			v.Address, v.Hours, v.Phone = or(u.Address), or(u.Hours), or(u.Phone)
		}
	}
	for i, st := range h.Steps {
		gs := GuideStep{N: i + 1, ID: st.ID, Title: st.Title, Text: st.Text}
		if st.OnPhone() {
			label := env.T("howtoStep") + " " + strconv.Itoa(i+1) + ": " + st.Title + ". " + st.Text
			gs.Picture = template.HTML(screen.SVG(st.Screen, st.Button, label))
			gs.Caption = fmt.Sprintf(env.T("howtoPictureCaption"), st.Screen, st.Button)
		}
		v.Steps = append(v.Steps, gs)
	}
	return v
}

// IsGuide reports whether the page carries a GuideView.
func IsGuide(p *site.Page) bool {
	_, ok := p.Data.(*GuideView)
	return ok
}

// ServiceGuides finds the guidance page each service of data/services.toml
// names (guide = "huong-dan/….md"), checked as a link is: a wrong one is
// an error at its line in services.toml.
func ServiceGuides(s *site.Site, w *data.Weekly, diags *diag.List) map[string]Guide {
	if w == nil || w.Services == nil {
		return nil
	}
	guides := map[string]Guide{}
	for _, sv := range w.Services.All {
		if sv.Guide == "" {
			continue
		}
		if p, to, ok := links.ContentFile(s, diags, sv.GuidePos, sv.Guide); ok {
			guides[sv.ID] = Guide{Title: p.Title, Description: p.Description, Path: to}
		}
	}
	return guides
}
