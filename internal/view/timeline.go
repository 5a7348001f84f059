package view

import (
	"math"

	"github.com/tiendo/tiendo/internal/period"
)

// maxTimeline bounds the periods timeline fills in: beyond it a chart
// would have more positions than pixels anyway.
const maxTimeline = 520

// timeline returns every period from the first of ps to the last, one step
// apart, so that a chart's category axis keeps time even: a period without
// a figure is a gap in the line, not a squeeze of the axis (May between
// April and June, not June right after April). It also returns the index
// of each period of ps in the result. Periods of mixed kinds, out of
// order, or too many, come back as they are.
func timeline(ps []period.Period) ([]period.Period, []int) {
	idx := make([]int, len(ps))
	for i := range idx {
		idx[i] = i
	}
	if len(ps) < 2 {
		return ps, idx
	}
	for i := 1; i < len(ps); i++ {
		if ps[i].Kind != ps[0].Kind || period.Compare(ps[i-1], ps[i]) >= 0 {
			return ps, idx
		}
	}
	var all []period.Period
	j := 0
	for p := ps[0]; j < len(ps); p = p.Next() {
		if len(all) == maxTimeline {
			return ps, identity(len(ps))
		}
		if p == ps[j] {
			idx[j] = len(all)
			j++
		}
		all = append(all, p)
	}
	return all, idx
}

func identity(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// spread places values at their positions idx on a timeline of n periods;
// the others are missing (NaN).
func spread(values []float64, idx []int, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	for i, v := range values {
		out[idx[i]] = v
	}
	return out
}
