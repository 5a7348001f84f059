package plan

import (
	"strings"
	"unicode"

	"github.com/tiendo/tiendo/internal/diag"
)

// ParseError is words of a deadline or a status that cannot be read.
type ParseError struct {
	// Offset is the byte offset, in the text given, of the first word that
	// cannot be read, and Words those words as written, so that
	// text[Offset:Offset+len(Words)] == Words.
	Offset int
	Words  string
	// Code, Msg and Hint are as in diag.Diagnostic.
	Code string
	Msg  diag.Text
	Hint diag.Text

	text string
}

// Error gives the message in Vietnamese.
func (e *ParseError) Error() string { return e.Msg.Vi }

// Diagnostic places the error in a file. at is the position of the first
// character of the text given to the parser. Columns count characters as an
// editor's status bar does, as internal/table's do: a letter written with
// combining marks is one character. A text spanning lines moves the
// position to the line of the unreadable words.
func (e *ParseError) Diagnostic(at diag.Pos) *diag.Diagnostic {
	pos := at
	before := e.text[:min(max(e.Offset, 0), len(e.text))]
	if n := strings.Count(before, "\n"); n > 0 && pos.Line > 0 {
		pos.Line += n
		if pos.Col > 0 {
			pos.Col = chars(before[strings.LastIndexByte(before, '\n')+1:]) + 1
		}
	} else if pos.Col > 0 {
		pos.Col += chars(before)
	}
	return diag.New(pos, e.Code, e.Msg, e.Hint)
}

// chars counts characters: runes, except combining marks, which join the
// letter before them.
func chars(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x300 || !(unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r)) {
			n++
		}
	}
	return n
}

// Stable codes for tools; see diag.Diagnostic.Code.
const (
	codeUnreadable = diag.CodeDeadlineUnreadable
	codeDate       = diag.CodeDeadlineDate
	codeYear       = diag.CodeDeadlineYear
	codeRule       = diag.CodeDeadlineRule
	codeVague      = diag.CodeDeadlineVague
	codeProgress   = diag.CodeTaskProgress
)

var hintForms = diag.T(
	"Các cách viết đọc được: “trong Quý I/2023”, “trong tháng 3/2023”, “trước ngày 30/04/2023”, "+
		"“ngày 31 tháng 12 năm 2023”, “đến hết Quý II/2023”, “chậm nhất ngày 30/6/2023”, “từ tháng 3/2023”, "+
		"“trong năm 2023”, “6 tháng đầu năm 2023”, “thường xuyên”, “ngay”, “khi …”, “theo lộ trình …”, "+
		"“trước 09h ngày Thứ 3 hàng tuần”, “trước ngày 13 hàng tháng”, “hàng quý”, "+
		"“trước ngày 14/06 và 14/12 hàng năm”. Quý viết I–IV hoặc 1–4; năm viết đủ 4 chữ số.",
	"Readable forms (written in Vietnamese): “trong Quý I/2023” (within Q1 2023), “trong tháng 3/2023” (within March 2023), "+
		"“trước ngày 30/04/2023” (by 30 April 2023), “ngày 31 tháng 12 năm 2023”, “đến hết Quý II/2023” (until the end of Q2), "+
		"“chậm nhất ngày 30/6/2023” (at the latest), “từ tháng 3/2023” (from March), “trong năm 2023”, "+
		"“6 tháng đầu năm 2023” (first half), “thường xuyên” (regularly), “ngay” (at once), “khi …” (when …), "+
		"“theo lộ trình …” (as scheduled by …), “trước 09h ngày Thứ 3 hàng tuần” (Tuesdays 09:00), "+
		"“trước ngày 13 hàng tháng” (monthly), “hàng quý” (quarterly), “trước ngày 14/06 và 14/12 hàng năm” (yearly). "+
		"Quarters are I–IV or 1–4; years have 4 digits.",
)
