// Command gen writes a synthetic site for measuring tiendo (see package
// bench): N Vietnamese pages in nested sections and M indicators with their
// CSV series, deterministic from the seed. With -hugo it also writes the same
// pages as a Hugo site, for run.sh's comparison.
//
//	go run ./internal/bench/gen -pages 1000 -indicators 8 -seed 1 -out /tmp/site [-hugo /tmp/site-hugo]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/tiendo/tiendo/internal/bench"
)

func main() {
	var c bench.Corpus
	flag.IntVar(&c.Pages, "pages", 1000, "Markdown files under content/, section indexes included")
	flag.IntVar(&c.Indicators, "indicators", 8, "indicators in data/")
	flag.Uint64Var(&c.Seed, "seed", 1, "random seed")
	out := flag.String("out", "", "folder for the tiendo site (must not exist or be empty)")
	hugo := flag.String("hugo", "", "folder for the same pages as a Hugo site (optional)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gen -pages N -indicators M -seed S -out DIR [-hugo DIR]")
		os.Exit(2)
	}
	if err := write(*out, bench.Files(c)); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if *hugo != "" {
		if err := write(*hugo, bench.HugoFiles(c)); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}

// write refuses a folder that already holds files, so an old corpus is never
// mixed with a new one.
func write(dir string, files map[string][]byte) error {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return fmt.Errorf("%s is not empty", dir)
	}
	return bench.WriteFiles(dir, files)
}
