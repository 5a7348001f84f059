package build

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tiendo/tiendo/internal/opendata"
	"github.com/tiendo/tiendo/internal/output"
)

// The Python `frictionless validate` cannot be installed here (it is on
// PyPI only), so this test does its work: datapackage.json against the
// official JSON Schemas of the Tabular Data Package and Table Schema
// specifications (from the npm packages datapackage and tableschema,
// installed by .ci/run into .ci/node_modules), then each CSV against its
// schema: the file exists at its path, its bytes and hash are those
// declared, its header is the schema's fields, every cell parses as its
// field's type, and the primary key names each row once.

// frictionlessProfiles returns the folder holding each profile by name,
// or skips (fails in CI) when they are not installed.
func frictionlessProfiles(t *testing.T) map[string]string {
	t.Helper()
	root := filepath.Join("..", "..", ".ci", "node_modules")
	if d := os.Getenv("TIENDO_NODE_MODULES"); d != "" {
		root = d
	}
	files := map[string]string{
		"tabular-data-package": filepath.Join(root, "datapackage", "lib", "profiles", "tabular-data-package.json"),
		"table-schema":         filepath.Join(root, "tableschema", "lib", "profiles", "table-schema.json"),
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			msg := fmt.Sprintf("the Frictionless profiles are not installed (%s)", f)
			if v := os.Getenv("CI"); v != "" && v != "false" && v != "0" {
				t.Fatalf("%s\n(CI is set, so this fails instead of skipping; .ci/run installs them)", msg)
			}
			t.Skipf("%s\n(run `bash .ci/run` once, or `npm ci --ignore-scripts` in .ci/)", msg)
		}
	}
	return files
}

func compileProfile(t *testing.T, file string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	s, err := c.Compile(file)
	if err != nil {
		t.Fatalf("compile %s: %v", file, err)
	}
	return s
}

// dpDoc is what the test reads of datapackage.json.
type dpDoc struct {
	Profile   string `json:"profile"`
	Resources []struct {
		Name   string `json:"name"`
		Path   string `json:"path"`
		Bytes  int    `json:"bytes"`
		Hash   string `json:"hash"`
		Schema struct {
			Fields []struct {
				Name        string   `json:"name"`
				Type        string   `json:"type"`
				TrueValues  []string `json:"trueValues"`
				FalseValues []string `json:"falseValues"`
			} `json:"fields"`
			PrimaryKey []string `json:"primaryKey"`
		} `json:"schema"`
	} `json:"resources"`
	Licenses []struct {
		Name string `json:"name"`
	} `json:"licenses"`
}

func TestDataPackageValid(t *testing.T) {
	t.Parallel()
	profiles := frictionlessProfiles(t)
	mem := sampleSite(t).Output
	validateDataPackage(t, mem, profiles)
}

// validateDataPackage checks du-lieu/datapackage.json of mem and the
// files it describes.
func validateDataPackage(t *testing.T, mem *output.Mem, profiles map[string]string) {
	t.Helper()
	raw, ok := mem.Files["du-lieu/datapackage.json"]
	if !ok {
		t.Fatal("no du-lieu/datapackage.json")
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if err := compileProfile(t, profiles["tabular-data-package"]).Validate(inst); err != nil {
		t.Errorf("datapackage.json is not a valid Tabular Data Package:\n%v", err)
	}
	tableSchema := compileProfile(t, profiles["table-schema"])
	var generic struct {
		Resources []struct {
			Schema json.RawMessage `json:"schema"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(raw, &generic); err != nil {
		t.Fatal(err)
	}
	for i, r := range generic.Resources {
		s, err := jsonschema.UnmarshalJSON(bytes.NewReader(r.Schema))
		if err != nil {
			t.Fatal(err)
		}
		if err := tableSchema.Validate(s); err != nil {
			t.Errorf("resource %d: not a valid Table Schema:\n%v", i, err)
		}
	}

	var dp dpDoc
	if err := json.Unmarshal(raw, &dp); err != nil {
		t.Fatal(err)
	}
	if len(dp.Licenses) != 1 || dp.Licenses[0].Name != opendata.DefaultLicence {
		t.Errorf("licenses = %+v, want the default %s", dp.Licenses, opendata.DefaultLicence)
	}
	names := map[string]bool{}
	for _, r := range dp.Resources {
		if names[r.Name] {
			t.Errorf("resource name %q twice", r.Name)
		}
		names[r.Name] = true
		// The specification forbids absolute paths and "..".
		if strings.HasPrefix(r.Path, "/") || slices.Contains(strings.Split(r.Path, "/"), "..") || path.Clean(r.Path) != r.Path {
			t.Errorf("%s: path %q is not a plain relative path", r.Name, r.Path)
			continue
		}
		file, ok := mem.Files["du-lieu/"+r.Path]
		if !ok {
			t.Errorf("%s: du-lieu/%s does not exist", r.Name, r.Path)
			continue
		}
		if r.Bytes != len(file) || r.Hash != opendata.Hash(file) {
			t.Errorf("%s: bytes %d, hash %s declared; the file has %d, %s", r.Name, r.Bytes, r.Hash, len(file), opendata.Hash(file))
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(file, []byte("\uFEFF")))).ReadAll()
		if err != nil || len(rows) == 0 {
			t.Errorf("%s: not a CSV with a header: %v", r.Name, err)
			continue
		}
		var fields []string
		for _, f := range r.Schema.Fields {
			fields = append(fields, f.Name)
		}
		if !slices.Equal(rows[0], fields) {
			t.Errorf("%s: header %v, schema fields %v", r.Name, rows[0], fields)
			continue
		}
		keys := map[string]int{}
		for n, row := range rows[1:] {
			line := n + 2
			var key []string
			for c, cell := range row {
				f := r.Schema.Fields[c]
				if slices.Contains(r.Schema.PrimaryKey, f.Name) {
					key = append(key, cell)
				}
				if cell == "" {
					continue // missingValues: [""]
				}
				if err := parseAs(cell, f.Type, f.TrueValues, f.FalseValues); err != nil {
					t.Errorf("%s:%d: %s %q: %v", r.Path, line, f.Name, cell, err)
				}
			}
			if len(r.Schema.PrimaryKey) > 0 {
				k := strings.Join(key, "\x00")
				if prev, dup := keys[k]; dup {
					t.Errorf("%s:%d: primary key %v repeats line %d", r.Path, line, key, prev)
				}
				keys[k] = line
			}
		}
	}
}

// parseAs checks a cell as a Table Schema type with format "default".
func parseAs(cell, typ string, yes, no []string) error {
	switch typ {
	case "string":
		return nil
	case "integer":
		_, err := strconv.ParseInt(cell, 10, 64)
		return err
	case "number":
		x, err := strconv.ParseFloat(cell, 64)
		if err == nil && (math.IsNaN(x) || math.IsInf(x, 0)) {
			return fmt.Errorf("not a finite number")
		}
		return err
	case "date":
		_, err := time.Parse(time.DateOnly, cell)
		return err
	case "boolean":
		if slices.Contains(yes, cell) || slices.Contains(no, cell) {
			return nil
		}
		return fmt.Errorf("neither of %v nor %v", yes, no)
	}
	return fmt.Errorf("type %q not expected", typ)
}

// TestDataPackageFilesAreThePagesFiles checks that /du-lieu/ offers the
// bytes the pages offer (one figure, one source), and the zip holds
// exactly them, datapackage.json and a README, in order, at a fixed time.
func TestDataPackageFilesAreThePagesFiles(t *testing.T) {
	t.Parallel()
	mem := sampleSite(t).Output
	var dp dpDoc
	if err := json.Unmarshal(mem.Files["du-lieu/datapackage.json"], &dp); err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{
		"nhiem-vu.csv":     "nhiem-vu/nhiem-vu.csv",
		"bao-cao-tuan.csv": "bao-cao/bao-cao-tuan.csv",
	}
	kinds := map[string]int{}
	for _, r := range dp.Resources {
		kinds[strings.SplitN(r.Name, "-", 2)[0]]++
		page, ok := pages[r.Path]
		if id, isInd := strings.CutPrefix(r.Path, "chi-tieu/"); isInd {
			id = strings.TrimSuffix(id, ".csv")
			page, ok = "chi-tieu/"+id+"/"+id+".csv", true
		}
		if !ok {
			continue // don-vi.csv and dich-vu.csv are made for /du-lieu/
		}
		if !bytes.Equal(mem.Files["du-lieu/"+r.Path], mem.Files[page]) {
			t.Errorf("du-lieu/%s differs from %s", r.Path, page)
		}
	}
	if kinds["chi"] != 11 || kinds["nhiem"] != 1 || kinds["bao"] != 1 || kinds["don"] != 1 || kinds["dich"] != 1 {
		t.Errorf("datasets by kind = %v, want 11 indicators and one each of tasks, reports, units, services", kinds)
	}

	zb := mem.Files["du-lieu/"+opendata.ZipName]
	zr, err := zip.NewReader(bytes.NewReader(zb), int64(len(zb)))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range zr.File {
		got = append(got, f.Name)
		if !f.Modified.Equal(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: time %v, want the fixed 2000-01-01", f.Name, f.Modified)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		_, _ = b.ReadFrom(rc)
		rc.Close()
		want, ok := mem.Files["du-lieu/"+f.Name]
		if f.Name == "README.md" {
			want, ok = b.Bytes(), strings.Contains(b.String(), "CC BY 4.0") && strings.Contains(b.String(), "xin trích dẫn: ")
		}
		if !ok || !bytes.Equal(b.Bytes(), want) {
			t.Errorf("zip entry %s is not du-lieu/%s (or the README lacks the licence and citation)", f.Name, f.Name)
		}
	}
	want := []string{"README.md", "datapackage.json"}
	for _, r := range dp.Resources {
		want = append(want, r.Path)
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("zip entries\n%v\nwant, sorted,\n%v", got, want)
	}
}

// TestDataPackageByteIdentical builds the sample twice: the zip,
// datapackage.json and every Excel twin come out the same bytes.
func TestDataPackageByteIdentical(t *testing.T) {
	t.Parallel()
	first := sampleSite(t).Output
	again := Run(Options{Source: "../..", Sink: output.NewMem(), Now: "2023-06-30", Charts: sampleCharts(t)})
	if !again.OK() {
		t.Fatal(again.Diags.Format("vi"))
	}
	same := []string{"du-lieu/" + opendata.ZipName, "du-lieu/datapackage.json", "du-lieu/index.html"}
	for f := range first.Files {
		if strings.HasSuffix(f, ".xlsx") {
			same = append(same, f)
		}
	}
	for _, f := range same {
		if !bytes.Equal(first.Files[f], again.Output.Files[f]) {
			t.Errorf("%s differs between two builds", f)
		}
	}
}

// TestDataLicenceAndCitation: config.toml's licence and citation are on
// /du-lieu/, in datapackage.json, the zip's README, each JSON download and
// under every list of downloads.
func TestDataLicenceAndCitation(t *testing.T) {
	t.Parallel()
	site := strings.Replace(kpiSite, "title = \"KPI\"\n",
		"title = \"KPI\"\nbaseURL = \"https://example.gov.vn/kpi/\"\nlicence = \"CC0-1.0\"\ncitation = \"UBND xã An, Số liệu tiến độ\"\n", 1)
	s := buildTxtar(t, site, Options{}).ok()
	cite := "UBND xã An, Số liệu tiến độ. Số liệu tính đến ngày 30/06/2023. Giấy phép CC0 1.0. https://example.gov.vn/kpi/du-lieu/"
	s.contains("du-lieu/index.html", `<p class="citation">`+cite+`</p>`,
		`<a href="https://creativecommons.org/publicdomain/zero/1.0/" rel="license">CC0 1.0</a>`)
	s.contains("du-lieu/datapackage.json", `"name": "CC0-1.0"`, `"citation": "`+cite+`"`)
	s.contains("chi-tieu/ty-le/index.html", `rel="license">CC0 1.0</a>`)
	s.contains("chi-tieu/ty-le/ty-le.json", `"licence": "CC0-1.0"`)
	zb := []byte(s.file("du-lieu/" + opendata.ZipName))
	zr, err := zip.NewReader(bytes.NewReader(zb), int64(len(zb)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	_, _ = b.ReadFrom(f)
	if !strings.Contains(b.String(), "xin trích dẫn: "+cite) || !strings.Contains(b.String(), "giấy phép CC0 1.0") {
		t.Errorf("the zip's README lacks the licence or the citation:\n%s", b.String())
	}
}

// TestDownloadsOneVocabulary: every CSV the site offers, the weekly files
// included, names its columns from the one vocabulary datapackage.json
// describes, and a column keeps its type in every file.
func TestDownloadsOneVocabulary(t *testing.T) {
	t.Parallel()
	mem := sampleSite(t).Output
	var dp dpDoc
	if err := json.Unmarshal(mem.Files["du-lieu/datapackage.json"], &dp); err != nil {
		t.Fatal(err)
	}
	types := map[string]string{}
	for _, r := range dp.Resources {
		for _, f := range r.Schema.Fields {
			typ := f.Type
			if prev, ok := types[f.Name]; ok && prev != typ {
				// gia_tri counts whole things for a count and not for a
				// percentage: both are numbers.
				if num := []string{"integer", "number"}; slices.Contains(num, prev) && slices.Contains(num, typ) {
					typ = "number"
				} else {
					t.Errorf("column %s is %s in one file and %s in %s", f.Name, prev, typ, r.Path)
				}
			}
			types[f.Name] = typ
		}
	}
	n := 0
	for _, name := range mem.Paths() {
		if !strings.HasSuffix(name, ".csv") {
			continue
		}
		n++
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(mem.Files[name], []byte("\uFEFF")))).ReadAll()
		if err != nil || len(rows) == 0 {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for c, col := range rows[0] {
			typ, ok := types[col]
			if !ok {
				t.Errorf("%s: column %q is in no file datapackage.json describes", name, col)
				continue
			}
			for i, row := range rows[1:] {
				if row[c] != "" && parseAs(row[c], typ, []string{opendata.Yes}, []string{opendata.No}) != nil {
					t.Errorf("%s:%d: %s %q is not a %s", name, i+2, col, row[c], typ)
				}
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d CSV files", n)
	}
}
