//go:build !unix

package cli

import "testing"

// canInterrupt skips the test: a Windows console's Ctrl+C event reaches
// every process of the console, the test runner included, so a test cannot
// send it to itself alone.
func canInterrupt(t *testing.T) {
	t.Helper()
	t.Skip("cannot send this process alone the Ctrl+C event on this system")
}

func interrupt(t *testing.T) { t.Helper() }
