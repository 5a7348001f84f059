package table

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/tiendo/tiendo/internal/diag"
)

// FuzzRead checks that Read never panics, that every position it gives is
// inside the file, and that rows are as wide as the header. Seeds are in
// testdata/fuzz/FuzzRead.
// utf16Order tells the byte order of data by its byte-order mark.
func utf16Order(data []byte) (xunicode.Endianness, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return xunicode.LittleEndian, true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return xunicode.BigEndian, true
	}
	return xunicode.LittleEndian, false
}

func FuzzRead(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "data/f.csv"
		tab, l := Read(name, data, Options{MaxBytes: 1 << 16, MaxLineLength: 1 << 12})
		if tab == nil || l == nil {
			t.Fatal("Read returned nil")
		}
		text, _, bad := decodeText(data)
		if bad != nil {
			// Positions count lines of the raw bytes, ended by CR in a
			// file without LF; in a UTF-16 file, lines of its text as an
			// editor decodes it, with U+FFFD for what it cannot.
			text = string(data)
			if e, ok := utf16Order(data); ok {
				out, _ := xunicode.UTF16(e, xunicode.ExpectBOM).NewDecoder().Bytes(data)
				text = string(out)
			}
			if strings.IndexByte(text, '\n') < 0 {
				text = strings.ReplaceAll(text, "\r", "\n")
			}
		}
		lines := strings.Split(text, "\n")
		inside := func(p diag.Pos, what string) {
			t.Helper()
			if p.File != name || p.Line < 0 || p.Line > len(lines) {
				t.Fatalf("%s at %v: outside the file's %d lines", what, p, len(lines))
			}
			if p.Line == 0 {
				return
			}
			if n := chars(strings.TrimSuffix(lines[p.Line-1], "\r")); p.Col > n+1 && bad == nil {
				t.Fatalf("%s at %v: past the end of line %d (%d characters)", what, p, p.Line, n)
			}
		}
		for _, d := range l.All() {
			inside(d.Pos, "diagnostic "+d.Msg.Vi)
		}
		for i, f := range tab.header {
			inside(tab.HeaderPos(i), "header "+f.Text)
		}
		for i, r := range tab.Rows {
			if len(r.Fields) != len(tab.Header) {
				t.Fatalf("row %d has %d fields, header %d", i, len(r.Fields), len(tab.Header))
			}
			for j, f := range r.Fields {
				inside(tab.Pos(i, j), "field "+f.Text)
				if f.Col < 1 || !utf8.ValidString(f.Text) || strings.TrimSpace(f.Text) != f.Text {
					t.Fatalf("row %d field %d: %+v", i, j, f)
				}
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	const rows = 100_000
	var sb strings.Builder
	sb.WriteString("Mã,Tên chỉ tiêu,Đơn vị,Kỳ,Giá trị,Ghi chú\r\n")
	for i := range rows {
		fmt.Fprintf(&sb, "CT%06d,Tỷ lệ hồ sơ trực tuyến toàn trình cấp xã,%%,Quý I/2023,%d.5,\"Ghi chú, có dấu phẩy\"\r\n", i, i%997)
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		tab, l := Read("data/bench.csv", data, Options{})
		if l.Len() > 0 || len(tab.Rows) != rows {
			b.Fatalf("%d rows\n%s", len(tab.Rows), l.Format(diag.VI))
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// FuzzReadXLSX feeds damaged workbooks to ReadXLSX: whatever the bytes, it
// returns a table whose rows are as wide as its header and never panics.
func FuzzReadXLSX(f *testing.F) {
	if src, err := os.ReadFile("testdata/libreoffice.xlsx"); err == nil {
		f.Add(src)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, l := ReadXLSX("data/x.xlsx", data, Options{})
		if tab == nil || l == nil {
			t.Fatal("nil table or list")
		}
		for _, r := range tab.Rows {
			if len(r.Fields) != len(tab.Header) {
				t.Fatalf("row %d has %d fields, header %d", r.Line, len(r.Fields), len(tab.Header))
			}
		}
	})
}
