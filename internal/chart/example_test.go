package chart_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/tiendo/tiendo/internal/chart"
)

// The caller writes every word and formats every label; the option carries
// markers for what only the browser (or the renderer) can format.
func ExampleLine() {
	vi := func(v float64) string { // the site's Vietnamese number format
		return strings.ReplaceAll(fmt.Sprintf("%.0f", v), "000", ".000")
	}
	c, err := chart.Line(chart.LineSpec{
		Meta: chart.Meta{
			ID:     "ho-so-truc-tuyen",
			Title:  "Hồ sơ nộp trực tuyến",
			Desc:   "Tăng từ 10.000 lên 32.000, mục tiêu 50.000.",
			Format: vi,
		},
		Periods: []string{"Quý 1/2023", "Quý 2/2023", "Quý 3/2023"},
		Series:  []chart.Series{{Name: "Thực hiện", Values: []float64{10000, 21000, 32000}}},
		Targets: []chart.Target{{Value: 50000, Label: "Mục tiêu 50.000 (30/06/2024)"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	var o struct {
		YAxis []struct {
			Format string `json:"tiendoFormat"`
			Ticks  struct {
				Max float64 `json:"max"`
			} `json:"tiendoTicks"`
		} `json:"yAxis"`
		Series []struct {
			Data []struct {
				Label *struct{ Formatter string } `json:"label"`
			} `json:"data"`
		} `json:"series"`
	}
	if err := json.Unmarshal(c.Option, &o); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.ID, c.Width, c.Height, "and wide", c.WideWidth, c.WideHeight)
	fmt.Println("axis:", o.YAxis[0].Format, "up to at least", o.YAxis[0].Ticks.Max)
	fmt.Println("last label:", o.Series[0].Data[2].Label.Formatter)
	// Output:
	// ho-so-truc-tuyen 328 280 and wide 736 280
	// axis: vi-number up to at least 50000
	// last label: 32.000
}
