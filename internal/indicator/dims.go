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
