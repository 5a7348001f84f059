package build

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/output"
	"github.com/tiendo/tiendo/internal/period"
)

// viNumber writes n the Vietnamese way with d decimals ("4.783", "66,1"),
// independently of package vi.
func viNumber(x float64, d int) string {
	s := strconv.FormatFloat(x, 'f', d, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("," + frac)
	}
	return b.String()
}

// TestCommunePagesShowTheCSV: for every commune and every indicator broken
// down to communes, the commune's page shows the latest figure of the
// commune's rows in the indicator's CSV (a rate from that row's numerator
// and denominator), its rank among the communes, and the same figure in
// /don-vi/'s comparison and the commune's CSV download. The expected
// figures are recomputed here from the rows as read, not by the views.
func TestCommunePagesShowTheCSV(t *testing.T) {
	res := sampleSite(t)
	set := sampleData(t)
	asOf := time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC)
	compare := string(res.Output.Files["don-vi/index.html"])
	checked := 0
	for _, s := range set.Indicators {
		ind := s.Ind
		if ind.Dimension != indicator.ByCommune && ind.Dimension != indicator.ByUnit {
			continue
		}
		type fig struct {
			p     period.Period
			value float64
			text  string
		}
		latest := map[string]fig{}
		for _, o := range s.Obs {
			u, ok := set.Units.ByID(o.Dim)
			if !ok || !u.IsCommune() || o.Period.End().After(asOf.AddDate(0, 0, 1)) {
				continue
			}
			v := o.Value
			if ind.Measure == indicator.Rate {
				v = o.Num / o.Den * 100
			}
			text := viNumber(v, ind.Decimals)
			if ind.Measure.IsPercentage() {
				text += "%"
			} else if ind.Unit != "" {
				text += " " + ind.Unit
			}
			if f, ok := latest[o.Dim]; !ok || period.Compare(o.Period, f.p) > 0 {
				latest[o.Dim] = fig{o.Period, v, text}
			}
		}
		for id, f := range latest {
			page := string(res.Output.Files["don-vi/"+id+"/index.html"])
			m := regexp.MustCompile(`<h3 id="cs-` + ind.ID + `">.*</h3>\n<p class="score-value"><span class="value">([^<]*)</span>`).FindStringSubmatch(page)
			if m == nil {
				t.Errorf("%s: no score of %s on its page", id, ind.ID)
				continue
			}
			if got := html.UnescapeString(m[1]); got != f.text {
				t.Errorf("%s, %s: page shows %q, the CSV's latest row (%s) gives %q", id, ind.ID, got, f.p, f.text)
			}
			rank := 1
			for other, g := range latest {
				if other != id && g.value > f.value {
					rank++
				}
			}
			wantRank := fmt.Sprintf("%d/%d", rank, len(latest))
			if !strings.Contains(page[strings.Index(page, `id="cs-`+ind.ID+`"`):], "<dt>Xếp thứ</dt><dd>"+wantRank+" ") {
				t.Errorf("%s, %s: rank %s not on the page", id, ind.ID, wantRank)
			}
			row := regexp.MustCompile(`(?s)<tr id="ss-` + id + `".*?</tr>`).FindString(compare)
			cell := regexp.MustCompile(`<td data-key="` + regexp.QuoteMeta(ind.ID) + `" data-rank="` + strconv.Itoa(rank) + `"[^>]*><span class="value">` + regexp.QuoteMeta(f.text) + `</span>`)
			if !cell.MatchString(row) {
				t.Errorf("%s, %s: /don-vi/'s row does not show %s, rank %d:\n%s", id, ind.ID, f.text, rank, row)
			}
			checked++
		}
	}
	// 12 communes × (VNeID accounts, online dossiers, officials' own
	// dossiers, social-security accounts).
	if checked < 48 {
		t.Errorf("checked %d commune figures, want at least 48", checked)
	}
}

// TestUnitDownloads: a commune's CSV download holds its figures as the
// indicator's CSV has them, in plain digits.
func TestUnitDownloads(t *testing.T) {
	res := sampleSite(t)
	b := res.Output.Files["don-vi/xa-thach-kim/xa-thach-kim.csv"]
	if !bytes.HasPrefix(b, []byte("\uFEFF")) {
		t.Fatal("the CSV has no BOM (Excel would misread it)")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	got := map[string][]string{}
	for _, r := range rows[1:] {
		if r[col["don_vi_ma"]] != "xa-thach-kim" {
			t.Errorf("row %q is not Thạch Kim's", r)
		}
		got[r[col["chi_tieu_ma"]]] = r
	}
	// The sample's CSV: "Tháng 6/2023;Thạch Kim;4.783".
	if r := got["tai-khoan-dinh-danh-dien-tu"]; r == nil || r[col["ky"]] != "2023-06" || r[col["gia_tri"]] != "4783" {
		t.Errorf("VNeID row %q, want 2023-06 and 4783", r)
	}
	if r := got["ho-so-truc-tuyen"]; r == nil || r[col["tu_so"]] == "" || r[col["mau_so"]] == "" {
		t.Errorf("online dossiers row %q lacks its numerator and denominator", r)
	}
	if !bytes.Contains(res.Output.Files["don-vi/xa-thach-kim/xa-thach-kim.json"], []byte(`"thu_hang": 3`)) {
		t.Error("the JSON download does not give Thạch Kim's rank 3 in VNeID accounts")
	}
	// Every unit's rows, in one file, hold the same cells; /du-lieu/ lists it.
	all := string(res.Output.Files["don-vi/so-lieu-don-vi.csv"])
	if r := got["tai-khoan-dinh-danh-dien-tu"]; !strings.Contains(all, "\n"+strings.Join(r, ",")) {
		t.Errorf("don-vi/so-lieu-don-vi.csv lacks Thạch Kim's row %q", r)
	}
	if string(res.Output.Files["du-lieu/so-lieu-don-vi.csv"]) != all {
		t.Error("/du-lieu/so-lieu-don-vi.csv is not the same file as /don-vi/so-lieu-don-vi.csv")
	}
}

// TestPosterQR: without a host in baseURL the poster says the QR code
// needs one; with one, it carries the code and the commune page's
// absolute address, and a sorted copy of /don-vi/ exists for each column.
func TestPosterQR(t *testing.T) {
	res := sampleSite(t)
	p := string(res.Output.Files["don-vi/xa-thach-kim/ap-phich/index.html"])
	if strings.Contains(p, "<svg xmlns") && strings.Contains(p, `class="qr"`) || !strings.Contains(p, "mã QR cần địa chỉ đầy đủ") {
		t.Error("the sample (baseURL = \"/\") poster should say the QR code needs a full address, and draw none")
	}
	abs := Run(Options{Source: "../..", Sink: output.NewMem(), Now: "2023-06-30", Charts: sampleCharts(t),
		BaseURL: "https://example.gov.vn/de-an-06/"})
	if !abs.OK() {
		t.Fatalf("does not build:\n%s", abs.Diags.Format("vi"))
	}
	for _, id := range []string{"xa-thach-kim", "thi-tran-loc-ha"} {
		p := string(abs.Output.Files["don-vi/"+id+"/ap-phich/index.html"])
		want := "https://example.gov.vn/de-an-06/don-vi/" + id + "/"
		if !strings.Contains(p, `<p class="poster-url">`+want+`</p>`) || !strings.Contains(p, `<div class="qr" role="img"`) {
			t.Errorf("%s: poster without its QR code or address %s", id, want)
		}
	}
	if _, ok := abs.Output.Files["don-vi/xep-theo-ten/index.html"]; !ok {
		t.Error("no /don-vi/xep-theo-ten/")
	}
}

// TestUnitTargetsOnPages: a copy of the sample whose VNeID target assigns
// Thạch Kim its own 4.500 accounts shows that target, the share reached
// and the status on the commune's page, its poster and its download; the
// sample itself assigns none, since the plan does not.
func TestUnitTargetsOnPages(t *testing.T) {
	dir := copySample(t)
	file := filepath.Join(dir, "data", "indicators.toml")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const at = `label = "Hết Quý II/2023"`
	if !bytes.Contains(src, []byte(at)) {
		t.Fatalf("%s no longer holds %s", file, at)
	}
	src = bytes.Replace(src, []byte(at), []byte(at+"\nunits = { \"Thạch Kim\" = 4500 }"), 1)
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	res := Run(Options{Source: dir, Sink: output.NewMem(), Now: "2023-06-30", Charts: sampleCharts(t)})
	if !res.OK() {
		t.Fatalf("does not build:\n%s", res.Diags.Format("vi"))
	}
	page := string(res.Output.Files["don-vi/xa-thach-kim/index.html"])
	want := `<dt>Mục tiêu của đơn vị</dt><dd>4.500 tài khoản (30/06/2023): đạt <strong>106,3%</strong> · <span class="badge status-da-dat">`
	if !strings.Contains(page, want) {
		t.Errorf("the commune page lacks %s", want)
	}
	if !strings.Contains(string(res.Output.Files["don-vi/xa-thach-kim/ap-phich/index.html"]), "Mục tiêu của đơn vị: 4.500 tài khoản (30/06/2023), đạt 106,3%") {
		t.Error("the poster lacks the commune's target")
	}
	if !strings.Contains(string(res.Output.Files["don-vi/xa-thach-kim/xa-thach-kim.csv"]), ",4783,,,3,12,47024,4500,có") {
		t.Errorf("the download lacks the target:\n%s", res.Output.Files["don-vi/xa-thach-kim/xa-thach-kim.csv"])
	}
	if other := string(res.Output.Files["don-vi/xa-ho-do/index.html"]); strings.Contains(other, "Mục tiêu của đơn vị") {
		t.Error("Hộ Độ, assigned nothing, shows a target of its own")
	}
	if strings.Contains(string(sampleSite(t).Output.Files["don-vi/xa-thach-kim/index.html"]), "Mục tiêu của đơn vị") {
		t.Error("the sample shows a commune target the plan does not set")
	}
}
