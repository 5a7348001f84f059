package entry

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/inuse"
	"github.com/tiendo/tiendo/internal/table"
	"github.com/tiendo/tiendo/internal/vi"
	"github.com/xuri/excelize/v2"
)

// edit is a change to one table file: rows replaced in place (by the line
// the row starts on) and rows appended after the last one.
type edit struct {
	replace map[int][]string // row line → new cells
	add     [][]string
}

// apply returns the bytes of file t (read from raw) with e made, in the
// file's own form: a CSV keeps its delimiter, byte order mark and line
// ends, and every byte of the rows not replaced; a workbook is changed
// cell by cell with excelize, its other sheets and formats kept.
func apply(t *table.Table, raw []byte, e edit) ([]byte, error) {
	if t.Encoding == table.XLSX {
		return applyXLSX(t, raw, e)
	}
	eol := "\n"
	if bytes.Contains(raw, []byte("\r\n")) {
		eol = "\r\n"
	}
	starts := []int{0}
	for i, c := range raw {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	if starts[len(starts)-1] != len(raw) {
		starts = append(starts, len(raw))
	}
	lineStart := func(line int) int { // 1-based line → offset
		if line-1 < len(starts) {
			return starts[line-1]
		}
		return len(raw)
	}
	lines := make([]int, 0, len(t.Rows))
	for _, r := range t.Rows {
		lines = append(lines, r.Line)
	}
	slices.Sort(lines)
	// end of the record starting at line: the start of the line after its
	// last non-blank line before the next record.
	recordEnd := func(line int) int {
		next := len(starts) + 1
		if i, _ := slices.BinarySearch(lines, line+1); i < len(lines) {
			next = lines[i]
		}
		end := lineStart(line + 1)
		for l := line + 1; l < next && l <= len(starts); l++ {
			if len(bytes.TrimSpace(raw[lineStart(l):lineStart(l+1)])) > 0 {
				end = lineStart(l + 1)
			}
		}
		return end
	}
	var out bytes.Buffer
	at := 0
	for _, line := range lines {
		cells, ok := e.replace[line]
		if !ok {
			continue
		}
		s, end := lineStart(line), recordEnd(line)
		out.Write(raw[at:s])
		rec, err := record(t.Delimiter, eol, cells)
		if err != nil {
			return nil, err
		}
		out.WriteString(rec)
		at = end
	}
	out.Write(raw[at:])
	if len(e.add) > 0 && out.Len() > 0 && !bytes.HasSuffix(out.Bytes(), []byte("\n")) {
		out.WriteString(eol)
	}
	for _, cells := range e.add {
		rec, err := record(t.Delimiter, eol, cells)
		if err != nil {
			return nil, err
		}
		out.WriteString(rec)
	}
	return out.Bytes(), nil
}

// record is one CSV record with its line end.
func record(delim rune, eol string, cells []string) (string, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if delim != 0 {
		w.Comma = delim
	}
	w.UseCRLF = eol == "\r\n"
	if err := w.Write(cells); err != nil {
		return "", err
	}
	w.Flush()
	return b.String(), w.Error()
}

// applyXLSX writes e into the sheet t was read from.
func applyXLSX(t *table.Table, raw []byte, e edit) ([]byte, error) {
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cols := make([]int, len(t.Header))
	for i := range t.Header {
		cols[i] = t.HeaderPos(i).Col
		if cols[i] <= 0 {
			return nil, errors.New("header column without a place")
		}
	}
	last := t.HeaderPos(0).Line
	for _, r := range t.Rows {
		last = max(last, r.Line)
	}
	put := func(row int, cells []string) error {
		for i, v := range cells {
			name, err := excelize.CoordinatesToCellName(cols[i], row)
			if err != nil {
				return err
			}
			if n, err := strconv.ParseInt(v, 10, 64); err == nil && strconv.FormatInt(n, 10) == v {
				err = f.SetCellInt(t.Sheet, name, n)
			} else if x, ok := decimal(t, v); ok {
				err = f.SetCellFloat(t.Sheet, name, x, -1, 64)
			} else {
				err = f.SetCellStr(t.Sheet, name, v)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	for line, cells := range e.replace {
		if err := put(line, cells); err != nil {
			return nil, err
		}
	}
	for i, cells := range e.add {
		if err := put(last+1+i, cells); err != nil {
			return nil, err
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// decimal reads v, as typed into the form, as a number to store in a
// workbook as one: "12,5" in a sheet of Vietnamese numbers becomes the
// number 12.5, which Excel sums and shows in the user's own way, rather
// than the text "12,5". It keeps as text whatever it would have to guess
// about or could change by reading: a percentage (the loader decides what
// "85%" means), a leading zero ("007", a code), a number that reads two
// ways while the file's dialect is only guessed ("1.234"), a number not
// written in the dialect the file is known to use.
func decimal(t *table.Table, v string) (float64, bool) {
	if strings.Contains(v, "%") || len(v) > 1 && v[0] == '0' && v[1] >= '0' && v[1] <= '9' {
		return 0, false
	}
	if !t.DialectGuessed {
		return vi.ParseNumber(v, t.DecimalComma)
	}
	// The file's dialect is only a guess (a workbook of number cells gives
	// nothing to guess from): v itself says which it is written in, unless
	// it reads both ways.
	if _, _, amb := vi.Ambiguous(v); amb {
		return 0, false
	}
	if x, ok := vi.ParseNumber(v, t.DecimalComma); ok {
		return x, true
	}
	return vi.ParseNumber(v, !t.DecimalComma)
}

// save writes data to root/name atomically: beside it first (a hidden
// name the watcher ignores), synced, then renamed over it. The previous
// version, if any, is copied to root/.tiendo-cache/backup/<base>.<time>
// first; backup is that copy's path ("" when there was none).
//
// An error because another program holds the file (Excel, on Windows) is
// an *inuse.Error naming it.
func save(root, name string, data []byte, now time.Time) (backup string, err error) {
	defer func() { err = inuse.Wrap(name, false, err) }()
	target := filepath.Join(root, filepath.FromSlash(name))
	if old, err := os.ReadFile(target); err == nil {
		dir := filepath.Join(root, ".tiendo-cache", "backup")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
		backup = filepath.Join(dir, path.Base(name)+"."+now.Format("20060102-150405.000000000"))
		if err := writeSynced(backup, old); err != nil {
			return "", err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return backup, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+path.Base(name)+".tiendo-*")
	if err != nil {
		return backup, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return backup, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return backup, err
	}
	if err := tmp.Close(); err != nil {
		return backup, err
	}
	if fi, err := os.Stat(target); err == nil {
		os.Chmod(tmp.Name(), fi.Mode().Perm())
	} else {
		os.Chmod(tmp.Name(), 0o644)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return backup, err
	}
	syncDir(filepath.Dir(target))
	return backup, nil
}

func writeSynced(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable where the system allows it (not
// on Windows, where a folder cannot be opened for syncing).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
