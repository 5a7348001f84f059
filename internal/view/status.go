package view

import "github.com/tiendo/tiendo/internal/diag"

// Status is what the site shows of a status of the domain:
// indicator.Status, plan.StatusCode and report.State. Each keeps its slug,
// words, icon (and chart colour) in one table in its own package.
type Status interface {
	Slug() string
	Label() diag.Text
	Icon() string
	// Order is the status's place in a legend, 0 first.
	Order() int
}

// Badge is a status as a layout shows it, in lang.
func Badge(s Status, lang string) StatusBadge {
	return StatusBadge{Slug: s.Slug(), Label: s.Label().In(DiagLang(lang)), Icon: s.Icon()}
}
