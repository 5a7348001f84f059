package data

import (
	"strings"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/vi"
)

// LinkTasks gives each indicator that names its plan task (task = "3.5.2"
// in data/indicators.toml) the task's lead and the lead's provenance from
// data/tasks.csv, so the two pages cannot disagree. A task code tasks.csv
// does not have is an error at the task key; a lead key that names another
// unit than the task's lead is an error at the lead key. haveTasks is
// whether data/tasks.csv was read.
func LinkTasks(inds []Series, tasks []*Task, haveTasks bool, units *Units, l *diag.List) {
	byCode := map[string]*Task{}
	var codes []string
	for _, t := range tasks {
		byCode[t.Code] = t
		codes = append(codes, t.Code)
	}
	name := func(id string) string {
		if u, ok := units.ByID(id); ok {
			return u.Name
		}
		if g, ok := units.Group(id); ok {
			return g.Name
		}
		return id
	}
	for _, s := range inds {
		ind := s.Ind
		if ind.Task == "" {
			continue
		}
		t, ok := byCode[ind.Task]
		if !ok {
			hint := diag.T("Ghi mã nhiệm vụ đúng như cột ma của data/tasks.csv, hoặc bỏ dòng task.",
				"Write the task code as in the ma column of data/tasks.csv, or remove the task line.")
			if !haveTasks {
				hint = diag.T("Chưa có data/tasks.csv: thêm tệp nhiệm vụ, hoặc bỏ dòng task và ghi lead.",
					"There is no data/tasks.csv: add the task list, or remove the task line and write lead.")
			} else if c := vi.Closest(ind.Task, codes, 3); len(c) > 0 {
				hint = diag.Tf("Có phải là %s? Mã nhiệm vụ như cột ma của data/tasks.csv.",
					"Did you mean %s? Task codes are as in the ma column of data/tasks.csv.", strings.Join(c, ", "))
			}
			l.Add(diag.New(ind.TaskPos, diag.CodeIndicatorTask,
				diag.Tf("chỉ tiêu %q: không có nhiệm vụ %q trong data/tasks.csv", "indicator %q: there is no task %q in data/tasks.csv", ind.ID, ind.Task),
				hint).Needing(TasksFile))
			continue
		}
		if t.Lead == "" {
			continue // its lead cell is reported already
		}
		if ind.Lead != "" && ind.Lead != t.Lead {
			l.Add(diag.New(ind.LeadPos, diag.CodeIndicatorLeadTask,
				diag.Tf("chỉ tiêu %q ghi đơn vị chủ trì %s, nhưng nhiệm vụ %s của nó (data/tasks.csv, dòng %d) do %s chủ trì",
					"indicator %q names %s as its lead, but its task %s (data/tasks.csv, line %d) is led by %s",
					ind.ID, name(ind.Lead), t.Code, t.Line, name(t.Lead)),
				diag.T("Bỏ dòng lead: chỉ tiêu lấy đơn vị chủ trì của nhiệm vụ. Nếu nhiệm vụ ghi sai, sửa cột don_vi_chu_tri của nhiệm vụ.",
					"Remove the lead line: the indicator takes its task's lead. If the task is wrong, fix its don_vi_chu_tri cell.")).Needing(TasksFile))
		}
		ind.Lead, ind.LeadSource = t.Lead, t.LeadSource
	}
}
