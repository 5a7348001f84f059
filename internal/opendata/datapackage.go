package opendata

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"time"
)

// Table Schema field types the site's CSV files use.
const (
	TypeString  = "string"
	TypeInteger = "integer"
	TypeNumber  = "number"
	TypeBoolean = "boolean"
	TypeDate    = "date"
)

// Yes and No are the words of a boolean column: a reader of a Vietnamese
// CSV expects words, not true/false.
const (
	Yes = "có"
	No  = "không"
)

// Field is a column of a CSV file.
type Field struct {
	Name  string // the header cell: snake case, Vietnamese without diacritics
	Title string // its label in Vietnamese
	Type  string // a Table Schema type (TypeString…)
	// Unit is what a number counts ("hồ sơ", "%"), empty for text.
	Unit        string
	Description string
}

// Resource is one CSV file of the package.
type Resource struct {
	Name        string // lower case, digits, "-", "_", ".": unique in the package
	Path        string // relative to datapackage.json, "/"-separated, no ".."
	Title       string
	Description string
	// Page is the absolute address of the page that shows the data, empty
	// when the site has no absolute baseURL.
	Page   string
	Fields []Field
	// PrimaryKey are the fields that together name a row; empty if none do.
	PrimaryKey []string
	// Source says where the figures come from; Illustrative marks figures
	// made up for the sample.
	Source       string
	Illustrative bool
	// From and To are the first and last day the rows cover ("2022-12-01",
	// "2023-06-30"); empty when the rows have no period.
	From, To string
	Data     []byte
}

// Package is the whole of the site's open data.
type Package struct {
	Name        string
	Title       string
	Description string
	// Homepage is the absolute address of the catalogue page, empty when
	// the site has no absolute baseURL.
	Homepage  string
	Publisher string
	Licence   Licence
	Citation  string
	// Created is the moment the data is judged at.
	Created   time.Time
	Keywords  []string
	Resources []Resource
}

type dpField struct {
	Name        string   `json:"name"`
	Title       string   `json:"title"`
	Type        string   `json:"type"`
	Format      string   `json:"format,omitempty"`
	Description string   `json:"description,omitempty"`
	Unit        string   `json:"unit,omitempty"`
	TrueValues  []string `json:"trueValues,omitempty"`
	FalseValues []string `json:"falseValues,omitempty"`
}

type dpSchema struct {
	Fields        []dpField `json:"fields"`
	PrimaryKey    []string  `json:"primaryKey,omitempty"`
	MissingValues []string  `json:"missingValues"`
}

type dpLicence struct {
	Name  string `json:"name"`
	Path  string `json:"path"`
	Title string `json:"title"`
}

type dpSource struct {
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
}

type dpDialect struct {
	Delimiter      string `json:"delimiter"`
	LineTerminator string `json:"lineTerminator"`
	QuoteChar      string `json:"quoteChar"`
	DoubleQuote    bool   `json:"doubleQuote"`
	Header         bool   `json:"header"`
}

type dpResource struct {
	Profile     string      `json:"profile"`
	Name        string      `json:"name"`
	Path        string      `json:"path"`
	Title       string      `json:"title"`
	Description string      `json:"description,omitempty"`
	Homepage    string      `json:"homepage,omitempty"`
	Format      string      `json:"format"`
	Mediatype   string      `json:"mediatype"`
	Encoding    string      `json:"encoding"`
	Bytes       int         `json:"bytes"`
	Hash        string      `json:"hash"`
	Dialect     dpDialect   `json:"dialect"`
	Schema      dpSchema    `json:"schema"`
	Sources     []dpSource  `json:"sources,omitempty"`
	Licenses    []dpLicence `json:"licenses"`
	Temporal    *dpTemporal `json:"temporal,omitempty"`
	Sample      bool        `json:"minh_hoa,omitempty"`
}

// dpTemporal is the period the rows cover (not a key of the standard;
// readers ignore keys they do not know).
type dpTemporal struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

type dpPackage struct {
	Profile      string       `json:"profile"`
	Name         string       `json:"name"`
	Title        string       `json:"title"`
	Description  string       `json:"description,omitempty"`
	Homepage     string       `json:"homepage,omitempty"`
	Created      string       `json:"created"`
	Keywords     []string     `json:"keywords,omitempty"`
	Contributors []dpContrib  `json:"contributors,omitempty"`
	Licenses     []dpLicence  `json:"licenses"`
	Citation     string       `json:"citation"`
	Resources    []dpResource `json:"resources"`
}

type dpContrib struct {
	Title string `json:"title"`
	Role  string `json:"role"`
}

// Hash is the Data Package hash of b: "sha256:" and its hex digest.
func Hash(b []byte) string {
	h := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(h[:])
}

// DataPackage is the package as datapackage.json: a Tabular Data Package
// whose every resource is a CSV with its Table Schema.
func DataPackage(p Package) []byte {
	lic := dpLicence{Name: p.Licence.ID, Path: p.Licence.URL, Title: p.Licence.Title}
	out := dpPackage{Profile: "tabular-data-package", Name: p.Name, Title: p.Title, Description: p.Description,
		Homepage: p.Homepage, Created: p.Created.Format(time.RFC3339), Keywords: p.Keywords,
		Licenses: []dpLicence{lic}, Citation: p.Citation}
	if p.Publisher != "" {
		out.Contributors = []dpContrib{{Title: p.Publisher, Role: "publisher"}}
	}
	for _, r := range p.Resources {
		dr := dpResource{Profile: "tabular-data-resource", Name: r.Name, Path: r.Path, Title: r.Title, Description: r.Description,
			Homepage: r.Page, Format: "csv", Mediatype: "text/csv", Encoding: "utf-8", Bytes: len(r.Data), Hash: Hash(r.Data),
			Dialect:  dpDialect{Delimiter: ",", LineTerminator: "\r\n", QuoteChar: `"`, DoubleQuote: true, Header: true},
			Schema:   dpSchema{PrimaryKey: r.PrimaryKey, MissingValues: []string{""}},
			Licenses: []dpLicence{lic}, Sample: r.Illustrative}
		if r.Source != "" {
			dr.Sources = []dpSource{{Title: r.Source}}
		}
		if r.From != "" {
			dr.Temporal = &dpTemporal{Start: r.From, End: r.To}
		}
		for _, f := range r.Fields {
			df := dpField{Name: f.Name, Title: f.Title, Type: f.Type, Format: "default", Description: f.Description, Unit: f.Unit}
			if f.Type == TypeBoolean {
				df.TrueValues, df.FalseValues = []string{Yes}, []string{No}
			}
			dr.Schema.Fields = append(dr.Schema.Fields, df)
		}
		out.Resources = append(out.Resources, dr)
	}
	b, _ := json.MarshalIndent(out, "", "  ")
	return append(b, '\n')
}

// zipTime is the time of every entry of the zip: a fixed moment, so that
// the same data gives the same bytes (1 January 2000, the earliest time
// every zip reader shows the same way).
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// ZipFile is a file of the zip.
type ZipFile struct {
	Name string // "/"-separated path inside the zip
	Data []byte
}

// Zip packs files into one zip archive, deterministically: entries sorted
// by name, a fixed time on each (zipTime), no comment.
func Zip(files []ZipFile) []byte {
	files = slices.Clone(files)
	slices.SortFunc(files, func(a, b ZipFile) int { return strings.Compare(a.Name, b.Name) })
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: zipTime}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err == nil {
			_, err = w.Write(f.Data)
		}
		if err != nil {
			panic("opendata: zip into memory: " + err.Error()) // writes to a bytes.Buffer do not fail
		}
	}
	if err := zw.Close(); err != nil {
		panic("opendata: zip into memory: " + err.Error())
	}
	return buf.Bytes()
}
