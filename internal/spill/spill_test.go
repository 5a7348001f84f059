package spill

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestBudget(t *testing.T) {
	dir := t.TempDir()
	s := New(10, dir)
	a := s.Put([]byte("0123456789")) // fits exactly
	b := s.Put([]byte("abc"))        // does not
	if !a.InMemory() || b.InMemory() {
		t.Fatalf("in memory: a %v, b %v; want true, false", a.InMemory(), b.InMemory())
	}
	if got := s.Spilled(); got != 3 {
		t.Errorf("Spilled = %d, want 3", got)
	}
	for r, want := range map[*Ref]string{&a: "0123456789", &b: "abc"} {
		got, err := s.Get(*r)
		if err != nil || string(got) != want {
			t.Errorf("Get = %q, %v; want %q", got, err, want)
		}
		if r.Len() != len(want) {
			t.Errorf("Len = %d, want %d", r.Len(), len(want))
		}
	}
	// The file is removed as soon as it is made, where the system allows.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 && os.PathSeparator == '/' {
		t.Errorf("the spill file is visible in %s: %v", dir, entries)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(b); err == nil {
		t.Error("Get after Close read a slice from the removed file")
	}
	if c := s.Put([]byte("after")); !c.InMemory() {
		t.Error("Put after Close wrote to the file")
	}
}

// Puts and Gets from many goroutines, interleaved, give back every slice.
func TestConcurrent(t *testing.T) {
	s := New(1000, t.TempDir())
	defer s.Close()
	const n = 2000
	refs := make([]Ref, n)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := g; i < n; i += 8 {
				refs[i] = s.Put(bytes.Repeat([]byte(fmt.Sprint(i, ",")), i%50+1))
				if i%7 == 0 { // reads while others write
					if got, err := s.Get(refs[i]); err != nil || !bytes.Equal(got, want(i)) {
						t.Errorf("slice %d read back early: %q, %v", i, got, err)
					}
				}
			}
		})
	}
	wg.Wait()
	if s.Spilled() == 0 {
		t.Fatal("nothing spilled: the test does not test the file")
	}
	for i, r := range refs {
		got, err := s.Get(r)
		if err != nil || !bytes.Equal(got, want(i)) {
			t.Fatalf("slice %d: %q, %v", i, got, err)
		}
	}
}

func want(i int) []byte { return bytes.Repeat([]byte(fmt.Sprint(i, ",")), i%50+1) }

// A folder where no file can be made: everything stays in memory, and
// nothing fails.
func TestNoFile(t *testing.T) {
	s := New(0, filepath.Join(t.TempDir(), "missing"))
	r := s.Put([]byte("kept"))
	if !r.InMemory() {
		t.Fatal("a slice went to a file that cannot exist")
	}
	if got, err := s.Get(r); err != nil || string(got) != "kept" {
		t.Fatalf("Get = %q, %v", got, err)
	}
}

func TestNil(t *testing.T) {
	var s *Store
	r := s.Put([]byte("x"))
	if got, err := s.Get(r); err != nil || string(got) != "x" {
		t.Fatalf("Get = %q, %v", got, err)
	}
	if s.Close() != nil || s.Spilled() != 0 {
		t.Fatal("nil Store")
	}
}

// PutCopy keeps what it was given even when the caller reuses the slice,
// in memory and in the file; GetInto reads into the buffer it is given
// when it has the room, and into a new slice when not.
func TestPutCopyGetInto(t *testing.T) {
	s := New(4, t.TempDir())
	defer s.Close()
	buf := []byte("abcd")
	inMem := s.PutCopy(buf)
	copy(buf, "wxyz")
	inFile := s.PutCopy(buf)
	copy(buf, "----")
	if !inMem.InMemory() || inFile.InMemory() {
		t.Fatalf("in memory: %v, %v; want true, false", inMem.InMemory(), inFile.InMemory())
	}
	for r, want := range map[*Ref]string{&inMem: "abcd", &inFile: "wxyz"} {
		if got, err := s.Get(*r); err != nil || string(got) != want {
			t.Errorf("Get = %q, %v; want %q", got, err, want)
		}
	}
	room := make([]byte, 0, 16)
	got, err := s.GetInto(inFile, room)
	if err != nil || string(got) != "wxyz" {
		t.Fatalf("GetInto = %q, %v; want wxyz", got, err)
	}
	if &got[0] != &room[:1][0] {
		t.Error("GetInto made a new slice although the buffer had room")
	}
	small := make([]byte, 0, 2)
	if got, err := s.GetInto(inFile, small); err != nil || string(got) != "wxyz" || &got[0] == &small[:1][0] {
		t.Errorf("GetInto with a buffer too small = %q, %v; want wxyz in a new slice", got, err)
	}
}
