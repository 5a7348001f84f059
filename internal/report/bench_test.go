package report

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/tiendo/tiendo/internal/period"
)

// benchServices are 25 services in 8 sectors, as the real list.
func benchServices() []Service {
	out := make([]Service, 25)
	for i := range out {
		out[i] = Service{ID: fmt.Sprintf("dich-vu-%02d", i+1), Sector: fmt.Sprintf("nganh-%d", min(i/3, 7)), Essential: true}
	}
	return out
}

// benchRows makes rows for units × 25 services × weeks, week by week, with
// counts from a fixed pseudo-random sequence and a reason on about one
// row in 16.
func benchRows(units, weeks int) []Row {
	svcs := benchServices()
	reasons := []string{"Hồ sơ cần xác minh thêm", "Chờ kết quả liên thông", "hồ sơ cần xác minh thêm."}
	rows := make([]Row, 0, units*weeks*len(svcs))
	x := uint64(1)
	next := func(n int64) int64 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return int64(x % uint64(n))
	}
	w := period.MustParse("2023-W01")
	for range weeks {
		for u := range units {
			unit := "xa-" + strconv.Itoa(u)
			for _, s := range svcs {
				c := Counts{ReceivedOnline: next(20), ReceivedInPerson: next(10), CarriedOver: next(3)}
				c.PendingOnTime = next(c.ToHandle() + 1)
				rest := c.ToHandle() - c.PendingOnTime
				c.ResolvedLate = min(rest, next(16)/15)
				c.ResolvedEarly = (rest - c.ResolvedLate) / 2
				c.ResolvedOnTime = rest - c.ResolvedLate - c.ResolvedEarly
				c.ResultsReturned = rest
				r := Row{Week: w, Unit: unit, Service: s.ID, Counts: c}
				if c.ResolvedLate > 0 {
					r.LateReason = reasons[next(3)]
				}
				rows = append(rows, r)
			}
		}
		w = w.Next()
	}
	return rows
}

// BenchmarkAggregate adds pre-parsed rows (1,000 communes × 25 services ×
// 4 weeks) with the national views.
func BenchmarkAggregate(b *testing.B) {
	for _, c := range []struct {
		name  string
		views []Dims
	}{{"national", NationalViews()}, {"default", DefaultViews()}} {
		b.Run(c.name, func(b *testing.B) {
			rows := benchRows(1000, 4)
			a := New(Options{Services: benchServices(), Views: c.views})
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				a.Add(rows[i%len(rows)])
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
