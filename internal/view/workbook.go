package view

import (
	"bytes"
	"strings"

	"github.com/tiendo/tiendo/internal/opendata"
	"github.com/tiendo/tiendo/internal/table"
)

// tableNote is what a table download's notes say beyond the site's
// licence and date: where its figures come from, and whether they are
// made up, as the table's page says.
type tableNote struct {
	Title, Source string
	Illustrative  bool
}

// tableDownload keeps a table to write as CSV at path (the open format,
// the one datapackage.json describes) and as its Excel twin beside it
// (the same name, .xlsx, for staff who asked for Excel), both from the
// same cells; it returns the CSV's entry with the twin.
func (e Env) tableDownload(out *Out, path string, cols []opendata.Field, rows [][]string, n tableNote) Download {
	var cb bytes.Buffer
	_ = table.WriteCSV(&cb, names(cols), rows)
	d := out.download("CSV", path, cb.Bytes())
	notes := opendata.Notes{Title: n.Title, Source: n.Source, Licence: e.Open.Licence, AsOf: e.Now.In(e.Location)}
	if n.Illustrative || e.Open.Sample {
		notes.Illustrative = e.T("xlsxIllustrative")
	}
	if xb, err := opendata.Workbook(cols, rows, notes); err == nil {
		x := out.download("Excel", strings.TrimSuffix(path, ".csv")+".xlsx", xb)
		x.Format = "XLSX"
		d.Excel = &x
	}
	return d
}
