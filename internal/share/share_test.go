package share

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

var keep = flag.String("keep", "", "write the test images into this folder, to look at")

// allTones is every Vietnamese vowel with every tone mark, capital and
// small, and đ/Đ.
const allTones = "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ " +
	"AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ Đ"

func sample() Card {
	return Card{
		Site:   "Tiến độ Đề án 06 huyện Lộc Hà",
		Title:  "Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình trên tổng số hồ sơ của huyện",
		Figure: "47.024 tài khoản", Status: "Chậm tiến độ", Tone: Warn,
		Note:   "Mục tiêu 50.000 (30/06/2023) · đạt 94,0% · tháng 5/2023",
		Series: []float64{12000, 20500, 31000, 39000, 47024}, Target: 50000, TargetLabel: "Mục tiêu 50.000",
		Illustrative: true, IllustrativeLabel: "Số liệu minh họa",
	}
}

func render(t *testing.T, name string, c Card) []byte {
	t.Helper()
	b, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: not a PNG: %v", name, err)
	}
	if got := img.Bounds(); got != image.Rect(0, 0, Width, Height) {
		t.Errorf("%s: %v, want %d×%d", name, got, Width, Height)
	}
	if len(b) > MaxBytes {
		t.Errorf("%s: %d bytes, more than %d", name, len(b), MaxBytes)
	}
	if *keep != "" {
		_ = os.WriteFile(filepath.Join(*keep, name+".png"), b, 0o644)
	}
	return b
}

func TestRender(t *testing.T) {
	long := sample()
	long.Title = strings.Repeat("Tỷ lệ người dân được cấp tài khoản định danh điện tử mức độ 2 và kích hoạt thành công ", 4)
	long.Figure = "1.234.567.890 tài khoản định danh"
	long.Site = strings.Repeat("Ủy ban nhân dân huyện Lộc Hà tỉnh Hà Tĩnh ", 3)
	long.Note = strings.Repeat("Mục tiêu rất dài ", 12)
	long.Status = strings.Repeat("Quá hạn chưa đạt ", 5)
	bar := Card{Site: "Lộc Hà", Title: "Nhiệm vụ của kế hoạch", Figure: "12/27 đã hoàn thành", Status: "3 nhiệm vụ quá hạn", Tone: Bad,
		Series: []float64{12}, Target: 27, TargetLabel: "12 trên 27 nhiệm vụ đã hoàn thành"}
	for name, c := range map[string]Card{
		"sample": sample(), "long": long, "bar": bar,
		"tones": {Site: allTones, Title: allTones, Figure: "ĐẠT ỔN", Status: "Đúng tiến độ", Tone: Good, Note: allTones, Target: math.NaN()},
		"empty": {Target: math.NaN()},
		"flat":  {Title: "Một giá trị", Series: []float64{5, 5, 5}, Target: math.NaN(), Tone: Neutral, Status: "Chưa có số liệu"},
		"gap":   {Title: "Có tuần thiếu số liệu", Series: []float64{40, math.NaN(), 55, 61, math.NaN()}, Target: 80, TargetLabel: "Mục tiêu 80%", Tone: Bad, Status: "Chưa đạt"},
		"nfd":   {Title: norm.NFD.String("Lộc Hà: số liệu"), Target: math.NaN()},
	} {
		render(t, name, c)
	}
}

// TestDeterministic: the same card gives the same bytes, drawn one after
// the other and in parallel.
func TestDeterministic(t *testing.T) {
	a := render(t, "a", sample())
	done := make(chan []byte, 4)
	for range 4 {
		go func() { b, _ := Render(sample()); done <- b }()
	}
	for range 4 {
		if b := <-done; !bytes.Equal(a, b) {
			t.Fatal("two renders of the same card differ")
		}
	}
}

// TestEveryRuneHasGlyph: every Vietnamese letter with every tone mark, and
// the punctuation the site writes, has a glyph in both weights; a
// character without one fails the render, naming it.
func TestEveryRuneHasGlyph(t *testing.T) {
	for _, r := range allTones + "0123456789.,:;!?%()[]/–—‘’“”…·₫×" {
		if !Covered(r) {
			t.Errorf("no glyph for %q (U+%04X)", r, r)
		}
		if nfd := norm.NFD.String(string(r)); nfd != string(r) {
			if m := (Card{Title: nfd}).Missing(); len(m) > 0 {
				t.Errorf("decomposed %q: no glyph for %q", r, m)
			}
		}
	}
	_, err := Render(Card{Title: "Hà Nội 北京 ✓", Target: math.NaN()})
	if rs, ok := IsMissingGlyph(err); !ok || string(rs) != "北京✓" {
		t.Errorf("a title with characters the fonts lack: %v", err)
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		s     string
		w     float32
		n     int
		lines int
		cut   bool
	}{
		{"Lộc Hà", 1000, 2, 1, false},
		{"một hai ba bốn năm sáu bảy tám chín mười", 200, 2, 2, true},
		{"một hai ba", 2000, 3, 1, false},
		{strings.Repeat("x", 200), 300, 2, 1, true},
	} {
		got := wrap(regular, tc.s, 30, tc.w, tc.n)
		if len(got.lines) != tc.lines || got.cut != tc.cut {
			t.Errorf("wrap(%q, %v, %d) = %q (cut %v), want %d lines, cut %v", tc.s, tc.w, tc.n, got.lines, got.cut, tc.lines, tc.cut)
		}
		for _, l := range got.lines {
			if w := regular.width(l, 30); w > tc.w {
				t.Errorf("wrap(%q): line %q is %v wide, more than %v", tc.s, l, w, tc.w)
			}
		}
	}
}

func BenchmarkRender(b *testing.B) {
	c := sample()
	for b.Loop() {
		if _, err := Render(c); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCache: a second cache on the same folder reads the image instead of
// drawing it, and a changed card is drawn again.
func TestCache(t *testing.T) {
	dir := t.TempDir()
	a, err := NewCache(dir).PNG(sample())
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	if len(files) != 1 {
		t.Fatalf("%d files in the cache, want 1", len(files))
	}
	// Spoil the cached file: a second cache must return it as it is.
	if err := os.WriteFile(files[0], []byte("cached"), 0o644); err != nil {
		t.Fatal(err)
	}
	k := NewCache(dir)
	if b, _ := k.PNG(sample()); string(b) != "cached" {
		t.Error("the cache drew a card it had")
	}
	c := sample()
	c.Series = append(c.Series, 48000)
	if b, _ := k.PNG(c); bytes.Equal(b, a) || string(b) == "cached" {
		t.Error("a changed card came from the cache")
	}
	nan := sample()
	nan.Target = math.NaN()
	if k.key(nan) != k.key(nan) || k.key(nan) == k.key(sample()) {
		t.Error("the key of a card without a target is not stable or not distinct")
	}
}

// TestNoBreakSpace: a line never breaks at a no-break space.
func TestNoBreakSpace(t *testing.T) {
	got := wrap(regular, "Mục tiêu 100,0% (từ 01/03/2023) · đạt\u00a095,4%", 28, 540, 3)
	if len(got.lines) != 2 || got.lines[1] != "đạt\u00a095,4%" {
		t.Errorf("wrap = %q", got.lines)
	}
}
