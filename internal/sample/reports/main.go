// Command reports writes the sample site's weekly reports,
// data/reports/<unit>.csv: illustrative figures for the services each
// reporting unit leads, ISO weeks 2023-W10 to 2023-W52. Run it from the
// repository root:
//
//	go run ./internal/sample/reports [-root .]
//
// go test ./internal/sample/... fails when data/reports/ is not what this
// command writes.
//
// The output depends only on data/units.toml, data/services.toml and the
// tables below: the random numbers come from a fixed seed, and nothing uses
// floating-point functions whose last bit may differ between machines.
//
// What the figures show, on purpose:
//   - the share of dossiers received online rises from about 40% in March
//     to about 80% in December, unevenly;
//   - a few dossiers are late, with reasons spelt in several ways, and a
//     few are refused or returned for supplements;
//   - a few reports are late or missing: Phòng Tài nguyên và Môi trường
//     never sent its report on 2023-W25, due Tuesday 27/06/2023 09:00, and
//     Chi cục Thuế sent it at 14:20 that day (see lateOrMissing);
//   - the files are kept as different offices keep them: one separated by
//     ';', two with Vietnamese headers, one saved by Excel with a byte
//     order mark and CRLF, one naming services by their short names and
//     one by the day the report was due instead of the ISO week.
package main

import (
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/report"
)

const (
	firstWeek = 10
	lastWeek  = 52 // the figures are shaped over W10–W52 …
	// … but written only up to W25: the sample site is judged at 30/06/2023
	// (asOf in config.toml), and W26's reports were due on 04/07/2023, so
	// no later row could be in data/ on that day.
	lastWritten = 25
	year        = 2023
	seed        = 0x06_2023_0321 // the plan's date
)

// profile is how a service behaves in the sample.
type profile struct {
	mean       float64 // dossiers received in an ordinary week
	from, to   float64 // online share in March and in December
	pending    float64 // share of the week's dossiers still open at its end
	stuck      float64 // share of carried-over dossiers still open, now overdue
	late       float64 // share of resolved dossiers resolved late
	lateReason []string
}

var (
	verify  = []string{"Hồ sơ cần xác minh thêm", "Hồ sơ cần xác minh thêm.", "hồ sơ cần xác minh thêm", "Chờ kết quả liên thông", "Chờ kết quả liên thông."}
	land    = []string{"Chờ kết quả đo đạc, xác minh nguồn gốc đất", "Hồ sơ cần xác minh thêm", "Chờ ý kiến của cơ quan thuế", "Chờ kết quả đo đạc, xác minh nguồn gốc đất."}
	benefit = []string{"Chờ xác nhận quá trình đóng bảo hiểm thất nghiệp", "Hồ sơ cần xác minh thêm"}
)

var profiles = map[string]profile{
	"xac-nhan-so-cmnd":               {mean: 12, from: .45, to: .92, pending: .05, late: .005, lateReason: verify},
	"cap-lai-doi-the-cccd":           {mean: 16, from: .20, to: .60, pending: .30, late: .01, lateReason: verify},
	"dang-ky-thuong-tru":             {mean: 14, from: .35, to: .85, pending: .25, stuck: .05, late: .02, lateReason: verify},
	"dang-ky-tam-tru":                {mean: 8, from: .40, to: .88, pending: .20, late: .01, lateReason: verify},
	"khai-bao-tam-vang":              {mean: 3, from: .40, to: .85, pending: .05, late: .005, lateReason: verify},
	"thong-bao-luu-tru":              {mean: 30, from: .66, to: .97, late: 0},
	"dang-ky-bien-so-mo-to":          {mean: 18, from: .20, to: .62, pending: .10, late: .005, lateReason: verify},
	"nop-phat-vi-pham-giao-thong":    {mean: 4, from: .30, to: .80, pending: .05, late: 0},
	"ho-chieu-pho-thong":             {mean: 6, from: .35, to: .82, pending: .50, stuck: .05, late: .02, lateReason: verify},
	"phieu-ly-lich-tu-phap":          {mean: 5, from: .40, to: .86, pending: .45, stuck: .05, late: .02, lateReason: verify},
	"con-dau-moi":                    {mean: 1, from: .10, to: .50, pending: .30, late: 0},
	"con-dau-thu-nho":                {mean: .3, from: 0, to: .40, pending: .30, late: 0},
	"cap-doi-giay-phep-lai-xe":       {mean: 5, from: .40, to: .85, pending: .30, late: .01, lateReason: verify},
	"dang-ky-khai-sinh":              {mean: 12, from: .35, to: .85, pending: .15, late: .01, lateReason: verify},
	"dang-ky-khai-tu":                {mean: 6, from: .30, to: .80, pending: .10, late: .01, lateReason: verify},
	"dang-ky-ket-hon":                {mean: 9, from: .20, to: .62, pending: .15, late: .01, lateReason: verify},
	"lien-thong-khai-sinh":           {mean: 9, from: .40, to: .90, pending: .30, stuck: .10, late: .04, lateReason: verify},
	"lien-thong-khai-tu":             {mean: 3, from: .30, to: .85, pending: .30, stuck: .10, late: .04, lateReason: verify},
	"dang-ky-bien-dong-dat-dai":      {mean: 22, from: .22, to: .55, pending: .60, stuck: .15, late: .05, lateReason: land},
	"cap-dien-moi":                   {mean: 8, from: .50, to: .95, pending: .25, late: .01, lateReason: []string{"Chờ thỏa thuận vị trí đặt công tơ", "Hồ sơ cần xác minh thêm"}},
	"thay-doi-chu-the-hop-dong-dien": {mean: 4, from: .45, to: .92, pending: .10, late: 0},
	"dang-ky-du-thi-thpt":            {from: .80, to: .80, late: 0}, // seasonal: see examWeeks
	"tro-cap-that-nghiep":            {mean: 4, from: .15, to: .55, pending: .70, stuck: .10, late: .04, lateReason: benefit},
	"gia-han-bhyt-ho-gia-dinh":       {mean: 30, from: .36, to: .82, pending: .05, late: .005, lateReason: []string{"Chờ đối chiếu danh sách hộ gia đình", "Hồ sơ cần xác minh thêm"}},
	"dang-ky-thue-ho-ca-nhan":        {mean: 6, from: .45, to: .90, pending: .15, late: .01, lateReason: verify},
}

// examWeeks: registrations for the 2023 upper-secondary exam (10–20 April)
// and for admissions (July).
var examWeeks = map[int]struct {
	n      int
	online float64
}{15: {64, .80}, 16: {45, .85}, 28: {12, .95}, 29: {22, .97}, 30: {18, .97}}

// quiet weeks have public holidays: Hùng Kings (29/4–3/5) and National Day
// (1–4/9).
var quiet = map[int]float64{17: .6, 18: .5, 35: .8, 36: .6}

// Reasons as staff type them: the same words in other case or with a
// stray space count as one reason (package report). None ends with a full
// stop, since the page writes the most common spelling before ": N".
var (
	notAccepted = []string{"Sai mẫu tờ khai", "Sai mẫu tờ khai ", "sai mẫu tờ khai", "Nộp sai thủ tục", "Nộp trùng hồ sơ"}
	supplements = []string{"Thiếu giấy tờ chứng minh", "Thiếu giấy tờ chứng minh ", "Thiếu giấy tờ chứng minh nơi cư trú",
		"Thông tin kê khai chưa khớp với Cơ sở dữ liệu quốc gia về dân cư", "thiếu giấy tờ chứng minh"}
)

// lateOrMissing lists the reports that were not on time: when they were
// sent (zero: never). Every other report is sent on Monday afternoon or on
// Tuesday before 09:00.
var lateOrMissing = map[string]map[int]time.Time{
	"phong-tai-nguyen-moi-truong": {25: {}, 33: {}, 41: at(10, 17, 10, 40)}, // W41 due 17/10
	"chi-cuc-thue-thach-ha-loc-ha": {
		25: at(6, 27, 14, 20), // the week before 30/06: sent at 14:20 on the Tuesday it was due
		47: at(11, 28, 9, 35),
	},
	"phong-lao-dong-tbxh":    {18: {}, 36: {}},
	"bhxh-huyen":             {12: at(3, 28, 10, 5)},
	"dien-luc-loc-ha":        {21: at(5, 30, 15, 45)},
	"phong-giao-duc-dao-tao": {40: at(10, 11, 8, 0)}, // the Wednesday after
	"phong-tu-phap":          {44: at(11, 7, 9, 20)},
}

func at(m time.Month, d, hh, mm int) time.Time {
	return time.Date(year, m, d, hh, mm, 0, 0, vietnam)
}

var vietnam = time.FixedZone("Asia/Ho_Chi_Minh", 7*3600)

// dialect is how one office keeps its file.
type dialect struct {
	comma      rune
	bom, crlf  bool
	vietnamese bool   // headers with marks
	service    string // "id", "short" or "name"
	week       string // "iso" or "due"
	sent       string // time layout of ngay_gui
}

var dialects = map[string]dialect{
	"cong-an-huyen":                {comma: ',', service: "id", week: "iso", sent: "2006-01-02 15:04"},
	"phong-tu-phap":                {comma: ';', service: "short", week: "iso", sent: "02/01/2006 15:04"},
	"phong-tai-nguyen-moi-truong":  {comma: ',', bom: true, crlf: true, vietnamese: true, service: "name", week: "due", sent: "02/01/2006 15:04"},
	"phong-giao-duc-dao-tao":       {comma: ',', service: "id", week: "iso", sent: "2006-01-02 15:04"},
	"phong-lao-dong-tbxh":          {comma: ';', vietnamese: true, service: "name", week: "iso", sent: "02/01/2006 15:04"},
	"chi-cuc-thue-thach-ha-loc-ha": {comma: ',', service: "id", week: "iso", sent: "2006-01-02 15:04"},
	"bhxh-huyen":                   {comma: ',', service: "id", week: "due", sent: "2006-01-02 15:04"},
	"dien-luc-loc-ha":              {comma: ',', service: "short", week: "iso", sent: "2006-01-02 15:04"},
}

var vietnameseHeader = []string{"Tuần", "Dịch vụ", "Tiếp nhận trực tuyến", "Tiếp nhận trực tiếp", "Kỳ trước chuyển sang",
	"Giải quyết trước hạn", "Giải quyết đúng hạn", "Giải quyết quá hạn", "Đang giải quyết trong hạn", "Đang giải quyết quá hạn",
	"Đã trả kết quả", "Không tiếp nhận", "Trả lại bổ sung", "Lý do quá hạn", "Lý do không tiếp nhận", "Lý do trả lại", "Ngày gửi"}

func main() {
	root := flag.String("root", ".", "the site's root directory")
	flag.Parse()
	out, err := files(os.DirFS(*root))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range out {
		name := filepath.Join(*root, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(f.text), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// file is one report file, named from the site root.
type file struct {
	name, text string
}

// files makes the report file of every reporting unit of the site in
// root, from its data/units.toml and data/services.toml.
func files(root fs.FS) ([]file, error) {
	units, err := fs.ReadFile(root, data.UnitsFile)
	if err != nil {
		return nil, err
	}
	services, err := fs.ReadFile(root, data.ServicesFile)
	if err != nil {
		return nil, err
	}
	l := &diag.List{}
	us := data.ParseUnits(data.UnitsFile, units, l)
	ss := data.ParseServices(data.ServicesFile, services, us, l)
	if l.HasErrors() {
		return nil, errors.New(l.Format(diag.EN))
	}
	var out []file
	for _, u := range us.All {
		if !u.Reports {
			continue
		}
		d, ok := dialects[u.ID]
		if !ok {
			return nil, fmt.Errorf("no dialect for %s", u.ID)
		}
		text, err := unitFile(u.ID, ss.LedBy(u.ID), d)
		if err != nil {
			return nil, err
		}
		out = append(out, file{data.ReportFile(u.ID), text})
	}
	return out, nil
}

// unitFile simulates a unit's services week by week and writes the weeks
// it reported.
func unitFile(unit string, svcs []data.Service, d dialect) (string, error) {
	rng := newRand(seed ^ hash(unit))
	var b strings.Builder
	if d.bom {
		b.WriteString("\uFEFF")
	}
	w := csv.NewWriter(&b)
	w.Comma, w.UseCRLF = d.comma, d.crlf
	header := strings.Split(report.Header, ",")
	if d.vietnamese {
		header = vietnameseHeader
	}
	if err := w.Write(header); err != nil {
		return "", err
	}
	carried := map[string]int{}
	for n := firstWeek; n <= lastWeek; n++ {
		week, _ := period.New(period.Week, year, n)
		sent, reported := sentAt(rng, unit, week)
		for _, s := range svcs {
			rec := simulate(rng, s.ID, n, carried)
			if !reported || n > lastWritten {
				continue
			}
			rec[0] = weekCell(week, d)
			rec[1] = map[string]string{"id": s.ID, "short": s.Short, "name": s.Name}[d.service]
			rec = append(rec, sent.Format(d.sent))
			if err := w.Write(rec); err != nil {
				return "", err
			}
		}
	}
	w.Flush()
	return b.String(), w.Error()
}

func weekCell(week period.Period, d dialect) string {
	if d.week == "due" {
		return report.DefaultRule().Due(week).Format("02/01/2006")
	}
	return week.String()
}

// sentAt is when unit sent its report on week; ok is false if it never did.
func sentAt(rng *rand, unit string, week period.Period) (time.Time, bool) {
	if t, listed := lateOrMissing[unit][week.N]; listed {
		return t, !t.IsZero()
	}
	due := report.DefaultRule().Due(week)
	if rng.float() < .55 { // Monday afternoon, 14:00–17:30
		return due.Add(-19*time.Hour + time.Duration(rng.intn(211))*time.Minute), true
	}
	return due.Add(-90*time.Minute + time.Duration(rng.intn(86))*time.Minute), true // 07:30–08:55
}

// simulate makes the figures of service id in week n; carried holds each
// service's dossiers still open at the end of the week before. The
// record's first two cells and ngay_gui are left to the caller.
func simulate(rng *rand, id string, n int, carried map[string]int) []string {
	p := profiles[id]
	t := float64(n-firstWeek) / float64(lastWeek-firstWeek)
	share := p.from + (p.to-p.from)*t*(2-t) + rng.noise(.06)
	received := 0
	if id == "dang-ky-du-thi-thpt" {
		e := examWeeks[n]
		received, share = e.n, e.online+rng.noise(.03)
	} else {
		mean := p.mean
		if f, ok := quiet[n]; ok {
			mean *= f
		}
		received = rng.poisson(mean)
	}
	share = min(max(share, 0), 1)
	online := rng.binomial(received, share)
	carry := carried[id]

	stillOpen := rng.binomial(carry, p.stuck) // carried over and still open: overdue
	newOpen := rng.binomial(received, p.pending)
	resolved := received + carry - stillOpen - newOpen
	late := rng.binomial(resolved, p.late)
	early := rng.binomial(resolved-late, .62)
	onTime := resolved - late - early
	returned := resolved - rng.binomial(resolved, .03)
	refused := rng.binomial(online, .025)
	supplement := rng.binomial(received, .035)
	carried[id] = stillOpen + newOpen

	var lateWhy, refusedWhy, supplementWhy string
	if late+stillOpen > 0 && len(p.lateReason) > 0 {
		lateWhy = p.lateReason[rng.intn(len(p.lateReason))]
	} else if late+stillOpen > 0 {
		lateWhy = "Hồ sơ cần xác minh thêm"
	}
	if refused > 0 {
		refusedWhy = notAccepted[rng.intn(len(notAccepted))]
	}
	if supplement > 0 {
		supplementWhy = supplements[rng.intn(len(supplements))]
	}
	return []string{"", "",
		itoa(online), itoa(received - online), itoa(carry),
		itoa(early), itoa(onTime), itoa(late),
		itoa(newOpen), itoa(stillOpen),
		itoa(returned), itoa(refused), itoa(supplement),
		lateWhy, refusedWhy, supplementWhy}
}

func itoa(n int) string { return fmt.Sprint(n) }

// rand is splitmix64: small, fast, and the same on every machine.
type rand struct{ x uint64 }

func newRand(seed uint64) *rand { return &rand{seed} }

func (r *rand) next() uint64 {
	r.x += 0x9e3779b97f4a7c15
	z := r.x
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

func (r *rand) float() float64 { return float64(r.next()>>11) / (1 << 53) }

func (r *rand) intn(n int) int { return int(r.next() % uint64(n)) }

// noise is roughly normal with standard deviation sd: the sum of four
// uniform numbers, centred and scaled.
func (r *rand) noise(sd float64) float64 {
	s := r.float() + r.float() + r.float() + r.float() - 2
	return s * sd * 1.7320508075688772 // √(12/4)
}

func (r *rand) binomial(n int, p float64) int {
	k := 0
	for range n {
		if r.float() < p {
			k++
		}
	}
	return k
}

// poisson is approximated by a binomial with four times the mean trials:
// no exponential, so the same on every machine.
func (r *rand) poisson(mean float64) int {
	n := int(mean*4 + .5)
	return r.binomial(n, .25)
}

func hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}
