package diag

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReason(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "tep.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, missing := os.Open(filepath.Join(dir, "khong-co"))
	_, notDir := os.Open(filepath.Join(file, "con"))
	exists := os.Mkdir(dir, 0o755)
	for _, c := range []struct {
		err  error
		want string
	}{
		{missing, "không tìm thấy tệp hoặc thư mục"},
		{notDir, "là tệp chứ không phải thư mục"},
		{exists, "đã tồn tại"},
	} {
		if got := Reason(c.err).In(VI); !strings.Contains(got, c.want) {
			t.Errorf("Reason(%v) = %q, want %q", c.err, got, c.want)
		}
		if Reason(c.err).In(EN) == Reason(c.err).In(VI) {
			t.Errorf("Reason(%v) has no English", c.err)
		}
	}
}

func TestFlagError(t *testing.T) {
	parse := func(args ...string) error {
		fs := flag.NewFlagSet("build", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fs.Int("port", 1313, "")
		fs.String("s", ".", "")
		fs.Bool("quiet", false, "")
		return fs.Parse(args)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--bogus"}, "không có tùy chọn -bogus"},
		{[]string{"-s"}, "tùy chọn -s cần một giá trị"},
		{[]string{"--port", "abc"}, `giá trị "abc" không hợp lệ cho tùy chọn -port`},
		{[]string{"--quiet=maybe"}, `giá trị "maybe" không hợp lệ cho tùy chọn -quiet`},
	} {
		err := parse(c.args...)
		if err == nil {
			t.Fatalf("%q parsed", c.args)
		}
		if got := FlagError(err).In(VI); got != c.want {
			t.Errorf("FlagError(%v) = %q, want %q", err, got, c.want)
		}
	}
}

// A Text argument of Tf is written in the language being formatted.
func TestTfTextArgument(t *testing.T) {
	month := T("tháng 6/2023", "June 2023")
	got := Tf("số liệu %s của %s", "the figures of %[2]s for %[1]s", month, "Xã Thạch Kim")
	if got.Vi != "số liệu tháng 6/2023 của Xã Thạch Kim" || got.En != "the figures of Xã Thạch Kim for June 2023" {
		t.Errorf("Tf = %+v", got)
	}
}
