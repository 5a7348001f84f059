package plan_test

import (
	"fmt"
	"slices"

	"github.com/tiendo/tiendo/internal/plan"
)

func ExampleCompareCodes() {
	codes := []string{"III.1", "2", "1.10", "3.2.1", "1.2"}
	slices.SortFunc(codes, plan.CompareCodes)
	fmt.Println(codes)
	// Output: [1.2 1.10 2 3.2.1 III.1]
}
