package output

import "sync"

// Changes writes into a Mem that starts as a copy of an earlier build's
// output (a partial build of `tiendo serve`) and notes the paths whose bytes
// changed; a file written again with the same bytes is left as it is, so
// that the browser does not reload the pages that look the same.
type Changes struct {
	Mem   *Mem
	mu    sync.Mutex
	names []string
}

// Write writes data at rel unless Mem holds those bytes there already.
func (c *Changes) Write(rel string, data []byte) error {
	if c.Mem.Holds(rel, data) {
		return nil
	}
	if err := c.Mem.Write(rel, data); err != nil {
		return err
	}
	c.mu.Lock()
	c.names = append(c.names, rel)
	c.mu.Unlock()
	return nil
}

// Written are the paths written with new bytes, in the order written.
func (c *Changes) Written() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.names
}
