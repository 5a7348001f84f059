package entry

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/table"
	"github.com/xuri/excelize/v2"
)

const communesTOML = unitsTOML + `
[[unit]]
id = "xa-mot"
name = "Xã Một"
short = "Một"
kind = "xa"

[[unit]]
id = "thi-tran"
name = "Thị trấn Hai"
short = "Hai"
kind = "thi-tran"
`

const indicatorsTOML = `[[indicator]]
id = "tai-khoan"
title = "Tài khoản định danh điện tử"
unit = "tài khoản"
measure = "cumulative"
frequency = "monthly"
file = "chi-tieu/tai-khoan.csv"
dimension = "commune"
baseline = { period = "2023-03", value = 100 }
lead = "don-vi-a"
source = "Thử"
illustrative = true

[[indicator.target]]
value = 500
deadline = "2023-12-31"

[[indicator]]
id = "ty-le"
title = "Tỷ lệ hồ sơ trực tuyến"
measure = "rate"
frequency = "quarterly"
file = "chi-tieu/ty-le.xlsx"
baseline = { period = "2022-Q4", value = 30 }
lead = "don-vi-a"
source = "Thử"
illustrative = true

[[indicator.target]]
value = 80
deadline = "2023-12-31"
`

const (
	accountsFile = "data/chi-tieu/tai-khoan.csv"
	accountsCSV  = "ky,xa,gia_tri,ghi_chu\n2023-04,xa-mot,120,\n2023-04,Thị trấn Hai,80,\n2023-05,xa-mot,150,\n"
	rateFile     = "data/chi-tieu/ty-le.xlsx"
)

// newIndicatorSite is newSite with two indicators: accounts by commune,
// monthly, in a CSV; a district rate, quarterly, in a workbook.
func newIndicatorSite(t *testing.T) (string, *Handler) {
	t.Helper()
	dir, h := newSite(t, "", "")
	f := excelize.NewFile()
	for i, row := range [][]any{{"Kỳ", "Tử số", "Mẫu số"}, {"2023-Q1", 40, 100}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &row)
	}
	var wb bytes.Buffer
	if _, err := f.WriteTo(&wb); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"data/units.toml":      communesTOML,
		"data/indicators.toml": indicatorsTOML,
		accountsFile:           accountsCSV,
		rateFile:               wb.String(),
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, h
}

func readFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// accounts is a filled form for the accounts of one month: Xã Một, then
// Thị trấn Hai (the communes in the order of data/units.toml).
func accounts(h *Handler, month, mot, hai string) url.Values {
	return url.Values{"token": {h.Token()}, "chi_tieu": {"tai-khoan"}, "chon_ky": {month},
		"xa": {"xa-mot", "thi-tran"}, "gia_tri": {mot, hai}, "ghi_chu": {"", ""}}
}

func TestIndicatorFormFields(t *testing.T) {
	_, h := newIndicatorSite(t)
	w := serve(h, httptest.NewRequest(http.MethodGet, "http://"+host+"/nhap-lieu/", nil))
	if !strings.Contains(w.Body.String(), `<option value="tai-khoan">Tài khoản định danh điện tử (theo tháng)</option>`) ||
		!strings.Contains(w.Body.String(), `<option value="ty-le">Tỷ lệ hồ sơ trực tuyến (theo quý)</option>`) {
		t.Errorf("the first page does not offer the indicators:\n%s", w.Body)
	}
	// A day in the month opens the month; both communes get a row, the
	// town's prefilled from the row that names it by its full name.
	w = serve(h, httptest.NewRequest(http.MethodGet, "http://"+host+"/nhap-lieu/chi-tieu?chi_tieu=tai-khoan&chon_ky=15/04/2023", nil))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d:\n%s", w.Code, w.Body)
	}
	body := w.Body.String()
	for _, want := range []string{
		`name="chon_ky" value="2023-04"`, `<legend>Xã Một</legend>`, `<legend>Thị trấn Hai</legend>`,
		`name="xa" value="xa-mot"`, `name="xa" value="thi-tran"`,
		`name="gia_tri" value="120"`, `name="gia_tri" value="80"`, `Số lũy kế (tài khoản)</label>`, `Ghi chú</label>`,
		`Kỳ này đã có trong tệp`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("form lacks %s", want)
		}
	}
	if regexp.MustCompile(`style=|<script`).MatchString(body) {
		t.Error("inline style or script: the strict CSP would block it")
	}
	w = serve(h, httptest.NewRequest(http.MethodGet, "http://"+host+"/nhap-lieu/chi-tieu?chi_tieu=ty-le&chon_ky="+url.QueryEscape("Quý II/2023"), nil))
	for _, want := range []string{`name="Tử số" value=""`, `name="Mẫu số" value=""`, `<legend>Toàn huyện</legend>`, `Kỳ này chưa có trong tệp`, "tử số ÷ mẫu số"} {
		if !strings.Contains(w.Body.String(), want) {
			t.Errorf("rate form lacks %s:\n%s", want, w.Body)
		}
	}
	for q, want := range map[string]string{
		"chi_tieu=tai-khoan&chon_ky=2023-Q2":  "không phải là một tháng",
		"chi_tieu=tai-khoan&chon_ky=2023-09":  "chưa bắt đầu",
		"chi_tieu=khong-co&chon_ky=2023-05":   "Chọn một chỉ tiêu",
		"chi_tieu=tai-khoan&chon_ky=tháng tư": "không phải là một tháng",
	} {
		w := serve(h, httptest.NewRequest(http.MethodGet, "http://"+host+"/nhap-lieu/chi-tieu?"+strings.ReplaceAll(q, " ", "+"), nil))
		if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), want) {
			t.Errorf("%s: status %d, want 422 with %q:\n%s", q, w.Code, want, w.Body)
		}
	}
}

func TestIndicatorAppendAndReplace(t *testing.T) {
	dir, h := newIndicatorSite(t)
	// A new month: Xã Một gets a row, the town left empty gets none.
	w := post(h, "/nhap-lieu/chi-tieu", accounts(h, "2023-06", "210", ""), same)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/chi-tieu/tai-khoan/" {
		t.Fatalf("status %d, Location %q:\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	appended := accountsCSV + "2023-06,xa-mot,210,\n"
	if got := string(readFile(t, dir, accountsFile)); got != appended {
		t.Errorf("after append:\n%q\nwant:\n%q", got, appended)
	}
	// The month of April again: both rows replaced in place, the town's
	// own spelling kept; May's row after them untouched.
	v := accounts(h, "4/2023", "125", "90")
	v["ghi_chu"] = []string{"", "Đã rà soát"}
	if w := post(h, "/nhap-lieu/chi-tieu", v, same); w.Code != http.StatusSeeOther {
		t.Fatalf("replace: status %d:\n%s", w.Code, w.Body)
	}
	want := "ky,xa,gia_tri,ghi_chu\n2023-04,xa-mot,125,\n2023-04,Thị trấn Hai,90,Đã rà soát\n2023-05,xa-mot,150,\n2023-06,xa-mot,210,\n"
	if got := string(readFile(t, dir, accountsFile)); got != want {
		t.Errorf("after replace:\n%q\nwant:\n%q", got, want)
	}
	if b := backups(t, dir); len(b) != 2 {
		t.Errorf("backups: %d, want one per save", len(b))
	}
}

func TestIndicatorWorkbook(t *testing.T) {
	dir, h := newIndicatorSite(t)
	v := url.Values{"token": {h.Token()}, "chi_tieu": {"ty-le"}, "chon_ky": {"2023-Q2"}, "Tử số": {"55"}, "Mẫu số": {"110"}}
	if w := post(h, "/nhap-lieu/chi-tieu", v, same); w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/chi-tieu/ty-le/" {
		t.Fatalf("status %d:\n%s", w.Code, w.Body)
	}
	tb, l := table.ReadXLSX(rateFile, readFile(t, dir, rateFile), table.Options{})
	if l.HasErrors() {
		t.Fatal(l.Format(diag.EN))
	}
	if len(tb.Rows) != 2 || tb.Rows[1].Fields[0].Text != "2023-Q2" || tb.Rows[1].Fields[1].Text != "55" || tb.Rows[1].Fields[2].Text != "110" {
		t.Errorf("rows after the save: %+v", tb.Rows)
	}
}

// TestIndicatorWorkbookDecimal: a decimal typed the Vietnamese way into
// the form reaches the workbook as a number, not as the text "55,5" that
// Excel would flag and leave out of its sums; a percentage stays as typed.
func TestIndicatorWorkbookDecimal(t *testing.T) {
	dir, h := newIndicatorSite(t)
	v := url.Values{"token": {h.Token()}, "chi_tieu": {"ty-le"}, "chon_ky": {"2023-Q2"}, "Tử số": {"55,5"}, "Mẫu số": {"110"}}
	if w := post(h, "/nhap-lieu/chi-tieu", v, same); w.Code != http.StatusSeeOther {
		t.Fatalf("status %d:\n%s", w.Code, w.Body)
	}
	tb, l := table.ReadXLSX(rateFile, readFile(t, dir, rateFile), table.Options{})
	if l.HasErrors() {
		t.Fatal(l.Format(diag.EN))
	}
	if len(tb.Rows) != 2 {
		t.Fatalf("rows after the save: %+v", tb.Rows)
	}
	if x, ok := tb.Rows[1].Fields[1].Number(); !ok || x != 55.5 {
		t.Errorf("Tử số: %q, number %v %v; want the number 55.5", tb.Rows[1].Fields[1].Text, x, ok)
	}
	if x, ok := tb.Rows[1].Fields[2].Number(); !ok || x != 110 {
		t.Errorf("Mẫu số: %q, number %v %v; want the number 110", tb.Rows[1].Fields[2].Text, x, ok)
	}
}

func TestDecimalCells(t *testing.T) {
	comma := &table.Table{DecimalComma: true}
	guessed := &table.Table{DecimalComma: true, DialectGuessed: true}
	for _, c := range []struct {
		t    *table.Table
		in   string
		want float64
		ok   bool
	}{
		{comma, "12,5", 12.5, true},
		{comma, "1.234,5", 1234.5, true},
		{comma, "0,25", 0.25, true},
		{comma, "85%", 0, false},
		{comma, "007", 0, false},
		{comma, "12.5", 0, false},
		{comma, "xa-mot", 0, false},
		{guessed, "1.234", 0, false},
		{guessed, "12,5", 12.5, true},
		{&table.Table{DialectGuessed: true}, "12,5", 12.5, true},
		{&table.Table{DialectGuessed: true}, "12.5", 12.5, true},
		{&table.Table{}, "12,5", 0, false},
	} {
		got, ok := decimal(c.t, c.in)
		if ok != c.ok || got != c.want {
			t.Errorf("decimal(%q, comma %v, guessed %v) = %v, %v; want %v, %v", c.in, c.t.DecimalComma, c.t.DialectGuessed, got, ok, c.want, c.ok)
		}
	}
}

func TestIndicatorInvalidKeepsFile(t *testing.T) {
	dir, h := newIndicatorSite(t)
	for _, c := range []struct{ mot, want, field string }{
		{"-5", "data/chi-tieu/tai-khoan.csv:5:", "o-0-2"},
		{"12,5", "phải là số nguyên", "o-0-2"},
		{"mười", "data/chi-tieu/tai-khoan.csv:5:", "o-0-2"},
	} {
		w := post(h, "/nhap-lieu/chi-tieu", accounts(h, "2023-06", c.mot, "95"), same)
		body := w.Body.String()
		if w.Code != http.StatusUnprocessableEntity || !strings.Contains(body, c.want) || !strings.Contains(body, "Tệp vẫn giữ nguyên") {
			t.Errorf("%s: status %d, want 422 with %q:\n%s", c.mot, w.Code, c.want, body)
		}
		if !strings.Contains(body, `value="`+c.mot+`"`) || !strings.Contains(body, `<a href="#`+c.field+`">`) ||
			!regexp.MustCompile(`id="`+c.field+`" name="gia_tri" [^>]*aria-invalid="true"`).MatchString(body) {
			t.Errorf("%s: the error is not tied to its field:\n%s", c.mot, body)
		}
	}
	// Rate: a numerator over the denominator, in the workbook.
	rate := readFile(t, dir, rateFile)
	v := url.Values{"token": {h.Token()}, "chi_tieu": {"ty-le"}, "chon_ky": {"2023-Q2"}, "Tử số": {"120"}, "Mẫu số": {"110"}}
	if w := post(h, "/nhap-lieu/chi-tieu", v, same); w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "data/chi-tieu/ty-le.xlsx: Sheet1!B3") {
		t.Errorf("rate over 100%%: status %d:\n%s", w.Code, w.Body)
	}
	// Nothing typed is nothing to save.
	if w := post(h, "/nhap-lieu/chi-tieu", accounts(h, "2023-06", "", ""), same); w.Code != http.StatusUnprocessableEntity {
		t.Errorf("empty form: status %d, want 422", w.Code)
	}
	// A form whose communes no longer match is refused.
	stale := accounts(h, "2023-06", "1", "2")
	stale["xa"] = []string{"xa-mot"}
	if w := post(h, "/nhap-lieu/chi-tieu", stale, same); w.Code != http.StatusBadRequest {
		t.Errorf("stale form: status %d, want 400", w.Code)
	}
	if got := readFile(t, dir, accountsFile); !bytes.Equal(got, []byte(accountsCSV)) {
		t.Errorf("file changed:\n%q", got)
	}
	if got := readFile(t, dir, rateFile); !bytes.Equal(got, rate) {
		t.Error("workbook changed")
	}
	if b := backups(t, dir); len(b) != 0 {
		t.Errorf("backups made for refused submissions: %d", len(b))
	}
}

func TestIndicatorRefusedPosts(t *testing.T) {
	dir, h := newIndicatorSite(t)
	noToken := accounts(h, "2023-06", "210", "")
	noToken.Del("token")
	for name, c := range map[string]struct {
		v   url.Values
		hdr map[string]string
	}{
		"no token":     {noToken, same},
		"other origin": {accounts(h, "2023-06", "210", ""), map[string]string{"Origin": "http://evil.example"}},
	} {
		if w := post(h, "/nhap-lieu/chi-tieu", c.v, c.hdr); w.Code != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403", name, w.Code)
		}
	}
	if got := readFile(t, dir, accountsFile); !bytes.Equal(got, []byte(accountsCSV)) {
		t.Errorf("file changed by a refused POST:\n%q", got)
	}
}
