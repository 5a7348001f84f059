package server

import (
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// formSite is a site under a subpath with one reporting unit and its
// weekly report.
var formSite = map[string]string{
	"config.toml":       "title = \"Thử\"\nbaseURL = \"/de-an-06/\"\n",
	"content/_index.md": "+++\ntitle = \"Trang chủ\"\n+++\nXin chào.\n",
	"data/units.toml":   "[[unit]]\nid = \"don-vi-a\"\nname = \"Đơn vị A\"\nshort = \"A\"\nkind = \"huyen\"\nreports = true\n",
	"data/services.toml": "[[sector]]\nid = \"lv\"\nname = \"Lĩnh vực\"\nnameEn = \"Sector\"\n\n" +
		"[[service]]\nid = \"dv\"\nname = \"Dịch vụ một\"\nnameEn = \"Service\"\nsector = \"lv\"\nlead = \"don-vi-a\"\nonline = \"toan-trinh\"\nde_an_06 = true\n",
	"data/reports/don-vi-a.csv": "tuan,dich_vu,tiep_nhan_truc_tuyen,tiep_nhan_truc_tiep,ky_truoc_chuyen_sang,giai_quyet_truoc_han,giai_quyet_dung_han,giai_quyet_qua_han,dang_giai_quyet_trong_han,dang_giai_quyet_qua_han,da_tra_ket_qua,khong_tiep_nhan,tra_lai_bo_sung,ngay_gui\n" +
		"2023-W10,dv,4,5,0,4,5,0,0,0,9,0,0,2023-03-13 16:52\n",
}

func TestFormOnlyInServe(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, formSite)
	s := startServer(t, dir, Options{})
	snap := s.site.Load()
	if snap == nil {
		t.Fatal("no good build")
	}
	for name := range snap.files {
		if strings.Contains(name, "nhap-lieu") {
			t.Errorf("the build wrote %s: the form belongs to serve only", name)
		}
	}
	resp, err := http.Get(s.host + "/de-an-06/nhap-lieu/?don_vi=don-vi-a&chon_tuan=2023-W11")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Security-Policy") != ContentSecurityPolicy {
		t.Fatalf("form: status %d, CSP %q", resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
	}
	token := regexp.MustCompile(`name="token" value="([0-9a-f]+)"`).FindSubmatch(body)
	if token == nil || !strings.Contains(string(body), `action="/de-an-06/nhap-lieu/"`) {
		t.Fatalf("form without token or subpath action:\n%s", body)
	}
	v := url.Values{"don_vi": {"don-vi-a"}, "chon_tuan": {"2023-W11"}, "dich_vu": {"dv"}, "ngay_gui": {"2023-03-20 08:00"},
		"tiep_nhan_truc_tuyen": {"37"}, "tiep_nhan_truc_tiep": {"1"}, "giai_quyet_dung_han": {"38"}, "da_tra_ket_qua": {"38"}}
	postForm := func(v url.Values, origin string) *http.Response {
		req, _ := http.NewRequest(http.MethodPost, s.host+"/de-an-06/nhap-lieu/", strings.NewReader(v.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", origin)
		resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	csv := filepath.Join(dir, "data/reports/don-vi-a.csv")
	before, _ := os.ReadFile(csv)
	if r := postForm(v, s.host); r.StatusCode != http.StatusForbidden {
		t.Errorf("POST without token: status %d, want 403", r.StatusCode)
	}
	v.Set("token", string(token[1]))
	if r := postForm(v, "http://evil.example"); r.StatusCode != http.StatusForbidden {
		t.Errorf("cross-origin POST: status %d, want 403", r.StatusCode)
	}
	if after, _ := os.ReadFile(csv); string(after) != string(before) {
		t.Fatal("a refused POST changed the file")
	}
	r := postForm(v, s.host)
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/de-an-06/bao-cao/2023-w11/" {
		t.Fatalf("POST: status %d, Location %q", r.StatusCode, r.Header.Get("Location"))
	}
	// The form waited for the rebuild: the week's page is there already.
	page, ok := s.site.Load().files["bao-cao/2023-w11/index.html"]
	if !ok || !strings.Contains(string(page), "37") {
		t.Errorf("the week's page is not built with the new figure (found %v)", ok)
	}
}

func TestFormPassword(t *testing.T) {
	for bind, want := range map[string]bool{"127.0.0.1": false, "localhost": false, "::1": false, "0.0.0.0": true, "192.168.1.10": true} {
		if got := formPassword(bind) != ""; got != want {
			t.Errorf("--bind %s: password %v, want %v", bind, got, want)
		}
	}
	if a, b := formPassword("0.0.0.0"), formPassword("0.0.0.0"); a == b || len(a) != 20 {
		t.Errorf("passwords %q and %q: want a new one of 20 characters each time", a, b)
	}
}
