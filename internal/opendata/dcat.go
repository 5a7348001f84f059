package opendata

import (
	"encoding/json"
	"time"
)

// DCAT is the package as a DCAT catalogue in JSON-LD (schema.org's
// DataCatalog and Dataset, which search engines read), for a
// <script type="application/ld+json"> on the catalogue page. url makes a
// site path absolute; it returns the path unchanged when the site has no
// absolute address. The JSON escapes <, > and &, so it cannot close the
// script element.
func DCAT(p Package, url func(string) string) []byte {
	type dist struct {
		Type       string `json:"@type"`
		Format     string `json:"encodingFormat"`
		ContentURL string `json:"contentUrl"`
		Name       string `json:"name,omitempty"`
	}
	type variable struct {
		Type     string `json:"@type"`
		Name     string `json:"name"`
		Alt      string `json:"alternateName"`
		UnitText string `json:"unitText,omitempty"`
	}
	type dataset struct {
		Type         string     `json:"@type"`
		Name         string     `json:"name"`
		Description  string     `json:"description,omitempty"`
		URL          string     `json:"url,omitempty"`
		License      string     `json:"license"`
		Temporal     string     `json:"temporalCoverage,omitempty"`
		Variables    []variable `json:"variableMeasured"`
		Distribution []dist     `json:"distribution"`
		Modified     string     `json:"dateModified"`
		Publisher    *org       `json:"publisher,omitempty"`
	}
	var pub *org
	if p.Publisher != "" {
		pub = &org{Type: "GovernmentOrganization", Name: p.Publisher}
	}
	cat := struct {
		Context      string    `json:"@context"`
		Type         string    `json:"@type"`
		Name         string    `json:"name"`
		Description  string    `json:"description,omitempty"`
		URL          string    `json:"url,omitempty"`
		InLanguage   string    `json:"inLanguage"`
		License      string    `json:"license"`
		Citation     string    `json:"citation"`
		Modified     string    `json:"dateModified"`
		Publisher    *org      `json:"publisher,omitempty"`
		Distribution []dist    `json:"distribution"`
		Datasets     []dataset `json:"dataset"`
	}{Context: "https://schema.org/", Type: "DataCatalog", Name: p.Title, Description: p.Description, URL: p.Homepage,
		InLanguage: "vi", License: p.Licence.URL, Citation: p.Citation, Modified: p.Created.Format(time.DateOnly), Publisher: pub}
	for _, d := range []struct{ path, format string }{{"datapackage.json", "application/json"}, {ZipName, "application/zip"}} {
		cat.Distribution = append(cat.Distribution, dist{Type: "DataDownload", Format: d.format, ContentURL: url(CataloguePath + d.path)})
	}
	for _, r := range p.Resources {
		ds := dataset{Type: "Dataset", Name: r.Title, Description: r.Description, License: p.Licence.URL,
			Modified: p.Created.Format(time.DateOnly), Publisher: pub,
			Distribution: []dist{{Type: "DataDownload", Format: "text/csv", ContentURL: url(CataloguePath + r.Path)}}}
		ds.URL = r.Page
		if r.From != "" {
			ds.Temporal = r.From + "/" + r.To
		}
		for _, f := range r.Fields {
			ds.Variables = append(ds.Variables, variable{Type: "PropertyValue", Name: f.Name, Alt: f.Title, UnitText: f.Unit})
		}
		cat.Datasets = append(cat.Datasets, ds)
	}
	b, _ := json.Marshal(cat)
	return b
}

type org struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// CataloguePath is where the catalogue page, datapackage.json and the zip
// are; ZipName is the zip's file name.
const (
	CataloguePath = "/du-lieu/"
	ZipName       = "tiendo-du-lieu.zip"
)
