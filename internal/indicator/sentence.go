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
	due := "(hạn " + loc.Date(t.Deadline) + ")"
	if en {
		due = "(due " + loc.Date(t.Deadline) + ")"
	}
	if res.Status == Missed {
		due = "(hạn " + loc.Date(t.Deadline) + ", đã quá hạn)"
		if en {
			due = "(was due " + loc.Date(t.Deadline) + ")"
		}
	}
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
