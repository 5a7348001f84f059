// Package opendata encodes the site's open data for machines: the
// Frictionless Data Package (datapackage.json, with a Table Schema for
// each CSV), the DCAT catalogue as JSON-LD, and the one-file download of
// everything (a zip with fixed timestamps and sorted entries). It is pure:
// it turns a Package description into bytes, and the view stage
// (internal/view) says what the package holds.
package opendata

import (
	"slices"
	"strings"
)

// Licence is a licence a site may publish its data under, by its SPDX
// identifier.
type Licence struct {
	ID    string // SPDX identifier, e.g. "CC-BY-4.0"
	Title string // its usual short name, e.g. "CC BY 4.0"
	URL   string // where its text is
	// Vi is what it lets a reader do, in plain Vietnamese.
	Vi string
}

// DefaultLicence is the licence of the data when config.toml names none:
// anyone may reuse it, naming the source.
const DefaultLicence = "CC-BY-4.0"

var licences = []Licence{
	{"CC-BY-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/",
		"được tự do sao chép, chia sẻ, chỉnh sửa và dùng lại, kể cả cho mục đích thương mại, với điều kiện ghi rõ nguồn"},
	{"CC-BY-SA-4.0", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/",
		"được tự do sao chép, chia sẻ, chỉnh sửa và dùng lại, với điều kiện ghi rõ nguồn và chia sẻ bản chỉnh sửa theo cùng giấy phép"},
	{"CC0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/",
		"được tự do dùng lại vào mọi mục đích, không cần xin phép, không bắt buộc ghi nguồn"},
	{"ODC-By-1.0", "ODC-By 1.0", "https://opendatacommons.org/licenses/by/1-0/",
		"được tự do dùng lại cơ sở dữ liệu, với điều kiện ghi rõ nguồn"},
	{"ODbL-1.0", "ODbL 1.0", "https://opendatacommons.org/licenses/odbl/1-0/",
		"được tự do dùng lại cơ sở dữ liệu, với điều kiện ghi rõ nguồn và chia sẻ cơ sở dữ liệu dẫn xuất theo cùng giấy phép"},
	{"PDDL-1.0", "PDDL 1.0", "https://opendatacommons.org/licenses/pddl/1-0/",
		"được tự do dùng lại vào mọi mục đích, không cần xin phép"},
}

// LicenceByID finds a licence by its SPDX identifier, in any case.
func LicenceByID(id string) (Licence, bool) {
	i := slices.IndexFunc(licences, func(l Licence) bool { return strings.EqualFold(l.ID, id) })
	if i < 0 {
		return Licence{}, false
	}
	return licences[i], true
}

// LicenceIDs are the identifiers LicenceByID knows, for a hint.
func LicenceIDs() []string {
	ids := make([]string, len(licences))
	for i, l := range licences {
		ids[i] = l.ID
	}
	return ids
}
