//go:build !unix

package deploy

import "os/exec"

// ownGroup does nothing where there are no process groups.
func ownGroup(cmd *exec.Cmd) {}

// stopGroup stops cmd alone: without process groups, there is no signal
// to ask it to stop cleanly.
func stopGroup(cmd *exec.Cmd, force bool) { _ = cmd.Process.Kill() }
