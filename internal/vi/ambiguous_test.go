package vi

import "testing"

func TestAmbiguous(t *testing.T) {
	tests := []struct {
		in               string
		asComma, asPoint float64
		ambiguous        bool
	}{
		{"2.421", 2421, 2.421, true},
		{"1,234", 1.234, 1234, true},
		{"-12.345", -12345, -12.345, true},
		{"123.456%", 123456, 123.456, true},
		{"1234", 1234, 1234, false},
		{"1.234,5", 0, 0, false},
		{"1,234.5", 0, 0, false},
		{"12,5", 0, 0, false},
		{"12.5", 0, 0, false},
		{"0.123", 0, 0, false},
		{"1.234.567", 0, 0, false},
		{"1.2345", 0, 0, false},
		{"abc", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, p, amb := Ambiguous(tt.in)
			if amb != tt.ambiguous || amb && (c != tt.asComma || p != tt.asPoint) {
				t.Errorf("Ambiguous(%q) = %v, %v, %v; want %v, %v, %v", tt.in, c, p, amb, tt.asComma, tt.asPoint, tt.ambiguous)
			}
		})
	}
}
