package data

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/table"
)

// readReport parses csv as the file name, as the build stage does.
func readReport(tb testing.TB, name, csv string) (*Report, []string) {
	tb.Helper()
	t, l := table.Read(name, []byte(csv), table.Options{})
	rep := ParseReport(t, mustUnits(tb), mustServices(tb), report.DefaultRule(), l)
	return rep, formatted(l, diag.VI)
}

const tuPhap = "data/reports/phong-tu-phap.csv"

func TestParseReport(t *testing.T) {
	csv := report.Header + "\n" +
		// W13 given as its Tuesday deadline, the service by its short name.
		"04/04/2023,Khai sinh,6,4,2,5,4,1,2,0,9,1,2,Hồ sơ cần xác minh thêm,Sai mẫu tờ khai,Thiếu giấy tờ chứng minh,2023-04-03 16:30\n" +
		"2023-W13,dang-ky-ket-hon,1,3,,2,1,,1,,3,,,,,,04/04/2023 08:55\n" +
		"2023-W14,ĐĂNG KÝ KHAI SINH,9,3,2,8,3,1,1,1,12,0,1,hồ sơ cần xác minh thêm.,,Thiếu giấy tờ chứng minh,11/04/2023 09:40\n"
	rep, diags := readReport(t, tuPhap, csv)
	if len(diags) > 0 {
		t.Fatalf("unexpected problems:\n%s", strings.Join(diags, "\n"))
	}
	if rep.Unit.ID != "phong-tu-phap" || len(rep.Rows) != 3 {
		t.Fatalf("unit %q, %d rows", rep.Unit.ID, len(rep.Rows))
	}
	w13, w14 := period.MustParse("2023-W13"), period.MustParse("2023-W14")
	r := rep.Rows[0]
	want := report.Counts{ReceivedOnline: 6, ReceivedInPerson: 4, CarriedOver: 2, ResolvedEarly: 5, ResolvedOnTime: 4, ResolvedLate: 1,
		PendingOnTime: 2, ResultsReturned: 9, NotAccepted: 1, ReturnedForSupplement: 2}
	if r.Week != w13 || r.Unit != "phong-tu-phap" || r.Service != "dang-ky-khai-sinh" || r.Counts != want || r.LateReason != "Hồ sơ cần xác minh thêm" {
		t.Errorf("row 2: %+v", r)
	}
	if rep.Rows[1].CarriedOver != 0 || rep.Rows[2].Service != "dang-ky-khai-sinh" {
		t.Errorf("rows 3, 4: %+v", rep.Rows[1:])
	}
	// One submission per week, at its first row.
	ict := plan.Location()
	wantSubs := []report.Submission{
		{Unit: "phong-tu-phap", Week: w13, At: time.Date(2023, 4, 3, 16, 30, 0, 0, ict)},
		{Unit: "phong-tu-phap", Week: w14, At: time.Date(2023, 4, 11, 9, 40, 0, 0, ict)},
	}
	if !slices.EqualFunc(rep.Submissions, wantSubs, func(a, b report.Submission) bool {
		return a.Unit == b.Unit && a.Week == b.Week && a.At.Equal(b.At)
	}) {
		t.Errorf("submissions: got %+v, want %+v", rep.Submissions, wantSubs)
	}
}

func TestParseReportDialects(t *testing.T) {
	vietnamese := "\uFEFFTuần;Dịch vụ;Tiếp nhận trực tuyến;Tiếp nhận trực tiếp;Kỳ trước chuyển sang;Giải quyết trước hạn;Giải quyết đúng hạn;" +
		"Giải quyết quá hạn;Đang giải quyết trong hạn;Đang giải quyết quá hạn;Đã trả kết quả;Không tiếp nhận;Trả lại bổ sung;" +
		"Lý do quá hạn;Lý do không tiếp nhận;Lý do trả lại;Ngày gửi\r\n" +
		"2023-W13;Đăng ký khai sinh;1.234;0;0;1.000;234;0;0;0;1.234;0;0;;;;04/04/2023 8:05\r\n"
	rep, diags := readReport(t, tuPhap, vietnamese)
	if len(diags) > 0 || len(rep.Rows) != 1 || rep.Rows[0].ReceivedOnline != 1234 {
		t.Errorf("got %+v, %q", rep.Rows, diags)
	}
}

func TestParseReportErrors(t *testing.T) {
	const h = report.Header + "\n"
	good := "2023-W13,dang-ky-khai-sinh,1,0,0,1,0,0,0,0,1,0,0,,,,2023-04-04 08:00"
	row := func(old, new string) string { return h + strings.Replace(good, old, new, 1) + "\n" }
	tests := []struct {
		name string
		file string
		csv  string
		want []string
		rows int
	}{
		{
			name: "unknown unit",
			file: "data/reports/phong-tu-phapp.csv", csv: h + good + "\n",
			want: []string{"data/reports/phong-tu-phapp.csv: tên tệp \"phong-tu-phapp.csv\" không phải mã của một đơn vị báo cáo tuần\n    gợi ý: Có phải là data/reports/phong-tu-phap.csv? Tên tệp là mã của đơn vị trong data/units.toml."},
		},
		{
			name: "unit named, not by id",
			file: "data/reports/cong-an-huyen-loc-ha.csv", csv: h,
			want: []string{"data/reports/cong-an-huyen-loc-ha.csv: tên tệp \"cong-an-huyen-loc-ha.csv\" không phải mã của một đơn vị báo cáo tuần\n    gợi ý: Đó là Công an huyện Lộc Hà: đổi tên tệp thành data/reports/cong-an-huyen.csv."},
		},
		{
			name: "unit does not report",
			file: "data/reports/xa-thach-kim.csv", csv: h,
			want: []string{"data/reports/xa-thach-kim.csv: Xã Thạch Kim không gửi báo cáo tuần (thiếu reports = true trong data/units.toml, dòng 22)\n    gợi ý: Nếu đơn vị phải báo cáo tuần, thêm reports = true cho đơn vị; nếu không, xoá tệp này. Các đơn vị báo cáo tuần: \"cong-an-huyen\", \"phong-tu-phap\"."},
		},
		{
			name: "week 54",
			csv:  row("2023-W13", "2023-W54"),
			want: []string{"data/reports/phong-tu-phap.csv:2:1: Ô \"2023-W54\" không phải là tuần\n    gợi ý: Ghi tuần của số liệu theo ISO, ví dụ 2023-W13, hoặc ngày hạn báo cáo của tuần đó (Thứ Ba), ví dụ 04/04/2023 cho tuần 27/03–02/04/2023"},
		},
		{
			name: "a Wednesday",
			csv:  row("2023-W13", "05/04/2023"),
			want: []string{"data/reports/phong-tu-phap.csv:2:1: Ngày 05/04/2023 là Thứ Tư, không phải ngày hạn báo cáo tuần (Thứ Ba)\n    gợi ý: Nếu đây là số liệu của Tuần 14/2023 (03/04–09/04/2023), ghi 2023-W14 hoặc ngày hạn báo cáo 11/04/2023"},
		},
		{
			name: "a month",
			csv:  row("2023-W13", "04/2023"),
			want: []string{"data/reports/phong-tu-phap.csv:2:1: \"04/2023\" là tháng, không phải một tuần\n    gợi ý: Ghi tuần của số liệu theo ISO, ví dụ 2023-W13, hoặc ngày hạn báo cáo của tuần đó (Thứ Ba), ví dụ 04/04/2023 cho tuần 27/03–02/04/2023"},
		},
		{
			name: "unknown service",
			csv:  row("dang-ky-khai-sinh", "Dang ky khai sihn"),
			want: []string{"data/reports/phong-tu-phap.csv:2:10: Không có dịch vụ \"Dang ky khai sihn\" trong data/services.toml\n    gợi ý: Có phải là \"Đăng ký khai sinh\"? Ghi mã, tên hoặc tên ngắn của dịch vụ như trong data/services.toml"},
		},
		{
			name: "another unit's service",
			csv:  row("dang-ky-khai-sinh", "Thường trú"),
			want: []string{"data/reports/phong-tu-phap.csv:2:10: Dịch vụ \"Thường trú\" do Công an huyện Lộc Hà báo cáo, không phải Phòng Tư pháp huyện Lộc Hà\n    gợi ý: Chuyển dòng này sang data/reports/cong-an-huyen.csv, hoặc sửa lead của dịch vụ trong data/services.toml (dòng 27) nếu Phòng Tư pháp mới là đơn vị báo cáo"},
		},
		{
			name: "negative",
			csv:  row("khai-sinh,1,0,0,1", "khai-sinh,1,0,-2,1"),
			want: []string{
				"data/reports/phong-tu-phap.csv:2:32: Số âm \"-2\" ở cột ky_truoc_chuyen_sang: số hồ sơ không thể âm\n    gợi ý: Ghi số hồ sơ từ 0 trở lên; để trống nghĩa là 0",
			},
		},
		{
			name: "not whole, not a number",
			csv:  row("khai-sinh,1,0,0,1", "khai-sinh,1.5,0,0,mot"),
			want: []string{
				"data/reports/phong-tu-phap.csv:2:28: \"1.5\" ở cột tiep_nhan_truc_tuyen không phải số nguyên\n    gợi ý: Số hồ sơ là số nguyên, ví dụ 12",
				"data/reports/phong-tu-phap.csv:2:36: Ô \"mot\" không phải là số\n    gợi ý: Tệp này dùng dấu chấm ngăn phần thập phân và dấu phẩy ngăn hàng nghìn; viết ví dụ 1234.5 hoặc 1,234.5 hoặc -12",
			},
		},
		{
			name: "duplicate",
			csv:  h + good + "\n" + strings.Replace(good, "dang-ky-khai-sinh", "Khai sinh", 1) + "\n",
			want: []string{"data/reports/phong-tu-phap.csv:3:1: Tuần 13/2023 của dịch vụ \"Khai sinh\" đã có ở dòng 2\n    gợi ý: Mỗi tuần chỉ ghi một dòng cho mỗi dịch vụ; xoá hoặc sửa một trong hai dòng"},
			rows: 1,
		},
		{
			name: "does not balance",
			csv:  row("khai-sinh,1,0,0,1,0,0", "khai-sinh,1,0,2,1,0,0"),
			want: []string{"data/reports/phong-tu-phap.csv:2:1: cảnh báo: Dòng 2 (Tuần 13/2023, Khai sinh) không cân: đã giải quyết 1+0+0 và đang giải quyết 0+0 là 1 hồ sơ, nhưng tiếp nhận trực tuyến 1, trực tiếp 0 và kỳ trước chuyển sang 2 là 3\n    gợi ý: Mỗi hồ sơ phải giải quyết (tiếp nhận trong tuần và kỳ trước chuyển sang) hoặc đã giải quyết, hoặc đang giải quyết; kiểm tra lại các ô của dòng"},
			rows: 1,
		},
		{
			name: "reasons",
			csv:  h + "2023-W13,dang-ky-khai-sinh,1,0,0,0,0,1,0,0,1,1,0,,,Thiếu giấy tờ,2023-04-04 08:00\n",
			want: []string{
				"data/reports/phong-tu-phap.csv:2:50: cảnh báo: 1 hồ sơ quá hạn chưa ghi lý do\n    gợi ý: Kế hoạch yêu cầu báo cáo cả nguyên nhân; ghi lý do vào ô này",
				"data/reports/phong-tu-phap.csv:2:51: cảnh báo: 1 hồ sơ không tiếp nhận chưa ghi lý do\n    gợi ý: Kế hoạch yêu cầu báo cáo cả nguyên nhân; ghi lý do vào ô này",
				"data/reports/phong-tu-phap.csv:2:52: cảnh báo: Có lý do \"Thiếu giấy tờ\" nhưng không có hồ sơ trả lại yêu cầu bổ sung\n    gợi ý: Kiểm tra lại số hồ sơ, hoặc xoá lý do",
			},
			rows: 1,
		},
		{
			name: "submitted",
			csv:  h + strings.Replace(good, "2023-04-04 08:00", "04/04/2023", 1) + "\n" + strings.Replace(strings.Replace(good, "2023-W13", "2023-W14", 1), "2023-04-04 08:00", "2023-04-07 10:00", 1) + "\n",
			want: []string{
				"data/reports/phong-tu-phap.csv:2:53: Ô ngày gửi \"04/04/2023\" thiếu giờ gửi\n    gợi ý: Ghi cả giờ gửi, ví dụ 04/04/2023 08:30: báo cáo đúng hạn khi gửi trước giờ hạn của ngày hạn",
				"data/reports/phong-tu-phap.csv:3:53: cảnh báo: Ngày gửi 2023-04-07 10:00 trước khi Tuần 14/2023 kết thúc (10/04/2023 00:00)\n    gợi ý: Báo cáo tuần gửi sau khi tuần kết thúc; kiểm tra lại ô tuần và ngày gửi",
			},
			rows: 1,
		},
		{
			name: "missing column",
			csv:  strings.Replace(h, ",ngay_gui", "", 1) + strings.TrimSuffix(good, ",2023-04-04 08:00") + "\n",
			want: []string{"data/reports/phong-tu-phap.csv:1: Thiếu cột bắt buộc \"ngay_gui\"; các cột tìm thấy: \"tuan\", \"dich_vu\", \"tiep_nhan_truc_tuyen\", \"tiep_nhan_truc_tiep\", \"ky_truoc_chuyen_sang\", \"giai_quyet_truoc_han\", \"giai_quyet_dung_han\", \"giai_quyet_qua_han\", \"dang_giai_quyet_trong_han\", \"dang_giai_quyet_qua_han\", \"da_tra_ket_qua\", \"khong_tiep_nhan\", \"tra_lai_bo_sung\", \"ly_do_qua_han\", \"ly_do_khong_tiep_nhan\", \"ly_do_tra_lai\"\n    gợi ý: Thêm cột vào dòng tiêu đề (dòng đầu tiên) của bảng, với tên \"ngay_gui\", \"ngày gửi\", \"thời gian gửi\", \"submitted\""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.file == "" {
				tt.file = tuPhap
			}
			rep, got := readReport(t, tt.file, tt.csv)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if len(rep.Rows) != tt.rows {
				t.Errorf("rows kept: got %d, want %d", len(rep.Rows), tt.rows)
			}
		})
	}
}

// TestParseReportEnglish: every message exists in English too.
func TestParseReportEnglish(t *testing.T) {
	csv := report.Header + "\n2023-W54,Dang ky khai sihn,-1,x,0,0,0,1,0,0,0,0,0,,,,hôm qua\n"
	tb, l := table.Read(tuPhap, []byte(csv), table.Options{})
	ParseReport(tb, mustUnits(t), mustServices(t), report.DefaultRule(), l)
	if l.Len() < 4 {
		t.Fatalf("got %d problems, want at least 4", l.Len())
	}
	for _, d := range l.All() {
		if d.Msg.En == "" || d.Hint.En == "" || d.Msg.En == d.Msg.Vi {
			t.Errorf("%s: %q has no English", d.Pos, d.Msg.Vi)
		}
	}
}

// sampleReports reads the sample site's units, services and every
// data/reports/*.csv, failing on any diagnostic.
func sampleReports(tb testing.TB) (*Units, *Services, []*Report) {
	tb.Helper()
	root := filepath.Join("..", "..")
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			tb.Fatal(err)
		}
		return b
	}
	l := &diag.List{}
	units := ParseUnits("data/units.toml", read("data/units.toml"), l)
	services := ParseServices(ServicesFile, read(ServicesFile), units, l)
	files, err := filepath.Glob(filepath.Join(root, "data", "reports", "*.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	var reps []*Report
	for _, f := range files {
		name := path.Join(ReportsDir, filepath.Base(f))
		t, tl := table.Read(name, read(name), table.Options{})
		l.Merge(tl)
		reps = append(reps, ParseReport(t, units, services, report.DefaultRule(), l))
	}
	if l.Len() > 0 {
		tb.Fatalf("the sample reports have problems:\n%s", l.Format(diag.VI))
	}
	return units, services, reps
}

func TestSampleReports(t *testing.T) {
	units, services, reps := sampleReports(t)
	if len(services.All) != 25 || len(services.Sectors) != 8 {
		t.Errorf("got %d services in %d sectors, want 25 in 8", len(services.All), len(services.Sectors))
	}
	reporting := reportingIDs(units)
	if len(reporting) != 8 || len(reps) != 8 {
		t.Fatalf("got %d reporting units and %d files, want 8 and 8", len(reporting), len(reps))
	}
	for _, s := range services.All {
		if !s.DeAn06 || !slices.Contains(reporting, s.Lead) {
			t.Errorf("%s: de_an_06 %v, lead %s", s.ID, s.DeAn06, s.Lead)
		}
	}
	a := report.New(report.Options{Services: services.Catalogue()})
	for _, r := range reps {
		if len(services.LedBy(r.Unit.ID)) == 0 {
			t.Errorf("%s leads no service", r.Unit.ID)
		}
		for _, row := range r.Rows {
			a.Add(row)
		}
	}
	// The online share rises from about 40% in March to about 80% in
	// December.
	for _, c := range []struct {
		month    time.Month
		low, top float64
	}{{time.March, .30, .50}, {time.December, .72, .88}} {
		var online, received int64
		for _, w := range a.View(report.ByWeek) {
			if _, m, _ := w.Week.First(); m == c.month {
				online += w.ReceivedOnline
				received += w.Received()
			}
		}
		share := float64(online) / float64(received)
		t.Logf("%s: %d of %d dossiers online (%.1f%%)", c.month, online, received, 100*share)
		if share < c.low || share > c.top {
			t.Errorf("%s: online share %.3f outside %.2f–%.2f", c.month, share, c.low, c.top)
		}
	}
	total := a.Total()
	t.Logf("total: %d rows, %d received, %d late, late reasons %v", total.Rows, total.Received(), total.Late(), total.LateReasons)
}

// TestSampleFreshness keeps the sample showing a missing and a late
// report around 30/06/2023.
func TestSampleFreshness(t *testing.T) {
	units, _, reps := sampleReports(t)
	var subs []report.Submission
	for _, r := range reps {
		subs = append(subs, r.Submissions...)
	}
	ids := reportingIDs(units)
	first := period.MustParse("2023-W10")
	at := func(m time.Month, d, hh, mm int) time.Time {
		return time.Date(2023, m, d, hh, mm, 0, 0, plan.Location())
	}
	tests := []struct {
		now           time.Time
		week          string
		missing, late []string
	}{
		{at(6, 27, 10, 0), "2023-W25", []string{"phong-tai-nguyen-moi-truong", "chi-cuc-thue-thach-ha-loc-ha"}, nil},
		{at(6, 30, 23, 59), "2023-W25", []string{"phong-tai-nguyen-moi-truong"}, []string{"chi-cuc-thue-thach-ha-loc-ha"}},
		{at(6, 27, 8, 59), "2023-W24", nil, nil},
	}
	for _, tt := range tests {
		f := report.Check(ids, report.DefaultRule(), first, subs, tt.now)
		var lines []string
		for _, u := range f.Units {
			lines = append(lines, u.Unit+": "+u.Latest.State.String()+" "+u.Latest.Submitted.Format("02/01 15:04"))
		}
		t.Logf("as of %s (last due %s at %s):\n  %s", tt.now.Format("02/01/2006 15:04"), f.Week, f.Due.Format("02/01 15:04"), strings.Join(lines, "\n  "))
		if f.Week.String() != tt.week || !sameSet(f.NotReported(), tt.missing) || !sameSet(f.ReportedLate(), tt.late) {
			t.Errorf("as of %v: week %s, not reported %v, late %v; want %s, %v, %v", tt.now, f.Week, f.NotReported(), f.ReportedLate(), tt.week, tt.missing, tt.late)
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// FuzzParseReport: no file makes the checks panic, and rows kept have
// known services and counts of at least 0.
func FuzzParseReport(f *testing.F) {
	f.Add(report.Header + "\n2023-W13,Khai sinh,1,0,0,1,0,0,0,0,1,0,0,,,,2023-04-04 08:00\n")
	f.Add("Tuần;Dịch vụ\n04/04/2023;x\n")
	units, services := mustUnits(f), mustServices(f)
	f.Fuzz(func(t *testing.T, csv string) {
		tb, l := table.Read(tuPhap, []byte(csv), table.Options{})
		rep := ParseReport(tb, units, services, report.DefaultRule(), l)
		for _, r := range rep.Rows {
			if r.Service == "" || r.Week.Kind != period.Week || r.ReceivedOnline < 0 || r.CarriedOver < 0 {
				t.Errorf("kept a bad row: %+v", r)
			}
		}
	})
}
