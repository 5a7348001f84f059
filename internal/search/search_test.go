package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// decode reads Index's JSON back.
func decode(tb testing.TB, b []byte) payload {
	tb.Helper()
	var p payload
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		tb.Fatalf("index JSON: %v\n%s", err, b)
	}
	return p
}

func TestIndexFields(t *testing.T) {
	docs := []Doc{
		{Title: "Kích hoạt tài khoản định danh điện tử", Section: "Hướng dẫn VNeID", Path: "/huong-dan/vneid/kich-hoat/",
			Text: "Bước 1:   mở ứng dụng\n\tVNeID.", Headings: []string{"Bước 1: Mở ứng dụng", " ", "Bước 2"}},
		// Decomposed input (as some Mac tools write it) and a section seen before.
		{ID: "x", Title: "Đăng ky\u0301 khai sinh", Section: "Hướng dẫn VNeID", Path: "/huong-dan/khai-sinh/", Kind: KindPage},
		{ID: "chi-tieu:1", Title: "Tài khoản <VNeID> & DVC", Section: "Chỉ tiêu", Path: "/chi-tieu/tk/", Kind: KindIndicator},
		{ID: "task:1.2", Title: "1.2. Ban hành kế hoạch", Path: "/nhiem-vu/#nv-1-2", Kind: KindTask},
	}
	b, err := Index(docs, "vi")
	if err != nil {
		t.Fatal(err)
	}
	got := decode(t, b)
	want := payload{
		Version:  1,
		Lang:     "vi",
		Sections: []string{"Hướng dẫn VNeID", "Chỉ tiêu"},
		Docs: []entry{
			{Title: "Kích hoạt tài khoản định danh điện tử", Path: "/huong-dan/vneid/kich-hoat/", Section: 1,
				Headings: []string{"Bước 1: Mở ứng dụng", "Bước 2"}, Text: "Bước 1: mở ứng dụng VNeID."},
			{Title: "Đăng ký khai sinh", Path: "/huong-dan/khai-sinh/", Section: 1},
			{Title: "Tài khoản <VNeID> & DVC", Path: "/chi-tieu/tk/", Section: 2, Kind: KindIndicator},
			{Title: "1.2. Ban hành kế hoạch", Path: "/nhiem-vu/#nv-1-2", Kind: KindTask},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if !bytes.Contains(b, []byte(`"t":"Tài khoản <VNeID> & DVC"`)) {
		t.Errorf("HTML characters escaped, costing bytes: %s", b)
	}
	for _, short := range []string{`"v":`, `"l":`, `"s":`, `"d":`, `"t":`, `"p":`, `"x":`, `"h":`, `"k":`} {
		if !bytes.Contains(b, []byte(short)) {
			t.Errorf("no field %s in %s", short, b)
		}
	}
	again, _ := Index(docs, "vi")
	if !bytes.Equal(b, again) {
		t.Error("Index is not deterministic")
	}
}

func TestIndexEmpty(t *testing.T) {
	b, err := Index(nil, "en")
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"v":1,"l":"en","s":[],"d":[]}`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
}

func TestIndexErrors(t *testing.T) {
	tests := []struct {
		name string
		docs []Doc
		want string
	}{
		{"no title", []Doc{{Title: " ", Path: "/a/"}}, `search: document 0 ("/a/"): no title`},
		{"relative path", []Doc{{Title: "A", Path: "a/"}}, `search: document "a/": path "a/" is not a site path`},
		{"same path", []Doc{{Title: "A", Path: "/a/"}, {Title: "B", Path: "/a/"}}, `search: two documents with ID "/a/"`},
		{"same ID", []Doc{{ID: "k", Title: "A", Path: "/a/"}, {ID: "k", Title: "B", Path: "/b/"}}, `search: two documents with ID "k"`},
		{"unknown kind", []Doc{{Title: "A", Path: "/a/", Kind: "news"}}, `search: document "/a/": unknown kind "news"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Index(tt.docs, "vi")
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v, want %s", err, tt.want)
			}
		})
	}
}

func TestIndexSameTitlesDifferentIDs(t *testing.T) {
	docs := []Doc{{ID: "task:1", Title: "A", Path: "/nhiem-vu/"}, {ID: "task:2", Title: "A", Path: "/nhiem-vu/"}}
	if _, err := Index(docs, "vi"); err != nil {
		t.Errorf("two IDs on one path: %v", err)
	}
}

func TestCut(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"short", "Đăng ký", 100, "Đăng ký"},
		{"at a space", "một hai ba bốn", 9, "một hai"},
		{"inside a word", "một hai ba bốn", 11, "một hai"},
		{"before a space", "một hai ba bốn", 12, "một hai ba"},
		{"inside a rune", "đăng đăng", 6, "đăng"},
		{"at punctuation", "Bước một, bước hai", 13, "Bước một"},
		{"punctuation dropped", "Bước một, bước hai", 14, "Bước một"},
		{"one long word", strings.Repeat("đ", 10), 7, "đđđ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cut(tt.in, tt.n)
			if got != tt.want {
				t.Errorf("cut(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
			if len(got) > tt.n || !utf8.ValidString(got) {
				t.Errorf("cut(%q, %d) = %q: too long or invalid", tt.in, tt.n, got)
			}
		})
	}
}

// FuzzClean checks clean against what it does without its shortcuts.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"", " ", "Đăng ký", " Đăng ký", "Đăng ký ", "Đăng  ký", "Đăng\tký", "Đăng\u00a0ký",
		"a\u2000b", "Ho\u0300a", "\xff \xc2", "một\u0085hai", "một\u3000hai"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := clean(s), strings.Join(strings.Fields(norm.NFC.String(s)), " "); got != want {
			t.Errorf("clean(%+q) = %+q, want %+q", s, got, want)
		}
	})
}

func TestIndexTruncatesText(t *testing.T) {
	long := strings.Repeat("Người dân đăng ký tài khoản định danh điện tử. ", 200)
	b, err := Index([]Doc{{Title: "A", Path: "/a/", Text: long}}, "vi")
	if err != nil {
		t.Fatal(err)
	}
	x := decode(t, b).Docs[0].Text
	if len(x) > maxText || len(x) < maxText-40 || !strings.HasPrefix(long, x) {
		t.Errorf("text of %d bytes kept as %d bytes: %q…", len(long), len(x), x[:min(len(x), 40)])
	}
}

// sampleDocs are the documents of the sample site (testdata/gen).
func sampleDocs(tb testing.TB) []Doc {
	tb.Helper()
	b, err := os.ReadFile("testdata/sample.json")
	if err != nil {
		tb.Fatal(err)
	}
	var docs []Doc
	if err := json.Unmarshal(b, &docs); err != nil {
		tb.Fatal(err)
	}
	return docs
}

func gzipSize(tb testing.TB, b []byte) int {
	tb.Helper()
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := w.Write(b); err != nil {
		tb.Fatal(err)
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Len()
}

// maxGzip is the bound on the index a phone downloads.
const maxGzip = 150 << 10

func TestSampleSize(t *testing.T) {
	docs := sampleDocs(t)
	b, err := Index(docs, "vi")
	if err != nil {
		t.Fatal(err)
	}
	gz := gzipSize(t, b)
	t.Logf("sample site: %d documents, index %d bytes, %d gzipped", len(docs), len(b), gz)
	if gz > maxGzip {
		t.Errorf("sample index is %d bytes gzipped, more than %d", gz, maxGzip)
	}
}

// TestTextNeeded: a document's text cut to TextNeeded bytes, where a
// character starts, gives the index the whole text gives, however many
// documents there are and wherever the cut falls in a character, a word or
// a run of spaces.
func TestTextNeeded(t *testing.T) {
	words := []string{"Kích", "hoạt", "tài", "khoản", "định", "danh", "điện", "tử", "mức", "2", "tại", "Công", "an", "xã", "—", "ứng", "dụng", "VNeID"}
	// Text with little white space is cut at the document's share; text
	// with much of it is cut where Index stops reading.
	var dense, sparse strings.Builder
	for i := 0; sparse.Len() < 4*maxText+100; i++ {
		w := words[i%len(words)]
		dense.WriteString(w + " ")
		sparse.WriteString(w + strings.Repeat(" \n"[i%2:i%2+1], 20+i%17))
	}
	for _, n := range []int{1, 10, 133, 134, 500, 2500, 10000} {
		need := TextNeeded(n)
		for shift := range 24 {
			body := dense.String()
			if shift >= 12 {
				body = sparse.String()
			}
			text := strings.Repeat("ố", shift%12/3) + strings.Repeat(" ", shift%3) + body
			kept := text
			if len(kept) > need {
				i := need
				for !utf8.RuneStart(kept[i]) {
					i--
				}
				kept = kept[:i]
			}
			docs := func(text string) []Doc {
				ds := []Doc{{Title: "Trang", Path: "/a/", Text: text}}
				for i := 1; i < n; i++ {
					ds = append(ds, Doc{Title: "x", Path: "/x/" + strconv.Itoa(i) + "/"})
				}
				return ds
			}
			whole, err := Index(docs(text), "vi")
			if err != nil {
				t.Fatal(err)
			}
			cut, err := Index(docs(kept), "vi")
			if err != nil {
				t.Fatal(err)
			}
			if w, c := decode(t, whole).Docs[0].Text, decode(t, cut).Docs[0].Text; w != c {
				t.Fatalf("%d documents, shift %d: text kept %d of %d bytes gives %d bytes ending …%q, not %d ending …%q",
					n, shift, len(kept), len(text), len(c), c[max(0, len(c)-20):], len(w), w[max(0, len(w)-20):])
			}
		}
	}
}
