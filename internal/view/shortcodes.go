package view

import (
	"slices"
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

// ShortcodeNames are the shortcodes tiendo has: kpi, chart and value,
// which show data and are resolved here, and Hugo's ref, relref and
// figure, resolved with the links (package links).
var ShortcodeNames = []string{"kpi", "chart", "value", "ref", "relref", "figure"}

// embeds are Hugo's shortcodes that show another site's content in the
// page, which the pages' Content-Security-Policy does not let load.
var embeds = []string{"youtube", "vimeo", "tweet", "x", "instagram", "gist"}

// Shortcodes resolves the shortcodes of one parsed page that show data:
// {{< kpi "id" >}} and {{< chart "id" >}} on lines of their own,
// {{< value "id" ["period"] >}} anywhere. An unknown shortcode, id or
// period is an error at its line and column, naming the closest shortcode;
// one that embeds another site (youtube…) says why it cannot. kpis are the
// indicators by id, ids their ids in order.
func Shortcodes(p *site.Page, kpis map[string]KPI, ids []string, l *diag.List) []Shortcode {
	if p.Doc == nil || len(p.Doc.Shortcodes) == 0 {
		return nil
	}
	var out []Shortcode
	for _, sc := range p.Doc.Shortcodes {
		pos := diag.Pos{File: p.File, Line: p.BodyLine + sc.Line - 1, Col: sc.Col}
		switch {
		case slices.Contains(embeds, sc.Name):
			l.Errorf(pos, diag.CodeShortcodeEmbed,
				diag.Tf("shortcode %s nhúng nội dung của trang web khác, điều mà chính sách bảo mật (CSP) của trang không cho phép", "shortcode %s embeds another site's content, which the pages' security policy (CSP) does not allow", sc.Name),
				diag.T("Thay bằng một liên kết thường tới nội dung đó, ví dụ [Xem video hướng dẫn](https://www.youtube.com/watch?v=…), có thể kèm một ảnh chụp trong static/.",
					"Replace it with a plain link to that content, e.g. [Watch the video](https://www.youtube.com/watch?v=…), perhaps with a screenshot from static/."))
			continue
		case !slices.Contains(ShortcodeNames, sc.Name):
			hint := diag.Tf("Các shortcode có: %s.", "The shortcodes are: %s.", strings.Join(ShortcodeNames, ", "))
			if c := vi.Closest(sc.Name, ShortcodeNames, 1); len(c) > 0 {
				hint = diag.Tf("Có phải là %q? Các shortcode có: %s.", "Did you mean %q? The shortcodes are: %s.", c[0], strings.Join(ShortcodeNames, ", "))
			}
			l.Errorf(pos, diag.CodeShortcodeUnknown, diag.Tf("không có shortcode %q", "no shortcode %q", sc.Name), hint)
			continue
		case sc.Name == "ref" || sc.Name == "relref" || sc.Name == "figure":
			continue // package links
		case len(sc.Params) > 0:
			l.Errorf(pos, diag.CodeShortcodeArgs,
				diag.Tf("shortcode %s không nhận đối số có tên", "shortcode %s takes no named arguments", sc.Name),
				diag.Tf(`Ví dụ: {{< %s "tai-khoan-dinh-danh-dien-tu" >}}`, `For example: {{< %s "tai-khoan-dinh-danh-dien-tu" >}}`, sc.Name))
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
