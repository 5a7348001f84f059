// Package history reads the revision history of a site from its git
// repository, in the load stage: every commit that changed data/ or
// content/ is a publication, and each figure, target, deadline, status
// and lead unit it changed is a Change, with the commit's date and
// message as the reason.
//
// It reads git with go-git (no git program needed) and only along the
// first-parent chain of HEAD, the history of the branch that was built.
// A commit's data/ is read with data.Load, as a build reads it: a commit
// whose data has errors could not have been published, so it is skipped
// and the next good one is compared with the last good one; so is a
// commit made after the moment the site is judged at (LoadOptions.Now). Only commits
// read matter, so the same HEAD gives the same History. A shallow clone
// has only part of the history: Shallow is set, and Since says how far
// back it goes; the oldest commit read is then the starting point, not a
// publication of everything.
//
// The site may be a folder inside a larger repository (the sample is):
// only the commits that changed the site folder's data/ or content/ count.
package history

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/indicator"
)

// History is what a site's git history says.
type History struct {
	// Commits are the publications, newest first.
	Commits []*Commit
	// Since is the date of the oldest commit read.
	Since time.Time
	// Shallow is set when the repository is a shallow clone whose history
	// stops at Since.
	Shallow bool
	// Head is the commit built.
	Head string
	// Original holds each indicator's targets as first published (as
	// the oldest commit read has them, in a shallow clone), by id.
	Original map[string][]indicator.Target
}

// Commit is one publication.
type Commit struct {
	Hash    string
	When    time.Time
	Message string
	// Changes are the data changes, in data order (see diff).
	Changes []Change
	// Pages are the content files the commit added, changed or removed,
	// relative to the site ("content/tin-tuc/a.md"), sorted.
	Pages []string
	// Baseline is set on the oldest commit of a shallow clone: its data is
	// where the history read starts, not what it changed.
	Baseline bool
}

// Short is the commit's abbreviated hash.
func (c *Commit) Short() string { return c.Hash[:min(len(c.Hash), 7)] }

// Title is the first line of the message.
func (c *Commit) Title() string {
	t, _, _ := strings.Cut(c.Message, "\n")
	return strings.TrimSpace(t)
}

// ErrNoRepository is returned when the site is not in a git repository.
var ErrNoRepository = errors.New("not a git repository")

// Read reads the history of the site in dir; o is how the build reads
// data/. It returns ErrNoRepository when dir is in no git repository,
// and a repository without commits gives an empty History.
func Read(dir string, o data.LoadOptions) (*History, error) {
	if o.Location == nil {
		o.Location = time.UTC
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	repo, err := git.PlainOpenWithOptions(abs, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return nil, ErrNoRepository
	} else if err != nil {
		return nil, err
	}
	prefix, err := sitePrefix(repo, abs)
	if err != nil {
		return nil, err
	}
	h := &History{Original: map[string][]indicator.Target{}}
	ref, err := repo.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return h, nil // no commit yet
	} else if err != nil {
		return nil, err
	}
	h.Head = ref.Hash().String()
	shallow, _ := repo.Storer.Shallow()

	// The first-parent chain, newest first, down to the root or to where a
	// shallow clone stops.
	var chain []*object.Commit
	for c, err := repo.CommitObject(ref.Hash()); ; {
		if err != nil {
			return nil, err
		}
		chain = append(chain, c)
		if c.NumParents() == 0 {
			break
		}
		if slices.Contains(shallow, c.Hash) {
			h.Shallow = true
			break
		}
		parent, perr := c.Parent(0)
		if errors.Is(perr, plumbing.ErrObjectNotFound) {
			h.Shallow = true
			break
		}
		c, err = parent, perr
	}
	slices.Reverse(chain)
	h.Since = chain[0].Committer.When.In(o.Location)

	var last *snapshot
	var lastData, lastContent plumbing.Hash
	for i, c := range chain {
		if !o.Now.IsZero() && c.Committer.When.After(o.Now) {
			// Not yet published at the moment judged at, like a figure
			// from the future.
			continue
		}
		tree, err := c.Tree()
		if err != nil {
			return nil, err
		}
		dataTree, dataHash := subtree(tree, path.Join(prefix, data.Dir))
		contentTree, contentHash := subtree(tree, path.Join(prefix, "content"))
		if dataHash == lastData && contentHash == lastContent && i > 0 {
			continue
		}
		pub := &Commit{Hash: c.Hash.String(), When: c.Committer.When.In(o.Location), Message: strings.TrimSpace(c.Message),
			Baseline: i == 0 && h.Shallow}
		if contentHash != lastContent && !pub.Baseline {
			pub.Pages = changedPages(repo, lastContent, contentTree)
		}
		lastContent = contentHash
		if dataHash != lastData && dataTree != nil {
			if s, ok := readSnapshot(dataTree, o); ok {
				for _, id := range s.order {
					if _, ok := h.Original[id]; !ok {
						h.Original[id] = s.targets[id]
					}
				}
				if !pub.Baseline {
					pub.Changes = diff(last, s, pub)
				}
				last, lastData = s, dataHash
			}
		}
		if len(pub.Changes) > 0 || len(pub.Pages) > 0 || pub.Baseline {
			h.Commits = append(h.Commits, pub)
		}
	}
	slices.Reverse(h.Commits)
	return h, nil
}

// sitePrefix is the site folder's path inside the repository's work tree
// ("" for its root, "sites/loc-ha" below it).
func sitePrefix(repo *git.Repository, abs string) (string, error) {
	wt, err := repo.Worktree()
	if err != nil {
		return "", err
	}
	root := wt.Filesystem.Root()
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(os.PathSeparator)) {
		return "", errors.New("the site folder is outside the repository's work tree")
	}
	if rel == "." {
		return "", nil
	}
	return filepath.ToSlash(rel), nil
}

// subtree is the tree at p and its hash; nil and the zero hash when the
// commit has no such folder.
func subtree(t *object.Tree, p string) (*object.Tree, plumbing.Hash) {
	if p == "" || p == "." {
		return t, t.Hash
	}
	sub, err := t.Tree(p)
	if err != nil {
		return nil, plumbing.ZeroHash
	}
	return sub, sub.Hash
}

// readSnapshot reads a commit's data/ as a build would and takes its
// snapshot; ok is false when the data has errors.
func readSnapshot(t *object.Tree, o data.LoadOptions) (*snapshot, bool) {
	fsys := fstest.MapFS{}
	err := t.Files().ForEach(func(f *object.File) error {
		if !f.Mode.IsFile() {
			return nil
		}
		b, err := f.Contents()
		if err != nil {
			return err
		}
		fsys[path.Join(data.Dir, f.Name)] = &fstest.MapFile{Data: []byte(b), Mode: 0o644}
		return nil
	})
	if err != nil {
		return nil, false
	}
	var l diag.List
	d := data.Load(fsys, o, &l)
	if l.HasErrors() {
		return nil, false
	}
	return snap(d, o.Now), true
}

// changedPages lists the files of content/ that differ between the tree
// of hash from and the tree to, as paths relative to the site.
func changedPages(repo *git.Repository, from plumbing.Hash, to *object.Tree) []string {
	var old *object.Tree
	if from != plumbing.ZeroHash {
		old, _ = repo.TreeObject(from)
	}
	changes, err := object.DiffTree(old, to)
	if err != nil {
		return nil
	}
	var out []string
	for _, ch := range changes {
		name := ch.To.Name
		if name == "" {
			name = ch.From.Name
		}
		out = append(out, path.Join("content", name))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// ForBuild reads the history for a build of the site in dir: nil when the
// site is in no git repository, and nil with a warning when the
// repository cannot be read (the site is then built without history, as
// with --no-history).
func ForBuild(dir string, o data.LoadOptions, diags *diag.List) *History {
	h, err := Read(dir, o)
	if errors.Is(err, ErrNoRepository) {
		return nil
	}
	if err != nil {
		diags.Warnf(diag.Pos{File: ".git"}, diag.CodeHistoryRead,
			diag.Because(diag.T("không đọc được lịch sử git của trang web", "cannot read the site's git history"), err),
			diag.T("Trang vẫn được dựng, nhưng không có lịch sử sửa đổi. Kiểm tra kho git (git status, git log), hoặc dựng với --no-history.",
				"The site is built without revision history. Check the git repository (git status, git log), or build with --no-history."))
		return nil
	}
	return h
}

// OriginalTargets returns the targets an indicator had when first
// published, when they differ from now (its targets today); nil when they
// are the same, when the history does not know the indicator, or without
// history (h nil).
func (h *History) OriginalTargets(id string, now []indicator.Target) []indicator.Target {
	if h == nil {
		return nil
	}
	orig, ok := h.Original[id]
	if !ok || slices.EqualFunc(orig, now, func(a, b indicator.Target) bool {
		return same(a.Value, b.Value) && a.Deadline.Equal(b.Deadline) && a.From.Equal(b.From)
	}) {
		return nil
	}
	return orig
}
