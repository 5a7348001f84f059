package report_test

import (
	"fmt"
	"time"

	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/report"
)

func ExampleAggregator() {
	a := report.New(report.Options{Services: []report.Service{
		{ID: "dang-ky-khai-sinh", Sector: "tu-phap", Essential: true},
	}})
	w13, w14 := period.MustParse("2023-W13"), period.MustParse("2023-W14")
	// Week 13: 4 of 10 dossiers online; 9 resolved, 8 of them in time.
	a.Add(report.Row{Week: w13, Unit: "phong-tu-phap", Service: "dang-ky-khai-sinh",
		Counts:     report.Counts{ReceivedOnline: 4, ReceivedInPerson: 6, ResolvedEarly: 5, ResolvedOnTime: 3, ResolvedLate: 1, PendingOnTime: 1},
		LateReason: "Hồ sơ cần xác minh thêm."})
	// Week 14: 27 of 30 online; 31 resolved (1 carried over), 30 in time.
	a.Add(report.Row{Week: w14, Unit: "phong-tu-phap", Service: "dang-ky-khai-sinh",
		Counts:     report.Counts{ReceivedOnline: 27, ReceivedInPerson: 3, CarriedOver: 1, ResolvedEarly: 20, ResolvedOnTime: 10, ResolvedLate: 1},
		LateReason: "hồ sơ cần xác minh thêm"})

	for _, w := range a.View(report.ByWeek) {
		v, _ := w.OnlineRate().Value()
		fmt.Printf("%s: online %d/%d = %.1f%%\n", w.Week, w.ReceivedOnline, w.Received(), 100*v)
	}
	t := a.Total()
	online, _ := t.OnlineRate().Value()
	onTime, _ := t.OnTimeRate().Value()
	met, _ := t.MeetsOnlineTarget()
	// (4 + 27) ÷ (10 + 30) = 31/40, not the mean of 40% and 90% (65%).
	fmt.Printf("total: online %.1f%%, target met: %v\n", 100*online, met)
	// (5 + 3 + 20 + 10) ÷ (9 + 31) = 38/40.
	fmt.Printf("on time: %.1f%%\n", 100*onTime)
	for _, r := range t.LateReasons {
		fmt.Printf("late: %s (%d)\n", r.Label, r.Dossiers)
	}
	// Output:
	// 2023-W13: online 4/10 = 40.0%
	// 2023-W14: online 27/30 = 90.0%
	// total: online 77.5%, target met: false
	// on time: 95.0%
	// late: Hồ sơ cần xác minh thêm. (2)
}

func ExampleRule() {
	r := report.DefaultRule() // trước 09h ngày Thứ 3 hàng tuần
	w := period.MustParse("2023-W25")
	fmt.Println(w, "is due", r.Due(w).Format("Mon 02/01/2006 15:04"))
	covered, _ := r.Covers(2023, time.April, 4)
	fmt.Println("the report due 04/04/2023 covers", covered)
	now := time.Date(2023, 6, 27, 8, 59, 0, 0, plan.Location())
	fmt.Println("at 08:59 on 27/06 the last report due covers", r.LastDue(now))
	// Output:
	// 2023-W25 is due Tue 27/06/2023 09:00
	// the report due 04/04/2023 covers 2023-W13
	// at 08:59 on 27/06 the last report due covers 2023-W24
}

func ExampleCheck() {
	at := func(d, hh, mm int) time.Time { return time.Date(2023, 6, d, hh, mm, 0, 0, plan.Location()) }
	w24, w25 := period.MustParse("2023-W24"), period.MustParse("2023-W25")
	subs := []report.Submission{
		{Unit: "cong-an-huyen", Week: w24, At: at(19, 16, 0)},
		{Unit: "cong-an-huyen", Week: w25, At: at(26, 16, 0)},
		{Unit: "bhxh-huyen", Week: w24, At: at(20, 10, 15)},
	}
	f := report.Check([]string{"cong-an-huyen", "bhxh-huyen"}, report.DefaultRule(), w24, subs, at(27, 10, 0))
	fmt.Println("last due:", f.Week, "at", f.Due.Format("02/01 15:04"))
	fmt.Println("not reported:", f.NotReported())
	for _, u := range f.Units {
		fmt.Print(u.Unit, ":")
		for _, w := range u.History {
			fmt.Print(" ", w.Week, " ", w.State.Label().Vi)
		}
		fmt.Println()
	}
	// Output:
	// last due: 2023-W25 at 27/06 09:00
	// not reported: [bhxh-huyen]
	// cong-an-huyen: 2023-W24 Đúng hạn 2023-W25 Đúng hạn
	// bhxh-huyen: 2023-W24 Báo cáo muộn 2023-W25 Chưa báo cáo
}
