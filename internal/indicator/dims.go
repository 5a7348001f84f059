package indicator

import (
	"time"
)

// DimSeries is the series of one commune, office or service alone: the
// figures Compute counts at now for that dimension value, added up period
// by period exactly as Compute adds up the district's (a rate from its own
// numerators and denominators, a running total as reported), oldest first.
// Its last point is the dimension's entry in Result.Breakdown.
func DimSeries(ind *Indicator, obs []Observation, dim string, now time.Time) []Point {
	var own []Observation
	for _, o := range obs {
		if o.Dim == dim && !o.Period.IsZero() && Counts(o.Period, now) {
			own = append(own, o)
		}
	}
	return series(ind.Measure, own)
}

// UnitProgress judges one unit's figure against the value t assigns to
// it (t.ByUnit), at now: pct is how much of that value the figure
// reaches, in percent, and status is Achieved, Missed (the deadline has
// passed) or BelowTarget (a level held from a day on, not held); judged is
// false while the deadline is still ahead and the value not reached, when
// only pct is known. A unit has no baseline of its own, so there is no
// expected path to say it is on track or behind; for a decrease pct is
// value ÷ figure. ok is false when t assigns the unit nothing.
func UnitProgress(ind *Indicator, t Target, unit string, figure float64, now time.Time) (pct float64, status Status, judged, ok bool) {
	goal, ok := t.ByUnit[unit]
	if !ok {
		return 0, NoData, false, false
	}
	if ind.Direction == Decrease {
		pct = 100
		if figure > goal && figure > 0 {
			pct = goal / figure * 100
		}
	} else {
		pct = share(figure, goal) * 100
	}
	switch {
	case meets(ind.Direction, figure, goal):
		return pct, Achieved, true, true
	case t.Standing() && !now.Before(t.From):
		return pct, BelowTarget, true, true
	case !t.Standing() && now.After(t.Deadline):
		return pct, Missed, true, true
	}
	return pct, NoData, false, true
}
