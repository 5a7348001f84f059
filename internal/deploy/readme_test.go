package deploy

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEShowsTheRecipes: the README's hosting section is what an IT
// person copies, so it must show each recipe exactly as tested here.
func TestREADMEShowsTheRecipes(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"nginx.conf", "apache.conf", "htaccess"} {
		recipe, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		block := "\n" + strings.TrimRight(string(recipe), "\n") + "\n```\n"
		if !strings.Contains(string(readme), block) {
			t.Errorf("README.md does not show internal/deploy/%s verbatim in a code block; copy it there", name)
		}
	}
}
