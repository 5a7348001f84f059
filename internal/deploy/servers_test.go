package deploy

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// inCI reports whether the tests run in CI, where a missing server is an
// error rather than a reason to skip.
func inCI() bool {
	v := os.Getenv("CI")
	return v != "" && v != "false" && v != "0"
}

// binary returns the first of paths that exists, or skips the test (fails
// it in CI, where .ci/run installs the package).
func binary(tb testing.TB, pkg string, paths ...string) string {
	tb.Helper()
	for _, p := range paths {
		if filepath.IsAbs(p) {
			if _, err := os.Stat(p); err == nil {
				return p
			}
		} else if found, err := exec.LookPath(p); err == nil {
			return found
		}
	}
	msg := fmt.Sprintf("%s not found (looked for %q): cannot test it; on Debian: apt-get install --no-install-recommends %s", pkg, paths, pkg)
	if inCI() {
		tb.Fatalf("%s\n(CI is set, so this fails instead of skipping; .ci/run should have installed it)", msg)
	}
	tb.Skip(msg)
	return ""
}

// The servers, looked for before the site is built.
func nginx(tb testing.TB) string  { return binary(tb, "nginx-light", "/usr/sbin/nginx", "nginx") }
func apache(tb testing.TB) string { return binary(tb, "apache2", "/usr/sbin/apache2", "apache2") }
func python(tb testing.TB) string { return binary(tb, "python3", "python3") }

// freePort returns a TCP port free on 127.0.0.1 a moment ago.
func freePort(tb testing.TB) int {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// lockedBuffer collects a process's output while it runs.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// run starts cmd in a process group of its own, stopped with the test
// (SIGTERM to the group, SIGKILL after 3 s), and waits until it accepts
// connections on port. logFile is shown if it does not.
func run(tb testing.TB, cmd *exec.Cmd, port int, logFile string) {
	tb.Helper()
	var out lockedBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	ownGroup(cmd)
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	tb.Cleanup(func() {
		stopGroup(cmd, false)
		select {
		case <-exited:
		case <-time.After(3 * time.Second):
			stopGroup(cmd, true)
			<-exited
		}
	})
	failed := func(why string) {
		tb.Helper()
		log, _ := os.ReadFile(logFile)
		tb.Fatalf("%s %s\noutput: %s\n%s: %s", cmd.Path, why, out.String(), logFile, log)
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	deadline := time.Now().Add(10 * time.Second)
	for {
		select {
		case err := <-exited:
			exited <- err // for the cleanup
			failed(fmt.Sprintf("exited before it listened (%v)", err))
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			failed("did not listen on " + addr + " within 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// nginxConf is a whole nginx.conf around a recipe: the http block of
// Debian's /etc/nginx/nginx.conf (its mime.types, gzip on), and a server
// that is the rest of a portal, listening on loopback only.
const nginxConf = `daemon off;
worker_processes 1;
pid {{work}}/nginx.pid;
error_log {{work}}/error.log warn;
events { worker_connections 64; }
http {
	sendfile on;
	tcp_nopush on;
	types_hash_max_size 2048;
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	gzip on;
	client_body_temp_path {{work}}/client_body;
	proxy_temp_path {{work}}/proxy;
	fastcgi_temp_path {{work}}/fastcgi;
	uwsgi_temp_path {{work}}/uwsgi;
	scgi_temp_path {{work}}/scgi;
	server {
		listen 127.0.0.1:{{port}};
		server_name localhost;
		root {{work}}/portal;
		include {{work}}/tiendo.conf;
	}
}
`

// startNginx serves the recipe with nginx and returns the site's address.
func startNginx(tb testing.TB, bin, recipe string) string {
	tb.Helper()
	work, port := tb.TempDir(), freePort(tb)
	conf := fill(nginxConf, work, port)
	writeFile(tb, filepath.Join(work, "nginx.conf"), conf)
	writeFile(tb, filepath.Join(work, "tiendo.conf"), recipe)
	if err := os.Mkdir(filepath.Join(work, "portal"), 0o755); err != nil {
		tb.Fatal(err)
	}
	log := filepath.Join(work, "error.log")
	run(tb, exec.Command(bin, "-p", work+"/", "-e", log, "-c", filepath.Join(work, "nginx.conf")), port, log)
	return "http://127.0.0.1:" + strconv.Itoa(port) + subpath
}

// apacheConf is a minimal httpd.conf around a recipe: the modules it needs,
// Debian's mime.conf and .ht* rule, and a document root that is the rest
// of a portal, listening on loopback only.
const apacheConf = `ServerRoot {{work}}
ServerName 127.0.0.1
Listen 127.0.0.1:{{port}}
PidFile {{work}}/httpd.pid
DefaultRuntimeDir {{work}}
ErrorLog {{work}}/error.log
LogLevel warn
LoadModule mpm_event_module {{modules}}/mod_mpm_event.so
LoadModule authz_core_module {{modules}}/mod_authz_core.so
LoadModule mime_module {{modules}}/mod_mime.so
LoadModule dir_module {{modules}}/mod_dir.so
LoadModule alias_module {{modules}}/mod_alias.so
LoadModule rewrite_module {{modules}}/mod_rewrite.so
LoadModule headers_module {{modules}}/mod_headers.so
{{user}}
{{mime}}
AccessFileName .htaccess
<FilesMatch "^\.ht">
	Require all denied
</FilesMatch>
<Directory />
	AllowOverride None
	Require all denied
</Directory>
DocumentRoot {{work}}/portal
<Directory {{work}}/portal>
	Require all granted
</Directory>
Include {{work}}/tiendo.conf
`

// startApache serves the recipe with Apache and returns the site's address.
func startApache(tb testing.TB, bin, recipe string) string {
	tb.Helper()
	const modules = "/usr/lib/apache2/modules"
	if _, err := os.Stat(modules); err != nil {
		tb.Fatalf("apache2 is installed but %s is not: %v", modules, err)
	}
	work, port := tb.TempDir(), freePort(tb)
	conf := fill(apacheConf, work, port)
	conf = replace(conf, "{{modules}}", modules)
	user := ""
	if os.Geteuid() == 0 {
		// Apache refuses to run its children as root.
		user = "User www-data\nGroup www-data"
	}
	conf = replace(conf, "{{user}}", user)
	mime := "TypesConfig /etc/mime.types"
	if _, err := os.Stat("/etc/apache2/mods-available/mime.conf"); err == nil {
		mime = "Include /etc/apache2/mods-available/mime.conf"
	}
	conf = replace(conf, "{{mime}}", mime)
	writeFile(tb, filepath.Join(work, "httpd.conf"), conf)
	writeFile(tb, filepath.Join(work, "tiendo.conf"), recipe)
	if err := os.Mkdir(filepath.Join(work, "portal"), 0o755); err != nil {
		tb.Fatal(err)
	}
	log := filepath.Join(work, "error.log")
	run(tb, exec.Command(bin, "-f", filepath.Join(work, "httpd.conf"), "-DFOREGROUND"), port, log)
	return "http://127.0.0.1:" + strconv.Itoa(port) + subpath
}

// startPython serves dir with python3 -m http.server and returns the
// site's address.
func startPython(tb testing.TB, bin, dir string) string {
	tb.Helper()
	port := freePort(tb)
	cmd := exec.Command(bin, "-m", "http.server", "--bind", "127.0.0.1", "--directory", dir, strconv.Itoa(port))
	run(tb, cmd, port, os.DevNull)
	return "http://127.0.0.1:" + strconv.Itoa(port) + subpath
}

func fill(conf, work string, port int) string {
	return replace(replace(conf, "{{work}}", work), "{{port}}", strconv.Itoa(port))
}

func replace(s, old, new string) string { return strings.ReplaceAll(s, old, new) }

func writeFile(tb testing.TB, name, text string) {
	tb.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		tb.Fatal(err)
	}
}
