package tomlx

import (
	"unicode/utf8"

	"github.com/tiendo/tiendo/internal/diag"
)

// Limits on what Decode accepts. The files are hand-written settings and
// registries: no real one comes near them, and past them
// github.com/BurntSushi/toml spends time and memory out of all proportion
// (inline tables nested 10,000 deep take seconds and gigabytes, because
// every level is an undecoded key that repeats the path above it).
const (
	// MaxSize is the largest TOML file accepted, in bytes.
	MaxSize = 8 << 20
	// MaxDepth is how deeply arrays and inline tables may nest; a table
	// header [[a]] counts as two levels.
	MaxDepth = 32
	// maxUnknownKeys bounds the unknown keys reported one by one.
	maxUnknownKeys = 50
)

// precheck refuses src before decoding when it is too large, is not UTF-8,
// holds a control character TOML forbids, or nests too deeply. Positions
// count lines from lineOffset+1 and columns in characters.
func precheck(file string, lineOffset int, src []byte, l *diag.List) bool {
	if len(src) > MaxSize {
		l.Errorf(diag.Pos{File: file}, diag.CodeTOMLTooLarge,
			diag.Tf("tệp quá lớn (%d byte, tối đa %d byte)", "the file is too large (%d bytes, at most %d bytes)", len(src), MaxSize),
			diag.T("Tệp cấu hình chỉ cần vài trăm dòng; kiểm tra xem có chép nhầm dữ liệu vào không.",
				"A settings file needs a few hundred lines at most; check that no data was pasted into it by mistake."))
		return false
	}
	line, col := lineOffset+1, 1
	pos := func() diag.Pos { return diag.Pos{File: file, Line: line, Col: col} }
	depth := 0
	// state of the scanner: outside strings, or inside one of the four
	// kinds of TOML string, or in a comment.
	const (
		code = iota
		basic
		literal
		mlBasic
		mlLiteral
		comment
	)
	state := code
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && w == 1 {
			l.Errorf(pos(), diag.CodeTOMLEncoding,
				diag.T("tệp không phải văn bản UTF-8 hợp lệ", "the file is not valid UTF-8 text"),
				diag.T("Lưu lại tệp với bảng mã UTF-8.", "Save the file again as UTF-8."))
			return false
		}
		if r < 0x20 && r != '\t' && r != '\n' && !(r == '\r' && i+1 < len(src) && src[i+1] == '\n') || r == 0x7f {
			l.Errorf(pos(), diag.CodeTOMLControl,
				diag.Tf("tệp có ký tự điều khiển U+%04X, không được phép trong TOML", "the file holds the control character U+%04X, which TOML does not allow", r),
				diag.T("Xoá ký tự đó (thường do chép từ chương trình khác); chỉ dùng chữ, tab và xuống dòng.",
					"Delete that character (often pasted from another program); use only text, tabs and line breaks."))
			return false
		}
		next := func(s string) bool { return len(src) >= i+len(s) && string(src[i:i+len(s)]) == s }
		switch state {
		case code:
			switch {
			case r == '#':
				state = comment
			case next(`"""`):
				state, i, col = mlBasic, i+2, col+2
			case next(`'''`):
				state, i, col = mlLiteral, i+2, col+2
			case r == '"':
				state = basic
			case r == '\'':
				state = literal
			case r == '[' || r == '{':
				depth++
				if depth > MaxDepth {
					l.Errorf(pos(), diag.CodeTOMLDepth,
						diag.Tf("giá trị lồng nhau quá sâu (quá %d cấp [ ] và { })", "values are nested too deeply (more than %d levels of [ ] and { })", MaxDepth),
						diag.T("Kiểm tra các dấu ngoặc [ ] và { }: mỗi dấu mở cần một dấu đóng.",
							"Check the brackets [ ] and { }: each opening one needs a closing one."))
					return false
				}
			case r == ']' || r == '}':
				depth = max(depth-1, 0)
			}
		case basic:
			switch r {
			case '\\':
				if escapes(src, i) {
					i, col = i+1, col+1
				}
			case '"', '\n':
				state = code
			}
		case literal:
			if r == '\'' || r == '\n' {
				state = code
			}
		case mlBasic:
			switch {
			case r == '\\' && escapes(src, i):
				i, col = i+1, col+1
			case next(`"""`):
				state, i, col = code, i+2, col+2
			}
		case mlLiteral:
			if next(`'''`) {
				state, i, col = code, i+2, col+2
			}
		case comment:
			if r == '\n' {
				state = code
			}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += w
	}
	return true
}

// escapes reports whether the backslash at src[i] escapes the next byte, so
// that the scanner steps over it: \" and \\ do, a backslash at the end of a
// line (a line-ending backslash) does not.
func escapes(src []byte, i int) bool {
	return i+1 < len(src) && src[i+1] > ' ' && src[i+1] < utf8.RuneSelf
}
