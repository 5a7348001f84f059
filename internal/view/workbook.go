package view

import (
	"bytes"
	"strings"

	"github.com/tiendo/tiendo/internal/opendata"
	"github.com/tiendo/tiendo/internal/par"
	"github.com/tiendo/tiendo/internal/table"
)

// tableNote is what a table download's notes say beyond the site's
// licence and date: where its figures come from, and whether they are
// made up, as the table's page says.
type tableNote struct {
	Title, Source string
	Illustrative  bool
}

// twin is an Excel twin waiting to be made (see Out.makeTwins).
type twin struct {
	dl    *Download
	cols  []opendata.Field
	rows  [][]string
	notes opendata.Notes
	data  []byte
}

// tableDownload keeps a table to write as CSV at path (the open format,
// the one datapackage.json describes) and as its Excel twin beside it
// (the same name, .xlsx, for staff who asked for Excel), both from the
// same cells; it returns the CSV's entry with the twin. The twin is made
// by out.makeTwins, with the others, on every core: a workbook costs
// milliseconds where a CSV costs microseconds.
func (e Env) tableDownload(out *Out, path string, cols []opendata.Field, rows [][]string, n tableNote) Download {
	var cb bytes.Buffer
	_ = table.WriteCSV(&cb, names(cols), rows)
	d := out.download("CSV", path, cb.Bytes())
	notes := opendata.Notes{Title: n.Title, Source: n.Source, Licence: e.Open.Licence, AsOf: e.Now.In(e.Location)}
	if n.Illustrative || e.Open.Sample {
		notes.Illustrative = e.T("xlsxIllustrative")
	}
	d.Excel = &Download{Label: "Excel", Format: "XLSX", Path: strings.TrimSuffix(path, ".csv") + ".xlsx"}
	out.twins = append(out.twins, &twin{dl: d.Excel, cols: cols, rows: rows, notes: notes})
	return d
}

// makeTwins makes the Excel twins tableDownload kept, in parallel, and
// adds their files in the order they were kept. A twin that cannot be
// made keeps its size 0, and the pages do not link it.
func (o *Out) makeTwins() {
	par.Each(o.twins, func(t *twin) { t.data, _ = opendata.Workbook(t.cols, t.rows, t.notes) })
	for _, t := range o.twins {
		if len(t.data) > 0 {
			o.Files = append(o.Files, File{Path: strings.TrimPrefix(t.dl.Path, "/"), Data: t.data})
			t.dl.Size = len(t.data)
		}
	}
	o.twins = nil
}
