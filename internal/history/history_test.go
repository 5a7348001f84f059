package history

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/plan"
)

const units = `[[unit]]
id = "cong-an-huyen"
name = "Công an huyện"
short = "Công an"
kind = "huyen"
[[unit]]
id = "phong-tu-phap"
name = "Phòng Tư pháp"
short = "Tư pháp"
kind = "huyen"
`

func tasks(deadline, progress, lead string) string {
	return "ma,nhiem_vu,don_vi_chu_tri,thoi_han,trang_thai\n1.1,Rà soát văn bản," + lead + "," + deadline + "," + progress + "\n"
}

// repoWith commits each set of files in turn into a new repository, the
// site under sites/loc-ha/, and returns the repository's folder and the
// commits' hashes.
func repoWith(t *testing.T, commits ...map[string]string) (string, []plumbing.Hash) {
	t.Helper()
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := repo.Worktree()
	var hashes []plumbing.Hash
	for i, files := range commits {
		for name, text := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := wt.AddGlob("."); err != nil {
			t.Fatal(err)
		}
		sig := &object.Signature{Name: "A", Email: "a@example.org", When: time.Date(2023, 4, 1+i, 9, 0, 0, 0, plan.Location())}
		h, err := wt.Commit("bước "+string(rune('1'+i)), &git.CommitOptions{Author: sig, Committer: sig})
		if err != nil {
			t.Fatal(err)
		}
		hashes = append(hashes, h)
	}
	return dir, hashes
}

func opts() data.LoadOptions {
	return data.LoadOptions{Location: plan.Location(), Now: time.Date(2023, 12, 31, 0, 0, 0, 0, plan.Location())}
}

func TestReadSiteInFolder(t *testing.T) {
	const site = "sites/loc-ha/"
	dir, _ := repoWith(t,
		map[string]string{site + "data/units.toml": units, site + "data/tasks.csv": tasks("trước ngày 30/04/2023", "đang thực hiện", "cong-an-huyen")},
		map[string]string{"README.md": "không thuộc trang"},
		map[string]string{site + "data/tasks.csv": tasks("trước ngày 30/04/2023", "hoàn thành", "cong-an-huyen")},
		map[string]string{site + "data/tasks.csv": tasks("trước ngày 31/05/2023", "hoàn thành", "phong-tu-phap"), site + "content/a.md": "+++\ntitle = \"A\"\n+++\n"},
		map[string]string{site + "data/tasks.csv": tasks("trước ngày 31/05/2023", "hoàn thành", "phong-tu-phap") + "1.2,Sai,khong-co-don-vi,trước ngày 31/05/2023,\n"},
	)
	h, err := Read(filepath.Join(dir, "sites", "loc-ha"), opts())
	if err != nil {
		t.Fatal(err)
	}
	// The README commit is not the site's; the last one has an error (an
	// unknown unit): it could not have been published.
	var got []string
	for _, c := range h.Commits {
		var kinds []Kind
		for _, ch := range c.Changes {
			kinds = append(kinds, ch.Kind)
		}
		got = append(got, c.Message+":"+kindNames(kinds)+pages(c.Pages))
	}
	want := []string{"bước 4:deadline,lead+content/a.md", "bước 3:status", "bước 1:task-new"}
	if len(got) != len(want) {
		t.Fatalf("commits %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("commit %d: %q, want %q", i, got[i], want[i])
		}
	}
	if h.Shallow || !h.Since.Equal(time.Date(2023, 4, 1, 9, 0, 0, 0, plan.Location())) {
		t.Errorf("shallow %v, since %v", h.Shallow, h.Since)
	}
	moved := h.Commits[0].Changes[0]
	if moved.OldText != "trước ngày 30/04/2023" || moved.NewText != "trước ngày 31/05/2023" || moved.NewTime.Day() != 31 {
		t.Errorf("deadline change %+v", moved)
	}
}

// TestShallow: a shallow clone's history starts at its oldest commit,
// which is a starting point, not a publication of everything.
func TestShallow(t *testing.T) {
	dir, hashes := repoWith(t,
		map[string]string{"data/units.toml": units, "data/tasks.csv": tasks("trước ngày 30/04/2023", "đang thực hiện", "cong-an-huyen")},
		map[string]string{"data/tasks.csv": tasks("trước ngày 30/04/2023", "hoàn thành", "cong-an-huyen")},
		map[string]string{"data/tasks.csv": tasks("trước ngày 31/05/2023", "hoàn thành", "cong-an-huyen")},
	)
	// What `git clone --depth 2` leaves: .git/shallow names the oldest
	// commit kept.
	if err := os.WriteFile(filepath.Join(dir, ".git", "shallow"), []byte(hashes[1].String()+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := Read(dir, opts())
	if err != nil {
		t.Fatal(err)
	}
	if !h.Shallow || h.Since.Day() != 2 {
		t.Errorf("shallow %v since %v, want shallow since 02/04/2023", h.Shallow, h.Since)
	}
	if len(h.Commits) != 2 || !h.Commits[1].Baseline || len(h.Commits[1].Changes) != 0 || h.Commits[0].Changes[0].Kind != TaskDeadline {
		t.Errorf("commits %+v", h.Commits)
	}
}

func TestNoRepository(t *testing.T) {
	if _, err := Read(t.TempDir(), opts()); err != ErrNoRepository {
		t.Errorf("err = %v, want ErrNoRepository", err)
	}
}

func kindNames(ks []Kind) string {
	names := map[Kind]string{FigureNew: "figure-new", FigureRevised: "figure-revised", TaskNew: "task-new", TaskDeadline: "deadline",
		TaskStatus: "status", TaskLead: "lead", TaskRemoved: "task-removed"}
	s := ""
	for i, k := range ks {
		if i > 0 {
			s += ","
		}
		s += names[k]
	}
	return s
}

func pages(ps []string) string {
	s := ""
	for _, p := range ps {
		s += "+" + p
	}
	return s
}
