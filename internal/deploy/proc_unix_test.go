//go:build unix

package deploy

import (
	"os/exec"
	"syscall"
)

// ownGroup starts cmd in a process group of its own, so that stopGroup
// reaches the workers nginx and Apache fork.
func ownGroup(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }

// stopGroup asks cmd's process group to stop (SIGTERM), or forces it.
func stopGroup(cmd *exec.Cmd, force bool) {
	sig := syscall.SIGTERM
	if force {
		sig = syscall.SIGKILL
	}
	_ = syscall.Kill(-cmd.Process.Pid, sig)
}
