// Command tiendo builds the public progress site of a government plan from
// Markdown content and CSV indicator data. See README.md.
package main

import (
	"os"

	"github.com/tiendo/tiendo/internal/cli"
)

func main() {
	restore := utf8Console()
	code := cli.Main(os.Args[1:], os.Stdout, os.Stderr)
	restore()
	os.Exit(code)
}
