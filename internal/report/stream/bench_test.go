package stream

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"

	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/report"
)

// benchServices are 25 services in 8 sectors, as the real list.
func benchServices() []report.Service {
	out := make([]report.Service, 25)
	for i := range out {
		out[i] = report.Service{ID: fmt.Sprintf("dich-vu-%02d", i+1), Sector: fmt.Sprintf("nganh-%d", min(i/3, 7)), Essential: true}
	}
	return out
}

// benchRows makes rows for units × 25 services × weeks, week by week, with
// counts from a fixed pseudo-random sequence and a reason on about one
// row in 16.
func benchRows(units, weeks int) []report.Row {
	svcs := benchServices()
	reasons := []string{"Hồ sơ cần xác minh thêm", "Chờ kết quả liên thông", "hồ sơ cần xác minh thêm."}
	rows := make([]report.Row, 0, units*weeks*len(svcs))
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
				c := report.Counts{ReceivedOnline: next(20), ReceivedInPerson: next(10), CarriedOver: next(3)}
				c.PendingOnTime = next(c.ToHandle() + 1)
				rest := c.ToHandle() - c.PendingOnTime
				c.ResolvedLate = min(rest, next(16)/15)
				c.ResolvedEarly = (rest - c.ResolvedLate) / 2
				c.ResolvedOnTime = rest - c.ResolvedLate - c.ResolvedEarly
				c.ResultsReturned = rest
				r := report.Row{Week: w, Unit: unit, Service: s.ID, Counts: c}
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

// BenchmarkAggregateCSV reads the rows of package report's
// BenchmarkAggregate (1,000 communes × 25 services × 4 weeks) from a
// national CSV file in memory.
func BenchmarkAggregateCSV(b *testing.B) {
	rows := benchRows(1000, 4)
	var buf bytes.Buffer
	buf.WriteString(nationalHeader)
	for _, r := range rows {
		c := r.Counts
		fmt.Fprintf(&buf, "%s,%s,%s,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%s,,,2023-01-10 08:00\n",
			r.Week, r.Unit, r.Service, c.ReceivedOnline, c.ReceivedInPerson, c.CarriedOver,
			c.ResolvedEarly, c.ResolvedOnTime, c.ResolvedLate, c.PendingOnTime, c.PendingOverdue,
			c.ResultsReturned, c.NotAccepted, c.ReturnedForSupplement, r.LateReason)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	var n int64
	for range b.N {
		a := report.New(report.Options{Services: benchServices(), Views: report.NationalViews()})
		m, err := Aggregate(bytes.NewReader(data), a, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n += m
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "rows/s")
}
