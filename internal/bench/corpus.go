// Package bench measures the build on generated sites: it writes a synthetic
// corpus of Vietnamese pages and indicators (Generate, and the command
// internal/bench/gen), and its benchmarks time each stage of the pipeline on
// it. The same pages can be written as a Hugo site (HugoFiles), with layouts
// doing comparable HTML work, so that run.sh can compare the two generators
// on identical Markdown.
//
// # The corpus
//
// Pages is the number of Markdown files under content/, section indexes
// included: the home page, up to 10 sections with up to 10 subsections each,
// and the remaining pages spread over those folders. Every page has TOML
// front matter (title, description, date, weight), ## and ### headings,
// paragraphs, lists, a table, and relative links to other pages of the
// corpus (some to a heading of that page, whose anchor exists). A few pages
// carry a {{< kpi >}} shortcode. Indicators adds data/units.toml,
// data/indicators.toml and one CSV series per indicator in the formats of the
// sample site (counts, cumulative counts by commune, rates by unit,
// percentages). Everything is a function of the seed.
package bench

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/vi"
)

// Corpus describes a generated site.
type Corpus struct {
	Pages      int // Markdown files under content/, at least 3
	Indicators int
	Seed       uint64
}

// page is one generated content file.
type page struct {
	file     string // relative to the site root: content/…/x.md
	title    string
	desc     string
	date     time.Time
	weight   int
	headings []heading
	index    bool // an _index.md
	n        int  // position in gen.pages, seeds the page's text
}

type heading struct {
	level int
	text  string
	id    string // the anchor tiendo gives it: vi.Slug of the text
}

// Files returns the tiendo site of c: config.toml, content/ and data/, as
// paths relative to the site root.
func Files(c Corpus) map[string][]byte {
	g := newGen(c)
	files := map[string][]byte{"config.toml": []byte(g.config())}
	for _, p := range g.pages {
		files[p.file] = g.markdown(p)
	}
	g.data(files)
	return files
}

// HugoFiles returns the same pages as a Hugo site: its own config.toml and
// minimal layouts (base with header, menu and footer; list; single), and
// content/ byte for byte as Files writes it.
func HugoFiles(c Corpus) map[string][]byte {
	g := newGen(c)
	files := map[string][]byte{"config.toml": []byte(g.hugoConfig())}
	for _, p := range g.pages {
		files[p.file] = g.markdown(p)
	}
	for name, s := range hugoLayouts {
		files[name] = []byte(s)
	}
	return files
}

// WriteFiles writes files under dir, which must not exist or be empty.
func WriteFiles(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	made := map[string]bool{}
	for _, name := range names {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(full, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// gen holds the page plan of one corpus; bodies are written from it, so
// links can name any page's headings.
type gen struct {
	c     Corpus
	seed  uint64
	pages []*page
	menu  []*page // the sections, for the main menu
	kpis  []string
}

func newGen(c Corpus) *gen {
	if c.Pages < 3 {
		c.Pages = 3
	}
	g := &gen{c: c, seed: c.Seed}
	r := g.rng(0)
	for i := range c.Indicators {
		g.kpis = append(g.kpis, indicatorID(i))
	}

	// Folders: sections and subsections, scaled down for small corpora so
	// every folder holds some pages.
	nsec := min(10, max(1, c.Pages/30))
	nsub := min(10, max(0, (c.Pages-1-nsec)/(nsec*8)))
	home := &page{file: "content/_index.md", title: "Tiến độ thực hiện Đề án 06 – trang thử nghiệm", index: true}
	home.desc = "Trang thử nghiệm do tiendo tạo để đo tốc độ dựng: " + strconv.Itoa(c.Pages) + " trang hướng dẫn và tin tức."
	g.pages = append(g.pages, home)
	var folders []string
	for s := range nsec {
		title := sectionTitles[s%len(sectionTitles)]
		dir := "content/" + vi.Slug(title)
		if s >= len(sectionTitles) {
			dir += "-" + strconv.Itoa(s)
		}
		sec := &page{file: dir + "/_index.md", title: title, index: true, weight: (s + 1) * 10}
		g.pages = append(g.pages, sec)
		g.menu = append(g.menu, sec)
		folders = append(folders, dir)
		for j := range nsub {
			sub := fmt.Sprintf("Nhóm %d.%d: %s", s+1, j+1, topics[(s*7+j)%len(topics)])
			sdir := dir + "/" + vi.Slug(sub)
			g.pages = append(g.pages, &page{file: sdir + "/_index.md", title: sub, index: true, weight: (j + 1) * 10})
			folders = append(folders, sdir)
		}
	}
	for _, p := range g.pages {
		if p.desc == "" {
			p.desc = sentence(r, 10, 18)
		}
		p.date = date(r)
		p.headings = headings(r, 1, 2)
	}
	for i := 0; len(g.pages) < c.Pages; i++ {
		dir := folders[i%len(folders)]
		topic := topics[r.IntN(len(topics))]
		title := upperFirst(verbs[r.IntN(len(verbs))] + " " + lower(topic) + " " + places[r.IntN(len(places))])
		p := &page{
			file:     fmt.Sprintf("%s/%s-%05d.md", dir, vi.Slug(title), i+1),
			title:    title,
			desc:     sentence(r, 12, 24),
			date:     date(r),
			weight:   1 + r.IntN(100),
			headings: headings(r, 2, 4),
		}
		g.pages = append(g.pages, p)
	}
	for i, p := range g.pages {
		p.n = i
	}
	return g
}

// rng returns the random source for one page, so that a page's text does
// not depend on how many pages came before it.
func (g *gen) rng(i int) *rand.Rand {
	return rand.New(rand.NewPCG(g.seed, uint64(i)*0x9e3779b97f4a7c15+1))
}

func date(r *rand.Rand) time.Time {
	return time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(365))
}

func headings(r *rand.Rand, lo, hi int) []heading {
	var hs []heading
	n := lo + r.IntN(hi-lo+1)
	for i := range n {
		t := fmt.Sprintf("Bước %d: %s", i+1, steps[r.IntN(len(steps))])
		hs = append(hs, heading{level: 2, text: t, id: vi.Slug(t)})
		for j := range r.IntN(3) {
			t := fmt.Sprintf("%d.%d %s", i+1, j+1, topics[r.IntN(len(topics))])
			hs = append(hs, heading{level: 3, text: t, id: vi.Slug(t)})
		}
	}
	return hs
}

// markdown writes a page's file: front matter, then a body that links to
// other pages of the corpus.
func (g *gen) markdown(p *page) []byte {
	idx := p.n
	r := g.rng(idx + 1)
	var b strings.Builder
	b.Grow(4096)
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "title = %s\n", strconv.Quote(p.title))
	fmt.Fprintf(&b, "description = %s\n", strconv.Quote(p.desc))
	fmt.Fprintf(&b, "date = %s\n", p.date.Format("2006-01-02"))
	if p.weight > 0 {
		fmt.Fprintf(&b, "weight = %d\n", p.weight)
	}
	b.WriteString("+++\n\n")

	b.WriteString(g.paragraph(r, p, 2, 4, 1))
	if len(g.kpis) > 0 && !p.index && idx%97 == 0 {
		fmt.Fprintf(&b, "{{< kpi %q >}}\n\n", g.kpis[idx%len(g.kpis)])
	}
	table := r.IntN(max(1, len(p.headings)))
	for i, h := range p.headings {
		b.WriteString(strings.Repeat("#", h.level) + " " + h.text + "\n\n")
		b.WriteString(g.paragraph(r, p, 1, 3, r.IntN(2)))
		switch {
		case i == table:
			writeTable(&b, r)
		case h.level == 2:
			for k := range 3 + r.IntN(3) {
				b.WriteString("- " + sentence(r, 4, 10))
				if k == 1 {
					b.WriteString(" " + g.link(r, p))
				}
				b.WriteString("\n")
			}
			b.WriteString("\n")
		default:
			for k := range 2 + r.IntN(3) {
				fmt.Fprintf(&b, "%d. %s\n", k+1, sentence(r, 5, 12))
			}
			b.WriteString("\n")
		}
	}
	if len(p.headings) > 1 && r.IntN(3) == 0 {
		h := p.headings[r.IntN(len(p.headings))]
		fmt.Fprintf(&b, "> Xem lại [%s](#%s) trước khi nộp hồ sơ.\n\n", lower(h.text), h.id)
	}
	if r.IntN(4) == 0 {
		b.WriteString("Tra cứu thêm tại [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn).\n")
	}
	return []byte(b.String())
}

// paragraph writes lo–hi sentences with links to other pages in them.
func (g *gen) paragraph(r *rand.Rand, p *page, lo, hi, links int) string {
	n := lo + r.IntN(hi-lo+1)
	var ss []string
	for i := range n {
		s := sentence(r, 8, 20)
		if i < links {
			s = strings.TrimSuffix(s, ".") + ", xem " + g.link(r, p) + "."
		}
		if r.IntN(5) == 0 {
			w := nouns[r.IntN(len(nouns))]
			s += " Lưu ý: **" + w + "** cần được kiểm tra kỹ."
		}
		ss = append(ss, s)
	}
	return strings.Join(ss, " ") + "\n\n"
}

// link writes a relative Markdown link from p to another page, to one of
// its headings one time in three.
func (g *gen) link(r *rand.Rand, from *page) string {
	to := g.pages[r.IntN(len(g.pages))]
	if to == from {
		to = g.pages[(r.IntN(len(g.pages))+1)%len(g.pages)]
	}
	dest := relPath(path.Dir(from.file), to.file)
	if len(to.headings) > 0 && r.IntN(3) == 0 {
		dest += "#" + to.headings[r.IntN(len(to.headings))].id
	}
	return "[" + lower(to.title) + "](" + dest + ")"
}

func writeTable(b *strings.Builder, r *rand.Rand) {
	b.WriteString("| Đơn vị | Hồ sơ tiếp nhận | Đã giải quyết | Tỷ lệ |\n")
	b.WriteString("|:--|--:|--:|:-:|\n")
	for range 4 + r.IntN(4) {
		c := communes[r.IntN(len(communes))]
		total := 20 + r.IntN(400)
		done := r.IntN(total + 1)
		pct := vi.LocaleFor("vi").Percent(100*float64(done)/float64(total), 1)
		fmt.Fprintf(b, "| %s | %d | %d | %s |\n", c.name, total, done, pct)
	}
	b.WriteString("\n")
}

// relPath is the slash path of file as seen from folder dir.
func relPath(dir, file string) string {
	a := strings.Split(dir, "/")
	bs := strings.Split(path.Dir(file), "/")
	i := 0
	for i < len(a) && i < len(bs) && a[i] == bs[i] {
		i++
	}
	var parts []string
	for range len(a) - i {
		parts = append(parts, "..")
	}
	parts = append(parts, bs[i:]...)
	parts = append(parts, path.Base(file))
	return strings.Join(parts, "/")
}

func sentence(r *rand.Rand, lo, hi int) string {
	n := lo + r.IntN(hi-lo+1)
	words := make([]string, 0, n)
	for len(words) < n {
		switch r.IntN(3) {
		case 0:
			words = append(words, nouns[r.IntN(len(nouns))])
		case 1:
			words = append(words, verbs[r.IntN(len(verbs))])
		default:
			words = append(words, glue[r.IntN(len(glue))])
		}
	}
	s := strings.Join(words, " ")
	return upperFirst(s) + "."
}

func upperFirst(s string) string {
	for i, c := range s {
		return strings.ToUpper(string(c)) + s[i+len(string(c)):]
	}
	return s
}

func lower(s string) string {
	for i, c := range s {
		return strings.ToLower(string(c)) + s[i+len(string(c)):]
	}
	return s
}

func (g *gen) config() string {
	var b strings.Builder
	b.WriteString(`# Trang thử nghiệm do tiendo tạo (go run ./internal/bench/gen) để đo tốc độ dựng.
title = "Tiến độ Đề án 06 – trang thử nghiệm"
description = "Trang thử nghiệm đo tốc độ dựng của tiendo."
baseURL = "/"
languageCode = "vi"
timeZone = "Asia/Ho_Chi_Minh"
theme = "default"
sample = true
relativeURLs = false
asOf = "2023-06-30"

[organisation]
name = "UBND huyện thử nghiệm"
address = "Thị trấn Lộc Hà, huyện Lộc Hà, tỉnh Hà Tĩnh"

[markup]
unsafe = false
typographer = true

[indicators]
onTrack = 0.95
atRisk = 0.8
from = "2022-01"
to = "2023-12"
`)
	for i, s := range g.menu {
		fmt.Fprintf(&b, "\n[[menus.main]]\nname = %q\npage = %q\nweight = %d\n", s.title, strings.TrimPrefix(s.file, "content/"), (i+1)*10)
	}
	if g.c.Indicators > 0 {
		fmt.Fprintf(&b, "\n[[menus.main]]\nname = \"Chỉ tiêu\"\nurl = \"/chi-tieu/\"\nweight = %d\n", (len(g.menu)+1)*10)
	}
	return b.String()
}

func (g *gen) hugoConfig() string {
	var b strings.Builder
	b.WriteString(`# Hugo site with the pages of tiendo's benchmark corpus (go run ./internal/bench/gen).
baseURL = "/"
languageCode = "vi"
defaultContentLanguage = "vi"
title = "Tiến độ Đề án 06 – trang thử nghiệm"
timeZone = "Asia/Ho_Chi_Minh"
relativeURLs = false
enableRobotsTXT = true
disableKinds = ["taxonomy", "term"]

[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
page = ["HTML"]

[services.rss]
limit = 30

[params]
organisation = "UBND huyện thử nghiệm"
address = "Thị trấn Lộc Hà, huyện Lộc Hà, tỉnh Hà Tĩnh"

[markup.goldmark.parser]
autoHeadingIDType = "github-ascii"

[markup.goldmark.renderer]
unsafe = false
`)
	for i, s := range g.menu {
		dir := strings.TrimSuffix(strings.TrimPrefix(s.file, "content"), "_index.md")
		fmt.Fprintf(&b, "\n[[menu.main]]\nname = %q\nurl = %q\nweight = %d\n", s.title, dir, (i+1)*10)
	}
	return b.String()
}

func indicatorID(i int) string {
	return fmt.Sprintf("%s-%03d", indicatorNames[i%len(indicatorNames)], i+1)
}

// data writes data/units.toml, data/indicators.toml and the CSV series.
func (g *gen) data(files map[string][]byte) {
	if g.c.Indicators == 0 {
		return
	}
	var u strings.Builder
	u.WriteString("# Đơn vị của trang thử nghiệm (go run ./internal/bench/gen).\n")
	for _, o := range offices {
		fmt.Fprintf(&u, "\n[[unit]]\nid = %q\nname = %q\nshort = %q\nkind = \"huyen\"\n", o.id, o.name, o.short)
	}
	for _, c := range communes {
		kind := "xa"
		if strings.HasPrefix(c.id, "thi-tran") {
			kind = "thi-tran"
		}
		fmt.Fprintf(&u, "\n[[unit]]\nid = %q\nname = %q\nshort = %q\nkind = %q\n", c.id, c.name, c.short, kind)
	}
	files["data/units.toml"] = []byte(u.String())

	var b strings.Builder
	b.WriteString(`# Chỉ tiêu của trang thử nghiệm: MỌI SỐ LIỆU LÀ MINH HỌA (go run ./internal/bench/gen).

[[group]]
code = "3.2"
title = "Về thực hiện dịch vụ công"

[[group]]
code = "3.4"
title = "Về nhóm nhiệm vụ phát triển công dân số"
`)
	// Figures up to the as-of month: a later one would be set aside as
	// from the future, with a warning.
	months := []string{"2022-12"}
	for m := 1; m <= 6; m++ {
		months = append(months, fmt.Sprintf("2023-%02d", m))
	}
	for i, id := range g.kpis {
		r := g.rng(-1 - i)
		name := indicatorTitles[i%len(indicatorTitles)]
		file := "chi-tieu/" + id + ".csv"
		var csv strings.Builder
		var base, target float64
		var extra string
		switch i % 4 {
		case 0: // cumulative by commune
			csv.WriteString("ky,xa,gia_tri\n")
			var total0, total float64
			for _, c := range communes {
				v := float64(800 + r.IntN(2000))
				for mi, m := range months {
					if mi > 0 {
						v += float64(50 + r.IntN(200))
					}
					fmt.Fprintf(&csv, "%s,%s,%d\n", m, c.id, int(v))
					if mi == 0 {
						total0 += v
					}
				}
				total += v
			}
			base, target = total0, float64(int(total*1.05/100)*100)
			extra = "unit = \"tài khoản\"\nmeasure = \"cumulative\"\ndimension = \"commune\"\n"
		case 1: // rate by unit
			csv.WriteString("ky,don_vi,tu_so,mau_so\n")
			var num0, den0 float64
			for mi, m := range months {
				for _, o := range offices {
					den := 20 + r.IntN(40)
					share := 0.4 + 0.04*float64(mi) + 0.1*r.Float64()
					num := min(den, int(share*float64(den)))
					fmt.Fprintf(&csv, "%s,%s,%d,%d\n", m, o.id, num, den)
					if mi == 0 {
						num0 += float64(num)
						den0 += float64(den)
					}
				}
			}
			base, target = float64(int(1000*num0/den0))/10, 80
			extra = "measure = \"rate\"\ndimension = \"unit\"\n"
		case 2: // count
			csv.WriteString("ky,gia_tri,ghi_chu\n")
			v := 20 + r.IntN(10)
			base = float64(v)
			for mi, m := range months {
				if mi > 0 {
					v += r.IntN(3)
				}
				note := ""
				if mi == 6 {
					note = "\"Triển khai thêm dịch vụ liên thông khai sinh, khai tử\""
				}
				fmt.Fprintf(&csv, "%s,%d,%s\n", m, v, note)
			}
			target = float64(v + 5)
			extra = "unit = \"dịch vụ\"\nmeasure = \"count\"\n"
		default: // percentage
			csv.WriteString("ky,gia_tri\n")
			base = float64(int((50+20*r.Float64())*10)) / 10
			v := base
			for mi, m := range months {
				if mi > 0 {
					v = min(100, v+3*r.Float64())
				}
				fmt.Fprintf(&csv, "%s,%.1f\n", m, float64(int(v*10))/10)
			}
			target = 100
			extra = "measure = \"percent\"\n"
		}
		files["data/"+file] = []byte(csv.String())
		group := "3.2"
		if i%4 == 0 {
			group = "3.4"
		}
		fmt.Fprintf(&b, `
[[indicator]]
id = %q
title = %q
description = """
%s

Số liệu minh họa, do tiendo tạo để đo tốc độ dựng.
"""
%sdirection = "increase"
baseline = { period = "2022-12", value = %s }
lead = %q
source = "Số liệu minh họa do tiendo tạo, không phải số liệu thật"
frequency = "monthly"
file = %q
group = %q
weight = %d
illustrative = true

[[indicator.target]]
value = %s
deadline = "2023-12"
label = "Hết năm 2023"
`, id, fmt.Sprintf("%s (%d)", name, i+1), sentence(r, 15, 30), extra,
			strconv.FormatFloat(base, 'f', -1, 64), offices[i%len(offices)].id, file, group, (i+1)*10,
			strconv.FormatFloat(target, 'f', -1, 64))
	}
	files["data/indicators.toml"] = []byte(b.String())
}
