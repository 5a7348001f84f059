package main

import "golang.org/x/sys/windows"

// codePageUTF8 is CP_UTF8, the console code page of UTF-8 text.
const codePageUTF8 = 65001

// utf8Console makes the console show tiendo's Vietnamese: it switches the
// console to the UTF-8 code page, which Go writes, lets it read the escape
// codes of the progress line, and returns a function that puts both back
// as they were, for the commands run after tiendo in the same window.
// Without a console (output to a file or a pipe) it does nothing.
func utf8Console() (restore func()) {
	out, err := windows.GetConsoleOutputCP()
	if err != nil || out == 0 {
		return func() {}
	}
	in, _ := windows.GetConsoleCP()
	_ = windows.SetConsoleOutputCP(codePageUTF8)
	_ = windows.SetConsoleCP(codePageUTF8)
	var modes []func()
	for _, h := range []windows.Handle{windows.Stdout, windows.Stderr} {
		var mode uint32
		if windows.GetConsoleMode(h, &mode) != nil {
			continue
		}
		if windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil {
			modes = append(modes, func() { _ = windows.SetConsoleMode(h, mode) })
		}
	}
	return func() {
		_ = windows.SetConsoleOutputCP(out)
		if in != 0 {
			_ = windows.SetConsoleCP(in)
		}
		for _, m := range modes {
			m()
		}
	}
}
