package tomlx

import (
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

// Every syntax error staff are likely to make reads as Vietnamese, at the
// right line, with no English words of the TOML library in it.
func TestSyntaxMessages(t *testing.T) {
	type site struct {
		Title   string            `toml:"title"`
		Weight  int               `toml:"weight"`
		Tags    []string          `toml:"tags"`
		Date    any               `toml:"date"`
		Params  map[string]string `toml:"params"`
		Base    map[string]any    `toml:"baseline"`
		Section struct {
			Name string `toml:"name"`
		} `toml:"section"`
	}
	for _, c := range []struct {
		src  string
		line int
		want string // in the Vietnamese message
	}{
		{"title = Kế hoạch\n", 1, "chưa nằm trong dấu ngoặc kép"},
		{"title = \"Kế hoạch\ntags = []\n", 1, "chưa được đóng"},
		{"title = \"a\"\ntitle = \"b\"\n", 2, `"title" được khai báo hai lần`},
		{"ten trang = \"a\"\n", 1, "khóa = giá trị"},
		{"title\n", 1, "khóa = giá trị"},
		{"weight = 10 20\n", 1, "thừa chữ"},
		{"tags = [\"a\" \"b\"]\n", 1, "danh sách [ ]"},
		{"baseline = { period = \"2022-12\" value = 0 }\n", 1, "bảng { }"},
		{"[section\nname = \"a\"\n", 1, "tên bảng"},
		{"date = 2023-13-45\n", 1, "ngày giờ"},
		{"weight = 1.2.3\n", 1, "số không hợp lệ"},
		{"title = \"C:\\q\"\n", 1, `dấu \ không hợp lệ`},
	} {
		var v site
		var l diag.List
		Decode("config.toml", 0, []byte(c.src), &v, &l)
		all := l.All()
		if len(all) != 1 {
			t.Errorf("%q: %d problems, want 1:\n%s", c.src, len(all), l.Format(diag.VI))
			continue
		}
		d := all[0]
		vi := d.Msg.In(diag.VI) + " " + d.Hint.In(diag.VI)
		if !strings.Contains(vi, c.want) || d.Line != c.line {
			t.Errorf("%q: got line %d %q, want line %d and %q", c.src, d.Line, vi, c.line, c.want)
		}
		for _, en := range []string{"expected", "unexpected", "toml", "instead", "invalid", "detail"} {
			if strings.Contains(strings.ToLower(vi), en) {
				t.Errorf("%q: the Vietnamese message has the English word %q: %s", c.src, en, vi)
			}
		}
		if d.Msg.In(diag.EN) == d.Msg.In(diag.VI) {
			t.Errorf("%q: no English message", c.src)
		}
	}
}
