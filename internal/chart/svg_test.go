package chart

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestSanitize(t *testing.T) {
	raw, err := os.ReadFile("testdata/echarts-raw.svg")
	if err != nil {
		t.Fatal(err)
	}
	got, err := sanitize(raw, svgMeta{ID: "kpi-1", Title: "Hồ sơ & thủ tục", Desc: "Tăng <đều>."})
	if err != nil {
		t.Fatal(err)
	}
	checkClean(t, got)
	golden(t, "echarts-clean.svg", got)

	s := string(got)
	for _, want := range []string{
		`role="img" aria-labelledby="kpi-1-title" aria-describedby="kpi-1-desc"`,
		"<title id=\"kpi-1-title\">Hồ sơ &amp; thủ tục</title>\n<desc id=\"kpi-1-desc\">Tăng &lt;đều&gt;.</desc>",
		`<g clip-path="url(#kpi-1-1)">`,
		`<clipPath id="kpi-1-1">`,
		`<use xlink:href="#kpi-1-2"/>`,
		`<pattern id="kpi-1-2">`,
		`font-size="12px"`,
		`fill="#1a1a1a" y="9" font-weight="bold" font-size="18px"`, // style beats the fill attribute
		`xml:space="preserve"`,
		`font-family="monospace"`,
		`clip-path="url(#kpi-1-1)" stroke-dasharray="4,2"`,
		`>50.000 &amp; hơn</text>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %s", want)
		}
	}
	for _, bad := range []string{"zr7", "cursor", "animation", "alert", "baseProfile", "pointer-events", "<defs >"} {
		if strings.Contains(s, bad) {
			t.Errorf("%q left in output", bad)
		}
	}
	// The shared font family moves to the root; the monospace one stays.
	if n := strings.Count(s, "font-family="); n != 2 {
		t.Errorf("%d font-family attributes, want 2 (root and monospace)", n)
	}
}

func TestSanitizeDropsUnusedXlink(t *testing.T) {
	raw := `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><path d="M0 0"></path></svg>`
	got, err := sanitize([]byte(raw), svgMeta{ID: "a"})
	if err != nil {
		t.Fatal(err)
	}
	want := "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"><path d=\"M0 0\"/></svg>"
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestSanitizeErrors(t *testing.T) {
	for name, raw := range map[string]string{
		"not xml":    `<svg><g></svg>`,
		"no element": "  ",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := sanitize([]byte(raw), svgMeta{ID: "a"}); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestDeclarations(t *testing.T) {
	tests := []struct {
		style string
		want  []declaration
	}{
		{"fill:#fff;stroke : red ;", []declaration{{"fill", "#fff"}, {"stroke", "red"}}},
		{"font-family:'A;B', x;opacity:0.5", []declaration{{"font-family", "'A;B', x"}, {"opacity", "0.5"}}},
		{"clip-path:url(#a;b)", []declaration{{"clip-path", "url(#a;b)"}}},
		{"FILL:red !important;bogus;:x", []declaration{{"fill", "red"}}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := declarations(tt.style); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("declarations(%q) = %v, want %v", tt.style, got, tt.want)
		}
	}
}

func TestExpandFont(t *testing.T) {
	tests := []struct {
		font string
		want []declaration
	}{
		{"12px sans-serif", []declaration{{"font-size", "12px"}, {"font-family", "sans-serif"}}},
		{"italic bold 18px/1.5 'Noto Sans', Arial", []declaration{
			{"font-style", "italic"}, {"font-weight", "bold"}, {"font-size", "18px"}, {"font-family", "'Noto Sans', Arial"}}},
		{"normal 600 14px x", []declaration{{"font-weight", "600"}, {"font-size", "14px"}, {"font-family", "x"}}},
	}
	for _, tt := range tests {
		if got := expandFont(tt.font); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("expandFont(%q) = %v, want %v", tt.font, got, tt.want)
		}
	}
}

func TestMetaOf(t *testing.T) {
	c, err := Line(lineSpec())
	if err != nil {
		t.Fatal(err)
	}
	got, err := metaOf(c.Option)
	if err != nil {
		t.Fatal(err)
	}
	want := svgMeta{ID: c.ID, Title: c.Title, Desc: c.Desc}
	if got != want {
		t.Errorf("metaOf = %+v, want %+v", got, want)
	}
	if _, err := metaOf([]byte(`{"tiendoId":"a b"}`)); err == nil {
		t.Error("invalid id accepted")
	}
	if got, _ := metaOf([]byte(`{"title":[{"text":"x"}]}`)); got.ID != "chart" {
		t.Errorf("default id %q", got.ID)
	}
}
