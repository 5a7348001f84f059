// Package par runs independent pieces of work on every core.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls fn(i) for each i in [0, n), on up to GOMAXPROCS goroutines, and
// returns when every call has returned. The calls may run in any order and
// at the same time, so fn must be safe for that; writing to the i-th
// element of a slice is.
func For(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

// Each calls fn for each item, as For does.
func Each[T any](items []T, fn func(T)) {
	For(len(items), func(i int) { fn(items[i]) })
}
