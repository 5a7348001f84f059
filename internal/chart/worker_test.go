package chart

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestWorker draws in a worker process, the second runtime of a renderer:
// the same SVG as the runtime in this process, ECharts' errors and the
// timeout come back as errors, and a worker that dies is an error, not a
// hang.
func TestWorker(t *testing.T) {
	r, err := NewRenderer(echartsJS(t), WithRuntimes(2))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	local, err := r.acquire()
	if err != nil {
		t.Fatal(err)
	}
	d, err := r.acquire()
	if err != nil {
		t.Fatal(err)
	}
	w, ok := d.(*worker)
	if !ok {
		t.Fatalf("second runtime is a %T, want a worker process", d)
	}
	c, err := Line(lineSpec())
	if err != nil {
		t.Fatal(err)
	}
	dims := []int{c.Width, c.Height, 2 * c.Width, c.Height}
	want, err := local.draw(string(c.Option), dims, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	got, err := w.draw(string(c.Option), dims, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Error("the worker drew other SVG than this process")
	}

	_, err = w.draw(`{"xAxis":{"type":"nope"},"yAxis":{},"series":[{"type":"line","data":[1]}]}`, dims, time.Minute)
	if err == nil || strings.Contains(err.Error(), "worker stopped") {
		t.Errorf("ECharts' error came back as %v", err)
	}
	w.close()

	w, err = startWorker(r.code)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.draw(string(c.Option), dims, time.Nanosecond); err == nil || !strings.Contains(err.Error(), "took longer") {
		t.Errorf("timeout came back as %v", err)
	}
	w.close()

	w, err = startWorker(r.code)
	if err != nil {
		t.Fatal(err)
	}
	w.cmd.Process.Kill()
	if _, err := w.draw(string(c.Option), dims, time.Minute); err == nil || !strings.Contains(err.Error(), "worker stopped") {
		t.Errorf("a killed worker drew: %v", err)
	}
	w.close()
	r.pool.idle <- local
}

// TestNotAWorker: a program started with the worker variable set but no
// parent at the other end of its input says why it does nothing, in
// Vietnamese first, and fails, rather than waiting or running as usual.
func TestNotAWorker(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run", "^$")
	cmd.Env = append(os.Environ(), workerEnv+"=1")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Fatalf("exit %v, want 2; output %s", err, out)
	}
	if !strings.HasPrefix(string(out), "Biến môi trường "+workerEnv+"=1 đang được đặt") {
		t.Errorf("output %q", out)
	}
}
