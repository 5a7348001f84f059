package config

import (
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

func TestLicence(t *testing.T) {
	tests := []struct {
		name, src, want, msg string
	}{
		{"default", "title = \"x\"\n", "CC-BY-4.0", ""},
		{"other case", "licence = \"cc0-1.0\"\n", "CC0-1.0", ""},
		{"unknown", "title = \"x\"\nlicence = \"MIT\"\n", "CC-BY-4.0",
			"config.toml:2:1: giấy phép \"MIT\" không có trong danh sách tiendo biết\n    gợi ý: Ghi mã SPDX của giấy phép, một trong: CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, ODC-By-1.0, ODbL-1.0, PDDL-1.0. Mặc định là CC-BY-4.0."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var l diag.List
			c := Parse(File, []byte(tc.src), &l)
			if c.DataLicence.ID != tc.want || c.DataLicence.URL == "" {
				t.Errorf("licence %+v, want %s", c.DataLicence, tc.want)
			}
			got := l.Format(diag.VI)
			if tc.msg == "" && got != "" || !strings.Contains(got, tc.msg) {
				t.Errorf("messages:\n%s\nwant:\n%s", got, tc.msg)
			}
			if tc.msg != "" && l.All()[0].Code != diag.CodeConfigLicence {
				t.Errorf("code %s, want %s", l.All()[0].Code, diag.CodeConfigLicence)
			}
		})
	}
}
