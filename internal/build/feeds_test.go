package build

import (
	"encoding/json"
	"encoding/xml"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/output"
)

// atomDoc is what checkAtom reads of an Atom feed.
type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  string   `xml:"author>name"`
	Links   []struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

// checkAtom checks what RFC 4287 requires of a feed, as the site feed is
// checked (well-formed, see hostile_test.go), and more: a feed id, title,
// updated and author; each entry's id (an absolute URL, unique), title and
// updated (RFC 3339); a self link; entries newest first.
func checkAtom(t *testing.T, name string, data []byte) atomDoc {
	t.Helper()
	if err := wellFormed(string(data)); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var f atomDoc
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	absolute := func(s string) bool {
		u, err := url.Parse(s)
		return err == nil && u.Scheme == "https" && u.Host != "" && !strings.Contains(u.Fragment, "#")
	}
	if !absolute(f.ID) || f.Title == "" || f.Author == "" {
		t.Errorf("%s: feed id %q, title %q, author %q", name, f.ID, f.Title, f.Author)
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
		t.Errorf("%s: feed updated %q: %v", name, f.Updated, err)
	}
	self := false
	for _, l := range f.Links {
		self = self || (l.Rel == "self" && strings.HasSuffix(l.Href, "/"+name))
	}
	if !self {
		t.Errorf("%s: no self link", name)
	}
	ids := map[string]bool{}
	var last time.Time
	for i, e := range f.Entries {
		if !absolute(e.ID) || ids[e.ID] {
			t.Errorf("%s: entry id %q not absolute or twice", name, e.ID)
		}
		ids[e.ID] = true
		up, err := time.Parse(time.RFC3339, e.Updated)
		if err != nil || e.Title == "" || !absolute(e.Link.Href) {
			t.Errorf("%s: entry %q: updated %q (%v), link %q", name, e.Title, e.Updated, err, e.Link.Href)
		}
		if i > 0 && up.After(last) {
			t.Errorf("%s: entry %q is newer than the one before it", name, e.Title)
		}
		last = up
	}
	return f
}

// sampleAbsolute is the sample site built with an absolute baseURL, which
// feeds need.
func sampleAbsolute(t *testing.T) *output.Mem {
	t.Helper()
	res := Run(Options{Source: "../..", Sink: output.NewMem(), Now: "2023-06-30", BaseURL: "https://example.gov.vn/de-an-06/", Charts: sampleCharts(t)})
	if !res.OK() {
		t.Fatalf("sample does not build:\n%s", res.Diags.Format("vi"))
	}
	return res.Output
}

func TestSubjectFeeds(t *testing.T) {
	t.Parallel()
	files := sampleAbsolute(t).Files
	const id = "tai-khoan-dinh-danh-dien-tu"
	f := checkAtom(t, "chi-tieu/"+id+"/atom.xml", files["chi-tieu/"+id+"/atom.xml"])
	// One figure entry per period of the JSON download, with its value as
	// the page writes it, dated at the period's end.
	var dl struct {
		Obs []struct {
			Period string `json:"ky"`
		} `json:"observations"`
	}
	if err := json.Unmarshal(files["chi-tieu/"+id+"/"+id+".json"], &dl); err != nil {
		t.Fatal(err)
	}
	figures, changes := 0, 0
	for _, e := range f.Entries {
		switch {
		case strings.HasPrefix(e.Title, "Số liệu tháng "):
			figures++
		case strings.HasPrefix(e.Title, "Tình trạng đổi: "):
			changes++
		default:
			t.Errorf("entry %q", e.Title)
		}
	}
	periods := map[string]bool{}
	for _, o := range dl.Obs {
		periods[o.Period] = true
	}
	if len(periods) == 0 || figures != len(periods) {
		t.Errorf("%d figure entries, the download has %d periods", figures, len(periods))
	}
	if f.Entries[0].Title != "Số liệu tháng 6/2023: 47.024 tài khoản" || f.Entries[0].Updated != "2023-06-30T23:59:59+07:00" {
		t.Errorf("newest entry %q at %s", f.Entries[0].Title, f.Entries[0].Updated)
	}
	if changes == 0 {
		t.Errorf("no status change in the feed")
	}
	page := string(files["chi-tieu/"+id+"/index.html"])
	for _, want := range []string{`<link rel="alternate" type="application/atom+xml" title="Tài khoản định danh điện tử (VNeID) được cấp – Tin mới (Atom)" href="atom.xml">`,
		`type="application/atom+xml">Nhận tin khi có thay đổi (Atom)</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("indicator page lacks %s", want)
		}
	}

	// A unit: its weekly reports as sent (on time or late), its tasks
	// completed, dated from the data.
	u := checkAtom(t, "don-vi/cong-an-huyen/atom.xml", files["don-vi/cong-an-huyen/atom.xml"])
	var reports, done int
	for _, e := range u.Entries {
		switch {
		case strings.Contains(e.Title, ": đã gửi báo cáo, "):
			reports++
		case strings.HasPrefix(e.Title, "Hoàn thành nhiệm vụ "):
			done++
		}
	}
	if reports == 0 || done == 0 {
		t.Errorf("cong-an-huyen's feed: %d reports, %d tasks completed", reports, done)
	}
	want := "Hoàn thành nhiệm vụ 1.1: "
	for _, e := range u.Entries {
		if strings.HasPrefix(e.Title, want) && e.Updated != "2023-03-17T00:00:00+07:00" {
			t.Errorf("task 1.1 completed at %s, tasks.csv says 2023-03-17", e.Updated)
		}
	}
	for _, name := range []string{"don-vi/cong-an-huyen/index.html"} {
		if !strings.Contains(string(files[name]), `<link rel="alternate" type="application/atom+xml" title="Công an huyện Lộc Hà – Tin mới (Atom)" href="atom.xml">`) {
			t.Errorf("%s does not link its feed", name)
		}
	}
}
