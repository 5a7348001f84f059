package plan

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"golang.org/x/text/unicode/norm"
)

// testCtx is the plan of the sample site: its year, and the issue date the
// site's configuration gives it.
var testCtx = Context{Year: 2023, PlanDate: time.Date(2023, 3, 21, 0, 0, 0, 0, time.UTC)}

// want is a Deadline written compactly: dates as 2006-01-02 when they fall
// at the end of the day (Due) or its start (Start), else with the hour.
type want struct {
	due, start string
	rec        Recurrence
	weekday    time.Weekday
	day        int
	dates      string
	at         time.Duration
	cond, per  string
	steps      int
}

func show(t time.Time, end bool) string {
	switch {
	case t.IsZero():
		return ""
	case t.Location() != Location():
		return "wrong zone: " + t.String()
	case end && t.Hour() == 23 && t.Minute() == 59 && t.Second() == 59 && t.Nanosecond() == 999999999,
		!end && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0:
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04")
}

func got(d Deadline) want {
	var dates []string
	for _, md := range d.Dates {
		dates = append(dates, md.String())
	}
	return want{
		due: show(d.Due, true), start: show(d.Start, false), rec: d.Recurrence,
		weekday: d.Weekday, day: d.Day, dates: strings.Join(dates, " "), at: d.At,
		cond: d.Condition, per: d.Per, steps: len(d.Steps),
	}
}

func checkDeadline(tb testing.TB, text string, w want) {
	tb.Helper()
	d, err := ParseDeadline(text, testCtx)
	if err != nil {
		tb.Fatalf("ParseDeadline(%q): %v", text, err)
	}
	if d.Text != text {
		tb.Errorf("Text = %q, want %q", d.Text, text)
	}
	if g := got(d); g.String() != w.String() {
		tb.Errorf("ParseDeadline(%q)\n got %v\nwant %v", text, g, w)
	}
	if d.Conditional != (w.cond != "") {
		tb.Errorf("ParseDeadline(%q).Conditional = %v", text, d.Conditional)
	}
}

func (w want) String() string {
	s := fmt.Sprintf("due=%q start=%q %v steps=%d", w.due, w.start, w.rec, w.steps)
	switch w.rec {
	case Weekly:
		s += fmt.Sprintf(" weekday=%v", w.weekday)
	case Monthly:
		s += fmt.Sprintf(" day=%d", w.day)
	case Yearly:
		s += fmt.Sprintf(" dates=%q", w.dates)
	}
	if w.at != 0 {
		s += fmt.Sprintf(" at=%v", w.at)
	}
	if w.cond != "" {
		s += fmt.Sprintf(" cond=%q", w.cond)
	}
	if w.per != "" {
		s += fmt.Sprintf(" per=%q", w.per)
	}
	return s
}

// TestParseDeadlinePlan reads every deadline the plan writes, quoted from it.
func TestParseDeadlinePlan(t *testing.T) {
	tests := []struct {
		name, text string
		want       want
	}{
		{"1.1", "Hoàn thành trong Quý I/2023.", want{due: "2023-03-31", steps: 1}},
		{"1.2 ban hành", "Giao Công an huyện phối hợp ban hành Kế hoạch trong tháng 3 năm 2023.",
			want{due: "2023-03-31", steps: 1}},
		{"1.2 kiểm tra", "Tổ chức kiểm tra thực hiện xong trước ngày 30/04/2023.", want{due: "2023-04-30", steps: 1}},
		{"1.2", "ban hành Kế hoạch trong tháng 3 năm 2023. Tổ chức kiểm tra thực hiện xong trước ngày 30/04/2023",
			want{due: "2023-04-30", steps: 2}},
		{"1.3", "Hoàn thành trong Quý II/2023.", want{due: "2023-06-30", steps: 1}},
		{"1.4", "Thực hiện trước tháng 3/2023.", want{due: "2023-02-28", steps: 1}},
		{"2", "Hoàn thành trong Quý I/2023 và thực hiện thường xuyên.",
			want{due: "2023-03-31", rec: Regularly, steps: 1}},
		{"3.1", "Hoàn thành trong tháng 3/2023.", want{due: "2023-03-31", steps: 1}},
		{"3.2(1)", "Hoàn thành trong tháng 03/2023.", want{due: "2023-03-31", steps: 1}},
		{"3.2(2)", "Thực hiện thường xuyên.", want{rec: Regularly}},
		{"3.2(3) đã triển khai", "Thực hiện thường xuyên đối với các thủ tục đã triển khai.", want{rec: Regularly}},
		{"3.2(3) chưa triển khai",
			"Đối với các thủ tục chưa triển khai thì thực hiện ngay sau khi có văn bản chỉ đạo của Chính phủ, các bộ, ngành.",
			want{cond: "có văn bản chỉ đạo của Chính phủ, các bộ, ngành"}},
		{"3.2(3)",
			"Thực hiện thường xuyên đối với các thủ tục đã triển khai. Đối với các thủ tục chưa triển khai thì thực hiện ngay sau khi có văn bản chỉ đạo của Chính phủ, các bộ, ngành.",
			want{rec: Regularly, cond: "có văn bản chỉ đạo của Chính phủ, các bộ, ngành"}},
		{"3.2(4) quán triệt", "Có văn bản quán triệt hoàn thành trong tháng 3/2023.", want{due: "2023-03-31", steps: 1}},
		{"3.2(4) chỉ tiêu", "Thực hiện từ tháng 3/2023.", want{start: "2023-03-01", rec: Regularly, steps: 1}},
		{"3.2(4) tiếp nhận", "Thực hiện thường xuyên và theo lộ trình chỉ đạo của các cơ quan cấp trên.",
			want{rec: Regularly, per: "lộ trình chỉ đạo của các cơ quan cấp trên"}},
		{"3.2(4) tiếp nhận, cắt dòng", "Thực hiện thường xuyên và theo lộ trình chỉ đạo\n\ncủa các cơ quan cấp trên.",
			want{rec: Regularly, per: "lộ trình chỉ đạo\n\ncủa các cơ quan cấp trên"}},
		{"3.2(4)",
			"Có văn bản quán triệt hoàn thành trong tháng 3/2023. Thực hiện từ tháng 3/2023. Thực hiện thường xuyên và theo lộ trình chỉ đạo của các cơ quan cấp trên",
			want{due: "2023-03-31", start: "2023-03-01", rec: Regularly, per: "lộ trình chỉ đạo của các cơ quan cấp trên", steps: 2}},
		{"3.2(5)", "Hoàn thành tháng 6/2023.", want{due: "2023-06-30", steps: 1}},
		{"3.2(6)", "Hoàn thành trong tháng 3/2023.", want{due: "2023-03-31", steps: 1}},
		{"3.2(7)",
			"Thực hiện theo lộ trình Nghị quyết số 50/NQ-CP ngày 08/4/2022 của Chính phủ (Bộ phận một cửa cấp huyện từ 01/12/2022; cấp xã từ 01/6/2023).",
			want{start: "2022-12-01", rec: Regularly, per: "lộ trình Nghị quyết số 50/NQ-CP ngày 08/4/2022 của Chính phủ", steps: 2}},
		{"3.2(7) lộ trình", "Bộ phận một cửa cấp huyện từ 01/12/2022; cấp xã từ 01/6/2023",
			want{start: "2022-12-01", rec: Regularly, steps: 2}},
		{"3.3(1)", "Hoàn thành trang bị thiết bị trong quý I/2023 và thực hiện thường xuyên.",
			want{due: "2023-03-31", rec: Regularly, steps: 1}},
		{"3.3(2)", "Hoàn thành trong Quý I/2023 và thực hiện thường xuyên.",
			want{due: "2023-03-31", rec: Regularly, steps: 1}},
		{"3.3(3)", "Thực hiện ngay.", want{due: "2023-03-21", start: "2023-03-21", steps: 1}},
		{"3.3(4)",
			"Hoàn thành cấp tài khoản an sinh đối với 100% hộ nghèo, cận nghèo trên địa bàn toàn tỉnh trong tháng 04/2023 và thực hiện chi trả không dùng tiền mặt thường xuyên.",
			want{due: "2023-04-30", rec: Regularly, steps: 1}},
		{"3.3(5)", "Thực hiện khi Bộ Công an triển khai phần mềm quản lý lưu trú cho các cơ sở.",
			want{cond: "Bộ Công an triển khai phần mềm quản lý lưu trú cho các cơ sở"}},
		{"3.4(1) CCCD", "Thực hiện thu nhận hồ sơ cấp thẻ CCCD thực hiện thường xuyên", want{rec: Regularly}},
		{"3.4(1) định danh", "đến hết Quý II/2023 phải cấp 50.000 tài khoản, sau đó thực hiện thường xuyên.",
			want{due: "2023-06-30", rec: Regularly, steps: 1}},
		{"3.4(1)",
			"Thực hiện thu nhận hồ sơ cấp thẻ CCCD thực hiện thường xuyên; đối với tài khoản định danh điện tử, đến hết Quý II/2023 phải cấp 50.000 tài khoản, sau đó thực hiện thường xuyên.",
			want{due: "2023-06-30", rec: Regularly, steps: 1}},
		{"3.5(1)", "Hoàn thành trong tháng 3/2023.", want{due: "2023-03-31", steps: 1}},
		{"3.5(2)", "Hoàn thành trong Quý III/2023.", want{due: "2023-09-30", steps: 1}},
		{"3.5(3)", "Thực hiện số hóa dữ liệu hộ tịch triển khai bắt đầu từ Quý I/2023.",
			want{start: "2023-01-01", rec: Regularly, steps: 1}},
		{"3.5(4)", "Thực hiện thường xuyên. Trong đó, hoàn thành số hóa hồ sơ cư trú trong Quý II/2023",
			want{due: "2023-06-30", rec: Regularly, steps: 1}},
		{"3.5(5)", "Thực hiện từ Quý I/2023.", want{start: "2023-01-01", rec: Regularly, steps: 1}},
		{"3.5(6)", "Hoàn thành trong Quý II/2023.", want{due: "2023-06-30", steps: 1}},
		{"3.5(7)", "Hoàn thành trong Quý II/2023.", want{due: "2023-06-30", steps: 1}},
		{"5.1", "Thực hiện trong tháng 2/2023.", want{due: "2023-02-28", steps: 1}},
		{"5.2", "Hoàn thành trong tháng 4/2023.", want{due: "2023-04-30", steps: 1}},
		{"5.3", "Thời gian thực hiện thường xuyên.", want{rec: Regularly}},
		{"6", "Thời gian thực hiện theo chỉ tiêu đã đăng ký của các đơn vị, địa phương.",
			want{per: "chỉ tiêu đã đăng ký của các đơn vị, địa phương"}},
		{"III.1", "gửi về Tổ công tác triển khai Đề án 06 huyện (qua Công an huyện) trước ngày 13/03/2023 để theo dõi",
			want{due: "2023-03-13", steps: 1}},
		{"III.1 hạn", "trước ngày 13/03/2023", want{due: "2023-03-13", steps: 1}},
		{"III.2 tuần", "trước 09h ngày Thứ 3 hàng tuần.", want{rec: Weekly, weekday: time.Tuesday, at: 9 * time.Hour}},
		{"III.2 tháng", "trước ngày 13 hàng tháng.", want{rec: Monthly, day: 13}},
		{"III.2 6 tháng, năm", "trước ngày 14/06 và 14/12 hàng năm.", want{rec: Yearly, dates: "14/06 14/12"}},
		{"III.4", "hàng năm", want{rec: Yearly, dates: "31/12"}},
		{"III.2 căn cứ", "thực hiện theo yêu cầu tại Kế hoạch số 33/KH-UBND ngày 21/03/2022 của UBND huyện và Kế hoạch này",
			want{per: "yêu cầu tại Kế hoạch số 33/KH-UBND ngày 21/03/2022 của UBND huyện và Kế hoạch này"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkDeadline(t, tt.text, tt.want) })
	}
}

// TestParseDeadlineForms reads the forms a plan may use beyond the sample.
func TestParseDeadlineForms(t *testing.T) {
	tests := []struct {
		name, text string
		want       want
	}{
		{"no words", "", want{}},
		{"only marks", " … ", want{}},
		{"arabic quarter", "hoàn thành trong quý 1/2023", want{due: "2023-03-31", steps: 1}},
		{"capitals", "HOÀN THÀNH TRONG QUÝ IV/2023", want{due: "2023-12-31", steps: 1}},
		{"no diacritics", "Hoan thanh trong Quy II/2023", want{due: "2023-06-30", steps: 1}},
		{"decomposed", norm.NFD.String("Hoàn thành trong Quý III/2023 và thực hiện thường xuyên"),
			want{due: "2023-09-30", rec: Regularly, steps: 1}},
		{"quarter and year in words", "trong quý I năm 2024", want{due: "2024-03-31", steps: 1}},
		{"quarter without year", "Quý IV", want{due: "2023-12-31", steps: 1}},
		{"quarter with spaces", "trong Quý II / 2023", want{due: "2023-06-30", steps: 1}},
		{"quarter with dash", "trong Quý II-2023", want{due: "2023-06-30", steps: 1}},
		{"before a quarter", "trước Quý II/2023", want{due: "2023-03-31", steps: 1}},
		{"month without year", "trong tháng 3", want{due: "2023-03-31", steps: 1}},
		{"month in words", "trong tháng 2 năm 2024", want{due: "2024-02-29", steps: 1}},
		{"before january", "trước tháng 1/2024", want{due: "2023-12-31", steps: 1}},
		{"at the latest", "chậm nhất ngày 30/6/2023", want{due: "2023-06-30", steps: 1}},
		{"at the latest, là vào", "chậm nhất là vào ngày 5/7/2023", want{due: "2023-07-05", steps: 1}},
		{"at the latest, month", "chậm nhất trong tháng 9/2023", want{due: "2023-09-30", steps: 1}},
		{"until the end of the year", "đến hết năm 2023", want{due: "2023-12-31", steps: 1}},
		{"until, bare year", "cho đến hết 2024", want{due: "2024-12-31", steps: 1}},
		{"within the year", "trong năm 2023", want{due: "2023-12-31", steps: 1}},
		{"year", "năm 2023", want{due: "2023-12-31", steps: 1}},
		{"within this year", "hoàn thành trong năm", want{due: "2023-12-31", steps: 1}},
		{"before a year", "trước năm 2024", want{due: "2023-12-31", steps: 1}},
		{"first half", "6 tháng đầu năm", want{due: "2023-06-30", steps: 1}},
		{"first half of 2024", "trong 6 tháng đầu năm 2024", want{due: "2024-06-30", steps: 1}},
		{"second half", "06 tháng cuối năm 2023", want{due: "2023-12-31", steps: 1}},
		{"from the second half", "từ 6 tháng cuối năm 2023", want{start: "2023-07-01", rec: Regularly, steps: 1}},
		{"half in words", "trong nửa cuối năm 2023", want{due: "2023-12-31", steps: 1}},
		{"before the second half", "trước nửa cuối năm", want{due: "2023-06-30", steps: 1}},
		{"nine months", "9 tháng đầu năm 2023", want{due: "2023-09-30", steps: 1}},
		{"end of year", "cuối năm 2023", want{due: "2023-12-31", steps: 1}},
		{"before the end of a quarter", "trước cuối quý III/2023", want{due: "2023-09-30", steps: 1}},
		{"date in words", "ngày 31 tháng 12 năm 2023", want{due: "2023-12-31", steps: 1}},
		{"date in words, short", "trước ngày 5 tháng 1/2024", want{due: "2024-01-05", steps: 1}},
		{"date in words, no year", "trước ngày 5 tháng 9", want{due: "2023-09-05", steps: 1}},
		{"date without year", "Hoàn thành trước ngày 14/06", want{due: "2023-06-14", steps: 1}},
		{"date with dashes", "trước ngày 30-04-2023", want{due: "2023-04-30", steps: 1}},
		{"bare date", "hoàn thành 30/4/2023", want{due: "2023-04-30", steps: 1}},
		{"bare month", "đến 3/2023", want{due: "2023-03-31", steps: 1}},
		{"two dates", "trước ngày 14/06 và 14/12", want{due: "2023-12-14", steps: 2}},
		{"two dates, ngày twice", "trước ngày 14/06/2023, ngày 14/12/2023", want{due: "2023-12-14", steps: 2}},
		{"from to", "từ tháng 3 đến hết tháng 6/2023", want{due: "2023-06-30", start: "2023-03-01", steps: 2}},
		{"from", "kể từ ngày 01/7/2023", want{start: "2023-07-01", rec: Regularly, steps: 1}},
		{"with hour", "trước 17h ngày 30/04/2023", want{due: "2023-04-30 17:00", steps: 1}},
		{"with hour 24h", "trước 24h ngày 30/6/2023", want{due: "2023-06-30", steps: 1}},
		{"with hour and minutes", "trước 9 giờ 30 phút ngày Thứ Hai hàng tuần",
			want{rec: Weekly, weekday: time.Monday, at: 9*time.Hour + 30*time.Minute}},
		{"with colon", "trước 16:30 ngày thứ sáu hằng tuần", want{rec: Weekly, weekday: time.Friday, at: 16*time.Hour + 30*time.Minute}},
		{"sunday", "vào Chủ nhật hàng tuần", want{rec: Weekly, weekday: time.Sunday}},
		{"thursday in words", "Thứ Năm hàng tuần", want{rec: Weekly, weekday: time.Thursday}},
		{"wednesday in words", "ngày thứ tư hàng tuần", want{rec: Weekly, weekday: time.Wednesday}},
		{"saturday", "thứ 7 hàng tuần", want{rec: Weekly, weekday: time.Saturday}},
		{"every week", "báo cáo hàng tuần", want{rec: Weekly, weekday: time.Sunday}},
		{"every day at 16h", "trước 16h hằng ngày", want{rec: Daily, at: 16 * time.Hour}},
		{"every month", "hằng tháng", want{rec: Monthly}},
		{"every quarter", "báo cáo hàng quý", want{rec: Quarterly}},
		{"every year on a day", "trước ngày 15/01 hàng năm", want{rec: Yearly, dates: "15/01"}},
		{"29 february every year", "ngày 29/2 hàng năm", want{rec: Yearly, dates: "29/02"}},
		{"monthly in words", "Báo cáo tháng gửi trước ngày 13 hằng tháng", want{rec: Monthly, day: 13}},
		{"same rule twice", "trước ngày 13 hàng tháng; báo cáo trước ngày 13 hàng tháng", want{rec: Monthly, day: 13}},
		{"weekly and a due date", "Hoàn thành trong Quý I/2023, báo cáo trước 09h ngày Thứ 3 hàng tuần",
			want{due: "2023-03-31", rec: Weekly, weekday: time.Tuesday, at: 9 * time.Hour, steps: 1}},
		{"ngay stresses from", "Thực hiện ngay từ tháng 3/2023", want{start: "2023-03-01", rec: Regularly, steps: 1}},
		{"ngay khi", "ngay khi có hướng dẫn", want{cond: "có hướng dẫn"}},
		{"condition then date", "khi có phần mềm, chậm nhất ngày 30/9/2023",
			want{due: "2023-09-30", cond: "có phần mềm", steps: 1}},
		{"per a decision", "theo Quyết định 422/QĐ-TTg ngày 04/04/2022", want{per: "Quyết định 422/QĐ-TTg ngày 04/04/2022"}},
		{"document reference skipped", "Theo Quy trình số 1050 ngày 09/11/2022, hoàn thành trong Quý II/2023",
			want{due: "2023-06-30", steps: 1}},
		{"document number skipped", "rà soát theo Nghị định 104/2022/NĐ-CP, xong trong tháng 4/2023",
			want{due: "2023-04-30", steps: 1}},
		{"quy trình is not a quarter", "Thực hiện quy trình trong tháng 5/2023", want{due: "2023-05-31", steps: 1}},
		{"markdown bold", "**trước ngày 13 hàng tháng.**", want{rec: Monthly, day: 13}},
		{"quoted", "“Hoàn thành trong Quý I/2023.”", want{due: "2023-03-31", steps: 1}},
		{"leap day", "ngày 29/02/2024", want{due: "2024-02-29", steps: 1}},
		{"years at the edges", "từ ngày 01/01/1900 đến hết năm 2200", want{due: "2200-12-31", start: "1900-01-01", steps: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkDeadline(t, tt.text, tt.want) })
	}
}

func TestParseDeadlineErrors(t *testing.T) {
	tests := []struct {
		name, text string
		ctx        Context
		code       string
		words      string
	}{
		{"misspelt quarter", "Hoàn thành trong Quí I/2023", testCtx, "deadline-unreadable", "Quí I/2023"},
		{"no deadline", "sớm nhất có thể", testCtx, "deadline-unreadable", "sớm nhất có thể"},
		{"one clause without", "Hoàn thành trong Quý I/2023. Làm tốt.", testCtx, "deadline-unreadable", "Làm tốt"},
		{"document only", "Nghị quyết số 50/NQ-CP ngày 08/4/2022", testCtx, "deadline-unreadable", "Nghị quyết số 50/NQ-CP ngày 08/4/2022"},
		{"quarter V", "Hoàn thành trong Quý V/2023", testCtx, "deadline-date", "Quý V/2023"},
		{"quarter 5", "quý 5 năm 2023", testCtx, "deadline-date", "quý 5 năm 2023"},
		{"month 13", "trong tháng 13/2023", testCtx, "deadline-date", "tháng 13/2023"},
		{"month 0", "trước ngày 12/0/2023", testCtx, "deadline-date", "12/0/2023"},
		{"31 April", "trước ngày 31/04/2023", testCtx, "deadline-date", "31/04/2023"},
		{"29 February 2023", "ngày 29 tháng 2 năm 2023", testCtx, "deadline-date", "29 tháng 2 năm 2023"},
		{"day without month", "trước ngày 30", testCtx, "deadline-date", "30"},
		{"day for a month", "trước ngày 3/2023", testCtx, "deadline-date", "3/2023"},
		{"13 months", "13 tháng đầu năm 2023", testCtx, "deadline-date", "13 tháng đầu năm 2023"},
		{"two-digit year", "trong năm 23", testCtx, "deadline-year", "năm 23"},
		{"year 1800", "trong tháng 3/1800", testCtx, "deadline-year", "tháng 3/1800"},
		{"before 1900", "trước tháng 1/1900", testCtx, "deadline-year", "trước tháng 1/1900"},
		{"no year known", "trong tháng 3", Context{}, "deadline-year", "tháng 3"},
		{"weekday without week", "trước Thứ 3", testCtx, "deadline-rule", "Thứ 3"},
		{"weekday 8", "ngày thứ 8 hàng tuần", testCtx, "deadline-date", "thứ 8"},
		{"day of a quarter", "trước ngày 20 hàng quý", testCtx, "deadline-rule", "20 hàng quý"},
		{"monthly with month", "ngày 13/3 hàng tháng", testCtx, "deadline-rule", "13/3 hàng tháng"},
		{"yearly with year", "ngày 14/06/2023 hàng năm", testCtx, "deadline-rule", "14/06/2023"},
		{"31 June yearly", "ngày 31/6 hàng năm", testCtx, "deadline-date", "31/6"},
		{"two rules", "trước ngày 13 hàng tháng; trước ngày 14/06 hàng năm", testCtx, "deadline-rule", "trước ngày 14/06 hàng năm"},
		{"hour 25", "trước 25h ngày 1/1/2023", testCtx, "deadline-date", "25h"},
		{"hour without day", "trước 17h", testCtx, "deadline-date", "17h"},
		{"hour for a month", "trước 17h tháng 3/2023", testCtx, "deadline-date", "17h tháng 3/2023"},
		{"nothing after khi", "Thực hiện khi.", testCtx, "deadline-unreadable", "khi"},
		{"decomposed words", norm.NFD.String("Hoàn thành trong Quí I/2023"), testCtx, "deadline-unreadable", norm.NFD.String("Quí I/2023")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDeadline(tt.text, tt.ctx)
			if err == nil {
				t.Fatalf("ParseDeadline(%q) = %v, want an error", tt.text, got(d))
			}
			pe, ok := err.(*ParseError)
			if !ok {
				t.Fatalf("error %T, want *ParseError", err)
			}
			if pe.Code != tt.code || pe.Words != tt.words {
				t.Errorf("ParseDeadline(%q): code %q words %q, want %q %q (%v)", tt.text, pe.Code, pe.Words, tt.code, tt.words, err)
			}
			if i := strings.Index(tt.text, tt.words); pe.Offset != i {
				t.Errorf("Offset = %d, want %d", pe.Offset, i)
			}
			for _, s := range []diag.Text{pe.Msg, pe.Hint} {
				if s.Vi == "" || s.En == "" || s.Vi == s.En {
					t.Errorf("message not in both languages: %+v", s)
				}
			}
		})
	}
}

func TestParseErrorDiagnostic(t *testing.T) {
	_, err := ParseDeadline("Hoàn thành trong Quí I/2023", testCtx)
	d := err.(*ParseError).Diagnostic(diag.Pos{File: "data/tasks.csv", Line: 3, Col: 40})
	if want := "data/tasks.csv:3:57: không đọc được thời hạn “Quí I/2023”"; !strings.HasPrefix(d.Format(diag.VI), want) {
		t.Errorf("got %q, want prefix %q", d.Format(diag.VI), want)
	}
	if !strings.Contains(d.Format(diag.EN), "hint: Readable forms") {
		t.Errorf("English hint missing: %q", d.Format(diag.EN))
	}

	// Decomposed letters count once.
	_, err = ParseDeadline(norm.NFD.String("Thực hiện thường xuyên.\nHoàn thành trong Quí I"), testCtx)
	d = err.(*ParseError).Diagnostic(diag.Pos{File: "content/x.md", Line: 3, Col: 7})
	if got, want := d.Pos.String(), "content/x.md:4:18"; got != want {
		t.Errorf("position %s, want %s", got, want)
	}
}

func TestNext(t *testing.T) {
	at := func(s string) time.Time {
		t, err := time.ParseInLocation("2006-01-02 15:04", s, Location())
		if err != nil {
			panic(err)
		}
		return t
	}
	tests := []struct {
		text, after, want string
	}{
		{"trước 09h ngày Thứ 3 hàng tuần", "2023-05-15 10:00", "2023-05-16 09:00"}, // a Monday
		{"trước 09h ngày Thứ 3 hàng tuần", "2023-05-16 09:00", "2023-05-16 09:00"},
		{"trước 09h ngày Thứ 3 hàng tuần", "2023-05-16 09:01", "2023-05-23 09:00"},
		{"trước ngày 13 hàng tháng", "2023-05-13 12:00", "2023-05-13 23:59"},
		{"trước ngày 13 hàng tháng", "2023-05-14 00:00", "2023-06-13 23:59"},
		{"trước ngày 31 hàng tháng", "2023-02-01 00:00", "2023-02-28 23:59"},
		{"hàng tháng", "2023-12-31 23:59", "2023-12-31 23:59"},
		{"hàng quý", "2023-05-15 00:00", "2023-06-30 23:59"},
		{"hàng quý", "2023-12-31 23:59", "2023-12-31 23:59"},
		{"trước ngày 14/06 và 14/12 hàng năm", "2023-05-15 00:00", "2023-06-14 23:59"},
		{"trước ngày 14/06 và 14/12 hàng năm", "2023-12-15 00:00", "2024-06-14 23:59"},
		{"ngày 29/2 hàng năm", "2023-01-01 00:00", "2023-02-28 23:59"},
		{"trước 16h hằng ngày", "2023-05-15 17:00", "2023-05-16 16:00"},
		{"từ tháng 7/2023, báo cáo hàng quý", "2023-01-01 00:00", "2023-09-30 23:59"},
		{"Hoàn thành trong Quý I/2023", "2023-03-01 00:00", "2023-03-31 23:59"},
		{"Hoàn thành trong Quý I/2023", "2023-04-01 00:00", ""},
		{"Thực hiện thường xuyên", "2023-04-01 00:00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text+"@"+tt.after, func(t *testing.T) {
			d, err := ParseDeadline(tt.text, testCtx)
			if err != nil {
				t.Fatal(err)
			}
			n := d.Next(at(tt.after))
			g := ""
			if !n.IsZero() {
				g = n.In(Location()).Format("2006-01-02 15:04")
			}
			if g != tt.want {
				t.Errorf("Next(%s) = %q, want %q", tt.after, g, tt.want)
			}
		})
	}
}

func TestRecurrenceLabels(t *testing.T) {
	for r := Once; r <= Yearly; r++ {
		if l := r.Label(); l.Vi == "" || l.En == "" {
			t.Errorf("%v: label %+v", r, l)
		}
	}
	if got := Recurrence(99).String(); got != "Recurrence(99)" {
		t.Errorf("String() = %q", got)
	}
}

func BenchmarkParseDeadline(b *testing.B) {
	text := "Thực hiện thu nhận hồ sơ cấp thẻ CCCD thực hiện thường xuyên; đối với tài khoản định danh điện tử, đến hết Quý II/2023 phải cấp 50.000 tài khoản, sau đó thực hiện thường xuyên."
	for b.Loop() {
		if _, err := ParseDeadline(text, testCtx); err != nil {
			b.Fatal(err)
		}
	}
}
