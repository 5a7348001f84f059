package view

import (
	"strings"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/markdown"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/vi"
)

// KPI is what a shortcode shows of an indicator: its card, its line chart
// and its figures period by period.
type KPI struct {
	Card   *IndicatorCard
	Line   *Figure
	Series []SeriesRow
}

// Shortcodes resolves the shortcodes of one parsed page: {{< kpi "id" >}}
// and {{< chart "id" >}} on lines of their own, {{< value "id" ["period"]
// >}} anywhere; an unknown shortcode, id or period is an error at its line
// and column. kpis are the indicators by id, ids their ids in order.
func Shortcodes(p *site.Page, kpis map[string]KPI, ids []string, l *diag.List) []Shortcode {
	if p.Doc == nil || len(p.Doc.Shortcodes) == 0 {
		return nil
	}
	var out []Shortcode
	for _, sc := range p.Doc.Shortcodes {
		pos := diag.Pos{File: p.File, Line: p.BodyLine + sc.Line - 1, Col: sc.Col}
		switch {
		case sc.Name != "kpi" && sc.Name != "chart" && sc.Name != "value":
			l.Errorf(pos, diag.CodeShortcodeUnknown,
				diag.Tf("không có shortcode %q", "no shortcode %q", sc.Name),
				diag.T(`Dùng {{< kpi "mã-chỉ-tiêu" >}} hoặc {{< chart "mã-chỉ-tiêu" >}} trên một dòng riêng, hoặc {{< value "mã-chỉ-tiêu" "2023-06" >}} trong câu.`,
					`Use {{< kpi "indicator-id" >}} or {{< chart "indicator-id" >}} on a line of their own, or {{< value "indicator-id" "2023-06" >}} in a sentence.`))
			continue
		case sc.Inline && sc.Name != "value":
			l.Errorf(pos, diag.CodeShortcodeArgs,
				diag.Tf("shortcode %s phải đứng riêng một dòng", "shortcode %s must stand on a line of its own", sc.Name),
				diag.T(`Đặt nó trên một dòng riêng; trong câu chỉ dùng {{< value "mã-chỉ-tiêu" >}}.`, `Put it on a line of its own; in a sentence use only {{< value "indicator-id" >}}.`))
			continue
		case sc.Name == "value" && (len(sc.Args) < 1 || len(sc.Args) > 2):
			l.Errorf(pos, diag.CodeShortcodeArgs,
				diag.T("shortcode value cần mã chỉ tiêu và, nếu muốn, một kỳ", "shortcode value needs an indicator id and, optionally, a period"),
				diag.T(`Ví dụ: {{< value "tai-khoan-dinh-danh-dien-tu" >}} (số mới nhất) hoặc {{< value "tai-khoan-dinh-danh-dien-tu" "2023-03" >}} (số của kỳ đó).`,
					`For example: {{< value "tai-khoan-dinh-danh-dien-tu" >}} (the latest figure) or {{< value "tai-khoan-dinh-danh-dien-tu" "2023-03" >}} (that period's).`))
			continue
		case sc.Name != "value" && len(sc.Args) != 1:
			l.Errorf(pos, diag.CodeShortcodeArgs,
				diag.Tf("shortcode %s cần đúng một mã chỉ tiêu", "shortcode %s needs exactly one indicator id", sc.Name),
				diag.Tf(`Ví dụ: {{< %s "tai-khoan-dinh-danh-dien-tu" >}}`, `For example: {{< %s "tai-khoan-dinh-danh-dien-tu" >}}`, sc.Name))
			continue
		}
		k, ok := kpis[sc.Args[0]]
		if !ok {
			hint := diag.T("Xem các mã trong data/indicators.toml.", "See the ids in data/indicators.toml.")
			if cl := vi.Closest(sc.Args[0], ids, 3); len(cl) > 0 {
				hint = diag.Tf("Có phải là: %s?", "Did you mean: %s?", strings.Join(cl, ", "))
			}
			l.Add(diag.New(pos, diag.CodeShortcodeID, diag.Tf("không có chỉ tiêu %q", "no indicator %q", sc.Args[0]), hint).Needing(data.IndicatorsFile))
			continue
		}
		ps := Shortcode{Page: p, Code: sc, KPI: k}
		if sc.Name == "value" {
			var ok bool
			if ps.Text, ok = figureText(k, sc.Args[1:], pos, l); !ok {
				continue
			}
		}
		p.Charts = p.Charts || sc.Name == "chart"
		out = append(out, ps)
	}
	return out
}

// figureText is what {{< value "id" ["period"] >}} writes: the latest
// figure of the indicator, or its figure for the period, with its unit —
// the number its page shows, so that a news post and the indicator page
// cannot disagree.
func figureText(k KPI, args []string, pos diag.Pos, l *diag.List) (string, bool) {
	if len(args) == 0 {
		if len(k.Series) == 0 {
			// Needing: without units.toml no figure of any unit reads, and
			// that, not this, is the error to fix.
			l.Add(diag.New(pos, diag.CodeShortcodeID,
				diag.Tf("chỉ tiêu %q chưa có số liệu", "indicator %q has no figure yet", k.Card.ID),
				diag.T("Chỉ dẫn số liệu khi chỉ tiêu đã có số liệu được tính.", "Quote a figure once the indicator has one that counts.")).
				Needing(data.UnitsFile))
			return "", false
		}
		return k.Series[len(k.Series)-1].Text, true
	}
	p, ok := period.Parse(args[0])
	if !ok {
		l.Errorf(pos, diag.CodeShortcodeArgs,
			diag.Tf("kỳ %q không đọc được", "period %q cannot be read", args[0]),
			diag.T(`Viết kỳ như trong tệp số liệu: "2023-06", "2023-W25", "2023-Q2".`, `Write the period as data files do: "2023-06", "2023-W25", "2023-Q2".`))
		return "", false
	}
	var have []string
	for _, r := range k.Series {
		if r.Key == p.String() {
			return r.Text, true
		}
		have = append(have, r.Key)
	}
	hint := diag.T("Chỉ tiêu chưa có số liệu nào được tính.", "The indicator has no figure that counts yet.")
	if len(have) > 0 {
		if len(have) > 8 {
			have = append(have[:3], append([]string{"…"}, have[len(have)-4:]...)...)
		}
		hint = diag.Tf("Các kỳ có số liệu: %s.", "Periods with figures: %s.", strings.Join(have, ", "))
	}
	l.Add(diag.New(pos, diag.CodeShortcodeID,
		diag.Tf("chỉ tiêu %q không có số liệu cho kỳ %s", "indicator %q has no figure for %s", k.Card.ID, p.String()), hint).
		Needing(data.UnitsFile))
	return "", false
}

// Shortcode is a resolved shortcode of a page, waiting for the charts to
// be drawn before its HTML is made.
type Shortcode struct {
	Page *site.Page
	Code *markdown.Shortcode
	KPI  KPI
	Text string // of a value shortcode: the figure with its unit
}
