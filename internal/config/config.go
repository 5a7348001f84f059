// Package config loads config.toml — the load stage for site settings.
//
// Every key is declared in Config; an unknown or mistyped key is an error at
// file:line:col with the closest known key as a hint. Defaults are filled
// before decoding, so an empty config.toml gives a working site.
package config

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/opendata"
	"github.com/tiendo/tiendo/internal/tomlx"
)

// File is the config file name at the site root.
const File = "config.toml"

// Config is the whole of config.toml.
type Config struct {
	Title        string `toml:"title"`
	Description  string `toml:"description"`
	BaseURL      string `toml:"baseURL"`
	LanguageCode string `toml:"languageCode"`
	TimeZone     string `toml:"timeZone"`
	Theme        string `toml:"theme"`
	// Sample marks every page with a visible notice that the figures are
	// illustrative ("Số liệu minh họa").
	Sample bool `toml:"sample"`
	// SampleNote replaces the default wording of that notice.
	SampleNote string `toml:"sampleNote"`
	// RelativeURLs makes every link relative, so public/ works opened from disk.
	RelativeURLs bool `toml:"relativeURLs"`
	// AsOf is the reporting moment the site is judged at, "YYYY-MM-DD" or
	// "YYYY-MM-DDTHH:MM", in TimeZone. Overridden by --now.
	AsOf string `toml:"asOf"`
	// Languages lists the languages of a bilingual site beside LanguageCode,
	// e.g. ["en"]; a page may then have a translation file.en.md.
	Languages []string `toml:"languages"`

	// Licence is the SPDX identifier of the licence the open data is
	// published under; default opendata.DefaultLicence (CC BY 4.0).
	Licence string `toml:"licence"`
	// Citation is how to cite the data; the date judged at and the
	// catalogue's address are added to it. Default: publisher, title.
	Citation string `toml:"citation"`

	Organisation Organisation           `toml:"organisation"`
	Menus        map[string][]MenuEntry `toml:"menus"`
	Markup       Markup                 `toml:"markup"`
	Tasks        Tasks                  `toml:"tasks"`
	Indicators   Indicators             `toml:"indicators"`
	Reports      Reports                `toml:"reports"`

	// Derived fields, set by Load.
	// DataLicence is the licence Licence names.
	DataLicence opendata.Licence `toml:"-"`
	Location    *time.Location   `toml:"-"`
	// BasePath is the URL path of baseURL, always beginning and ending in "/".
	BasePath string `toml:"-"`
	// BaseURLPos is where config.toml sets baseURL; zero when it does not.
	BaseURLPos diag.Pos `toml:"-"`
}

// Organisation is who publishes the site, shown in every footer.
type Organisation struct {
	Name    string `toml:"name"`
	Address string `toml:"address"`
	Phone   string `toml:"phone"`
	Email   string `toml:"email"`
	Website string `toml:"website"`
}

// MenuEntry is a link in a menu. URL is a site path ("/chi-tieu/") or an
// absolute URL; Page names a content file instead ("huong-dan/_index.md").
type MenuEntry struct {
	Name   string `toml:"name"`
	URL    string `toml:"url"`
	Page   string `toml:"page"`
	Weight int    `toml:"weight"`
	// Pos is the line of the entry's url (or page) in config.toml, for
	// messages about where it leads.
	Pos diag.Pos `toml:"-"`
}

// Markup holds Markdown options.
type Markup struct {
	// Unsafe lets raw HTML in Markdown through. Off by default.
	Unsafe      bool `toml:"unsafe"`
	Typographer bool `toml:"typographer"`
	// TOCStart and TOCEnd bound the heading levels in a table of contents.
	TOCStart int `toml:"tocStart"`
	TOCEnd   int `toml:"tocEnd"`
	// ParseBudget is how long parsing one page's Markdown may take before
	// the page is refused as too complex, as a Go duration ("2s", "500ms");
	// "0s" removes the bound. Budget is its value, set by Parse.
	ParseBudget string        `toml:"parseBudget"`
	Budget      time.Duration `toml:"-"`
}

// Tasks holds settings of the task tracker.
type Tasks struct {
	// SoonDays is how many days before its due date a task is "sắp đến hạn".
	SoonDays int `toml:"soonDays"`
	// PlanDate is the date the plan was issued, the start of "Thực hiện ngay".
	PlanDate string `toml:"planDate"`
}

// Indicators holds the progress-status method's thresholds.
type Indicators struct {
	// OnTrack is the share of the expected value at or above which an
	// indicator is "đúng tiến độ" (e.g. 0.95).
	OnTrack float64 `toml:"onTrack"`
	// AtRisk is the share below which it is "có nguy cơ không đạt" (e.g. 0.8).
	AtRisk float64 `toml:"atRisk"`
	// From and To bound the periods data may have (e.g. "2022-01",
	// "2023-12"); a row outside is an error. Empty leaves that side open.
	From string `toml:"from"`
	To   string `toml:"to"`
}

// Reports holds the reporting deadline rules, in the plan's words.
type Reports struct {
	Weekly   string `toml:"weekly"`
	Monthly  string `toml:"monthly"`
	HalfYear string `toml:"halfYear"`
}

// Defaults returns the configuration of a site with an empty config.toml.
func Defaults() Config {
	return Config{
		Title:        "tiendo",
		LanguageCode: "vi",
		TimeZone:     "Asia/Ho_Chi_Minh",
		Theme:        "default",
		BaseURL:      "/",
		Licence:      opendata.DefaultLicence,
		Markup:       Markup{Typographer: true, TOCStart: 2, TOCEnd: 3, ParseBudget: "2s", Budget: 2 * time.Second},
		Tasks:        Tasks{SoonDays: 14},
		Indicators:   Indicators{OnTrack: 0.95, AtRisk: 0.8},
		Reports: Reports{
			Weekly:   "trước 09h ngày Thứ 3 hàng tuần",
			Monthly:  "trước ngày 13 hàng tháng",
			HalfYear: "trước ngày 14/06 và 14/12 hàng năm",
		},
	}
}

// Parse decodes config.toml's bytes, fills defaults and checks values.
// Problems are reported into l with positions in file.
func Parse(file string, src []byte, l *diag.List) Config {
	c := Defaults()
	md := tomlx.Decode(file, 0, src, &c, l)
	written := src
	if md == nil {
		written = nil // what was decoded is not known: point at the file
	}
	at := tomlx.Scan(file, 0, written)
	pos := func(key ...string) diag.Pos { return at.Key(key...).Pos() }

	switch c.LanguageCode {
	case "vi", "en":
	default:
		l.Errorf(pos("languageCode"), diag.CodeConfigLang,
			diag.Tf("languageCode %q không được hỗ trợ", "languageCode %q is not supported", c.LanguageCode),
			diag.T("Dùng \"vi\" hoặc \"en\".", "Use \"vi\" or \"en\"."))
		c.LanguageCode = "vi"
	}
	for i, lang := range c.Languages {
		if lang != "vi" && lang != "en" {
			l.Errorf(at.Key("languages").Elem(i).Pos(), diag.CodeConfigLang,
				diag.Tf("ngôn ngữ %q không được hỗ trợ", "language %q is not supported", lang),
				diag.T("Dùng \"vi\" hoặc \"en\".", "Use \"vi\" or \"en\"."))
		}
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		l.Errorf(pos("timeZone"), diag.CodeConfigTimezone,
			diag.Tf("múi giờ %q không tồn tại", "unknown time zone %q", c.TimeZone),
			diag.T("Ví dụ: timeZone = \"Asia/Ho_Chi_Minh\".", "For example: timeZone = \"Asia/Ho_Chi_Minh\"."))
		loc = time.FixedZone("ICT", 7*3600)
	}
	c.Location = loc
	if c.AsOf != "" {
		if _, ok := ParseMoment(c.AsOf, loc); !ok {
			l.Errorf(pos("asOf"), diag.CodeConfigAsOf,
				diag.Tf("asOf %q không phải ngày hợp lệ", "asOf %q is not a valid date", c.AsOf),
				diag.T("Dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM, ví dụ \"2023-06-30\".",
					"Use YYYY-MM-DD or YYYY-MM-DDTHH:MM, for example \"2023-06-30\"."))
		}
	}
	if c.Tasks.PlanDate != "" {
		if _, ok := ParseMoment(c.Tasks.PlanDate, loc); !ok {
			l.Errorf(pos("tasks", "planDate"), diag.CodeConfigDate,
				diag.Tf("planDate %q không phải ngày hợp lệ", "planDate %q is not a valid date", c.Tasks.PlanDate),
				diag.T("Dạng YYYY-MM-DD, ví dụ \"2023-03-21\".", "Use YYYY-MM-DD, for example \"2023-03-21\"."))
		}
	}
	if n := at.Key("baseURL"); n.Found() {
		c.BaseURLPos = n.Pos()
	}
	if bp, ok := basePath(c.BaseURL); ok {
		c.BasePath = bp
	} else {
		pos := c.BaseURLPos
		if pos.File == "" {
			pos = diag.Pos{File: file, Line: 1, Col: 1}
		}
		l.Errorf(pos, diag.CodeConfigBaseURL,
			diag.Tf("baseURL %q không hợp lệ", "baseURL %q is not valid", c.BaseURL),
			BaseURLHint)
		c.BaseURL, c.BasePath = "/", "/"
	}
	if c.Markup.TOCStart < 1 || c.Markup.TOCEnd > 6 || c.Markup.TOCStart > c.Markup.TOCEnd {
		key := "tocStart"
		if c.Markup.TOCStart >= 1 && c.Markup.TOCEnd > 6 {
			key = "tocEnd"
		}
		l.Errorf(pos("markup", key), diag.CodeConfigTOC,
			diag.T("tocStart/tocEnd phải nằm trong 1–6 và tocStart ≤ tocEnd", "tocStart/tocEnd must be within 1–6 with tocStart ≤ tocEnd"),
			diag.Text{})
		c.Markup.TOCStart, c.Markup.TOCEnd = 2, 3
	}
	if d, err := time.ParseDuration(c.Markup.ParseBudget); err == nil && d >= 0 {
		c.Markup.Budget = d
	} else {
		l.Errorf(pos("markup", "parseBudget"), diag.CodeConfigParseBudget,
			diag.Tf("parseBudget %q không phải khoảng thời gian hợp lệ", "parseBudget %q is not a valid duration", c.Markup.ParseBudget),
			diag.T("Ví dụ: parseBudget = \"2s\" (2 giây) hoặc \"500ms\"; \"0s\" là không giới hạn.",
				"For example: parseBudget = \"2s\" or \"500ms\"; \"0s\" means no limit."))
		c.Markup.Budget = 2 * time.Second
	}
	for name, entries := range c.Menus {
		for i, e := range entries {
			entry := at.Key("menus", name).Elem(i)
			if e.Page != "" {
				entries[i].Pos = entry.Key("page").Pos()
			} else {
				entries[i].Pos = entry.Key("url").Pos()
			}
			if e.Name == "" || (e.URL == "" && e.Page == "") {
				l.Errorf(entry.Pos(), diag.CodeConfigMenu,
					diag.Tf("mục menu %q cần name và url (hoặc page)", "menu entry in %q needs name and url (or page)", name),
					diag.T("Ví dụ: [[menus.main]] name = \"Chỉ tiêu\" url = \"/chi-tieu/\".",
						"For example: [[menus.main]] name = \"Indicators\" url = \"/chi-tieu/\"."))
			}
			if e.URL != "" && !safeURL(e.URL) {
				l.Errorf(entries[i].Pos, diag.CodeConfigMenuURL,
					diag.Tf("menu %q: địa chỉ %q không được phép", "menu %q: the address %q is not allowed", name, e.URL),
					diag.T("Dùng đường dẫn trong trang web (\"/chi-tieu/\") hoặc địa chỉ http:, https:, mailto:, tel:.",
						"Use a path within the site (\"/chi-tieu/\") or an http:, https:, mailto: or tel: address."))
			}
		}
	}
	if lic, ok := opendata.LicenceByID(c.Licence); ok {
		c.DataLicence = lic
	} else {
		l.Errorf(pos("licence"), diag.CodeConfigLicence,
			diag.Tf("giấy phép %q không có trong danh sách tiendo biết", "the licence %q is not one tiendo knows", c.Licence),
			diag.Tf("Ghi mã SPDX của giấy phép, một trong: %s. Mặc định là %s.", "Write the licence's SPDX identifier, one of: %s. The default is %s.",
				strings.Join(opendata.LicenceIDs(), ", "), opendata.DefaultLicence))
		c.DataLicence, _ = opendata.LicenceByID(opendata.DefaultLicence)
	}
	if w := c.Organisation.Website; w != "" {
		if u, err := url.Parse(w); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !safeURL(w) {
			l.Errorf(pos("organisation", "website"), diag.CodeConfigWebsite,
				diag.Tf("organisation.website %q không được phép", "organisation.website %q is not allowed", w),
				diag.T("Viết địa chỉ đầy đủ bắt đầu bằng https://, ví dụ \"https://lochatinh.gov.vn/\".",
					"Write a full address starting with https://, for example \"https://lochatinh.gov.vn/\"."))
		}
	}
	return c
}

// safeSchemes are the schemes a link from the config may carry, as for
// links in pages.
var safeSchemes = []string{"http", "https", "mailto", "tel"}

// safeURL reports whether u may be a link's address: a path within the
// site, or a URL with one of safeSchemes. Scripts (javascript:, data:,
// vbscript:) and addresses with spaces or control characters, which a
// browser would strip before reading the scheme, are refused.
func safeURL(u string) bool {
	for _, r := range u {
		if r <= ' ' || r == 0x7f {
			return false
		}
	}
	i := strings.IndexAny(u, ":/?#")
	if i < 0 || u[i] != ':' {
		return true // a path, relative or absolute
	}
	return slices.Contains(safeSchemes, strings.ToLower(u[:i]))
}

// BaseURLHint says what a baseURL may be.
var BaseURLHint = diag.T(
	"Dùng một đường dẫn (\"/\" hoặc \"/de-an-06/\") hoặc địa chỉ đầy đủ bắt đầu bằng https://, ví dụ \"https://example.gov.vn/de-an-06/\".",
	"Use a path (\"/\" or \"/de-an-06/\") or a full address starting with https://, for example \"https://example.gov.vn/de-an-06/\".")

// SetBaseURL overrides baseURL (the --baseURL flag).
func (c *Config) SetBaseURL(u string) bool {
	bp, ok := basePath(u)
	if !ok {
		return false
	}
	c.BaseURL, c.BasePath = u, bp
	return true
}

// ValidBaseURL reports whether u may be a baseURL: a path ("/",
// "/de-an-06/") or an absolute http or https URL with a host.
func ValidBaseURL(u string) bool {
	_, ok := basePath(u)
	return ok
}

// Absolute reports whether baseURL names a host, so the sitemap, the feed,
// og:url and the embed code can carry absolute URLs.
func (c *Config) Absolute() bool { return c.Origin() != "" }

// Origin is scheme://host of baseURL, or "" when baseURL is a bare path.
func (c *Config) Origin() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// basePath checks a baseURL and returns its path, beginning and ending in
// "/". A baseURL is a path or an http(s) URL with a host, and nothing that
// a browser would read as another host: "//host/" (protocol-relative) and
// backslashes, which browsers take for slashes, are refused, as are user
// names, queries, fragments, "..", spaces and control characters.
func basePath(raw string) (string, bool) {
	if raw == "" {
		return "/", true
	}
	if !plainURL(raw) {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" || u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return "", false
	}
	switch u.Scheme {
	case "":
		if u.Host != "" || !strings.HasPrefix(raw, "/") || strings.HasPrefix(raw, "//") {
			return "", false
		}
	case "http", "https":
		if u.Host == "" {
			return "", false
		}
	default:
		return "", false
	}
	p := u.Path
	if !plainURL(p) {
		return "", false
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	if strings.Contains(p, "..") {
		return "", false
	}
	return p, true
}

// plainURL reports whether s has no space, control character or backslash.
func plainURL(s string) bool {
	for _, r := range s {
		if r <= ' ' || r == 0x7f || r == '\\' {
			return false
		}
	}
	return true
}

// ParseMoment reads "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" in loc. A date alone
// means the end of that day (23:59:59), the moment a report "as of 30/06"
// is judged at.
func ParseMoment(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.ParseInLocation("2006-01-02T15:04", s, loc); err == nil {
		return t, true
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04:05", s, loc); err == nil {
		return t, true
	}
	if t, err := time.ParseInLocation("2006-01-02", s, loc); err == nil {
		return t.Add(24*time.Hour - time.Second), true
	}
	return time.Time{}, false
}

// PlanTime is the date the plan was issued ([tasks] planDate), at its
// first moment in the site's zone; zero when the site does not know it,
// which no guess replaces: “Thực hiện ngay” is then due “ngay”, on no named
// day.
func (c Config) PlanTime() time.Time {
	if c.Tasks.PlanDate != "" {
		if t, err := time.ParseInLocation("2006-01-02", c.Tasks.PlanDate, c.Location); err == nil {
			return t
		}
	}
	return time.Time{}
}

// PathBaseURL is the warning, given once, of what a baseURL without a host
// leaves out: every output that must carry absolute URLs. fromFlag tells
// that baseURL came from --baseURL rather than config.toml. A sample site
// (sample = true) is not being published, and builds without it.
func (c Config) PathBaseURL(fromFlag bool) *diag.Diagnostic {
	pos := c.BaseURLPos
	if fromFlag {
		pos = diag.Pos{File: "--baseURL"}
	} else if pos.File == "" {
		pos = diag.Pos{File: File}
	}
	return diag.NewWarning(pos, diag.CodeBaseURLNotAbsolute,
		diag.Tf("baseURL %q là đường dẫn, không có tên miền: không ghi sitemap.xml và atom.xml (bản tin Atom), "+
			"các trang không có og:url và liên kết chính tắc, trang chỉ tiêu không có mã nhúng (embed, iframe)",
			"baseURL %q is a path without a host: sitemap.xml and atom.xml (the Atom feed) are not written, "+
				"pages carry no og:url or canonical link, and indicator pages no embed code (iframe)", c.BaseURL),
		diag.T("Các phần này cần địa chỉ đầy đủ. Khi xuất bản, đặt baseURL = \"https://tên-miền/…\" trong config.toml hoặc dựng với --baseURL https://tên-miền/….",
			"They need absolute addresses. For publishing, set baseURL = \"https://your-domain/…\" in config.toml or build with --baseURL https://your-domain/…."))
}
