package view

import (
	"encoding/json"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/site"
)

// ArchivePath lists the dated snapshots of the data downloads (`tiendo
// build --archive`), each under its date: /du-lieu/ban-luu/2023-06-30/….
const ArchivePath = DatasetsPath + "ban-luu/"

// ArchiveDir is ArchivePath as a folder of the output.
var ArchiveDir = strings.Trim(ArchivePath, "/")

// manifestFile lists a snapshot's datasets, in the snapshot's folder, so
// that later builds can name them.
const manifestFile = "danh-muc.json"

// ArchiveView is the data of /du-lieu/ban-luu/: the snapshots, newest
// first, and how to cite one.
type ArchiveView struct {
	Snapshots []Snapshot
	// Cite is an example citation of the newest snapshot's first file.
	Cite string
}

// Snapshot is the data downloads as they stood on a day.
type Snapshot struct {
	Date, ISODate, Anchor string
	Sets                  []ArchivedSet
}

// ArchivedSet is one dataset of a snapshot and its files.
type ArchivedSet struct {
	Title string     `json:"tieu_de"`
	Files []Download `json:"tep"`
}

// Archive keeps the dated snapshots found in the previous output
// (previous, by output path; see output.Previous) and, when write is set,
// adds today's — the moment judged at — made of the downloads /du-lieu/
// lists (datasets), copied from files byte for byte, with a manifest
// naming them. A snapshot of the same day is replaced. It returns the page
// listing the snapshots (none when there is no snapshot) and the files to
// write.
//
// A snapshot is never rewritten by a later build: a citation of
// /du-lieu/ban-luu/2023-06-30/chi-tieu/x/x.csv keeps pointing at the
// figures as they stood that day, whatever the data becomes. Snapshots
// are the one part of the output that comes from the previous output
// rather than from the input.
func Archive(env Env, write bool, previous map[string][]byte, datasets *site.Page, files []File, feed FeedOptions) ([]*site.Page, Out) {
	var out Out
	today := env.Now.In(env.Location).Format("2006-01-02")
	byDate := map[string][]string{}
	for p := range previous {
		date, _, _ := strings.Cut(strings.TrimPrefix(p, ArchiveDir+"/"), "/")
		if write && date == today {
			continue
		}
		byDate[date] = append(byDate[date], p)
	}
	snaps := map[string]Snapshot{}
	for _, date := range slices.Sorted(maps.Keys(byDate)) {
		paths := byDate[date]
		slices.Sort(paths)
		for _, p := range paths {
			out.Files = append(out.Files, File{Path: p, Data: previous[p]})
		}
		snaps[date] = env.snapshot(date, paths, previous)
	}
	if dv, ok := datasetsView(datasets); ok && write {
		index := map[string][]byte{}
		for _, f := range files {
			index[f.Path] = f.Data
		}
		dir := ArchiveDir + "/" + today + "/"
		var sets []ArchivedSet
		for _, set := range dv.Sets {
			as := ArchivedSet{Title: set.Title}
			for _, d := range set.Downloads {
				b, ok := index[strings.TrimPrefix(d.Path, "/")]
				if !ok {
					continue
				}
				at := dir + strings.TrimPrefix(d.Path, "/")
				out.Files = append(out.Files, File{Path: at, Data: b})
				as.Files = append(as.Files, Download{Label: d.Label, Format: d.Format, Path: "/" + at, Size: len(b)})
			}
			if len(as.Files) > 0 {
				sets = append(sets, as)
			}
		}
		if len(sets) > 0 {
			m, _ := json.MarshalIndent(sets, "", "  ")
			out.Files = append(out.Files, File{Path: dir + manifestFile, Data: append(m, '\n')})
			snaps[today] = env.snapshotOf(today, sets)
		}
	}
	if len(snaps) == 0 {
		return nil, out
	}
	if datasets == nil {
		datasets = env.Home
	}
	v := &ArchiveView{}
	for _, s := range snaps {
		v.Snapshots = append(v.Snapshots, s)
	}
	slices.SortFunc(v.Snapshots, func(a, b Snapshot) int { return strings.Compare(b.ISODate, a.ISODate) })
	if n := v.Snapshots[0]; len(n.Sets) > 0 && len(n.Sets[0].Files) > 0 {
		f := n.Sets[0].Files[0]
		addr := f.Path
		if feed.Absolute {
			addr = feed.URLs.Abs(f.Path)
		}
		v.Cite = feed.Author + ", “" + n.Sets[0].Title + "” (" + f.Label + "), " + feed.Title + ", " +
			env.T("archiveAsOf") + " " + n.Date + ", " + addr + "."
	}
	p := env.page(&site.Page{Path: ArchivePath, Layout: "archive", Title: env.T("archiveTitle"),
		Description: env.T("archiveDescription"), Data: v}, datasets)
	return []*site.Page{p}, out
}

func datasetsView(p *site.Page) (*DatasetsView, bool) {
	if p == nil {
		return nil, false
	}
	v, ok := p.Data.(*DatasetsView)
	return v, ok
}

// snapshot reads an earlier snapshot's manifest; without one, its files
// are listed by path.
func (e Env) snapshot(date string, paths []string, files map[string][]byte) Snapshot {
	var sets []ArchivedSet
	if b, ok := files[ArchiveDir+"/"+date+"/"+manifestFile]; !ok || json.Unmarshal(b, &sets) != nil {
		sets = nil
		for _, p := range paths {
			if path.Base(p) == manifestFile {
				continue
			}
			sets = append(sets, ArchivedSet{Title: strings.TrimPrefix(p, ArchiveDir+"/"+date+"/"),
				Files: []Download{{Label: strings.ToUpper(strings.TrimPrefix(path.Ext(p), ".")), Path: "/" + p, Size: len(files[p])}}})
		}
	}
	return e.snapshotOf(date, sets)
}

func (e Env) snapshotOf(date string, sets []ArchivedSet) Snapshot {
	s := Snapshot{ISODate: date, Anchor: "ngay-" + date, Sets: sets}
	if t, err := time.Parse("2006-01-02", date); err == nil {
		s.Date = e.loc().Date(t)
	}
	return s
}
