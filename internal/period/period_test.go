package period

import (
	"slices"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want string // canonical; "" for not a period
	}{
		{"2023-03-31", "2023-03-31"},
		{"31/03/2023", "2023-03-31"},
		{"31/3/2023", "2023-03-31"},
		{"31-03-2023", "2023-03-31"},
		{"31.03.2023", "2023-03-31"},
		{"ngày 31/3/2023", "2023-03-31"},
		{"Ngày 31 tháng 3 năm 2023", "2023-03-31"},
		{" 1/1/2024 ", "2024-01-01"},
		{"29/02/2024", "2024-02-29"},
		{"29/02/2023", ""},
		{"31/04/2023", ""},
		{"2023-13-01", ""},
		{"00/01/2023", ""},

		{"2023-W13", "2023-W13"},
		{"2023W13", "2023-W13"},
		{"2023-w01", "2023-W01"},
		{"W13/2023", "2023-W13"},
		{"tuần 13/2023", "2023-W13"},
		{"Tuần 13 năm 2023", "2023-W13"},
		{"TUẦN 13 / 2023", "2023-W13"},
		{"2020-W53", "2020-W53"},
		{"2021-W53", ""},
		{"2023-W00", ""},

		{"2023-03", "2023-03"},
		{"03/2023", "2023-03"},
		{"3/2023", "2023-03"},
		{"3-2023", "2023-03"},
		{"tháng 3/2023", "2023-03"},
		{"Tháng 03 năm 2023", "2023-03"},
		{"T3/2023", "2023-03"},
		{"thang 12 2023", "2023-12"},
		{"13/2023", ""},
		{"0/2023", ""},

		{"2023-Q1", "2023-Q1"},
		{"2023Q4", "2023-Q4"},
		{"Q1/2023", "2023-Q1"},
		{"Quý I/2023", "2023-Q1"},
		{"quý 1/2023", "2023-Q1"},
		{"Quý I năm 2023", "2023-Q1"},
		{"QUÝ IV - 2023", "2023-Q4"},
		{"quy iii/2023", "2023-Q3"},
		{"Quý V/2023", ""},
		{"2023-Q5", ""},

		{"2023-H1", "2023-H1"},
		{"H2/2023", "2023-H2"},
		{"6 tháng đầu năm 2023", "2023-H1"},
		{"6 tháng cuối năm 2023", "2023-H2"},
		{"Nửa đầu năm 2023", "2023-H1"},
		{"2023-H3", ""},

		{"2023", "2023"},
		{"năm 2023", "2023"},
		{"Năm  2023", "2023"},
		{"0000", ""},
		{"23", ""},
		{"20233", ""},

		{"", ""},
		{"quý", ""},
		{"tháng 3", ""},
		{"3/23", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, ok := Parse(tt.in)
			if got := p.String(); got != tt.want || ok != (tt.want != "") {
				t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		p           string
		first, last string
	}{
		{"2023-03-31", "2023-03-31", "2023-03-31"},
		{"2024-12-31", "2024-12-31", "2024-12-31"},
		{"2023-W13", "2023-03-27", "2023-04-02"},
		{"2025-W01", "2024-12-30", "2025-01-05"},
		{"2020-W53", "2020-12-28", "2021-01-03"},
		{"2024-02", "2024-02-01", "2024-02-29"},
		{"2023-Q1", "2023-01-01", "2023-03-31"},
		{"2023-Q4", "2023-10-01", "2023-12-31"},
		{"2023-H2", "2023-07-01", "2023-12-31"},
		{"2023", "2023-01-01", "2023-12-31"},
	}
	date := func(y int, m time.Month, d int) string {
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	for _, tt := range tests {
		t.Run(tt.p, func(t *testing.T) {
			p := MustParse(tt.p)
			if got := date(p.First()); got != tt.first {
				t.Errorf("First() = %s, want %s", got, tt.first)
			}
			if got := date(p.Last()); got != tt.last {
				t.Errorf("Last() = %s, want %s", got, tt.last)
			}
			if !p.End().Equal(p.Next().Start()) {
				t.Errorf("End() = %v, Next().Start() = %v", p.End(), p.Next().Start())
			}
			if loc := p.Start().Location(); loc != time.UTC {
				t.Errorf("Start() in %v, want UTC", loc)
			}
			if !p.Contains(p.First()) || !p.Contains(p.Last()) || p.Contains(p.Next().First()) || p.Contains(p.Prev().Last()) {
				t.Errorf("Contains is wrong at the edges of %v", p)
			}
		})
	}
}

func TestNextPrev(t *testing.T) {
	tests := []struct{ p, next, prev string }{
		{"2023-12-31", "2024-01-01", "2023-12-30"},
		{"2024-03-01", "2024-03-02", "2024-02-29"},
		{"2020-W53", "2021-W01", "2020-W52"},
		{"2021-W01", "2021-W02", "2020-W53"},
		{"2023-12", "2024-01", "2023-11"},
		{"2023-01", "2023-02", "2022-12"},
		{"2023-Q4", "2024-Q1", "2023-Q3"},
		{"2023-Q1", "2023-Q2", "2022-Q4"},
		{"2023-H2", "2024-H1", "2023-H1"},
		{"2023", "2024", "2022"},
	}
	for _, tt := range tests {
		t.Run(tt.p, func(t *testing.T) {
			p := MustParse(tt.p)
			if got := p.Next().String(); got != tt.next {
				t.Errorf("Next() = %s, want %s", got, tt.next)
			}
			if got := p.Prev().String(); got != tt.prev {
				t.Errorf("Prev() = %s, want %s", got, tt.prev)
			}
		})
	}
}

func TestLabel(t *testing.T) {
	tests := []struct{ p, vi, en string }{
		{"2023-03-31", "31/03/2023", "31 March 2023"},
		{"2023-W13", "Tuần 13/2023", "Week 13, 2023"},
		{"2023-03", "Tháng 3/2023", "March 2023"},
		{"2023-Q1", "Quý I/2023", "Q1 2023"},
		{"2023-Q4", "Quý IV/2023", "Q4 2023"},
		{"2023-H1", "6 tháng đầu năm 2023", "First half of 2023"},
		{"2023-H2", "6 tháng cuối năm 2023", "Second half of 2023"},
		{"2023", "Năm 2023", "2023"},
	}
	for _, tt := range tests {
		t.Run(tt.p, func(t *testing.T) {
			p := MustParse(tt.p)
			if got := p.Label(diag.VI); got != tt.vi {
				t.Errorf("Label(VI) = %q, want %q", got, tt.vi)
			}
			if got := p.Label(diag.EN); got != tt.en {
				t.Errorf("Label(EN) = %q, want %q", got, tt.en)
			}
			// A label is itself a way of writing the period.
			if q, ok := Parse(tt.vi); !ok || q != p {
				t.Errorf("Parse(%q) = %v, %v; want %v", tt.vi, q, ok, p)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	in := []string{"2023-04-01", "2023", "2023-Q1", "2023-03", "2023-W13", "2023-H1", "2023-03-31", "2022"}
	want := []string{"2022", "2023-03-31", "2023-03", "2023-Q1", "2023-04-01", "2023-W13", "2023-H1", "2023"}
	ps := make([]Period, len(in))
	for i, s := range in {
		ps[i] = MustParse(s)
	}
	slices.SortFunc(ps, Compare)
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %v, want %v", got, want)
	}
}

func TestMapKey(t *testing.T) {
	m := map[Period]int{}
	for _, s := range []string{"Quý I/2023", "2023-Q1", "q1/2023", "31/3/2023", "2023-03-31"} {
		m[MustParse(s)]++
	}
	if len(m) != 2 || m[MustParse("2023-Q1")] != 3 || m[Date(2023, time.March, 31)] != 2 {
		t.Errorf("map = %v", m)
	}
}

func TestContaining(t *testing.T) {
	tests := []struct {
		k    Kind
		y    int
		m    time.Month
		d    int
		want string
	}{
		{Day, 2023, 2, 29, "2023-03-01"},
		{Week, 2024, 12, 30, "2025-W01"},
		{Week, 2021, 1, 3, "2020-W53"},
		{Month, 2023, 3, 31, "2023-03"},
		{Quarter, 2023, 6, 30, "2023-Q2"},
		{HalfYear, 2023, 7, 1, "2023-H2"},
		{Year, 2023, 12, 31, "2023"},
	}
	for _, tt := range tests {
		if got := Containing(tt.k, tt.y, tt.m, tt.d).String(); got != tt.want {
			t.Errorf("Containing(%v, %d-%d-%d) = %s, want %s", tt.k, tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

func TestZero(t *testing.T) {
	var p Period
	if !p.IsZero() || p.String() != "" || p.Label(diag.VI) != "" || !p.Start().IsZero() || !p.Next().IsZero() {
		t.Errorf("zero Period misbehaves: %q %q %v %v", p.String(), p.Label(diag.VI), p.Start(), p.Next())
	}
}

func TestText(t *testing.T) {
	var p Period
	if err := p.UnmarshalText([]byte("Quý II/2024")); err != nil || p.String() != "2024-Q2" {
		t.Fatalf("UnmarshalText = %v, %v", p, err)
	}
	if b, _ := p.MarshalText(); string(b) != "2024-Q2" {
		t.Errorf("MarshalText = %s", b)
	}
	if err := p.UnmarshalText([]byte("quý 5")); err == nil {
		t.Error("UnmarshalText(quý 5) succeeded")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2023-03-31", "31/3/2023", "tuần 13/2023", "2020-W53", "T3/2023",
		"Quý IV năm 2023", "6 tháng cuối năm 2023", "năm 2023", "ngày 29 tháng 2 năm 2024", "1000-01-01", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := Parse(s)
		if !ok {
			if !p.IsZero() {
				t.Fatalf("Parse(%q) failed but returned %v", s, p)
			}
			return
		}
		if !p.valid() {
			t.Fatalf("Parse(%q) = invalid %#v", s, p)
		}
		q, ok := Parse(p.String())
		if !ok || q != p {
			t.Fatalf("Parse(%q) = %#v; Parse(%q) = %#v, %v", s, p, p.String(), q, ok)
		}
		if r, ok := Parse(p.Label(diag.VI)); !ok || r != p {
			t.Fatalf("Parse(Label %q) = %#v, %v; want %#v", p.Label(diag.VI), r, ok, p)
		}
		if p.Next().Prev() != p || Compare(p, p.Next()) >= 0 || !p.End().After(p.Start()) {
			t.Fatalf("arithmetic broken around %v", p)
		}
	})
}
