// Command indicators writes the illustrative figures of the sample site,
// the CSV files under data/chi-tieu/ that data/indicators.toml points to.
// None of the numbers is real: they are shaped to look like a district's
// 2023 (commune figures in proportion to made-up commune populations adding
// up to about 86.000 people) and to give the site one indicator of each
// status.
//
// The output is deterministic (fixed seeds), and the files use different
// CSV dialects on purpose, to exercise the reader: a UTF-8 BOM with CRLF,
// ';' and Vietnamese headers; ';' with decimal commas; ',' with ASCII
// headers; unit ids, full names and short names.
//
// Run from the repository root, then check with go test ./internal/data/:
//
//	go run ./internal/sample/indicators [-out data/chi-tieu]
//
// It prints each file's baseline-period total, which indicators.toml's
// baseline values must match. go test ./internal/sample/... fails when
// data/chi-tieu/ is not what this command writes.
package main

import (
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/period"
)

// commune is a commune or the town, with an illustrative population.
type commune struct {
	id, name, short string
	pop             float64
}

var communes = []commune{
	{"thi-tran-loc-ha", "Thị trấn Lộc Hà", "TT Lộc Hà", 10500},
	{"xa-binh-an", "Xã Bình An", "Bình An", 6200},
	{"xa-ho-do", "Xã Hộ Độ", "Hộ Độ", 7900},
	{"xa-hong-loc", "Xã Hồng Lộc", "Hồng Lộc", 8600},
	{"xa-ich-hau", "Xã Ích Hậu", "Ích Hậu", 6100},
	{"xa-mai-phu", "Xã Mai Phụ", "Mai Phụ", 7200},
	{"xa-phu-luu", "Xã Phù Lưu", "Phù Lưu", 5400},
	{"xa-tan-loc", "Xã Tân Lộc", "Tân Lộc", 6300},
	{"xa-thach-chau", "Xã Thạch Châu", "Thạch Châu", 8800},
	{"xa-thach-kim", "Xã Thạch Kim", "Thạch Kim", 9400},
	{"xa-thach-my", "Xã Thạch Mỹ", "Thạch Mỹ", 5300},
	{"xa-thinh-loc", "Xã Thịnh Lộc", "Thịnh Lộc", 4300},
}

const population = 86000

// offices are the district-level units of data/units.toml.
var offices = []string{
	"ubnd-huyen", "van-phong-hdnd-ubnd-huyen", "cong-an-huyen", "phong-tu-phap",
	"phong-tai-nguyen-moi-truong", "phong-giao-duc-dao-tao", "phong-lao-dong-tbxh",
	"phong-noi-vu", "phong-van-hoa-thong-tin", "phong-tai-chinh-ke-hoach",
	"phong-kinh-te-ha-tang", "trung-tam-y-te-huyen", "chi-cuc-thue-thach-ha-loc-ha",
	"bhxh-huyen", "dien-luc-loc-ha", "ban-tuyen-giao-huyen-uy",
}

// reporting are the 8 units of the weekly essential-services report, with
// the usual weekly number of dossiers each receives.
var reporting = []struct {
	id   string
	size float64
}{
	{"cong-an-huyen", 75}, {"phong-tu-phap", 14}, {"phong-tai-nguyen-moi-truong", 22},
	{"phong-giao-duc-dao-tao", 6}, {"phong-lao-dong-tbxh", 8}, {"chi-cuc-thue-thach-ha-loc-ha", 13},
	{"bhxh-huyen", 30}, {"dien-luc-loc-ha", 17},
}

// months are the baseline month and the twelve of 2023.
var months = []string{"2022-12", "2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06",
	"2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12"}

func main() {
	out := flag.String("out", "data/chi-tieu", "output folder")
	flag.Parse()
	for _, f := range files() {
		if err := os.WriteFile(filepath.Join(*out, f.name), []byte(f.text), 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-40s baseline %s\n", f.name, f.baseline)
	}
}

// file is one CSV file of data/chi-tieu/ and the total of its baseline
// period.
type file struct {
	name, text, baseline string
}

// files makes the CSV files of data/chi-tieu/.
func files() []file {
	gens := []struct {
		name string
		gen  func() (string, string)
	}{
		{"tai-khoan-dinh-danh-dien-tu.csv", vneid},
		{"dich-vu-cong-thiet-yeu.csv", essentialServices},
		{"can-bo-nop-ho-so-truc-tuyen.csv", officials},
		{"thu-tuc-toan-trinh.csv", fullyOnline},
		{"dvc-toan-trinh-dong-bo.csv", synced},
		{"dvc-toan-trinh-co-ho-so.csv", withDossier},
		{"ho-so-truc-tuyen.csv", onlineDossiers},
		{"thong-tin-phai-khai-bao.csv", fieldsToDeclare},
		{"tai-khoan-an-sinh-ho-ngheo.csv", socialSecurity},
		{"so-hoa-du-lieu-chuyen-nganh.csv", digitised},
	}
	var out []file
	for _, g := range gens {
		text, baseline := g.gen()
		out = append(out, file{g.name, text, baseline})
	}
	return out
}

// csvFile builds a CSV file.
type csvFile struct {
	b   strings.Builder
	sep string
	eol string
}

func newCSV(sep string, bom, crlf bool, header ...string) *csvFile {
	c := &csvFile{sep: sep, eol: "\n"}
	if crlf {
		c.eol = "\r\n"
	}
	if bom {
		c.b.WriteString("\uFEFF")
	}
	c.row(header...)
	return c
}

// asOf is the day the sample site is judged at (asOf in config.toml): a
// row of a period that starts later could not be known then, and tiendo
// would leave it out with a warning, so it is not written.
var asOf = time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC)

func (c *csvFile) row(cells ...string) {
	if len(cells) > 0 {
		if p, ok := period.Parse(cells[0]); ok && p.Start().After(asOf) {
			return
		}
	}
	for i, s := range cells {
		if i > 0 {
			c.b.WriteString(c.sep)
		}
		if strings.ContainsAny(s, c.sep+"\"\n") {
			s = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
		}
		c.b.WriteString(s)
	}
	c.b.WriteString(c.eol)
}

func itoa(n int) string { return strconv.Itoa(n) }

// grouped writes n with '.' between thousands, as Vietnamese Excel does.
func grouped(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// decimalComma writes x with one decimal and a decimal comma.
func decimalComma(x float64) string {
	return strings.Replace(strconv.FormatFloat(x, 'f', 1, 64), ".", ",", 1)
}

func monthLabel(m string) string {
	y, mm, _ := strings.Cut(m, "-")
	n, _ := strconv.Atoi(mm)
	return "Tháng " + itoa(n) + "/" + y
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// split divides total among communes by population times a factor,
// rounding so that the parts add up exactly to total.
func split(total int, factor []float64) []int {
	sum := 0.0
	for i, c := range communes {
		sum += c.pop * factor[i]
	}
	parts := make([]int, len(communes))
	left := total
	for i, c := range communes {
		parts[i] = int(math.Round(float64(total) * c.pop * factor[i] / sum))
		left -= parts[i]
	}
	parts[0] += left
	return parts
}

// vneid: accounts issued so far, by commune; slightly behind 50.000 at
// 30/06/2023, past it in August. Xã Hộ Độ has not reported December.
func vneid() (string, string) {
	totals := []int{21400, 24300, 27500, 31900, 36200, 41600, 47024, 49100, 50600, 51900, 52800, 53500, 54100}
	r := rand.New(rand.NewPCG(1, 6))
	start := make([]float64, len(communes))
	pace := make([]float64, len(communes))
	for i := range communes {
		start[i] = 0.85 + 0.3*r.Float64()
		pace[i] = 0.85 + 0.3*r.Float64()
	}
	base := split(totals[0], start)
	growth := make([][]int, len(months))
	for m := range months {
		growth[m] = split(totals[m]-totals[0], pace)
	}
	c := newCSV(";", true, true, "Kỳ", "Xã", "Giá trị")
	for m, month := range months {
		for i, cm := range communes {
			if month == "2023-12" && cm.id == "xa-ho-do" {
				continue
			}
			c.row(monthLabel(month), cm.short, grouped(base[i]+growth[m][i]))
		}
	}
	return c.b.String(), itoa(totals[0])
}

// essentialServices: essential public services deployed, district-wide.
func essentialServices() (string, string) {
	values := []int{25, 26, 27, 29, 31, 34, 38, 39, 41, 43, 44, 46, 47}
	notes := map[string]string{
		"2023-06": "Triển khai 02 nhóm dịch vụ công liên thông khai sinh, khai tử",
	}
	c := newCSV(",", false, false, "ky", "gia_tri", "ghi_chu")
	for m, month := range months {
		c.row(month, itoa(values[m]), notes[month])
	}
	return c.b.String(), itoa(values[0])
}

// officials: officials' own dossiers filed online, by unit; every unit at
// 100% only in December.
func officials() (string, string) {
	path := []float64{0.62, 0.70, 0.78, 0.86, 0.90, 0.93, 0.95, 0.96, 0.97, 0.98, 0.99, 0.995, 1}
	units := append(append([]string{}, offices...), communeIDs()...)
	r := rand.New(rand.NewPCG(3, 1))
	c := newCSV(",", false, false, "ky", "don_vi", "tu_so", "mau_so")
	num0, den0 := 0, 0
	for m, month := range months {
		for _, u := range units {
			den := 2 + r.IntN(17)
			num := den
			if path[m] < 1 {
				num = int(math.Round(float64(den) * clamp(path[m]+0.08*(r.Float64()*2-1), 0, 1)))
			}
			c.row(month, u, itoa(num), itoa(den))
			if m == 0 {
				num0, den0 = num0+num, den0+den
			}
		}
	}
	return c.b.String(), pct(num0, den0)
}

// fullyOnline: eligible procedures offered fully online, in percent,
// as the provincial portal reports it for the district.
func fullyOnline() (string, string) {
	values := []float64{71.3, 74.8, 79.2, 85.6, 88.1, 90.4, 91.7, 93.0, 94.2, 95.1, 96.0, 96.9, 97.6}
	c := newCSV(";", false, false, "ky", "gia_tri", "ghi_chu")
	for m, month := range months {
		note := ""
		if month == "2023-03" {
			note = "Công bố bổ sung thủ tục trên Cổng dịch vụ công tỉnh"
		}
		c.row(month, decimalComma(values[m]), note)
	}
	return c.b.String(), decimalComma(values[0])
}

// rateSeries writes a district-wide rate from a path of rates and a
// growing denominator.
func rateSeries(path []float64, den0, denStep int) (string, string) {
	c := newCSV(",", false, false, "ky", "tu_so", "mau_so")
	base := ""
	for m, month := range months {
		den := den0 + denStep*m
		num := int(math.Round(float64(den) * path[m]))
		c.row(month, itoa(num), itoa(den))
		if m == 0 {
			base = pct(num, den)
		}
	}
	return c.b.String(), base
}

// synced: fully-online services synchronised with the national portal.
func synced() (string, string) {
	return rateSeries([]float64{0.64, 0.67, 0.71, 0.75, 0.78, 0.80, 0.82, 0.83, 0.85, 0.86, 0.86, 0.87, 0.88}, 118, 2)
}

// withDossier: fully-online services that received an online dossier.
func withDossier() (string, string) {
	return rateSeries([]float64{0.55, 0.58, 0.61, 0.64, 0.67, 0.70, 0.72, 0.74, 0.76, 0.77, 0.79, 0.80, 0.81}, 118, 2)
}

// onlineDossiers: dossiers of fully-online services received online, by
// commune one-stop shop and the district's.
func onlineDossiers() (string, string) {
	path := []float64{0.44, 0.47, 0.51, 0.55, 0.58, 0.61, 0.63, 0.64, 0.65, 0.66, 0.67, 0.67, 0.68}
	r := rand.New(rand.NewPCG(7, 2))
	offset := make([]float64, len(communes)+1)
	for i := range offset {
		offset[i] = 0.12 * (r.Float64()*2 - 1)
	}
	c := newCSV(",", false, false, "ky", "don_vi", "tu_so", "mau_so", "ghi_chu")
	num0, den0 := 0, 0
	for m, month := range months {
		for i := 0; i <= len(communes); i++ {
			id, size := "van-phong-hdnd-ubnd-huyen", 320.0
			if i < len(communes) {
				id, size = communes[i].id, communes[i].pop/90
			}
			den := int(math.Round(size * (0.8 + 0.4*r.Float64())))
			num := int(math.Round(float64(den) * clamp(path[m]+offset[i]+0.04*(r.Float64()*2-1), 0, 1)))
			note := ""
			if i == len(communes) {
				note = "Bộ phận Một cửa huyện"
			}
			c.row(month, id, itoa(num), itoa(den), note)
			if m == 0 {
				num0, den0 = num0+num, den0+den
			}
		}
	}
	return c.b.String(), pct(num0, den0)
}

// fieldsToDeclare: information fields to declare on the forms reviewed; the
// plan asks for a cut of at least 20% by June.
func fieldsToDeclare() (string, string) {
	values := []int{1250, 1250, 1238, 1205, 1160, 1118, 1080, 1065, 1052, 1044, 1035, 1028, 1020}
	c := newCSV(",", false, false, "ky", "gia_tri", "ghi_chu")
	for m, month := range months {
		note := ""
		if m == 0 {
			note = "Tổng số trường thông tin trên 46 mẫu đơn, tờ khai đã rà soát"
		}
		c.row(month, itoa(values[m]), note)
	}
	return c.b.String(), itoa(values[0])
}

// socialSecurity: poor and near-poor households with a social-security
// account, by commune written by its full name; reported up to April only.
func socialSecurity() (string, string) {
	path := []float64{0.41, 0.58, 0.73, 0.86, 0.964}
	r := rand.New(rand.NewPCG(11, 5))
	households := make([]int, len(communes))
	offset := make([]float64, len(communes))
	for i, cm := range communes {
		households[i] = int(math.Round(1950 * cm.pop / population * (0.8 + 0.4*r.Float64())))
		offset[i] = 0.05 * (r.Float64()*2 - 1)
	}
	c := newCSV(",", false, false, "ky", "xa", "tu_so", "mau_so")
	num0, den0 := 0, 0
	for m, month := range months[:len(path)] {
		for i, cm := range communes {
			num := int(math.Round(float64(households[i]) * clamp(path[m]+offset[i], 0, 1)))
			c.row(month, cm.name, itoa(num), itoa(households[i]))
			if m == 0 {
				num0, den0 = num0+num, den0+households[i]
			}
		}
	}
	return c.b.String(), pct(num0, den0)
}

// digitised: units that have digitised their sector data, by quarter.
func digitised() (string, string) {
	c := newCSV(",", false, false, "ky", "tu_so", "mau_so", "ghi_chu")
	c.row("2022-Q4", "0", "28", "16 cơ quan cấp huyện và 12 xã, thị trấn")
	for q, n := range []int{6, 15, 26, 28} {
		c.row(fmt.Sprintf("2023-Q%d", q+1), itoa(n), "28", "")
	}
	return c.b.String(), "0"
}

func communeIDs() []string {
	var ids []string
	for _, c := range communes {
		ids = append(ids, c.id)
	}
	return ids
}

func pct(num, den int) string {
	return strconv.FormatFloat(float64(num)/float64(den)*100, 'f', 1, 64)
}
