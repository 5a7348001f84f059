package data

import (
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/diag"
)

// Problems in the registries are at the key of the table they are in,
// whatever the file's layout: a byte order mark before the first table,
// quoted keys, targets written as an array of inline tables.
func TestRegistryPositions(t *testing.T) {
	t.Run("units.toml saved with a byte order mark", func(t *testing.T) {
		src := "\uFEFF[[unit]]\nid = \"a\"\nname = \"Xã A\"\nshort = \"A\"\nkind = \"phuong\"\n\n[[unit]]\nid = \"b\"\nname = \"Xã B\"\nshort = \"B\"\nkind = \"xa\"\n"
		var l diag.List
		ParseUnits(UnitsFile, []byte(src), &l)
		if got := l.Format(diag.EN); !strings.Contains(got, "data/units.toml:5:1: unit kind \"phuong\"") {
			t.Errorf("got:\n%s\nwant the kind of the first unit, at 5:1", got)
		}
	})
	t.Run("quoted key", func(t *testing.T) {
		src := "[[unit]]\nid = \"a\"\nname = \"Xã A\"\nshort = \"A\"\n  \"kind\" = \"phuong\"\n"
		var l diag.List
		ParseUnits(UnitsFile, []byte(src), &l)
		if got := l.Format(diag.EN); !strings.Contains(got, "data/units.toml:5:3: unit kind") {
			t.Errorf("got:\n%s\nwant 5:3", got)
		}
	})
}
