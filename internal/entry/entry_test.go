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

	"github.com/tiendo/tiendo/internal/config"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/table"
	"github.com/xuri/excelize/v2"
)

const (
	host   = "127.0.0.1:1313"
	origin = "http://" + host
	file   = "data/reports/don-vi-a.csv"
)

const unitsTOML = `[[unit]]
id = "don-vi-a"
name = "Đơn vị A"
short = "A"
kind = "huyen"
reports = true

[[unit]]
id = "don-vi-b"
name = "Đơn vị B"
short = "B"
kind = "huyen"
`

const servicesTOML = `[[sector]]
id = "linh-vuc"
name = "Lĩnh vực"
nameEn = "Sector"

[[service]]
id = "dich-vu-mot"
name = "Dịch vụ một"
nameEn = "Service one"
sector = "linh-vuc"
lead = "don-vi-a"
online = "toan-trinh"
de_an_06 = true

[[service]]
id = "dich-vu-hai"
name = "Dịch vụ hai"
nameEn = "Service two"
sector = "linh-vuc"
lead = "don-vi-a"
online = "mot-phan"
de_an_06 = false
`

// reportCSV is a report kept the way Excel saves "CSV UTF-8" in a
// Vietnamese locale: a byte order mark, semicolons, CRLF.
const reportCSV = "\uFEFFtuan;dich_vu;tiep_nhan_truc_tuyen;tiep_nhan_truc_tiep;ky_truoc_chuyen_sang;giai_quyet_truoc_han;giai_quyet_dung_han;giai_quyet_qua_han;dang_giai_quyet_trong_han;dang_giai_quyet_qua_han;da_tra_ket_qua;khong_tiep_nhan;tra_lai_bo_sung;ly_do_tra_lai;ngay_gui\r\n" +
	"2023-W10;dich-vu-mot;4;5;0;4;5;0;0;0;9;0;0;;2023-03-13 16:52\r\n" +
	"2023-W10;Dịch vụ hai;3;1;0;2;2;0;0;0;4;0;0;;2023-03-13 16:52\r\n"

// newSite writes a small site and returns its folder and a form on it.
func newSite(t *testing.T, report string, password string) (string, *Handler) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"config.toml":        "title = \"Thử\"\nbaseURL = \"/\"\nasOf = \"2023-06-30\"\n",
		"data/units.toml":    unitsTOML,
		"data/services.toml": servicesTOML,
	}
	if report != "" {
		files[file] = report
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := config.Parse("config.toml", []byte(files["config.toml"]), &diag.List{})
	now, _ := config.ParseMoment(cfg.AsOf, cfg.Location)
	s := &site.Site{Config: cfg, Now: now}
	return dir, New(Config{Source: dir, Lang: diag.VI, Password: password, Site: func() (*site.Site, string) { return s, "/" }})
}

func serve(h *Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	r.Host = host
	h.ServeHTTP(w, r, strings.TrimPrefix(r.URL.Path, "/"+Path))
	return w
}

func post(h *Handler, path string, v url.Values, hdr map[string]string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, "http://"+host+path, strings.NewReader(v.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, val := range hdr {
		r.Header.Set(k, val)
	}
	return serve(h, r)
}

// week is a filled form for don-vi-a's week: service one gets online,
// everything else balances.
func week(h *Handler, w, online string) url.Values {
	v := url.Values{"token": {h.Token()}, "don_vi": {"don-vi-a"}, "chon_tuan": {w},
		"dich_vu": {"dich-vu-mot", "dich-vu-hai"}, "ngay_gui": {"2023-03-21 08:00"}}
	set := func(k, a, b string) { v[k] = []string{a, b} }
	set("tiep_nhan_truc_tuyen", online, "2")
	set("tiep_nhan_truc_tiep", "1", "1")
	set("ky_truoc_chuyen_sang", "0", "0")
	set("giai_quyet_truoc_han", "1", "3")
	set("giai_quyet_dung_han", "", "0")
	set("giai_quyet_qua_han", "0", "0")
	set("dang_giai_quyet_trong_han", online, "0")
	set("dang_giai_quyet_qua_han", "0", "0")
	set("da_tra_ket_qua", "1", "3")
	set("khong_tiep_nhan", "0", "0")
	set("tra_lai_bo_sung", "0", "0")
	set("ly_do_tra_lai", "", "")
	return v
}

var same = map[string]string{"Origin": origin}

func read(t *testing.T, dir string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func backups(t *testing.T, dir string) [][]byte {
	entries, _ := os.ReadDir(filepath.Join(dir, ".tiendo-cache", "backup"))
	var out [][]byte
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, ".tiendo-cache", "backup", e.Name()))
		out = append(out, b)
	}
	return out
}

func TestFormFields(t *testing.T) {
	_, h := newSite(t, reportCSV, "")
	w := serve(h, httptest.NewRequest(http.MethodGet, "http://"+host+"/nhap-lieu/?don_vi=don-vi-a&chon_tuan=2023-W10", nil))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d:\n%s", w.Code, w.Body)
	}
	body := w.Body.String()
	for _, want := range []string{
		`name="tiep_nhan_truc_tuyen" value="4"`, `name="tiep_nhan_truc_tuyen" value="3"`, // both services, pre-filled
		`name="dich_vu" value="dich-vu-hai"`, `name="ngay_gui" value="2023-03-13 16:52"`,
		`Tiếp nhận trực tuyến (hồ sơ)</label>`, `<legend>Dịch vụ hai</legend>`, `name="token" value="` + h.Token() + `"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("form lacks %s", want)
		}
	}
	// Every label names an input, and every CSV column has a field.
	for _, col := range strings.Split(strings.TrimPrefix(strings.SplitN(reportCSV, "\r\n", 2)[0], "\uFEFF"), ";") {
		if col != "tuan" && !strings.Contains(body, `name="`+col+`"`) {
			t.Errorf("no field named %s", col)
		}
	}
	if regexp.MustCompile(`style=|<script`).MatchString(body) {
		t.Error("inline style or script: the strict CSP would block it")
	}
}

func TestAppendWeek(t *testing.T) {
	dir, h := newSite(t, reportCSV, "")
	w := post(h, "/nhap-lieu/", week(h, "2023-W11", "5"), same)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/bao-cao/2023-w11/" {
		t.Fatalf("status %d, Location %q:\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	want := reportCSV +
		"2023-W11;dich-vu-mot;5;1;0;1;;0;5;0;1;0;0;;2023-03-21 08:00\r\n" +
		"2023-W11;dich-vu-hai;2;1;0;3;0;0;0;0;3;0;0;;2023-03-21 08:00\r\n"
	if got := string(read(t, dir)); got != want {
		t.Errorf("file:\n%q\nwant:\n%q", got, want)
	}
	if b := backups(t, dir); len(b) != 1 || string(b[0]) != reportCSV {
		t.Errorf("backups: %q, want the previous file", b)
	}
}

func TestReplaceWeek(t *testing.T) {
	dir, h := newSite(t, reportCSV, "")
	w := post(h, "/nhap-lieu/", week(h, "2023-W10", "7"), same)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("status %d:\n%s", w.Code, w.Body)
	}
	lines := strings.Split(string(read(t, dir)), "\r\n")
	want := []string{
		strings.SplitN(reportCSV, "\r\n", 2)[0],
		"2023-W10;dich-vu-mot;7;1;0;1;;0;7;0;1;0;0;;2023-03-21 08:00",
		"2023-W10;Dịch vụ hai;2;1;0;3;0;0;0;0;3;0;0;;2023-03-21 08:00", // its own spelling of the service kept
		"",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("file:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// A week in the middle of the file is replaced where it is; the rows
// after it keep every byte.
func TestReplaceMiddle(t *testing.T) {
	dir, h := newSite(t, reportCSV, "")
	if w := post(h, "/nhap-lieu/", week(h, "2023-W11", "5"), same); w.Code != http.StatusSeeOther {
		t.Fatalf("append: status %d", w.Code)
	}
	appended := string(read(t, dir))
	if w := post(h, "/nhap-lieu/", week(h, "2023-W10", "9"), same); w.Code != http.StatusSeeOther {
		t.Fatalf("replace: status %d:\n%s", w.Code, w.Body)
	}
	got := string(read(t, dir))
	tail := appended[strings.Index(appended, "2023-W11"):]
	if !strings.HasSuffix(got, tail) || !strings.Contains(got, "\r\n2023-W10;dich-vu-mot;9;") || strings.Count(got, "\r\n") != 5 {
		t.Errorf("file:\n%q", got)
	}
	if b := backups(t, dir); len(b) != 2 || string(b[0]) != reportCSV && string(b[1]) != reportCSV {
		t.Errorf("want one backup per save, got %d", len(b))
	}
}

// A form whose services no longer match the unit's is refused.
func TestStaleForm(t *testing.T) {
	dir, h := newSite(t, reportCSV, "")
	v := week(h, "2023-W11", "5")
	v["dich_vu"] = []string{"dich-vu-mot"}
	if w := post(h, "/nhap-lieu/", v, same); w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "Biểu mẫu đã cũ") {
		t.Errorf("status %d:\n%s", w.Code, w.Body)
	}
	if got := read(t, dir); !bytes.Equal(got, []byte(reportCSV)) {
		t.Errorf("file changed:\n%q", got)
	}
}

func TestInvalidKeepsFile(t *testing.T) {
	dir, h := newSite(t, reportCSV, "")
	for _, c := range []struct{ online, want string }{
		{"-3", "data/reports/don-vi-a.csv:4:"},
		{"2,5", "không phải số nguyên"},
		{"mười", "data/reports/don-vi-a.csv:4:"},
	} {
		w := post(h, "/nhap-lieu/", week(h, "2023-W11", c.online), same)
		if w.Code != http.StatusUnprocessableEntity {
			t.Errorf("%s: status %d, want 422", c.online, w.Code)
		}
		if !strings.Contains(w.Body.String(), c.want) || !strings.Contains(w.Body.String(), "Tệp vẫn giữ nguyên") {
			t.Errorf("%s: the answer lacks %q:\n%s", c.online, c.want, w.Body)
		}
		if !strings.Contains(w.Body.String(), `value="`+c.online+`"`) {
			t.Errorf("%s: the form does not show what was typed", c.online)
		}
		// The message links to its field, which is marked invalid and
		// described by it.
		if !strings.Contains(w.Body.String(), `<a href="#o-0-2"><code>data/reports/don-vi-a.csv:4:`) ||
			!regexp.MustCompile(`id="o-0-2" name="tiep_nhan_truc_tuyen" [^>]*aria-describedby="goi-y-so loi-1" aria-invalid="true"`).MatchString(w.Body.String()) {
			t.Errorf("%s: the error is not tied to its field:\n%s", c.online, w.Body)
		}
	}
	if got := read(t, dir); !bytes.Equal(got, []byte(reportCSV)) {
		t.Errorf("file changed:\n%q", got)
	}
	if b := backups(t, dir); len(b) != 0 {
		t.Errorf("backups made for refused submissions: %d", len(b))
	}
}

func TestRefusedPosts(t *testing.T) {
	dir, h := newSite(t, reportCSV, "")
	noToken := week(h, "2023-W11", "5")
	noToken.Del("token")
	wrong := week(h, "2023-W11", "5")
	wrong.Set("token", strings.Repeat("0", 64))
	other := New(Config{Source: dir}) // another serve process
	stale := week(h, "2023-W11", "5")
	stale.Set("token", other.Token())
	for name, c := range map[string]struct {
		v   url.Values
		hdr map[string]string
	}{
		"no token":         {noToken, same},
		"wrong token":      {wrong, same},
		"old token":        {stale, same},
		"other origin":     {week(h, "2023-W11", "5"), map[string]string{"Origin": "http://evil.example"}},
		"other port":       {week(h, "2023-W11", "5"), map[string]string{"Origin": "http://127.0.0.1:8080"}},
		"other referer":    {week(h, "2023-W11", "5"), map[string]string{"Referer": "http://evil.example/nhap-lieu/"}},
		"no origin at all": {week(h, "2023-W11", "5"), nil},
	} {
		w := post(h, "/nhap-lieu/", c.v, c.hdr)
		if w.Code != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403", name, w.Code)
		}
	}
	if got := read(t, dir); !bytes.Equal(got, []byte(reportCSV)) {
		t.Errorf("file changed by a refused POST:\n%q", got)
	}
	// The same page's Referer, without Origin, is enough.
	if w := post(h, "/nhap-lieu/", week(h, "2023-W11", "5"), map[string]string{"Referer": origin + "/nhap-lieu/?don_vi=don-vi-a"}); w.Code != http.StatusSeeOther {
		t.Errorf("same-origin Referer: status %d, want 303", w.Code)
	}
}

func TestPassword(t *testing.T) {
	dir, h := newSite(t, reportCSV, "mat-khau-thu")
	if w := serve(h, httptest.NewRequest(http.MethodGet, "http://"+host+"/nhap-lieu/", nil)); !strings.Contains(w.Body.String(), `name="mat_khau"`) || strings.Contains(w.Body.String(), "don_vi") {
		t.Fatalf("without a login the form should ask for the password only:\n%s", w.Body)
	}
	if w := post(h, "/nhap-lieu/", week(h, "2023-W11", "5"), same); w.Code != http.StatusForbidden {
		t.Errorf("POST without login: status %d, want 403", w.Code)
	}
	login := url.Values{"token": {h.Token()}, "mat_khau": {"sai"}}
	if w := post(h, "/nhap-lieu/dang-nhap", login, same); w.Code != http.StatusForbidden || len(w.Result().Cookies()) != 0 {
		t.Errorf("wrong password: status %d, cookies %v", w.Code, w.Result().Cookies())
	}
	login.Set("mat_khau", "mat-khau-thu")
	if w := post(h, "/nhap-lieu/dang-nhap", login, map[string]string{"Origin": "http://evil.example"}); w.Code != http.StatusForbidden {
		t.Errorf("login from another origin: status %d, want 403", w.Code)
	}
	w := post(h, "/nhap-lieu/dang-nhap", login, same)
	cookies := w.Result().Cookies()
	if w.Code != http.StatusSeeOther || len(cookies) != 1 {
		t.Fatalf("login: status %d, cookies %v", w.Code, cookies)
	}
	c := cookies[0]
	if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/nhap-lieu/" {
		t.Errorf("cookie %+v: want HttpOnly, SameSite=Strict, Path=/nhap-lieu/", c)
	}
	v := week(h, "2023-W11", "5")
	r := httptest.NewRequest(http.MethodPost, "http://"+host+"/nhap-lieu/", strings.NewReader(v.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Origin", origin)
	r.AddCookie(c)
	if w := serve(h, r); w.Code != http.StatusSeeOther {
		t.Errorf("POST after login: status %d:\n%s", w.Code, w.Body)
	}
	if !strings.Contains(string(read(t, dir)), "2023-W11;dich-vu-mot;5") {
		t.Error("the week was not written after login")
	}
	// A cookie forged without the process's secret does not log in.
	r = httptest.NewRequest(http.MethodGet, "http://"+host+"/nhap-lieu/", nil)
	r.AddCookie(&http.Cookie{Name: cookieName, Value: strings.Repeat("a", 64)})
	if w := serve(h, r); !strings.Contains(w.Body.String(), `name="mat_khau"`) {
		t.Error("a forged cookie opened the form")
	}
}

func TestNewFileAndFutureWeek(t *testing.T) {
	dir, h := newSite(t, "", "")
	if w := post(h, "/nhap-lieu/", week(h, "2023-W11", "5"), same); w.Code != http.StatusSeeOther {
		t.Fatalf("status %d:\n%s", w.Code, w.Body)
	}
	got := string(read(t, dir))
	if !strings.HasPrefix(got, "tuan,dich_vu,") || !strings.Contains(got, "\n2023-W11,dich-vu-hai,2,1,") {
		t.Errorf("new file:\n%s", got)
	}
	w := serve(h, httptest.NewRequest(http.MethodGet, "http://"+host+"/nhap-lieu/?don_vi=don-vi-a&chon_tuan=2023-W30", nil))
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "chưa bắt đầu") {
		t.Errorf("a week after asOf: status %d:\n%s", w.Code, w.Body)
	}
}

func TestWorkbook(t *testing.T) {
	dir, h := newSite(t, "", "")
	f := excelize.NewFile()
	rows := [][]any{}
	for _, line := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(reportCSV, "\uFEFF"), "\r\n"), "\r\n") {
		var row []any
		for _, c := range strings.Split(line, ";") {
			row = append(row, c)
		}
		rows = append(rows, row)
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &row)
	}
	xlsx := filepath.Join(dir, "data/reports/don-vi-a.xlsx")
	os.MkdirAll(filepath.Dir(xlsx), 0o755)
	if err := f.SaveAs(xlsx); err != nil {
		t.Fatal(err)
	}
	if w := post(h, "/nhap-lieu/", week(h, "2023-W11", "6"), same); w.Code != http.StatusSeeOther {
		t.Fatalf("status %d:\n%s", w.Code, w.Body)
	}
	raw, err := os.ReadFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	tb, l := table.ReadXLSX("data/reports/don-vi-a.xlsx", raw, table.Options{})
	if l.HasErrors() {
		t.Fatal(l.Format(diag.EN))
	}
	if len(tb.Rows) != 4 || tb.Rows[2].Fields[0].Text != "2023-W11" || tb.Rows[2].Fields[2].Text != "6" {
		t.Errorf("rows after the save: %+v", tb.Rows)
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(file))); err == nil {
		t.Error("a CSV was written beside the workbook")
	}
}
