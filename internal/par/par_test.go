package par

import (
	"runtime"
	"sync/atomic"
	"testing"
)

func TestFor(t *testing.T) {
	for _, procs := range []int{1, 4} {
		old := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 2, 3, 1000} {
			calls := make([]atomic.Int32, n)
			For(n, func(i int) { calls[i].Add(1) })
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Fatalf("GOMAXPROCS %d, n %d: fn(%d) called %d times", procs, n, i, c)
				}
			}
		}
		runtime.GOMAXPROCS(old)
	}
}

func TestEach(t *testing.T) {
	var sum atomic.Int64
	Each([]int64{1, 2, 3, 4}, func(v int64) { sum.Add(v) })
	if sum.Load() != 10 {
		t.Fatalf("sum %d, want 10", sum.Load())
	}
}
