package view

import (
	"bytes"
	csvpkg "encoding/csv"
	"reflect"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/opendata"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/xuri/excelize/v2"
)

// TestIndicatorDownloads compares the download files of tiny indicators
// byte for byte: the CSV keeps the source's numbers as written and its
// line order, with the figures from the future marked; the JSON leaves
// them out.
func TestIndicatorDownloads(t *testing.T) {
	env := testEnv(t, "en") // downloads do not depend on the language
	may, jun, jul := month(t, "2023-05"), month(t, "2023-06"), month(t, "2023-07")
	count := &indicator.Indicator{ID: "tk", Title: "Tài khoản", Unit: "tài khoản", Measure: indicator.Count,
		Source: "Công an", Lead: "cong-an-huyen", Illustrative: true}
	for _, tc := range []struct {
		name     string
		k        Indicator
		csv      string
		json     string
		csvPath  string
		jsonPath string
	}{
		{
			name: "count without dimension, one figure from the future",
			k: Indicator{Ind: count,
				Obs:    []indicator.Observation{{Period: may, Value: 41000, Line: 2}, {Period: jun, Value: 47024.5, Note: "ước tính", Line: 4}},
				Future: []indicator.Observation{{Period: jul, Value: 50000, Line: 3}}},
			csvPath:  "chi-tieu/tk/tk.csv",
			jsonPath: "chi-tieu/tk/tk.json",
			csv: "\ufeffky,gia_tri,ghi_chu,sau_ngay_danh_gia\r\n" +
				"2023-05,41000,,\r\n" +
				"2023-07,50000,,\"sau ngày đánh giá 30/06/2023, không tính / after the as-of date 30/06/2023, not counted\"\r\n" +
				"2023-06,47024.5,ước tính,\r\n",
			json: `{
  "dimension": "",
  "id": "tk",
  "illustrative": true,
  "lead": "cong-an-huyen",
  "lead_basis": "",
  "lead_source": "",
  "measure": "count",
  "observations": [
    {
      "ky": "2023-05",
      "gia_tri": 41000
    },
    {
      "ky": "2023-06",
      "gia_tri": 47024.5,
      "ghi_chu": "ước tính"
    }
  ],
  "source": "Công an",
  "task": "",
  "title": "Tài khoản",
  "unit": "tài khoản"
}
`,
		},
		{
			name: "no figures",
			k:    Indicator{Ind: count},
			csv:  "\ufeffky,gia_tri,ghi_chu\r\n",
			json: `{
  "dimension": "",
  "id": "tk",
  "illustrative": true,
  "lead": "cong-an-huyen",
  "lead_basis": "",
  "lead_source": "",
  "measure": "count",
  "observations": null,
  "source": "Công an",
  "task": "",
  "title": "Tài khoản",
  "unit": "tài khoản"
}
`,
			csvPath:  "chi-tieu/tk/tk.csv",
			jsonPath: "chi-tieu/tk/tk.json",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out Out
			dl := env.indicatorDownloads(tc.k, &out)
			out.makeTwins()
			if len(out.Files) != 3 || len(dl) != 2 {
				t.Fatalf("got %d files, %d downloads; want 3 (CSV, JSON, Excel), 2", len(out.Files), len(dl))
			}
			checkTwin(t, dl[0], out.Files[2], tc.csv)
			for i, want := range []struct{ path, data, label string }{{tc.csvPath, tc.csv, "CSV"}, {tc.jsonPath, tc.json, "JSON"}} {
				f := out.Files[i]
				if f.Path != want.path || string(f.Data) != want.data {
					t.Errorf("file %d: %s\n%q\nwant %s\n%q", i, f.Path, f.Data, want.path, want.data)
				}
				if d := dl[i]; d.Label != want.label || d.Path != "/"+want.path || d.Size != len(want.data) {
					t.Errorf("download %d = %+v, want %s at /%s, %d bytes", i, d, want.label, want.path, len(want.data))
				}
			}
		})
	}
}

// TestReportLine formats one summed row of weekly reports.
func TestReportLine(t *testing.T) {
	week := month(t, "2023-W20")
	agg := report.New(report.Options{Services: []report.Service{{ID: "cap-cccd", Essential: true}}})
	agg.Add(report.Row{Week: week, Unit: "xa-a", Service: "cap-cccd",
		Counts: report.Counts{ReceivedOnline: 1234, ReceivedInPerson: 266, CarriedOver: 5, ResolvedEarly: 900,
			ResolvedOnTime: 300, ResolvedLate: 7, PendingOnTime: 200, PendingOverdue: 1, ResultsReturned: 1100,
			NotAccepted: 2, ReturnedForSupplement: 3},
		LateReason: "Thiếu hồ sơ", NotAcceptedReason: "", SupplementReason: "Ảnh mờ"})
	// The late reason explains Counts.Late(): resolved late (7) and pending
	// overdue (1).
	total := agg.Total()
	for _, tc := range []struct {
		lang string
		s    report.Summary
		want ReportLine
	}{
		{"vi", total, ReportLine{Title: "Tổng", Path: "/p/", Received: "1.500", Online: "1.234", InPerson: "266", Carried: "5",
			Early: "900", OnTime: "300", LateN: "7", Pending: "200", Overdue: "1", Returned: "1.100", NotAccepted: "2", Supplement: "3",
			OnlineRate: "82,3%", OnTimeRate: "99,4%", Target: "80%", Meets: StatusBadge{"da-dat", "[targetMet]", "✓"},
			LateReasons: []ReasonLine{{"Thiếu hồ sơ", "8"}}, NotAcceptedReasons: []ReasonLine{{"[noReason]", "2"}},
			SuppReasons: []ReasonLine{{"Ảnh mờ", "3"}}}},
		{"en", total, ReportLine{Title: "Tổng", Path: "/p/", Received: "1,500", Online: "1,234", InPerson: "266", Carried: "5",
			Early: "900", OnTime: "300", LateN: "7", Pending: "200", Overdue: "1", Returned: "1,100", NotAccepted: "2", Supplement: "3",
			OnlineRate: "82.3%", OnTimeRate: "99.4%", Target: "80%", Meets: StatusBadge{"da-dat", "[targetMet]", "✓"},
			LateReasons: []ReasonLine{{"Thiếu hồ sơ", "8"}}, NotAcceptedReasons: []ReasonLine{{"[noReason]", "2"}},
			SuppReasons: []ReasonLine{{"Ảnh mờ", "3"}}}},
		// Nothing received: no rates, no target, no badge.
		{"vi", report.Summary{}, ReportLine{Title: "Tổng", Path: "/p/", Received: "0", Online: "0", InPerson: "0", Carried: "0",
			Early: "0", OnTime: "0", LateN: "0", Pending: "0", Overdue: "0", Returned: "0", NotAccepted: "0", Supplement: "0",
			OnlineRate: "—", OnTimeRate: "—"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			got := reports{Env: testEnv(t, tc.lang)}.line("Tổng", "/p/", tc.s)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("line:\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// checkTwin checks that x is the Excel twin of the CSV download d, whose
// bytes are csv: beside it, linked from it, with the same header and rows,
// every cell text or number and none a formula.
func checkTwin(t *testing.T, d Download, x File, csv string) {
	t.Helper()
	if d.Excel == nil || d.Excel.Path != strings.TrimSuffix(d.Path, ".csv")+".xlsx" || "/"+x.Path != d.Excel.Path ||
		d.Excel.Size != len(x.Data) || d.Excel.Label != "Excel" || d.Excel.Format != "XLSX" {
		t.Fatalf("twin of %s: %+v, file %s", d.Path, d.Excel, x.Path)
	}
	f, err := excelize.OpenReader(bytes.NewReader(x.Data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(opendata.DataSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := csvpkg.NewReader(strings.NewReader(strings.TrimPrefix(csv, "\ufeff"))).ReadAll()
	if len(rows) != len(want) {
		t.Fatalf("twin has %d rows, the CSV %d", len(rows), len(want))
	}
	for r, row := range want {
		for c, cell := range row {
			got := ""
			if c < len(rows[r]) {
				got = rows[r][c]
			}
			// The CSV quotes what a spreadsheet would run; the workbook
			// keeps it as text, as written.
			if cell != strings.TrimPrefix(got, "'") && "'"+got != cell {
				t.Errorf("twin cell %d,%d = %q, CSV %q", r, c, got, cell)
			}
			name, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if fm, _ := f.GetCellFormula(opendata.DataSheet, name); fm != "" {
				t.Errorf("twin cell %s holds a formula %q", name, fm)
			}
		}
	}
	if sheets := f.GetSheetList(); len(sheets) != 2 || sheets[1] != opendata.NotesSheet {
		t.Errorf("twin sheets %q", sheets)
	}
}
