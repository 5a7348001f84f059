package content

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/site"
)

// Bodies beyond KeepBodies are read again from their files, the same bytes
// as the ones kept (byte order mark removed, CRLF made LF), and a file
// changed in between is refused.
func TestBodyReadAgain(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md": {Data: []byte("+++\ntitle = \"A\"\n+++\nThân **bài** A.\n")},
		"content/b.md": {Data: []byte("\xef\xbb\xbf---\r\ntitle: B\r\n---\r\nDòng 1\r\nDòng 2\r\n")},
	}
	var l diag.List
	o := Options{DefaultLang: "vi", Location: time.UTC}
	kept := files(Load(fsys, o, &l))
	o.KeepBodies = 1
	again := files(Load(fsys, o, &l))
	if l.Len() != 0 {
		t.Fatalf("problems: %s", l.Format(diag.EN))
	}
	if len(kept) != 2 || len(again) != 2 {
		t.Fatalf("pages: %d and %d, want 2", len(kept), len(again))
	}
	dropped := 0
	for i, p := range again {
		if p.File != kept[i].File {
			t.Fatalf("pages in another order: %s, %s", p.File, kept[i].File)
		}
		if p.Body == nil {
			dropped++
		}
		got, err := Body(fsys, p)
		want, _ := Body(fsys, kept[i])
		if err != nil || string(got) != string(want) || len(want) == 0 {
			t.Errorf("%s: body read again %q, %v; kept %q", p.File, got, err, want)
		}
	}
	if dropped == 0 {
		t.Fatal("KeepBodies 1 kept every body")
	}
	for _, p := range again {
		if p.Body != nil {
			continue
		}
		old := fsys[p.File].Data
		fsys[p.File] = &fstest.MapFile{Data: append(append([]byte{}, old...), "Thêm.\n"...)}
		if _, err := Body(fsys, p); !errors.Is(err, ErrChanged) {
			t.Errorf("%s changed after Load: Body gives %v, want ErrChanged", p.File, err)
		}
		fsys[p.File] = &fstest.MapFile{Data: old}
	}
}

// files are the pages of content files, in order.
func files(pages []*site.Page) []*site.Page {
	var out []*site.Page
	for _, p := range pages {
		if p.File != "" {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b *site.Page) int { return strings.Compare(a.File, b.File) })
	return out
}
