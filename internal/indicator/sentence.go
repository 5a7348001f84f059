package indicator

import (
	"math"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/vi"
)

// Sentence writes where the indicator stands in one sentence, for the
// indicator's page and the home page:
//
//	Đến 30/06/2023, kết quả đạt 47.024 tài khoản, bằng 94,0% mục tiêu 50.000 tài khoản (hạn 30/06/2023).
//
// Rates and percentages are compared in percentage points ("còn thiếu 7,6
// điểm phần trăm"), decreases by the share of the planned reduction made,
// and an indicator without figures gets "Chưa có số liệu.". lang is
// diag.VI or diag.EN; numbers and dates follow [vi.LocaleFor].
func Sentence(ind *Indicator, res Result, lang diag.Lang) string {
	en := lang == diag.EN
	loc := vi.LocaleFor(string(lang))
	if res.Latest == nil {
		if en {
			return "No data yet."
		}
		return "Chưa có số liệu."
	}
	unit := ind.Unit
	if en && ind.UnitEn != "" {
		unit = ind.UnitEn
	}
	y, m, d := res.Latest.Period.Last()
	date := loc.Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
	pct := ind.Measure.IsPercentage()
	value := withUnit(loc.Float(res.Latest.Value, ind.Decimals), unit, pct)
	if pct && ind.Measure == Rate && res.Latest.Den > 0 {
		value += " (" + loc.Float(res.Latest.Num, 0) + "/" + loc.Float(res.Latest.Den, 0) + ")"
	}

	var b strings.Builder
	if res.Target == nil {
		if en {
			b.WriteString("By " + date + ": " + value + ".")
		} else {
			b.WriteString("Đến " + date + ", kết quả đạt " + value + ".")
		}
		return b.String()
	}
	t := res.Target
	target := withUnit(loc.Float(t.Value, targetDecimals(t.Value, ind.Decimals)), unit, pct)
	due := dueText(t, res.Status, en, loc)
	met := res.Status == Achieved
	gap := math.Abs(res.Latest.Value - t.Value)

	switch {
	case ind.Direction == Decrease && !en:
		if pct {
			b.WriteString("Đến " + date + ", tỷ lệ còn " + value)
		} else {
			b.WriteString("Đến " + date + ", còn " + value)
		}
		if met {
			b.WriteString(", đã đạt mục tiêu giảm xuống " + target + " " + due + ".")
			break
		}
		b.WriteString(", mục tiêu giảm xuống " + target + " " + due)
		if pct {
			b.WriteString(": còn cao hơn " + loc.Float(gap, ind.Decimals) + " điểm phần trăm.")
			break
		}
		cut := ind.Baseline.Value - res.Latest.Value
		b.WriteString("; đã giảm " + loc.Float(cut, ind.Decimals) + ", bằng " + loc.Percent(res.PctOfTarget, 1) + " mức cần giảm.")
	case ind.Direction == Decrease:
		b.WriteString("By " + date + ": " + value)
		if met {
			b.WriteString(", meeting the target of at most " + target + " " + due + ".")
			break
		}
		b.WriteString(", against a target of at most " + target + " " + due)
		if pct {
			b.WriteString(": " + loc.Float(gap, ind.Decimals) + " percentage points too high.")
			break
		}
		cut := ind.Baseline.Value - res.Latest.Value
		b.WriteString("; reduced by " + loc.Float(cut, ind.Decimals) + ", " + loc.Percent(res.PctOfTarget, 1) + " of the planned reduction.")
	case pct && !en:
		b.WriteString("Đến " + date + ", tỷ lệ đạt " + value)
		if met {
			b.WriteString(", đã đạt mục tiêu " + target + " " + due + ".")
			break
		}
		b.WriteString(", mục tiêu " + target + " " + due + ": còn thiếu " + loc.Float(gap, ind.Decimals) + " điểm phần trăm.")
	case pct:
		b.WriteString("By " + date + ", the rate was " + value)
		if met {
			b.WriteString(", meeting the target of " + target + " " + due + ".")
			break
		}
		b.WriteString(", against a target of " + target + " " + due + ": " + loc.Float(gap, ind.Decimals) + " percentage points short.")
	case !en:
		b.WriteString("Đến " + date + ", kết quả đạt " + value + ", bằng " + loc.Percent(res.PctOfTarget, 1) + " mục tiêu " + target + " " + due + ".")
	default:
		b.WriteString("By " + date + ": " + value + ", " + loc.Percent(res.PctOfTarget, 1) + " of the target of " + target + " " + due + ".")
	}
	return b.String()
}

// dueText is the target's date in brackets: "(hạn 30/06/2023)", "(hạn
// 31/03/2023, đã quá hạn)", "(từ 01/03/2023)" for a standing target, with
// "do trang đặt" for a milestone the site set itself.
func dueText(t *Target, status Status, en bool, loc vi.Locale) string {
	var s string
	switch {
	case t.Standing() && en:
		s = "from " + loc.Date(t.From)
	case t.Standing():
		s = "từ " + loc.Date(t.From)
	case status == Missed && en:
		s = "was due " + loc.Date(t.Deadline)
	case status == Missed:
		s = "hạn " + loc.Date(t.Deadline) + ", đã quá hạn"
	case en:
		s = "due " + loc.Date(t.Deadline)
	default:
		s = "hạn " + loc.Date(t.Deadline)
	}
	if t.Change != 0 {
		change := loc.Percent(math.Abs(t.Change)*100, targetDecimals(math.Abs(t.Change)*100, 1))
		switch {
		case en && t.Change < 0:
			s = change + " below the baseline, as the plan asks; " + s
		case en:
			s = change + " above the baseline, as the plan asks; " + s
		case t.Change < 0:
			s = "giảm " + change + " so với giá trị xuất phát theo kế hoạch; " + s
		default:
			s = "tăng " + change + " so với giá trị xuất phát theo kế hoạch; " + s
		}
	}
	if t.Origin == OriginSite {
		if en {
			s += ", set by this site, not the plan"
		} else {
			s += ", mốc do trang đặt, không phải của kế hoạch"
		}
	}
	return "(" + s + ")"
}

func withUnit(num, unit string, pct bool) string {
	switch {
	case unit == "%" || (pct && unit == ""):
		return num + "%"
	case unit == "":
		return num
	}
	return num + " " + unit
}

// targetDecimals shows round targets without decimals: "mục tiêu 80%",
// not "80,0%".
func targetDecimals(v float64, decimals int) int {
	if v == math.Trunc(v) {
		return 0
	}
	return decimals
}
