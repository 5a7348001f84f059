package chart

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestLineOption(t *testing.T) {
	c, err := Line(lineSpec())
	if err != nil {
		t.Fatal(err)
	}
	if c.Width != 328 || c.Height != 280 || c.WideWidth != 736 || c.WideHeight != 280 {
		t.Errorf("size %d×%d and %d×%d, want the 328×280 and 736×280 default", c.Width, c.Height, c.WideWidth, c.WideHeight)
	}
	var o struct {
		ID      string `json:"tiendoId"`
		Anim    bool   `json:"animation"`
		Tooltip struct {
			RenderMode string `json:"renderMode"`
			Format     string `json:"tiendoFormat"`
		} `json:"tooltip"`
		YAxis []struct {
			Format string `json:"tiendoFormat"`
			Ticks  ticks  `json:"tiendoTicks"`
		} `json:"yAxis"`
		Series []struct {
			Name string `json:"name"`
			Data []struct {
				Value any `json:"value"`
				Label *struct {
					Formatter string `json:"formatter"`
				} `json:"label"`
			} `json:"data"`
			LineStyle struct {
				Type string `json:"type"`
			} `json:"lineStyle"`
			MarkLine struct {
				Data [][]struct {
					Coord []any `json:"coord"`
					Label struct {
						Formatter string `json:"formatter"`
					} `json:"label"`
				} `json:"data"`
			} `json:"markLine"`
		} `json:"series"`
	}
	if err := json.Unmarshal(c.Option, &o); err != nil {
		t.Fatal(err)
	}
	if o.ID != "kpi-ho-so" || o.Anim {
		t.Errorf("tiendoId %q, animation %v", o.ID, o.Anim)
	}
	if o.Tooltip.RenderMode != "richText" || o.Tooltip.Format != "vi-number" {
		t.Errorf("tooltip %+v", o.Tooltip)
	}
	if y := o.YAxis[0]; y.Format != "vi-number" || y.Ticks.Max != 80000 || y.Ticks.Above != 80000 || y.Ticks.Room == 0 {
		t.Errorf("y axis %+v, want vi-number fitted up to the target 80000, with room for its label", y)
	}
	if len(o.Series) != 2 {
		t.Fatalf("%d series, want 2", len(o.Series))
	}
	real, expected := o.Series[0], o.Series[1]
	if real.Data[2].Value != "-" {
		t.Errorf("missing value written as %v, want \"-\"", real.Data[2].Value)
	}
	if l := real.Data[3].Label; l == nil || l.Formatter != "32.000" {
		t.Errorf("last point label %+v, want 32.000", l)
	}
	if real.Data[0].Label != nil {
		t.Error("first point labelled without AllLabels")
	}
	// The target is a segment from the first period to the last, where
	// the last value's label is right of its point.
	if ml := real.MarkLine.Data; len(ml) != 1 || len(ml[0]) != 2 || ml[0][0].Coord[1] != 80000.0 || ml[0][1].Coord[1] != 80000.0 ||
		ml[0][0].Coord[0] != "T1/2023" || ml[0][1].Coord[0] != "T4/2023" || ml[0][0].Label.Formatter != "Mục tiêu 80.000 (30/06/2023)" {
		t.Errorf("markLine %+v", ml)
	}
	if !strings.Contains(string(c.Option), `"position":"right"`) {
		t.Error("the last value's label is not right of its point")
	}
	if expected.Name != "Kế hoạch" || expected.LineStyle.Type != "dashed" {
		t.Errorf("expected series %q, line %q", expected.Name, expected.LineStyle.Type)
	}
	if strings.Contains(string(c.Option), "<") {
		t.Error("option has a raw '<': unsafe inside <script>")
	}
}

func TestOptionIsStable(t *testing.T) {
	a, _ := Line(lineSpec())
	b, _ := Line(lineSpec())
	if string(a.Option) != string(b.Option) {
		t.Error("same spec, different option JSON")
	}
}

func TestOptionEscapesHTML(t *testing.T) {
	s := lineSpec()
	s.Title = "</script><script>alert(1)</script>"
	c, err := Line(s)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(c.Option), "</script") {
		t.Errorf("option can close its script element: %s", c.Option)
	}
}

func TestBarOption(t *testing.T) {
	c, err := Bar(barSpec())
	if err != nil {
		t.Fatal(err)
	}
	// One series: the values are the labels of a second category axis, at
	// the right, in the categories' order.
	for _, want := range []string{`"data":["1.200","3.400,5","800"]`, `"position":"right"`, `"inverse":true`, `"xAxis":5000`, `"tiendoFormat":"vi-number"`} {
		if !strings.Contains(string(c.Option), want) {
			t.Errorf("option lacks %s", want)
		}
	}
	if c.Height < 120 || c.Height > 240 {
		t.Errorf("height %d for 3 bars", c.Height)
	}
}

func TestPercent(t *testing.T) {
	s := lineSpec()
	s.Percent = true
	s.Targets = nil
	s.Series[0].Values = []float64{10, 12.5, math.NaN(), 20}
	s.Expected = nil
	c, err := Line(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"formatter":"20%"`, `"tiendoFormat":"vi-percent"`} {
		if !strings.Contains(string(c.Option), want) {
			t.Errorf("option lacks %s", want)
		}
	}
}

func TestOptionErrors(t *testing.T) {
	tests := []struct {
		name  string
		build func() error
		want  string
	}{
		{"bad id", func() error {
			s := lineSpec()
			s.ID = "kpi 1"
			_, err := Line(s)
			return err
		}, "invalid ID"},
		{"no title", func() error {
			s := barSpec()
			s.Title = ""
			_, err := Bar(s)
			return err
		}, "no title"},
		{"length", func() error {
			s := lineSpec()
			s.Periods = s.Periods[:2]
			_, err := Line(s)
			return err
		}, `series "Thực hiện" has 4 values for 2 periods`},
		{"expected length", func() error {
			s := lineSpec()
			s.Expected.Values = s.Expected.Values[:1]
			_, err := Line(s)
			return err
		}, `series "Kế hoạch" has 1 values`},
		{"infinite", func() error {
			s := stackedSpec()
			s.Series[0].Values[0] = math.Inf(1)
			_, err := Stacked(s)
			return err
		}, "infinite"},
		{"nan target", func() error {
			s := barSpec()
			s.Targets[0].Value = math.NaN()
			_, err := Bar(s)
			return err
		}, "no finite value"},
		{"no series", func() error {
			s := lineSpec()
			s.Series = nil
			_, err := Line(s)
			return err
		}, "no series"},
		{"lang", func() error {
			s := sparklineSpec()
			s.Lang = "fr"
			_, err := Sparkline(s)
			return err
		}, "unknown language"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.build()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// Breakdown bars are ranked, highest first, under the whole in bold and
// its own colour; a missing value goes last and reads "—"; the tooltip
// gets the full names in the same order.
func TestBarRankedWithOverall(t *testing.T) {
	s := barSpec()
	s.Categories = []string{"VP HĐND", "Xã A", "Xã B", "Xã C"}
	s.Names = []string{"Văn phòng HĐND-UBND huyện", "Xã A", "Xã B", "Xã C"}
	s.Series[0].Values = []float64{1200, math.NaN(), 3400.5, 800}
	s.Rank = true
	s.Overall = &Overall{Name: "Toàn huyện", Value: 5400.5}
	c, err := Bar(s)
	if err != nil {
		t.Fatal(err)
	}
	var o struct {
		YAxis []struct {
			Data []json.RawMessage `json:"data"`
		} `json:"yAxis"`
		Tooltip struct {
			Names []string `json:"tiendoNames"`
		} `json:"tooltip"`
		Series []struct {
			Data []struct {
				ItemStyle *struct {
					Color string `json:"color"`
				} `json:"itemStyle"`
			} `json:"data"`
		} `json:"series"`
	}
	if err := json.Unmarshal(c.Option, &o); err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, axis := range o.YAxis {
		var words []string
		for _, d := range axis.Data {
			var item struct{ Value string }
			if json.Unmarshal(d, &item) != nil {
				json.Unmarshal(d, &item.Value)
			}
			words = append(words, item.Value)
		}
		got = append(got, fmt.Sprint(i, words))
	}
	want := []string{"0 [Toàn huyện Xã B VP HĐND Xã C Xã A]", "1 [5.400,5 3.400,5 1.200 800 —]"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("axes %v, want %v", got, want)
	}
	if n := o.Tooltip.Names; fmt.Sprint(n) != "[Toàn huyện Xã B Văn phòng HĐND-UBND huyện Xã C Xã A]" {
		t.Errorf("tooltip names %v", n)
	}
	if st := o.Series[0].Data[0].ItemStyle; st == nil || st.Color != overallColor {
		t.Errorf("the overall bar's style %+v, want colour %s", st, overallColor)
	}
	if !strings.Contains(string(c.Option), `{"value":"Toàn huyện","textStyle":{"color":"#1a1a1a","fontWeight":"bold"}}`) {
		t.Error("the overall name is not bold")
	}
}
