package chart

import (
	"os"
	"runtime/debug"
	"testing"
)

// gcPercentNow reads GOGC without changing it.
func gcPercentNow() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

func TestRoomyGCRestores(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT set: roomyGC leaves the collector alone")
	}
	oldPct, oldLimit := gcPercentNow(), debug.SetMemoryLimit(-1)
	outer := roomyGC()
	if p := gcPercentNow(); p != gcPercent {
		t.Errorf("while drawing GOGC = %d, want %d", p, gcPercent)
	}
	if l := debug.SetMemoryLimit(-1); l == oldLimit || l > oldLimit {
		t.Errorf("while drawing the memory limit is %d, want below %d", l, oldLimit)
	}
	inner := roomyGC() // a second RenderAll at the same time
	inner()
	if p := gcPercentNow(); p != gcPercent {
		t.Errorf("one of two RenderAll done: GOGC = %d, want %d still", p, gcPercent)
	}
	outer()
	if p, l := gcPercentNow(), debug.SetMemoryLimit(-1); p != oldPct || l != oldLimit {
		t.Errorf("after drawing GOGC %d, limit %d; want %d, %d as before", p, l, oldPct, oldLimit)
	}
}
