package data

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
)

var ict = time.FixedZone("Asia/Ho_Chi_Minh", 7*60*60)

const validRegistry = `# Chỉ tiêu
[[group]]
code = "3.4"
title = "Phát triển công dân số"

[[group]]
code = "3.2"
title = "Dịch vụ công"

[[indicator]]
id = "vneid"
title = "Tài khoản định danh điện tử"
titleEn = "Electronic ID accounts"
description = """
Số tài khoản **đã cấp**.

[[not a table]]
"""
unit = "tài khoản"
unitEn = "accounts"
measure = "cumulative"
baseline = { period = "2022-12", value = 8500 }
lead = "cong-an-huyen"
source = "Số liệu minh họa"
frequency = "monthly"
file = "chi-tieu/vneid.csv"
dimension = "commune"
group = "3.4"
weight = 20
illustrative = true

  [[indicator.target]]
  value = 50000
  deadline = "2023-Q2"
  label = "Hết Quý II/2023"

[[indicator]]
id = "ho-so-truc-tuyen"
title = "Hồ sơ tiếp nhận trực tuyến"
measure = "rate"
direction = "increase"
baseline = { period = "2022-12", value = 35 }
lead = "phong-tu-phap"
source = "Số liệu minh họa"
frequency = "monthly"
file = "chi-tieu/ho-so-truc-tuyen.csv"
dimension = "unit"
group = "3.2"
weight = 10
decimalComma = true
illustrative = false

[[indicator.target]]
value = 60
deadline = 2023-03-31

[[indicator.target]]
value = 80
deadline = "2023-12-31"
`

func parseRegistry(tb testing.TB, src string) ([]*indicator.Indicator, []string) {
	tb.Helper()
	l := &diag.List{}
	inds := ParseIndicators("data/indicators.toml", []byte(src), mustUnits(tb), ict, l)
	return inds, formatted(l, diag.VI)
}

func TestParseIndicators(t *testing.T) {
	inds, errs := parseRegistry(t, validRegistry)
	if len(errs) > 0 {
		t.Fatalf("errors:\n%s", strings.Join(errs, "\n"))
	}
	if len(inds) != 2 || inds[0].ID != "ho-so-truc-tuyen" || inds[1].ID != "vneid" {
		t.Fatalf("want ho-so-truc-tuyen then vneid by weight, got %d indicators", len(inds))
	}
	v := inds[1]
	if v.Measure != indicator.Cumulative || v.Direction != indicator.Increase || v.Dimension != indicator.ByCommune ||
		v.Frequency != period.Month || v.Decimals != 0 || !v.Illustrative || v.GroupTitle != "Phát triển công dân số" ||
		v.Baseline != (indicator.Baseline{Period: period.MustParse("2022-12"), Value: 8500}) {
		t.Errorf("vneid: %+v", v)
	}
	if !strings.Contains(v.Description, "[[not a table]]") {
		t.Errorf("description: %q", v.Description)
	}
	if v.Pos != (diag.Pos{File: "data/indicators.toml", Line: 10, Col: 1}) || v.FilePos.Line != 26 {
		t.Errorf("positions: %v, file at %v", v.Pos, v.FilePos)
	}
	wantDeadline := time.Date(2023, 6, 30, 23, 59, 59, 999999999, ict)
	if len(v.Targets) != 1 || !v.Targets[0].Deadline.Equal(wantDeadline) || v.Targets[0].Label != "Hết Quý II/2023" {
		t.Errorf("vneid targets: %+v", v.Targets)
	}
	r := inds[0]
	if r.Unit != "%" || r.Decimals != 1 || r.DecimalComma == nil || !*r.DecimalComma || r.Illustrative {
		t.Errorf("rate defaults: %+v", r)
	}
	if len(r.Targets) != 2 || !r.Targets[0].Deadline.Equal(time.Date(2023, 3, 31, 23, 59, 59, 999999999, ict)) || r.Targets[1].Value != 80 {
		t.Errorf("rate targets: %+v", r.Targets)
	}
	if FilePath(r) != "data/chi-tieu/ho-so-truc-tuyen.csv" {
		t.Errorf("FilePath: %s", FilePath(r))
	}
}

// one is a minimal valid indicator; tests replace its lines.
const one = `[[indicator]]
id = "vneid"
title = "Tài khoản định danh điện tử"
unit = "tài khoản"
measure = "cumulative"
baseline = { period = "2022-12", value = 0 }
lead = "cong-an-huyen"
source = "minh họa"
frequency = "monthly"
file = "chi-tieu/vneid.csv"
illustrative = true

[[indicator.target]]
value = 50000
deadline = "2023-06-30"
`

func TestParseIndicatorsErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "unknown keys",
			src: strings.Replace(strings.Replace(one, `measure = "cumulative"`, `measure = "cumulative"`+"\nmesure = \"count\"", 1),
				`deadline = "2023-06-30"`, `dealine = "2023-06-30"`+"\n"+`deadline = "2023-06-30"`, 1),
			want: []string{
				"data/indicators.toml:6:1: khóa \"indicator.mesure\" không được hỗ trợ\n    gợi ý: Có phải là \"measure\"?",
				"data/indicators.toml:16:1: khóa \"indicator.target.dealine\" không được hỗ trợ\n    gợi ý: Có phải là \"deadline\"?",
			},
		},
		{
			name: "missing keys",
			src: `[[indicator]]
id = "vneid"
measure = "cumulative"
illustrative = true
`,
			want: []string{
				"data/indicators.toml:1:1: chỉ tiêu \"vneid\" chưa có mục tiêu nào\n    gợi ý: Thêm một bảng [[indicator.target]] với value = … và deadline = \"2023-06-30\" (hoặc \"2023-Q2\").",
				"data/indicators.toml:1:1: chỉ tiêu \"vneid\" thiếu khóa bắt buộc \"baseline\"\n    gợi ý: Thêm dòng baseline = { period = \"2022-12\", value = 0 }: giá trị xuất phát và kỳ của nó.",
				"data/indicators.toml:1:1: chỉ tiêu \"vneid\" thiếu khóa bắt buộc \"file\"\n    gợi ý: Thêm dòng file = \"chi-tieu/<mã chỉ tiêu>.csv\" (đường dẫn trong thư mục data/), hoặc reports = \"online-rate\" cho chỉ tiêu tính từ báo cáo tuần.",
				"data/indicators.toml:1:1: chỉ tiêu \"vneid\" thiếu khóa bắt buộc \"frequency\"\n    gợi ý: Thêm dòng frequency = \"monthly\" (hoặc \"weekly\", \"quarterly\"…): kỳ báo cáo của số liệu.",
				"data/indicators.toml:1:1: chỉ tiêu \"vneid\" thiếu khóa bắt buộc \"lead\"\n    gợi ý: Thêm dòng lead = \"cong-an-huyen\" (mã đơn vị chủ trì trong data/units.toml), hoặc task = \"3.4.1\" để lấy đơn vị chủ trì của nhiệm vụ.",
				"data/indicators.toml:1:1: chỉ tiêu \"vneid\" thiếu khóa bắt buộc \"source\"\n    gợi ý: Thêm dòng source = \"…\" cho biết số liệu lấy từ đâu.",
				"data/indicators.toml:1:1: chỉ tiêu \"vneid\" thiếu khóa bắt buộc \"title\"\n    gợi ý: Thêm dòng title = \"…\" (tên chỉ tiêu như trong kế hoạch).",
				"data/indicators.toml:1:1: chỉ tiêu \"vneid\" thiếu khóa bắt buộc \"unit\"\n    gợi ý: Thêm dòng unit = \"…\" (đơn vị tính, ví dụ \"tài khoản\", \"hồ sơ\").",
			},
		},
		{
			name: "lead unit written by name",
			src:  strings.Replace(one, `lead = "cong-an-huyen"`, `lead = "Công an huyện"`, 1),
			want: []string{
				"data/indicators.toml:7:1: không có đơn vị \"Công an huyện\" trong data/units.toml\n    gợi ý: Đó là Công an huyện Lộc Hà; viết mã của đơn vị: lead = \"cong-an-huyen\".",
			},
		},
		{
			name: "lead unit misspelt",
			src:  strings.Replace(one, `lead = "cong-an-huyen"`, `lead = "cong-an-huyn"`, 1),
			want: []string{
				"data/indicators.toml:7:1: không có đơn vị \"cong-an-huyn\" trong data/units.toml\n    gợi ý: Có phải là \"cong-an-huyen\"? Dùng mã (id) của một đơn vị trong data/units.toml.",
			},
		},
		{
			name: "path traversal",
			src:  strings.Replace(one, `file = "chi-tieu/vneid.csv"`, `file = "../../etc/passwd.csv"`, 1),
			want: []string{
				"data/indicators.toml:10:1: đường dẫn \"../../etc/passwd.csv\" ra ngoài thư mục data/\n    gợi ý: Viết đường dẫn tương đối trong thư mục data/, với dấu /, ví dụ file = \"chi-tieu/vneid.csv\".",
			},
		},
		{
			name: "path traversal inside",
			src:  strings.Replace(one, `file = "chi-tieu/vneid.csv"`, `file = "chi-tieu/../../config.csv"`, 1),
			want: []string{
				"data/indicators.toml:10:1: đường dẫn \"chi-tieu/../../config.csv\" ra ngoài thư mục data/\n    gợi ý: Viết đường dẫn tương đối trong thư mục data/, với dấu /, ví dụ file = \"chi-tieu/vneid.csv\".",
			},
		},
		{
			name: "absolute path",
			src:  strings.Replace(one, `file = "chi-tieu/vneid.csv"`, `file = "/etc/vneid.csv"`, 1),
			want: []string{
				"data/indicators.toml:10:1: đường dẫn \"/etc/vneid.csv\" là đường dẫn tuyệt đối; chỉ đọc được tệp trong thư mục data/\n    gợi ý: Viết đường dẫn tương đối trong thư mục data/, với dấu /, ví dụ file = \"chi-tieu/vneid.csv\".",
			},
		},
		{
			name: "windows path",
			src:  strings.Replace(one, `file = "chi-tieu/vneid.csv"`, `file = 'C:\data\vneid.csv'`, 1),
			want: []string{
				"data/indicators.toml:10:1: đường dẫn \"C:\\\\data\\\\vneid.csv\" dùng dấu \\\n    gợi ý: Viết đường dẫn tương đối trong thư mục data/, với dấu /, ví dụ file = \"chi-tieu/vneid.csv\".",
			},
		},
		{
			name: "unclean path",
			src:  strings.Replace(one, `file = "chi-tieu/vneid.csv"`, `file = "./chi-tieu//vneid.csv"`, 1),
			want: []string{
				"data/indicators.toml:10:1: đường dẫn \"./chi-tieu//vneid.csv\" chưa gọn\n    gợi ý: Viết \"chi-tieu/vneid.csv\".",
			},
		},
		{
			name: "duplicate id",
			src:  one + "\n" + one,
			want: []string{
				"data/indicators.toml:18:1: mã chỉ tiêu \"vneid\" đã dùng ở dòng 2; dòng 18 dùng lại\n    gợi ý: Mỗi chỉ tiêu cần một mã riêng: đổi mã của một trong hai.",
			},
		},
		{
			name: "percent by commune",
			src: strings.Replace(strings.Replace(one, `measure = "cumulative"`, `measure = "percent"`, 1),
				`illustrative = true`, "illustrative = true\ndimension = \"commune\"", 1),
			want: []string{
				"data/indicators.toml:12:1: chỉ tiêu \"vneid\" đo bằng phần trăm (measure = \"percent\") nên không chia theo \"commune\" được: không thể cộng phần trăm của các đơn vị thành số của toàn huyện\n    gợi ý: Dùng measure = \"rate\" với hai cột tu_so (tử số) và mau_so (mẫu số) trong tệp CSV; tỷ lệ toàn huyện sẽ là tổng tử số ÷ tổng mẫu số.",
				"data/indicators.toml:15:1: giá trị 50000 nằm ngoài 0–100 của một tỷ lệ phần trăm\n    gợi ý: Viết tỷ lệ bằng số phần trăm, ví dụ 80 cho 80%.",
			},
		},
		{
			name: "bad values",
			src: strings.NewReplacer(`measure = "cumulative"`, `measure = "ratio"`, `frequency = "monthly"`, `frequency = "montly"`,
				`deadline = "2023-06-30"`, `deadline = "cuối năm"`, `id = "vneid"`, `id = "VNeID"`).Replace(one),
			want: []string{
				"data/indicators.toml:2:1: mã chỉ tiêu \"VNeID\" không hợp lệ\n    gợi ý: Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ \"vneid\".",
				"data/indicators.toml:5:1: measure = \"ratio\" không hợp lệ\n    gợi ý: Dùng \"count\" (số lượng trong kỳ), \"cumulative\" (số lũy kế), \"rate\" (tỷ lệ tính từ tử số, mẫu số) hoặc \"percent\" (phần trăm của toàn huyện).",
				"data/indicators.toml:9:1: frequency = \"montly\" không hợp lệ\n    gợi ý: Có phải là \"monthly\"? Các giá trị dùng được: \"daily\", \"weekly\", \"monthly\", \"quarterly\", \"half-yearly\", \"yearly\".",
				"data/indicators.toml:15:1: hạn \"cuối năm\" không đọc được\n    gợi ý: Viết deadline = \"2023-06-30\" (hết ngày đó) hoặc một kỳ như \"2023-06\", \"2023-Q2\", \"2023-H1\", \"2023\" (hết kỳ đó); với mục tiêu áp dụng từ một thời điểm (\"thực hiện từ tháng 3/2023\"), viết from = \"2023-03\" (từ ngày đầu kỳ).",
			},
		},
		{
			name: "decrease that does not decrease",
			src:  strings.Replace(one, `illustrative = true`, "illustrative = true\ndirection = \"decrease\"", 1),
			want: []string{
				"data/indicators.toml:12:1: chỉ tiêu \"vneid\" cần giảm (direction = \"decrease\") nhưng mục tiêu 50000 không thấp hơn giá trị trước đó 0\n    gợi ý: Kiểm tra giá trị xuất phát và các mục tiêu, hoặc dùng direction = \"increase\".",
			},
		},
		{
			name: "unknown group",
			src:  "[[group]]\ncode = \"3.4\"\ntitle = \"Công dân số\"\n\n" + strings.Replace(one, `illustrative = true`, "illustrative = true\ngroup = \"3.9\"", 1),
			want: []string{
				"data/indicators.toml:16:1: không có nhóm \"3.9\" trong các bảng [[group]] của tệp này\n    gợi ý: Các nhóm đã khai báo: \"3.4\".",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inds, got := parseRegistry(t, tt.src)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if tt.name != "unknown keys" && tt.name != "duplicate id" && len(inds) != 0 {
				t.Errorf("kept %d indicators with errors", len(inds))
			}
		})
	}
}

func TestMissingFile(t *testing.T) {
	inds, errs := parseRegistry(t, one)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := MissingFile(inds[0]).Format(diag.VI)
	want := "data/indicators.toml:10:1: không có tệp số liệu data/chi-tieu/vneid.csv của chỉ tiêu \"vneid\"\n    gợi ý: Sửa đường dẫn file, hoặc tạo tệp CSV với dòng tiêu đề ky,gia_tri,ghi_chu."
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
