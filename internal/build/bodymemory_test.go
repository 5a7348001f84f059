package build

import (
	"bytes"
	"maps"
	"testing"

	"github.com/tiendo/tiendo/internal/output"
)

// A site larger than the memory a build keeps bodies in builds the same
// bytes: with a budget of one byte, every Markdown body is read again from
// its file before it is parsed, and every pre-rendered body waits in the
// spill file until its page is rendered.
func TestBodyMemoryBudget(t *testing.T) {
	t.Parallel()
	want := sampleSite(t).Output.Files
	res := Run(Options{Source: "../..", Sink: output.NewMem(), Now: "2023-06-30", Charts: sampleCharts(t), BodyMemory: 1})
	if !res.OK() {
		t.Fatalf("the sample does not build with BodyMemory 1:\n%s", res.Diags.Format("vi"))
	}
	got := res.Output.Files
	if len(got) != len(want) {
		t.Errorf("%d files, want %d", len(got), len(want))
	}
	n := 0
	for name, w := range want {
		if g, ok := got[name]; !ok || !bytes.Equal(g, w) {
			t.Errorf("%s differs from the build that keeps every body in memory", name)
			if n++; n > 10 {
				t.FailNow()
			}
		}
	}
	for name := range maps.Keys(got) {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: not written by the build that keeps every body in memory", name)
		}
	}
}
