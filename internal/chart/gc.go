package chart

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// ECharts in goja allocates several megabytes per drawing, nearly all of it
// garbage once the SVG is out, while the live heap stays small: with the
// default GOGC of 100 the collector runs every few charts and took about a
// quarter of the CPU of a cold build (pprof: gcBgMarkWorker, write
// barriers, assists). While RenderAll draws, roomyGC lets the heap grow
// further between collections, within gcRoom bytes above the memory in use
// when drawing began, and then puts the collector back as it was.
const (
	gcPercent = 400
	gcRoom    = 256 << 20
)

var gcTune struct {
	sync.Mutex
	users      int // RenderAll calls drawing now: the first sets, the last restores
	oldPercent int
	oldLimit   int64
}

// roomyGC tunes the collector for drawing and returns the function that
// undoes it. A user's own GOGC or GOMEMLIMIT is left alone.
func roomyGC() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	gcTune.Lock()
	defer gcTune.Unlock()
	if gcTune.users == 0 {
		s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
		metrics.Read(s)
		limit := int64(s[0].Value.Uint64()-s[1].Value.Uint64()) + gcRoom
		gcTune.oldLimit = debug.SetMemoryLimit(-1) // reads it
		if gcTune.oldLimit < limit {
			limit = gcTune.oldLimit
		}
		debug.SetMemoryLimit(limit)
		gcTune.oldPercent = debug.SetGCPercent(gcPercent)
	}
	gcTune.users++
	return func() {
		gcTune.Lock()
		defer gcTune.Unlock()
		gcTune.users--
		if gcTune.users == 0 {
			debug.SetGCPercent(gcTune.oldPercent)
			debug.SetMemoryLimit(gcTune.oldLimit)
		}
	}
}
