package theme

import (
	"fmt"
	"testing"
	"unicode/utf8"
)

func ExampleTruncate() {
	fmt.Println(Truncate(70, "Tỷ lệ hồ sơ trực tuyến"))
	fmt.Println(Truncate(40, "Hồ sơ thủ tục hành chính của cán bộ, công chức, viên chức nộp trực tuyến"))
	// Output:
	// Tỷ lệ hồ sơ trực tuyến
	// Hồ sơ thủ tục hành chính của cán bộ…
}

func TestTruncateLength(t *testing.T) {
	s := "Thủ tục liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi"
	for n := 1; n < 120; n++ {
		got := Truncate(n, s)
		if c := utf8.RuneCountInString(got); c > n {
			t.Errorf("Truncate(%d) has %d characters: %q", n, c, got)
		}
		if !utf8.ValidString(got) {
			t.Errorf("Truncate(%d) cut a character: %q", n, got)
		}
	}
	if got := Truncate(20, "Mộtchữrấtdàikhôngcódấucáchnàocả"); got != "Mộtchữrấtdàikhôngcó…" {
		t.Errorf("no space: %q", got)
	}
}
