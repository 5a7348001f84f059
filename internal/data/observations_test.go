package data

import (
	"slices"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/table"
)

var (
	planFrom = period.MustParse("2022-01-01")
	planTo   = period.MustParse("2023-12-31")
)

func testIndicator(id string, m indicator.Measure, dim indicator.Dimension) *indicator.Indicator {
	return &indicator.Indicator{
		ID: id, Measure: m, Dimension: dim, Direction: indicator.Increase, Frequency: period.Month,
		Baseline: indicator.Baseline{Period: period.MustParse("2022-12")},
		File:     "chi-tieu/" + id + ".csv",
		Pos:      diag.Pos{File: "data/indicators.toml", Line: 12, Col: 1},
	}
}

// readCSV parses csv as the file of ind, as the build stage does.
func readCSV(tb testing.TB, ind *indicator.Indicator, csv string) ([]indicator.Observation, []string) {
	tb.Helper()
	t, l := table.Read(FilePath(ind), []byte(csv), table.Options{DecimalComma: ind.DecimalComma})
	obs := ParseObservations(ind, t, mustUnits(tb), planFrom, planTo, l)
	return obs, formatted(l, diag.VI)
}

func TestParseObservations(t *testing.T) {
	vneid := testIndicator("x", indicator.Cumulative, indicator.ByCommune)
	rate := testIndicator("x", indicator.Rate, indicator.ByUnit)
	pct := testIndicator("x", indicator.Percent, indicator.NoDimension)
	count := testIndicator("x", indicator.Count, indicator.NoDimension)
	tests := []struct {
		name string
		ind  *indicator.Indicator
		csv  string
		want []string
		n    int // observations kept
	}{
		{
			name: "unknown commune",
			ind:  vneid,
			csv:  "ky,xa,gia_tri\n2023-01,Thạch Kim,100\n2023-01,Thach Kym,120\n2023-01,Hộ Độ,90\n",
			want: []string{"data/chi-tieu/x.csv:3:9: Không có xã, thị trấn \"Thach Kym\" trong data/units.toml\n    gợi ý: Có phải là \"Xã Thạch Kim\"? Ghi mã, tên đầy đủ hoặc tên ngắn của một xã, thị trấn trong data/units.toml"},
			n:    2,
		},
		{
			name: "office is not a commune",
			ind:  vneid,
			csv:  "ky,xa,gia_tri\n2023-01,Công an huyện,100\n",
			want: []string{"data/chi-tieu/x.csv:2:9: \"Công an huyện\" là Công an huyện Lộc Hà, không phải xã, thị trấn\n    gợi ý: Ghi mã, tên đầy đủ hoặc tên ngắn của một xã, thị trấn trong data/units.toml"},
		},
		{
			name: "unknown unit",
			ind:  rate,
			csv:  "ky,don_vi,tu_so,mau_so\n2023-01,Phòng Tư Phap,5,10\n2023-01,Phòng Tài chính,5,10\n",
			want: []string{"data/chi-tieu/x.csv:3:9: Không có đơn vị \"Phòng Tài chính\" trong data/units.toml\n    gợi ý: Ghi mã, tên đầy đủ hoặc tên ngắn của một đơn vị trong data/units.toml"},
			n:    1,
		},
		{
			name: "number",
			ind:  vneid,
			csv:  "ky,xa,gia_tri\n2023-01,xa-thach-kim,12a\n2023-02,xa-thach-kim,\n",
			want: []string{
				"data/chi-tieu/x.csv:2:22: Ô \"12a\" không phải là số\n    gợi ý: Tệp này dùng dấu chấm ngăn phần thập phân và dấu phẩy ngăn hàng nghìn; viết ví dụ 1234.5 hoặc 1,234.5 hoặc -12",
				"data/chi-tieu/x.csv:3:22: Ô trống, cần một số\n    gợi ý: Tệp này dùng dấu chấm ngăn phần thập phân và dấu phẩy ngăn hàng nghìn; viết ví dụ 1234.5 hoặc 1,234.5 hoặc -12",
			},
		},
		{
			name: "period",
			ind:  vneid,
			csv:  "ky,xa,gia_tri\n2023-13,xa-thach-kim,1\ntháng 2,xa-thach-kim,2\n,xa-thach-kim,3\n",
			want: []string{
				"data/chi-tieu/x.csv:2:1: Ô \"2023-13\" không phải là kỳ báo cáo\n    gợi ý: Chỉ tiêu này báo cáo theo tháng: viết ví dụ 2023-06, 6/2023 hoặc tháng 6/2023. Các dạng dùng được: 30/06/2023 (ngày), 2023-W26 (tuần), 2023-06 hoặc 6/2023 (tháng), 2023-Q2 hoặc Quý II/2023 (quý), 2023-H1 (nửa năm), 2023 (năm)",
				"data/chi-tieu/x.csv:3:1: Ô \"tháng 2\" không phải là kỳ báo cáo\n    gợi ý: Chỉ tiêu này báo cáo theo tháng: viết ví dụ 2023-06, 6/2023 hoặc tháng 6/2023. Các dạng dùng được: 30/06/2023 (ngày), 2023-W26 (tuần), 2023-06 hoặc 6/2023 (tháng), 2023-Q2 hoặc Quý II/2023 (quý), 2023-H1 (nửa năm), 2023 (năm)",
				"data/chi-tieu/x.csv:4:1: Ô kỳ báo cáo trống\n    gợi ý: Chỉ tiêu này báo cáo theo tháng: viết ví dụ 2023-06, 6/2023 hoặc tháng 6/2023. Các dạng dùng được: 30/06/2023 (ngày), 2023-W26 (tuần), 2023-06 hoặc 6/2023 (tháng), 2023-Q2 hoặc Quý II/2023 (quý), 2023-H1 (nửa năm), 2023 (năm)",
			},
		},
		{
			name: "period outside the plan",
			ind:  vneid,
			csv:  "ky,xa,gia_tri\n2023-12,xa-thach-kim,1\n1/2024,xa-thach-kim,2\n2021-12,xa-thach-kim,0\n",
			want: []string{
				"data/chi-tieu/x.csv:3:1: Kỳ \"1/2024\" (Tháng 1/2024) nằm ngoài thời gian của kế hoạch, từ 01/01/2022 đến 31/12/2023\n    gợi ý: Kiểm tra lại năm và tháng đã ghi",
				"data/chi-tieu/x.csv:4:1: Kỳ \"2021-12\" (Tháng 12/2021) nằm ngoài thời gian của kế hoạch, từ 01/01/2022 đến 31/12/2023\n    gợi ý: Kiểm tra lại năm và tháng đã ghi",
			},
			n: 1,
		},
		{
			name: "duplicate",
			ind:  vneid,
			csv:  "ky,xa,gia_tri\n2023-01,Thạch Kim,100\n2023-01,Hộ Độ,90\n1/2023,xa-thach-kim,100\n",
			want: []string{"data/chi-tieu/x.csv:4:1: Kỳ 2023-01 của Xã Thạch Kim đã có ở dòng 2\n    gợi ý: Mỗi kỳ chỉ ghi một dòng cho mỗi đơn vị; xoá hoặc sửa một trong hai dòng"},
			n:    2,
		},
		{
			name: "duplicate without dimension",
			ind:  pct,
			csv:  "ky,gia_tri\n2023-01,50\n2023-02,55\nQuý I/2023,60\ntháng 2/2023,56\n",
			want: []string{
				"data/chi-tieu/x.csv:4:1: cảnh báo: Kỳ \"Quý I/2023\" là một quý, nhưng chỉ tiêu \"x\" báo cáo theo tháng\n    gợi ý: Các kỳ dài ngắn khác nhau làm chuỗi số liệu khó so sánh; dùng cùng một loại kỳ cho cả tệp",
				"data/chi-tieu/x.csv:5:1: Kỳ 2023-02 đã có ở dòng 3\n    gợi ý: Mỗi kỳ chỉ ghi một dòng cho mỗi đơn vị; xoá hoặc sửa một trong hai dòng",
			},
			n: 3,
		},
		{
			name: "percentage over 100",
			ind:  pct,
			csv:  "ky,gia_tri\n2023-01,99.5\n2023-02,100.5\n2023-03,85%\n",
			want: []string{"data/chi-tieu/x.csv:3:9: Tỷ lệ \"100.5\" lớn hơn 100%\n    gợi ý: Ghi tỷ lệ bằng số phần trăm từ 0 đến 100, ví dụ 85,5 cho 85,5%"},
			n:    2,
		},
		{
			name: "negative count",
			ind:  count,
			csv:  "ky,gia_tri\n2023-01,-3\n",
			want: []string{"data/chi-tieu/x.csv:2:9: Số âm \"-3\": số lượng không thể âm\n    gợi ý: Kiểm tra lại dấu trừ; nếu là mức giảm, ghi giá trị còn lại sau khi giảm"},
		},
		{
			name: "numerator above denominator",
			ind:  rate,
			csv:  "ky,don_vi,tu_so,mau_so\n2023-01,phong-tu-phap,12,10\n",
			want: []string{"data/chi-tieu/x.csv:2:23: Tử số \"12\" lớn hơn mẫu số \"10\": tỷ lệ sẽ quá 100%\n    gợi ý: Tử số là phần của mẫu số (ví dụ hồ sơ trực tuyến trong tổng số hồ sơ); kiểm tra hai cột có bị đổi chỗ không"},
		},
		{
			name: "denominator zero",
			ind:  rate,
			csv:  "ky,don_vi,tu_so,mau_so\n2023-01,phong-tu-phap,0,0\n2023-01,cong-an-huyen,-1,4\n",
			want: []string{
				"data/chi-tieu/x.csv:2:25: Mẫu số bằng 0: không tính được tỷ lệ\n    gợi ý: Nếu kỳ này không có gì để tính (ví dụ không có hồ sơ nào), xoá dòng này",
				"data/chi-tieu/x.csv:3:23: Số âm \"-1\": tử số và mẫu số không thể âm\n    gợi ý: Tử số và mẫu số là số hồ sơ, số đơn vị…, nên từ 0 trở lên",
			},
		},
		{
			name: "rate given as a value",
			ind:  rate,
			csv:  "ky,don_vi,gia_tri\n2023-01,phong-tu-phap,85\n",
			want: []string{
				"data/chi-tieu/x.csv:1: Thiếu cột mau_so: chỉ tiêu \"x\" là tỷ lệ, cần cả tử số và mẫu số\n    gợi ý: Dòng tiêu đề cần có: ky,don_vi,tu_so,mau_so,ghi_chu",
				"data/chi-tieu/x.csv:1: Thiếu cột tu_so: chỉ tiêu \"x\" là tỷ lệ, cần cả tử số và mẫu số\n    gợi ý: Dòng tiêu đề cần có: ky,don_vi,tu_so,mau_so,ghi_chu",
				"data/chi-tieu/x.csv:1:11: Chỉ tiêu \"x\" là tỷ lệ, tính từ cột tu_so (tử số) và mau_so (mẫu số); không dùng cột \"gia_tri\"\n    gợi ý: Ghi tử số và mẫu số thay cho tỷ lệ: tỷ lệ toàn huyện được tính bằng tổng tử số ÷ tổng mẫu số",
			},
		},
		{
			name: "missing dimension column",
			ind:  vneid,
			csv:  "ky,gia_tri\n2023-01,100\n",
			want: []string{"data/chi-tieu/x.csv:1: Thiếu cột xa: chỉ tiêu \"x\" có số liệu theo từng xã, thị trấn\n    gợi ý: Dòng tiêu đề cần có: ky,xa,gia_tri,ghi_chu"},
		},
		{
			name: "dimension column on a district-wide indicator",
			ind:  count,
			csv:  "ky,xa,gia_tri\n2023-01,xa-ho-do,100\n",
			want: []string{"data/chi-tieu/x.csv:1:4: Cột \"xa\" chia số liệu theo xã, thị trấn, nhưng chỉ tiêu \"x\" chỉ có số liệu toàn huyện\n    gợi ý: Xoá cột này, hoặc khai báo dimension cho chỉ tiêu trong data/indicators.toml (dòng 12)"},
		},
		{
			name: "unknown and missing columns",
			ind:  vneid,
			csv:  "thang,xa,so_luong\n2023-01,xa-ho-do,100\n",
			want: []string{
				"data/chi-tieu/x.csv:1: Thiếu cột bắt buộc \"ky\"; các cột tìm thấy: \"thang\", \"xa\", \"so_luong\"\n    gợi ý: Thêm cột vào dòng tiêu đề (dòng đầu tiên) của bảng, với tên \"ky\", \"kỳ\", \"kỳ báo cáo\", \"period\", \"thoi_gian\", \"thời gian\"",
				"data/chi-tieu/x.csv:1:1: Cột \"thang\" không thuộc bảng này\n    gợi ý: Các cột dùng được: \"ky\", \"xa\", \"don_vi\", \"dich_vu\", \"gia_tri\", \"tu_so\", \"mau_so\", \"ghi_chu\"",
				"data/chi-tieu/x.csv:1:10: Cột \"so_luong\" không thuộc bảng này\n    gợi ý: Các cột dùng được: \"ky\", \"xa\", \"don_vi\", \"dich_vu\", \"gia_tri\", \"tu_so\", \"mau_so\", \"ghi_chu\"",
			},
		},
		{
			name: "running total falls",
			ind:  vneid,
			csv:  "ky,xa,gia_tri,ghi_chu\n2023-01,xa-ho-do,100,\n2023-02,xa-ho-do,90,\n2023-03,xa-ho-do,80,rà soát trùng lặp\n",
			want: []string{"data/chi-tieu/x.csv:3:18: cảnh báo: Số lũy kế giảm từ 100 (Tháng 1/2023, dòng 2) xuống 90\n    gợi ý: Số lũy kế chỉ tăng hoặc giữ nguyên; kiểm tra lại, hoặc ghi lý do vào cột ghi_chu"},
			n:    3,
		},
		{
			name: "empty file",
			ind:  vneid,
			csv:  "ky,xa,gia_tri\n",
			want: []string{"data/chi-tieu/x.csv:1: cảnh báo: Tệp chưa có dòng số liệu nào\n    gợi ý: Thêm số liệu dưới dòng tiêu đề; đến khi đó trang chỉ tiêu ghi \"Chưa có số liệu\""},
		},
		{
			name: "Vietnamese headers, semicolons and decimal commas",
			ind:  rate,
			csv:  "\uFEFFKỳ;Đơn vị;Tử số;Mẫu số;Ghi chú\r\nTháng 1/2023;Phòng Tư pháp;1.234;1.500;\r\n2023-02;CÔNG AN HUYỆN;12,5;20;ước tính\r\n",
			n:    2,
		},
		{
			name: "every problem at once",
			ind:  vneid,
			csv:  "ky,xa,gia_tri\n2023-01,Thach Kym,-5\n2023-13,Hộ Độ,abc\n",
			want: []string{
				"data/chi-tieu/x.csv:3:1: Ô \"2023-13\" không phải là kỳ báo cáo\n    gợi ý: Chỉ tiêu này báo cáo theo tháng: viết ví dụ 2023-06, 6/2023 hoặc tháng 6/2023. Các dạng dùng được: 30/06/2023 (ngày), 2023-W26 (tuần), 2023-06 hoặc 6/2023 (tháng), 2023-Q2 hoặc Quý II/2023 (quý), 2023-H1 (nửa năm), 2023 (năm)",
				"data/chi-tieu/x.csv:2:9: Không có xã, thị trấn \"Thach Kym\" trong data/units.toml\n    gợi ý: Có phải là \"Xã Thạch Kim\"? Ghi mã, tên đầy đủ hoặc tên ngắn của một xã, thị trấn trong data/units.toml",
				"data/chi-tieu/x.csv:2:19: Số âm \"-5\": số lũy kế không thể âm\n    gợi ý: Kiểm tra lại dấu trừ; nếu là mức giảm, ghi giá trị còn lại sau khi giảm",
				"data/chi-tieu/x.csv:3:15: Ô \"abc\" không phải là số\n    gợi ý: Tệp này dùng dấu chấm ngăn phần thập phân và dấu phẩy ngăn hàng nghìn; viết ví dụ 1234.5 hoặc 1,234.5 hoặc -12",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			obs, got := readCSV(t, tt.ind, tt.csv)
			want := slices.Clone(tt.want)
			slices.SortFunc(want, comparePositions)
			if !slices.Equal(got, want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if len(obs) != tt.n {
				t.Errorf("kept %d observations, want %d: %+v", len(obs), tt.n, obs)
			}
		})
	}
}

// comparePositions orders formatted diagnostics as diag.List.All does, so
// the cases above can list them in reading order of the rows.
func comparePositions(a, b string) int {
	pa, pb := posOf(a), posOf(b)
	for i := range pa {
		if pa[i] != pb[i] {
			return pa[i] - pb[i]
		}
	}
	return strings.Compare(a, b)
}

func posOf(s string) [2]int {
	parts := strings.SplitN(s, ":", 4)
	var p [2]int
	for i := 1; i < 3 && i < len(parts); i++ {
		n := 0
		for _, r := range parts[i] {
			if r < '0' || r > '9' {
				n = 0
				break
			}
			n = n*10 + int(r-'0')
		}
		p[i-1] = n
	}
	return p
}

func TestParseObservationsValues(t *testing.T) {
	rate := testIndicator("x", indicator.Rate, indicator.ByUnit)
	obs, errs := readCSV(t, rate, "\uFEFFKỳ;Đơn vị;Tử số;Mẫu số;Ghi chú\r\nTháng 1/2023;Phòng Tư pháp;1.234;1.500;\r\n2023-02;CÔNG AN HUYỆN;12,5;20;ước tính\r\n")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []indicator.Observation{
		{Period: period.MustParse("2023-01"), Dim: "phong-tu-phap", Num: 1234, Den: 1500, Value: 1234.0 / 1500 * 100, Line: 2},
		{Period: period.MustParse("2023-02"), Dim: "cong-an-huyen", Num: 12.5, Den: 20, Value: 62.5, Note: "ước tính", Line: 3},
	}
	if !slices.Equal(obs, want) {
		t.Errorf("got  %+v\nwant %+v", obs, want)
	}
}

func FuzzParseObservations(f *testing.F) {
	f.Add("ky,xa,gia_tri\n2023-01,Thạch Kim,100\n")
	f.Add("Kỳ;Đơn vị;Tử số;Mẫu số\n1/2023;cong-an-huyen;1,5;2\n")
	f.Add("ky,gia_tri\n2023-Q1,-1\n")
	us := mustUnits(f)
	inds := []*indicator.Indicator{
		testIndicator("a", indicator.Cumulative, indicator.ByCommune),
		testIndicator("b", indicator.Rate, indicator.ByUnit),
		testIndicator("c", indicator.Percent, indicator.NoDimension),
	}
	f.Fuzz(func(t *testing.T, csv string) {
		for _, ind := range inds {
			tb, l := table.Read(FilePath(ind), []byte(csv), table.Options{})
			obs := ParseObservations(ind, tb, us, planFrom, planTo, l)
			for _, o := range obs {
				if o.Period.IsZero() || o.Line < 1 || (ind.Measure == indicator.Rate && (o.Den <= 0 || o.Num > o.Den)) {
					t.Fatalf("bad observation kept: %+v", o)
				}
			}
		}
	})
}

func TestObservationMessagesInEnglish(t *testing.T) {
	ind := testIndicator("x", indicator.Cumulative, indicator.ByCommune)
	tb, l := table.Read(FilePath(ind), []byte("ky,xa,gia_tri\n2024-01,Thach Kym,-5\n"), table.Options{})
	ParseObservations(ind, tb, mustUnits(t), planFrom, planTo, l)
	want := []string{
		"data/chi-tieu/x.csv:2:1: Period \"2024-01\" (January 2024) is outside the plan's time span, from 1 January 2022 to 31 December 2023\n    hint: Check the year and month written",
		"data/chi-tieu/x.csv:2:9: There is no commune \"Thach Kym\" in data/units.toml\n    hint: Did you mean \"Xã Thạch Kim\"? Write the id, full name or short name of a commune in data/units.toml",
		"data/chi-tieu/x.csv:2:19: Negative number \"-5\": a running total cannot be negative\n    hint: Check the minus sign; for a reduction, write the value left after it",
	}
	if got := formatted(l, diag.EN); !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func BenchmarkParseObservations(b *testing.B) {
	ind := testIndicator("x", indicator.Cumulative, indicator.ByCommune)
	var sb strings.Builder
	sb.WriteString("Kỳ;Xã;Giá trị\n")
	for m := 1; m <= 12; m++ {
		for _, c := range []string{"TT Lộc Hà", "Thạch Kim", "xa-thach-chau", "Xã Hộ Độ"} {
			sb.WriteString("Tháng " + itoa(m) + "/2023;" + c + ";" + itoa(1000*m) + "\n")
		}
	}
	src := []byte(sb.String())
	us := mustUnits(b)
	for b.Loop() {
		t, l := table.Read(FilePath(ind), src, table.Options{})
		ParseObservations(ind, t, us, planFrom, planTo, l)
		if l.HasErrors() {
			b.Fatal(l.Format(diag.VI))
		}
	}
}
