package indicator_test

import (
	"fmt"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
)

func vneid() *indicator.Indicator {
	loc := time.FixedZone("ICT", 7*60*60)
	return &indicator.Indicator{
		ID:        "tai-khoan-dinh-danh-dien-tu",
		Unit:      "tài khoản",
		UnitEn:    "accounts",
		Measure:   indicator.Cumulative,
		Direction: indicator.Increase,
		Dimension: indicator.ByCommune,
		Baseline:  indicator.Baseline{Period: period.MustParse("2022-12"), Value: 10000},
		Targets:   []indicator.Target{{Value: 50000, Deadline: indicator.EndOfDay(2023, 6, 30, loc)}},
	}
}

func ExampleCompute() {
	ind := vneid()
	obs := []indicator.Observation{
		{Period: period.MustParse("2023-05"), Dim: "xa-thach-kim", Value: 20500},
		{Period: period.MustParse("2023-05"), Dim: "thi-tran-loc-ha", Value: 21000},
		{Period: period.MustParse("2023-06"), Dim: "xa-thach-kim", Value: 23024},
		{Period: period.MustParse("2023-06"), Dim: "thi-tran-loc-ha", Value: 24000},
	}
	loc := ind.Targets[0].Deadline.Location()
	for _, now := range []time.Time{
		time.Date(2023, 6, 15, 9, 0, 0, 0, loc),
		time.Date(2023, 6, 30, 17, 0, 0, 0, loc),
		time.Date(2023, 7, 13, 9, 0, 0, 0, loc),
	} {
		r := indicator.Compute(ind, obs, now, indicator.DefaultMethod())
		fmt.Printf("%s: %s %.0f of %.0f expected (%.2f) %s %s\n", now.Format("02/01"),
			r.Latest.Period, r.Latest.Value, r.Expected, r.Ratio, r.Status.Icon(), r.Status.Label().Vi)
	}
	// Output:
	// 15/06: 2023-05 41500 of 46685 expected (0.89) ↘ chậm tiến độ
	// 30/06: 2023-06 47024 of 50000 expected (0.94) ↘ chậm tiến độ
	// 13/07: 2023-06 47024 of 50000 expected (0.94) ✗ quá hạn chưa đạt
}

func ExampleSentence() {
	ind := vneid()
	obs := []indicator.Observation{
		{Period: period.MustParse("2023-06"), Dim: "xa-thach-kim", Value: 23024},
		{Period: period.MustParse("2023-06"), Dim: "thi-tran-loc-ha", Value: 24000},
	}
	now := time.Date(2023, 6, 30, 17, 0, 0, 0, ind.Targets[0].Deadline.Location())
	r := indicator.Compute(ind, obs, now, indicator.DefaultMethod())
	fmt.Println(indicator.Sentence(ind, r, diag.VI))
	fmt.Println(indicator.Sentence(ind, r, diag.EN))
	fmt.Println(indicator.Sentence(ind, indicator.Compute(ind, nil, now, indicator.Method{}), diag.VI))
	// Output:
	// Đến 30/06/2023, kết quả đạt 47.024 tài khoản, bằng 94,0% mục tiêu 50.000 tài khoản (hạn 30/06/2023).
	// By 30 Jun 2023: 47,024 accounts, 94.0% of the target of 50,000 accounts (due 30 Jun 2023).
	// Chưa có số liệu.
}
