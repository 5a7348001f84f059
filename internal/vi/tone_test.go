package vi

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestNormalizeTone(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"oa", "hoà", "hòa"},
		{"oe", "khoẻ", "khỏe"},
		{"uy", "thuỷ", "thủy"},
		{"already canonical", "hòa khỏe thủy", "hòa khỏe thủy"},
		{"all tones", "oà oá oả oã oạ", "òa óa ỏa õa ọa"},
		{"upper case", "HOÀ BÌNH, Khánh Hoà", "HÒA BÌNH, Khánh Hòa"},
		{"word start", "Uỷ ban nhân dân", "Ủy ban nhân dân"},
		{"closed syllable", "hoàng thuyền khoáng", "hoàng thuyền khoáng"},
		{"qu", "quý quả quỹ", "quý quả quỹ"},
		{"longer vowel group", "ngoài khuỷu", "ngoài khuỷu"},
		{"after punctuation", "(hoà)", "(hòa)"},
		{"nfd input", norm.NFD.String("thuỷ lợi"), "thủy lợi"},
		{"no tone", "hoa thuy", "hoa thuy"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeTone(tt.in); got != tt.want {
				t.Errorf("NormalizeTone(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeToneEqual(t *testing.T) {
	pairs := [][2]string{{"hoà", "hòa"}, {"thuỷ", "thủy"}, {"khoẻ", "khỏe"}, {"Thanh Hoá", "Thanh Hóa"}}
	for _, p := range pairs {
		t.Run(p[0], func(t *testing.T) {
			if a, b := NormalizeTone(p[0]), NormalizeTone(p[1]); a != b {
				t.Errorf("got %q and %q, want them equal", a, b)
			}
		})
	}
}
