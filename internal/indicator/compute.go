package indicator

import (
	"math"
	"slices"
	"time"

	"github.com/tiendo/tiendo/internal/period"
)

// Method holds the thresholds of the status method, as shares of the value
// expected by now (config.toml [indicators] onTrack and atRisk).
type Method struct {
	OnTrack float64
	AtRisk  float64
}

// DefaultMethod is the method of a site that sets no thresholds.
func DefaultMethod() Method { return Method{OnTrack: 0.95, AtRisk: 0.8} }

// Point is the district total of one period.
type Point struct {
	Period period.Period
	Value  float64
	// Num and Den are the summed numerators and denominators of a rate.
	Num, Den float64
}

// DimValue is one commune's, office's or service's latest figure.
type DimValue struct {
	Dim string
	// Period is the period of the figure, which may be earlier than the
	// latest period of the series when the unit has not reported since.
	Period   period.Period
	Value    float64
	Num, Den float64
}

// Result is where an indicator stands at a moment.
type Result struct {
	// Now is the moment judged at.
	Now time.Time
	// Series holds the district total of each period with figures that
	// count, oldest first.
	Series []Point
	// Latest is the last point of Series and Previous the one before it;
	// nil when there is none.
	Latest   *Point
	Previous *Point
	// Change is Latest.Value − Previous.Value, 0 without a previous point.
	Change float64
	// Breakdown holds each dimension value's latest figure at or before
	// the latest period, in the order they first appear in the data; nil
	// for an indicator without a dimension.
	Breakdown []DimValue
	// Target is the current target: the first whose deadline has not
	// passed, else the last; nil for an indicator without targets.
	Target *Target
	// PctOfTarget is how much of the current target the latest figure
	// achieves, in percent (see the package documentation for decreases).
	PctOfTarget float64
	// Expected is the value the plan expects at Now.
	Expected float64
	// Ratio compares the latest figure with Expected: 1 is exactly on the
	// plan's line.
	Ratio  float64
	Status Status
}

// Compute judges ind at now from its observations. Only observations whose
// period's last day has come count (see the package documentation); the
// others are ignored, as are observations with a zero period. A zero
// Method means DefaultMethod. now should be in the site's time zone, the
// one the targets' deadlines are in.
func Compute(ind *Indicator, obs []Observation, now time.Time, m Method) Result {
	if m == (Method{}) {
		m = DefaultMethod()
	}
	res := Result{Now: now}
	var counted []Observation
	for _, o := range obs {
		if !o.Period.IsZero() && Counts(o.Period, now) {
			counted = append(counted, o)
		}
	}
	res.Series = series(ind.Measure, counted)
	if n := len(res.Series); n > 0 {
		res.Latest = &res.Series[n-1]
		if n > 1 {
			res.Previous = &res.Series[n-2]
			res.Change = res.Latest.Value - res.Previous.Value
		}
	}
	if ind.Dimension != NoDimension {
		res.Breakdown = breakdown(ind.Measure, counted)
	}
	if len(ind.Targets) > 0 {
		t := currentTarget(ind.Targets, now)
		res.Target = &t
	}
	res.Expected = PlanValue(ind, now)
	if res.Latest == nil || res.Target == nil {
		res.Status = NoData
		return res
	}

	actual, target, base := res.Latest.Value, res.Target.Value, ind.Baseline.Value
	if ind.Direction == Decrease {
		res.PctOfTarget = reductionShare(base, actual, target) * 100
		res.Ratio = reductionShare(base, actual, res.Expected)
	} else {
		res.PctOfTarget = share(actual, target) * 100
		res.Ratio = share(actual, res.Expected)
	}
	switch {
	case meets(ind.Direction, actual, target):
		res.Status = Achieved
	case res.Target.Standing() && !now.Before(res.Target.From):
		// A level to hold since From: not met, but nothing fell due.
		res.Status = BelowTarget
	case !res.Target.Standing() && now.After(res.Target.Deadline):
		res.Status = Missed
	case res.Ratio >= m.OnTrack:
		res.Status = OnTrack
	case res.Ratio >= m.AtRisk:
		res.Status = Behind
	default:
		res.Status = AtRisk
	}
	return res
}

// Counts reports whether a figure for p counts at now: whether the last day
// of p is on or before now's calendar day, in now's location.
func Counts(p period.Period, now time.Time) bool {
	tomorrow := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, time.UTC)
	return !p.End().After(tomorrow)
}

// Future reports whether p starts after now's calendar day, in now's
// location: a figure for it cannot have been known at now, unlike one
// for a period under way, which is only not final yet.
func Future(p period.Period, now time.Time) bool {
	y, m, d := p.First()
	first := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return first.After(time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC))
}

// PlanValue is the value the plan expects at t: the baseline, then straight
// lines through each target in turn, then the last target (see the package
// documentation). Without targets it is the baseline.
func PlanValue(ind *Indicator, t time.Time) float64 {
	x := dayOf(t) + 1
	x0, v0 := dayOf(ind.Baseline.Period.End()), ind.Baseline.Value
	if x <= x0 {
		// A level held from a day on applies already, even within the
		// baseline's period (weekly reports that start after it).
		if len(ind.Targets) > 0 && ind.Targets[0].Standing() && x > dayOf(ind.Targets[0].From) {
			return ind.Targets[0].Value
		}
		return v0
	}
	for _, tg := range ind.Targets {
		x1 := dayOf(tg.Deadline) + 1
		if tg.Standing() {
			x1 = dayOf(tg.From) // held from the start of that day
		}
		if x <= x1 {
			if x1 <= x0 {
				return tg.Value
			}
			return v0 + (tg.Value-v0)*float64(x-x0)/float64(x1-x0)
		}
		x0, v0 = x1, tg.Value
	}
	return v0
}

// dayOf numbers the calendar day of t, in t's location.
func dayOf(t time.Time) int64 {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// currentTarget is the first target still open at now; a standing target
// never closes.
func currentTarget(ts []Target, now time.Time) Target {
	for _, t := range ts {
		if t.Standing() || !t.Deadline.Before(now) {
			return t
		}
	}
	return ts[len(ts)-1]
}

// meets allows for the rounding of summed decimals: 0.1+0.2 reaches 0.3.
func meets(dir Direction, actual, target float64) bool {
	eps := 1e-9 * max(1, math.Abs(target))
	if dir == Decrease {
		return actual <= target+eps
	}
	return actual >= target-eps
}

// share is actual ÷ goal; a goal of 0 or less is met by any actual at or
// above it.
func share(actual, goal float64) float64 {
	if goal > 0 {
		return actual / goal
	}
	if actual >= goal {
		return 1
	}
	return 0
}

// reductionShare is the share of the reduction from base to goal that
// actual has made. With no reduction to make it falls back to goal ÷
// actual, 1 when actual is already at or below the goal.
func reductionShare(base, actual, goal float64) float64 {
	if red := base - goal; red > 0 {
		return (base - actual) / red
	}
	if actual <= goal || actual <= 0 {
		return 1
	}
	return goal / actual
}

// series adds up the counted observations period by period.
func series(measure Measure, obs []Observation) []Point {
	if len(obs) == 0 {
		return nil
	}
	var periods []period.Period
	byPeriod := make(map[period.Period][]Observation)
	for _, o := range obs {
		if _, ok := byPeriod[o.Period]; !ok {
			periods = append(periods, o.Period)
		}
		byPeriod[o.Period] = append(byPeriod[o.Period], o)
	}
	slices.SortFunc(periods, period.Compare)

	out := make([]Point, 0, len(periods))
	if measure == Cumulative {
		// Each dimension keeps its latest running total; summing in the
		// order dims first appear keeps the float sum deterministic.
		var dims []string
		latest := make(map[string]float64)
		for _, p := range periods {
			for _, o := range byPeriod[p] {
				if _, ok := latest[o.Dim]; !ok {
					dims = append(dims, o.Dim)
				}
				latest[o.Dim] = o.Value
			}
			sum := 0.0
			for _, d := range dims {
				sum += latest[d]
			}
			out = append(out, Point{Period: p, Value: sum})
		}
		return out
	}
	for _, p := range periods {
		pt := Point{Period: p}
		os := byPeriod[p]
		for _, o := range os {
			pt.Value += o.Value
			pt.Num += o.Num
			pt.Den += o.Den
		}
		switch measure {
		case Rate:
			if pt.Den <= 0 {
				continue
			}
			pt.Value = pt.Num / pt.Den * 100
		case Percent:
			pt.Value /= float64(len(os))
		}
		out = append(out, pt)
	}
	return out
}

// breakdown gives each dimension value's latest counted figure.
func breakdown(measure Measure, obs []Observation) []DimValue {
	var out []DimValue
	index := make(map[string]int)
	for _, o := range obs {
		v := DimValue{Dim: o.Dim, Period: o.Period, Value: o.Value, Num: o.Num, Den: o.Den}
		if measure == Rate && o.Den > 0 {
			v.Value = o.Num / o.Den * 100
		}
		i, ok := index[o.Dim]
		if !ok {
			index[o.Dim] = len(out)
			out = append(out, v)
			continue
		}
		if period.Compare(o.Period, out[i].Period) >= 0 {
			out[i] = v
		}
	}
	return out
}
