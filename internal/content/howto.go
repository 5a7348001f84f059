package content

import (
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/tomlx"
	"github.com/tiendo/tiendo/internal/vi"
)

// howtoFM is the [howto] table of a guidance page's front matter.
type howtoFM struct {
	Who      string   `toml:"who" yaml:"who"`
	Needs    []string `toml:"needs" yaml:"needs"`
	Duration string   `toml:"duration" yaml:"duration"`
	Fee      string   `toml:"fee" yaml:"fee"`
	Place    string   `toml:"place" yaml:"place"`
	Unit     string   `toml:"unit" yaml:"unit"`
	URL      string   `toml:"url" yaml:"url"`
	Step     []stepFM `toml:"step" yaml:"step"`
}

type stepFM struct {
	Title  string `toml:"title" yaml:"title"`
	Text   string `toml:"text" yaml:"text"`
	Screen string `toml:"screen" yaml:"screen"`
	Button string `toml:"button" yaml:"button"`
}

// journeyFM is the journey table: the pages that belong together, as
// content files.
type journeyFM struct {
	Title string   `toml:"title" yaml:"title"`
	Pages []string `toml:"pages" yaml:"pages"`
}

// locator says where a key of the front matter is written: path is keys
// and, for an element of an array, its index (an int). A key that is not
// written gives the place of its nearest written parent.
type locator func(path ...any) diag.Pos

func tomlLocator(root *tomlx.Node) locator {
	return func(path ...any) diag.Pos {
		n := root
		for _, p := range path {
			switch p := p.(type) {
			case string:
				n = n.Key(p)
			case int:
				n = n.Elem(p)
			}
		}
		return n.Pos()
	}
}

func yamlLocator(m *yaml.Node, pos func(line, col int) diag.Pos) locator {
	return func(path ...any) diag.Pos {
		n, at := m, m // at is the key (or element) that n is the value of
	walk:
		for _, p := range path {
			switch p := p.(type) {
			case string:
				if n.Kind != yaml.MappingNode {
					break walk
				}
				i := 0
				for i+1 < len(n.Content) && !strings.EqualFold(n.Content[i].Value, p) {
					i += 2
				}
				if i+1 >= len(n.Content) {
					break walk
				}
				n, at = n.Content[i+1], n.Content[i]
			case int:
				if n.Kind != yaml.SequenceNode || p >= len(n.Content) {
					break walk
				}
				n, at = n.Content[p], n.Content[p]
			}
		}
		return pos(at.Line, at.Column)
	}
}

// yamlUnknownKeys reports the keys of a YAML mapping, and of the mappings
// inside it, that the struct type t does not have, as TOML's decoder does.
func yamlUnknownKeys(n *yaml.Node, t reflect.Type, pos func(line, col int) diag.Pos, l *diag.List) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	switch {
	case n.Kind == yaml.SequenceNode:
		for _, e := range n.Content {
			yamlUnknownKeys(e, t, pos, l)
		}
	case n.Kind == yaml.MappingNode && t.Kind() == reflect.Struct:
		var known []string
		for i := range t.NumField() {
			known = append(known, t.Field(i).Tag.Get("yaml"))
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			j := slices.Index(known, k.Value)
			if j < 0 {
				hint := diag.Tf("Các khóa hợp lệ ở đây: %s.", "Valid keys here: %s.", strings.Join(known, ", "))
				if c := vi.Closest(k.Value, known, 1); len(c) > 0 {
					hint = diag.Tf("Có phải là %q?", "Did you mean %q?", c[0])
				}
				l.Errorf(pos(k.Line, k.Column), diag.CodeTOMLUnknownKey, diag.Tf("khóa %q không được hỗ trợ", "unknown key %q", k.Value), hint)
				continue
			}
			yamlUnknownKeys(n.Content[i+1], t.Field(j).Type, pos, l)
		}
	}
}

// howTo checks the [howto] table and makes the page's HowTo: who, needs
// and place are required, and every step needs a title and a text; a step
// on a phone names both its screen and the button to press.
func howTo(lang string, h *howtoFM, at locator, l *diag.List) *site.HowTo {
	if h == nil {
		return nil
	}
	clean := func(s string) string { return vi.NFC(strings.Join(strings.Fields(s), " ")) }
	missing := func(pos diag.Pos, key string, hint diag.Text) {
		l.Errorf(pos, diag.CodeHowToMissingKey,
			diag.Tf("bảng howto thiếu khóa bắt buộc %q", "the howto table lacks the required key %q", key), hint)
	}
	out := &site.HowTo{Who: clean(h.Who), Duration: clean(h.Duration), Fee: clean(h.Fee), Place: clean(h.Place),
		Unit: strings.TrimSpace(h.Unit)}
	for _, n := range h.Needs {
		if n = clean(n); n != "" {
			out.Needs = append(out.Needs, n)
		}
	}
	if out.Unit != "" {
		out.UnitPos = at("howto", "unit")
	}
	if u := strings.TrimSpace(h.URL); u != "" {
		if pu, err := url.Parse(u); err != nil || (pu.Scheme != "https" && pu.Scheme != "http") || pu.Host == "" {
			l.Errorf(at("howto", "url"), diag.CodeLinkScheme,
				diag.Tf("url %q không phải địa chỉ http hoặc https", "url %q is not an http or https address", u),
				diag.T(`Ghi địa chỉ đầy đủ của trang chính thức, ví dụ url = "https://dichvucong.gov.vn/".`,
					`Write the full address of the official site, e.g. url = "https://dichvucong.gov.vn/".`))
		} else {
			out.URL = u
		}
	}
	if out.Who == "" {
		missing(at("howto", "who"), "who", diag.T(`Ghi ai làm việc này, ví dụ who = "Người từ đủ 14 tuổi đã có thẻ căn cước công dân gắn chip".`,
			`Say who this is for, e.g. who = "People aged 14 or more with a chip ID card".`))
	}
	if len(out.Needs) == 0 {
		missing(at("howto", "needs"), "needs", diag.T(`Liệt kê những gì cần mang hoặc chuẩn bị, ví dụ needs = ["Thẻ căn cước công dân gắn chip"].`,
			`List what to bring or prepare, e.g. needs = ["Chip ID card"].`))
	}
	if out.Place == "" {
		missing(at("howto", "place"), "place", diag.T(`Ghi làm ở đâu, ví dụ place = "Trên ứng dụng VNeID".`, `Say where it is done, e.g. place = "In the VNeID app".`))
	}
	if len(h.Step) == 0 {
		missing(at("howto"), "step", diag.T("Thêm từng bước bằng các bảng [[howto.step]] có title và text.", "Add each step as a [[howto.step]] table with title and text."))
	}
	for i, s := range h.Step {
		st := site.Step{Title: clean(s.Title), Text: clean(s.Text), Screen: clean(s.Screen), Button: clean(s.Button)}
		word := "Bước"
		if lang == "en" {
			word = "Step"
		}
		st.ID = vi.Slug(word + " " + strconv.Itoa(i+1) + ": " + st.Title)
		for _, k := range []struct{ key, val string }{{"title", st.Title}, {"text", st.Text}} {
			if k.val == "" {
				l.Errorf(at("howto", "step", i), diag.CodeHowToMissingKey,
					diag.Tf("bước %d thiếu khóa bắt buộc %q", "step %d lacks the required key %q", i+1, k.key),
					diag.T("Mỗi bước cần title (tên ngắn của bước) và text (việc cần làm).", "Each step needs a title (its short name) and a text (what to do)."))
			}
		}
		if (st.Screen == "") != (st.Button == "") {
			key, pos := "button", at("howto", "step", i, "screen")
			if st.Screen == "" {
				key, pos = "screen", at("howto", "step", i, "button")
			}
			l.Errorf(pos, diag.CodeHowToStep,
				diag.Tf("bước %d làm trên điện thoại nhưng thiếu %q", "step %d happens on a phone but lacks %q", i+1, key),
				diag.T("Bước làm trên điện thoại ghi cả screen (tên màn hình) và button (nút cần bấm), để vẽ hình minh họa.",
					"A step on a phone gives both screen (the screen's title) and button (the button to press), for its picture."))
		}
		out.Steps = append(out.Steps, st)
	}
	return out
}

// journey checks the journey table: a title and at least two pages, each
// once. The pages are resolved once every page is loaded (Resolve in
// package links, through the build).
func journey(h *journeyFM, at locator, l *diag.List) *site.Journey {
	if h == nil {
		return nil
	}
	j := &site.Journey{Title: vi.NFC(strings.TrimSpace(h.Title))}
	if j.Title == "" {
		l.Errorf(at("journey", "title"), diag.CodeJourney, diag.T("hành trình thiếu title", "the journey has no title"),
			diag.T(`Thêm title = "…" vào bảng journey, ví dụ "Dùng tài khoản định danh điện tử".`, `Add title = "…" to the journey table.`))
	}
	for i, f := range h.Pages {
		f = strings.TrimSpace(f)
		pos := at("journey", "pages", i)
		if slices.Contains(j.Files, f) {
			l.Errorf(pos, diag.CodeJourney, diag.Tf("trang %s có hai lần trong hành trình", "page %s is in the journey twice", f),
				diag.T("Mỗi trang chỉ có một bước trong hành trình.", "Each page is one step of the journey."))
			continue
		}
		j.Files, j.FilePos = append(j.Files, f), append(j.FilePos, pos)
	}
	if len(h.Pages) < 2 {
		l.Errorf(at("journey", "pages"), diag.CodeJourney, diag.T("hành trình cần ít nhất hai trang", "a journey needs at least two pages"),
			diag.T(`Ghi pages = ["huong-dan/….md", "huong-dan/….md"], đường dẫn tính từ thư mục content/.`,
				`Write pages = ["huong-dan/….md", "huong-dan/….md"], paths from the content/ folder.`))
	}
	return j
}
