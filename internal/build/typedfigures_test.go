package build

import (
	"io/fs"
	"math"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestSampleContentTypesNoFigure: a figure of the data typed into a page
// drifts from data/ as soon as the data changes (the 6-month review once
// said 46.150 VNeID accounts, the indicator 47.024). The sample's pages
// take every such figure from data/ with {{< value >}}, {{< kpi >}} or
// {{< chart >}}; typed in their text may only be the plan's own targets
// ("50.000 tài khoản", "80%", "tối thiểu 20%") and the number of services
// of the weekly reports ("25 dịch vụ"). The test reads every content page for a
// number written with an indicator's unit, as a percentage or with a
// thousands separator, and fails on one that is not a target of the plan.
func TestSampleContentTypesNoFigure(t *testing.T) {
	root := os.DirFS("../..")
	set := sampleData(t)
	targets := map[float64]bool{}
	units := map[string]bool{}
	for _, s := range set.Indicators {
		for _, t := range s.Ind.Targets {
			if t.Change != 0 {
				targets[math.Round(math.Abs(t.Change)*100)] = true // "tối thiểu 20%"
			} else {
				targets[t.Value] = true
			}
		}
		if s.Ind.Unit != "" && s.Ind.Unit != "%" {
			units[s.Ind.Unit] = true
		}
	}
	if set.Weekly != nil {
		targets[float64(len(set.Weekly.Services.All))] = true // "25 dịch vụ công thiết yếu"
	}
	if len(units) < 3 || len(targets) < 3 {
		t.Fatalf("units %v, targets %v: the registry was not read", units, targets)
	}
	var unitAlt []string
	for u := range units {
		unitAlt = append(unitAlt, regexp.QuoteMeta(u))
	}
	// 47.024 tài khoản, 1.080 trường thông tin, 63,8%, 80%.
	// A number with a thousands separator is a figure with or without its
	// unit (**32.400**); a plain one only with a unit or %.
	figure := regexp.MustCompile(`(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?\s*(%|` + strings.Join(unitAlt, "|") + `)?`)
	shortcode := regexp.MustCompile(`\{\{<[^>]*>\}\}`)
	checked := 0
	err := fs.WalkDir(root, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" {
			return err
		}
		src, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(src), "\n") {
			line = shortcode.ReplaceAllString(line, "")
			for _, m := range figure.FindAllStringSubmatch(line, -1) {
				if m[3] == "" && !strings.Contains(m[1], ".") {
					continue // 2023, 3.2(4), Nghị định 42/2022
				}
				checked++
				v, _ := strconv.ParseFloat(strings.ReplaceAll(m[1], ".", "")+strings.Replace(m[2], ",", ".", 1), 64)
				if m[2] != "" || !targets[v] {
					t.Errorf("%s:%d: %q is typed in; take it from data/ with {{< value \"id\" \"period\" >}}, or it is a target of the plan? (targets: %v)",
						p, i+1, m[0], targets)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("no figure found at all: the pattern finds nothing")
	}
}
