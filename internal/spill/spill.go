// Package spill keeps byte slices that a build needs once more, later —
// each page's pre-rendered body, made when every page is parsed and used
// when that page is rendered — in memory up to a budget, and the rest in a
// temporary file. Every page is parsed before any is rendered (links need
// every page's headings), so without it the memory a build needs grows
// with the size of all the site's pages together; with it, past the budget,
// those bodies sit in the operating system's file cache, which gives them
// back under pressure, instead of the build's heap.
//
// A Store is safe for concurrent use. The nil *Store keeps everything in
// memory.
package spill

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
)

// Store keeps byte slices, in memory while they fit its budget and in a
// temporary file beyond it.
type Store struct {
	budget int64
	dir    string

	mu    sync.Mutex
	inMem int64
	f     *os.File
	w     *bufio.Writer
	off   int64 // bytes written to f, buffered or not
	err   error // the first write error: from then on, everything stays in memory
	// closed: Close has run; Put keeps everything in memory.
	closed bool
	// flushed: w is empty, so reads see every byte written.
	flushed bool
}

// Ref is what Put returns for a slice: the slice itself, or its place in
// the file.
type Ref struct {
	mem    []byte
	off, n int64
	inFile bool
}

// Len is the length of the slice.
func (r Ref) Len() int {
	if r.inFile {
		return int(r.n)
	}
	return len(r.mem)
}

// InMemory reports whether the slice is held in memory.
func (r Ref) InMemory() bool { return !r.inFile }

// New makes a Store that keeps up to budget bytes in memory and writes the
// rest to a temporary file in dir ("" for the system's temporary folder),
// made at the first slice that does not fit.
func New(budget int64, dir string) *Store {
	return &Store{budget: budget, dir: dir}
}

// writeBuffer is the size of the buffered writes to the file.
const writeBuffer = 1 << 20

// Put keeps b, which the caller must not change afterwards. When b no
// longer fits the budget it is written to the file; if the file cannot be
// made or written, b stays in memory: a Store never fails a build, it only
// fails to save memory.
func (s *Store) Put(b []byte) Ref { return s.put(b, false) }

// PutCopy is Put for a b that the caller goes on using: what stays in
// memory is a copy, and what goes to the file is not copied first.
func (s *Store) PutCopy(b []byte) Ref { return s.put(b, true) }

func (s *Store) put(b []byte, copied bool) Ref {
	keep := func() Ref {
		if copied {
			return Ref{mem: bytes.Clone(b)}
		}
		return Ref{mem: b}
	}
	if s == nil {
		return keep()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := int64(len(b))
	if s.closed || s.err != nil || s.inMem+n <= s.budget {
		s.inMem += n
		return keep()
	}
	if s.f == nil {
		if err := s.open(); err != nil {
			s.err = err
			s.inMem += n
			return keep()
		}
	}
	if _, err := s.w.Write(b); err != nil {
		// What the buffer held may be lost with it: the slices already
		// put there are read back with an error, and nothing more is
		// written.
		s.err = err
		s.inMem += n
		return keep()
	}
	r := Ref{off: s.off, n: n, inFile: true}
	s.off += n
	s.flushed = false
	return r
}

// open makes the file. On systems that allow it the file is removed at
// once, so that nothing is left behind whatever happens to the process;
// elsewhere Close removes it.
func (s *Store) open() error {
	f, err := os.CreateTemp(s.dir, "tiendo-spill-*")
	if err != nil {
		return err
	}
	if runtime.GOOS != "windows" {
		_ = os.Remove(f.Name())
	}
	s.f, s.w = f, bufio.NewWriterSize(f, writeBuffer)
	return nil
}

// Get returns the slice r refers to: the one given to Put, or a copy read
// back from the file.
func (s *Store) Get(r Ref) ([]byte, error) { return s.GetInto(r, nil) }

// GetInto is Get reading from the file into buf when it has the room
// (cap(buf) >= r.Len()), so a caller that is done with the slice before
// its next read can reuse one buffer.
func (s *Store) GetInto(r Ref, buf []byte) ([]byte, error) {
	if !r.inFile {
		return r.mem, nil
	}
	s.mu.Lock()
	if s.err != nil {
		err := s.err
		s.mu.Unlock()
		return nil, fmt.Errorf("spill: %w", err)
	}
	if s.f == nil {
		s.mu.Unlock()
		return nil, errors.New("spill: the store is closed")
	}
	if !s.flushed {
		if err := s.w.Flush(); err != nil {
			s.err = err
			s.mu.Unlock()
			return nil, fmt.Errorf("spill: %w", err)
		}
		s.flushed = true
	}
	f := s.f
	s.mu.Unlock()
	b := buf[:0]
	if int64(cap(b)) < r.n {
		b = make([]byte, r.n)
	}
	b = b[:r.n]
	if _, err := f.ReadAt(b, r.off); err != nil {
		return nil, fmt.Errorf("spill: %w", err)
	}
	return b, nil
}

// Spilled is the number of bytes written to the file.
func (s *Store) Spilled() int64 {
	if s == nil {
		return 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.off
}

// Close removes the file. Slices in it can no longer be read; later Puts
// keep everything in memory.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	if s.f == nil {
		return nil
	}
	name := s.f.Name()
	err := s.f.Close()
	if runtime.GOOS == "windows" {
		err = errors.Join(err, os.Remove(name))
	}
	s.f, s.w = nil, nil
	return err
}
