package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/tiendo/tiendo/internal/atomicfile"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/vi"
)

// Files of the indicator registry, relative to the site root.
const (
	IndicatorsFile = "data/indicators.toml"
	indicatorDir   = "data/chi-tieu"
	unitsFile      = "data/units.toml"
)

// indicatorHeader is the header of a new indicator's CSV file: one row per
// period (ky), its value (gia_tri) and an optional note (ghi_chu) — the
// columns of a measure = "count" indicator without a dimension.
const indicatorHeader = "ky,gia_tri,ghi_chu\n"

// Indicator appends an [[indicator]] entry for id to data/indicators.toml,
// with every required key set to a value to replace, and creates its CSV
// file data/chi-tieu/<id>.csv with the header row. now gives the years of
// the baseline and the target. It refuses an id already in the registry or
// a CSV file that exists, and writes nothing then. It returns the files
// written, relative to root.
func Indicator(root, id string, now time.Time) ([]string, error) {
	if id == "" || vi.Slug(id) != id {
		hint := diag.T("Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ \"tai-khoan-dinh-danh\".",
			"An id has only lower-case ASCII letters, digits and hyphens, for example \"tai-khoan-dinh-danh\".")
		if s := vi.Slug(id); s != "" {
			hint = diag.Tf("Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang: dùng %q.",
				"An id has only lower-case ASCII letters, digits and hyphens: use %q.", s)
		}
		return nil, diag.New(diag.Pos{File: IndicatorsFile}, diag.CodeNewIndicatorID,
			diag.Tf("mã chỉ tiêu %q không hợp lệ", "indicator id %q is not valid", id), hint)
	}
	regPath := filepath.Join(root, filepath.FromSlash(IndicatorsFile))
	reg, err := os.ReadFile(regPath)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, cannotRead(IndicatorsFile)
	}
	var existing struct {
		Indicator []struct {
			ID string `toml:"id"`
		} `toml:"indicator"`
	}
	if _, err := toml.Decode(string(reg), &existing); err != nil {
		return nil, diag.New(diag.Pos{File: IndicatorsFile}, diag.CodeNewIndicatorBroken,
			diag.Tf("%s đang có lỗi nên chưa thêm được chỉ tiêu", "%s has errors, so no indicator was added", IndicatorsFile),
			diag.T("Chạy tiendo check để xem lỗi, sửa rồi chạy lại lệnh này.", "Run tiendo check to see the errors, fix them, then run this command again."))
	}
	for _, ind := range existing.Indicator {
		if ind.ID == id {
			return nil, diag.New(diag.Pos{File: IndicatorsFile, Line: idLine(reg, id)}, diag.CodeNewIndicatorExists,
				diag.Tf("chỉ tiêu %q đã có", "indicator %q already exists", id),
				diag.T("Sửa chỉ tiêu đó trong tệp, hoặc chọn mã khác.", "Edit that indicator in the file, or choose another id."))
		}
	}

	csvRel := indicatorDir + "/" + id + ".csv"
	csvPath := filepath.Join(root, filepath.FromSlash(csvRel))
	if err := os.MkdirAll(filepath.Dir(csvPath), 0o755); err != nil {
		return nil, cannot(indicatorDir, diag.CodeNewIndicatorWrite)
	}
	if err := writeNew(csvPath, []byte(indicatorHeader)); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, diag.New(diag.Pos{File: csvRel}, diag.CodeNewIndicatorExists,
				diag.Tf("tệp %s đã có; không ghi đè", "file %s already exists; nothing is overwritten", csvRel),
				diag.T("Đổi tên hoặc xoá tệp đó, hoặc chọn mã khác.", "Rename or delete that file, or choose another id."))
		}
		return nil, cannot(csvRel, diag.CodeNewIndicatorWrite)
	}

	var b bytes.Buffer
	b.Write(reg)
	if len(reg) > 0 && !bytes.HasSuffix(reg, []byte("\n")) {
		b.WriteByte('\n')
	}
	if len(reg) > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(indicatorEntry(id, firstUnit(root), now.Year()))
	if err := atomicfile.Write(regPath, b.Bytes()); err != nil {
		os.Remove(csvPath)
		return nil, cannot(IndicatorsFile, diag.CodeNewIndicatorWrite)
	}
	return []string{IndicatorsFile, csvRel}, nil
}

// indicatorEntry is a new [[indicator]] table in the form of the sample
// site's data/indicators.toml, each value to be replaced.
func indicatorEntry(id, lead string, year int) string {
	return fmt.Sprintf(`# ---- Chỉ tiêu mới: thay các giá trị dưới đây cho đúng kế hoạch ----

[[indicator]]
id = %s
title = "Tên chỉ tiêu như trong kế hoạch"
# Đơn vị tính của số liệu, ví dụ "tài khoản", "hồ sơ".
unit = "hồ sơ"
# "count" (số lượng trong kỳ), "cumulative" (số lũy kế), "rate" (tỷ lệ tính từ
# tử số và mẫu số: cột tu_so, mau_so thay cho gia_tri) hoặc "percent" (phần trăm).
measure = "count"
# Giá trị xuất phát và kỳ của nó.
baseline = { period = "%d-12", value = 0 }
# Mã đơn vị chủ trì trong data/units.toml.
lead = %s
source = "Nguồn số liệu, ví dụ: báo cáo tháng của đơn vị chủ trì"
# Kỳ báo cáo: "weekly", "monthly", "quarterly", "half-yearly" hoặc "yearly".
frequency = "monthly"
file = "chi-tieu/%s.csv"
# true khi số liệu chỉ là minh họa, false khi là số liệu thật.
illustrative = true

[[indicator.target]]
# Giá trị cần đạt và hạn đạt.
value = 100
deadline = "%d-12-31"
`, tomlString(id), year-1, tomlString(lead), id, year)
}

// firstUnit is the id of the first unit of data/units.toml, a lead that
// exists; a placeholder when there is none.
func firstUnit(root string) string {
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(unitsFile)))
	if err == nil {
		var units struct {
			Unit []struct {
				ID string `toml:"id"`
			} `toml:"unit"`
		}
		if _, err := toml.Decode(string(src), &units); err == nil && len(units.Unit) > 0 && units.Unit[0].ID != "" {
			return units.Unit[0].ID
		}
	}
	return "ubnd-huyen"
}

// idLine finds the line of id = "<id>" in src, 0 if not found.
func idLine(src []byte, id string) int {
	for i, line := range strings.Split(string(src), "\n") {
		k, v, ok := strings.Cut(line, "=")
		if ok && strings.TrimSpace(k) == "id" && strings.Trim(strings.TrimSpace(v), `"'`) == id {
			return i + 1
		}
	}
	return 0
}

func cannotRead(file string) *diag.Diagnostic {
	return diag.New(diag.Pos{File: file}, diag.CodeNewRead,
		diag.Tf("không đọc được %s", "cannot read %s", file),
		diag.T("Kiểm tra quyền đọc của tệp.", "Check the file's read permission."))
}
