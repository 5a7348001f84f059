package search

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"
	"golang.org/x/text/unicode/norm"

	"github.com/tiendo/tiendo/internal/vi"
)

const (
	miniSearchPath = "../../themes/default/static/vendor/minisearch/minisearch.js"
	searchJSPath   = "../../themes/default/static/js/search.js"
)

// jsRuntime is a goja runtime with MiniSearch and the pure part of
// search.js loaded, as a browser has them on the search page (without a
// document, search.js stops before touching the page).
type jsRuntime struct {
	tb testing.TB
	vm *goja.Runtime
}

func newJS(tb testing.TB) *jsRuntime {
	tb.Helper()
	vm := goja.New()
	for _, p := range []string{miniSearchPath, searchJSPath} {
		src, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := vm.RunScript(p, string(src)); err != nil {
			tb.Fatalf("%s: %v", p, err)
		}
	}
	return &jsRuntime{tb, vm}
}

// call calls tiendoSearch.name with args and returns the result exported
// to Go.
func (js *jsRuntime) call(name string, args ...any) any {
	js.tb.Helper()
	api := js.vm.Get("tiendoSearch").ToObject(js.vm)
	fn, ok := goja.AssertFunction(api.Get(name))
	if !ok {
		js.tb.Fatalf("tiendoSearch.%s is not a function", name)
	}
	vals := make([]goja.Value, len(args))
	for i, a := range args {
		if v, ok := a.(goja.Value); ok {
			vals[i] = v
		} else {
			vals[i] = js.vm.ToValue(a)
		}
	}
	v, err := fn(goja.Undefined(), vals...)
	if err != nil {
		js.tb.Fatalf("tiendoSearch.%s: %v", name, err)
	}
	return v.Export()
}

func (js *jsRuntime) str(name string, args ...any) string {
	js.tb.Helper()
	s, ok := js.call(name, args...).(string)
	if !ok {
		js.tb.Fatalf("tiendoSearch.%s did not return a string", name)
	}
	return s
}

// index builds the client's index from Index's JSON, synchronously.
func (js *jsRuntime) index(docs []Doc) goja.Value {
	js.tb.Helper()
	b, err := Index(docs, "vi")
	if err != nil {
		js.tb.Fatal(err)
	}
	payload, err := js.vm.RunString("(" + string(b) + ")")
	if err != nil {
		js.tb.Fatal(err)
	}
	api := js.vm.Get("tiendoSearch").ToObject(js.vm)
	create, _ := goja.AssertFunction(api.Get("createIndex"))
	ix, err := create(goja.Undefined(), js.vm.Get("MiniSearch"), payload, js.vm.ToValue("sync"))
	if err != nil {
		js.tb.Fatalf("createIndex: %v", err)
	}
	return ix
}

type hit struct {
	Title, Path string
	Terms       []string
}

// search runs a finished query (submitted, or from ?q=) and returns the
// results in order, and whether they are partial.
func (js *jsRuntime) search(ix goja.Value, q string) ([]hit, bool) {
	js.tb.Helper()
	return js.searchAs(ix, q, false)
}

// searchAs runs a query being typed when typing is set.
func (js *jsRuntime) searchAs(ix goja.Value, q string, typing bool) ([]hit, bool) {
	js.tb.Helper()
	api := js.vm.Get("tiendoSearch").ToObject(js.vm)
	fn, _ := goja.AssertFunction(api.Get("search"))
	v, err := fn(goja.Undefined(), ix, js.vm.ToValue(q), js.vm.ToValue(typing))
	if err != nil {
		js.tb.Fatalf("search(%q): %v", q, err)
	}
	var out struct {
		Results []struct {
			Doc   struct{ T, P string }
			Terms []string
		}
		Partial bool
	}
	b, _ := json.Marshal(v.Export())
	if err := json.Unmarshal(b, &out); err != nil {
		js.tb.Fatal(err)
	}
	var hits []hit
	for _, r := range out.Results {
		hits = append(hits, hit{r.Doc.T, r.Doc.P, r.Terms})
	}
	return hits, out.Partial
}

func titles(hits []hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Title)
	}
	return out
}

// trickyWords are where a hand-written fold could go wrong.
var trickyWords = []string{
	"Đăng ký", "ĐĂNG KÝ KHAI SINH", "định danh điện tử", "Định Danh", "đ", "Đ",
	"hoà", "hòa", "Hoà Bình", "HOÀ", "khoẻ", "khỏe", "thuỷ", "Thủy", "Uỷ ban", "ỦY BAN",
	"quý", "Quỳnh", "hoàng", "thuyền", "khuya", "người", "Nguyễn", "ƯỚC", "ơn", "ưu",
	"ngoằn ngoèo", "tiếng Việt", "Lộc Hà", "Hà Tĩnh", "Thạch Kim", "Kỳ Anh", "ỷ lại",
	"Đề án 06", "VNeID", "UBND xã", "Quý II/2023", "50.000", "năm 2023 – quý I",
	"“trích dẫn”", "a\u0300", "Ha\u0300 No\u0323i", "hoa\u0300", "Ðà", "ɖa", "Søren", "Łódź",
	"Æsir", "Œuvre", "Straße", "İstanbul", "ı", "Ħal", "ŧ", "ÀΣ", "naïve café", "",
	"giặt ủi", "gìn giữ", "tuỳ ý", "tùy ý", "luỹ kế", "lũy kế", "thoả thuận", "thỏa thuận",
}

func TestFoldAgreesWithGo(t *testing.T) {
	js := newJS(t)
	for _, w := range trickyWords {
		for _, in := range []string{w, norm.NFD.String(w)} {
			if got, want := js.str("fold", in), vi.Fold(in); got != want {
				t.Errorf("fold(%q): JS %q, Go %q", in, got, want)
			}
		}
	}
}

func TestNormalizeToneAgreesWithGo(t *testing.T) {
	js := newJS(t)
	for _, w := range trickyWords {
		for _, in := range []string{w, norm.NFD.String(w)} {
			if got, want := js.str("normalizeTone", in), vi.NormalizeTone(in); got != want {
				t.Errorf("normalizeTone(%q): JS %q, Go %q", in, got, want)
			}
			if got, want := js.str("exactTerm", in), strings.ToLower(vi.NormalizeTone(in)); got != want {
				t.Errorf("exactTerm(%q): JS %q, Go %q", in, got, want)
			}
		}
	}
}

func TestKey(t *testing.T) {
	js := newJS(t)
	for in, want := range map[string]string{
		"Ký": "ki", "kí": "ki", "KỲ": "ki", "lý": "li", "tỷ": "ti", "Mỹ": "mi", "sỹ": "si",
		"quý": "quy", "quí": "quy", "Quy": "quy", "thủy": "thuy", "Tuy": "tuy", "y": "y", "Ý": "y",
		"hay": "hay", "ngày": "ngay", "Đăng": "dang", "VNeID": "vneid",
	} {
		if got := js.str("key", in); got != want {
			t.Errorf("key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTokenize(t *testing.T) {
	js := newJS(t)
	tests := []struct {
		in   string
		want []string
	}{
		{"Đăng ký khai sinh", []string{"Đăng", "ký", "khai", "sinh"}},
		{"Bước 2: Nhập mã OTP.", []string{"Bước", "2", "Nhập", "mã", "OTP"}},
		{"Quý II/2023 – “VNeID”", []string{"Quý", "II", "2023", "VNeID"}},
		{"hoa\u0300 bi\u0300nh", []string{"hoa\u0300", "bi\u0300nh"}},
		{"50.000 tài khoản, 94,0%", []string{"50", "000", "tài", "khoản", "94", "0"}},
		{"  ", nil},
	}
	for _, tt := range tests {
		got, _ := js.call("tokenize", tt.in).([]any)
		var words []string
		for _, w := range got {
			words = append(words, w.(string))
		}
		if !slices.Equal(words, tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, words, tt.want)
		}
	}
}

var searchDocs = []Doc{
	{Title: "Kích hoạt tài khoản định danh điện tử", Section: "Hướng dẫn", Path: "/huong-dan/kich-hoat/",
		Text: "Sau khi hồ sơ được duyệt, người dân kích hoạt tài khoản trên ứng dụng VNeID."},
	{Title: "Đăng ký khai sinh trực tuyến", Section: "Hướng dẫn", Path: "/huong-dan/khai-sinh/",
		Text: "Cha mẹ đăng ký khai sinh cho con qua Cổng dịch vụ công."},
	{Title: "Hoà giải ở cơ sở", Section: "Tin tức", Path: "/tin-tuc/hoa-giai/", Text: "Tổ hoà giải thôn Bình An."},
	{Title: "Xã Thạch Hòa", Section: "Đơn vị", Path: "/don-vi/thach-hoa/", Text: "UBND xã Thạch Hòa báo cáo."},
	{Title: "Hóa đơn điện tử", Section: "Tin tức", Path: "/tin-tuc/hoa-don/", Text: "Doanh nghiệp dùng hóa đơn điện tử."},
	{Title: "Trồng hoa ven đường", Section: "Tin tức", Path: "/tin-tuc/hoa/", Text: "Đoàn thanh niên trồng hoa."},
	{Title: "Dân cư và định danh", Section: "Kế hoạch", Path: "/ke-hoach/dan-cu/",
		Text: "Làm sạch dữ liệu dân cư; cấp tài khoản định danh; đình chỉ hồ sơ sai."},
	{Title: "Tỷ lệ cấp tài khoản", Path: "/chi-tieu/ty-le/", Kind: KindIndicator},
	{Title: "Tỉ lệ hồ sơ trực tuyến", Path: "/chi-tieu/ti-le/", Kind: KindIndicator},
	{ID: "task:1.2", Title: "1.2. Ban hành kế hoạch kiểm tra", Section: "Nhiệm vụ", Path: "/nhiem-vu/#nv-1-2", Kind: KindTask,
		Text: "Hoàn thành trong tháng 3/2023."},
}

func TestSearchFinds(t *testing.T) {
	js := newJS(t)
	ix := js.index(searchDocs)
	tests := []struct {
		q string
		// want are titles that must be found; first, when set, must rank first.
		want  []string
		first string
		not   []string
	}{
		{q: "dinh danh", want: []string{"Kích hoạt tài khoản định danh điện tử", "Dân cư và định danh"}},
		{q: "DINH DANH dien tu", first: "Kích hoạt tài khoản định danh điện tử", not: []string{"Dân cư và định danh"}},
		{q: "hoa", want: []string{"Hoà giải ở cơ sở", "Xã Thạch Hòa", "Hóa đơn điện tử", "Trồng hoa ven đường"}},
		{q: "hòa", want: []string{"Hoà giải ở cơ sở", "Xã Thạch Hòa", "Hóa đơn điện tử", "Trồng hoa ven đường"}},
		{q: "Dang ky", first: "Đăng ký khai sinh trực tuyến"},
		{q: "đăng ký khai sinh", first: "Đăng ký khai sinh trực tuyến"},
		{q: "Ðăng kí", first: "Đăng ký khai sinh trực tuyến"}, // Icelandic Ð for Đ; kí and ký are both in use
		{q: "ti le", want: []string{"Tỉ lệ hồ sơ trực tuyến", "Tỷ lệ cấp tài khoản"}},
		{q: "vneid", first: "Kích hoạt tài khoản định danh điện tử"},
		{q: "ke hoach kiem tra", first: "1.2. Ban hành kế hoạch kiểm tra"},
		{q: "huong dan", want: []string{"Kích hoạt tài khoản định danh điện tử", "Đăng ký khai sinh trực tuyến"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			hits, _ := js.search(ix, tt.q)
			got := titles(hits)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q: %q not found in %q", tt.q, w, got)
				}
			}
			if tt.first != "" && (len(got) == 0 || got[0] != tt.first) {
				t.Errorf("%q: got %q first, want %q", tt.q, got, tt.first)
			}
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("%q: found %q, which lacks a word", tt.q, n)
				}
			}
		})
	}
}

func TestSearchRanksExactAccentsFirst(t *testing.T) {
	js := newJS(t)
	ix := js.index(searchDocs)
	tests := []struct {
		q     string
		first []string // in any order, before every other result
	}{
		// Old and new tone placement are the same word.
		{"hoà", []string{"Hoà giải ở cơ sở", "Xã Thạch Hòa"}},
		{"hòa", []string{"Hoà giải ở cơ sở", "Xã Thạch Hòa"}},
		{"hóa", []string{"Hóa đơn điện tử"}},
		{"HOA", nil}, // without marks nothing is preferred
		{"định", []string{"Kích hoạt tài khoản định danh điện tử", "Dân cư và định danh"}},
		{"đình", []string{"Dân cư và định danh"}}, // "đình chỉ" in its text beats "định" in titles
		// Both spellings are found, the one typed first.
		{"tỉ lệ", []string{"Tỉ lệ hồ sơ trực tuyến"}},
		{"tỷ lệ", []string{"Tỷ lệ cấp tài khoản"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			hits, _ := js.search(ix, tt.q)
			got := titles(hits)
			if len(got) < len(tt.first) {
				t.Fatalf("%q: got %q", tt.q, got)
			}
			top := slices.Clone(got[:len(tt.first)])
			slices.Sort(top)
			want := slices.Clone(tt.first)
			slices.Sort(want)
			if !slices.Equal(top, want) {
				t.Errorf("%q: got %q, want %q first", tt.q, got, tt.first)
			}
		})
	}
}

func TestSearchPartial(t *testing.T) {
	js := newJS(t)
	ix := js.index(searchDocs)
	hits, partial := js.search(ix, "khai sinh xyzw")
	if !partial || len(hits) == 0 || hits[0].Title != "Đăng ký khai sinh trực tuyến" {
		t.Errorf("got %q, partial %v; want the birth page first, partial", titles(hits), partial)
	}
	hits, partial = js.search(ix, "khai sinh")
	if partial || len(hits) != 1 {
		t.Errorf("got %q, partial %v; want one full result", titles(hits), partial)
	}
	// A typo in a long word is forgiven when nothing matches exactly.
	hits, _ = js.search(ix, "kihch hoat")
	if len(hits) == 0 || hits[0].Title != "Kích hoạt tài khoản định danh điện tử" {
		t.Errorf("typo: got %q", titles(hits))
	}
	for _, q := range []string{"", "  ", "–"} {
		if hits, _ := js.search(ix, q); len(hits) != 0 {
			t.Errorf("%q: got %q, want nothing", q, titles(hits))
		}
	}
}

func TestSearchWhileTyping(t *testing.T) {
	js := newJS(t)
	ix := js.index(searchDocs)
	tests := []struct {
		q      string
		typing bool
		want   []string
	}{
		// Finished, "hoa" is the word hoa (any tone), not the start of "hoàn".
		{"hoa", false, []string{"Hoà giải ở cơ sở", "Xã Thạch Hòa", "Hóa đơn điện tử", "Trồng hoa ven đường"}},
		// Typing, it may be: "kế hoạch", "kích hoạt", "hoàn thành" too.
		{"hoa", true, []string{"Hoà giải ở cơ sở", "Xã Thạch Hòa", "Hóa đơn điện tử", "Trồng hoa ven đường",
			"1.2. Ban hành kế hoạch kiểm tra", "Kích hoạt tài khoản định danh điện tử", "Dân cư và định danh"}},
		{"hoa ", true, []string{"Hoà giải ở cơ sở", "Xã Thạch Hòa", "Hóa đơn điện tử", "Trồng hoa ven đường"}},
		// Nothing has the word "k": the prefix is the fallback.
		{"dang k", false, []string{"Đăng ký khai sinh trực tuyến"}},
		{"dang k", true, []string{"Đăng ký khai sinh trực tuyến"}},
		{"kích h", true, []string{"Kích hoạt tài khoản định danh điện tử"}},
	}
	for _, tt := range tests {
		hits, _ := js.searchAs(ix, tt.q, tt.typing)
		got := titles(hits)
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q typing=%v: got %q, want %q", tt.q, tt.typing, got, want)
		}
	}
}

func TestSearchTermsHighlight(t *testing.T) {
	js := newJS(t)
	ix := js.index(searchDocs)
	hits, _ := js.search(ix, "Định danh kich")
	if len(hits) == 0 {
		t.Fatal("no results")
	}
	terms := hits[0].Terms
	for _, w := range []string{"dinh", "danh", "kich"} {
		if !slices.Contains(terms, w) {
			t.Errorf("terms %q lack %q", terms, w)
		}
	}
}

func TestHighlightAndExcerpt(t *testing.T) {
	js := newJS(t)
	type ranges = [][2]int
	toRanges := func(v any) ranges {
		var out ranges
		b, _ := json.Marshal(v)
		_ = json.Unmarshal(b, &out)
		return out
	}
	text := "Đăng ký tài khoản định danh điện tử (VNeID) mức độ 2: đăng ký tại Công an xã."
	got := toRanges(js.call("highlightRanges", text, []string{"dang", "ki"})) // keys: ký → ki
	want := ranges{{0, 4}, {5, 7}, {54, 58}, {59, 61}}
	if !slices.Equal(got, want) {
		t.Errorf("highlightRanges = %v, want %v", got, want)
	}

	var long strings.Builder
	for range 30 {
		long.WriteString("Người dân nộp hồ sơ trực tuyến. ")
	}
	long.WriteString("Tài khoản định danh điện tử được cấp tại Công an xã. ")
	for range 30 {
		long.WriteString("Cán bộ hướng dẫn tận nơi. ")
	}
	ex := js.call("excerpt", long.String(), []string{"dinh", "danh"}, 120).(map[string]any)
	s := ex["text"].(string)
	if !strings.HasPrefix(s, "… ") || !strings.HasSuffix(s, " …") || len([]rune(s)) > 125 {
		t.Errorf("excerpt %q: want about 120 characters cut at both ends", s)
	}
	rs := toRanges(ex["ranges"])
	if len(rs) != 2 {
		t.Fatalf("excerpt %q ranges %v, want 2", s, rs)
	}
	// Ranges are UTF-16 offsets, as the DOM counts them.
	utf16 := func(s string) []uint16 {
		var out []uint16
		for _, r := range s {
			if r > 0xffff {
				out = append(out, 0, 0)
			} else {
				out = append(out, uint16(r))
			}
		}
		return out
	}
	u16 := utf16(s)
	for i, w := range []string{"định", "danh"} {
		if got := string(runes16(u16[rs[i][0]:rs[i][1]])); got != w {
			t.Errorf("range %d marks %q, want %q", i, got, w)
		}
	}

	short := js.call("excerpt", "Ngắn gọn.", []string{"zzz"}, 120).(map[string]any)
	if short["text"] != "Ngắn gọn." {
		t.Errorf("short text: got %q", short["text"])
	}
	none := js.call("excerpt", long.String(), []string{"zzz"}, 120).(map[string]any)
	if s := none["text"].(string); !strings.HasPrefix(s, "Người dân") || !strings.HasSuffix(s, " …") {
		t.Errorf("no match: got %q, want the start of the text", s)
	}
}

func TestLink(t *testing.T) {
	js := newJS(t)
	tests := []struct {
		path, root string
		relative   bool
		want       string
	}{
		{"/huong-dan/vneid/", "/de-an-06/index.html", false, "/de-an-06/huong-dan/vneid/"},
		{"/nhiem-vu/#nv-1-2", "/de-an-06/index.html", false, "/de-an-06/nhiem-vu/#nv-1-2"},
		{"/", "/index.html", false, "/"},
		{"/huong-dan/vneid/", "../index.html", true, "../huong-dan/vneid/index.html"},
		{"/nhiem-vu/#nv-1-2", "../index.html", true, "../nhiem-vu/index.html#nv-1-2"},
		{"/du-lieu/nhiem-vu.csv", "../index.html", true, "../du-lieu/nhiem-vu.csv"},
	}
	for _, tt := range tests {
		if got := js.str("link", tt.path, tt.root, tt.relative); got != tt.want {
			t.Errorf("link(%q, %q, %v) = %q, want %q", tt.path, tt.root, tt.relative, got, tt.want)
		}
	}
}

func runes16(u []uint16) []rune {
	out := make([]rune, len(u))
	for i, c := range u {
		out[i] = rune(c)
	}
	return out
}

var sample struct {
	once sync.Once
	js   *jsRuntime
	ix   goja.Value
}

// sampleIndex returns one runtime with the sample site's index for the
// whole package: goja takes about a second to build it. Tests using it do
// not run in parallel.
func sampleIndex(tb testing.TB) (*jsRuntime, goja.Value) {
	tb.Helper()
	sample.once.Do(func() {
		sample.js = newJS(tb)
		sample.ix = sample.js.index(sampleDocs(tb))
	})
	if sample.js == nil {
		tb.Fatal("no sample index")
	}
	sample.js.tb = tb
	return sample.js, sample.ix
}

// TestSearchSample searches the sample site the way readers would.
func TestSearchSample(t *testing.T) {
	js, ix := sampleIndex(t)
	tests := []struct {
		q    string
		want string // a path among the first three results
	}{
		{"kich hoat vneid", "/huong-dan/vneid/kich-hoat/"},
		{"tai khoan dinh danh duoc cap", "/chi-tieu/tai-khoan-dinh-danh-dien-tu/"},
		{"khai tu", "/huong-dan/dich-vu-cong/lien-thong-khai-tu/"},
		{"thanh toan khong tien mat", "/huong-dan/thanh-toan-khong-tien-mat/"},
		{"phân công", "/ke-hoach/phan-cong/"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			hits, _ := js.search(ix, tt.q)
			var paths []string
			for _, h := range hits[:min(3, len(hits))] {
				paths = append(paths, h.Path)
			}
			if !slices.Contains(paths, tt.want) {
				t.Errorf("%q: first results %q, want %s among them", tt.q, paths, tt.want)
			}
		})
	}
}

// TestPayloadChoice records why Index ships documents rather than a
// MiniSearch index serialised at build time: the client needs the
// documents anyway (titles, excerpts), and the serialised index would
// more than double the download, to save the browser a few tens of
// milliseconds.
func TestPayloadChoice(t *testing.T) {
	js, ix := sampleIndex(t)
	docs, err := Index(sampleDocs(t), "vi")
	if err != nil {
		t.Fatal(err)
	}
	v, err := js.vm.RunString("(function (ix) { return JSON.stringify(ix.ms); })")
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(v)
	ser, err := fn(goja.Undefined(), ix)
	if err != nil {
		t.Fatal(err)
	}
	serialised := []byte(ser.String())
	d, s := gzipSize(t, docs), gzipSize(t, serialised)
	t.Logf("documents %d bytes (%d gzipped); serialised index %d bytes (%d gzipped) on top", len(docs), d, len(serialised), s)
	if s < d*8/10 {
		t.Errorf("the serialised index (%d bytes gzipped) is now much smaller than the documents (%d): reconsider shipping it", s, d)
	}
}
