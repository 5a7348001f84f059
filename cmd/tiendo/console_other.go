//go:build !windows

package main

// utf8Console does nothing: terminals outside Windows take UTF-8 as it is.
func utf8Console() (restore func()) { return func() {} }
