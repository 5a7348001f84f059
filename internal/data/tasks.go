package data

import (
	"net/url"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/provenance"
	"github.com/tiendo/tiendo/internal/table"
	"github.com/tiendo/tiendo/internal/vi"
)

// TasksFile is the plan's task list under the site root.
const TasksFile = Dir + "/tasks.csv"

// Task is one row of data/tasks.csv: a task of the plan with who leads it,
// by when, and what the unit reported.
type Task struct {
	Code  string
	Title string
	// Lead is a unit id, or a group id (data/units.toml [[group]]) when
	// the plan gives the task to several units together.
	Lead string
	// LeadSource says whether the plan names the lead (with its words) or
	// the lead is inferred (with the reason) or illustrative.
	LeadSource provenance.Of
	Coord      []string // unit ids
	// DeadlineText is the plan's own words; Deadline what they mean.
	DeadlineText string
	Deadline     plan.Deadline
	// DueOverride is an explicit due date that replaces the words' due date.
	DueOverride time.Time
	Progress    plan.Progress
	Completed   time.Time
	Result      string
	// ProgressSource is where the progress, completion date and result
	// come from: a unit's report or an illustration.
	ProgressSource provenance.Kind
	Link           string
	Note           string
	Line           int
}

// State is the task as the status rules see it.
func (t *Task) State() plan.TaskState {
	return plan.TaskState{Deadline: t.Deadline, Due: t.DueOverride, Progress: t.Progress, Completed: t.Completed}
}

// Due is the effective due date: the explicit one, else the words'.
func (t *Task) Due() time.Time {
	if !t.DueOverride.IsZero() {
		return t.DueOverride
	}
	return t.Deadline.Due
}

var taskColumns = []table.ColumnSpec{
	{Key: "ma", Aliases: []string{"mã", "code", "ma nhiem vu"}, Required: true},
	{Key: "nhiem_vu", Aliases: []string{"nhiệm vụ", "task"}, Required: true},
	{Key: "don_vi_chu_tri", Aliases: []string{"đơn vị chủ trì", "chu tri", "lead"}, Required: true},
	{Key: "don_vi_phoi_hop", Aliases: []string{"đơn vị phối hợp", "phoi hop", "coordinating"}},
	{Key: "thoi_han", Aliases: []string{"thời hạn", "deadline"}, Required: true},
	{Key: "han_cu_the", Aliases: []string{"hạn cụ thể", "due", "due date"}},
	{Key: "trang_thai", Aliases: []string{"trạng thái", "status"}, Required: true},
	{Key: "ngay_hoan_thanh", Aliases: []string{"ngày hoàn thành", "completed"}},
	{Key: "ket_qua", Aliases: []string{"kết quả", "result"}},
	{Key: "lien_ket", Aliases: []string{"liên kết", "link"}},
	{Key: "ghi_chu", Aliases: []string{"ghi chú", "note"}},
	{Key: "nguon_chu_tri", Aliases: []string{"nguồn chủ trì", "nguồn đơn vị chủ trì", "lead source"}},
	{Key: "can_cu_chu_tri", Aliases: []string{"căn cứ chủ trì", "lead basis"}},
	{Key: "nguon_tien_do", Aliases: []string{"nguồn tiến độ", "progress source"}},
}

// TaskHeader is the header a new tasks file starts with.
const TaskHeader = "ma,nhiem_vu,don_vi_chu_tri,don_vi_phoi_hop,thoi_han,han_cu_the,trang_thai,ngay_hoan_thanh,ket_qua,lien_ket,ghi_chu,nguon_chu_tri,can_cu_chu_tri,nguon_tien_do"

// ParseTasks validates the rows of data/tasks.csv: every unit must exist,
// deadline words must be readable (unless an explicit due date is given),
// dates and statuses must parse, codes must be unique. Problems go to l.
func ParseTasks(t *table.Table, units *Units, ctx plan.Context, loc *time.Location, l *diag.List) []*Task {
	cols, cl := t.Columns(taskColumns)
	l.Merge(cl)
	if cl.HasErrors() {
		return nil
	}
	get := func(r table.Row, key string) table.Field {
		i, ok := cols[key]
		if !ok || i >= len(r.Fields) {
			return table.Field{Line: r.Line, Col: 1}
		}
		return r.Fields[i]
	}
	_, hasBasis := cols["can_cu_chu_tri"]
	seen := map[string]int{}
	var out []*Task
	for _, r := range t.Rows {
		task := &Task{Line: r.Line}
		code := get(r, "ma")
		task.Code = strings.TrimSpace(code.Text)
		if task.Code == "" {
			l.Errorf(t.FieldPos(code), diag.CodeTaskCode, diag.T("thiếu mã nhiệm vụ", "the task code is missing"),
				diag.T("Ví dụ: 3.2.1", "For example: 3.2.1"))
			continue
		}
		if prev, dup := seen[task.Code]; dup {
			// The task is left out: its code is its address on /nhiem-vu/.
			l.Errorf(t.FieldPos(code), diag.CodeTaskDuplicate,
				diag.Tf("mã nhiệm vụ %s trùng với dòng %d", "task code %s repeats line %d", task.Code, prev),
				diag.T("Mỗi nhiệm vụ một mã riêng.", "Give each task its own code."))
			continue
		}
		seen[task.Code] = r.Line
		task.Title = get(r, "nhiem_vu").Text
		if task.Title == "" {
			l.Errorf(t.FieldPos(get(r, "nhiem_vu")), diag.CodeTaskTitle, diag.T("thiếu nội dung nhiệm vụ", "the task text is missing"), diag.Text{})
		}
		lead := get(r, "don_vi_chu_tri")
		if g, ok := units.lookupGroup(lead.Text); ok {
			task.Lead = g.ID
		} else if u, ok := lookupUnit(t, lead, lead.Text, units, l); ok {
			task.Lead = u.ID
		}
		task.LeadSource = parseLeadSource(t, get(r, "nguon_chu_tri"), get(r, "can_cu_chu_tri"), hasBasis, l)
		task.ProgressSource = parseSource(t, get(r, "nguon_tien_do"), provenance.ProgressKinds, l)
		coord := get(r, "don_vi_phoi_hop")
		for _, part := range splitList(coord.Text) {
			if u, ok := lookupUnit(t, coord, part, units, l); ok {
				task.Coord = append(task.Coord, u.ID)
			}
		}

		dueF := get(r, "han_cu_the")
		if s := strings.TrimSpace(dueF.Text); s != "" {
			if d, ok := parseDay(s, loc); ok {
				task.DueOverride = d.Add(24*time.Hour - time.Nanosecond)
			} else {
				l.Errorf(t.FieldPos(dueF), diag.CodeTaskDate,
					diag.Tf("hạn cụ thể “%s” không phải ngày", "due date “%s” is not a date", s),
					diag.T("Viết dạng 2023-06-30 hoặc 30/06/2023.", "Write it as 2023-06-30 or 30/06/2023."))
			}
		}
		dl := get(r, "thoi_han")
		task.DeadlineText = strings.TrimSpace(dl.Text)
		d, err := plan.ParseDeadline(task.DeadlineText, ctx)
		if err != nil && task.DueOverride.IsZero() {
			if pe, ok := err.(*plan.ParseError); ok {
				l.Add(pe.Diagnostic(t.FieldPos(dl)))
			} else {
				l.Errorf(t.FieldPos(dl), diag.CodeDeadline, diag.Tf("không đọc được thời hạn “%s”", "cannot read the deadline “%s”", task.DeadlineText), diag.Text{})
			}
		}
		task.Deadline = d

		st := get(r, "trang_thai")
		p, err := plan.ParseProgress(st.Text)
		if err != nil {
			if pe, ok := err.(*plan.ParseError); ok {
				l.Add(pe.Diagnostic(t.FieldPos(st)))
			}
		}
		task.Progress = p
		doneF := get(r, "ngay_hoan_thanh")
		if s := strings.TrimSpace(doneF.Text); s != "" {
			if d, ok := parseDay(s, loc); ok {
				task.Completed = d.Add(12 * time.Hour)
			} else {
				l.Errorf(t.FieldPos(doneF), diag.CodeTaskDate,
					diag.Tf("ngày hoàn thành “%s” không phải ngày", "completion date “%s” is not a date", s),
					diag.T("Viết dạng 2023-06-30 hoặc 30/06/2023.", "Write it as 2023-06-30 or 30/06/2023."))
			}
			if p != plan.Completed {
				l.Warnf(t.FieldPos(doneF), diag.CodeTaskDate,
					diag.T("có ngày hoàn thành nhưng trạng thái chưa là “hoàn thành”", "a completion date is given but the status is not “hoàn thành”"),
					diag.T("Sửa trạng thái thành “hoàn thành” hoặc xóa ngày.", "Set the status to “hoàn thành” or remove the date."))
			}
		}
		task.Result = get(r, "ket_qua").Text
		task.Note = get(r, "ghi_chu").Text
		linkF := get(r, "lien_ket")
		if s := strings.TrimSpace(linkF.Text); s != "" {
			if u, err := url.Parse(s); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				l.Errorf(t.FieldPos(linkF), diag.CodeTaskLink,
					diag.Tf("liên kết “%s” không hợp lệ", "link “%s” is not valid", s),
					diag.T("Chỉ dùng địa chỉ bắt đầu bằng https:// hoặc http://.", "Use only addresses starting with https:// or http://."))
			} else {
				task.Link = s
			}
		}
		out = append(out, task)
	}
	return out
}

// parseLeadSource reads the lead's provenance and its basis: the plan's
// words for "ke-hoach", the reason for "suy-luan".
func parseLeadSource(t *table.Table, kindF, basisF table.Field, hasBasis bool, l *diag.List) provenance.Of {
	p := provenance.Of{Kind: parseSource(t, kindF, provenance.LeadKinds, l), Basis: vi.NFC(strings.TrimSpace(basisF.Text))}
	if p.Basis == "" && p.Kind.NeedsBasis() {
		msg := diag.T("đơn vị chủ trì “theo kế hoạch” (ke-hoach) nhưng thiếu lời kế hoạch ở cột can_cu_chu_tri",
			"the lead is “from the plan” (ke-hoach) but the plan's words are missing from column can_cu_chu_tri")
		hint := diag.T("Chép câu của kế hoạch giao việc, ví dụ “Giao Phòng Nội vụ chủ trì…”.",
			"Copy the plan's sentence that gives the task, e.g. “Giao Phòng Nội vụ chủ trì…”.")
		if p.Kind == provenance.Inferred {
			msg = diag.T("đơn vị chủ trì là suy luận (suy-luan) nhưng thiếu lý do ở cột can_cu_chu_tri",
				"the lead is inferred (suy-luan) but the reason is missing from column can_cu_chu_tri")
			hint = diag.T("Ghi vì sao chọn đơn vị này, ví dụ “Kế hoạch không nêu đơn vị chủ trì; …”.",
				"Say why this unit, e.g. “Kế hoạch không nêu đơn vị chủ trì; …”.")
		}
		pos := t.FieldPos(basisF)
		if !hasBasis {
			pos = t.FieldPos(kindF)
		}
		l.Errorf(pos, diag.CodeTaskSourceBasis, msg, hint)
	}
	return p
}

// parseSource reads a provenance cell; a word not among allowed is an
// error listing them.
func parseSource(t *table.Table, f table.Field, allowed []provenance.Kind, l *diag.List) provenance.Kind {
	k, ok := provenance.Parse(f.Text, allowed)
	if !ok {
		l.Errorf(t.FieldPos(f), diag.CodeTaskSource,
			diag.Tf("nguồn “%s” không hợp lệ", "source “%s” is not valid", strings.TrimSpace(f.Text)),
			diag.T("Dùng "+provenance.List(allowed, "hoặc")+", hoặc để trống.", "Use "+provenance.List(allowed, "or")+", or leave it empty."))
	}
	return k
}

func lookupUnit(t *table.Table, f table.Field, text string, units *Units, l *diag.List) (Unit, bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		l.Errorf(t.FieldPos(f), diag.CodeCSVUnit, diag.T("thiếu đơn vị", "the unit is missing"),
			diag.T("Ghi mã hoặc tên đơn vị như trong data/units.toml.", "Write the unit's id or name as in data/units.toml."))
		return Unit{}, false
	}
	u, ok := units.Lookup(text)
	if !ok {
		hint := diag.T("Thêm đơn vị vào data/units.toml hoặc sửa tên.", "Add the unit to data/units.toml or fix the name.")
		if s := units.Suggest(text); len(s) > 0 {
			hint = diag.Tf("Có phải là: %s?", "Did you mean: %s?", strings.Join(s, "; "))
		}
		l.Add(diag.New(t.FieldPos(f), diag.CodeCSVUnit, diag.Tf("không có đơn vị “%s”", "no unit “%s”", text), hint).Needing(UnitsFile))
	}
	return u, ok
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseDay(s string, loc *time.Location) (time.Time, bool) {
	s = vi.NFC(strings.TrimSpace(s))
	for _, layout := range []string{"2006-01-02", "02/01/2006", "2/1/2006"} {
		if d, err := time.ParseInLocation(layout, s, loc); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}
