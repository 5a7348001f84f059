// Package tomlx decodes the TOML files staff write (config.toml, front matter,
// data/*.toml) strictly: a syntax error, a value of the wrong type and an
// unknown or mistyped key each become a diag.Diagnostic at file:line:col,
// with the closest known key as a hint.
//
// github.com/BurntSushi/toml reports undecoded keys but not where they are,
// so this package finds them with Scan, which records where every table,
// key and array element of a source is written. Packages that check values
// after decoding use Scan too, to point at the key a value came from.
package tomlx

import (
	"bytes"
	"errors"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/vi"
)

// Decode decodes src into v. file is the path relative to the site root;
// lineOffset is added to every line (for front matter inside a Markdown file).
// It returns the metadata (nil on a syntax error) and reports problems into l.
// The problem that stops a file from being decoded at all is a root
// (diag.Diagnostic.Root): what other files say about its contents may only
// follow from it.
func Decode(file string, lineOffset int, src []byte, v any, l *diag.List) *toml.MetaData {
	var sub diag.List
	md := decode(file, lineOffset, src, v, &sub)
	if md == nil {
		for _, d := range sub.All() {
			d.Root = d.Severity == diag.Error
		}
	}
	l.Merge(&sub)
	return md
}

func decode(file string, lineOffset int, src []byte, v any, l *diag.List) *toml.MetaData {
	if !precheck(file, lineOffset, src, l) {
		return nil
	}
	md, err := toml.NewDecoder(strings.NewReader(string(src))).Decode(v)
	var tree *Node
	find := func(key []string) []*Node {
		if tree == nil {
			tree = Scan(file, lineOffset, src)
		}
		return tree.find(key)
	}
	if err != nil {
		var pe toml.ParseError
		pos := diag.Pos{File: file, Line: lineOffset + 1, Col: 1}
		detail := err.Error()
		lastKey := ""
		if errors.As(err, &pe) {
			if pe.Position.Line > 0 {
				pos.Line = lineOffset + pe.Position.Line
				pos.Col = max(pe.Position.Col, 1)
			}
			if line, col, ok := lineCol(src, pe.Position.Start); ok && (pe.Position.Start > 0 || pe.Position.Line <= 1) {
				// Columns in characters, as an editor shows them, not bytes.
				pos.Line, pos.Col = lineOffset+line, col
			}
			detail, lastKey = pe.Message, pe.LastKey
		} else if m := typeErrRe.FindStringSubmatch(detail); m != nil {
			// Type mismatches come as plain errors: "toml: line 3 (last key "weight"): …".
			n, _ := strconv.Atoi(m[1])
			pos.Line, lastKey = lineOffset+n, m[2]
			for _, k := range find(strings.Split(m[2], ".")) {
				if k.pos.Line == pos.Line {
					pos.Col = k.pos.Col
					break
				}
			}
		}
		l.Add(translate(pos, detail, lastKey))
		return nil
	}
	var reported []toml.Key
	for _, key := range md.Undecoded() {
		// Below an unknown key every key is unknown too: report the top one.
		if slices.ContainsFunc(reported, func(r toml.Key) bool { return isPrefix(r, key) }) {
			continue
		}
		if len(reported) == maxUnknownKeys {
			l.Errorf(diag.Pos{File: file, Line: lineOffset + 1, Col: 1}, diag.CodeTOMLUnknownKey,
				diag.T("còn nhiều khóa không được hỗ trợ khác", "there are more unknown keys"),
				diag.Tf("Sửa %d khóa ở trên rồi chạy lại.", "Fix the %d keys above and run again.", maxUnknownKeys))
			break
		}
		reported = append(reported, key)
		at := diag.Pos{File: file, Line: lineOffset + 1, Col: 1}
		if found := find(key); len(found) > 0 {
			at = found[0].pos
		}
		known := knownKeys(reflect.TypeOf(v), key[:len(key)-1])
		hint := diag.T("Xem danh sách khóa hợp lệ trong README.", "See the list of valid keys in the README.")
		if c := vi.Closest(key[len(key)-1], known, 1); len(c) > 0 {
			hint = diag.Tf("Có phải là %q?", "Did you mean %q?", c[0])
		} else if len(known) > 0 {
			hint = diag.Tf("Các khóa hợp lệ ở đây: %s.", "Valid keys here: %s.", strings.Join(known, ", "))
		}
		l.Errorf(at, diag.CodeTOMLUnknownKey,
			diag.Tf("khóa %q không được hỗ trợ", "unknown key %q", key.String()), hint)
	}
	return &md
}

var typeErrRe = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\)`)

func translate(pos diag.Pos, detail, lastKey string) *diag.Diagnostic {
	if strings.Contains(detail, "incompatible types") {
		want := ""
		if i := strings.LastIndex(detail, "destination has type "); i >= 0 {
			want = strings.TrimSpace(detail[i+len("destination has type "):])
		}
		return diag.New(pos, diag.CodeTOMLType,
			diag.Tf("giá trị của khóa %q sai kiểu", "the value of key %q has the wrong type", lastKey),
			diag.Tf("Cần kiểu %s (chuỗi trong dấu \"\", số, true/false, hoặc ngày như 2023-06-30).",
				"Expected %s (a \"quoted\" string, a number, true/false, or a date like 2023-06-30).", typeWord(want)))
	}
	for _, m := range syntaxMessages {
		if sub := m.re.FindStringSubmatch(detail); sub != nil {
			msg := m.msg
			for _, arg := range sub[1:] {
				if arg != "" {
					msg = diag.Tf(m.msg.Vi, m.msg.En, arg)
					break
				}
			}
			return diag.New(pos, diag.CodeTOMLSyntax, msg, m.hint)
		}
	}
	return diag.New(pos, diag.CodeTOMLSyntax,
		diag.T("cú pháp TOML không hợp lệ", "invalid TOML syntax"),
		diag.Tf("Kiểm tra dấu ngoặc kép, dấu = và dấu [ ] quanh đây.",
			"Check quotes, '=' and [ ] around here (detail: %s).", detail))
}

// syntaxMessages word the TOML library's syntax errors for staff, in
// both languages; the first match wins. A message with a group takes the
// first group that matched as its one %q argument.
var syntaxMessages = []struct {
	re        *regexp.Regexp
	msg, hint diag.Text
}{
	{regexp.MustCompile(`^Key '(.*)' has already been defined`),
		diag.T("khóa %q được khai báo hai lần", "key %q is defined twice"),
		diag.T("Xóa một trong hai dòng, hoặc đổi tên một khóa.", "Delete one of the two lines, or rename one key.")},
	{regexp.MustCompile(`^Key '(.*)' was already created|^"?(.*?)"? is not a table`),
		diag.T("khóa %q đã được dùng với kiểu khác", "key %q is already used as something else"),
		diag.T("Một tên khóa chỉ dùng cho một thứ: một giá trị, một bảng [ ] hoặc một danh sách [[ ]].", "One key name is one thing: a value, a [table] or a [[list]].")},
	{regexp.MustCompile(`strings cannot contain newlines|unexpected EOF$`),
		diag.T("chuỗi hoặc dấu ngoặc chưa được đóng", "a string or bracket is not closed"),
		diag.T(`Đóng dấu ngoặc kép trên cùng dòng, ví dụ title = "Kế hoạch năm 2023".`, `Close the double quote on the same line, e.g. title = "Kế hoạch năm 2023".`)},
	{regexp.MustCompile(`expected value but found|expected value$`),
		diag.T("thiếu giá trị sau dấu =, hoặc chữ chưa nằm trong dấu ngoặc kép", "a value is missing after '=', or text is not in double quotes"),
		diag.T(`Viết chữ trong dấu ngoặc kép, ví dụ title = "Kế hoạch năm 2023"; số và true/false thì không cần.`, `Put text in double quotes, e.g. title = "Kế hoạch năm 2023"; numbers and true/false need none.`)},
	{regexp.MustCompile(`expected '\.' or '='|expected key separator|key name appears blank|^unexpected '='|keys cannot start`),
		diag.T("dòng này không có dạng khóa = giá trị", "this line is not of the form key = value"),
		diag.T(`Mỗi dòng viết khóa = giá trị; tên khóa không có dấu cách, ví dụ start_date = 2023-01-01.`, `Write key = value on each line; key names have no spaces, e.g. start_date = 2023-01-01.`)},
	{regexp.MustCompile(`top-level item to end with a newline`),
		diag.T("sau giá trị còn thừa chữ trên cùng dòng", "there is more text after the value on the same line"),
		diag.T("Mỗi khóa một dòng; chữ có dấu cách phải nằm trong dấu ngoặc kép; ghi chú bắt đầu bằng #.", "One key per line; text with spaces goes in double quotes; comments start with #.")},
	{regexp.MustCompile(`array terminator|^unexpected comma`),
		diag.T("danh sách [ ] thiếu dấu phẩy hoặc dấu ] đóng", "a [ ] list is missing a comma or its closing ]"),
		diag.T(`Viết danh sách như ["a", "b"]: các phần tử cách nhau bằng dấu phẩy.`, `Write lists like ["a", "b"], items separated by commas.`)},
	{regexp.MustCompile(`inline table`),
		diag.T("bảng { } thiếu dấu phẩy hoặc dấu } đóng, hoặc bị xuống dòng", "a { } table is missing a comma or its closing }, or spans lines"),
		diag.T(`Viết bảng trên một dòng, như { period = "2022-12", value = 0 }.`, `Write it on one line, like { period = "2022-12", value = 0 }.`)},
	{regexp.MustCompile(`table name|table array name|table separator`),
		diag.T("tên bảng trong [ ] không hợp lệ", "the table name in [ ] is not valid"),
		diag.T("Viết [ten_bang] hoặc [[ten_bang]] trên một dòng riêng, không để trống.", "Write [name] or [[name]] on a line of its own, not empty.")},
	{regexp.MustCompile(`invalid datetime|invalid duration`),
		diag.T("ngày giờ không hợp lệ", "the date or time is not valid"),
		diag.T("Viết ngày dạng 2023-06-30 (năm-tháng-ngày), không có dấu ngoặc kép.", "Write dates as 2023-06-30 (year-month-day), without quotes.")},
	{regexp.MustCompile(`float|digit|number|out of range|out of the safe`),
		diag.T("số không hợp lệ", "the number is not valid"),
		diag.T("Viết số như 50000 hoặc 60.5: dấu chấm thập phân, không có dấu cách hay dấu phân cách hàng nghìn.", "Write numbers like 50000 or 60.5: a decimal point, no spaces or thousands separators.")},
	{regexp.MustCompile(`escape`),
		diag.T(`chuỗi có dấu \ không hợp lệ`, `the string has an invalid \ escape`),
		diag.T(`Trong dấu ngoặc kép, viết \\ thay cho \; hoặc dùng dấu nháy đơn '…'.`, `Inside double quotes write \\ for \; or use single quotes '…'.`)},
	{regexp.MustCompile(`control characters`),
		diag.T("tệp có ký tự điều khiển không in được", "the file has an unprintable control character"),
		diag.T("Xóa ký tự lạ ở vị trí này (thường do sao chép từ nơi khác) rồi lưu lại.", "Delete the odd character here (often pasted from elsewhere) and save.")},
	{regexp.MustCompile(`UTF-8`),
		diag.T("tệp không phải văn bản UTF-8", "the file is not UTF-8 text"),
		diag.T("Lưu lại tệp với bảng mã UTF-8.", "Save the file again as UTF-8.")},
}

func typeWord(goType string) string {
	switch {
	case strings.Contains(goType, "string"):
		return "chuỗi / string"
	case strings.Contains(goType, "int"), strings.Contains(goType, "float"):
		return "số / number"
	case strings.Contains(goType, "bool"):
		return "true/false"
	case strings.HasPrefix(goType, "[]"), strings.Contains(goType, "slice"):
		return "mảng [ ] / array"
	case goType == "":
		return "?"
	}
	return goType
}

// knownKeys lists the TOML keys of the struct reached by path from t.
func knownKeys(t reflect.Type, path toml.Key) []string {
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
		t = t.Elem()
	}
	if t == nil {
		return nil
	}
	for _, p := range path {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Map:
			t = t.Elem()
			continue
		case reflect.Struct:
			f, ok := fieldByKey(t, p)
			if !ok {
				return nil
			}
			t = f.Type
		default:
			return nil
		}
	}
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for i := range t.NumField() {
		if k := tomlName(t.Field(i)); k != "" && k != "-" {
			out = append(out, k)
		}
	}
	return out
}

func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if tomlName(f) == key || strings.EqualFold(f.Name, key) {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func tomlName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag := f.Tag.Get("toml")
	if name, _, _ := strings.Cut(tag, ","); name != "" {
		return name
	}
	return f.Name
}

// lineCol converts a byte offset in src to a 1-based line and character
// column.
func lineCol(src []byte, off int) (line, col int, ok bool) {
	if off < 0 || off > len(src) {
		return 0, 0, false
	}
	for off > 0 && off < len(src) && !utf8.RuneStart(src[off]) {
		off-- // the parser may point inside a character
	}
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return bytes.Count(src[:off], []byte("\n")) + 1, utf8.RuneCount(src[start:off]) + 1, true
}

// isPrefix reports whether key lies at or below prefix.
func isPrefix(prefix, key toml.Key) bool {
	return len(prefix) <= len(key) && slices.Equal(prefix, key[:len(prefix)])
}
