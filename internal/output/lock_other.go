//go:build !unix

package output

import "os"

// lockFolder cannot lock here; a running build is then told from a killed
// one by nothing, and tryLockFolder leaves every folder alone.
func lockFolder(dir string) *os.File { return nil }

func tryLockFolder(dir string) (lock *os.File, ok bool) { return nil, false }
