package view

import (
	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/workbook"
)

// ReportTemplate is a reporting unit's weekly template workbook
// (mau-bao-cao-tuan.xlsx under the unit's page), listing the services it
// reports on: what `tiendo nhap` reads back.
type ReportTemplate struct {
	Unit UnitRef
	Download
}

// reportTemplates writes each reporting unit's template into o, and
// links it from the unit's part of byUnit.
func reportTemplates(env Env, w *data.Weekly, o *Out, byUnit map[string]*UnitReports) []ReportTemplate {
	var out []ReportTemplate
	for _, u := range env.Units.All {
		services := w.Services.LedBy(u.ID)
		if !u.Reports || len(services) == 0 {
			continue
		}
		names := make([]string, len(services))
		for i, s := range services {
			names[i] = s.Name
		}
		ref := env.Unit(u.ID)
		b, err := workbook.Template(u.ID, u.Name, names)
		if err != nil {
			o.Problems = append(o.Problems, diag.New(diag.Pos{File: ref.Path + workbook.TemplateName}, diag.CodeOutputWrite,
				diag.Because(diag.T("không tạo được tệp Excel mẫu", "cannot make the template workbook"), err), diag.Text{}))
			continue
		}
		t := ReportTemplate{Unit: ref, Download: o.download("XLSX", ref.Path+workbook.TemplateName, b)}
		if r := byUnit[u.ID]; r != nil {
			r.Template = &t.Download
		}
		out = append(out, t)
	}
	return out
}
