package indicator

import (
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/provenance"
)

// Measure says what an indicator's figures are and so how the figures of
// several communes or offices add up (see the package documentation).
type Measure string

const (
	// Count is a number for each period: dossiers received in a month,
	// services deployed at the end of a month.
	Count Measure = "count"
	// Cumulative is a running total: accounts issued so far.
	Cumulative Measure = "cumulative"
	// Rate is a percentage computed from a numerator and a denominator.
	Rate Measure = "rate"
	// Percent is a percentage given as it is, for the whole district.
	Percent Measure = "percent"
)

// Measures lists the valid measures, in the order documentation shows them.
func Measures() []Measure { return []Measure{Count, Cumulative, Rate, Percent} }

// IsPercentage reports whether the figures are percentages (0–100).
func (m Measure) IsPercentage() bool { return m == Rate || m == Percent }

// Direction says which way is progress.
type Direction string

const (
	Increase Direction = "increase"
	Decrease Direction = "decrease"
)

// Dimension is the column an indicator's figures are broken down by.
type Dimension string

const (
	// NoDimension: one figure per period for the whole district.
	NoDimension Dimension = ""
	// ByCommune: one figure per commune or town (xã, thị trấn).
	ByCommune Dimension = "commune"
	// ByUnit: one figure per unit of the unit list (offices or communes).
	ByUnit Dimension = "unit"
	// ByService: one figure per public service, named freely.
	ByService Dimension = "service"
)

// Dimensions lists the valid dimensions.
func Dimensions() []Dimension { return []Dimension{NoDimension, ByCommune, ByUnit, ByService} }

// Indicator is one measurable target of the plan, as data/indicators.toml
// defines it.
type Indicator struct {
	// ID is the indicator's slug, used in URLs and file names.
	ID      string
	Title   string
	TitleEn string
	// Description is Markdown.
	Description string
	// Unit labels the values ("tài khoản", "%"); UnitEn is its English
	// label, empty to use Unit.
	Unit      string
	UnitEn    string
	Measure   Measure
	Direction Direction
	Baseline  Baseline
	// Targets are in order of deadline, none twice on the same day.
	Targets []Target
	// Lead is the id of the unit in charge, or of a group of units
	// (data/units.toml [[group]]); LeadSource says where that comes from.
	// With Task, both are the plan task's (data/tasks.csv).
	Lead       string
	LeadSource provenance.Of
	// Task is the code of the plan's task the indicator measures ("3.5.2"),
	// empty if none is named.
	Task   string
	Source string
	// Frequency is the length of the periods figures are expected for.
	Frequency period.Kind
	// File is the figures' CSV file or Excel workbook, relative to the
	// data directory ("chi-tieu/vneid.csv"), clean and inside it; empty for an indicator
	// computed from the weekly reports.
	File string
	// Sheet is the sheet of File to read when File is an Excel workbook;
	// empty means its first sheet. SheetPos is the sheet = … line.
	Sheet    string
	SheetPos diag.Pos
	// FromReports, when set, says the figures are computed from the weekly
	// service reports (data/reports/*.csv) rather than read from a CSV of
	// their own, so that the indicator and /bao-cao/ show one number: the
	// measure (ReportOnline, ReportOnTime), over Services (nil: every
	// service of the reports), week by week and reporting unit by unit.
	FromReports ReportMeasure
	Services    []string
	// ServicesPos is where services = … is written (or the [[indicator]]
	// header without it); BaselinePos where baseline = … is.
	ServicesPos, BaselinePos diag.Pos
	Dimension                Dimension
	// Decimals is how many decimals values are shown with.
	Decimals int
	// DecimalComma, when set, settles the number dialect of the CSV file
	// (package table), whatever its delimiter and cells suggest.
	DecimalComma *bool
	// Group is the code of the plan's task group ("3.4"), GroupTitle its
	// title.
	Group      string
	GroupTitle string
	// Weight orders indicators on the site, lightest first.
	Weight int
	// Illustrative marks figures made up for a sample site; the site must
	// say so wherever they are shown.
	Illustrative bool

	// Pos is the [[indicator]] header, FilePos the file = … line, in the
	// registry file.
	Pos     diag.Pos
	FilePos diag.Pos
	// TaskPos and LeadPos are the task = … and lead = … lines, if given.
	TaskPos, LeadPos diag.Pos
}

// ReportMeasure is a rate the weekly service reports give.
type ReportMeasure string

const (
	// ReportOnline: dossiers received online ÷ dossiers received.
	ReportOnline ReportMeasure = "online-rate"
	// ReportOnTime: dossiers resolved early or on time ÷ dossiers resolved.
	ReportOnTime ReportMeasure = "on-time-rate"
)

// Baseline is the value at the end of a period, where the plan starts from.
type Baseline struct {
	Period period.Period
	Value  float64
	// FromData is set when Value is the indicator's own figure for Period
	// (an indicator computed from the weekly reports), not a number
	// written in the registry.
	FromData bool
}

// Target is a value to reach by a deadline, or, for a standing target, a
// value to hold from a day on ("Thực hiện từ tháng 3/2023": the plan sets
// a level from then, not a day by which to reach it).
type Target struct {
	Value float64
	// Deadline is the last moment of the day it is due, in the site's time
	// zone; zero for a standing target.
	Deadline time.Time
	// From is the first moment of the day a standing target applies from;
	// zero for a target with a deadline.
	From time.Time
	// Label names the target on the site, e.g. "Hết Quý II/2023"; optional.
	Label string
	// Origin says where the target comes from: OriginPlan (the default) or
	// OriginSite, a milestone the site sets itself where the plan gives
	// none, which every page that shows it says.
	Origin Origin
	// Quote is the plan's own words for the target, when given.
	Quote string
	// Change, when not zero, is the change from the baseline the plan asks
	// for (-0.2 for "cắt giảm tối thiểu 20%"); Value is then computed from
	// the baseline, so that both stay one figure.
	Change float64
	// ByUnit holds the values a plan assigns to single communes or
	// offices by the same deadline (a quota of accounts per commune), by
	// unit id; nil when it assigns none, and the target is the district's
	// alone.
	ByUnit map[string]float64
}

// Origin is where a target comes from.
type Origin string

const (
	// OriginPlan: the plan sets the target (the default).
	OriginPlan Origin = "plan"
	// OriginSite: the site sets it, as a milestone to follow progress by,
	// where the plan gives none.
	OriginSite Origin = "site"
)

// Standing reports whether t is a level to hold from a day on rather than a
// value to reach by a deadline.
func (t Target) Standing() bool { return t.Deadline.IsZero() && !t.From.IsZero() }

// When is the moment that orders targets: the deadline, or the day a
// standing target applies from.
func (t Target) When() time.Time {
	if t.Standing() {
		return t.From
	}
	return t.Deadline
}

// Observation is one reported figure.
type Observation struct {
	Period period.Period
	// Dim is the unit id (commune or office) or the service name the
	// figure is for; "" for an indicator without a dimension.
	Dim string
	// Value is the figure; for a rate, Num ÷ Den × 100.
	Value float64
	// Num and Den are a rate's numerator and denominator; 0 otherwise.
	Num, Den float64
	// Note is the ghi_chu cell, if any.
	Note string
	// Line is where the figure is in its file.
	Line int
}

// EndOfDay returns the last moment of the civil day y-m-d in loc, the
// moment a deadline falls due.
func EndOfDay(y int, m time.Month, d int, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(y, m, d+1, 0, 0, 0, 0, loc).Add(-time.Nanosecond)
}

// DeadlineOf returns the deadline of a period: the end of its last day.
func DeadlineOf(p period.Period, loc *time.Location) time.Time {
	y, m, d := p.Last()
	return EndOfDay(y, m, d, loc)
}
