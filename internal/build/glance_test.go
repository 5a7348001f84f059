package build

import (
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/internal/output"
)

// TestHomeNumbersAreTheFilteredLists builds the sample site and follows
// each number of the home page's "at a glance" to the list it links to: the
// list has exactly that many rows, and every row has the filter's status.
func TestHomeNumbersAreTheFilteredLists(t *testing.T) {
	mem := output.NewMem()
	res := Run(Options{Source: "../..", Sink: mem, Now: "2023-06-30"})
	if !res.OK() {
		t.Fatalf("sample site does not build:\n%s", res.Diags.Format("vi"))
	}
	home := string(mem.Files["index.html"])
	i := strings.Index(home, `<section class="glance"`)
	if i < 0 {
		t.Fatal("home page has no glance section")
	}
	glance := home[i : i+strings.Index(home[i:], `<form role="search"`)]
	link := regexp.MustCompile(`<a href="([^"#]+)"><strong class="glance-n">(\d+)</strong> <span class="badge status-([a-z-]+)">`)
	found := link.FindAllStringSubmatch(glance, -1)
	if len(found) < 4 {
		t.Fatalf("home page links %d numbers, want the indicators by status and the tasks overdue and due soon:\n%s", len(found), glance)
	}
	row := regexp.MustCompile(`<(?:tr|li class="card") [^>]*data-trang-thai="([a-z-]+)"`)
	for _, m := range found {
		href, want, status := m[1], m[2], m[3]
		file := path.Clean(strings.TrimSuffix(href, "index.html")) + "/index.html"
		page, ok := mem.Files[file]
		if !ok {
			t.Errorf("%s (for %s %s): no such page", href, want, status)
			continue
		}
		rows := row.FindAllStringSubmatch(string(page), -1)
		if strconv.Itoa(len(rows)) != want {
			t.Errorf("home says %s %s; %s lists %d", want, status, file, len(rows))
		}
		for _, r := range rows {
			if r[1] != status {
				t.Errorf("%s lists a row of status %s", file, r[1])
			}
		}
		if !strings.Contains(string(page), `data-filter-value="`+status+`" aria-current="page"`) {
			t.Errorf("%s does not mark its filter as current", file)
		}
	}
	// The units that did not report are /bao-cao/'s.
	if !strings.Contains(glance, `<strong class="glance-n">1</strong> đơn vị chưa báo cáo</a>: Phòng Tài nguyên và Môi trường huyện Lộc Hà.`) {
		t.Errorf("home page does not name the unit that did not report:\n%s", glance)
	}
	// Filter pages are not in the search index; the full lists are.
	idx := string(mem.Files["tim-kiem/index.json"])
	if strings.Contains(idx, `nhiem-vu/qua-han/`) || strings.Contains(idx, `chi-tieu/da-dat/`) {
		t.Error("the search index holds a filter page")
	}
	// The full task list is worst first: overdue rows before any other.
	tasks := string(mem.Files["nhiem-vu/index.html"])
	statuses := row.FindAllStringSubmatch(tasks, -1)
	if len(statuses) < 30 || statuses[0][1] != "qua-han" {
		t.Errorf("/nhiem-vu/ lists %d rows, first %v; want 37, overdue first", len(statuses), statuses[:1])
	}
	// A filter by unit keeps only the unit's tasks.
	unit := string(mem.Files["nhiem-vu/don-vi-cong-an-huyen/index.html"])
	for _, r := range regexp.MustCompile(`data-don-vi="([^"]*)"`).FindAllStringSubmatch(unit, -1) {
		if !strings.Contains(" "+r[1]+" ", " cong-an-huyen ") {
			t.Errorf("/nhiem-vu/don-vi-cong-an-huyen/ lists a task led by %q", r[1])
		}
	}
}
