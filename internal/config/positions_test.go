package config

import (
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

// Every problem found after decoding is at the key, element or table it
// comes from, however config.toml is laid out.
func TestValueErrorPositions(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"indented key", "title = \"A\"\n  timeZone = \"Mars/Base\"\n", "config.toml:2:3: unknown time zone"},
		{"element of an array", "languages = [\"en\", \"fr\"]\n", `config.toml:1:20: language "fr" is not supported`},
		{"key of a table, not a same-named key elsewhere", "[organisation]\nname = \"A\"\n[tasks]\nsoonDays = 3\nplanDate = \"21/03/2023\"\n", "config.toml:5:1: planDate"},
		{"tocEnd, not tocStart", "[markup]\ntocStart = 2\ntocEnd = 9\n", "config.toml:3:1: tocStart/tocEnd"},
		{"menu entry without a name: its table", "[[menus.main]]\nname = \"A\"\nurl = \"/a/\"\n\n[[menus.main]]\nurl = \"/b/\"\n", `config.toml:5:1: menu entry in "main" needs name`},
		{"second entry with a url the first one contains", "[[menus.main]]\nname = \"A\"\nurl = \"javascript:x//\"\n[[menus.main]]\nname = \"B\"\nurl = \"javascript:x\"\n", `config.toml:6:1: menu "main": the address "javascript:x"`},
		{"parseBudget in [markup]", "[markup]\n# chú thích\nparseBudget = \"2 giây\"\n", "config.toml:3:1: parseBudget"},
		{"a quoted key", "[organisation]\n\"website\" = \"ftp://x\"\n", "config.toml:2:1: organisation.website"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var l diag.List
			Parse(File, []byte(tc.src), &l)
			if got := l.Format(diag.EN); !strings.Contains(got, tc.want) {
				t.Errorf("got:\n%s\nwant %s", got, tc.want)
			}
		})
	}
}
