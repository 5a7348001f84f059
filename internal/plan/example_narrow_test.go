package plan_test

import (
	"fmt"

	"github.com/tiendo/tiendo/internal/plan"
)

// A date inside a period, for the same work, is the deadline; a vague part
// of a month is read and marked approximate.
func ExampleParseDeadline_narrowed() {
	for _, words := range []string{
		"Quý IV/2023, chậm nhất ngày 15/12/2023",
		"Hoàn thành trong Quý IV/2023 (trước 15/12/2023)",
		"Năm 2023; riêng báo cáo sơ kết trước 30/4", // two parts: the later counts
		"Tuần đầu tháng 7/2023",
		"Đầu tháng 7/2023",
		"Hoàn thành đầu năm 2024",
	} {
		d, err := plan.ParseDeadline(words, ctx)
		if err != nil {
			fmt.Println(err)
			continue
		}
		approx := ""
		if d.Approximate {
			approx = " (khoảng)"
		}
		fmt.Printf("due %s%s, %d steps\n", day(d.Due), approx, len(d.Steps))
	}
	// Output:
	// due 2023-12-15, 2 steps
	// due 2023-12-15, 2 steps
	// due 2023-12-31, 2 steps
	// due 2023-07-07, 1 steps
	// due 2023-07-10 (khoảng), 1 steps
	// “đầu năm 2024” không chỉ rõ đến ngày nào
}
