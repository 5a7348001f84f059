package entry

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/view"
)

// uploadPath is the workbook upload under the form's address: what `tiendo
// nhap` does, in the browser. A POST with the file shows the changes; a
// POST with the confirmation writes them.
const uploadPath = "tai-len"

// maxUpload bounds an uploaded workbook.
const maxUpload = 10 << 20

// pendingFor is how long shown changes wait for their confirmation.
const pendingFor = 30 * time.Minute

// pendingImports are the imports shown and not yet confirmed, by id.
type pendingImports struct {
	mu sync.Mutex
	m  map[string]pendingImport
}

type pendingImport struct {
	im    *Import
	until time.Time
}

func (p *pendingImports) put(im *Import) string {
	b := make([]byte, 16)
	rand.Read(b)
	id := hex.EncodeToString(b)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.m == nil {
		p.m = map[string]pendingImport{}
	}
	now := time.Now()
	for k, v := range p.m {
		if now.After(v.until) {
			delete(p.m, k)
		}
	}
	p.m[id] = pendingImport{im: im, until: now.Add(pendingFor)}
	return id
}

// take returns the import id names, once.
func (p *pendingImports) take(id string) (*Import, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	v, ok := p.m[id]
	delete(p.m, id)
	if !ok || time.Now().After(v.until) {
		return nil, false
	}
	return v.im, true
}

// uploadData is what the upload page shows.
type uploadData struct {
	Lang, Title, Base, Token, Problem string
	Units                             []option
	WeekSel                           string
	Errors                            []errView
	Warnings                          []errView
	Plan                              *planView
	W                                 map[string]string
}

type planView struct {
	ID, From, File, Unit, Week string
	Rows                       []planRow
	Changes                    bool
	Counts                     string
}

type planRow struct {
	Name, Cell, Kind, Class string
	Cells                   []planCell
}

type planCell struct{ Label, Old, New string }

// upload serves the upload page, the changes of an uploaded workbook, and
// their confirmation.
func (h *Handler) upload(w http.ResponseWriter, r *http.Request) {
	st, err := h.load()
	if err != nil {
		h.notReady(w)
		return
	}
	defer st.close()
	d := uploadData{Units: h.units(st, r.FormValue("don_vi")), WeekSel: r.FormValue("chon_tuan")}
	if d.WeekSel == "" {
		d.WeekSel = st.rule().LastDue(st.site.Now).String()
	}
	switch {
	case r.Method != http.MethodPost:
		h.uploadPage(w, http.StatusOK, d)
	case r.PostForm.Get("xac_nhan") != "":
		h.confirm(w, r, d)
	default:
		h.preview(w, r, st, d)
	}
}

// preview reads the uploaded workbook and shows what it would change.
func (h *Handler) preview(w http.ResponseWriter, r *http.Request, st *state, d uploadData) {
	file, hdr, err := r.FormFile("tep")
	if err != nil {
		d.Problem = h.t("Chọn tệp Excel (.xlsx) hoặc CSV của đơn vị để tải lên.", "Choose the unit's Excel (.xlsx) or CSV file to upload.")
		h.uploadPage(w, http.StatusUnprocessableEntity, d)
		return
	}
	defer file.Close()
	raw, err := io.ReadAll(io.LimitReader(file, maxUpload+1))
	name := path.Base(strings.ReplaceAll(hdr.Filename, `\`, "/"))
	switch ext := strings.ToLower(path.Ext(name)); {
	case err != nil || len(raw) > maxUpload:
		d.Problem = diag.Tf("Tệp quá lớn: giới hạn là %d MB.", "The file is too large: the limit is %d MB.", maxUpload>>20).In(h.c.Lang)
	case ext != ".xlsx" && ext != ".csv":
		d.Problem = diag.Tf("%s: chỉ nhập được sổ Excel .xlsx hoặc tệp .csv. Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng Sổ làm việc Excel (.xlsx).",
			"%s: only .xlsx workbooks or .csv files can be imported. Open the file in Excel or LibreOffice and save it as an Excel Workbook (.xlsx).", name).In(h.c.Lang)
	}
	if d.Problem != "" {
		h.uploadPage(w, http.StatusUnprocessableEntity, d)
		return
	}
	h.mu.Lock()
	im, problem, l := ReadImport(h.c.Source, st.site, name, raw, r.PostForm.Get("don_vi"), r.PostForm.Get("chon_tuan"))
	h.mu.Unlock()
	if im == nil || !problem.IsZero() {
		d.Problem = problem.In(h.c.Lang)
		h.uploadPage(w, http.StatusUnprocessableEntity, d)
		return
	}
	d.Errors = h.listViews(l.All(), "loi")
	d.Warnings = h.listViews(im.Warnings, "canh-bao")
	if l.HasErrors() {
		h.uploadPage(w, http.StatusUnprocessableEntity, d)
		return
	}
	d.Plan = h.planView(im)
	if d.Plan.Changes {
		d.Plan.ID = h.pending.put(im)
	}
	h.uploadPage(w, http.StatusOK, d)
}

// confirm writes the changes shown, unless the file changed since.
func (h *Handler) confirm(w http.ResponseWriter, r *http.Request, d uploadData) {
	im, ok := h.pending.take(r.PostForm.Get("xac_nhan"))
	if !ok {
		d.Problem = h.t("Các thay đổi này đã được ghi, đã quá 30 phút, hoặc máy chủ xem thử đã khởi động lại. Tải tệp lên lại.",
			"These changes were already written, are more than 30 minutes old, or the preview was restarted. Upload the file again.")
		h.uploadPage(w, http.StatusConflict, d)
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	var before uint64
	if h.c.Builds != nil {
		before = h.c.Builds()
	}
	if _, err := im.Write(); err != nil {
		d.Problem = diag.Tf("Không ghi được %s: %s. Nếu tệp đang mở trong Excel, đóng tệp rồi thử lại.",
			"Cannot write %s: %s. If the file is open in Excel, close it and try again.", im.File, errText(err)).In(h.c.Lang)
		if errors.Is(err, ErrChanged) {
			d.Problem = diag.Tf("%s vừa thay đổi sau khi các thay đổi được hiện ra, nên không ghi gì. Tải tệp lên lại để xem các thay đổi so với tệp mới.",
				"%s changed after the changes were shown, so nothing was written. Upload the file again to see the changes against the new file.", im.File).In(h.c.Lang)
		}
		h.uploadPage(w, http.StatusConflict, d)
		return
	}
	h.waitBuild(before)
	http.Redirect(w, r, h.base()+strings.TrimPrefix(view.WeekPath(im.Week), "/"), http.StatusSeeOther)
}

// listViews are the problems ds as the page lists them, with ids prefix-1, prefix-2, …
func (h *Handler) listViews(ds []*diag.Diagnostic, prefix string) []errView {
	var out []errView
	for n, d := range ds {
		out = append(out, errView{ID: fmt.Sprintf("%s-%d", prefix, n+1), Pos: d.Pos.String(), Msg: d.Msg.In(h.c.Lang), Hint: d.Hint.In(h.c.Lang)})
	}
	return out
}

func (h *Handler) planView(im *Import) *planView {
	en := h.c.Lang == diag.EN
	p := &planView{From: im.From, File: im.File, Unit: im.Unit.Name, Week: im.Week.Label(h.c.Lang), Changes: im.Changes()}
	var added, changed, same int
	for _, r := range im.Rows {
		row := planRow{Name: r.Service.Name, Cell: r.At.Cell}
		switch r.Kind {
		case Added:
			added++
			row.Kind, row.Class = h.t("dòng mới", "new row"), "moi"
		case Changed:
			changed++
			row.Kind, row.Class = h.t("thay đổi", "changed"), "doi"
		case Unchanged:
			same++
			row.Kind, row.Class = h.t("không đổi", "unchanged"), "giu"
		case Blank:
			row.Kind, row.Class = h.t("chưa điền số trong sổ, giữ nguyên trong tệp", "no figures in the workbook, left as it is in the file"), "giu"
		case Absent:
			row.Kind, row.Class = h.t("không có trong sổ, giữ nguyên trong tệp", "not in the workbook, left as it is in the file"), "giu"
		}
		for _, c := range r.Cells {
			pc := planCell{Label: report.Label(c.Key, en), New: shown(c.New, h.c.Lang)}
			if r.Kind == Changed {
				pc.Old = shown(c.Old, h.c.Lang)
			}
			row.Cells = append(row.Cells, pc)
		}
		p.Rows = append(p.Rows, row)
	}
	p.Counts = diag.Tf("%d dòng mới, %d dòng thay đổi, %d dòng không đổi.", "%d new rows, %d changed, %d unchanged.", added, changed, same).In(h.c.Lang)
	return p
}

func (h *Handler) uploadPage(w http.ResponseWriter, status int, d uploadData) {
	d.Lang, d.Base, d.Token, d.W = string(h.c.Lang), h.base(), h.Token(), h.words()
	vi := h.c.Lang != diag.EN
	pick := func(v, e string) string {
		if vi {
			return v
		}
		return e
	}
	for k, v := range map[string]string{
		"upTitle":   pick("Nhập sổ báo cáo tuần từ tệp Excel", "Import a weekly report workbook"),
		"upIntro":   pick("Tải lên tệp Excel (.xlsx) hoặc CSV đơn vị gửi: mỗi dòng một dịch vụ, mỗi cột một số liệu, như mẫu báo cáo tuần của trang (mau-bao-cao-tuan.xlsx trên trang của đơn vị). Trang hiện các thay đổi trước; chỉ ghi khi bấm xác nhận.", "Upload the Excel (.xlsx) or CSV file the unit sends: one row per service, one column per figure, as the site's weekly template (mau-bao-cao-tuan.xlsx on the unit's page). The changes are shown first; nothing is written until you confirm."),
		"upFile":    pick("Tệp của đơn vị (.xlsx hoặc .csv)", "The unit's file (.xlsx or .csv)"),
		"upShow":    pick("Xem các thay đổi", "Show the changes"),
		"upErrors":  pick("Không ghi gì: tệp có lỗi ở các ô dưới đây.", "Nothing written: the file has errors in the cells below."),
		"upWarn":    pick("Cảnh báo (không chặn việc ghi):", "Warnings (they do not stop the write):"),
		"upNothing": pick("Không có gì thay đổi: tệp giữ nguyên.", "Nothing changes: the file is left as it is."),
		"upConfirm": pick("Ghi vào", "Write to"),
		"upCancel":  pick("Huỷ, không ghi gì", "Cancel, write nothing"),
		"upForm":    pick("Nhập tay từng ô", "Type the figures in instead"),
		"upChanges": pick("Các thay đổi", "The changes"),
	} {
		d.W[k] = v
	}
	d.Title = d.W["upTitle"]
	var b strings.Builder
	if err := uploadTmpl.Execute(&b, d); err != nil {
		http.Error(w, "500", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, b.String())
}

var uploadTmpl = template.Must(template.New("upload").Parse(`<!DOCTYPE html>
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
<p><a href="{{.Base}}">{{.W.back}}</a> · <a href="{{.Base}}nhap-lieu/">{{.W.upForm}}</a></p>
{{if .Problem}}<div class="problem" role="alert"><p>{{.Problem}}</p></div>{{end}}
{{if .Errors}}<div class="problem" role="alert" id="loi">
<p><strong>{{.W.upErrors}}</strong></p>
<ul>{{range .Errors}}<li id="{{.ID}}"><code>{{.Pos}}</code>: {{.Msg}}{{if .Hint}}<br><span class="hint">{{$.W.hint}}: {{.Hint}}</span>{{end}}</li>{{end}}</ul>
</div>{{end}}
{{if not .Plan}}{{template "warnings" .}}{{end}}
{{with .Plan}}
<section aria-labelledby="thay-doi">
<h2 id="thay-doi">{{$.W.upChanges}}: {{.Unit}} — {{.Week}}</h2>
<p>{{.From}} → <code>{{.File}}</code></p>
<ul class="plan">
{{range .Rows}}<li class="{{.Class}}"><strong>{{.Name}}</strong>{{with .Cell}} (<code>{{.}}</code>){{end}}: {{.Kind}}
{{with .Cells}}<ul>{{range .}}<li>{{.Label}}: {{if .Old}}{{.Old}} → {{end}}{{.New}}</li>{{end}}</ul>{{end}}</li>
{{end}}</ul>
<p>{{.Counts}}</p>
{{template "warnings" $}}
{{if .Changes}}
<form method="post" action="{{$.Base}}nhap-lieu/tai-len">
<input type="hidden" name="token" value="{{$.Token}}">
<input type="hidden" name="xac_nhan" value="{{.ID}}">
<p><button type="submit">{{$.W.upConfirm}} {{.File}}</button> <a href="{{$.Base}}nhap-lieu/tai-len">{{$.W.upCancel}}</a></p>
</form>
{{else}}<p>{{$.W.upNothing}}</p>{{end}}
</section>
{{else}}
<p>{{.W.upIntro}}</p>
<form method="post" action="{{.Base}}nhap-lieu/tai-len" enctype="multipart/form-data" class="chooser">
<input type="hidden" name="token" value="{{.Token}}">
<p><label for="chon-don-vi">{{.W.unit}}</label>
<select id="chon-don-vi" name="don_vi">{{range .Units}}<option value="{{.ID}}"{{if .Selected}} selected{{end}}>{{.Name}}</option>{{end}}</select></p>
<p><label for="chon-tuan">{{.W.week}}</label>
<input id="chon-tuan" name="chon_tuan" value="{{.WeekSel}}" aria-describedby="chon-tuan-goi-y" autocomplete="off">
<span class="hint" id="chon-tuan-goi-y">{{.W.weekHint}}</span></p>
<p><label for="tep">{{.W.upFile}}</label>
<input id="tep" name="tep" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"></p>
<p><button type="submit">{{.W.upShow}}</button></p>
</form>
{{end}}
</main>
</body>
</html>
{{define "warnings"}}{{if .Warnings}}<div class="warnings">
<p>{{.W.upWarn}}</p>
<ul>{{range .Warnings}}<li id="{{.ID}}"><code>{{.Pos}}</code>: {{.Msg}}{{if .Hint}}<br><span class="hint">{{$.W.hint}}: {{.Hint}}</span>{{end}}</li>{{end}}</ul>
</div>{{end}}{{end}}`))
