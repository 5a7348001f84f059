package scaffold

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// The CI files of a new site: what a YAML parser reads of them, and their
// shell steps run here, against a tiendo built from this repository.

type ghWorkflow struct {
	On struct {
		Push     map[string]any `yaml:"push"`
		Schedule []struct {
			Cron string `yaml:"cron"`
		} `yaml:"schedule"`
	} `yaml:"on"`
	Env  map[string]string `yaml:"env"`
	Jobs map[string]struct {
		If    string   `yaml:"if"`
		Needs any      `yaml:"needs"`
		Steps []ghStep `yaml:"steps"`
	} `yaml:"jobs"`
}

type ghStep struct {
	ID   string            `yaml:"id"`
	Name string            `yaml:"name"`
	Uses string            `yaml:"uses"`
	If   string            `yaml:"if"`
	Run  string            `yaml:"run"`
	Env  map[string]string `yaml:"env"`
	With map[string]any    `yaml:"with"`
}

type glJob struct {
	Image        string   `yaml:"image"`
	BeforeScript []string `yaml:"before_script"`
	Script       []string `yaml:"script"`
	Needs        []string `yaml:"needs"`
	Rules        []struct {
		If string `yaml:"if"`
	} `yaml:"rules"`
	Cache struct {
		Paths []string `yaml:"paths"`
	} `yaml:"cache"`
	Artifacts struct {
		Paths []string `yaml:"paths"`
	} `yaml:"artifacts"`
}

func readStarter(t *testing.T, name string) []byte {
	t.Helper()
	b, err := starter.ReadFile("starter/" + name)
	if err != nil {
		t.Fatalf("the starter site has no %s: %v", name, err)
	}
	return b
}

func githubWorkflow(t *testing.T) ghWorkflow {
	t.Helper()
	var w ghWorkflow
	if err := yaml.Unmarshal(readStarter(t, ".github/workflows/xuat-ban.yml"), &w); err != nil {
		t.Fatalf("xuat-ban.yml is not valid YAML: %v", err)
	}
	return w
}

func gitlabCI(t *testing.T) map[string]glJob {
	t.Helper()
	raw := readStarter(t, ".gitlab-ci.yml")
	var jobs map[string]glJob
	var top map[string]any
	if err := yaml.Unmarshal(raw, &top); err != nil {
		t.Fatalf(".gitlab-ci.yml is not valid YAML: %v", err)
	}
	jobs = map[string]glJob{}
	for name, v := range top {
		if m, ok := v.(map[string]any); ok && m["script"] != nil {
			b, _ := yaml.Marshal(v)
			var j glJob
			if err := yaml.Unmarshal(b, &j); err != nil {
				t.Fatalf(".gitlab-ci.yml job %s: %v", name, err)
			}
			jobs[name] = j
		}
	}
	return jobs
}

// commands are the command lines of a shell script, without comments.
func commands(script string) []string {
	var out []string
	for _, l := range strings.Split(script, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func TestCIGitHubWorkflow(t *testing.T) {
	w := githubWorkflow(t)
	if w.On.Push == nil || len(w.On.Schedule) != 1 {
		t.Fatalf("on: push %v, schedule %v; want both", w.On.Push, w.On.Schedule)
	}
	if at := cronInVietnam(t, w.On.Schedule[0].Cron); at != "00:05" {
		t.Errorf("cron %q runs at %s in Viet Nam, want 00:05", w.On.Schedule[0].Cron, at)
	}
	build := w.Jobs["build"]
	var order []string
	cached := false
	for _, s := range build.Steps {
		if s.Uses == "actions/cache@v4" && s.With["path"] == ".tiendo-cache" {
			cached = true
			if len(order) > 0 {
				t.Errorf("the cache is restored after %v", order)
			}
		}
		for _, c := range commands(s.Run) {
			if strings.HasPrefix(c, "tiendo ") {
				order = append(order, strings.Fields(c)[1])
			}
		}
	}
	if !cached {
		t.Error("the build job does not keep .tiendo-cache")
	}
	if strings.Join(order, " ") != "check build" {
		t.Errorf("tiendo commands %v, want check then build", order)
	}
	deploys := false
	for _, s := range w.Jobs["pages"].Steps {
		deploys = deploys || strings.HasPrefix(s.Uses, "actions/deploy-pages@")
	}
	if !deploys || w.Jobs["pages"].Needs != "build" {
		t.Error("no pages job deploying the build to GitHub Pages")
	}
	if r := w.Jobs["rsync"]; r.If != "vars.RSYNC_TARGET != ''" || r.Needs != "build" {
		t.Errorf("the rsync job runs if %q after %v; want it off unless RSYNC_TARGET is set, after build", r.If, r.Needs)
	}
}

func TestCIGitLab(t *testing.T) {
	jobs := gitlabCI(t)
	pages, ok := jobs["pages"]
	if !ok {
		t.Fatal(".gitlab-ci.yml has no pages job (GitLab Pages deploys the job named pages)")
	}
	if strings.Join(pages.Artifacts.Paths, " ") != "public" || strings.Join(pages.Cache.Paths, " ") != ".tiendo-cache/" {
		t.Errorf("pages: artifacts %v, cache %v", pages.Artifacts.Paths, pages.Cache.Paths)
	}
	var order []string
	for _, c := range pages.Script {
		order = append(order, strings.Fields(c)[1])
	}
	if strings.Join(order, " ") != "check build" {
		t.Errorf("pages runs tiendo %v, want check then build", order)
	}
	r := jobs["rsync"]
	if len(r.Rules) != 1 || r.Rules[0].If != "$RSYNC_TARGET" || strings.Join(r.Needs, " ") != "pages" {
		t.Errorf("rsync: rules %v, needs %v; want it off unless RSYNC_TARGET is set, after pages", r.Rules, r.Needs)
	}
	// GitLab keeps schedules out of the file: its comment says how to set 00:05.
	if !strings.Contains(string(readStarter(t, ".gitlab-ci.yml")), `"5 0 * * *", Cron timezone "Asia/Ho_Chi_Minh"`) {
		t.Error(".gitlab-ci.yml does not say how to schedule it at 00:05 Viet Nam time")
	}
}

// cronInVietnam is the hour and minute, in Asia/Ho_Chi_Minh, of a daily
// cron line in UTC ("M H * * *").
func cronInVietnam(t *testing.T, cron string) string {
	t.Helper()
	m := regexp.MustCompile(`^(\d+) (\d+) \* \* \*$`).FindStringSubmatch(cron)
	if m == nil {
		t.Fatalf("cron %q is not daily", cron)
	}
	minute, _ := strconv.Atoi(m[1])
	hour, _ := strconv.Atoi(m[2])
	vn, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatal(err)
	}
	return time.Date(2026, 12, 1, hour, minute, 0, 0, time.UTC).In(vn).Format("15:04")
}

// TestCICommandsInREADME checks that the commands of both files are the
// README's, in its section on publishing on schedule.
func TestCICommandsInREADME(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	start := strings.Index(readme, "## Publishing on schedule")
	end := strings.Index(readme[start+1:], "\n## ")
	if start < 0 || end < 0 {
		t.Fatal("README has no section ## Publishing on schedule")
	}
	section := readme[start : start+1+end]
	var cmds []string
	w := githubWorkflow(t)
	for _, job := range w.Jobs {
		for _, s := range job.Steps {
			if s.ID != "cai-tiendo" {
				cmds = append(cmds, commands(s.Run)...)
			}
		}
	}
	for _, j := range gitlabCI(t) {
		cmds = append(cmds, j.Script...) // before_script installs tiendo: checked below
	}
	for _, c := range cmds {
		if strings.HasPrefix(c, "tiendo ") || strings.HasPrefix(c, "rsync ") {
			if !strings.Contains(section, c) {
				t.Errorf("the command %q is not in the README's section on publishing on schedule", c)
			}
		}
	}
	if !strings.Contains(section, "go install github.com/tiendo/tiendo/cmd/tiendo@\"$TIENDO_VERSION\"") {
		t.Error("the README does not give the install command of the CI files")
	}
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binOut  []byte
)

// tiendoBinary builds cmd/tiendo of this repository once.
func tiendoBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "tiendo-ci-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "tiendo")
		cmd := exec.Command("go", "build", "-o", binPath, "./cmd/tiendo")
		cmd.Dir = filepath.Join("..", "..")
		binOut, binErr = cmd.CombinedOutput()
	})
	if binErr != nil {
		t.Fatalf("go build ./cmd/tiendo: %v\n%s", binErr, binOut)
	}
	return binPath
}

// TestCIStepsRunLocally runs the shell steps of each file in a new site:
// every step but installing tiendo (which needs the network), with a
// tiendo built from this repository on PATH, the forge's variables set to
// stand-ins, and the rsync step sending to a local folder.
func TestCIStepsRunLocally(t *testing.T) {
	if testing.Short() {
		t.Skip("builds tiendo and a site")
	}
	if _, err := exec.LookPath("rsync"); err != nil {
		if v := os.Getenv("CI"); v != "" && v != "false" && v != "0" {
			t.Fatal("rsync is not installed (CI is set, so this fails instead of skipping; .ci/run installs it)")
		}
		t.Skip("rsync is not installed (bash .ci/run installs it)")
	}
	bin := tiendoBinary(t)
	type step struct {
		name, script string
		env          map[string]string
	}
	var gh []step
	w := githubWorkflow(t)
	for _, job := range []string{"build", "rsync"} {
		for _, s := range w.Jobs[job].Steps {
			if s.Run != "" && s.ID != "cai-tiendo" {
				gh = append(gh, step{s.Name, s.Run, s.Env})
			}
		}
	}
	var gl []step
	jobs := gitlabCI(t)
	for _, job := range []string{"pages", "rsync"} {
		gl = append(gl, step{job, strings.Join(jobs[job].Script, "\n"), nil})
	}
	for _, forge := range []struct {
		name  string
		steps []step
		vars  map[string]string
	}{
		{"github", gh, map[string]string{"${{ steps.pages.outputs.base_url }}/": "https://to-chuc.github.io/tien-do/"}},
		{"gitlab", gl, map[string]string{"CI_PAGES_URL": "https://to-chuc.gitlab.io/tien-do"}},
	} {
		t.Run(forge.name, func(t *testing.T) {
			t.Parallel()
			tmp := t.TempDir()
			site, home, server := filepath.Join(tmp, "site"), filepath.Join(tmp, "home"), filepath.Join(tmp, "may-chu")
			if _, err := Site(site); err != nil {
				t.Fatal(err)
			}
			for _, d := range []string{home, server} {
				if err := os.Mkdir(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			env := append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"), "HOME="+home,
				"RSYNC_TARGET="+server+"/", "SSH_PRIVATE_KEY=khóa thử, không dùng", "SSH_KNOWN_HOSTS=may-chu ssh-ed25519 AAAA")
			for k, v := range forge.vars {
				if !strings.HasPrefix(k, "$") {
					env = append(env, k+"="+v)
				}
			}
			for _, s := range forge.steps {
				stepEnv := env
				for k, v := range s.env {
					if strings.Contains(v, "${{") {
						stand, ok := forge.vars[v]
						if !ok {
							continue // a secret or variable set below
						}
						v = stand
					}
					stepEnv = append(stepEnv, k+"="+v)
				}
				cmd := exec.Command("bash", "-e", "-c", s.script)
				cmd.Dir, cmd.Env = site, stepEnv
				out, err := cmd.CombinedOutput()
				if err != nil {
					t.Fatalf("step %q failed: %v\n%s\n%s", s.name, err, s.script, out)
				}
			}
			for _, f := range []string{"index.html", "index.html.gz", "index.html.br", "sitemap.xml", "du-lieu/datapackage.json"} {
				if _, err := os.Stat(filepath.Join(site, "public", f)); err != nil {
					t.Errorf("public/%s: %v", f, err)
				}
				if _, err := os.Stat(filepath.Join(server, f)); err != nil {
					t.Errorf("the rsync step did not send %s: %v", f, err)
				}
			}
			page, _ := os.ReadFile(filepath.Join(site, "public", "index.html"))
			base := "https://to-chuc.github.io/tien-do/"
			if forge.name == "gitlab" {
				base = "https://to-chuc.gitlab.io/tien-do/"
			}
			if !strings.Contains(string(page), `<link rel="canonical" href="`+base+`">`) {
				t.Errorf("the home page is not built for %s", base)
			}
			if _, err := os.Stat(filepath.Join(site, ".tiendo-cache")); err != nil {
				t.Errorf("no .tiendo-cache for the CI to keep: %v", err)
			}
		})
	}
}
