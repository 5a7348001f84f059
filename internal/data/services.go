package data

import (
	"slices"
	"strings"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/tomlx"
	"github.com/tiendo/tiendo/internal/vi"
)

// ServicesFile is the list of essential public services under the site
// root.
const ServicesFile = Dir + "/services.toml"

// How a service is offered online (Nghị định 42/2022/NĐ-CP, Điều 11).
const (
	// OnlineFull: submitted and handled wholly online, the result
	// returned online or by post (dịch vụ công trực tuyến toàn trình).
	OnlineFull = "toan-trinh"
	// OnlinePartial: any other online service (một phần).
	OnlinePartial = "mot-phan"
)

// Service is one public service of data/services.toml.
type Service struct {
	// ID is the service's slug, used in report files and URLs.
	ID string
	// Name is the service's name as the list words it; Short a name for
	// tables and charts (Name when not given).
	Name   string
	Short  string
	NameEn string
	// Sector is a [[sector]] id; Lead the id of the unit that reports on
	// the service every week.
	Sector string
	Lead   string
	// Online is OnlineFull or OnlinePartial.
	Online string
	// DeAn06 marks Đề án 06's essential services, whose online target is
	// higher.
	DeAn06 bool
	// Guide is the content file guiding citizens through the service,
	// relative to content/ ("huong-dan/dich-vu-cong/nop-ho-so.md"), or
	// empty; GuidePos is where it is written. The validate stage checks it
	// as it checks a link to a .md file (links.ContentFile).
	Guide    string
	GuidePos diag.Pos
	// Pos is the [[service]] header.
	Pos diag.Pos
}

// Sector groups services by the branch of government handling them.
type Sector struct {
	ID     string
	Name   string
	NameEn string
	Pos    diag.Pos
}

// Services is the list of data/services.toml, with lookups by the ways
// staff write a service's name.
type Services struct {
	All     []Service
	Sectors []Sector

	byID     map[string]int
	byKey    map[string]int // slug of an id, name or short name → index into All
	sectorID map[string]int
}

type rawServices struct {
	Sector  []rawSector  `toml:"sector"`
	Service []rawService `toml:"service"`
}

type rawSector struct {
	ID     string `toml:"id"`
	Name   string `toml:"name"`
	NameEn string `toml:"nameEn"`
}

type rawService struct {
	ID     string `toml:"id"`
	Name   string `toml:"name"`
	Short  string `toml:"short"`
	NameEn string `toml:"nameEn"`
	Sector string `toml:"sector"`
	Lead   string `toml:"lead"`
	Online string `toml:"online"`
	DeAn06 *bool  `toml:"de_an_06"`
	Guide  string `toml:"guide"`
}

// ParseServices reads data/services.toml: [[sector]] tables (id, name,
// nameEn), then one [[service]] table per service with id, name, short
// (optional), nameEn (optional), sector (a [[sector]] id), lead (the id of
// a unit of units that sends the weekly report), online ("toan-trinh" or
// "mot-phan"), de_an_06 (true or false) and guide (optional, a content
// file relative to content/). A service or sector with a
// problem is reported into l at its line and left out.
func ParseServices(file string, src []byte, units *Units, l *diag.List) *Services {
	s := &Services{byID: map[string]int{}, byKey: map[string]int{}, sectorID: map[string]int{}}
	var raw rawServices
	if tomlx.Decode(file, 0, src, &raw, l) == nil {
		return s
	}
	at := tomlx.Scan(file, 0, src)
	sb := at.Key("sector")
	for i, r := range raw.Sector {
		b := sb.Elem(i)
		sec := Sector{ID: strings.TrimSpace(r.ID), Name: vi.NFC(strings.TrimSpace(r.Name)), NameEn: strings.TrimSpace(r.NameEn), Pos: b.Pos()}
		ok := checkID(l, b, "sector", i, sec.ID, "cong-an")
		if sec.Name == "" {
			l.Errorf(b.Pos(), diag.CodeServiceMissingKey,
				diag.Tf("ngành thứ %d thiếu khóa bắt buộc %q", "sector number %d lacks the required key %q", i+1, "name"),
				diag.T(`Thêm dòng name = "Công an" (tên ngành).`, `Add a line name = "Công an" (the sector's name).`))
			ok = false
		}
		if j, dup := s.sectorID[sec.ID]; dup && sec.ID != "" {
			l.Errorf(b.Key("id").Pos(), diag.CodeServiceDuplicate,
				diag.Tf("mã ngành %q đã dùng ở dòng %d", "sector id %q is already used on line %d", sec.ID, s.Sectors[j].Pos.Line),
				diag.T("Mỗi ngành cần một mã riêng.", "Each sector needs an id of its own."))
			ok = false
		}
		if ok {
			s.sectorID[sec.ID] = len(s.Sectors)
			s.Sectors = append(s.Sectors, sec)
		}
	}

	blocks := at.Key("service")
	keyLine := map[string]int{}
	for i, r := range raw.Service {
		b := blocks.Elem(i)
		sv := Service{
			ID: strings.TrimSpace(r.ID), Name: vi.NFC(strings.TrimSpace(r.Name)), Short: vi.NFC(strings.TrimSpace(r.Short)),
			NameEn: strings.TrimSpace(r.NameEn), Sector: strings.TrimSpace(r.Sector), Lead: strings.TrimSpace(r.Lead),
			Online: strings.TrimSpace(r.Online), Guide: strings.TrimSpace(r.Guide), Pos: b.Pos(),
		}
		if sv.Guide != "" {
			sv.GuidePos = b.Key("guide").Pos()
		}
		if sv.Short == "" {
			sv.Short = sv.Name
		}
		ok := checkID(l, b, "service", i, sv.ID, "dang-ky-khai-sinh")
		missing := func(key string, hint diag.Text) {
			l.Errorf(b.Pos(), diag.CodeServiceMissingKey,
				diag.Tf("dịch vụ thứ %d thiếu khóa bắt buộc %q", "service number %d lacks the required key %q", i+1, key), hint)
			ok = false
		}
		if sv.Name == "" {
			missing("name", diag.T(`Thêm dòng name = "Đăng ký khai sinh" (tên dịch vụ như trong danh mục).`, `Add a line name = "Đăng ký khai sinh" (the service's name as listed).`))
		}
		switch _, known := s.sectorID[sv.Sector]; {
		case sv.Sector == "":
			missing("sector", diag.Tf(`Thêm dòng sector = "…", mã một ngành khai báo ở đầu tệp: %s.`, `Add a line sector = "…", the id of a sector declared at the top of the file: %s.`, quoteList(s.sectorIDs())))
		case !known:
			l.Errorf(b.Key("sector").Pos(), diag.CodeServiceSector,
				diag.Tf("không có ngành %q trong các bảng [[sector]]", "there is no sector %q among the [[sector]] tables", sv.Sector),
				didYouMean(sv.Sector, s.sectorIDs()))
			ok = false
		}
		if sv.Lead == "" {
			missing("lead", diag.T(`Thêm dòng lead = "cong-an-huyen": mã đơn vị báo cáo tuần về dịch vụ này, trong data/units.toml.`,
				`Add a line lead = "cong-an-huyen": the id of the unit reporting weekly on the service, in data/units.toml.`))
		} else if !s.checkLead(l, b, sv, units) {
			ok = false
		}
		switch sv.Online {
		case OnlineFull, OnlinePartial:
		case "":
			missing("online", diag.T(`Thêm dòng online = "toan-trinh" (toàn trình) hoặc "mot-phan" (một phần).`,
				`Add a line online = "toan-trinh" (fully online) or "mot-phan" (partly online).`))
		default:
			l.Errorf(b.Key("online").Pos(), diag.CodeServiceOnline,
				diag.Tf("online = %q không hợp lệ", "online = %q is not valid", sv.Online),
				didYouMean(sv.Online, []string{OnlineFull, OnlinePartial}))
			ok = false
		}
		if r.DeAn06 == nil {
			missing("de_an_06", diag.T(`Thêm dòng de_an_06 = true nếu là dịch vụ công thiết yếu của Đề án 06 (chỉ tiêu trực tuyến 80%), false nếu không (60%).`,
				`Add a line de_an_06 = true for an essential service of Đề án 06 (online target 80%), false otherwise (60%).`))
		} else {
			sv.DeAn06 = *r.DeAn06
		}
		if j, dup := s.byID[sv.ID]; dup && sv.ID != "" {
			l.Errorf(b.Key("id").Pos(), diag.CodeServiceDuplicate,
				diag.Tf("mã dịch vụ %q đã dùng ở dòng %d", "service id %q is already used on line %d", sv.ID, s.All[j].Pos.Line),
				diag.T("Mỗi dịch vụ cần một mã riêng.", "Each service needs an id of its own."))
			continue
		}
		for _, n := range []struct{ key, text string }{{"name", sv.Name}, {"short", r.Short}} {
			k := vi.Slug(n.text)
			if line, dup := keyLine[k]; dup && k != "" {
				l.Errorf(b.Key(n.key).Pos(), diag.CodeServiceDuplicate,
					diag.Tf("tên %q trùng với tên dịch vụ ở dòng %d", "name %q is the same as the service's on line %d", n.text, line),
					diag.T("Tên và tên ngắn phải khác nhau giữa các dịch vụ, để tìm được đúng dịch vụ theo tên trong báo cáo.",
						"Names and short names must differ between services, so that a name in a report finds one service."))
				ok = false
			}
		}
		if !ok {
			continue
		}
		for _, k := range []string{sv.ID, vi.Slug(sv.Name), vi.Slug(sv.Short)} {
			if _, seen := keyLine[k]; !seen {
				keyLine[k] = b.Pos().Line
			}
		}
		idx := len(s.All)
		s.byID[sv.ID] = idx
		s.All = append(s.All, sv)
	}
	for i, sv := range s.All {
		for _, k := range []string{sv.ID, vi.Slug(sv.Name), vi.Slug(sv.Short)} {
			if j, seen := s.byKey[k]; seen && j != i {
				s.byKey[k] = -1 // an id equal to another service's name: neither
				continue
			}
			s.byKey[k] = i
		}
	}
	return s
}

// checkID reports a missing or malformed id of the i-th table of kind
// ("sector" or "service").
func checkID(l *diag.List, b *tomlx.Node, kind string, i int, id, example string) bool {
	word := map[string]diag.Text{"sector": diag.T("ngành", "sector"), "service": diag.T("dịch vụ", "service")}[kind]
	switch {
	case id == "":
		l.Errorf(b.Pos(), diag.CodeServiceMissingKey,
			diag.Tf("%s thứ %d thiếu khóa bắt buộc \"id\"", "%s number %d lacks the required key \"id\"", word, i+1),
			diag.Tf(`Thêm dòng id = %q (mã không dấu, không đổi sau khi đã dùng trong báo cáo).`, `Add a line id = %q (an ASCII id, not to be changed once reports use it).`, example))
		return false
	case vi.Slug(id) != id:
		l.Errorf(b.Key("id").Pos(), diag.CodeServiceID,
			diag.Tf("mã %s %q không hợp lệ", "%s id %q is not valid", word, id),
			diag.Tf("Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ %q.",
				"An id has only lower-case ASCII letters, digits and hyphens, for example %q.", vi.Slug(id)))
		return false
	}
	return true
}

// checkLead reports a lead that is not a reporting unit.
func (s *Services) checkLead(l *diag.List, b *tomlx.Node, sv Service, units *Units) bool {
	u, found := units.ByID(sv.Lead)
	if !found {
		hint := diag.Tf("Dùng mã của một trong các đơn vị báo cáo tuần: %s.", "Use the id of one of the units that report weekly: %s.", quoteList(reportingIDs(units)))
		if byName, ok := units.Lookup(sv.Lead); ok {
			hint = diag.Tf("Đó là %s; viết mã của đơn vị: lead = %q.", "That is %s; write the unit's id: lead = %q.", byName.Name, byName.ID)
		} else if c := vi.Closest(sv.Lead, reportingIDs(units), 1); len(c) > 0 {
			hint = diag.Tf("Có phải là %q? Dùng mã của một đơn vị báo cáo tuần trong data/units.toml.", "Did you mean %q? Use the id of a unit that reports weekly, in data/units.toml.", c[0])
		}
		l.Add(diag.New(b.Key("lead").Pos(), diag.CodeServiceLead,
			diag.Tf("không có đơn vị %q trong data/units.toml", "there is no unit %q in data/units.toml", sv.Lead), hint).Needing(UnitsFile))
		return false
	}
	if !u.Reports {
		l.Errorf(b.Key("lead").Pos(), diag.CodeServiceLead,
			diag.Tf("%s không gửi báo cáo tuần (thiếu reports = true trong data/units.toml, dòng %d)", "%s does not send the weekly report (reports = true is not set in data/units.toml, line %d)", u.Name, u.Pos.Line),
			diag.Tf("Chọn một đơn vị báo cáo tuần (%s), hoặc thêm reports = true cho đơn vị này.", "Choose a unit that reports weekly (%s), or add reports = true to this unit.", quoteList(reportingIDs(units))))
		return false
	}
	return true
}

// reportingIDs lists the ids of the units that send the weekly report.
func reportingIDs(units *Units) []string {
	var ids []string
	if units == nil {
		return nil
	}
	for _, u := range units.All {
		if u.Reports {
			ids = append(ids, u.ID)
		}
	}
	return ids
}

func (s *Services) sectorIDs() []string {
	ids := make([]string, len(s.Sectors))
	for i, sec := range s.Sectors {
		ids[i] = sec.ID
	}
	return ids
}

// ByID returns the service with id.
func (s *Services) ByID(id string) (Service, bool) {
	if s == nil {
		return Service{}, false
	}
	i, ok := s.byID[id]
	if !ok {
		return Service{}, false
	}
	return s.All[i], true
}

// Lookup finds the service text names: its id, name or short name, in any
// case, with or without marks, composed or not, whatever the punctuation:
// "dang-ky-khai-sinh", "Đăng ký khai sinh", "DANG KY KHAI SINH" and
// "Khai sinh" (its short name) find the same service.
func (s *Services) Lookup(text string) (Service, bool) {
	if s == nil {
		return Service{}, false
	}
	i, ok := s.byKey[vi.Slug(vi.NFC(text))]
	if !ok || i < 0 {
		return Service{}, false
	}
	return s.All[i], true
}

// Suggest returns the names of up to three services whose id, name or
// short name is closest to text, closest first.
func (s *Services) Suggest(text string) []string {
	if s == nil {
		return nil
	}
	var cands []string
	owner := map[string]string{}
	for _, sv := range s.All {
		for _, c := range []string{sv.Name, sv.Short, sv.ID} {
			if _, dup := owner[c]; !dup {
				owner[c] = sv.Name
				cands = append(cands, c)
			}
		}
	}
	var out []string
	for _, c := range vi.Closest(text, cands, 9) {
		if n := owner[c]; !slices.Contains(out, n) {
			out = append(out, n)
		}
		if len(out) == 3 {
			break
		}
	}
	return out
}

// Sector returns the sector with id.
func (s *Services) Sector(id string) (Sector, bool) {
	if s == nil {
		return Sector{}, false
	}
	i, ok := s.sectorID[id]
	if !ok {
		return Sector{}, false
	}
	return s.Sectors[i], true
}

// LedBy returns the services unit reports on, in the order of the file.
func (s *Services) LedBy(unit string) []Service {
	if s == nil {
		return nil
	}
	var out []Service
	for _, sv := range s.All {
		if sv.Lead == unit {
			out = append(out, sv)
		}
	}
	return out
}

// Catalogue is the list as the aggregator of package report needs it.
func (s *Services) Catalogue() []report.Service {
	if s == nil {
		return nil
	}
	out := make([]report.Service, len(s.All))
	for i, sv := range s.All {
		out[i] = report.Service{ID: sv.ID, Sector: sv.Sector, Essential: sv.DeAn06}
	}
	return out
}
