package build

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/vi"
)

// TestReportTotalsMatchCSV recomputes, straight from the sample site's
// report CSVs with encoding/csv, the district totals of a week and the
// online rate, and finds them on the week's page.
func TestReportTotalsMatchCSV(t *testing.T) {
	t.Parallel()
	mem := sampleSite(t).Output
	const week = "2023-W20"
	files, _ := filepath.Glob("../../data/reports/*.csv")
	var online, inPerson, early, onTime, resolved int64
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.TrimPrefix(string(b), "\ufeff")
		r := csv.NewReader(strings.NewReader(text))
		r.Comma = ','
		if strings.Count(strings.SplitN(text, "\n", 2)[0], ";") > 3 {
			r.Comma = ';'
		}
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[vi.FoldKey(h)] = i
		}
		num := func(row []string, key string) int64 {
			n, _ := strconv.ParseInt(strings.TrimSpace(row[col[key]]), 10, 64)
			return n
		}
		for _, row := range rows[1:] {
			if weekOf(t, strings.TrimSpace(row[col["tuan"]])) != week {
				continue
			}
			online += num(row, "tiepnhantructuyen")
			inPerson += num(row, "tiepnhantructiep")
			early += num(row, "giaiquyettruochan")
			onTime += num(row, "giaiquyetdunghan")
			resolved += num(row, "giaiquyettruochan") + num(row, "giaiquyetdunghan") + num(row, "giaiquyetquahan")
		}
	}
	if online+inPerson == 0 {
		t.Fatalf("no rows for %s in the sample reports (weeks written as dates?)", week)
	}
	loc := vi.LocaleFor("vi")
	page := string(mem.Files["bao-cao/2023-w20/index.html"])
	total := page[strings.Index(page, "<th scope=\"row\">Toàn huyện</th>"):]
	total = total[:strings.Index(total, "</tr>")]
	for _, want := range []string{
		fmt.Sprintf(`<td class="num" data-label="Tiếp nhận, Trực tuyến">%s</td>`, loc.Int(online)),
		fmt.Sprintf(`<td class="num" data-label="Tiếp nhận, Trực tiếp">%s</td>`, loc.Int(inPerson)),
		loc.Percent(float64(online)/float64(online+inPerson)*100, 1),
		loc.Percent(float64(early+onTime)/float64(resolved)*100, 1),
	} {
		if !strings.Contains(total, want) {
			t.Errorf("district total row lacks %s:\n%s", want, total)
		}
	}
}

// weekOf reads a week cell as staff write it: the ISO week, or the Tuesday
// its report was due, which covers the week before.
func weekOf(t *testing.T, cell string) string {
	if strings.Contains(cell, "-W") {
		return cell
	}
	d, err := time.Parse("02/01/2006", cell)
	if err != nil {
		t.Fatalf("week cell %q", cell)
	}
	y, w := d.AddDate(0, 0, -7).ISOWeek()
	return fmt.Sprintf("%d-W%02d", y, w)
}

const freshSite = `
-- config.toml --
timeZone = "Asia/Ho_Chi_Minh"
-- data/units.toml --
[[unit]]
id = "cong-an-huyen"
name = "Công an huyện"
short = "Công an"
kind = "huyen"
reports = true
[[unit]]
id = "phong-tu-phap"
name = "Phòng Tư pháp"
short = "Tư pháp"
kind = "huyen"
reports = true
-- data/services.toml --
[[sector]]
id = "cong-an"
name = "Công an"
[[sector]]
id = "tu-phap"
name = "Tư pháp"
[[service]]
id = "cccd"
name = "Cấp đổi thẻ CCCD"
sector = "cong-an"
lead = "cong-an-huyen"
online = "toan-trinh"
de_an_06 = true
[[service]]
id = "khai-sinh"
name = "Đăng ký khai sinh"
sector = "tu-phap"
lead = "phong-tu-phap"
online = "toan-trinh"
de_an_06 = true
-- data/reports/cong-an-huyen.csv --
tuan,dich_vu,tiep_nhan_truc_tuyen,tiep_nhan_truc_tiep,ky_truoc_chuyen_sang,giai_quyet_truoc_han,giai_quyet_dung_han,giai_quyet_qua_han,dang_giai_quyet_trong_han,dang_giai_quyet_qua_han,da_tra_ket_qua,khong_tiep_nhan,tra_lai_bo_sung,ly_do_qua_han,ly_do_khong_tiep_nhan,ly_do_tra_lai,ngay_gui
2023-W24,cccd,8,2,0,6,4,0,0,0,10,0,0,,,,2023-06-20 08:00
2023-W25,cccd,9,1,0,5,5,0,0,0,10,0,0,,,,2023-06-27 08:10
-- data/reports/phong-tu-phap.csv --
tuan,dich_vu,tiep_nhan_truc_tuyen,tiep_nhan_truc_tiep,ky_truoc_chuyen_sang,giai_quyet_truoc_han,giai_quyet_dung_han,giai_quyet_qua_han,dang_giai_quyet_trong_han,dang_giai_quyet_qua_han,da_tra_ket_qua,khong_tiep_nhan,tra_lai_bo_sung,ly_do_qua_han,ly_do_khong_tiep_nhan,ly_do_tra_lai,ngay_gui
2023-W24,khai-sinh,3,1,0,2,2,0,0,0,4,0,0,,,,2023-06-19 15:00
`

// TestFreshness: on Tuesday 27/06/2023 at 10:00, the W25 report was due at
// 09:00; Tư pháp has not sent it, so it shows as not reported. Once its
// row is added, it clears.
func TestFreshness(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, freshSite, Options{Now: "2023-06-27T10:00"}).ok()
	p := s.file("bao-cao/index.html")
	nr := p[strings.Index(p, "Chưa báo cáo:"):]
	nr = nr[:strings.Index(nr, "</p>")]
	if !strings.Contains(nr, "Phòng Tư pháp") || strings.Contains(nr, "Công an huyện") {
		t.Errorf("not reported: got %s", nr)
	}
	s.contains("don-vi/phong-tu-phap/index.html", "Chưa báo cáo")

	// At 08:59 the latest report due is still W24, which both sent.
	early := buildTxtar(t, freshSite, Options{Now: "2023-06-27T08:59"}).ok()
	early.contains("bao-cao/index.html", "Tuần 24/2023", "Tất cả đơn vị đã báo cáo.")

	fixed := strings.Replace(freshSite, "2023-W24,khai-sinh,3,1,0,2,2,0,0,0,4,0,0,,,,2023-06-19 15:00\n",
		"2023-W24,khai-sinh,3,1,0,2,2,0,0,0,4,0,0,,,,2023-06-19 15:00\n2023-W25,khai-sinh,2,2,0,2,2,0,0,0,4,0,0,,,,2023-06-27 09:40\n", 1)
	after := buildTxtar(t, fixed, Options{Now: "2023-06-27T10:00"}).ok()
	after.contains("bao-cao/index.html", "Tất cả đơn vị đã báo cáo.", "Báo cáo muộn:")
	after.notContains("bao-cao/index.html", "Chưa báo cáo:")
}

func TestReportErrors(t *testing.T) {
	t.Parallel()
	bad := strings.Replace(freshSite, "2023-W25,cccd,9,1,", "2023-W25,khai-sinh,-9,1,", 1)
	buildTxtar(t, bad, Options{}).failsWith("data/reports/cong-an-huyen.csv:3:")
}

// TestServiceGuide: a service page leads with its dossiers, links to the
// guidance page data/services.toml names for it and to the national
// portal; a guide that is not a page is an error at its line.
func TestServiceGuide(t *testing.T) {
	t.Parallel()
	guide := "de_an_06 = true\n-- data/reports/cong-an-huyen.csv --"
	site := strings.Replace(freshSite, guide, "de_an_06 = true\nguide = \"huong-dan/khai-sinh.md#buoc-1\"\n-- data/reports/cong-an-huyen.csv --", 1) + `-- content/huong-dan/khai-sinh.md --
+++
title = "Khai sinh trực tuyến"
description = "Đăng ký khai sinh cho con trên cổng."
+++
## Bước 1
Đăng nhập.
`
	s := buildTxtar(t, site, Options{Now: "2023-06-27T10:00"}).ok()
	s.contains("dich-vu/khai-sinh/index.html",
		`<a href="/huong-dan/khai-sinh/#buoc-1">Khai sinh trực tuyến</a>. Đăng ký khai sinh cho con trên cổng.`,
		`<a href="https://dichvucong.gov.vn/">dichvucong.gov.vn</a>`,
		`<a href="/bao-cao/2023-w24/">Tuần 24/2023 (12–18/06/2023)</a>: <strong>4</strong> hồ sơ, trong đó <strong>3</strong> trực tuyến (75,0%).`)
	s.contains("dich-vu/cccd/index.html",
		`<strong>10</strong> hồ sơ, trong đó <strong>9</strong> trực tuyến (90,0%).`,
		`Từ đầu kỳ (Tuần 24/2023 – Tuần 25/2023): <strong>20</strong> hồ sơ, trong đó <strong>17</strong> trực tuyến (85,0%).`)
	s.notContains("dich-vu/cccd/index.html", "Hướng dẫn:")

	for name, bad := range map[string]string{
		"missing page":   strings.Replace(site, "huong-dan/khai-sinh.md#", "huong-dan/khai-tu.md#", 1),
		"missing anchor": strings.Replace(site, "#buoc-1", "#buoc-9", 1),
		"not a page":     strings.Replace(site, "huong-dan/khai-sinh.md#buoc-1", "huong-dan/khai-sinh/", 1),
	} {
		t.Run(name, func(t *testing.T) {
			buildTxtar(t, bad, Options{Now: "2023-06-27T10:00"}).failsWith("data/services.toml:21:")
		})
	}
}
