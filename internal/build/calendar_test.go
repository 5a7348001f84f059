package build

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// icsCheck reads a calendar with Python's icalendar (Debian's
// python3-icalendar, which .ci/run installs) and expands each repeating
// rule with dateutil: for every event, its UID, DTSTART and the first
// occurrences, in ISO 8601 with their offsets.
const icsCheck = `
import json, sys
import icalendar
from dateutil.rrule import rrulestr
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for ev in cal.walk('VEVENT'):
    for prop in ('UID', 'DTSTAMP', 'DTSTART', 'SUMMARY'):
        if prop not in ev:
            raise SystemExit('event without ' + prop + ': ' + str(ev.get('UID')))
    start = ev.decoded('DTSTART')
    occ = []
    if 'RRULE' in ev:
        rule = rrulestr(ev['RRULE'].to_ical().decode(), dtstart=start)
        for i, t in enumerate(rule):
            if i == 5:
                break
            occ.append(t.isoformat())
    out.append({'uid': str(ev['UID']), 'start': start.isoformat(), 'summary': str(ev['SUMMARY']), 'occ': occ})
print(json.dumps(out))
`

type icsEvent struct {
	UID, Start, Summary string
	Occ                 []string
}

// readICS parses a calendar of the built site with Python's icalendar.
func readICS(t *testing.T, name string, data []byte) []icsEvent {
	t.Helper()
	py := "/usr/bin/python3" // Debian's, where python3-icalendar goes
	if err := exec.Command(py, "-c", "import icalendar, dateutil").Run(); err != nil {
		if v := os.Getenv("CI"); v != "" && v != "false" && v != "0" {
			t.Fatalf("python3-icalendar is missing (%v); .ci/run should have installed it", err)
		}
		t.Skipf("python3-icalendar is missing (%v): apt-get install python3-icalendar python3-dateutil", err)
	}
	f := filepath.Join(t.TempDir(), "lich.ics")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", icsCheck, f).CombinedOutput()
	if err != nil {
		t.Fatalf("%s does not parse: %v\n%s", name, err, out)
	}
	var evs []icsEvent
	if err := json.Unmarshal(out, &evs); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return evs
}

func TestCalendarsParse(t *testing.T) {
	t.Parallel()
	res := sampleSite(t)
	files := res.Output.Files
	evs := readICS(t, "nhiem-vu/lich.ics", files["nhiem-vu/lich.ics"])
	byUID := map[string]icsEvent{}
	for _, e := range evs {
		if _, dup := byUID[e.UID]; dup {
			t.Errorf("UID %s twice", e.UID)
		}
		byUID[e.UID] = e
	}
	// Every task with a due date has its all-day event.
	d := sampleData(t)
	for _, task := range d.Tasks {
		if task.Due().IsZero() {
			continue
		}
		uid := "nhiem-vu-" + strings.ToLower(strings.ReplaceAll(task.Code, ".", "-")) + "@tien-do-de-an-06-huyen-loc-ha.tiendo"
		e, ok := byUID[uid]
		if !ok {
			t.Errorf("task %s: no event %s", task.Code, uid)
			continue
		}
		if want := task.Due().Format("2006-01-02"); e.Start != want {
			t.Errorf("task %s: starts %s, want %s", task.Code, e.Start, want)
		}
	}
	// The weekly report (the plan's task III.2.a, whose rule is the
	// config's reports.weekly): Tuesdays, 09:00 in Vietnam.
	weekly := byUID["nhiem-vu-iii-2-a-lap-lai@tien-do-de-an-06-huyen-loc-ha.tiendo"]
	want := []string{"2023-01-03T09:00:00+07:00", "2023-01-10T09:00:00+07:00", "2023-01-17T09:00:00+07:00", "2023-01-24T09:00:00+07:00", "2023-01-31T09:00:00+07:00"}
	if strings.Join(weekly.Occ, " ") != strings.Join(want, " ") {
		t.Errorf("weekly report falls due at %v, want %v", weekly.Occ, want)
	}
	monthly := byUID["nhiem-vu-iii-2-b-lap-lai@tien-do-de-an-06-huyen-loc-ha.tiendo"]
	if got := strings.Join(monthly.Occ, " "); got != "2023-01-13T00:00:00 2023-02-13T00:00:00 2023-03-13T00:00:00 2023-04-13T00:00:00 2023-05-13T00:00:00" {
		t.Errorf("monthly report falls due on %s", got)
	}
	half := byUID["nhiem-vu-iii-2-c-lap-lai@tien-do-de-an-06-huyen-loc-ha.tiendo"]
	if got := strings.Join(half.Occ, " "); !strings.HasPrefix(got, "2023-06-14T00:00:00 2023-12-14T00:00:00 2024-06-14T00:00:00") {
		t.Errorf("half-year report falls due on %s", got)
	}

	// A unit's calendar: the tasks it leads or helps with, and the weekly
	// report when it sends one.
	unit := readICS(t, "don-vi/phong-tu-phap/lich.ics", files["don-vi/phong-tu-phap/lich.ics"])
	var weeklies int
	for _, e := range unit {
		if strings.Join(e.Occ, " ") == strings.Join(want, " ") {
			weeklies++
		}
	}
	if weeklies != 1 {
		t.Errorf("phong-tu-phap's calendar has %d weekly report events, want 1", weeklies)
	}
	for _, page := range []string{"nhiem-vu/index.html", "don-vi/phong-tu-phap/index.html"} {
		if html := string(files[page]); !strings.Contains(html, `lich.ics" type="text/calendar">Thêm vào lịch`) {
			t.Errorf("%s does not link its calendar", page)
		}
	}
}

func TestCalendarReportRuleUnreadable(t *testing.T) {
	t.Parallel()
	buildTxtar(t, `
-- config.toml --
title = "Lộc Hà"
[reports]
monthly = "khi nào rảnh"
-- content/_index.md --
+++
title = "Trang chủ"
+++
-- data/units.toml --
[[unit]]
id = "cong-an-huyen"
name = "Công an huyện"
short = "Công an"
kind = "huyen"
-- data/tasks.csv --
ma,nhiem_vu,don_vi_chu_tri,thoi_han,trang_thai
1,Việc một,cong-an-huyen,trước ngày 30/04/2023,đang thực hiện
`, Options{Now: "2023-06-30"}).failsWith("config.toml:1", "không đọc được quy định báo cáo tháng (monthly) “khi nào rảnh” trong mục [reports]")
}
