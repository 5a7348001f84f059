// Command gen writes testdata/sample.json, the search documents of the
// sample site as the build would hand them to search.Index: every page of
// the site (indicator pages as kind "indicator") and every task of
// data/tasks.csv (kind "task", linked to its row on /nhiem-vu/). The tests
// measure the index on it, so that the size bound is checked against real
// Vietnamese text rather than only synthetic pages.
//
// Run from the repository root after the sample content changes:
//
//	go run ./internal/search/testdata/gen
package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/tiendo/tiendo/internal/build"
	"github.com/tiendo/tiendo/internal/output"
	"github.com/tiendo/tiendo/internal/search"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/vi"
)

func main() {
	src := flag.String("source", ".", "site root")
	out := flag.String("out", "internal/search/testdata/sample.json", "output file")
	flag.Parse()

	res := build.Run(build.Options{Source: *src, Sink: output.NewMem()})
	if !res.OK() {
		log.Fatalf("build failed:\n%v", res.Diags)
	}
	var docs []search.Doc
	for _, p := range res.Site.Pages {
		if p.Path == "/404/" || p.Layout == "embed" || p.Draft {
			continue
		}
		docs = append(docs, pageDoc(p))
	}
	tasks, err := taskDocs(filepath.Join(*src, "data", "tasks.csv"))
	if err != nil {
		log.Fatal(err)
	}
	docs = append(docs, tasks...)

	b, err := json.MarshalIndent(docs, "", "\t")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d documents → %s\n", len(docs), *out)
}

func pageDoc(p *site.Page) search.Doc {
	d := search.Doc{ID: p.Path, Title: p.Title, Path: p.Path, Text: p.Plain, Kind: search.KindPage}
	if d.Text == "" {
		d.Text = p.Description
	}
	if p.Parent != nil && p.Parent.Kind != site.KindHome {
		d.Section = p.Parent.Title
	}
	if strings.HasPrefix(p.Path, "/chi-tieu/") && p.Path != "/chi-tieu/" && p.Kind == site.KindGenerated {
		d.Kind = search.KindIndicator
	}
	for _, h := range p.Headings {
		d.Headings = append(d.Headings, h.Text)
	}
	return d
}

// taskDocs reads the code, title and result columns of tasks.csv.
func taskDocs(file string) ([]search.Doc, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var docs []search.Doc
	for _, r := range rows[1:] {
		code := r[col["ma"]]
		path := "/nhiem-vu/#nv-" + vi.Slug(code)
		docs = append(docs, search.Doc{
			ID:      "task:" + code,
			Title:   code + ". " + r[col["nhiem_vu"]],
			Section: "Nhiệm vụ của kế hoạch",
			Path:    path,
			Text:    strings.TrimSpace(r[col["thoi_han"]] + ". " + r[col["ket_qua"]]),
			Kind:    search.KindTask,
		})
	}
	return docs, nil
}
