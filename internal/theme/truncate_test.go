package theme

import (
	"fmt"
	"math/rand/v2"
	"strings"
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

// truncateRunes is Truncate as it was first written, through a slice of
// runes: Truncate must say the same without making one.
func truncateRunes(n int, s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n || n < 1 {
		return string(r)
	}
	cut := n - 1
	if i := strings.LastIndexByte(string(r[:cut]), ' '); i > 0 && utf8.RuneCountInString(string(r[:cut])[:i]) > cut*2/3 {
		cut = utf8.RuneCountInString(string(r[:cut])[:i])
	}
	return strings.TrimRight(string(r[:cut]), " ,.:;–-") + "…"
}

func TestTruncateSameAsRunes(t *testing.T) {
	texts := []string{
		"", " ", "  Tỷ lệ  ", "a b c d e f g h", "Hồ sơ, thủ tục: cấp – đổi; cấp lại.",
		"Thủ tục liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
		"Mộtchữrấtdàikhôngcódấucáchnàocả", "xin\xffchào bà\xc3 con \xe1\xbb", "e\u0323\u0302 decomposed ê̂ ̣",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", " ", "ệ", ",", "–", "\xff", "\u0301", ".", "Đ", ":"}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		for n := -1; n < 45; n++ {
			if got, want := Truncate(n, s), truncateRunes(n, s); got != want {
				t.Fatalf("Truncate(%d, %q) = %q, want %q", n, s, got, want)
			}
		}
	}
}
