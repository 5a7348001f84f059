package entry

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// upload posts book as the upload form does.
func upload(t *testing.T, h *Handler, token, unit, week, name string, book []byte, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range map[string]string{"token": token, "don_vi": unit, "chon_tuan": week} {
		mw.WriteField(k, v)
	}
	fw, err := mw.CreateFormFile("tep", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(book)
	mw.Close()
	r := httptest.NewRequest(http.MethodPost, "http://"+host+"/nhap-lieu/tai-len", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	return serve(h, r)
}

var confirmID = regexp.MustCompile(`name="xac_nhan" value="([0-9a-f]+)"`)

func TestUploadPage(t *testing.T) {
	_, h := newSite(t, reportCSV, "")
	w := serve(h, httptest.NewRequest(http.MethodGet, "http://"+host+"/nhap-lieu/tai-len", nil))
	body := w.Body.String()
	if w.Code != http.StatusOK || !strings.Contains(body, `enctype="multipart/form-data"`) || !strings.Contains(body, `type="file"`) ||
		!strings.Contains(body, `name="token" value="`+h.Token()+`"`) {
		t.Fatalf("status %d:\n%s", w.Code, body)
	}
	if w := serve(h, httptest.NewRequest(http.MethodGet, "http://"+host+"/nhap-lieu/", nil)); !strings.Contains(w.Body.String(), `href="/nhap-lieu/tai-len"`) {
		t.Error("the form does not link to the upload")
	}
}

func TestUploadShowsThenWrites(t *testing.T) {
	dir, h := newSite(t, reportCSV, "")
	before := read(t, dir)
	book := filled(t, merge(row("6", 7), map[string]any{"C7": 3, "D7": 1, "F7": 2, "G7": 2, "K7": 4}))

	// Refused: no token, another origin. Nothing shown, nothing written.
	if w := upload(t, h, "", "don-vi-a", "2023-W10", "bao-cao.xlsx", book, same); w.Code != http.StatusForbidden {
		t.Errorf("without token: status %d", w.Code)
	}
	if w := upload(t, h, h.Token(), "don-vi-a", "2023-W10", "bao-cao.xlsx", book, map[string]string{"Origin": "http://evil.example"}); w.Code != http.StatusForbidden {
		t.Errorf("cross-origin: status %d", w.Code)
	}

	w := upload(t, h, h.Token(), "don-vi-a", "2023-W10", "bao-cao.xlsx", book, same)
	body := w.Body.String()
	if w.Code != http.StatusOK {
		t.Fatalf("status %d:\n%s", w.Code, body)
	}
	for _, want := range []string{"Tiếp nhận trực tuyến: 4 → 7", "<strong>Dịch vụ hai</strong> (<code>&#39;Báo cáo tuần&#39;!B7</code>): không đổi",
		"0 dòng mới, 1 dòng thay đổi, 1 dòng không đổi.", "Ghi vào data/reports/don-vi-a.csv"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q:\n%s", want, body)
		}
	}
	if !bytes.Equal(read(t, dir), before) {
		t.Fatal("showing the changes wrote the file")
	}
	m := confirmID.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no confirmation")
	}
	confirm := url.Values{"token": {h.Token()}, "xac_nhan": {m[1]}}
	if w := post(h, "/nhap-lieu/tai-len", url.Values{"xac_nhan": {m[1]}}, same); w.Code != http.StatusForbidden {
		t.Errorf("confirmation without token: status %d", w.Code)
	}
	w = post(h, "/nhap-lieu/tai-len", confirm, same)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/bao-cao/2023-w10/" {
		t.Fatalf("confirmation: status %d, Location %q:\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	want := strings.Replace(reportCSV, "2023-W10;dich-vu-mot;4;5;0;4;5;0;0;0;9;", "2023-W10;dich-vu-mot;7;5;0;7;5;0;0;0;12;", 1)
	if got := read(t, dir); string(got) != want {
		t.Errorf("file after the confirmation:\n%q", got)
	}
	// A confirmation is used once.
	if w := post(h, "/nhap-lieu/tai-len", confirm, same); w.Code != http.StatusConflict {
		t.Errorf("second confirmation: status %d", w.Code)
	}
}

func TestUploadBadCell(t *testing.T) {
	dir, h := newSite(t, reportCSV, "")
	before := read(t, dir)
	book := filled(t, merge(row("6", 7), row("7", 1), map[string]any{"D7": "năm"}))
	w := upload(t, h, h.Token(), "don-vi-a", "2023-W12", "bao-cao.xlsx", book, same)
	body := w.Body.String()
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(body, "<code>bao-cao.xlsx: &#39;Báo cáo tuần&#39;!D7</code>: ") ||
		confirmID.MatchString(body) {
		t.Errorf("status %d:\n%s", w.Code, body)
	}
	if w := upload(t, h, h.Token(), "don-vi-a", "2023-W12", "bao-cao.xls", book, same); w.Code != http.StatusUnprocessableEntity ||
		!strings.Contains(w.Body.String(), "lưu lại dạng Sổ làm việc Excel (.xlsx)") {
		t.Errorf(".xls: status %d:\n%s", w.Code, w.Body)
	}
	if !bytes.Equal(read(t, dir), before) {
		t.Error("the report file changed")
	}
}

func TestUploadTooLarge(t *testing.T) {
	dir, h := newSite(t, reportCSV, "")
	before := read(t, dir)
	w := upload(t, h, h.Token(), "don-vi-a", "2023-W12", "bao-cao.xlsx", make([]byte, maxUpload+2<<20), same)
	if w.Code != http.StatusRequestEntityTooLarge || !strings.Contains(w.Body.String(), "giới hạn là 10 MB") {
		t.Errorf("status %d:\n%s", w.Code, w.Body)
	}
	if !bytes.Equal(read(t, dir), before) {
		t.Error("the report file changed")
	}
}
