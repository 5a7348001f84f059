package view

import (
	"fmt"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		values []float64 // highest first
		want   string
	}{
		{[]float64{12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, "[3 3 3 2 2 2 1 1 1 0 0 0]"},
		{[]float64{90, 80, 80, 80, 20}, "[3 3 3 3 0]"}, // equal values take the class of the first of them
		{[]float64{82, 61, 45}, "[2 1 0]"},
		{[]float64{50, 50}, "[0 0]"},
		{[]float64{7}, "[0]"},
	}
	for _, tc := range tests {
		got := fmt.Sprint(classify(len(tc.values), func(i int) float64 { return tc.values[i] }))
		if got != tc.want {
			t.Errorf("classify(%v) = %s, want %s", tc.values, got, tc.want)
		}
	}
}
