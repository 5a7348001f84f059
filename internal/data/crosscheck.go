package data

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/tomlx"
	vilocale "github.com/tiendo/tiendo/internal/vi"
)

// Check is a [[check]] of data/indicators.toml: two indicators that
// measure the same thing from two sources — a figure reported upward and
// the same figure recomputed, say — whose district totals must not differ
// by more than Tolerance in any period both have.
//
//	[[check]]
//	indicators = ["ho-so-truc-tuyen-bao-cao-tinh", "ho-so-truc-tuyen-dvc-thiet-yeu"]
//	tolerance = 0.5   # percentage points for rates and percentages, else the unit
type Check struct {
	A, B      *indicator.Indicator
	Tolerance float64
	Pos       diag.Pos
}

// ParseChecks reads the [[check]] tables of src, the registry that
// ParseIndicators read into inds (which checked its syntax).
func ParseChecks(file string, src []byte, inds []*indicator.Indicator, l *diag.List) []Check {
	var raw rawRegistry
	if _, err := toml.Decode(string(src), &raw); err != nil {
		return nil
	}
	byID := map[string]*indicator.Indicator{}
	for _, ind := range inds {
		byID[ind.ID] = ind
	}
	at := tomlx.Scan(file, 0, src).Key("check")
	var out []Check
	for i, rc := range raw.Check {
		b := at.Elem(i)
		bad := func(key string, msg, hint diag.Text) {
			l.Add(diag.New(b.Key(key).Pos(), diag.CodeIndicatorCheck, msg, hint).Needing(IndicatorsFile))
		}
		if len(rc.Indicators) != 2 || rc.Indicators[0] == rc.Indicators[1] {
			bad("indicators", diag.T("[[check]] so sánh đúng hai chỉ tiêu khác nhau", "a [[check]] compares exactly two different indicators"),
				diag.T(`Viết indicators = ["mã-chỉ-tiêu-1", "mã-chỉ-tiêu-2"].`, `Write indicators = ["indicator-id-1", "indicator-id-2"].`))
			continue
		}
		a, b1 := byID[rc.Indicators[0]], byID[rc.Indicators[1]]
		if a == nil || b1 == nil {
			missing := rc.Indicators[0]
			if a != nil {
				missing = rc.Indicators[1]
			}
			bad("indicators", diag.Tf("không có chỉ tiêu %q", "no indicator %q", missing),
				diag.T("Dùng mã (id) của hai chỉ tiêu trong tệp này.", "Use the ids of two indicators of this file."))
			continue
		}
		if a.Measure.IsPercentage() != b1.Measure.IsPercentage() || a.Frequency != b1.Frequency {
			bad("indicators", diag.Tf("%s và %s không đo cùng một loại số liệu theo cùng kỳ", "%s and %s do not measure the same kind of figure over the same periods", a.ID, b1.ID),
				diag.T("Hai chỉ tiêu được so phải cùng là tỷ lệ (hoặc cùng là số lượng) và có cùng frequency.", "The two indicators must both be rates (or both counts) with the same frequency."))
			continue
		}
		if rc.Tolerance == nil || *rc.Tolerance < 0 {
			bad("tolerance", diag.T("[[check]] cần tolerance, mức chênh lệch lớn nhất chấp nhận được (0 hoặc hơn)", "a [[check]] needs tolerance, the largest difference accepted (0 or more)"),
				diag.T("Ví dụ: tolerance = 0.5 (nửa điểm phần trăm với tỷ lệ).", "For example: tolerance = 0.5 (half a percentage point for rates)."))
			continue
		}
		out = append(out, Check{A: a, B: b1, Tolerance: *rc.Tolerance, Pos: b.Pos()})
	}
	return out
}

// CrossCheck compares the district totals of each check's two indicators
// as of now, period by period, and warns once per check at its [[check]]
// of the periods where they differ by more than its tolerance, naming both
// sources and their rows.
func CrossCheck(checks []Check, series []Series, now time.Time, l *diag.List) {
	obs := map[*indicator.Indicator][]indicator.Observation{}
	for _, s := range series {
		obs[s.Ind] = s.Obs
	}
	for _, c := range checks {
		ra := indicator.Compute(c.A, obs[c.A], now, indicator.Method{})
		rb := indicator.Compute(c.B, obs[c.B], now, indicator.Method{})
		totals := map[period.Period]float64{}
		for _, p := range rb.Series {
			totals[p.Period] = p.Value
		}
		var vi, en []string
		for _, p := range ra.Series {
			vb, ok := totals[p.Period]
			if !ok || math.Abs(p.Value-vb) <= c.Tolerance+1e-9 {
				continue
			}
			wa, wb := where(c.A, obs[c.A], p.Period), where(c.B, obs[c.B], p.Period)
			head := p.Period.String() + ": " + figure(c.A, p.Value) + " ≠ " + figure(c.B, vb)
			vi = append(vi, head+" ("+wa.Vi+"; "+wb.Vi+")")
			en = append(en, head+" ("+wa.En+"; "+wb.En+")")
		}
		if len(vi) == 0 {
			continue
		}
		n := len(vi)
		if n > 5 {
			vi, en = append(vi[:5], "…"), append(en[:5], "…")
		}
		tol := strconv.FormatFloat(c.Tolerance, 'f', -1, 64)
		l.Add(diag.NewWarning(c.Pos, diag.CodeIndicatorCheck,
			diag.Text{
				Vi: "hai nguồn của cùng số liệu, " + c.A.ID + " và " + c.B.ID + ", khác nhau quá " + tol + " ở " + strconv.Itoa(n) + " kỳ: " + strings.Join(vi, "; "),
				En: "two sources of one figure, " + c.A.ID + " and " + c.B.ID + ", differ by more than " + tol + " in " + strconv.Itoa(n) + " periods: " + strings.Join(en, "; "),
			},
			diag.T("Đối chiếu hai nguồn và sửa số sai; nếu cả hai đúng, chúng không đo cùng một số liệu: bỏ [[check]] này.",
				"Compare the two sources and correct the wrong figure; if both are right, they do not measure one figure: remove this [[check]].")))
	}
}

func figure(ind *indicator.Indicator, v float64) string {
	if ind.Measure.IsPercentage() {
		return vilocale.LocaleFor("vi").Percent(v, ind.Decimals)
	}
	return vilocale.LocaleFor("vi").Float(v, ind.Decimals)
}

// where names the rows an indicator's figure for p comes from.
func where(ind *indicator.Indicator, obs []indicator.Observation, p period.Period) diag.Text {
	if ind.FromReports != "" {
		return diag.Tf("báo cáo tuần %s/*.csv, %s", "weekly reports %s/*.csv, %s", ReportsDir, p.String())
	}
	var lines []int
	for _, o := range obs {
		if o.Period == p && o.Line > 0 {
			lines = append(lines, o.Line)
		}
	}
	rows := lineList(lines)
	return diag.Text{Vi: FilePath(ind) + " " + rows.Vi, En: FilePath(ind) + " " + rows.En}
}
