package view_test

import (
	"fmt"
	"time"

	"github.com/tiendo/tiendo/internal/chart"
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/view"
)

// A rate by commune, two months of figures: the views, the figures the
// indicator's page places by ID, the charts to draw and the files to write.
func ExampleIndicators() {
	tz := time.FixedZone("ICT", 7*3600)
	now := time.Date(2023, 6, 30, 12, 0, 0, 0, tz)
	var l diag.List
	units := data.ParseUnits("data/units.toml", []byte(`
[[unit]]
id = "xa-a"
name = "Xã An"
short = "An"
kind = "xa"
`), &l)
	env := view.Env{Lang: "vi", T: func(key string) string { return "[" + key + "]" }, Units: units, Now: now, Location: tz}

	may, _ := period.Parse("2023-05")
	jun, _ := period.Parse("2023-06")
	ind := &indicator.Indicator{ID: "ty-le", Title: "Tỷ lệ hồ sơ trực tuyến", Measure: indicator.Rate,
		Dimension: indicator.ByCommune, Decimals: 1, Frequency: period.Month, Lead: "xa-a",
		Baseline: indicator.Baseline{Period: may, Value: 0},
		Targets:  []indicator.Target{{Value: 80, Deadline: time.Date(2023, 12, 31, 23, 59, 59, 0, tz)}}}
	obs := []indicator.Observation{
		{Period: may, Dim: "xa-a", Num: 10, Den: 100, Value: 10, Line: 2},
		{Period: jun, Dim: "xa-a", Num: 45, Den: 90, Value: 50, Note: "=1+1", Line: 3},
	}
	res := indicator.Compute(ind, obs, now, indicator.DefaultMethod())
	out := view.Indicators(env, []view.Indicator{{Ind: ind, Obs: obs, Result: res}}, indicator.DefaultMethod())

	v := out.Views[0]
	fmt.Println(out.Pages[0].Path, v.Card.Value, v.Card.Target, v.Card.Pct, v.Card.Status.Label)
	fmt.Println("figures:", v.Card.Sparkline.ID, v.Line.ID, v.Breakdown.ID, v.Breakdown.Caption)
	for _, c := range out.Charts {
		fmt.Printf("chart %s %d×%d\n", c.ID, c.Width, c.Height)
	}
	// The CSV is what a spreadsheet opens: a byte order mark, CRLF, and a
	// note that would run as a formula quoted. Its Excel twin is made with
	// the others, after.
	csv, json := out.Files[0], out.Files[1]
	fmt.Printf("%s %q\n", csv.Path, csv.Data)
	fmt.Printf("%s\n%s", json.Path, json.Data)
	// Output:
	// /chi-tieu/ty-le/ 50,0% 80,0% (31/12/2023) 62,5% đúng tiến độ
	// figures: spark-ty-le line-ty-le bar-ty-le Tỷ lệ hồ sơ trực tuyến — [by] [dim-commune], Tháng 6/2023
	// chart spark-ty-le 120×32
	// chart line-ty-le 328×280
	// chart bar-ty-le 328×124
	// chi-tieu/ty-le/ty-le.csv "\ufeffky,don_vi,don_vi_ma,tu_so,mau_so,ghi_chu\r\n2023-05,Xã An,xa-a,10,100,\r\n2023-06,Xã An,xa-a,45,90,'=1+1\r\n"
	// chi-tieu/ty-le/ty-le.json
	// {
	//   "dimension": "commune",
	//   "id": "ty-le",
	//   "illustrative": false,
	//   "lead": "xa-a",
	//   "lead_basis": "",
	//   "lead_source": "",
	//   "measure": "rate",
	//   "observations": [
	//     {
	//       "ky": "2023-05",
	//       "don_vi": "Xã An",
	//       "don_vi_ma": "xa-a",
	//       "tu_so": 10,
	//       "mau_so": 100
	//     },
	//     {
	//       "ky": "2023-06",
	//       "don_vi": "Xã An",
	//       "don_vi_ma": "xa-a",
	//       "tu_so": 45,
	//       "mau_so": 90,
	//       "ghi_chu": "=1+1"
	//     }
	//   ],
	//   "source": "",
	//   "task": "",
	//   "title": "Tỷ lệ hồ sơ trực tuyến",
	//   "unit": ""
	// }
}

// The three status vocabularies as layouts show them, in either language.
func ExampleBadge() {
	fmt.Println(view.Badge(indicator.AtRisk, "vi"))
	fmt.Println(view.Badge(plan.DueSoon, "en"))
	fmt.Println(view.Badge(report.Missing, "vi"))
	// Output:
	// {co-nguy-co-khong-dat có nguy cơ không đạt !}
	// {sap-den-han due soon ◷}
	// {qua-han Chưa báo cáo ✗}
}

// A layout asks for a drawn figure by its *Figure: the static SVG (two,
// narrow and wide, when the chart has a wide drawing), the option that
// makes it live, and the caption, escaped.
func ExampleFigures_HTML() {
	figs := view.Figures{"line-tk": {Drawing: chart.Drawing{SVG: []byte(`<svg></svg>`)}, Option: []byte(`{"series":[]}`)},
		"bar-tk": {Drawing: chart.Drawing{SVG: []byte(`<svg>n</svg>`), Wide: []byte(`<svg>w</svg>`)}, Option: []byte(`{}`)}}
	fmt.Println(figs.HTML(&view.Figure{ID: "line-tk", Caption: "Số tài khoản <theo tháng>"}))
	fmt.Println(figs.HTML(&view.Figure{ID: "line-tk", Static: true}))
	fmt.Printf("%q\n", figs.HTML(nil))
	fmt.Println(figs.HTML(&view.Figure{ID: "bar-tk"}))
	// Output:
	// <figure class="chart" data-chart-id="line-tk"><div class="chart-svg"><svg></svg></div><script type="application/json" class="chart-option">{"series":[]}</script><figcaption>Số tài khoản &lt;theo tháng&gt;</figcaption></figure>
	// <figure class="chart chart-static"><div class="chart-svg"><svg></svg></div></figure>
	// ""
	// <figure class="chart" data-chart-id="bar-tk"><div class="chart-svg chart-narrow"><svg>n</svg></div><div class="chart-svg chart-wide"><svg>w</svg></div><script type="application/json" class="chart-option">{}</script></figure>
}
