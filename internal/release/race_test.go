//go:build race

package main

// raceEnabled: under go test -race the release test is skipped, since it
// tests no concurrency and go test ./... ran it already.
const raceEnabled = true
