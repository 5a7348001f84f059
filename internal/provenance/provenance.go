// Package provenance says where a value the site shows comes from: the
// plan's own words, an inference made by whoever keeps the data, an
// illustration, or a unit's report. It belongs to the load stage's model:
// data/tasks.csv and data/indicators.toml give it per value, the views
// show it next to the value, and the downloads carry it as a field.
//
// A value taken from the plan carries the plan's words (its basis); an
// inferred one carries the reason. So no page passes a guess off as the
// plan's.
package provenance

import (
	"strings"

	"github.com/tiendo/tiendo/internal/vi"
)

// Kind is where a value comes from. Its string is what data files write.
type Kind string

const (
	// Unstated: the data does not say; pages show the value alone.
	Unstated Kind = ""
	// Plan: the plan says so; the basis quotes it.
	Plan Kind = "ke-hoach"
	// Inferred: the plan does not say; the basis is the reason for the value.
	Inferred Kind = "suy-luan"
	// Illustrative: made up for a sample site.
	Illustrative Kind = "minh-hoa"
	// Reported: a unit reported it.
	Reported Kind = "bao-cao"
)

// Of a lead unit and of a task's progress, the kinds a data file may give.
var (
	LeadKinds     = []Kind{Plan, Inferred, Illustrative}
	ProgressKinds = []Kind{Reported, Illustrative}
)

// Of is the provenance of one value.
type Of struct {
	Kind Kind
	// Basis is the plan's words (Plan) or the reason (Inferred); optional
	// for the other kinds.
	Basis string
}

// NeedsBasis reports whether a value of kind k must say why: the plan's
// words for Plan, the reason for Inferred.
func (k Kind) NeedsBasis() bool { return k == Plan || k == Inferred }

// Parse reads a provenance word as staff write it, with or without marks,
// hyphens or spaces: "suy-luan", "suy luận", "Suy luận". Empty text is
// Unstated. ok is false for a word not among allowed.
func Parse(text string, allowed []Kind) (k Kind, ok bool) {
	s := vi.Slug(vi.NFC(strings.TrimSpace(text)))
	if s == "" {
		return Unstated, true
	}
	for _, a := range allowed {
		if s == string(a) {
			return a, true
		}
	}
	return Unstated, false
}

// List writes kinds for a hint: "ke-hoach", "suy-luan" or "minh-hoa".
func List(kinds []Kind, or string) string {
	q := make([]string, len(kinds))
	for i, k := range kinds {
		q[i] = `"` + string(k) + `"`
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " " + or + " " + q[len(q)-1]
}
