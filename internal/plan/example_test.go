package plan_test

import (
	"fmt"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/plan"
)

var ctx = plan.Context{Year: 2023, PlanDate: time.Date(2023, 3, 21, 0, 0, 0, 0, time.UTC)}

func ExampleParseDeadline() {
	for _, words := range []string{
		"Hoàn thành trong Quý I/2023 và thực hiện thường xuyên.",
		"Thực hiện trước tháng 3/2023.",
		"Tổ chức kiểm tra thực hiện xong trước ngày 30/04/2023.",
		"đến hết Quý II/2023 phải cấp 50.000 tài khoản, sau đó thực hiện thường xuyên",
		"Thực hiện từ tháng 3/2023.",
		"Thực hiện ngay.",
		"hoan thanh trong quy 4", // no diacritics, no year: the plan's year
	} {
		d, err := plan.ParseDeadline(words, ctx)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("due %-10s start %-10s %s\n", day(d.Due), day(d.Start), d.Recurrence)
	}
	// Output:
	// due 2023-03-31 start -          regularly
	// due 2023-02-28 start -          once
	// due 2023-04-30 start -          once
	// due 2023-06-30 start -          regularly
	// due -          start 2023-03-01 regularly
	// due 2023-03-21 start 2023-03-21 once
	// due 2023-12-31 start -          once
}

func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02")
}

// Due is the last moment of the last day, in Vietnam's time.
func ExampleParseDeadline_due() {
	d, _ := plan.ParseDeadline("Hoàn thành trong Quý I/2023", ctx)
	fmt.Println(d.Due.Format(time.RFC3339Nano))
	// Output:
	// 2023-03-31T23:59:59.999999999+07:00
}

// Reports that recur carry their rule.
func ExampleParseDeadline_recurring() {
	for _, words := range []string{
		"trước 09h ngày Thứ 3 hàng tuần.",
		"trước ngày 13 hàng tháng.",
		"trước ngày 14/06 và 14/12 hàng năm.",
	} {
		d, _ := plan.ParseDeadline(words, ctx)
		switch d.Recurrence {
		case plan.Weekly:
			fmt.Println(d.Recurrence, d.Weekday, d.At)
		case plan.Monthly:
			fmt.Println(d.Recurrence, d.Day)
		case plan.Yearly:
			fmt.Println(d.Recurrence, d.Dates)
		}
	}
	// Output:
	// weekly Tuesday 9h0m0s
	// monthly 13
	// yearly [14/06 14/12]
}

// A deadline in several parts keeps each; Due is the latest. The date of a
// document the words refer to is not a deadline.
func ExampleParseDeadline_steps() {
	d, _ := plan.ParseDeadline("Thực hiện theo lộ trình Nghị quyết số 50/NQ-CP ngày 08/4/2022 của Chính phủ "+
		"(Bộ phận một cửa cấp huyện từ 01/12/2022; cấp xã từ 01/6/2023).", ctx)
	fmt.Println("theo:", d.Per)
	for _, s := range d.Steps {
		fmt.Printf("%s: %s\n", day(s.Start), s.Words)
	}
	fmt.Println(day(d.Start), d.Recurrence)
	// Output:
	// theo: lộ trình Nghị quyết số 50/NQ-CP ngày 08/4/2022 của Chính phủ
	// 2022-12-01: Bộ phận một cửa cấp huyện từ 01/12/2022
	// 2023-06-01: cấp xã từ 01/6/2023
	// 2022-12-01 regularly
}

func ExampleParseDeadline_conditional() {
	d, _ := plan.ParseDeadline("Thực hiện khi Bộ Công an triển khai phần mềm quản lý lưu trú cho các cơ sở.", ctx)
	fmt.Println(d.Conditional, d.Due.IsZero())
	fmt.Println(d.Condition)
	// Output:
	// true true
	// Bộ Công an triển khai phần mềm quản lý lưu trú cho các cơ sở
}

// Words that cannot be read give an error that says where they are: the
// byte offset in the words, and the file position, in characters, once the
// caller says where the words begin.
func ExampleParseDeadline_error() {
	_, err := plan.ParseDeadline("Hoàn thành trong Quý V/2023", ctx)
	pe := err.(*plan.ParseError)
	fmt.Println(pe.Offset, pe.Words)
	d := pe.Diagnostic(diag.Pos{File: "data/tasks.csv", Line: 4, Col: 30})
	fmt.Println(d.Format(diag.VI))
	fmt.Println(d.Format(diag.EN))
	// Output:
	// 19 Quý V/2023
	// data/tasks.csv:4:47: quý không hợp lệ “Quý V/2023”
	//     gợi ý: Quý viết I, II, III, IV hoặc 1, 2, 3, 4, ví dụ “Quý I/2023”.
	// data/tasks.csv:4:47: not a quarter “Quý V/2023”
	//     hint: Quarters are I, II, III, IV or 1, 2, 3, 4, e.g. “Quý I/2023”.
}

func ExampleDeadline_Next() {
	d, _ := plan.ParseDeadline("trước 09h ngày Thứ 3 hàng tuần", ctx)
	monday := time.Date(2023, 5, 15, 10, 0, 0, 0, plan.Location())
	fmt.Println(d.Next(monday).Format("Mon 2006-01-02 15:04"))
	// Output:
	// Tue 2023-05-16 09:00
}

func ExampleStatus() {
	d, _ := plan.ParseDeadline("Hoàn thành trong Quý II/2023", ctx)
	now := time.Date(2023, 6, 25, 9, 0, 0, 0, plan.Location())
	for _, t := range []plan.TaskState{
		{Deadline: d, Progress: plan.Underway},
		{Deadline: d, Progress: plan.Completed, Completed: time.Date(2023, 6, 20, 0, 0, 0, 0, time.UTC)},
		{Deadline: d, Progress: plan.Completed, Completed: time.Date(2023, 7, 3, 0, 0, 0, 0, time.UTC)},
		{Deadline: d, Progress: plan.Pending, Due: time.Date(2023, 5, 31, 0, 0, 0, 0, time.UTC)},
	} {
		s := plan.Status(t, now, 7)
		fmt.Printf("%-18s %s / %s\n", s.Slug(), s.Label().Vi, s.Label().En)
	}
	// Output:
	// sap-den-han        sắp đến hạn / due soon
	// dung-han           hoàn thành đúng hạn / done on time
	// hoan-thanh-qua-han hoàn thành quá hạn / done late
	// qua-han            quá hạn / overdue
}

func ExampleParseProgress() {
	p, _ := plan.ParseProgress("Đang thực hiện")
	fmt.Println(p == plan.Underway, p.Label().En)
	_, err := plan.ParseProgress("xong")
	fmt.Println(err)
	// Output:
	// true under way
	// không rõ trạng thái “xong”
}

func ExamplePlanCode() {
	for _, c := range []string{"3.2.4", "1.2", "III.1", "III.2.a", "2"} {
		fmt.Println(c, "→", plan.PlanCode(c))
	}
	// Output:
	// 3.2.4 → 3.2(4)
	// 1.2 → 1.2
	// III.1 → III.1
	// III.2.a → III.2.a
	// 2 → 2
}
