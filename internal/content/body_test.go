package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/spill"
)

// Bodies Load puts in a spill store come back from it as the ones kept in
// memory (byte order mark removed, CRLF made LF), beyond its budget from
// its temporary file.
func TestBodiesInStore(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md": {Data: []byte("+++\ntitle = \"A\"\n+++\nThân **bài** A.\n")},
		"content/b.md": {Data: []byte("\xef\xbb\xbf---\r\ntitle: B\r\n---\r\nDòng 1\r\nDòng 2\r\n")},
	}
	var l diag.List
	o := Options{DefaultLang: "vi", Location: time.UTC}
	kept := files(Load(fsys, o, &l))
	store := spill.New(1, t.TempDir())
	defer store.Close()
	o.Bodies = store
	stored := files(Load(fsys, o, &l))
	if l.Len() != 0 {
		t.Fatalf("problems: %s", l.Format(diag.EN))
	}
	if len(kept) != 2 || len(stored) != 2 {
		t.Fatalf("pages: %d and %d, want 2", len(kept), len(stored))
	}
	for i, p := range stored {
		if p.Body != nil || p.File != kept[i].File {
			t.Fatalf("%s: Body kept in the page, or pages in another order", p.File)
		}
		got, err := Body(store, p)
		want, _ := Body(nil, kept[i])
		if err != nil || string(got) != string(want) || len(want) == 0 {
			t.Errorf("%s: body from the store %q, %v; kept %q", p.File, got, err, want)
		}
	}
	if store.Spilled() == 0 {
		t.Fatal("nothing went to the store's file: the test does not test it")
	}
}

// files are the pages of content files, sorted by file.
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
