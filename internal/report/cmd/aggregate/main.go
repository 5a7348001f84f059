// Command aggregate sums a weekly report CSV of any size with
// stream.Aggregate and prints the totals, the throughput and the
// memory the Go runtime holds. It is the measuring end of scale.sh:
//
//	go run ./internal/report/cmd/gennational | GOMAXPROCS=1 go run ./internal/report/cmd/aggregate
//
// It reads standard input, or the file named as its argument, and keeps
// report.NationalViews, whose size does not grow with weeks × communes.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"time"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/report/stream"
)

func main() {
	root := flag.String("root", ".", "site root, to read data/units.toml and data/services.toml")
	flag.Parse()
	var in io.Reader = os.Stdin
	name := "stdin"
	if flag.NArg() > 0 {
		f, err := os.Open(flag.Arg(0))
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		in, name = f, flag.Arg(0)
	}
	a := report.New(report.Options{Services: catalogue(*root), Views: report.NationalViews()})
	start := time.Now()
	n, err := stream.Aggregate(in, a, stream.Options{Name: name})
	elapsed := time.Since(start)
	if d, ok := err.(*diag.Diagnostic); ok {
		log.Fatal(d.Format(diag.EN))
	} else if err != nil {
		log.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t := a.Total()
	online, _ := t.OnlineRate().Value()
	onTime, _ := t.OnTimeRate().Value()
	fmt.Printf("rows          %d\n", n)
	fmt.Printf("weeks, units  %d, %d\n", len(a.View(report.ByWeek)), len(a.View(report.ByUnit)))
	fmt.Printf("received      %d (online %.2f%%), resolved on time %.2f%%, late %d\n", t.Received(), 100*online, 100*onTime, t.Late())
	if len(t.LateReasons) > 0 {
		fmt.Printf("top late      %q (%d)\n", t.LateReasons[0].Label, t.LateReasons[0].Dossiers)
	}
	fmt.Printf("elapsed       %.2fs\n", elapsed.Seconds())
	fmt.Printf("rows/s        %.0f\n", float64(n)/elapsed.Seconds())
	fmt.Printf("heap in use   %.1f MiB (runtime total %.1f MiB), GOMAXPROCS %d\n",
		float64(ms.HeapInuse)/(1<<20), float64(ms.Sys)/(1<<20), runtime.GOMAXPROCS(0))
}

func catalogue(root string) []report.Service {
	read := func(name string) []byte {
		b, err := os.ReadFile(root + "/" + name)
		if err != nil {
			log.Fatal(err)
		}
		return b
	}
	l := &diag.List{}
	units := data.ParseUnits("data/units.toml", read("data/units.toml"), l)
	services := data.ParseServices(data.ServicesFile, read(data.ServicesFile), units, l)
	if l.HasErrors() {
		log.Fatal(l.Format(diag.EN))
	}
	return services.Catalogue()
}
