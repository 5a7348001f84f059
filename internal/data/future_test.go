package data

import "testing"

func TestLineList(t *testing.T) {
	for _, tt := range []struct {
		in   []int
		want string
	}{
		{[]int{5}, "line 5"},
		{[]int{5, 9, 10, 11, 12}, "lines 5, 9–12"},
		{[]int{1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23}, "lines 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, …"},
	} {
		if got := lineList(tt.in).En; got != tt.want {
			t.Errorf("lineList(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
