package entry

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/report"
)

// pageData is what the form's one template shows.
type pageData struct {
	Lang, Title, Base, Token string
	Problem                  string
	Login                    bool
	LoginError               string
	Units                    []option
	WeekSel                  string
	Sheet                    *sheetView
	Errors                   []errView
	W                        map[string]string // words
	// Ind is the indicator part of the form (indicator.go).
	Ind *indPage
}

type option struct {
	ID, Name string
	Selected bool
}

type sheetView struct {
	UnitID, UnitName, Week, WeekLabel, File string
	Existing                                bool
	Sent                                    field
	ServiceCol                              string
	Services                                []serviceView
}

type serviceView struct {
	ID, Name string
	Fields   []field
}

type field struct {
	ID, Name, Label, Value, Hint string
	Count                        bool
	// Errors are the ids of the messages about the field, space-separated.
	Errors string
}

// errView is one of the build's messages; For is the id of the field it
// is about, "" for none.
type errView struct{ ID, Pos, Msg, Hint, For string }

func (h *Handler) words() map[string]string {
	vi := h.c.Lang != diag.EN
	pick := func(v, e string) string {
		if vi {
			return v
		}
		return e
	}
	return h.indWords(pick, map[string]string{
		"heading":   pick("Nhập số liệu", "Enter figures"),
		"weekly":    pick("Báo cáo tuần", "Weekly report"),
		"intro":     pick("Chỉ có trong bản xem thử (tiendo serve): số liệu gửi đi được kiểm tra như khi dựng trang, rồi ghi vào tệp của đơn vị trong data/reports/ hoặc tệp của chỉ tiêu trong data/.", "Only in the preview (tiendo serve): figures sent are checked as the build checks them, then written to the unit's file in data/reports/ or the indicator's file in data/."),
		"unit":      pick("Đơn vị báo cáo", "Reporting unit"),
		"week":      pick("Tuần", "Week"),
		"weekHint":  pick("Ví dụ 2023-W25, hoặc một ngày trong tuần, ví dụ 20/06/2023.", "Such as 2023-W25, or a day in the week, such as 20/06/2023."),
		"open":      pick("Mở biểu mẫu", "Open the form"),
		"save":      pick("Kiểm tra và lưu", "Check and save"),
		"existing":  pick("Tuần này đã có trong tệp: các ô đã điền sẵn số cũ; lưu sẽ thay các dòng của tuần này.", "This week is already in the file: the fields hold its figures; saving replaces the week's rows."),
		"new":       pick("Tuần này chưa có trong tệp: lưu sẽ thêm một dòng cho mỗi dịch vụ vào cuối tệp.", "This week is not in the file yet: saving adds one row per service at the end of the file."),
		"file":      pick("Tệp", "File"),
		"errors":    pick("Chưa lưu: số liệu có lỗi. Tệp vẫn giữ nguyên.", "Not saved: the figures have errors. The file is unchanged."),
		"hint":      pick("gợi ý", "hint"),
		"countHint": pick("Số hồ sơ, số nguyên từ 0 trở lên; để trống là 0.", "Number of dossiers, a whole number of 0 or more; empty means 0."),
		"sentHint":  pick("Ngày và giờ gửi báo cáo, ví dụ 2023-06-20 08:30.", "Day and time the report is sent, such as 2023-06-20 08:30."),
		"password":  pick("Mật khẩu", "Password"),
		"loginHelp": pick("Trang xem thử này mở cho cả mạng nội bộ, nên nhập liệu cần mật khẩu in trong cửa sổ dòng lệnh khi chạy tiendo serve.", "This preview is open to the local network, so entering figures needs the password printed in the terminal when tiendo serve started."),
		"login":     pick("Đăng nhập", "Log in"),
		"back":      pick("Về trang chủ", "Back to the home page"),
		"dossiers":  pick("hồ sơ", "dossiers"),
		"upload":    pick("Hoặc nhập cả sổ báo cáo tuần đơn vị gửi (tệp Excel)", "Or import the weekly workbook the unit sends (an Excel file)"),
	})
}

func (h *Handler) page(w http.ResponseWriter, status int, d pageData) {
	d.Lang, d.Base, d.Token, d.W = string(h.c.Lang), h.base(), h.Token(), h.words()
	if d.Title == "" {
		d.Title = d.W["heading"]
	}
	var b bytes.Buffer
	if err := tmpl.Execute(&b, d); err != nil {
		http.Error(w, "500", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

func (h *Handler) loginPage(w http.ResponseWriter, status int, problem string) {
	h.page(w, status, pageData{Login: true, LoginError: problem})
}

func (h *Handler) units(st *state, sel string) []option {
	var out []option
	for _, u := range st.reporting() {
		out = append(out, option{ID: u.ID, Name: u.Name, Selected: u.ID == sel})
	}
	return out
}

func (h *Handler) chooser(w http.ResponseWriter, status int, st *state, unit, week, problem string) {
	if week == "" {
		week = st.rule().LastDue(st.site.Now).String()
	}
	h.page(w, status, pageData{Units: h.units(st, unit), WeekSel: week, Problem: problem, Ind: &indPage{Options: h.indOptions(st, ""), Period: st.today()}})
}

// rowForm shows the fields of sh's week: values (as typed) when given,
// else the file's own cells.
// errFields, one per error, names the field each is about.
func (h *Handler) rowForm(w http.ResponseWriter, status int, st *state, sh *sheet, values map[string][]string, errs []*diag.Diagnostic, problem string, errFields ...string) {
	var ev []errView
	about := map[string]string{} // field id → ids of its errors
	for n, d := range errs {
		e := errView{ID: fmt.Sprintf("loi-%d", n+1), Pos: d.Pos.String(), Msg: d.Msg.In(h.c.Lang), Hint: d.Hint.In(h.c.Lang)}
		if n < len(errFields) && errFields[n] != "" {
			e.For = errFields[n]
			about[e.For] = strings.TrimSpace(about[e.For] + " " + e.ID)
		}
		ev = append(ev, e)
	}
	v := &sheetView{UnitID: sh.unit.ID, UnitName: sh.unit.Name, Week: sh.week.String(), WeekLabel: sh.week.Label(h.c.Lang),
		File: sh.file, Existing: len(sh.rows) > 0, ServiceCol: columnName(sh, report.ColService)}
	sent := sh.sent()
	if vs := values[columnName(sh, report.ColSubmitted)]; len(vs) > 0 {
		sent = vs[0]
	}
	v.Sent = field{ID: "ngay-gui", Name: columnName(sh, report.ColSubmitted), Label: columnLabel(report.ColSubmitted, h.c.Lang), Value: sent,
		Errors: about["ngay-gui"]}
	for j, s := range sh.services {
		sv := serviceView{ID: s.ID, Name: s.Name}
		for i, key := range sh.keys {
			switch key {
			case report.ColWeek, report.ColService, report.ColUnit, report.ColSubmitted:
				continue
			}
			name := sh.t.Header[i]
			f := field{ID: fieldID(j, i), Name: name, Label: columnLabel(key, h.c.Lang), Count: isCount(key)}
			f.Errors = about[f.ID]
			if vs := values[name]; j < len(vs) {
				f.Value = vs[j]
			} else {
				f.Value = sh.cell(s.ID, key)
			}
			sv.Fields = append(sv.Fields, f)
		}
		v.Services = append(v.Services, sv)
	}
	h.page(w, status, pageData{Units: h.units(st, sh.unit.ID), WeekSel: sh.week.String(), Sheet: v, Errors: ev, Problem: problem})
}

var tmpl = template.Must(template.Must(template.Must(template.New("form").Parse(formPage)).Parse(indicatorPage)).Parse(errorsList))

// errorsList is the list of the build's problems with a submission, shared
// by the weekly and the indicator forms; each links to its field.
const errorsList = `{{define "errors"}}{{if $.Errors}}<div class="problem" role="alert" id="loi">
<p><strong>{{$.W.errors}}</strong></p>
<ul>{{range $.Errors}}<li id="{{.ID}}">{{if .For}}<a href="#{{.For}}"><code>{{.Pos}}</code></a>{{else}}<code>{{.Pos}}</code>{{end}}: {{.Msg}}{{if .Hint}}<br><span class="hint">{{$.W.hint}}: {{.Hint}}</span>{{end}}</li>{{end}}</ul>
</div>{{end}}{{end}}`

const formPage = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{.Title}}</title>
<link rel="stylesheet" href="/__tiendo/form.css">
</head>
<body>
<main id="noi-dung">
<h1>{{.Title}}</h1>
<p><a href="{{.Base}}">{{.W.back}}</a></p>
{{if .Problem}}<div class="problem" role="alert"><p>{{.Problem}}</p></div>{{end}}
{{if .Login}}
<p>{{.W.loginHelp}}</p>
{{if .LoginError}}<div class="problem" role="alert"><p>{{.LoginError}}</p></div>{{end}}
<form method="post" action="{{.Base}}nhap-lieu/dang-nhap">
<input type="hidden" name="token" value="{{.Token}}">
<p><label for="mat-khau">{{.W.password}}</label>
<input id="mat-khau" name="mat_khau" type="password" autocomplete="current-password" required></p>
<p><button type="submit">{{.W.login}}</button></p>
</form>
{{else if or .Units .Ind}}
<p>{{.W.intro}}</p>
{{if .Units}}
<h2>{{.W.weekly}}</h2>
<form method="get" action="{{.Base}}nhap-lieu/" class="chooser">
<p><label for="chon-don-vi">{{.W.unit}}</label>
<select id="chon-don-vi" name="don_vi">{{range .Units}}<option value="{{.ID}}"{{if .Selected}} selected{{end}}>{{.Name}}</option>{{end}}</select></p>
<p><label for="chon-tuan">{{.W.week}}</label>
<input id="chon-tuan" name="chon_tuan" value="{{.WeekSel}}" aria-describedby="chon-tuan-goi-y" autocomplete="off">
<span class="hint" id="chon-tuan-goi-y">{{.W.weekHint}}</span></p>
<p><button type="submit">{{.W.open}}</button></p>
</form>
<p><a href="{{.Base}}nhap-lieu/tai-len">{{.W.upload}}</a></p>
{{with .Sheet}}
<form method="post" action="{{$.Base}}nhap-lieu/" class="entry">
<h2>{{.UnitName}} — {{.WeekLabel}}</h2>
<p>{{$.W.file}}: <code>{{.File}}</code>. {{if .Existing}}{{$.W.existing}}{{else}}{{$.W.new}}{{end}}</p>
{{template "errors" $}}
<input type="hidden" name="token" value="{{$.Token}}">
<input type="hidden" name="don_vi" value="{{.UnitID}}">
<input type="hidden" name="chon_tuan" value="{{.Week}}">
{{range .Services}}
<fieldset>
<legend>{{.Name}}</legend>
<input type="hidden" name="{{$.Sheet.ServiceCol}}" value="{{.ID}}">
{{range .Fields}}<p class="field"><label for="{{.ID}}">{{.Label}}{{if .Count}} ({{$.W.dossiers}}){{end}}</label>
{{if .Count}}<input id="{{.ID}}" name="{{.Name}}" value="{{.Value}}" inputmode="numeric" pattern="[0-9]*" autocomplete="off" aria-describedby="goi-y-so{{with .Errors}} {{.}}{{end}}"{{if .Errors}} aria-invalid="true"{{end}}>
{{else}}<input id="{{.ID}}" name="{{.Name}}" value="{{.Value}}" autocomplete="off"{{with .Errors}} aria-describedby="{{.}}" aria-invalid="true"{{end}}>{{end}}</p>
{{end}}
</fieldset>
{{end}}
<p id="goi-y-so" class="hint">{{$.W.countHint}}</p>
<p class="field"><label for="{{.Sent.ID}}">{{.Sent.Label}}</label>
<input id="{{.Sent.ID}}" name="{{.Sent.Name}}" value="{{.Sent.Value}}" aria-describedby="goi-y-ngay-gui{{with .Sent.Errors}} {{.}}{{end}}"{{if .Sent.Errors}} aria-invalid="true"{{end}} autocomplete="off">
<span class="hint" id="goi-y-ngay-gui">{{$.W.sentHint}}</span></p>
<p><button type="submit">{{$.W.save}}</button></p>
</form>
{{end}}
{{end}}
{{template "indicator" .}}
{{end}}
</main>
</body>
</html>
`
