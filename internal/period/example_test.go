package period_test

import (
	"fmt"
	"slices"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/period"
)

func ExampleParse() {
	for _, s := range []string{"31/3/2023", "tuần 13/2023", "Tháng 03 năm 2023", "Quý I/2023", "6 tháng đầu năm 2023", "năm 2023"} {
		p, _ := period.Parse(s)
		fmt.Printf("%-22s %-10s %s\n", s, p, p.Label(diag.VI))
	}
	// Output:
	// 31/3/2023              2023-03-31 31/03/2023
	// tuần 13/2023           2023-W13   Tuần 13/2023
	// Tháng 03 năm 2023      2023-03    Tháng 3/2023
	// Quý I/2023             2023-Q1    Quý I/2023
	// 6 tháng đầu năm 2023   2023-H1    6 tháng đầu năm 2023
	// năm 2023               2023       Năm 2023
}

func ExamplePeriod_End() {
	q := period.MustParse("2023-Q1")
	y, m, d := q.Last()
	fmt.Println(q.Start().Format("2006-01-02"), "to", q.End().Format("2006-01-02"), "exclusive")
	fmt.Println("last day:", y, m, d)
	// Output:
	// 2023-01-01 to 2023-04-01 exclusive
	// last day: 2023 March 31
}

func ExamplePeriod_Next() {
	w := period.MustParse("2020-W52")
	for range 3 {
		fmt.Print(w, " ")
		w = w.Next()
	}
	fmt.Println()
	// Output: 2020-W52 2020-W53 2021-W01
}

func ExampleCompare() {
	ps := []period.Period{period.MustParse("2023"), period.MustParse("2023-Q1"), period.MustParse("31/3/2023"), period.MustParse("2023-03")}
	slices.SortFunc(ps, period.Compare)
	fmt.Println(ps)
	// Output: [2023-03-31 2023-03 2023-Q1 2023]
}
