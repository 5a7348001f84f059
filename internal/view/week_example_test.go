package view_test

import (
	"fmt"

	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/view"
)

func ExampleWeekLabel() {
	for _, w := range []struct{ y, n int }{{2023, 25}, {2023, 26}, {2023, 1}} {
		p, _ := period.New(period.Week, w.y, w.n)
		fmt.Println(view.WeekLabel(p, "vi"), "|", view.ShortLabel(p, "vi"), "|", view.WeekLabel(p, "en"))
	}
	// Output:
	// Tuần 25/2023 (19–25/06/2023) | T25 | Week 25, 2023 (19–25 Jun 2023)
	// Tuần 26/2023 (26/06–02/07/2023) | T26 | Week 26, 2023 (26 Jun–2 Jul 2023)
	// Tuần 1/2023 (02–08/01/2023) | T1 | Week 1, 2023 (2–8 Jan 2023)
}
