package report

import (
	"math"
	"reflect"
	"testing"

	"github.com/tiendo/tiendo/internal/period"
)

var (
	w13 = period.MustParse("2023-W13")
	w14 = period.MustParse("2023-W14")
)

// catalogue is a small service list: three essential services in two
// sectors, and one other service.
var catalogue = []Service{
	{ID: "khai-sinh", Sector: "tu-phap", Essential: true},
	{ID: "khai-tu", Sector: "tu-phap", Essential: true},
	{ID: "thuong-tru", Sector: "cong-an", Essential: true},
	{ID: "khac", Sector: "khac"},
}

// sampleRows are five rows whose sums the tests below work out by hand.
// Each balances: resolved + in progress = received + carried over.
func sampleRows() []Row {
	return []Row{
		{ // R1: 5+4+1 + 2+0 = 12 = 6+4 + 2
			Week: w13, Unit: "tu-phap", Service: "khai-sinh",
			Counts: Counts{ReceivedOnline: 6, ReceivedInPerson: 4, CarriedOver: 2,
				ResolvedEarly: 5, ResolvedOnTime: 4, ResolvedLate: 1, PendingOnTime: 2,
				ResultsReturned: 9, NotAccepted: 1, ReturnedForSupplement: 2},
			LateReason: "Hồ sơ cần xác minh thêm", NotAcceptedReason: "Sai mẫu tờ khai", SupplementReason: "Thiếu giấy tờ chứng minh",
		},
		{ // R2: 2+1+0 + 1+0 = 4 = 1+3 + 0
			Week: w13, Unit: "tu-phap", Service: "khai-tu",
			Counts: Counts{ReceivedOnline: 1, ReceivedInPerson: 3,
				ResolvedEarly: 2, ResolvedOnTime: 1, PendingOnTime: 1, ResultsReturned: 3},
		},
		{ // R3: 8+3+1 + 1+1 = 14 = 9+3 + 2; late dossiers 1 + 1 overdue = 2
			Week: w14, Unit: "tu-phap", Service: "khai-sinh",
			Counts: Counts{ReceivedOnline: 9, ReceivedInPerson: 3, CarriedOver: 2,
				ResolvedEarly: 8, ResolvedOnTime: 3, ResolvedLate: 1, PendingOnTime: 1, PendingOverdue: 1,
				ResultsReturned: 12, ReturnedForSupplement: 1},
			LateReason: "hồ sơ cần  xác minh thêm.", SupplementReason: "Thiếu giấy tờ chứng minh",
		},
		{ // R4: 15+7+0 + 2+1 = 25 = 20+5 + 0; one overdue dossier, no reason
			Week: w14, Unit: "cong-an", Service: "thuong-tru",
			Counts: Counts{ReceivedOnline: 20, ReceivedInPerson: 5,
				ResolvedEarly: 15, ResolvedOnTime: 7, PendingOnTime: 2, PendingOverdue: 1,
				ResultsReturned: 22, NotAccepted: 2},
			NotAcceptedReason: "sai mẫu tờ khai",
		},
		{ // R5: 5+4+1 + 0 = 10 = 3+7 + 0
			Week: w14, Unit: "cong-an", Service: "khac",
			Counts: Counts{ReceivedOnline: 3, ReceivedInPerson: 7,
				ResolvedEarly: 5, ResolvedOnTime: 4, ResolvedLate: 1,
				ResultsReturned: 10, ReturnedForSupplement: 1},
			LateReason: "Hồ sơ cần xác minh thêm", SupplementReason: "Tờ khai chưa đủ chữ ký",
		},
	}
}

func aggregate(tb testing.TB, views []Dims) *Aggregator {
	tb.Helper()
	a := New(Options{Services: catalogue, Views: views})
	for _, r := range sampleRows() {
		if !r.Balanced() {
			tb.Fatalf("test row %s %s does not balance", r.Week, r.Service)
		}
		a.Add(r)
	}
	return a
}

func TestTotal(t *testing.T) {
	a := aggregate(t, nil)
	got := a.Total()
	want := Counts{
		ReceivedOnline:        39, // 6 + 1 + 9 + 20 + 3
		ReceivedInPerson:      22, // 4 + 3 + 3 + 5 + 7
		CarriedOver:           4,  // 2 + 0 + 2 + 0 + 0
		ResolvedEarly:         35, // 5 + 2 + 8 + 15 + 5
		ResolvedOnTime:        19, // 4 + 1 + 3 + 7 + 4
		ResolvedLate:          3,  // 1 + 0 + 1 + 0 + 1
		PendingOnTime:         6,  // 2 + 1 + 1 + 2 + 0
		PendingOverdue:        2,  // 0 + 0 + 1 + 1 + 0
		ResultsReturned:       56, // 9 + 3 + 12 + 22 + 10
		NotAccepted:           3,  // 1 + 0 + 0 + 2 + 0
		ReturnedForSupplement: 4,  // 2 + 0 + 1 + 0 + 1
	}
	if got.Counts != want {
		t.Errorf("total counts:\ngot  %+v\nwant %+v", got.Counts, want)
	}
	if got.Rows != 5 {
		t.Errorf("rows: got %d, want 5", got.Rows)
	}
	// 57 resolved + 8 in progress = 65 = 61 received + 4 carried over.
	if !got.Balanced() || got.Resolved() != 57 || got.InProgress() != 8 || got.ToHandle() != 65 {
		t.Errorf("total: resolved %d, in progress %d, to handle %d", got.Resolved(), got.InProgress(), got.ToHandle())
	}
	if r := got.OnlineRate(); r != (Ratio{39, 61}) {
		t.Errorf("online rate: got %v, want 39/61", r)
	}
	if r := got.OnTimeRate(); r != (Ratio{54, 57}) { // (35 + 19) ÷ 57
		t.Errorf("on-time rate: got %v, want 54/57", r)
	}
	// Target: (10 + 4 + 12 + 25 dossiers) × 80% + 10 × 60% = 40.8 + 6 =
	// 46.8 dossiers online of 61, a weighted target of 76.72%; 39 < 46.8.
	if tg, ok := got.OnlineTarget(); !ok || math.Abs(tg-46.8/61) > 1e-12 {
		t.Errorf("online target: got %v, want %v", tg, 46.8/61)
	}
	if met, ok := got.MeetsOnlineTarget(); met || !ok {
		t.Errorf("meets target: got %v %v, want false true", met, ok)
	}
}

func TestReasons(t *testing.T) {
	got := aggregate(t, nil).Total()
	// Late dossiers: R1 1, R3 1 late + 1 overdue, R4 1 overdue, R5 1 = 5.
	// "Hồ sơ cần xác minh thêm" (R1, R5) and "hồ sơ cần  xác minh
	// thêm." (R3) are one reason: 1 + 2 + 1 = 4, labelled as the two
	// rows wrote it. R4 gave no reason for its overdue dossier.
	wantLate := []Reason{{"Hồ sơ cần xác minh thêm", 4}, {"", 1}}
	// Not accepted: one row each way; R4's spelling has more dossiers (2).
	wantNot := []Reason{{"sai mẫu tờ khai", 3}}
	wantSup := []Reason{{"Thiếu giấy tờ chứng minh", 3}, {"Tờ khai chưa đủ chữ ký", 1}}
	for _, c := range []struct {
		name      string
		got, want []Reason
	}{{"late", got.LateReasons, wantLate}, {"not accepted", got.NotAcceptedReasons, wantNot}, {"supplement", got.SupplementReasons, wantSup}} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s reasons: got %+v, want %+v", c.name, c.got, c.want)
		}
	}
}

func TestViews(t *testing.T) {
	a := aggregate(t, nil)
	tests := []struct {
		name        string
		dims        Dims
		key         Key
		online, rec int64 // online rate
		onTime, res int64 // on-time rate
		met         bool
	}{
		// W13 = R1 + R2: 7 online of 14; (5+4+2+1) = 12 on time of 13.
		// Target 14 × 80% = 11.2 > 7.
		{"week 13", ByWeek, Key{Week: w13}, 7, 14, 12, 13, false},
		// W14 = R3 + R4 + R5: 9+20+3 = 32 of 12+25+10 = 47;
		// (8+3) + (15+7) + (5+4) = 42 of 12 + 22 + 10 = 44.
		{"week 14", ByWeek, Key{Week: w14}, 32, 47, 42, 44, false},
		// cong-an = R4 + R5: 23 of 35; target 25×0.8 + 10×0.6 = 26 > 23.
		{"unit", ByUnit, Key{Unit: "cong-an"}, 23, 35, 31, 32, false},
		// thuong-tru = R4: 20 of 25 is exactly the 80% target: met.
		{"service at target", ByService, Key{Service: "thuong-tru"}, 20, 25, 22, 22, true},
		// tu-phap = R1 + R2 + R3: 16 of 26; (5+4) + (2+1) + (8+3) = 23 of 25.
		{"sector", BySector, Key{Sector: "tu-phap"}, 16, 26, 23, 25, false},
		// khai-sinh in W14 = R3: 9 of 12 = 75% < 80%.
		{"week unit service", ByWeek | ByUnit | ByService, Key{Week: w14, Unit: "tu-phap", Service: "khai-sinh"}, 9, 12, 11, 12, false},
		// khac = R5, not essential: 3 of 10 < 60%.
		{"week service", ByWeek | ByService, Key{Week: w14, Service: "khac"}, 3, 10, 9, 10, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := a.Find(tt.dims, tt.key)
			if !ok {
				t.Fatalf("no cell %+v in view %s", tt.key, tt.dims)
			}
			if s.Key != tt.key {
				t.Errorf("key: got %+v, want %+v", s.Key, tt.key)
			}
			if got, want := s.OnlineRate(), (Ratio{tt.online, tt.rec}); got != want {
				t.Errorf("online rate: got %v, want %v", got, want)
			}
			if got, want := s.OnTimeRate(), (Ratio{tt.onTime, tt.res}); got != want {
				t.Errorf("on-time rate: got %v, want %v", got, want)
			}
			if met, _ := s.MeetsOnlineTarget(); met != tt.met {
				t.Errorf("meets target: got %v, want %v", met, tt.met)
			}
		})
	}
}

// TestRatesFromSums: the district's online rate is not the mean of the
// weeks' rates. W13 is 7/14 = 50%, W14 is 32/47 ≈ 68.09%; their mean,
// 59.04%, gives W13's 14 dossiers the weight of W14's 47. The rate of the
// sums is 39/61 ≈ 63.93%.
func TestRatesFromSums(t *testing.T) {
	a := aggregate(t, nil)
	var sum float64
	weeks := a.View(ByWeek)
	for _, w := range weeks {
		v, _ := w.OnlineRate().Value()
		sum += v
	}
	mean := sum / float64(len(weeks))
	total, _ := a.Total().OnlineRate().Value()
	if math.Abs(total-39.0/61) > 1e-12 || math.Abs(mean-(7.0/14+32.0/47)/2) > 1e-12 {
		t.Errorf("total %v, mean of weeks %v", total, mean)
	}
}

func TestViewOrderAndSums(t *testing.T) {
	a := aggregate(t, nil)
	total := a.Total().Counts
	for _, d := range DefaultViews() {
		var sum Counts
		var late int64
		cells := a.View(d)
		for i, s := range cells {
			sum.Add(&s.Counts)
			for _, r := range s.LateReasons {
				late += r.Dossiers
			}
			if i > 0 && period.Compare(cells[i-1].Week, s.Week) > 0 {
				t.Errorf("view %s: weeks out of order", d)
			}
		}
		if sum != total {
			t.Errorf("view %s: cells add up to %+v, want %+v", d, sum, total)
		}
		if late != total.Late() {
			t.Errorf("view %s: late reasons add up to %d, want %d", d, late, total.Late())
		}
	}
	if got := len(a.View(ByWeek | ByUnit | ByService)); got != 5 {
		t.Errorf("finest view: got %d cells, want 5", got)
	}
	if got := a.View(ByUnit | BySector); got != nil {
		t.Errorf("a view not kept: got %d cells, want none", len(got))
	}
}

// TestMemoryBounded: adding the same rows again changes sums, not the
// number of cells or reason spellings.
func TestMemoryBounded(t *testing.T) {
	a := aggregate(t, nil)
	cells, spellings := len(a.tallies), len(a.spell.text)
	for range 1000 {
		for _, r := range sampleRows() {
			a.Add(r)
		}
	}
	if len(a.tallies) != cells || len(a.spell.text) != spellings || len(a.reasons) > cells*4 {
		t.Errorf("cells %d → %d, spellings %d → %d", cells, len(a.tallies), spellings, len(a.spell.text))
	}
	if got := a.Total().ReceivedOnline; got != 39*1001 {
		t.Errorf("online: got %d, want %d", got, 39*1001)
	}
}

func TestConfiguredTargets(t *testing.T) {
	a := New(Options{Services: catalogue, Targets: Targets{Essential: 0.75, Other: 0.25}})
	for _, r := range sampleRows() {
		a.Add(r)
	}
	// W14, khai-sinh: 9 of 12 = 75% meets a 75% target.
	s, _ := a.Find(ByService|ByWeek, Key{Week: w14, Service: "khai-sinh"})
	if met, _ := s.MeetsOnlineTarget(); !met {
		t.Errorf("9 of 12 should meet 75%%")
	}
	// khac: 3 of 10 = 30% meets 25%.
	s, _ = a.Find(ByService, Key{Service: "khac"})
	if met, _ := s.MeetsOnlineTarget(); !met {
		t.Errorf("3 of 10 should meet 25%%")
	}
}

func TestUnknownServiceHasOtherTarget(t *testing.T) {
	a := New(Options{})
	a.Add(Row{Week: w13, Unit: "u", Service: "moi", Counts: Counts{ReceivedOnline: 6, ReceivedInPerson: 4}})
	tg, ok := a.Total().OnlineTarget()
	if !ok || math.Abs(tg-0.6) > 1e-12 {
		t.Errorf("target: got %v %v, want 0.6", tg, ok)
	}
	if met, _ := a.Total().MeetsOnlineTarget(); !met {
		t.Errorf("6 of 10 should meet 60%%")
	}
}

func TestRatioValue(t *testing.T) {
	if _, ok := (Ratio{}).Value(); ok {
		t.Errorf("0/0 has a value")
	}
	if v, ok := (Ratio{3, 4}).Value(); !ok || v != 0.75 {
		t.Errorf("3/4: got %v", v)
	}
}

func TestReasonKey(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"Hồ sơ cần xác minh thêm", "hồ sơ cần  xác minh thêm."},
		{"Chờ kết quả liên thông", "CHỜ KẾT QUẢ LIÊN THÔNG;"},
		{"Hoà giải", "hòa giải"},
		{"Sai mẫu tờ khai", "Sai mẫu tờ khai\u00a0!"},
		{"Thiếu giấy tờ", "Thie\u0302\u0301u giấy tờ"}, // decomposed
	} {
		if ka, kb := reasonKey(c.a), reasonKey(c.b); ka != kb {
			t.Errorf("reasonKey(%q) = %q, reasonKey(%q) = %q", c.a, ka, c.b, kb)
		}
	}
	if reasonKey("xác minh") == reasonKey("xac minh") {
		t.Errorf("marks must be kept")
	}
}

func TestDimsString(t *testing.T) {
	if got := (ByWeek | ByUnit | ByService).String(); got != "week×unit×service" {
		t.Errorf("got %q", got)
	}
	if got := Dims(0).String(); got != "total" {
		t.Errorf("got %q", got)
	}
}
