package table

import (
	"encoding/csv"
	"io"
	"strings"
)

// WriteCSV writes a table for download: UTF-8 with a byte order mark (so
// that Excel does not read it as the local code page), comma-separated,
// CRLF line ends.
//
// A cell starting with = + - @ tab or CR, which a spreadsheet may run as a
// formula, gets a leading ' unless it is a plain number such as "-12" or
// "+1.5e3" (OWASP, "CSV Injection").
func WriteCSV(w io.Writer, header []string, rows [][]string) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	var rec []string
	write := func(cells []string) error {
		rec = rec[:0]
		for _, c := range cells {
			rec = append(rec, defuse(c))
		}
		return cw.Write(rec)
	}
	if err := write(header); err != nil {
		return err
	}
	for _, r := range rows {
		if err := write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuse prefixes a cell that a spreadsheet could take for a formula.
func defuse(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if !plainNumber(s) {
			return "'" + s
		}
	}
	return s
}

// plainNumber reports whether s is a sign, digits with single '.' or ','
// between them, and an optional exponent: text no spreadsheet evaluates.
func plainNumber(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	if hasExp {
		if exp != "" && (exp[0] == '+' || exp[0] == '-') {
			exp = exp[1:]
		}
		if exp == "" || strings.Trim(exp, "0123456789") != "" {
			return false
		}
	}
	digit := false // the previous byte was a digit
	for i := 0; i < len(mant); i++ {
		switch c := mant[i]; {
		case '0' <= c && c <= '9':
			digit = true
		case (c == '.' || c == ',') && digit:
			digit = false
		default:
			return false
		}
	}
	return digit
}
