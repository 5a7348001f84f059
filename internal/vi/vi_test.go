package vi

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cp1258 spells s the way Windows-1258 converters do: base letters with
// their vowel marks composed (ă â ê ô ơ ư đ) and tones as separate
// combining marks.
func cp1258(tb testing.TB, s string) string {
	tb.Helper()
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		var base []rune
		var tone rune
		for _, c := range norm.NFD.String(string(r)) {
			if isTone(c) {
				tone = c
			} else {
				base = append(base, c)
			}
		}
		b.WriteString(norm.NFC.String(string(base)))
		if tone != 0 {
			b.WriteRune(tone)
		}
	}
	return b.String()
}

func TestCP1258Helper(t *testing.T) {
	got := cp1258(t, "Bước")
	want := "Bư\u01a1\u0301c" // ư and ơ composed, acute separate
	if got != want {
		t.Errorf("got %+q, want %+q", got, want)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"already a slug", "dang-ky-khai-sinh", "dang-ky-khai-sinh"},
		{"title", "Đăng ký khai sinh", "dang-ky-khai-sinh"},
		{"punctuation run", "Bước 2: Nhập mã OTP", "buoc-2-nhap-ma-otp"},
		{"slash", "Quý I/2023", "quy-i-2023"},
		{"trim", "  --Hồ sơ!!  ", "ho-so"},
		{"upper case", "ĐỒNG BẰNG SÔNG CỬU LONG", "dong-bang-song-cuu-long"},
		{"all tones", "a à á ả ã ạ", "a-a-a-a-a-a"},
		{"all vowels", "ăằắẳẵặ âầấẩẫậ êềếểễệ ôồốổỗộ ơờớởỡợ ưừứửữự", "aaaaaa-aaaaaa-eeeeee-oooooo-oooooo-uuuuuu"},
		{"y", "Ỳ Ý Ỷ Ỹ Ỵ", "y-y-y-y-y"},
		{"nfd", norm.NFD.String("Đăng ký khai sinh"), "dang-ky-khai-sinh"},
		{"windows-1258", cp1258(t, "Bước 2: Nhập mã OTP"), "buoc-2-nhap-ma-otp"},
		{"eth for đ", "Ðà Nẵng", "da-nang"},
		{"double dashes", "a--b", "a-b"},
		{"only punctuation", "—…!", ""},
		{"other scripts dropped", "Tokyo 東京 Москва 2", "tokyo-2"},
		{"latin extras", "Øresund Łódź straße Æsir", "oresund-lodz-strasse-aesir"},
		{"invalid utf-8", "a\xffb", "a-b"},
		{"nbsp", "50\u00a0000", "50-000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Slug(tt.in); got != tt.want {
				t.Errorf("Slug(%+q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"ascii lower", "abc 123", "abc 123"},
		{"ascii upper", "ABC Def", "abc def"},
		{"title", "Đăng ký khai sinh", "dang ky khai sinh"},
		{"keeps punctuation", "Bước 2: Nhập mã OTP!", "buoc 2: nhap ma otp!"},
		{"nfd", norm.NFD.String("Phòng Tư pháp"), "phong tu phap"},
		{"windows-1258", cp1258(t, "Hồng Lộc, Thạch Kim"), "hong loc, thach kim"},
		{"dotted capital i", "İ", "i"},
		{"greek", "Ἀθῆναι", "αθηναι"},
		{"cyrillic", "Йошкар-Ола", "иошкар-ола"},
		{"hangul kept composed", norm.NFD.String("한국"), "한국"},
		{"punctuation singletons", "a\u2000b", "a\u2002b"},
		{"invalid utf-8", "Á\xff", "a\ufffd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"marks", "Giá trị", "giatri"},
		{"underscore", "gia_tri", "giatri"},
		{"upper", "GIA TRI", "giatri"},
		{"nfd", norm.NFD.String("Đơn vị (%)"), "donvi"},
		{"digits", "Quý 2/2023", "quy22023"},
		{"empty", " - ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FoldKey(tt.in); got != tt.want {
				t.Errorf("FoldKey(%+q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNFC(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"nfd", norm.NFD.String("Lộc"), "Lộc"},
		{"windows-1258", cp1258(t, "Lộc"), "Lộc"},
		{"already nfc", "Lộc", "Lộc"},
		{"combining mark after a composed letter", "Lô\u0323c", "Lộc"},
		{"composed punctuation", "“Lộc” – 5 €", "“Lộc” – 5 €"},
		{"space that decomposes", "a\u2000b", "a\u2002b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NFC(tt.in); got != tt.want {
				t.Errorf("NFC(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
		})
	}
}

// TestComposedRanges checks that composed's characters are each in NFC and
// start a new segment, combining with nothing before them: a string of them
// is then in NFC.
func TestComposedRanges(t *testing.T) {
	for r := rune(0); r <= 0x20CF; r++ {
		if !inComposedRange(r) {
			continue
		}
		s := string(r)
		if !norm.NFC.IsNormalString(s) || !norm.NFC.PropertiesString(s).BoundaryBefore() {
			t.Errorf("%U is in composed's ranges but not NFC, or combines with what comes before", r)
		}
	}
}

// FuzzNFC checks NFC against norm's.
func FuzzNFC(f *testing.F) {
	for _, s := range []string{"Lộc", norm.NFD.String("Lộc"), "Ủy ban “nhân dân” – 50 €", "e\u0301", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NFC(s), norm.NFC.String(s); got != want {
			t.Errorf("NFC(%+q) = %+q, want %+q", s, got, want)
		}
	})
}

func TestFoldAllocs(t *testing.T) {
	tests := []struct {
		name string
		f    func()
		want float64
	}{
		{"Fold ascii lower", func() { Fold("dang ky khai sinh") }, 0},
		{"Slug of a slug", func() { Slug("dang-ky-khai-sinh") }, 0},
		{"Fold vietnamese", func() { Fold("Đăng ký khai sinh") }, 1},
		{"Slug vietnamese", func() { Slug("Đăng ký khai sinh") }, 1},
		{"FoldKey vietnamese", func() { FoldKey("Giá trị") }, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := testing.AllocsPerRun(100, tt.f); got > tt.want {
				t.Errorf("got %v allocations, want at most %v", got, tt.want)
			}
		})
	}
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func FuzzSlug(f *testing.F) {
	for _, s := range []string{
		"", "Đăng ký khai sinh", "Bước 2: Nhập mã OTP", "Quý I/2023",
		norm.NFD.String("Phòng Tư pháp"), "a\xffb", "--", "東京", "ß",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if got != "" && !slugRE.MatchString(got) {
			t.Fatalf("Slug(%+q) = %q, not a slug", s, got)
		}
		if again := Slug(got); again != got {
			t.Errorf("Slug(Slug(%+q)) = %q, want %q", s, again, got)
		}
		if !utf8.ValidString(s) {
			return
		}
		if nfc, nfd := Slug(norm.NFC.String(s)), Slug(norm.NFD.String(s)); nfc != nfd {
			t.Errorf("Slug of NFC %q differs from Slug of NFD %q for %+q", nfc, nfd, s)
		}
		if key, want := FoldKey(s), strings.ReplaceAll(got, "-", ""); key != want {
			t.Errorf("FoldKey(%+q) = %q, want %q", s, key, want)
		}
	})
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "Đăng ký", "ABC", norm.NFD.String("Lộc"), "한국", "İ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := Fold(s)
		if nfd := Fold(norm.NFD.String(s)); nfd != got {
			t.Errorf("Fold(NFD(%+q)) = %+q, want %+q", s, nfd, got)
		}
		if nfc := Fold(norm.NFC.String(s)); nfc != got {
			t.Errorf("Fold(NFC(%+q)) = %+q, want %+q", s, nfc, got)
		}
		if again := Fold(got); again != got {
			t.Errorf("Fold(Fold(%+q)) = %+q, want %+q", s, again, got)
		}
	})
}

var benchInputs = []struct{ name, s string }{
	{"ascii", "bao-cao-tien-do-quy-2"},
	{"ascii-upper", "Bao cao tien do Quy 2"},
	{"vietnamese", "Báo cáo tiến độ thực hiện Đề án 06 quý II/2023"},
	{"nfd", norm.NFD.String("Báo cáo tiến độ thực hiện Đề án 06 quý II/2023")},
}

func BenchmarkSlug(b *testing.B) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Slug(in.s)
			}
		})
	}
}

func BenchmarkFold(b *testing.B) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Fold(in.s)
			}
		})
	}
}
