package view

import (
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/opendata"
)

// The columns of the CSV downloads, described once: the header row, the
// catalogue on /du-lieu/ and datapackage.json are all made from these.
// One vocabulary across files: a unit is don_vi (its name) and don_vi_ma
// (its id in data/units.toml) wherever it appears, a service dich_vu and
// dich_vu_ma; a code a tool may need sits in a column of its own ending
// in _ma, beside the words a reader expects; yes and no are "có" and
// "không".

// col is a column without unit or description.
func col(name, title, typ string) opendata.Field {
	return opendata.Field{Name: name, Title: title, Type: typ}
}

var (
	colUnit        = col("don_vi", "Đơn vị", opendata.TypeString)
	colUnitID      = opendata.Field{Name: "don_vi_ma", Title: "Mã đơn vị", Type: opendata.TypeString, Description: "Mã của đơn vị trong danh sách đơn vị (don-vi.csv)."}
	colService     = col("dich_vu", "Dịch vụ công", opendata.TypeString)
	colServiceID   = opendata.Field{Name: "dich_vu_ma", Title: "Mã dịch vụ công", Type: opendata.TypeString, Description: "Mã của dịch vụ công trong danh sách dịch vụ (dich-vu.csv)."}
	colNote        = col("ghi_chu", "Ghi chú", opendata.TypeString)
	colFuture      = opendata.Field{Name: futureColumn, Title: "Sau ngày đánh giá", Type: opendata.TypeString, Description: "Có nội dung khi kỳ số liệu bắt đầu sau ngày trang được đánh giá: dòng đó không được tính ở đâu trên trang."}
	colPeriod      = opendata.Field{Name: "ky", Title: "Kỳ số liệu", Type: opendata.TypeString, Description: "Ngày (2023-03-31), tuần ISO (2023-W13), tháng (2023-03), quý (2023-Q1), nửa năm (2023-H1) hoặc năm (2023)."}
	colNumerator   = opendata.Field{Name: "tu_so", Title: "Tử số", Type: opendata.TypeNumber}
	colDenominator = opendata.Field{Name: "mau_so", Title: "Mẫu số", Type: opendata.TypeNumber}
)

// indicatorColumns are the columns of an indicator's CSV download.
func indicatorColumns(ind *indicator.Indicator, future bool) []opendata.Field {
	cols := []opendata.Field{colPeriod}
	switch ind.Dimension {
	case indicator.ByCommune, indicator.ByUnit:
		cols = append(cols, colUnit, colUnitID)
	case indicator.ByService:
		cols = append(cols, colService)
	}
	if ind.Measure == indicator.Rate {
		num, den := colNumerator, colDenominator
		num.Description = "Số được đếm của tỷ lệ; tỷ lệ = tử số ÷ mẫu số (cộng các tử số và các mẫu số trước khi chia)."
		den.Description = "Tổng số mà tỷ lệ được tính trên đó."
		cols = append(cols, num, den)
	} else {
		v := opendata.Field{Name: "gia_tri", Title: "Giá trị", Type: opendata.TypeNumber, Unit: ind.Unit}
		switch ind.Measure {
		case indicator.Count:
			v.Type = opendata.TypeInteger
		case indicator.Cumulative:
			v.Type, v.Description = opendata.TypeInteger, "Số cộng dồn đến hết kỳ."
		}
		cols = append(cols, v)
	}
	cols = append(cols, colNote)
	if future {
		cols = append(cols, colFuture)
	}
	return cols
}

// indicatorKey are the columns that name a row of an indicator's CSV.
func indicatorKey(ind *indicator.Indicator) []string {
	switch ind.Dimension {
	case indicator.ByCommune, indicator.ByUnit:
		return []string{"ky", "don_vi_ma"}
	case indicator.ByService:
		return []string{"ky", "dich_vu"}
	}
	return []string{"ky"}
}

// taskColumns are the columns of nhiem-vu.csv.
var taskColumns = []opendata.Field{
	{Name: "ma", Title: "Mã nhiệm vụ", Type: opendata.TypeString, Description: "Mã của nhiệm vụ trong tệp nhiệm vụ của trang."},
	{Name: "ma_ke_hoach", Title: "Số mục trong kế hoạch", Type: opendata.TypeString},
	col("nhiem_vu", "Nhiệm vụ", opendata.TypeString),
	col("don_vi_chu_tri", "Đơn vị chủ trì", opendata.TypeString),
	{Name: "don_vi_chu_tri_ma", Title: "Mã đơn vị chủ trì", Type: opendata.TypeString, Description: "Mã đơn vị hoặc nhóm đơn vị trong danh sách đơn vị."},
	{Name: "don_vi_chu_tri_gom", Title: "Các đơn vị trong nhóm chủ trì", Type: opendata.TypeString, Description: "Khi đơn vị chủ trì là một nhóm: tên các đơn vị, cách nhau bằng dấu chấm phẩy."},
	{Name: "don_vi_chu_tri_gom_ma", Title: "Mã các đơn vị trong nhóm chủ trì", Type: opendata.TypeString, Description: "Cách nhau bằng dấu chấm phẩy."},
	col("nguon_don_vi_chu_tri", "Nguồn của đơn vị chủ trì", opendata.TypeString),
	{Name: "nguon_don_vi_chu_tri_ma", Title: "Mã nguồn của đơn vị chủ trì", Type: opendata.TypeString, Description: "ke-hoach (theo kế hoạch), suy-luan (suy luận) hoặc minh-hoa (minh họa)."},
	col("can_cu_don_vi_chu_tri", "Căn cứ chọn đơn vị chủ trì", opendata.TypeString),
	{Name: "don_vi_phoi_hop", Title: "Đơn vị phối hợp", Type: opendata.TypeString, Description: "Cách nhau bằng dấu chấm phẩy."},
	{Name: "don_vi_phoi_hop_ma", Title: "Mã đơn vị phối hợp", Type: opendata.TypeString, Description: "Cách nhau bằng dấu chấm phẩy."},
	{Name: "thoi_han", Title: "Thời hạn (lời kế hoạch)", Type: opendata.TypeString},
	col("bat_dau", "Ngày bắt đầu", opendata.TypeDate),
	col("han", "Hạn", opendata.TypeDate),
	{Name: "han_gan_dung", Title: "Hạn là ngày gần đúng", Type: opendata.TypeBoolean, Description: "“có” khi kế hoạch không ghi ngày cụ thể (ví dụ “đầu tháng 7/2023”)."},
	col("thuc_hien_ngay", "Thực hiện ngay", opendata.TypeBoolean),
	col("lap_lai", "Lặp lại", opendata.TypeString),
	{Name: "lap_lai_ma", Title: "Mã lặp lại", Type: opendata.TypeString},
	{Name: "co_dieu_kien", Title: "Có điều kiện", Type: opendata.TypeBoolean, Description: "“có” khi nhiệm vụ chỉ thực hiện khi có điều kiện kế hoạch nêu."},
	col("trang_thai_bao_cao", "Tình trạng đơn vị báo cáo", opendata.TypeString),
	col("ngay_hoan_thanh", "Ngày hoàn thành", opendata.TypeDate),
	col("trang_thai", "Trạng thái", opendata.TypeString),
	{Name: "trang_thai_ma", Title: "Mã trạng thái", Type: opendata.TypeString},
	col("ket_qua", "Kết quả", opendata.TypeString),
	col("nguon_tien_do", "Nguồn của tiến độ", opendata.TypeString),
	{Name: "nguon_tien_do_ma", Title: "Mã nguồn của tiến độ", Type: opendata.TypeString},
	col("lien_ket", "Liên kết", opendata.TypeString),
	colNote,
}

// weekColumns are the columns of the weekly report downloads.
func weekColumns(future bool) []opendata.Field {
	n := func(name, title, desc string) opendata.Field {
		return opendata.Field{Name: name, Title: title, Type: opendata.TypeInteger, Unit: "hồ sơ", Description: desc}
	}
	cols := []opendata.Field{
		{Name: "tuan", Title: "Tuần", Type: opendata.TypeString, Description: "Tuần ISO, ví dụ 2023-W10."},
		colUnit, colUnitID, colService, colServiceID,
		n("tiep_nhan_truc_tuyen", "Tiếp nhận trực tuyến", ""),
		n("tiep_nhan_truc_tiep", "Tiếp nhận trực tiếp", ""),
		n("ky_truoc_chuyen_sang", "Kỳ trước chuyển sang", ""),
		n("giai_quyet_truoc_han", "Giải quyết trước hạn", ""),
		n("giai_quyet_dung_han", "Giải quyết đúng hạn", ""),
		n("giai_quyet_qua_han", "Giải quyết quá hạn", ""),
		n("dang_giai_quyet_trong_han", "Đang giải quyết trong hạn", ""),
		n("dang_giai_quyet_qua_han", "Đang giải quyết quá hạn", ""),
		n("da_tra_ket_qua", "Đã trả kết quả", ""),
		n("khong_tiep_nhan", "Không tiếp nhận", ""),
		n("tra_lai_bo_sung", "Trả lại để bổ sung", ""),
	}
	if future {
		cols = append(cols, colFuture)
	}
	return cols
}

// unitColumns are the columns of don-vi.csv.
var unitColumns = []opendata.Field{
	colUnitID,
	col("don_vi", "Tên đơn vị", opendata.TypeString),
	col("ten_ngan", "Tên ngắn", opendata.TypeString),
	col("loai", "Loại đơn vị", opendata.TypeString),
	{Name: "loai_ma", Title: "Mã loại đơn vị", Type: opendata.TypeString, Description: "huyen (cơ quan cấp huyện), xa (xã) hoặc thi-tran (thị trấn)."},
	{Name: "bao_cao_tuan", Title: "Gửi báo cáo tuần", Type: opendata.TypeBoolean, Description: "“có” khi đơn vị gửi báo cáo dịch vụ công hàng tuần."},
	{Name: "thuoc_nhom_ma", Title: "Mã các nhóm đơn vị", Type: opendata.TypeString, Description: "Các nhóm mà kế hoạch giao việc chung, cách nhau bằng dấu chấm phẩy."},
}

// serviceColumns are the columns of dich-vu.csv.
var serviceColumns = []opendata.Field{
	colServiceID,
	col("dich_vu", "Tên dịch vụ công", opendata.TypeString),
	col("ten_ngan", "Tên ngắn", opendata.TypeString),
	col("linh_vuc", "Lĩnh vực", opendata.TypeString),
	col("linh_vuc_ma", "Mã lĩnh vực", opendata.TypeString),
	col("don_vi_chu_tri", "Đơn vị tiếp nhận", opendata.TypeString),
	col("don_vi_chu_tri_ma", "Mã đơn vị tiếp nhận", opendata.TypeString),
	col("muc_do_truc_tuyen", "Mức độ trực tuyến", opendata.TypeString),
	{Name: "muc_do_truc_tuyen_ma", Title: "Mã mức độ trực tuyến", Type: opendata.TypeString, Description: "toan-trinh (toàn trình) hoặc mot-phan (một phần)."},
}

// names are the header of cols.
func names(cols []opendata.Field) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

// yesNo is a boolean cell.
func yesNo(b bool) string {
	if b {
		return opendata.Yes
	}
	return opendata.No
}

// ScoresFile names the download of every unit's latest figures, under
// /don-vi/ and /du-lieu/.
const ScoresFile = "so-lieu-don-vi"

// scoreColumns are the columns of a unit's figures (/don-vi/<id>/<id>.csv)
// and of every unit's (so-lieu-don-vi.csv).
var scoreColumns = []opendata.Field{
	colUnit, colUnitID,
	col("chi_tieu", "Chỉ tiêu", opendata.TypeString),
	{Name: "chi_tieu_ma", Title: "Mã chỉ tiêu", Type: opendata.TypeString, Description: "Mã của chỉ tiêu; tệp chi-tieu-<mã>.csv có mọi kỳ của nó."},
	col("don_vi_tinh", "Đơn vị tính", opendata.TypeString),
	colPeriod,
	{Name: "gia_tri", Title: "Giá trị", Type: opendata.TypeNumber, Description: "Số mới nhất của đơn vị; với tỷ lệ là phần trăm."},
	colNumerator, colDenominator,
	{Name: "thu_hang", Title: "Thứ hạng", Type: opendata.TypeInteger, Description: "Thứ hạng của đơn vị trong các đơn vị cùng cấp (xã, thị trấn với nhau; cơ quan cấp huyện với nhau); bằng số thì cùng hạng."},
	{Name: "so_don_vi_xep_hang", Title: "Số đơn vị được xếp hạng", Type: opendata.TypeInteger},
	{Name: "toan_huyen", Title: "Số toàn huyện", Type: opendata.TypeNumber, Description: "Số của toàn huyện cùng kỳ mới nhất."},
	{Name: "muc_tieu_don_vi", Title: "Mục tiêu của đơn vị", Type: opendata.TypeNumber, Description: "Chỉ có khi tệp chỉ tiêu giao mục tiêu riêng cho đơn vị."},
	{Name: "minh_hoa", Title: "Số liệu minh họa", Type: opendata.TypeBoolean, Description: "“có” khi số liệu là minh họa, không phải số thật."},
}
