package opendata

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestZipDeterministic(t *testing.T) {
	a := Zip([]ZipFile{{"b.csv", []byte("b")}, {"README.md", []byte("r")}, {"a/c.csv", []byte("c")}})
	b := Zip([]ZipFile{{"a/c.csv", []byte("c")}, {"b.csv", []byte("b")}, {"README.md", []byte("r")}})
	if !bytes.Equal(a, b) {
		t.Fatal("the same files in another order give another zip")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: modified %v", f.Name, f.Modified)
		}
	}
	if got := strings.Join(names, " "); got != "README.md a/c.csv b.csv" {
		t.Errorf("entries %s, want sorted", got)
	}
}

func TestDataPackageFields(t *testing.T) {
	lic, _ := LicenceByID(DefaultLicence)
	p := Package{Name: "x", Title: "X", Licence: lic, Created: time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC),
		Resources: []Resource{{Name: "r", Path: "r.csv", Title: "R", Data: []byte("a\r\n"),
			Fields: []Field{{Name: "a", Title: "A", Type: TypeBoolean}, {Name: "n", Title: "N", Type: TypeInteger, Unit: "hồ sơ"}}}}}
	var got struct {
		Profile   string `json:"profile"`
		Created   string `json:"created"`
		Licenses  []struct{ Name, Path string }
		Resources []struct {
			Profile, Hash string
			Bytes         int
			Schema        struct {
				Fields []struct {
					Name, Unit              string
					TrueValues, FalseValues []string
				}
			}
		}
	}
	if err := json.Unmarshal(DataPackage(p), &got); err != nil {
		t.Fatal(err)
	}
	r := got.Resources[0]
	if got.Profile != "tabular-data-package" || r.Profile != "tabular-data-resource" || got.Created != "2023-06-30T00:00:00Z" {
		t.Errorf("profiles %q %q, created %q", got.Profile, r.Profile, got.Created)
	}
	if got.Licenses[0].Name != "CC-BY-4.0" || !strings.HasPrefix(got.Licenses[0].Path, "https://creativecommons.org/") {
		t.Errorf("licence %+v", got.Licenses)
	}
	if r.Bytes != 3 || r.Hash != "sha256:8e4621379786ef42a4fec155cd525c291dd7db3c1fde3478522f4f61c03fd1bd" {
		t.Errorf("bytes %d hash %s", r.Bytes, r.Hash)
	}
	f := r.Schema.Fields
	if strings.Join(f[0].TrueValues, "") != "có" || strings.Join(f[0].FalseValues, "") != "không" || f[1].Unit != "hồ sơ" || f[1].TrueValues != nil {
		t.Errorf("fields %+v", f)
	}
}

func TestDCATCannotCloseScript(t *testing.T) {
	lic, _ := LicenceByID(DefaultLicence)
	p := Package{Title: "</script><script>alert(1)</script>", Licence: lic,
		Resources: []Resource{{Name: "r", Path: "r.csv", Title: "a & b <c>"}}}
	b := DCAT(p, func(s string) string { return s })
	if bytes.ContainsAny(b, "<>&") {
		t.Errorf("JSON-LD holds < > or & unescaped: %s", b)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil || v["@type"] != "DataCatalog" || v["name"] != p.Title {
		t.Errorf("JSON-LD %s: %v", b, err)
	}
}
