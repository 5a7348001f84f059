package chart

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"
)

// A worker is a process drawing charts for a Renderer of its parent: the
// parent's own program, started again with workerEnv set. Its standard
// input and output carry frames; each frame is a 32-bit big-endian length
// and that many bytes.
//
//	parent → worker: ECharts bytecode
//	worker → parent: reply ("" once ECharts is loaded)
//	then, per chart:
//	parent → worker: option JSON, then one frame of 64-bit numbers: the
//	                 timeout in nanoseconds, then width and height of
//	                 each size to draw
//	worker → parent: reply (ECharts' SVGs as a JSON array)
//
// A reply is one status byte, 0 for success or 1 for an error, then the
// frame. After an error the parent closes the worker; a worker whose input
// closes exits. Every program that links this package can be a worker:
// init below takes the process over before main runs.
const workerEnv = "TIENDO_CHART_WORKER"

func init() {
	if os.Getenv(workerEnv) != "1" {
		return
	}
	if fi, err := os.Stdin.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		// Started by hand, or with the variable left in a shell: a
		// worker's input is its parent's pipe, never a terminal.
		os.Exit(notAWorker())
	}
	os.Exit(serveWorker(os.Stdin, os.Stdout))
}

// notAWorker explains, in both languages (--lang is not read here), why a
// program started with workerEnv set does nothing, and returns the exit
// code.
func notAWorker() int {
	fmt.Fprintf(os.Stderr, "Biến môi trường %[1]s=1 đang được đặt: khi có biến này, chương trình chỉ vẽ biểu đồ cho tiendo đã khởi động nó. Bỏ biến này (unset %[1]s) rồi chạy lại.\n"+
		"%[1]s=1 is set: with it, this program only draws charts for the tiendo that started it. Remove it (unset %[1]s) and run again.\n", workerEnv)
	return 2
}

// serveWorker draws charts for the parent until its input ends, and
// returns the exit code.
func serveWorker(stdin io.Reader, stdout io.Writer) int {
	in, out := bufio.NewReader(stdin), bufio.NewWriter(stdout)
	code, err := readFrame(in)
	if err != nil {
		return notAWorker() // no parent at the other end
	}
	rt, err := newJSRuntime(code)
	if err := writeReply(out, "", err); err != nil {
		return 2
	}
	if err != nil {
		return 1
	}
	for {
		option, err := readFrame(in)
		if errors.Is(err, io.EOF) {
			return 0
		}
		if err != nil {
			return 2
		}
		nums, err := readFrame(in)
		if err != nil || len(nums) < 8 || len(nums)%8 != 0 {
			return 2
		}
		timeout := time.Duration(binary.BigEndian.Uint64(nums))
		var dims []int
		for i := 8; i < len(nums); i += 8 {
			dims = append(dims, int(binary.BigEndian.Uint64(nums[i:])))
		}
		svg, err := rt.draw(string(option), dims, timeout)
		if err := writeReply(out, svg, err); err != nil {
			return 2
		}
	}
}

// worker is the parent's end of a worker process.
type worker struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	buf *bufio.Writer
	out *bufio.Reader
}

// startWorker starts a worker process and loads code, the ECharts
// bytecode, into it.
func startWorker(code []byte) (*worker, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), workerEnv+"=1")
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	w := &worker{cmd: cmd, in: in, buf: bufio.NewWriter(in), out: bufio.NewReader(out)}
	err = writeFrame(w.buf, code)
	if err == nil {
		err = w.buf.Flush()
	}
	if err == nil {
		_, err = w.reply()
	}
	if err != nil {
		w.close()
		return nil, fmt.Errorf("chart: start worker: %w", err)
	}
	return w, nil
}

// draw sends one chart and waits for its SVGs. A worker that answers
// nothing for a minute past timeout is killed.
func (w *worker) draw(option string, dims []int, timeout time.Duration) (string, error) {
	nums := binary.BigEndian.AppendUint64(nil, uint64(timeout))
	for _, d := range dims {
		nums = binary.BigEndian.AppendUint64(nums, uint64(d))
	}
	err := writeFrame(w.buf, []byte(option))
	if err == nil {
		err = writeFrame(w.buf, nums)
	}
	if err == nil {
		err = w.buf.Flush()
	}
	if err != nil {
		return "", fmt.Errorf("chart worker stopped: %w", err)
	}
	stuck := time.AfterFunc(timeout+time.Minute, func() { w.cmd.Process.Kill() })
	defer stuck.Stop()
	return w.reply()
}

// reply reads one reply: the text, or the worker's error.
func (w *worker) reply() (string, error) {
	status, err := w.out.ReadByte()
	if err != nil {
		return "", fmt.Errorf("chart worker stopped: %w", err)
	}
	b, err := readFrame(w.out)
	if err != nil {
		return "", fmt.Errorf("chart worker stopped: %w", err)
	}
	if status != 0 {
		return "", errors.New(string(b))
	}
	return string(b), nil
}

// close ends the worker process and waits for it.
func (w *worker) close() {
	w.in.Close()
	w.cmd.Process.Kill()
	w.cmd.Wait()
}

func writeReply(out *bufio.Writer, text string, err error) error {
	status := byte(0)
	if err != nil {
		status, text = 1, err.Error()
	}
	if err := out.WriteByte(status); err != nil {
		return err
	}
	if err := writeFrame(out, []byte(text)); err != nil {
		return err
	}
	return out.Flush()
}

func writeFrame(w *bufio.Writer, b []byte) error {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(b)))
	if _, err := w.Write(n[:]); err != nil {
		return err
	}
	_, err := w.Write(b)
	return err
}

// maxFrame bounds a frame read, so that a broken stream cannot ask for
// gigabytes.
const maxFrame = 256 << 20

func readFrame(r *bufio.Reader) ([]byte, error) {
	var n [4]byte
	if _, err := io.ReadFull(r, n[:]); err != nil {
		return nil, err
	}
	size := binary.BigEndian.Uint32(n[:])
	if size > maxFrame {
		return nil, fmt.Errorf("frame of %d bytes", size)
	}
	b := make([]byte, size)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	return b, nil
}
