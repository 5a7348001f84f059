package table

import (
	"strings"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/vi"
)

// ColumnSpec describes a column a table may have.
type ColumnSpec struct {
	// Key is the canonical name, such as "gia_tri"; it is also accepted as
	// a header name and is the key of the map Columns returns.
	Key string
	// Aliases are other accepted header names, such as "Giá trị" or
	// "value".
	Aliases  []string
	Required bool
}

// Columns matches the header against spec and returns the index into
// Row.Fields of each column found, by Key. Header names match a key or an
// alias ignoring case, marks, spaces and punctuation ([vi.FoldKey]), so
// "Giá trị", "gia_tri" and "GIÁ TRỊ" are one column.
//
// It reports a missing required column at the header line, a column that
// matches no spec at its header cell with the closest expected name, and a
// second column matching the same spec at the second one. The map holds
// every column matched, even when the list has errors.
func (t *Table) Columns(spec []ColumnSpec) (map[string]int, *diag.List) {
	l := &diag.List{}
	byKey := make(map[string]int) // FoldKey of a name → index into spec
	var names []string            // every accepted name, for suggestions
	for i, s := range spec {
		for _, n := range append([]string{s.Key}, s.Aliases...) {
			if _, dup := byKey[vi.FoldKey(n)]; !dup {
				byKey[vi.FoldKey(n)] = i
			}
			names = append(names, n)
		}
	}
	cols := make(map[string]int)
	for i, name := range t.Header {
		if name == "" {
			continue // reported by Read
		}
		s, ok := byKey[vi.FoldKey(name)]
		if !ok {
			hint := diag.Tf("Các cột dùng được: %s", "Columns that can be used: %s", keyList(spec))
			if c := vi.Closest(name, names, 1); len(c) > 0 {
				hint = diag.Tf("Có phải ý bạn là \"%s\"? Các cột dùng được: %s", "Did you mean \"%s\"? Columns that can be used: %s", c[0], keyList(spec))
			}
			l.Errorf(t.HeaderPos(i), diag.CodeCSVColumnUnknown,
				diag.Tf("Cột \"%s\" không thuộc bảng này", "Column \"%s\" does not belong in this table", name), hint)
			continue
		}
		key := spec[s].Key
		if j, dup := cols[key]; dup {
			l.Errorf(t.HeaderPos(i), diag.CodeCSVColumnDuplicate,
				diag.Tf("Cột \"%s\" trùng với cột \"%s\" (cột thứ %d): cả hai đều là \"%s\"", "Column \"%s\" repeats column \"%s\" (column %d): both are \"%s\"", name, t.Header[j], j+1, key),
				diag.T("Xoá hoặc đổi tên một trong hai cột", "Delete or rename one of the two columns"))
			continue
		}
		cols[key] = i
	}
	for _, s := range spec {
		if _, ok := cols[s.Key]; s.Required && !ok {
			l.Errorf(t.At(t.headerLine(), 0), diag.CodeCSVColumnMissing,
				diag.Tf("Thiếu cột bắt buộc \"%s\"; các cột tìm thấy: %s", "Required column \"%s\" is missing; columns found: %s", s.Key, quoteList(t.Header)),
				diag.Tf("Thêm cột vào dòng tiêu đề (dòng đầu tiên) của bảng, với tên %s", "Add the column to the header (first line) of the table, named %s", quoteList(append([]string{s.Key}, s.Aliases...))))
		}
	}
	return cols, l
}

func keyList(spec []ColumnSpec) string {
	keys := make([]string, len(spec))
	for i, s := range spec {
		keys[i] = s.Key
	}
	return quoteList(keys)
}

func quoteList(ss []string) string {
	if len(ss) == 0 {
		return "—"
	}
	return `"` + strings.Join(ss, `", "`) + `"`
}
