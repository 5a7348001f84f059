package data

import (
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

// TestUnitTargets: a target's units table is read into values by unit id,
// whether staff write ids or names; a unit that does not exist, an office
// on an indicator by commune, a unit written twice and a units table on an
// indicator without a breakdown are errors at their keys.
func TestUnitTargets(t *testing.T) {
	byCommune := strings.Replace(one, "illustrative = true", "dimension = \"commune\"\nillustrative = true", 1)
	good := byCommune + "units = { \"xa-thach-kim\" = 4500, \"Hộ Độ\" = 3000 }\n"
	l := &diag.List{}
	inds := ParseIndicators("data/indicators.toml", []byte(good), mustUnits(t), ict, l)
	if l.Len() > 0 || len(inds) != 1 {
		t.Fatalf("%d indicators; problems:\n%s", len(inds), l.Format(diag.VI))
	}
	if got := inds[0].Targets[0].ByUnit; len(got) != 2 || got["xa-thach-kim"] != 4500 || got["xa-ho-do"] != 3000 {
		t.Errorf("ByUnit %v, want xa-thach-kim 4500 and xa-ho-do 3000", got)
	}

	bad := byCommune + "[indicator.target.units]\n\"Thạch Kim\" = 4500\n\"xa-thach-kim\" = 4000\n\"Thach Kym\" = 10\n\"cong-an-huyen\" = 5\n\"xa-ho-do\" = -1\n"
	l = &diag.List{}
	ParseIndicators("data/indicators.toml", []byte(bad), mustUnits(t), ict, l)
	want := []string{
		"data/indicators.toml:20:1: không có đơn vị \"Thach Kym\"",
		"data/indicators.toml:21:1: \"cong-an-huyen\" là Công an huyện Lộc Hà, không phải xã, thị trấn",
		"data/indicators.toml:22:1: giá trị -1 âm",
		"data/indicators.toml:19:1: \"Thạch Kim\" và \"xa-thach-kim\" là cùng một đơn vị (Xã Thạch Kim)",
	}
	got := l.Format(diag.VI)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in:\n%s", w, got)
		}
	}
	if !strings.Contains(got, "Có phải là \"xa-thach-kim\"?") {
		t.Errorf("no suggestion for the misspelt commune:\n%s", got)
	}

	l = &diag.List{}
	ParseIndicators("data/indicators.toml", []byte(one+"units = { \"xa-thach-kim\" = 4500 }\n"), mustUnits(t), ict, l)
	if got := l.Format(diag.VI); !strings.Contains(got, "data/indicators.toml:16:1: mục tiêu theo từng đơn vị (units) chỉ dùng cho chỉ tiêu có số liệu theo xã hoặc theo đơn vị") {
		t.Errorf("a units table without a breakdown:\n%s", got)
	}
}
