package vi

import (
	"slices"
	"testing"
)

var units = []string{
	"Thạch Kim", "Thạch Kim Mới", "Hồng Lộc", "Hồng Lĩnh", "Ích Hậu",
	"Phòng Tư pháp", "Phòng Tài chính", "Phòng Nội vụ", "Kim Song Trường",
}

func TestClosest(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     []string
	}{
		{"no marks", "Thach Kim", 1, []string{"Thạch Kim"}},
		{"prefix ranks after", "Thach Kim", 3, []string{"Thạch Kim", "Thạch Kim Mới"}},
		{"no marks 2", "Hong Loc", 3, []string{"Hồng Lộc"}},
		{"case and marks", "Phong Tu phap", 3, []string{"Phòng Tư pháp"}},
		{"typo", "Hồng Lôc", 3, []string{"Hồng Lộc"}},
		{"transposition", "Hnog Loc", 3, []string{"Hồng Lộc"}},
		{"spacing", "Phòng  Tư-pháp", 1, []string{"Phòng Tư pháp"}},
		{"substring", "Song Truong", 3, []string{"Kim Song Trường"}},
		{"ordered by distance", "Hong Linh", 3, []string{"Hồng Lĩnh", "Hồng Lộc"}},
		{"nothing close", "Cẩm Xuyên", 3, nil},
		{"short name matches little", "Ki", 3, nil},
		{"n zero", "Thach Kim", 0, nil},
		{"empty name", "", 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Closest(tt.in, units, tt.n)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Closest(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestClosestDuplicates(t *testing.T) {
	got := Closest("Ich Hau", []string{"Ích Hậu", "Ích Hậu", "Ich Hau"}, 5)
	want := []string{"Ich Hau", "Ích Hậu"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "ab", 2}, {"kitten", "sitting", 3},
		{"ab", "ba", 1}, {"ca", "abc", 3}, {"hồng", "hông", 1},
	}
	var rows dlRows
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := rows.distance([]rune(tt.a), []rune(tt.b)); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}
