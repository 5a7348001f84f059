package build

import (
	"encoding/json"
	"regexp"
	"testing"
)

// indicatorStatus is the status slug an indicator page's headline shows.
func indicatorStatus(t *testing.T, page string) string {
	t.Helper()
	m := regexp.MustCompile(`<dd><span class="badge status-([a-z-]+)">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no status on the indicator page")
	}
	return m[1]
}

// TestSampleTaskAndIndicatorAgree: a task reported done whose indicator has
// not met its target tells a citizen two things at once (the sample once
// had the poor households' social-security accounts "done, 100%" on
// /nhiem-vu/ and "quá hạn chưa đạt" at 95,6% on the indicator page). For
// every indicator that names its plan task, a task done means its target
// met — unless the target is a level to hold from a day on ("thực hiện từ
// tháng 3/2023"), which a task's one-off part (a directive issued) does not
// settle — and a target met means the task is not overdue.
func TestSampleTaskAndIndicatorAgree(t *testing.T) {
	t.Parallel()
	res := sampleSite(t)
	var tasks struct {
		Tasks []struct {
			Code   string `json:"ma"`
			Status string `json:"trang_thai"`
		} `json:"tasks"`
	}
	if err := json.Unmarshal(res.Output.Files["nhiem-vu/nhiem-vu.json"], &tasks); err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	for _, tk := range tasks.Tasks {
		status[tk.Code] = tk.Status
	}
	done := map[string]bool{"dung-han": true, "hoan-thanh-qua-han": true, "hoan-thanh": true}
	standing := map[string]bool{}
	set := sampleData(t)
	for _, s := range set.Indicators {
		if ts := s.Ind.Targets; len(ts) > 0 && ts[len(ts)-1].Standing() {
			standing[s.Ind.ID] = true
		}
	}
	checked := 0
	for _, p := range res.Site.Pages {
		if p.Layout != "indicator" {
			continue
		}
		id := p.Path[len("/chi-tieu/") : len(p.Path)-1]
		var meta struct {
			Task string `json:"task"`
		}
		if err := json.Unmarshal(res.Output.Files["chi-tieu/"+id+"/"+id+".json"], &meta); err != nil || meta.Task == "" {
			continue
		}
		checked++
		ts, ok := status[meta.Task]
		if !ok {
			t.Errorf("%s names task %s, which /nhiem-vu/nhiem-vu.json does not have", id, meta.Task)
			continue
		}
		indStatus := indicatorStatus(t, string(res.Output.Files["chi-tieu/"+id+"/index.html"]))
		if done[ts] && indStatus != "da-dat" && !standing[id] {
			t.Errorf("task %s is done (%s) but its indicator %s is %s", meta.Task, ts, id, indStatus)
		}
		if ts == "qua-han" && indStatus == "da-dat" {
			t.Errorf("task %s is overdue but its indicator %s has met its target", meta.Task, id)
		}
	}
	if checked < 5 {
		t.Fatalf("only %d indicators name a task", checked)
	}
}
