// Package diag holds the one error type of tiendo: a problem found in a site's
// input, at a file, line and column, with a message for the staff member who
// will read it in Vietnamese (default) or English.
//
// Every stage of the pipeline (load → validate → compute → render → write)
// reports problems into a *List instead of stopping at the first one, so a
// build prints all of them at once, sorted by file and position.
//
// Staff-facing words live in Text values that carry both languages side by
// side, at the place the problem is found; developer detail (a wrapped Go
// error) never reaches the printed message.
package diag

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"

	"github.com/tiendo/tiendo/internal/inuse"
)

// Lang is the language of messages.
type Lang string

const (
	VI Lang = "vi"
	EN Lang = "en"
)

// Text is a staff-facing sentence in both languages.
type Text struct {
	Vi string
	En string
}

// T makes a Text. Both languages are required so that no message exists in one
// language only.
func T(vi, en string) Text { return Text{Vi: vi, En: en} }

// Tf formats both languages with the same arguments; an argument that is
// a Text is written in the language being formatted.
func Tf(vi, en string, args ...any) Text {
	return Text{Vi: fmt.Sprintf(vi, in(VI, args)...), En: fmt.Sprintf(en, in(EN, args)...)}
}

// in gives a Text argument of Tf in lang; the others stay as they are.
func in(lang Lang, args []any) []any {
	var out []any
	for i, a := range args {
		if t, ok := a.(Text); ok {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[i] = t.In(lang)
		}
	}
	if out == nil {
		return args
	}
	return out
}

// In returns the sentence in lang, falling back to Vietnamese.
func (t Text) In(lang Lang) string {
	if lang == EN && t.En != "" {
		return t.En
	}
	return t.Vi
}

// IsZero reports whether the text is empty in both languages.
func (t Text) IsZero() bool { return t.Vi == "" && t.En == "" }

// Pos is a place in a file of the site. File is relative to the site root
// and uses forward slashes. Line and Col are 1-based; 0 means unknown.
//
// Cell is set in a spreadsheet (.xlsx), where a line and a column mean
// nothing to the person who will fix the file: it is the cell as the
// spreadsheet names it ("Sheet1!C12"), shown instead of line:col, while Line
// and Col hold its row and column numbers for tools.
type Pos struct {
	File string
	Line int
	Col  int
	Cell string
}

func (p Pos) String() string {
	switch {
	case p.Cell != "":
		return p.File + ": " + p.Cell
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return p.File
	}
}

// Severity tells errors, which stop publishing, from warnings, which do not.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Diagnostic is one problem.
type Diagnostic struct {
	Pos
	Severity Severity
	// Code is a stable identifier for tools (tiendo check --format json),
	// such as "csv-number" or "link-missing".
	Code string
	Msg  Text
	Hint Text
	// Needs names the file a reference points into: an unknown unit in
	// data/tasks.csv needs data/units.toml. When that file is missing or
	// cannot be read, the problem only follows from it, and the build
	// leaves it out, saying how many it left (see List.Drop).
	Needs string
	// Root marks a problem other problems may follow from: a file that
	// could not be read at all. Roots, and the notes on what they caused,
	// sort before every other diagnostic, so the cause is read first.
	Root bool
}

// Needing sets d.Needs to file and returns d.
func (d *Diagnostic) Needing(file string) *Diagnostic {
	d.Needs = file
	return d
}

// Error implements error in Vietnamese, so a Diagnostic can travel as an error.
func (d *Diagnostic) Error() string { return d.Format(VI) }

// Format renders "path:line:col: message" and, indented below, the hint.
func (d *Diagnostic) Format(lang Lang) string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	if d.Severity == Warning {
		if lang == EN {
			b.WriteString("warning: ")
		} else {
			b.WriteString("cảnh báo: ")
		}
	}
	b.WriteString(d.Msg.In(lang))
	if !d.Hint.IsZero() {
		b.WriteString("\n    ")
		if lang == EN {
			b.WriteString("hint: ")
		} else {
			b.WriteString("gợi ý: ")
		}
		b.WriteString(d.Hint.In(lang))
	}
	return b.String()
}

// New makes an error diagnostic.
func New(pos Pos, code string, msg, hint Text) *Diagnostic {
	return &Diagnostic{Pos: pos, Severity: Error, Code: code, Msg: msg, Hint: hint}
}

// NewWarning makes a warning diagnostic.
func NewWarning(pos Pos, code string, msg, hint Text) *Diagnostic {
	return &Diagnostic{Pos: pos, Severity: Warning, Code: code, Msg: msg, Hint: hint}
}

// List collects diagnostics from any number of goroutines.
type List struct {
	mu    sync.Mutex
	items []*Diagnostic
}

// Add appends diagnostics; nil ones are ignored.
func (l *List) Add(ds ...*Diagnostic) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range ds {
		if d != nil {
			l.items = append(l.items, d)
		}
	}
}

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, code string, msg, hint Text) {
	l.Add(New(pos, code, msg, hint))
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, code string, msg, hint Text) {
	l.Add(NewWarning(pos, code, msg, hint))
}

// Merge adds every diagnostic of other.
func (l *List) Merge(other *List) {
	if other == nil {
		return
	}
	l.Add(other.All()...)
}

// Drop removes the diagnostics drop returns true for and returns them,
// sorted and without duplicates, so the caller can say how many there were. drop must not use l.
func (l *List) Drop(drop func(*Diagnostic) bool) []*Diagnostic {
	var dropped []*Diagnostic
	l.mu.Lock()
	l.items = slices.DeleteFunc(l.items, func(d *Diagnostic) bool {
		if drop(d) {
			dropped = append(dropped, d)
			return true
		}
		return false
	})
	l.mu.Unlock()
	slices.SortStableFunc(dropped, compare)
	return slices.CompactFunc(dropped, func(a, b *Diagnostic) bool { return compare(a, b) == 0 })
}

// HasErrors reports whether any diagnostic is an error.
func (l *List) HasErrors() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Len is the number of diagnostics.
func (l *List) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.items)
}

// All returns the diagnostics sorted by file, line, column, then message, with
// exact duplicates removed.
func (l *List) All() []*Diagnostic {
	l.mu.Lock()
	out := slices.Clone(l.items)
	l.mu.Unlock()
	slices.SortStableFunc(out, compare)
	return slices.CompactFunc(out, func(a, b *Diagnostic) bool { return compare(a, b) == 0 })
}

// Counts returns the number of errors and warnings.
func (l *List) Counts() (errors, warnings int) {
	for _, d := range l.All() {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

func compare(a, b *Diagnostic) int {
	return cmp.Or(
		-cmp.Compare(rank(a.Root), rank(b.Root)),
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Msg.Vi, b.Msg.Vi),
	)
}

func rank(root bool) int {
	if root {
		return 1
	}
	return 0
}

// Format renders all diagnostics, one per line, then a count line.
func (l *List) Format(lang Lang) string {
	var b strings.Builder
	for _, d := range l.All() {
		b.WriteString(d.Format(lang))
		b.WriteByte('\n')
	}
	e, w := l.Counts()
	if e+w > 0 {
		if lang == EN {
			fmt.Fprintf(&b, "%d error(s), %d warning(s)\n", e, w)
		} else {
			fmt.Fprintf(&b, "%d lỗi, %d cảnh báo\n", e, w)
		}
	}
	return b.String()
}

// JSON is the machine-readable form used by `tiendo check --format json`.
type JSON struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Cell     string `json:"cell,omitempty"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

// MarshalJSON renders all diagnostics as a JSON array in lang.
func (l *List) MarshalJSONIn(lang Lang) ([]byte, error) {
	out := []JSON{}
	for _, d := range l.All() {
		sev := "error"
		if d.Severity == Warning {
			sev = "warning"
		}
		out = append(out, JSON{
			File: d.File, Line: d.Line, Column: d.Col, Cell: d.Cell, Severity: sev,
			Code: d.Code, Message: d.Msg.In(lang), Hint: d.Hint.In(lang),
		})
	}
	return json.MarshalIndent(out, "", "  ")
}

// Reason words an error of the operating system for staff: why a file or
// folder could not be read or written. Errors it does not know keep their
// technical text.
func Reason(err error) Text {
	var held *inuse.Error
	switch {
	case err == nil:
		return Text{}
	case errors.As(err, &held) && held.Folder:
		return Tf("thư mục %s có tệp đang mở trong chương trình khác (trình duyệt, trình soạn thảo?); đóng tệp rồi thử lại",
			"the folder %s holds a file open in another program (a browser, an editor?); close it and try again", held.Path)
	case errors.As(err, &held):
		return Tf("tệp %s đang mở trong chương trình khác (Excel?); đóng tệp rồi thử lại",
			"the file %s is open in another program (Excel?); close it and try again", held.Path)
	case errors.Is(err, fs.ErrNotExist):
		return T("không tìm thấy tệp hoặc thư mục", "the file or folder does not exist")
	case errors.Is(err, fs.ErrPermission):
		return T("không có quyền truy cập; kiểm tra quyền của thư mục", "permission denied; check the folder's permissions")
	case errors.Is(err, syscall.ENOSPC):
		return T("ổ đĩa đã đầy", "the disk is full")
	case errors.Is(err, syscall.EROFS):
		return T("ổ đĩa chỉ cho phép đọc", "the disk is read-only")
	case errors.Is(err, syscall.ENOTDIR):
		return T("một phần của đường dẫn là tệp chứ không phải thư mục", "part of the path is a file, not a folder")
	case errors.Is(err, syscall.EISDIR):
		return T("đường dẫn là thư mục chứ không phải tệp", "the path is a folder, not a file")
	case inuse.Is(err):
		return T("tệp đang được chương trình khác dùng (như Excel khi đang mở tệp); đóng tệp ở chương trình đó rồi chạy lại",
			"the file is in use by another program (such as Excel while the file is open there); close it there and run again")
	case errors.Is(err, fs.ErrExist):
		return T("tệp hoặc thư mục đã tồn tại", "the file or folder already exists")
	}
	return Tf("lỗi hệ thống: %v", "system error: %v", err)
}

var flagValueRe = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?(-[^:]+):`)

// FlagError words an error of Go's flag package for staff.
func FlagError(err error) Text {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return Tf("không có tùy chọn %s", "there is no option %s", name)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return Tf("tùy chọn %s cần một giá trị", "option %s needs a value", name)
	}
	// invalid value "x" for flag -port: parse error
	// invalid boolean value "x" for -quiet: parse error
	if m := flagValueRe.FindStringSubmatch(msg); m != nil {
		return Tf("giá trị %s không hợp lệ cho tùy chọn %s", "value %s is not valid for option %s", m[1], m[2])
	}
	return Tf("tùy chọn không hợp lệ: %s", "invalid option: %s", msg)
}

// Because is what, followed by the reason for err (see Reason).
func Because(what Text, err error) Text {
	r := Reason(err)
	return Text{Vi: what.Vi + ": " + r.Vi, En: what.En + ": " + r.En}
}

// FirstLines is the first n lines of s joined by " | ": a stack trace
// short enough for a message.
func FirstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, " | ")
}
