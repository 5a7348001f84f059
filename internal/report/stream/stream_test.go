package stream

import (
	"errors"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/report"
)

const nationalHeader = "tuan,don_vi,dich_vu,tiep_nhan_truc_tuyen,tiep_nhan_truc_tiep,ky_truoc_chuyen_sang,giai_quyet_truoc_han,giai_quyet_dung_han,giai_quyet_qua_han,dang_giai_quyet_trong_han,dang_giai_quyet_qua_han,da_tra_ket_qua,khong_tiep_nhan,tra_lai_bo_sung,ly_do_qua_han,ly_do_khong_tiep_nhan,ly_do_tra_lai,ngay_gui\n"

// catalogue is a small service list: three essential services in two
// sectors, and one other service.
var catalogue = []report.Service{
	{ID: "khai-sinh", Sector: "tu-phap", Essential: true},
	{ID: "khai-tu", Sector: "tu-phap", Essential: true},
	{ID: "thuong-tru", Sector: "cong-an", Essential: true},
	{ID: "khac", Sector: "khac"},
}

// sampleRows are the rows of sampleCSV, as package report's tests sum them
// by hand.
func sampleRows() []report.Row {
	w13, w14 := period.MustParse("2023-W13"), period.MustParse("2023-W14")
	return []report.Row{
		{Week: w13, Unit: "tu-phap", Service: "khai-sinh",
			Counts: report.Counts{ReceivedOnline: 6, ReceivedInPerson: 4, CarriedOver: 2,
				ResolvedEarly: 5, ResolvedOnTime: 4, ResolvedLate: 1, PendingOnTime: 2,
				ResultsReturned: 9, NotAccepted: 1, ReturnedForSupplement: 2},
			LateReason: "Hồ sơ cần xác minh thêm", NotAcceptedReason: "Sai mẫu tờ khai", SupplementReason: "Thiếu giấy tờ chứng minh"},
		{Week: w13, Unit: "tu-phap", Service: "khai-tu",
			Counts: report.Counts{ReceivedOnline: 1, ReceivedInPerson: 3,
				ResolvedEarly: 2, ResolvedOnTime: 1, PendingOnTime: 1, ResultsReturned: 3}},
		{Week: w14, Unit: "tu-phap", Service: "khai-sinh",
			Counts: report.Counts{ReceivedOnline: 9, ReceivedInPerson: 3, CarriedOver: 2,
				ResolvedEarly: 8, ResolvedOnTime: 3, ResolvedLate: 1, PendingOnTime: 1, PendingOverdue: 1,
				ResultsReturned: 12, ReturnedForSupplement: 1},
			LateReason: "hồ sơ cần  xác minh thêm.", SupplementReason: "Thiếu giấy tờ chứng minh"},
		{Week: w14, Unit: "cong-an", Service: "thuong-tru",
			Counts: report.Counts{ReceivedOnline: 20, ReceivedInPerson: 5,
				ResolvedEarly: 15, ResolvedOnTime: 7, PendingOnTime: 2, PendingOverdue: 1,
				ResultsReturned: 22, NotAccepted: 2},
			NotAcceptedReason: "sai mẫu tờ khai"},
		{Week: w14, Unit: "cong-an", Service: "khac",
			Counts: report.Counts{ReceivedOnline: 3, ReceivedInPerson: 7,
				ResolvedEarly: 5, ResolvedOnTime: 4, ResolvedLate: 1,
				ResultsReturned: 10, ReturnedForSupplement: 1},
			LateReason: "Hồ sơ cần xác minh thêm", SupplementReason: "Tờ khai chưa đủ chữ ký"},
	}
}

// sampleCSV is sampleRows written as a national file.
const sampleCSV = nationalHeader +
	"2023-W13,tu-phap,khai-sinh,6,4,2,5,4,1,2,0,9,1,2,Hồ sơ cần xác minh thêm,Sai mẫu tờ khai,Thiếu giấy tờ chứng minh,2023-04-04 08:00\n" +
	"2023-W13,tu-phap,khai-tu,1,3,0,2,1,0,1,0,3,0,0,,,,2023-04-04 08:00\n" +
	"2023-W14,tu-phap,khai-sinh,9,3,2,8,3,1,1,1,12,0,1,hồ sơ cần  xác minh thêm.,,Thiếu giấy tờ chứng minh,2023-04-11 08:00\n" +
	"2023-W14,cong-an,thuong-tru,20,5,0,15,7,0,2,1,22,2,0,,sai mẫu tờ khai,,2023-04-11 08:00\n" +
	"2023-W14,cong-an,khac,3,7,0,5,4,1,0,0,10,0,1,Hồ sơ cần xác minh thêm,,Tờ khai chưa đủ chữ ký,2023-04-11 08:00\n"

func TestAggregateCSVMatchesAdd(t *testing.T) {
	want := report.New(report.Options{Services: catalogue})
	for _, r := range sampleRows() {
		want.Add(r)
	}
	for _, c := range []struct{ name, text string }{
		{"comma", sampleCSV},
		{"semicolon, CRLF, BOM", "\uFEFF" + strings.ReplaceAll(strings.ReplaceAll(sampleCSV, ",", ";"), "\n", "\r\n")},
		{"tab, blank lines", strings.ReplaceAll(strings.Replace(sampleCSV, "\n", "\n\n,,,\n", 2), ",", "\t")},
		{"Tuesday dates, spaces", strings.ReplaceAll(strings.ReplaceAll(sampleCSV, "2023-W13,", " 04/04/2023 ,"), "2023-W14,", "11/04/2023,")},
		{"quoted cells", strings.Replace(sampleCSV, "Hồ sơ cần xác minh thêm,Sai mẫu tờ khai,", "\"Hồ sơ cần xác minh thêm\",\"Sai mẫu tờ khai\",", 1)},
		{"Vietnamese headers", strings.Replace(sampleCSV, "tuan,don_vi,dich_vu,tiep_nhan_truc_tuyen", "Tuần,Đơn vị,Dịch vụ,Tiếp nhận trực tuyến", 1)},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := report.New(report.Options{Services: catalogue})
			n, err := Aggregate(strings.NewReader(c.text), a, Options{Name: "x.csv"})
			if err != nil {
				t.Fatal(err)
			}
			if n != 5 {
				t.Errorf("rows: got %d, want 5", n)
			}
			for _, d := range report.DefaultViews() {
				got, wantCells := a.View(d), want.View(d)
				if len(got) != len(wantCells) {
					t.Fatalf("view %s: %d cells, want %d", d, len(got), len(wantCells))
				}
				for i := range got {
					if got[i].Key != wantCells[i].Key || got[i].Counts != wantCells[i].Counts {
						t.Errorf("view %s cell %d: got %+v, want %+v", d, i, got[i], wantCells[i])
					}
				}
			}
			if got, w := a.Total().LateReasons, want.Total().LateReasons; len(got) != len(w) || got[0] != w[0] {
				t.Errorf("late reasons: got %+v, want %+v", got, w)
			}
		})
	}
}

func TestAggregateCSVQuotedLineBreak(t *testing.T) {
	text := nationalHeader + "2023-W13,tu-phap,khai-sinh,1,0,0,0,0,1,0,0,0,0,0,\"Chờ kết quả\nliên thông\",,,2023-04-04 08:00\n" +
		"2023-W13,tu-phap,khai-tu,x,0,0,0,0,0,0,0,0,0,0,,,,\n"
	a := report.New(report.Options{Services: catalogue})
	n, err := Aggregate(strings.NewReader(text), a, Options{Name: "x.csv"})
	// The second record starts on line 4, since the first spans 2 and 3.
	var d *diag.Diagnostic
	if !errors.As(err, &d) || d.Line != 4 || d.Col != 26 || n != 1 {
		t.Fatalf("got %d rows, %v; want 1 row and an error at x.csv:4:26", n, err)
	}
	if got := a.Total().LateReasons[0].Label; got != "Chờ kết quả\nliên thông" {
		t.Errorf("label: got %q", got)
	}
}

func TestAggregateCSVErrors(t *testing.T) {
	row := func(s string) string { return nationalHeader + s + "\n" }
	good := "2023-W13,tu-phap,khai-sinh,1,0,0,1,0,0,0,0,1,0,0,,,,2023-04-04 08:00"
	tests := []struct {
		name, text string
		opts       Options
		pos        string // file:line:col
		code, msg  string // the code, and words in the Vietnamese message
	}{
		{"negative", row(strings.Replace(good, "khai-sinh,1,", "khai-sinh,-1,", 1)), Options{}, "n.csv:2:28", "csv-number", "tiep_nhan_truc_tuyen"},
		{"decimal", row(strings.Replace(good, "khai-sinh,1,", "khai-sinh,1.5,", 1)), Options{}, "n.csv:2:28", "csv-number", "1.5"},
		{"bad week", row(strings.Replace(good, "2023-W13", "2023-W54", 1)), Options{}, "n.csv:2:1", "report-week", "2023-W54"},
		{"not a Tuesday", row(strings.Replace(good, "2023-W13", "05/04/2023", 1)), Options{}, "n.csv:2:1", "report-week", "05/04/2023"},
		{"unknown service", row(strings.Replace(good, "khai-sinh", "khai-sihn", 1)), Options{}, "n.csv:2:18", "report-service", "khai-sihn"},
		{"field count", row(good + ",x"), Options{}, "n.csv:2", "csv-field-count", "19 ô"},
		{"unknown column", strings.Replace(row(good), "don_vi", "don_vj", 1), Options{}, "n.csv:1:6", "csv-column-unknown", "don_vj"},
		{"missing unit column", row(good), Options{Unit: "tu-phap"}, "n.csv:1:6", "csv-column-unknown", "don_vi"},
		{"missing column", strings.Replace(row(good), ",ngay_gui", "", 1), Options{}, "n.csv:1", "csv-column-missing", "ngay_gui"},
		{"empty", "", Options{}, "n.csv", "csv-empty", "trống"},
		{"open quote", row(strings.Replace(good, ",,,", ",\"x,,", 1)), Options{}, "n.csv:2", "csv-quote", "ngoặc kép"},
		{"non-ASCII column", row(strings.Replace(good, "2023-W13,tu-phap,khai-sinh,1", "2023-W13,tư pháp,khai-sinh,ba", 1)), Options{}, "n.csv:2:28", "csv-number", "ba"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Name = "n.csv"
			_, err := Aggregate(strings.NewReader(tt.text), report.New(report.Options{Services: catalogue}), tt.opts)
			var d *diag.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("got %v, want a diagnostic", err)
			}
			if d.Pos.String() != tt.pos || d.Code != tt.code || !strings.Contains(d.Msg.Vi, tt.msg) || d.Msg.En == "" || d.Hint.IsZero() && tt.code != "csv-unit" {
				t.Errorf("got %s [%s] %q / %q, want %s [%s] containing %q", d.Pos, d.Code, d.Msg.Vi, d.Hint.Vi, tt.pos, tt.code, tt.msg)
			}
		})
	}
}

func TestAggregateCSVUnitOption(t *testing.T) {
	text := strings.Replace(sampleCSV, "tuan,don_vi,", "tuan,", 1)
	text = strings.NewReplacer(",tu-phap,", ",", ",cong-an,", ",").Replace(text)
	a := report.New(report.Options{Services: catalogue})
	if _, err := Aggregate(strings.NewReader(text), a, Options{Unit: "mot-don-vi"}); err != nil {
		t.Fatal(err)
	}
	if s, ok := a.Find(report.ByUnit, report.Key{Unit: "mot-don-vi"}); !ok || s.Rows != 5 {
		t.Errorf("unit: %+v %v", s, ok)
	}
}

func TestCount(t *testing.T) {
	for _, c := range []struct {
		in    string
		comma bool
		want  int64
		ok    bool
	}{
		{"", false, 0, true}, {"0", false, 0, true}, {"1234", false, 1234, true},
		{"1,234", false, 1234, true}, {"1.234", true, 1234, true}, {"1.234", false, 0, false},
		{"-3", false, 0, false}, {"2.5", false, 0, false}, {"85%", false, 0, false}, {"x", false, 0, false},
		{"99999999999999999999", false, 0, false},
	} {
		if got, ok := count([]byte(c.in), c.comma); got != c.want || ok != c.ok {
			t.Errorf("count(%q, %v) = %d %v, want %d %v", c.in, c.comma, got, ok, c.want, c.ok)
		}
	}
}

// FuzzAggregateCSV: no input makes the reader panic, and what it accepts
// it sums consistently: the total's rows are the rows it reports.
func FuzzAggregateCSV(f *testing.F) {
	f.Add(sampleCSV)
	f.Add(nationalHeader + "2023-W13,a,b,1,2,3,4,5,6,7,8,9,10,11,\"x\ny\",,,\n")
	f.Add("tuan;don_vi;dich_vu\n04/04/2023;a;b\n")
	f.Fuzz(func(t *testing.T, text string) {
		a := report.New(report.Options{})
		n, err := Aggregate(strings.NewReader(text), a, Options{Name: "f.csv"})
		if err != nil {
			var d *diag.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("error %v is not a diagnostic", err)
			}
		}
		if got := a.Total().Rows; got != n {
			t.Errorf("total has %d rows, reader says %d", got, n)
		}
	})
}
