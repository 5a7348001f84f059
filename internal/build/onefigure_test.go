package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/output"
)

// TestEssentialOnlineRateIsOneFigure: the essential services' online rate
// of a week is one figure wherever the sample site shows it — the
// indicator's page and its JSON download, computed from the weekly reports
// (data.ReportObservations), and /bao-cao/ with its CSV download, made by
// the report aggregator — for every week of 2023 reported by 30/06/2023.
// Before the indicator was defined from the reports, week 25 read 73,3%
// (143/195) on the one and 64,5% (142/220) on the other.
func TestEssentialOnlineRateIsOneFigure(t *testing.T) {
	mem := output.NewMem()
	res := Run(Options{Source: "../..", Sink: mem, Now: "2023-06-30"})
	if !res.OK() {
		t.Fatalf("the sample does not build:\n%s", res.Diags.Format("vi"))
	}
	const id = "ho-so-truc-tuyen-dvc-thiet-yeu"
	type ratio struct{ num, den int64 }
	add := func(m map[string]ratio, week string, num, den int64) {
		r := m[strings.ToUpper(week)]
		m[strings.ToUpper(week)] = ratio{r.num + num, r.den + den}
	}
	pct := func(r ratio) string {
		return strings.Replace(strconv.FormatFloat(float64(r.num)/float64(r.den)*100, 'f', 1, 64), ".", ",", 1) + "%"
	}

	// The indicator's JSON download, unit by unit.
	var raw struct {
		Observations []map[string]any `json:"observations"`
	}
	if err := json.Unmarshal(mem.Files["chi-tieu/"+id+"/"+id+".json"], &raw); err != nil {
		t.Fatal(err)
	}
	fromJSON := map[string]ratio{}
	for _, o := range raw.Observations {
		add(fromJSON, o["ky"].(string), int64(o["tu_so"].(float64)), int64(o["mau_so"].(float64)))
	}
	if len(fromJSON) < 10 {
		t.Fatalf("the JSON download has %d weeks", len(fromJSON))
	}

	// /bao-cao/'s CSV download, service by service.
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(mem.Files["bao-cao/bao-cao-tuan.csv"], []byte("\uFEFF"))))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	fromCSV := map[string]ratio{}
	for _, row := range rows[1:] {
		online, _ := strconv.ParseInt(row[col["tiep_nhan_truc_tuyen"]], 10, 64)
		inPerson, _ := strconv.ParseInt(row[col["tiep_nhan_truc_tiep"]], 10, 64)
		add(fromCSV, row[col["tuan"]], online, online+inPerson)
	}

	// The pages: /bao-cao/'s list of weeks, and the indicator's table.
	onReports := map[string]string{}
	for _, m := range regexp.MustCompile(`<a href="(\d{4}-w\d+)/index.html">[^<]*</a> <span class="size">\(Tỷ lệ trực tuyến ([^)]*)\)</span>`).
		FindAllStringSubmatch(string(mem.Files["bao-cao/index.html"]), -1) {
		onReports[strings.ToUpper(m[1])] = m[2]
	}
	onIndicator := map[string]string{}
	for _, m := range regexp.MustCompile(`<tr><th scope="row">Tuần (\d+)/(\d{4})</th><td class="num">([\d.]+)</td><td class="num">([\d.]+)</td><td class="num">([^<]+)</td></tr>`).
		FindAllStringSubmatch(string(mem.Files["chi-tieu/"+id+"/index.html"]), -1) {
		n, _ := strconv.Atoi(m[1])
		onIndicator[fmt.Sprintf("%s-W%02d", m[2], n)] = m[3] + "/" + m[4] + " " + m[5]
	}

	for week, want := range fromJSON {
		if got := fromCSV[week]; got != want {
			t.Errorf("%s: JSON download %d/%d, /bao-cao/ CSV %d/%d", week, want.num, want.den, got.num, got.den)
		}
		if got := onReports[week]; got != pct(want) {
			t.Errorf("%s: JSON download %s, /bao-cao/ page %q", week, pct(want), got)
		}
		thousands := func(n int64) string { return strings.ReplaceAll(fmt.Sprint(n), ",", ".") }
		if got, w := onIndicator[week], thousands(want.num)+"/"+thousands(want.den)+" "+pct(want); got != w {
			t.Errorf("%s: JSON download %s, indicator page %q", week, w, got)
		}
	}
	if len(fromCSV) != len(fromJSON) || len(onReports) != len(fromJSON) {
		t.Errorf("weeks: %d in the JSON, %d in /bao-cao/'s CSV, %d on /bao-cao/", len(fromJSON), len(fromCSV), len(onReports))
	}
}
