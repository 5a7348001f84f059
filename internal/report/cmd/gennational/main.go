// Command gennational writes synthetic weekly reports for a whole country:
// every commune, every essential service, every week — 10,000 communes ×
// 25 services × 52 weeks is 13 million rows by default. It is test data
// for the scale of package report, not a picture of any real figures.
//
//	go run ./internal/report/cmd/gennational -rows 1000000 > national.csv
//	go run ./internal/report/cmd/gennational | go run ./internal/report/cmd/aggregate
//
// The file has the columns of a unit's report file with a don_vi column
// after tuan, rows in the order week, commune, service. The output depends
// only on the flags and on the service ids of data/services.toml (read
// from the working directory, which should be the site's root).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/period"
	"github.com/tiendo/tiendo/internal/report"
)

func main() {
	var (
		seed     = flag.Uint64("seed", 2023, "random seed: the same seed gives the same file")
		communes = flag.Int("communes", 10000, "number of communes")
		weeks    = flag.Int("weeks", 52, "number of ISO weeks, from the first of -year")
		year     = flag.Int("year", 2023, "ISO year of the first week")
		rows     = flag.Int64("rows", 0, "stop after this many rows (0: all)")
		out      = flag.String("o", "-", "output file, - for standard output")
		root     = flag.String("root", ".", "site root, to read data/units.toml and data/services.toml")
	)
	flag.Parse()
	ids, err := serviceIDs(*root)
	if err != nil {
		log.Fatal(err)
	}
	var w io.Writer = os.Stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		w = f
	}
	g := generator{seed: *seed, communes: *communes, weeks: *weeks, year: *year, limit: *rows, services: ids}
	if err := g.write(w); err != nil {
		log.Fatal(err)
	}
}

func serviceIDs(root string) ([]string, error) {
	read := func(name string) ([]byte, error) { return os.ReadFile(root + "/" + name) }
	u, err := read("data/units.toml")
	if err != nil {
		return nil, err
	}
	s, err := read(data.ServicesFile)
	if err != nil {
		return nil, err
	}
	l := &diag.List{}
	services := data.ParseServices(data.ServicesFile, s, data.ParseUnits("data/units.toml", u, l), l)
	if l.HasErrors() {
		return nil, fmt.Errorf("%s", l.Format(diag.EN))
	}
	var ids []string
	for _, sv := range services.All {
		ids = append(ids, sv.ID)
	}
	return ids, nil
}

type generator struct {
	seed                  uint64
	communes, weeks, year int
	limit                 int64
	services              []string
	x                     uint64
}

var (
	lateReasons = []string{"Hồ sơ cần xác minh thêm", "Chờ kết quả liên thông", "hồ sơ cần xác minh thêm.", "Chờ ý kiến của cơ quan liên quan", "Chờ kết quả liên thông."}
	refusals    = []string{"Sai mẫu tờ khai", "Nộp sai thủ tục", "sai mẫu tờ khai", "Nộp trùng hồ sơ"}
	shortfalls  = []string{"Thiếu giấy tờ chứng minh", "Thiếu giấy tờ chứng minh nơi cư trú", "thiếu giấy tờ chứng minh."}
)

// next is xorshift64*: fast, and the same on every machine.
func (g *generator) next() uint64 {
	g.x ^= g.x >> 12
	g.x ^= g.x << 25
	g.x ^= g.x >> 27
	return g.x * 2685821657736338717
}

func (g *generator) intn(n int64) int64 {
	if n <= 0 {
		return 0
	}
	return int64(g.next()>>33) % n
}

func (g *generator) write(w io.Writer) error {
	g.x = g.seed*0x9e3779b97f4a7c15 | 1
	bw := bufio.NewWriterSize(w, 1<<20)
	header := strings.Replace(report.Header, "tuan,", "tuan,don_vi,", 1)
	bw.WriteString(header + "\n")

	unit := make([][]byte, g.communes)
	size := make([]int64, g.communes) // a commune's size: 1 (small) to 6
	for c := range unit {
		unit[c] = []byte(fmt.Sprintf("xa-%05d", c+1))
		size[c] = 1 + g.intn(6)
	}
	carried := make([]int64, g.communes*len(g.services))
	week, ok := period.New(period.Week, g.year, 1)
	if !ok {
		return fmt.Errorf("no week 1 in %d", g.year)
	}
	var n int64
	var line []byte
	for wi := range g.weeks {
		wk := []byte(week.String())
		due := report.DefaultRule().Due(week)
		sent := []byte(due.Add(-45 * time.Minute).Format("2006-01-02 15:04"))
		// The online share rises from about 40% to about 85% over the year.
		share := 40 + 45*int64(wi)/int64(max(g.weeks-1, 1))
		for c := range g.communes {
			for s := range g.services {
				if g.limit > 0 && n >= g.limit {
					return bw.Flush()
				}
				r := g.next()
				received := g.intn(4*size[c]) + int64(r&3)
				online := received * min(share+int64(r>>2&15)-8, 100) / 100
				carry := carried[c*len(g.services)+s]
				open := g.intn((received + carry + 2) / 3)
				overdue := int64(0)
				if open > 0 && r>>6&31 == 0 {
					overdue = 1
				}
				resolved := received + carry - open
				late := int64(0)
				if resolved > 0 && r>>11&31 == 0 {
					late = 1
				}
				early := (resolved - late) * 2 / 3
				refused, short := int64(r>>16&63)/62, int64(r>>22&31)/30
				carried[c*len(g.services)+s] = open

				line = append(line[:0], wk...)
				line = append(line, ',')
				line = append(line, unit[c]...)
				line = append(line, ',')
				line = append(line, g.services[s]...)
				for _, v := range [...]int64{online, received - online, carry, early, resolved - late - early, late,
					open - overdue, overdue, resolved, refused, short} {
					line = append(line, ',')
					line = strconv.AppendInt(line, v, 10)
				}
				line = append(line, ',')
				if late+overdue > 0 {
					line = append(line, lateReasons[r>>28%uint64(len(lateReasons))]...)
				}
				line = append(line, ',')
				if refused > 0 {
					line = append(line, refusals[r>>32%uint64(len(refusals))]...)
				}
				line = append(line, ',')
				if short > 0 {
					line = append(line, shortfalls[r>>36%uint64(len(shortfalls))]...)
				}
				line = append(line, ',')
				line = append(line, sent...)
				line = append(line, '\n')
				if _, err := bw.Write(line); err != nil {
					return err
				}
				n++
			}
		}
		week = week.Next()
	}
	return bw.Flush()
}
