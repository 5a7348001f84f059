package vi

import (
	"slices"
	"sync"
	"testing"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       int
	}{
		{"đ after d", "Đà Nẵng", "Dương", 1},
		{"i after h", "Ích Hậu", "Hồng Lộc", 1},
		{"ă after a", "ăn", "anh", 1},
		{"ă after every a word", "ăn", "azz", 1},
		{"â after ă", "ân", "ăn", 1},
		{"ơ after ô", "ơn", "ôn", 1},
		{"ư after u", "ưu", "uy", 1},
		{"tone is secondary", "bà", "bạc", -1},
		{"tone order", "bà", "bá", -1},
		{"equal", "Hà Nội", "Hà Nội", 0},
		{"nfd differs by bytes only", "Hà", "Ha\u0300", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Compare(tt.a, tt.b); got != tt.want {
				t.Errorf("Compare(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
			if got := Compare(tt.b, tt.a); got != -tt.want {
				t.Errorf("Compare(%q, %q) = %d, want %d", tt.b, tt.a, got, -tt.want)
			}
		})
	}
}

func TestSortStrings(t *testing.T) {
	ss := []string{"Ích Hậu", "Đà Nẵng", "ăn", "Dương", "bà", "Hồng Lộc", "anh", "ba", "bá", "Ba", "ưu", "uy"}
	want := []string{"anh", "ăn", "ba", "Ba", "bà", "bá", "Dương", "Đà Nẵng", "Hồng Lộc", "Ích Hậu", "uy", "ưu"}
	SortStrings(ss)
	if !slices.Equal(ss, want) {
		t.Errorf("got %q, want %q", ss, want)
	}
	again := slices.Clone(want)
	slices.SortFunc(again, Compare)
	if !slices.Equal(again, want) {
		t.Errorf("sorting with Compare: got %q, want %q", again, want)
	}
}

func TestCompareConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				if Compare("Đà Nẵng", "Dương") != 1 {
					t.Error("Compare gave a wrong answer under concurrency")
					return
				}
				ss := []string{"Đà Nẵng", "Dương", "anh"}
				SortStrings(ss)
				if ss[2] != "Đà Nẵng" {
					t.Errorf("got %q", ss)
					return
				}
			}
		})
	}
	wg.Wait()
}
