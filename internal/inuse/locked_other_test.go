//go:build !windows

package inuse

func lockedErr() (error, bool) { return nil, false }
