package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// nuMessage is one message of vnu.jar --format json.
type nuMessage struct {
	Type        string `json:"type"`
	SubType     string `json:"subType"`
	URL         string `json:"url"`
	Message     string `json:"message"`
	Extract     string `json:"extract"`
	FirstLine   int    `json:"firstLine"`
	LastLine    int    `json:"lastLine"`
	FirstColumn int    `json:"firstColumn"`
	LastColumn  int    `json:"lastColumn"`
}

// TestNuHTMLChecker checks every HTML file of the build with the Nu HTML
// Checker, in one run: the JVM takes longer to start than to check the site.
func TestNuHTMLChecker(t *testing.T) {
	t.Parallel()
	jar := toolFile(t, "TIENDO_VNU_JAR", "the Nu HTML Checker")
	java, err := exec.LookPath("java")
	if err != nil {
		missing(t, "java not found: cannot run the Nu HTML Checker (apt-get install default-jre-headless)")
	}
	s := sampleSite(t)

	var htmlFiles int
	_ = filepath.WalkDir(s.Dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			htmlFiles++
		}
		return nil
	})
	if htmlFiles == 0 {
		t.Fatalf("no .html files in %s", s.Dir)
	}

	cmd := exec.CommandContext(t.Context(), java, "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", s.Dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	// vnu writes the report to stderr and exits 1 when it found errors.
	var report struct {
		Messages []nuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &report); err != nil {
		t.Fatalf("vnu.jar: %v (%v)\nstdout:\n%s\nstderr:\n%s", runErr, err, stdout.Bytes(), stderr.Bytes())
	}
	t.Logf("Nu HTML Checker: %d HTML files, %d messages", htmlFiles, len(report.Messages))
	for _, m := range report.Messages {
		t.Errorf("%s", m.format(s.Dir))
	}
	if len(report.Messages) == 0 && runErr != nil {
		t.Fatalf("vnu.jar failed without messages: %v\n%s", runErr, stdout.Bytes())
	}
}

// format renders the message as "file:line:col: message", the file relative
// to the build output, with the source extract below.
func (m nuMessage) format(dir string) string {
	file := m.URL
	if u, err := url.Parse(m.URL); err == nil && u.Scheme == "file" {
		if rel, err := filepath.Rel(dir, u.Path); err == nil {
			file = filepath.ToSlash(rel)
		}
	}
	// firstLine is left out when it equals lastLine.
	line, col := m.FirstLine, m.FirstColumn
	if line == 0 {
		line = m.LastLine
	}
	kind := m.Type
	if m.SubType != "" {
		kind += " (" + m.SubType + ")"
	}
	msg := fmt.Sprintf("%s:%d:%d: %s: %s", file, line, col, kind, m.Message)
	if ex := strings.TrimSpace(m.Extract); ex != "" {
		msg += "\n\t" + strings.ReplaceAll(ex, "\n", "⏎")
	}
	return msg
}
