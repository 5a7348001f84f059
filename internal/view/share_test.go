package view

import (
	"math"
	"testing"

	"github.com/tiendo/tiendo/internal/data"
	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/share"
	"github.com/tiendo/tiendo/internal/site"
)

// TestShares: a unit without figures shows its tasks, done out of all,
// red when one is overdue; a filter page of the tasks and an embed page
// get no image; the alt text says what the image shows.
func TestShares(t *testing.T) {
	env := testEnv(t, "vi")
	env.Open.Title = "Lộc Hà"
	rows := []*TaskRow{
		{Task: &data.Task{Progress: plan.Completed}},
		{Task: &data.Task{}, Overdue: true},
		{Task: &data.Task{}},
	}
	unit := &site.Page{Path: "/don-vi/cong-an-huyen/", Title: "Công an huyện", Layout: "unit", Data: &UnitView{Lead: rows}}
	filter := &site.Page{Path: "/nhiem-vu/qua-han/", Layout: "tasks", Data: &TasksView{Rows: rows, Filter: &Filter{}}}
	embed := &site.Page{Path: "/chi-tieu/x/nhung/", Layout: "embed", Data: &IndicatorView{Card: &IndicatorCard{}}}
	var diags diag.List
	imgs := Shares(env, []*site.Page{unit, filter, embed}, &diags)
	if len(imgs) != 1 || diags.Len() != 0 {
		t.Fatalf("%d images, %d problems; want 1 and 0", len(imgs), diags.Len())
	}
	c := imgs[0].Card
	if imgs[0].Path != "don-vi/cong-an-huyen/chia-se.png" || unit.ShareImage != "/don-vi/cong-an-huyen/chia-se.png" || unit.ShareWidth != share.Width {
		t.Errorf("image at %q, page's %q %d", imgs[0].Path, unit.ShareImage, unit.ShareWidth)
	}
	if c.Figure != "1/3 [shareTasksDone]" || c.Tone != share.Bad || c.Status != "1 [overdueTasks]" || len(c.Series) != 1 || c.Series[0] != 1 || c.Target != 3 {
		t.Errorf("card %+v", c)
	}
	if want := "Công an huyện. 1/3 [shareTasksDone]. 1 [overdueTasks]."; unit.ShareAlt != want {
		t.Errorf("alt %q, want %q", unit.ShareAlt, want)
	}
	if filter.ShareImage != "" || embed.ShareImage != "" {
		t.Errorf("a filter page or an embed has an image: %q %q", filter.ShareImage, embed.ShareImage)
	}

	// No task overdue: green; none at all: no bar.
	if c := env.taskShare(rows[:1]); c.Tone != share.Good || c.Status != "[shareNoOverdue]" {
		t.Errorf("no task overdue: %+v", c)
	}
	if c := env.taskShare(nil); c.Series != nil || !math.IsNaN(c.Target) {
		t.Errorf("no task: %+v", c)
	}
}
