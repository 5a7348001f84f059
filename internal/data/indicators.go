package data

import (
	"cmp"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/provenance"
	"github.com/tiendo/tiendo/internal/table"
	"github.com/tiendo/tiendo/internal/tomlx"
	"github.com/tiendo/tiendo/internal/vi"
)

// Dir is the data directory of a site; Indicator.File is relative to it.
const Dir = "data"

// FilePath returns the path of ind's CSV file relative to the site root,
// as table.Read and diagnostics name it: "data/chi-tieu/vneid.csv".
func FilePath(ind *indicator.Indicator) string { return Dir + "/" + ind.File }

type rawRegistry struct {
	Group     []rawGroup     `toml:"group"`
	Indicator []rawIndicator `toml:"indicator"`
	Check     []rawCheck     `toml:"check"`
}

type rawCheck struct {
	Indicators []string `toml:"indicators"`
	Tolerance  *float64 `toml:"tolerance"`
}

type rawGroup struct {
	Code  string `toml:"code"`
	Title string `toml:"title"`
}

type rawIndicator struct {
	ID           string       `toml:"id"`
	Title        string       `toml:"title"`
	TitleEn      string       `toml:"titleEn"`
	Description  string       `toml:"description"`
	Unit         string       `toml:"unit"`
	UnitEn       string       `toml:"unitEn"`
	Measure      string       `toml:"measure"`
	Direction    string       `toml:"direction"`
	Baseline     *rawBaseline `toml:"baseline"`
	Target       []rawTarget  `toml:"target"`
	Lead         string       `toml:"lead"`
	LeadSource   string       `toml:"leadSource"`
	LeadBasis    string       `toml:"leadBasis"`
	Task         string       `toml:"task"`
	Source       string       `toml:"source"`
	Frequency    string       `toml:"frequency"`
	File         string       `toml:"file"`
	Sheet        string       `toml:"sheet"`
	Reports      string       `toml:"reports"`
	Services     anyValue     `toml:"services"`
	Dimension    string       `toml:"dimension"`
	Decimals     *int         `toml:"decimals"`
	DecimalComma *bool        `toml:"decimalComma"`
	Group        string       `toml:"group"`
	Weight       int          `toml:"weight"`
	Illustrative *bool        `toml:"illustrative"`
}

type rawBaseline struct {
	Period string   `toml:"period"`
	Value  *float64 `toml:"value"`
}

type rawTarget struct {
	Value    *float64 `toml:"value"`
	Change   string   `toml:"change"`
	Deadline anyValue `toml:"deadline"`
	From     anyValue `toml:"from"`
	Label    string   `toml:"label"`
	Origin   string   `toml:"origin"`
	Quote    string   `toml:"quote"`
	// Units are the values the plan assigns to single units, by unit id
	// or name.
	Units map[string]float64 `toml:"units"`
}

// anyValue keeps a TOML value of any type, so that a deadline may be a
// string ("2023-Q2") or a TOML date (2023-06-30).
type anyValue struct{ v any }

func (a *anyValue) UnmarshalTOML(v any) error {
	a.v = v
	return nil
}

// frequencies maps the frequency words of indicators.toml to period kinds.
var frequencies = map[string]period.Kind{
	"daily": period.Day, "weekly": period.Week, "monthly": period.Month,
	"quarterly": period.Quarter, "half-yearly": period.HalfYear, "yearly": period.Year,
}

var frequencyNames = []string{"daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly"}

// ParseIndicators reads data/indicators.toml: [[group]] tables (code,
// title) naming the plan's task groups, then one [[indicator]] table per
// indicator with [[indicator.target]] tables inside (see the package
// documentation for the keys). Deadlines fall due at the end of their day
// in loc (nil means UTC). Every problem is reported into l at its line; an
// indicator with a problem is left out of the result, which is in the
// order of weight, then of the file.
func ParseIndicators(file string, src []byte, units *Units, loc *time.Location, l *diag.List) []*indicator.Indicator {
	if loc == nil {
		loc = time.UTC
	}
	var raw rawRegistry
	if tomlx.Decode(file, 0, src, &raw, l) == nil {
		return nil
	}
	r := registry{file: file, units: units, loc: loc, l: l}
	at := tomlx.Scan(file, 0, src)
	r.groups(raw.Group, at.Key("group"))
	blocks := at.Key("indicator")
	seen := map[string]diag.Pos{}
	var out []*indicator.Indicator
	for i, ri := range raw.Indicator {
		b := blocks.Elem(i)
		ind, ok := r.indicator(i, ri, b)
		if ind.ID != "" {
			if first, dup := seen[ind.ID]; dup {
				l.Errorf(b.Key("id").Pos(), diag.CodeIndicatorDuplicate,
					diag.Tf("mã chỉ tiêu %q đã dùng ở dòng %d; dòng %d dùng lại", "indicator id %q is already used on line %d; line %d uses it again", ind.ID, first.Line, b.Key("id").Pos().Line),
					diag.T("Mỗi chỉ tiêu cần một mã riêng: đổi mã của một trong hai.", "Each indicator needs an id of its own: change one of the two."))
				continue
			}
			seen[ind.ID] = b.Key("id").Pos()
		}
		if ok {
			out = append(out, ind)
		}
	}
	slices.SortStableFunc(out, func(a, b *indicator.Indicator) int { return cmp.Compare(a.Weight, b.Weight) })
	return out
}

// NamedFiles returns the data files the [[indicator]] tables of src name
// (file = …), as paths from the site root, whether or not their indicator
// has errors: such a file is not unused, its indicator's problem is
// reported instead. It returns nil when src cannot be decoded; call it
// on a src ParseIndicators decoded, which checked its size and depth.
func NamedFiles(src []byte) []string {
	var raw rawRegistry
	if _, err := toml.Decode(string(src), &raw); err != nil {
		return nil
	}
	var out []string
	for _, ri := range raw.Indicator {
		f := strings.TrimSpace(ri.File)
		if _, _, bad := checkPath(f); f != "" && !bad {
			out = append(out, Dir+"/"+f)
		}
	}
	return out
}

// lead checks the lead keys: lead, a unit or group id, with leadSource and
// leadBasis; or task, whose lead the indicator takes once tasks are read
// (LinkTasks), with lead optional and the provenance keys left out.
func (r *registry) lead(ind *indicator.Indicator, ri rawIndicator, b *tomlx.Node, name string) (ok bool) {
	ok = true
	fail := func(pos diag.Pos, code string, msg, hint diag.Text) {
		r.errorf(pos, code, msg, hint)
		ok = false
	}
	if ind.Task != "" {
		for _, k := range []struct{ key, val string }{{"leadSource", ri.LeadSource}, {"leadBasis", ri.LeadBasis}} {
			if strings.TrimSpace(k.val) != "" {
				fail(b.Key(k.key).Pos(), diag.CodeIndicatorLeadSource,
					diag.Tf("chỉ tiêu %s đã ghi task = %q nên lấy nguồn của đơn vị chủ trì từ nhiệm vụ đó; không ghi %s",
						"indicator %s names task = %q, so its lead's source is the task's; do not write %s", quoteName(name), ind.Task, k.key),
					diag.Tf("Xóa dòng %s; ghi nguồn ở cột nguon_chu_tri, can_cu_chu_tri của nhiệm vụ trong data/tasks.csv.",
						"Delete the %s line; give the source in the task's nguon_chu_tri and can_cu_chu_tri columns in data/tasks.csv.", k.key))
			}
		}
		if ind.Lead == "" {
			return ok
		}
	}
	if ind.Lead == "" {
		fail(b.Pos(), diag.CodeIndicatorMissingKey,
			diag.Tf("chỉ tiêu %s thiếu khóa bắt buộc %q", "indicator %s lacks the required key %q", quoteName(name), "lead"), diag.T(`Thêm dòng lead = "cong-an-huyen" (mã đơn vị chủ trì trong data/units.toml), hoặc task = "3.4.1" để lấy đơn vị chủ trì của nhiệm vụ.`,
				`Add a line lead = "cong-an-huyen" (the lead unit's id in data/units.toml), or task = "3.4.1" to take the task's lead.`))
		return false
	}
	_, isUnit := r.units.ByID(ind.Lead)
	_, isGroup := r.units.Group(ind.Lead)
	if !isUnit && !isGroup {
		hint := diag.T("Dùng mã (id) của một đơn vị trong data/units.toml.", "Use the id of a unit in data/units.toml.")
		if u, byName := r.units.Lookup(ind.Lead); byName {
			hint = diag.Tf("Đó là %s; viết mã của đơn vị: lead = %q.", "That is %s; write the unit's id: lead = %q.", u.Name, u.ID)
		} else if s := r.unitIDs(ind.Lead); len(s) > 0 {
			hint = diag.Tf("Có phải là %s? Dùng mã (id) của một đơn vị trong data/units.toml.", "Did you mean %s? Use the id of a unit in data/units.toml.", quoteList(s))
		}
		r.l.Add(diag.New(b.Key("lead").Pos(), diag.CodeIndicatorLead,
			diag.Tf("không có đơn vị %q trong data/units.toml", "there is no unit %q in data/units.toml", ind.Lead), hint).Needing(UnitsFile))
		ok = false
	}
	if ind.Task != "" {
		return ok
	}
	k, known := provenance.Parse(ri.LeadSource, provenance.LeadKinds)
	if !known {
		fail(b.Key("leadSource").Pos(), diag.CodeIndicatorLeadSource,
			diag.Tf("leadSource = %q không hợp lệ", "leadSource = %q is not valid", ri.LeadSource),
			diag.T("Dùng "+provenance.List(provenance.LeadKinds, "hoặc")+".", "Use "+provenance.List(provenance.LeadKinds, "or")+"."))
	}
	ind.LeadSource = provenance.Of{Kind: k, Basis: vi.NFC(strings.TrimSpace(ri.LeadBasis))}
	if k.NeedsBasis() && ind.LeadSource.Basis == "" {
		fail(b.Key("leadSource").Pos(), diag.CodeIndicatorLeadSource,
			diag.Tf("leadSource = %q cần leadBasis: lời kế hoạch (ke-hoach) hoặc lý do (suy-luan)", "leadSource = %q needs leadBasis: the plan's words (ke-hoach) or the reason (suy-luan)", string(k)),
			diag.T(`Thêm dòng leadBasis = "…".`, `Add a line leadBasis = "…".`))
	}
	return ok
}

// registry holds what checking one indicators.toml needs.
type registry struct {
	file       string
	units      *Units
	loc        *time.Location
	l          *diag.List
	groupTitle map[string]string
	groupCodes []string
}

func (r *registry) groups(gs []rawGroup, blocks *tomlx.Node) {
	r.groupTitle = map[string]string{}
	lines := map[string]int{}
	for i, g := range gs {
		b := blocks.Elem(i)
		code, title := strings.TrimSpace(g.Code), vi.NFC(strings.TrimSpace(g.Title))
		for _, k := range []struct{ key, val string }{{"code", code}, {"title", title}} {
			if k.val == "" {
				r.l.Errorf(b.Pos(), diag.CodeIndicatorMissingKey,
					diag.Tf("nhóm thứ %d thiếu khóa bắt buộc %q", "group number %d lacks the required key %q", i+1, k.key),
					diag.T(`Mỗi [[group]] cần code = "3.4" (số mục trong kế hoạch) và title = "…".`,
						`Each [[group]] needs code = "3.4" (the plan's section number) and title = "…".`))
			}
		}
		if code == "" {
			continue
		}
		if first, dup := lines[code]; dup {
			r.l.Errorf(b.Key("code").Pos(), diag.CodeIndicatorDuplicate,
				diag.Tf("nhóm %q đã khai báo ở dòng %d", "group %q is already declared on line %d", code, first),
				diag.T("Xoá một trong hai bảng [[group]].", "Delete one of the two [[group]] tables."))
			continue
		}
		lines[code] = b.Key("code").Pos().Line
		r.groupTitle[code] = title
		r.groupCodes = append(r.groupCodes, code)
	}
}

func (r *registry) errorf(pos diag.Pos, code string, msg, hint diag.Text) {
	r.l.Errorf(pos, code, msg, hint)
}

// indicator checks one [[indicator]] table; ok is false if it has errors.
func (r *registry) indicator(i int, ri rawIndicator, b *tomlx.Node) (ind *indicator.Indicator, ok bool) {
	ok = true
	fail := func(pos diag.Pos, code string, msg, hint diag.Text) {
		r.errorf(pos, code, msg, hint)
		ok = false
	}
	ind = &indicator.Indicator{
		ID: strings.TrimSpace(ri.ID), Title: vi.NFC(strings.TrimSpace(ri.Title)), TitleEn: strings.TrimSpace(ri.TitleEn),
		Description: vi.NFC(ri.Description), Unit: vi.NFC(strings.TrimSpace(ri.Unit)), UnitEn: strings.TrimSpace(ri.UnitEn),
		Measure: indicator.Measure(strings.TrimSpace(ri.Measure)), Direction: indicator.Direction(strings.TrimSpace(ri.Direction)),
		Lead: strings.TrimSpace(ri.Lead), Source: vi.NFC(strings.TrimSpace(ri.Source)), File: strings.TrimSpace(ri.File),
		Dimension: indicator.Dimension(strings.TrimSpace(ri.Dimension)), DecimalComma: ri.DecimalComma,
		Group: strings.TrimSpace(ri.Group), Weight: ri.Weight,
		Pos: b.Pos(), FilePos: b.Key("file").Pos(), Sheet: strings.TrimSpace(ri.Sheet), SheetPos: b.Key("sheet").Pos(),
		Task: strings.TrimSpace(ri.Task), TaskPos: b.Key("task").Pos(), LeadPos: b.Key("lead").Pos(),
	}
	name := ind.ID
	if name == "" {
		name = "#" + itoa(i+1)
	}
	missing := func(key string, hint diag.Text) {
		fail(b.Pos(), diag.CodeIndicatorMissingKey,
			diag.Tf("chỉ tiêu %s thiếu khóa bắt buộc %q", "indicator %s lacks the required key %q", quoteName(name), key), hint)
	}

	// Identity and words.
	switch {
	case ind.ID == "":
		missing("id", diag.T(`Thêm dòng id = "tai-khoan-dinh-danh" (mã không dấu, dùng trong đường dẫn trang).`,
			`Add a line id = "tai-khoan-dinh-danh" (an ASCII id, used in the page's address).`))
	case vi.Slug(ind.ID) != ind.ID:
		fail(b.Key("id").Pos(), diag.CodeIndicatorID,
			diag.Tf("mã chỉ tiêu %q không hợp lệ", "indicator id %q is not valid", ind.ID),
			diag.Tf("Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ %q.",
				"An id has only lower-case ASCII letters, digits and hyphens, for example %q.", vi.Slug(ind.ID)))
	}
	if ind.Title == "" {
		missing("title", diag.T(`Thêm dòng title = "…" (tên chỉ tiêu như trong kế hoạch).`, `Add a line title = "…" (the indicator's name as in the plan).`))
	}
	if ind.Source == "" {
		missing("source", diag.T(`Thêm dòng source = "…" cho biết số liệu lấy từ đâu.`, `Add a line source = "…" saying where the figures come from.`))
	}
	if ri.Illustrative == nil {
		missing("illustrative", diag.T(`Thêm dòng illustrative = true nếu số liệu chỉ là minh họa, false nếu là số liệu thật.`,
			`Add a line illustrative = true if the figures are only illustrative, false if they are real.`))
	} else {
		ind.Illustrative = *ri.Illustrative
	}

	// Measure, direction, dimension.
	switch {
	case ind.Measure == "":
		missing("measure", diag.T(`Thêm dòng measure = "count", "cumulative", "rate" hoặc "percent".`,
			`Add a line measure = "count", "cumulative", "rate" or "percent".`))
	case !slices.Contains(indicator.Measures(), ind.Measure):
		fail(b.Key("measure").Pos(), diag.CodeIndicatorMeasure,
			diag.Tf("measure = %q không hợp lệ", "measure = %q is not valid", string(ind.Measure)),
			diag.T(`Dùng "count" (số lượng trong kỳ), "cumulative" (số lũy kế), "rate" (tỷ lệ tính từ tử số, mẫu số) hoặc "percent" (phần trăm của toàn huyện).`,
				`Use "count" (a number per period), "cumulative" (a running total), "rate" (from numerator and denominator) or "percent" (a district-wide percentage).`))
	}
	switch ind.Direction {
	case "":
		ind.Direction = indicator.Increase
	case indicator.Increase, indicator.Decrease:
	default:
		fail(b.Key("direction").Pos(), diag.CodeIndicatorDirection,
			diag.Tf("direction = %q không hợp lệ", "direction = %q is not valid", string(ind.Direction)),
			diag.T(`Dùng "increase" (càng cao càng tốt) hoặc "decrease" (càng thấp càng tốt).`,
				`Use "increase" (higher is better) or "decrease" (lower is better).`))
	}
	switch {
	case !slices.Contains(indicator.Dimensions(), ind.Dimension):
		fail(b.Key("dimension").Pos(), diag.CodeIndicatorDimension,
			diag.Tf("dimension = %q không hợp lệ", "dimension = %q is not valid", string(ind.Dimension)),
			diag.T(`Dùng "commune" (theo xã, thị trấn), "unit" (theo đơn vị), "service" (theo dịch vụ) hoặc bỏ dòng này nếu chỉ có số liệu toàn huyện.`,
				`Use "commune" (by commune), "unit" (by unit), "service" (by service), or leave the line out for district-wide figures.`))
	case ind.Measure == indicator.Percent && ind.Dimension != indicator.NoDimension:
		fail(b.Key("dimension").Pos(), diag.CodeIndicatorPercentDimension,
			diag.Tf("chỉ tiêu %s đo bằng phần trăm (measure = \"percent\") nên không chia theo %q được: không thể cộng phần trăm của các đơn vị thành số của toàn huyện",
				"indicator %s is a percentage (measure = \"percent\"), so it cannot be broken down by %q: the units' percentages do not add up to the district's", quoteName(name), string(ind.Dimension)),
			diag.T(`Dùng measure = "rate" với hai cột tu_so (tử số) và mau_so (mẫu số) trong tệp CSV; tỷ lệ toàn huyện sẽ là tổng tử số ÷ tổng mẫu số.`,
				`Use measure = "rate" with the columns tu_so (numerator) and mau_so (denominator) in the CSV file; the district rate is then Σ numerators ÷ Σ denominators.`))
	}
	if ind.Unit == "" {
		if ind.Measure.IsPercentage() {
			ind.Unit = "%"
		} else {
			missing("unit", diag.T(`Thêm dòng unit = "…" (đơn vị tính, ví dụ "tài khoản", "hồ sơ").`, `Add a line unit = "…" (the unit of the values, e.g. "tài khoản", "hồ sơ").`))
		}
	}
	if ri.Decimals != nil {
		ind.Decimals = *ri.Decimals
		if ind.Decimals < 0 || ind.Decimals > 6 {
			fail(b.Key("decimals").Pos(), diag.CodeIndicatorDecimals,
				diag.Tf("decimals = %d không hợp lệ", "decimals = %d is not valid", ind.Decimals),
				diag.T("Số chữ số thập phân từ 0 đến 6.", "Decimals go from 0 to 6."))
		}
	} else if ind.Measure.IsPercentage() {
		ind.Decimals = 1
	}

	// Frequency.
	if ri.Frequency == "" {
		missing("frequency", diag.T(`Thêm dòng frequency = "monthly" (hoặc "weekly", "quarterly"…): kỳ báo cáo của số liệu.`,
			`Add a line frequency = "monthly" (or "weekly", "quarterly"…): how often figures are reported.`))
	} else if k, known := frequencies[strings.TrimSpace(ri.Frequency)]; known {
		ind.Frequency = k
	} else {
		fail(b.Key("frequency").Pos(), diag.CodeIndicatorFrequency,
			diag.Tf("frequency = %q không hợp lệ", "frequency = %q is not valid", ri.Frequency),
			didYouMean(ri.Frequency, frequencyNames))
	}

	// Lead unit: its own, or its plan task's (see LinkTasks).
	if !r.lead(ind, ri, b, name) {
		ok = false
	}

	// File, or the weekly reports the figures are computed from.
	switch {
	case ri.Reports != "":
		r.fromReports(ind, ri, b, fail)
	case ind.File == "":
		missing("file", diag.T(`Thêm dòng file = "chi-tieu/<mã chỉ tiêu>.csv" (đường dẫn trong thư mục data/), hoặc reports = "online-rate" cho chỉ tiêu tính từ báo cáo tuần.`,
			`Add a line file = "chi-tieu/<indicator id>.csv" (a path inside the data/ folder), or reports = "online-rate" for an indicator computed from the weekly reports.`))
	default:
		if msg, hint, bad := checkPath(ind.File); bad {
			fail(b.Key("file").Pos(), diag.CodeIndicatorFile, msg, hint)
		}
	}
	if ind.Sheet != "" && !table.IsWorkbook(ind.File) {
		fail(ind.SheetPos, diag.CodeIndicatorFile,
			diag.Tf("sheet = %q chỉ dùng được khi file là một sổ làm việc Excel (.xlsx)", "sheet = %q applies only when file is an Excel workbook (.xlsx)", ind.Sheet),
			diag.T("Xoá dòng sheet, hoặc ghi file = \"….xlsx\".", "Remove the sheet line, or write file = \"….xlsx\"."))
	}

	// Group.
	if ind.Group != "" {
		title, known := r.groupTitle[ind.Group]
		if !known {
			fail(b.Key("group").Pos(), diag.CodeIndicatorGroup,
				diag.Tf("không có nhóm %q trong các bảng [[group]] của tệp này", "there is no group %q among the [[group]] tables of this file", ind.Group),
				groupHint(ind.Group, r.groupCodes))
		}
		ind.GroupTitle = title
	}

	r.plan(ind, ri, b, name, fail)
	return ind, ok
}

// plan checks the baseline and targets.
func (r *registry) plan(ind *indicator.Indicator, ri rawIndicator, b *tomlx.Node, name string, fail func(diag.Pos, string, diag.Text, diag.Text)) {
	// baseline = { … } or a table [indicator.baseline]: where it is written.
	basePos := b.Key("baseline").Pos()
	switch {
	case ri.Baseline == nil:
		fail(b.Pos(), diag.CodeIndicatorMissingKey,
			diag.Tf("chỉ tiêu %s thiếu khóa bắt buộc %q", "indicator %s lacks the required key %q", quoteName(name), "baseline"),
			diag.T(`Thêm dòng baseline = { period = "2022-12", value = 0 }: giá trị xuất phát và kỳ của nó.`,
				`Add a line baseline = { period = "2022-12", value = 0 }: the starting value and its period.`))
	case ri.Baseline.Value == nil && ri.Reports != "" && strings.TrimSpace(ri.Baseline.Period) != "":
		// Computed from the weekly reports: the baseline is their figure
		// for that week (see ld.fromReports), not a second copy of it.
		p, parsed := period.Parse(ri.Baseline.Period)
		if !parsed {
			fail(basePos, diag.CodeIndicatorBaseline,
				diag.Tf("kỳ xuất phát %q không đọc được", "baseline period %q cannot be read", ri.Baseline.Period),
				periodHint(ind.Frequency))
		}
		ind.Baseline = indicator.Baseline{Period: p, FromData: true}
		ind.BaselinePos = basePos
	case ri.Baseline.Value == nil || strings.TrimSpace(ri.Baseline.Period) == "":
		fail(basePos, diag.CodeIndicatorBaseline,
			diag.T("baseline cần cả period (kỳ) và value (giá trị)", "baseline needs both period and value"),
			diag.T(`Viết baseline = { period = "2022-12", value = 0 }.`, `Write baseline = { period = "2022-12", value = 0 }.`))
	default:
		p, parsed := period.Parse(ri.Baseline.Period)
		if !parsed {
			fail(basePos, diag.CodeIndicatorBaseline,
				diag.Tf("kỳ xuất phát %q không đọc được", "baseline period %q cannot be read", ri.Baseline.Period),
				periodHint(ind.Frequency))
		}
		ind.Baseline = indicator.Baseline{Period: p, Value: *ri.Baseline.Value}
	}

	if len(ri.Target) == 0 {
		fail(b.Pos(), diag.CodeIndicatorMissingKey,
			diag.Tf("chỉ tiêu %s chưa có mục tiêu nào", "indicator %s has no target", quoteName(name)),
			diag.T("Thêm một bảng [[indicator.target]] với value = … và deadline = \"2023-06-30\" (hoặc \"2023-Q2\").",
				"Add an [[indicator.target]] table with value = … and deadline = \"2023-06-30\" (or \"2023-Q2\")."))
	}
	seen := map[time.Time]int{}
	for j, rt := range ri.Target {
		tb := b.Key("target").Elem(j)
		t := indicator.Target{Label: vi.NFC(strings.TrimSpace(rt.Label)), Quote: vi.NFC(strings.TrimSpace(rt.Quote)), Origin: indicator.OriginPlan}
		switch rt.Origin {
		case "", "plan":
		case "site":
			t.Origin = indicator.OriginSite
		default:
			fail(tb.Key("origin").Pos(), diag.CodeIndicatorOrigin,
				diag.Tf("origin %q không hợp lệ", "origin %q is not valid", rt.Origin),
				diag.T(`Viết origin = "plan" (mục tiêu của kế hoạch, mặc định) hoặc "site" (mốc do trang đặt khi kế hoạch không đặt).`,
					`Write origin = "plan" (the plan's target, the default) or "site" (a milestone the site sets where the plan sets none).`))
		}
		if !r.targetValue(ind, ri, rt, tb, j, name, &t, fail) {
			continue
		}
		when, standing, ok := r.targetWhen(rt, tb, fail)
		if !ok {
			continue
		}
		deadline, key := when, "deadline"
		if standing {
			t.From, key = when, "from"
		} else {
			t.Deadline = when
		}
		if first, dup := seen[deadline]; dup {
			fail(tb.Key(key).Pos(), diag.CodeIndicatorDeadline,
				diag.Tf("hai mục tiêu cùng hạn %s (mục tiêu thứ %d và %d)", "two targets are due on %s (targets %d and %d)", deadline.Format("02/01/2006"), first+1, j+1),
				diag.T("Mỗi hạn chỉ có một mục tiêu.", "Each deadline has one target."))
			continue
		}
		seen[deadline] = j
		// A level held from a day on may apply from before the first figure
		// (reports that start after it); a value to reach cannot be due by then.
		if !standing && !ind.Baseline.Period.IsZero() && !deadline.After(indicator.DeadlineOf(ind.Baseline.Period, r.loc)) {
			fail(tb.Key(key).Pos(), diag.CodeIndicatorDeadline,
				diag.Tf("hạn %s không sau kỳ xuất phát %s", "deadline %s is not after the baseline period %s", deadline.Format("02/01/2006"), ind.Baseline.Period),
				diag.T("Mục tiêu phải có hạn sau kỳ của giá trị xuất phát (baseline).", "A target must fall due after the baseline's period."))
		}
		if rt.Value != nil {
			r.checkValue(ind, t.Value, tb.Key("value").Pos(), fail)
		} else {
			r.checkValue(ind, t.Value, tb.Key("change").Pos(), fail)
		}
		t.ByUnit = r.unitTargets(ind, rt.Units, tb, fail)
		ind.Targets = append(ind.Targets, t)
	}
	slices.SortStableFunc(ind.Targets, func(a, b indicator.Target) int { return a.When().Compare(b.When()) })
	if ri.Baseline != nil && ri.Baseline.Value != nil {
		r.checkValue(ind, ind.Baseline.Value, basePos, fail)
	}
	if ind.Direction == indicator.Decrease && ri.Baseline != nil && ri.Baseline.Value != nil {
		prev := ind.Baseline.Value
		for _, t := range ind.Targets {
			if t.Value >= prev {
				fail(b.Key("direction").Pos(), diag.CodeIndicatorDirection,
					diag.Tf("chỉ tiêu %s cần giảm (direction = \"decrease\") nhưng mục tiêu %s không thấp hơn giá trị trước đó %s",
						"indicator %s must decrease (direction = \"decrease\") but target %s is not below the value before it, %s", quoteName(name), num(t.Value), num(prev)),
					diag.T(`Kiểm tra giá trị xuất phát và các mục tiêu, hoặc dùng direction = "increase".`,
						`Check the baseline and the targets, or use direction = "increase".`))
				break
			}
			prev = t.Value
		}
	}
}

// fromReports checks an indicator computed from the weekly reports:
// reports = "online-rate" | "on-time-rate", services = "all" (the default)
// or a list of service ids, a rate measured weekly, by reporting unit or
// for the district, with no file of its own.
func (r *registry) fromReports(ind *indicator.Indicator, ri rawIndicator, b *tomlx.Node, fail func(diag.Pos, string, diag.Text, diag.Text)) {
	switch m := indicator.ReportMeasure(strings.TrimSpace(ri.Reports)); m {
	case indicator.ReportOnline, indicator.ReportOnTime:
		ind.FromReports = m
	default:
		fail(b.Key("reports").Pos(), diag.CodeIndicatorReports,
			diag.Tf("reports = %q không hợp lệ", "reports = %q is not valid", ri.Reports),
			diag.T(`Dùng reports = "online-rate" (hồ sơ tiếp nhận trực tuyến ÷ hồ sơ tiếp nhận) hoặc "on-time-rate" (hồ sơ giải quyết trước và đúng hạn ÷ hồ sơ đã giải quyết).`,
				`Use reports = "online-rate" (dossiers received online ÷ received) or "on-time-rate" (resolved early or on time ÷ resolved).`))
		return
	}
	wrong := func(key string, msg diag.Text) {
		fail(b.Key(key).Pos(), diag.CodeIndicatorReports, msg,
			diag.T(`Chỉ tiêu tính từ báo cáo tuần là tỷ lệ theo tuần: measure = "rate", frequency = "weekly", dimension = "unit" hoặc bỏ trống, không có file.`,
				`An indicator computed from the weekly reports is a weekly rate: measure = "rate", frequency = "weekly", dimension = "unit" or none, and no file.`))
	}
	switch {
	case ind.File != "":
		wrong("file", diag.T("chỉ tiêu tính từ báo cáo tuần không có tệp số liệu riêng (file)", "an indicator computed from the weekly reports has no file of its own"))
	case ind.Measure != indicator.Rate:
		wrong("measure", diag.T("chỉ tiêu tính từ báo cáo tuần phải là tỷ lệ (measure = \"rate\")", "an indicator computed from the weekly reports is a rate (measure = \"rate\")"))
	case ind.Frequency != period.Week:
		wrong("frequency", diag.T("chỉ tiêu tính từ báo cáo tuần có số liệu theo tuần (frequency = \"weekly\")", "an indicator computed from the weekly reports is weekly (frequency = \"weekly\")"))
	case ind.Dimension != indicator.NoDimension && ind.Dimension != indicator.ByUnit:
		wrong("dimension", diag.T("chỉ tiêu tính từ báo cáo tuần chỉ chia theo đơn vị báo cáo (dimension = \"unit\")", "an indicator computed from the weekly reports is broken down by reporting unit only (dimension = \"unit\")"))
	}
	ind.ServicesPos = b.Key("services").Pos()
	switch v := ri.Services.v.(type) {
	case nil:
	case string:
		if strings.TrimSpace(v) != "all" {
			fail(b.Key("services").Pos(), diag.CodeIndicatorReports,
				diag.Tf("services = %q không hợp lệ", "services = %q is not valid", v),
				diag.T(`Viết services = "all" (mọi dịch vụ trong báo cáo tuần) hoặc một danh sách mã dịch vụ trong data/services.toml, ví dụ ["dang-ky-khai-sinh", "dang-ky-thuong-tru"].`,
					`Write services = "all" (every service of the weekly reports) or a list of service ids of data/services.toml, e.g. ["dang-ky-khai-sinh", "dang-ky-thuong-tru"].`))
		}
	case []any:
		for _, x := range v {
			id, isString := x.(string)
			if !isString || strings.TrimSpace(id) == "" {
				fail(b.Key("services").Pos(), diag.CodeIndicatorReports,
					diag.T("services phải là danh sách mã dịch vụ trong ngoặc kép", "services must be a list of service ids in quotes"), diag.Text{})
				return
			}
			ind.Services = append(ind.Services, strings.TrimSpace(id))
		}
	default:
		fail(b.Key("services").Pos(), diag.CodeIndicatorReports,
			diag.T(`services phải là "all" hoặc một danh sách mã dịch vụ`, `services must be "all" or a list of service ids`), diag.Text{})
	}
}

// targetValue sets t.Value from value = …, or from change = "-20%" and
// the baseline; false when neither gives one.
func (r *registry) targetValue(ind *indicator.Indicator, ri rawIndicator, rt rawTarget, tb *tomlx.Node, j int, name string, t *indicator.Target, fail func(diag.Pos, string, diag.Text, diag.Text)) bool {
	changeHint := diag.T(`Viết change = "-20%" (giảm 20% so với giá trị xuất phát) hoặc "+10%".`, `Write change = "-20%" (20% below the baseline) or "+10%".`)
	switch {
	case rt.Value != nil && rt.Change != "":
		fail(tb.Key("change").Pos(), diag.CodeIndicatorTargetChange,
			diag.T("mục tiêu có cả value và change", "the target has both value and change"),
			diag.T("Giữ một trong hai: value (giá trị cần đạt) hoặc change (mức thay đổi so với giá trị xuất phát mà kế hoạch yêu cầu).",
				"Keep one: value (the value to reach) or change (the change from the baseline the plan asks for)."))
		return false
	case rt.Value != nil:
		t.Value = *rt.Value
		return true
	case rt.Change != "":
		c := strings.TrimSpace(rt.Change)
		pct, err := strconv.ParseFloat(strings.TrimSuffix(strings.ReplaceAll(c, ",", "."), "%"), 64)
		if err != nil || !strings.HasSuffix(c, "%") || pct == 0 || pct <= -100 {
			fail(tb.Key("change").Pos(), diag.CodeIndicatorTargetChange,
				diag.Tf("change %q không đọc được", "change %q cannot be read", rt.Change), changeHint)
			return false
		}
		if ri.Baseline == nil || ri.Baseline.Value == nil {
			return false // reported with the baseline
		}
		t.Change = pct / 100
		t.Value = *ri.Baseline.Value * (1 + t.Change)
		return true
	}
	fail(tb.Pos(), diag.CodeIndicatorMissingKey,
		diag.Tf("mục tiêu thứ %d của chỉ tiêu %s thiếu khóa bắt buộc \"value\"", "target %d of indicator %s lacks the required key \"value\"", j+1, quoteName(name)),
		diag.T("Thêm dòng value = … (giá trị cần đạt), hoặc change = \"-20%\" khi kế hoạch đặt mức thay đổi so với giá trị xuất phát.",
			"Add a line value = … (the value to reach), or change = \"-20%\" where the plan sets a change from the baseline."))
	return false
}

// targetWhen reads deadline = … (a value to reach by then) or from = … (a
// level to hold from then on: "Thực hiện từ tháng 3/2023").
func (r *registry) targetWhen(rt rawTarget, tb *tomlx.Node, fail func(diag.Pos, string, diag.Text, diag.Text)) (when time.Time, standing, ok bool) {
	hint := diag.T(`Viết deadline = "2023-06-30" (hết ngày đó) hoặc một kỳ như "2023-06", "2023-Q2", "2023-H1", "2023" (hết kỳ đó); với mục tiêu áp dụng từ một thời điểm ("thực hiện từ tháng 3/2023"), viết from = "2023-03" (từ ngày đầu kỳ).`,
		`Write deadline = "2023-06-30" (the end of that day) or a period such as "2023-06", "2023-Q2", "2023-H1", "2023" (its end); for a target that applies from a moment on ("thực hiện từ tháng 3/2023"), write from = "2023-03" (from the period's first day).`)
	switch {
	case rt.Deadline.v != nil && rt.From.v != nil:
		fail(tb.Key("from").Pos(), diag.CodeIndicatorDeadline,
			diag.T("mục tiêu có cả deadline và from", "the target has both deadline and from"), hint)
		return time.Time{}, false, false
	case rt.From.v != nil:
		from, msg, bad := r.start(rt.From.v)
		if bad {
			fail(tb.Key("from").Pos(), diag.CodeIndicatorDeadline, msg, hint)
			return time.Time{}, false, false
		}
		return from, true, true
	}
	deadline, msg, bad := r.deadline(rt.Deadline.v)
	if bad {
		fail(tb.Key("deadline").Pos(), diag.CodeIndicatorDeadline, msg, hint)
		return time.Time{}, false, false
	}
	return deadline, false, true
}

// start reads the day a standing target applies from: a day, from its
// start, or a period, from its first day.
func (r *registry) start(v any) (time.Time, diag.Text, bool) {
	switch d := v.(type) {
	case time.Time:
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, r.loc), diag.Text{}, false
	case string:
		p, ok := period.Parse(d)
		if !ok {
			return time.Time{}, diag.Tf("thời điểm %q không đọc được", "moment %q cannot be read", d), true
		}
		y, m, day := p.First()
		return time.Date(y, m, day, 0, 0, 0, 0, r.loc), diag.Text{}, false
	}
	return time.Time{}, diag.T("from phải là một ngày hoặc một kỳ trong ngoặc kép", "from must be a date or a period in quotes"), true
}

// checkValue refuses a target or baseline that no figure could have.
func (r *registry) checkValue(ind *indicator.Indicator, v float64, pos diag.Pos, fail func(diag.Pos, string, diag.Text, diag.Text)) {
	switch {
	case ind.Measure.IsPercentage() && (v < 0 || v > 100):
		fail(pos, diag.CodeIndicatorValue,
			diag.Tf("giá trị %s nằm ngoài 0–100 của một tỷ lệ phần trăm", "value %s is outside the 0–100 of a percentage", num(v)),
			diag.T("Viết tỷ lệ bằng số phần trăm, ví dụ 80 cho 80%.", "Write a rate in percent, for example 80 for 80%."))
	case v < 0:
		fail(pos, diag.CodeIndicatorValue,
			diag.Tf("giá trị %s âm", "value %s is negative", num(v)),
			diag.T("Số lượng không thể âm.", "A count cannot be negative."))
	}
}

// deadline reads a target's deadline: a day, due at its end, or a period,
// due at the end of its last day.
func (r *registry) deadline(v any) (time.Time, diag.Text, bool) {
	switch d := v.(type) {
	case nil:
		return time.Time{}, diag.T("mục tiêu thiếu hạn (deadline)", "the target has no deadline"), true
	case time.Time:
		return indicator.EndOfDay(d.Year(), d.Month(), d.Day(), r.loc), diag.Text{}, false
	case string:
		p, ok := period.Parse(d)
		if !ok {
			return time.Time{}, diag.Tf("hạn %q không đọc được", "deadline %q cannot be read", d), true
		}
		return indicator.DeadlineOf(p, r.loc), diag.Text{}, false
	}
	return time.Time{}, diag.T("hạn (deadline) phải là một ngày hoặc một kỳ trong ngoặc kép", "the deadline must be a date or a period in quotes"), true
}

// checkPath refuses a data file path that is not a clean relative path
// inside the data directory: no "..", no absolute or drive path, no
// backslash, no "./".
func checkPath(p string) (diag.Text, diag.Text, bool) {
	hint := diag.T(`Viết đường dẫn tương đối trong thư mục data/, với dấu /, ví dụ file = "chi-tieu/vneid.csv".`,
		`Write a relative path inside the data/ folder with forward slashes, for example file = "chi-tieu/vneid.csv".`)
	clean := path.Clean(p)
	switch {
	case strings.Contains(p, `\`):
		return diag.Tf("đường dẫn %q dùng dấu \\", "path %q uses backslashes", p), hint, true
	case strings.HasPrefix(p, "/") || (len(p) > 1 && p[1] == ':'):
		return diag.Tf("đường dẫn %q là đường dẫn tuyệt đối; chỉ đọc được tệp trong thư mục data/", "path %q is absolute; only files inside the data/ folder can be read", p), hint, true
	case clean == ".." || strings.HasPrefix(clean, "../") || slices.Contains(strings.Split(p, "/"), ".."):
		return diag.Tf("đường dẫn %q ra ngoài thư mục data/", "path %q leads outside the data/ folder", p), hint, true
	case clean != p || clean == ".":
		return diag.Tf("đường dẫn %q chưa gọn", "path %q is not clean", p),
			diag.Tf("Viết %q.", "Write %q.", clean), true
	case !strings.HasSuffix(strings.ToLower(p), ".csv") && !table.IsWorkbook(p):
		return diag.Tf("tệp số liệu %q không phải tệp .csv hay .xlsx", "data file %q is neither a .csv nor an .xlsx file", p),
			diag.T("Lưu bảng số liệu dưới dạng Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8 (.csv) và ghi tên tệp có đuôi đó.", "Save the table as an Excel Workbook (.xlsx) or CSV UTF-8 (.csv) and give the file name that extension."), true
	}
	return diag.Text{}, diag.Text{}, false
}

// unitTargets reads a target's values for single units (units = {
// "xa-thach-kim" = 4500, "Bình An" = 3000 }), keyed by id, full or short
// name, into values by unit id. The indicator must be broken down by
// commune or unit, and each unit must be one its CSV may name.
func (r *registry) unitTargets(ind *indicator.Indicator, raw map[string]float64, tb *tomlx.Node, fail func(diag.Pos, string, diag.Text, diag.Text)) map[string]float64 {
	if len(raw) == 0 {
		return nil
	}
	if ind.Dimension != indicator.ByCommune && ind.Dimension != indicator.ByUnit {
		fail(tb.Key("units").Pos(), diag.CodeIndicatorTargetUnits,
			diag.T("mục tiêu theo từng đơn vị (units) chỉ dùng cho chỉ tiêu có số liệu theo xã hoặc theo đơn vị",
				"targets for single units (units) need an indicator broken down by commune or by unit"),
			diag.T(`Thêm dimension = "commune" (hoặc "unit") và cột xã (don_vi) vào tệp CSV, hoặc bỏ bảng units.`,
				`Add dimension = "commune" (or "unit") and the commune (don_vi) column to the CSV file, or remove the units table.`))
		return nil
	}
	out := map[string]float64{}
	from := map[string]string{}
	for _, key := range slices.Sorted(maps.Keys(raw)) {
		pos := tb.Key("units", key).Pos()
		u, found := r.units.Lookup(key)
		switch {
		case !found:
			hint := diag.T("Ghi mã (id) hoặc tên của một đơn vị trong data/units.toml.", "Write the id or the name of a unit of data/units.toml.")
			if ids := r.unitIDs(key); len(ids) > 0 {
				hint = diag.Tf("Có phải là %q? Ghi mã (id) hoặc tên của một đơn vị trong data/units.toml.",
					"Did you mean %q? Write the id or the name of a unit of data/units.toml.", ids[0])
			}
			fail(pos, diag.CodeIndicatorTargetUnits,
				diag.Tf("không có đơn vị %q trong data/units.toml", "there is no unit %q in data/units.toml", key), hint)
			continue
		case ind.Dimension == indicator.ByCommune && !u.IsCommune():
			fail(pos, diag.CodeIndicatorTargetUnits,
				diag.Tf("%q là %s, không phải xã, thị trấn", "%q is %s, not a commune", key, u.Name),
				diag.T("Chỉ tiêu này có số liệu theo xã, thị trấn: chỉ giao mục tiêu cho xã, thị trấn.",
					"This indicator's figures are by commune: assign targets to communes only."))
			continue
		}
		if first, dup := from[u.ID]; dup {
			fail(pos, diag.CodeIndicatorTargetUnits,
				diag.Tf("%q và %q là cùng một đơn vị (%s)", "%q and %q are the same unit (%s)", first, key, u.Name),
				diag.T("Mỗi đơn vị chỉ có một mục tiêu cho mỗi hạn.", "Each unit has one target for each deadline."))
			continue
		}
		from[u.ID] = key
		r.checkValue(ind, raw[key], pos, fail)
		out[u.ID] = raw[key]
	}
	return out
}

func (r *registry) unitIDs(text string) []string {
	var ids []string
	for _, n := range r.units.Suggest(text) {
		if u, ok := r.units.Lookup(n); ok {
			ids = append(ids, u.ID)
		}
	}
	if len(ids) == 0 && r.units != nil {
		var all []string
		for _, u := range r.units.All {
			all = append(all, u.ID)
		}
		ids = vi.Closest(text, all, 3)
	}
	return ids
}

func groupHint(code string, codes []string) diag.Text {
	if len(codes) == 0 {
		return diag.T(`Khai báo nhóm ở đầu tệp: [[group]] với code = "3.4" và title = "…".`,
			`Declare the group at the top of the file: [[group]] with code = "3.4" and title = "…".`)
	}
	return diag.Tf("Các nhóm đã khai báo: %s.", "Groups declared: %s.", quoteList(codes))
}

func didYouMean(s string, valid []string) diag.Text {
	if c := vi.Closest(s, valid, 1); len(c) > 0 {
		return diag.Tf("Có phải là %q? Các giá trị dùng được: %s.", "Did you mean %q? Valid values: %s.", c[0], quoteList(valid))
	}
	return diag.Tf("Các giá trị dùng được: %s.", "Valid values: %s.", quoteList(valid))
}

func quoteList(ss []string) string {
	if len(ss) == 0 {
		return "—"
	}
	return `"` + strings.Join(ss, `", "`) + `"`
}

// quoteName shows an indicator's id, or its number in the file ("#3")
// when it has none.
func quoteName(name string) string {
	if strings.HasPrefix(name, "#") {
		return name
	}
	return `"` + name + `"`
}
