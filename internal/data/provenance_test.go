package data

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/plan"
	"github.com/tiendo/tiendo/internal/provenance"
	"github.com/tiendo/tiendo/internal/table"
)

const provUnits = `
[[unit]]
id = "cong-an-huyen"
name = "Công an huyện"
short = "Công an"
kind = "huyen"
[[unit]]
id = "xa-an"
name = "Xã An"
short = "An"
kind = "xa"
[[group]]
id = "cac-don-vi"
name = "Các phòng, ban, ngành và UBND các xã, thị trấn"
units = ["cong-an-huyen", "xa-an"]
`

func parseProvTasks(t *testing.T, csv string) ([]*Task, *diag.List) {
	t.Helper()
	l := &diag.List{}
	units := ParseUnits(UnitsFile, []byte(provUnits), l)
	if l.HasErrors() {
		t.Fatalf("units: %s", l.Format(diag.VI))
	}
	tb, tl := table.Read(TasksFile, []byte(csv), table.Options{})
	if tl.HasErrors() {
		t.Fatalf("table: %s", tl.Format(diag.VI))
	}
	tasks := ParseTasks(tb, units, plan.Context{Year: 2023}, time.UTC, l)
	return tasks, l
}

// col is the column where field n (0-based) of a CSV row without quotes
// starts, counting characters as positions do.
func col(row string, n int) int {
	return utf8.RuneCountInString(strings.Join(strings.Split(row, ",")[:n], ",")) + 1 + min(n, 1)
}

func TestParseTaskProvenance(t *testing.T) {
	const head = "ma,nhiem_vu,don_vi_chu_tri,thoi_han,trang_thai,Nguồn chủ trì,CĂN CỨ CHỦ TRÌ,nguon_tien_do\n"
	tests := []struct {
		name, row string
		lead      string
		want      provenance.Of
		progress  provenance.Kind
		field     int    // the field the error is at (0-based)
		err       string // "" for none; else the message after file:line:col
	}{
		{name: "inferred", row: "1.1,A,cong-an-huyen,Hoàn thành trong Quý II/2023,đang thực hiện,suy-luan,Kế hoạch không nêu.,minh-hoa",
			lead: "cong-an-huyen", want: provenance.Of{Kind: provenance.Inferred, Basis: "Kế hoạch không nêu."}, progress: provenance.Illustrative},
		{name: "words with marks", row: "1.1,A,Công an huyện,Hoàn thành trong Quý II/2023,đang thực hiện,Kế hoạch,Giao Công an huyện chủ trì,Báo cáo",
			lead: "cong-an-huyen", want: provenance.Of{Kind: provenance.Plan, Basis: "Giao Công an huyện chủ trì"}, progress: provenance.Reported},
		{name: "group lead by name", row: "III.1,A,\"Các phòng, ban, ngành và UBND các xã, thị trấn\",Hoàn thành trong Quý II/2023,đang thực hiện,ke-hoach,các phòng…,",
			lead: "cac-don-vi", want: provenance.Of{Kind: provenance.Plan, Basis: "các phòng…"}},
		{name: "unstated", row: "1.1,A,cong-an-huyen,Hoàn thành trong Quý II/2023,đang thực hiện,,,", lead: "cong-an-huyen"},
		{name: "unknown lead source", row: "1.1,A,cong-an-huyen,Hoàn thành trong Quý II/2023,đang thực hiện,doan,x,",
			field: 5, err: `nguồn “doan” không hợp lệ` + "\n    gợi ý: Dùng \"ke-hoach\", \"suy-luan\" hoặc \"minh-hoa\", hoặc để trống."},
		{name: "progress from the plan is not a thing", row: "1.1,A,cong-an-huyen,Hoàn thành trong Quý II/2023,đang thực hiện,,,ke-hoach",
			field: 7, err: `nguồn “ke-hoach” không hợp lệ` + "\n    gợi ý: Dùng \"bao-cao\" hoặc \"minh-hoa\", hoặc để trống."},
		{name: "inferred without a reason", row: "1.1,A,cong-an-huyen,Hoàn thành trong Quý II/2023,đang thực hiện,suy-luan,,",
			field: 6, err: `đơn vị chủ trì là suy luận (suy-luan) nhưng thiếu lý do ở cột can_cu_chu_tri`},
		{name: "plan without its words", row: "1.1,A,cong-an-huyen,Hoàn thành trong Quý II/2023,đang thực hiện,ke-hoach,,",
			field: 6, err: `đơn vị chủ trì “theo kế hoạch” (ke-hoach) nhưng thiếu lời kế hoạch ở cột can_cu_chu_tri`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tasks, l := parseProvTasks(t, head+tc.row+"\n")
			got := l.Format(diag.VI)
			if tc.err != "" {
				if want := fmt.Sprintf("%s:2:%d: %s", TasksFile, col(tc.row, tc.field), tc.err); !strings.Contains(got, want) {
					t.Errorf("got %s, want %s", got, want)
				}
				return
			}
			if l.HasErrors() || len(tasks) != 1 {
				t.Fatalf("got %d tasks, errors %s", len(tasks), got)
			}
			if tk := tasks[0]; tk.Lead != tc.lead || tk.LeadSource != tc.want || tk.ProgressSource != tc.progress {
				t.Errorf("got lead %q %+v progress %q, want %q %+v %q", tk.Lead, tk.LeadSource, tk.ProgressSource, tc.lead, tc.want, tc.progress)
			}
		})
	}
}

func TestInferredWithoutReasonColumnPointsAtTheSource(t *testing.T) {
	_, l := parseProvTasks(t, "ma,nhiem_vu,don_vi_chu_tri,thoi_han,trang_thai,nguon_chu_tri\n1.1,A,cong-an-huyen,Hoàn thành trong Quý II/2023,đang thực hiện,suy-luan\n")
	if want := "data/tasks.csv:2:65: đơn vị chủ trì là suy luận"; !strings.Contains(l.Format(diag.VI), want) {
		t.Errorf("got %s, want %s", l.Format(diag.VI), want)
	}
}

func TestUnitGroups(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown member", `[[group]]
id = "g"
name = "G"
units = ["cong-an-huyen", "xa-ab"]`, `data/units.toml:14:1: nhóm "g": không có đơn vị "xa-ab"`},
		{"one member", `[[group]]
id = "g"
name = "G"
units = ["xa-an"]`, `data/units.toml:11:1: nhóm "g" cần ít nhất hai đơn vị`},
		{"id of a unit", `[[group]]
id = "xa-an"
name = "G"
units = ["xa-an", "cong-an-huyen"]`, `data/units.toml:12:1: mã nhóm "xa-an" đã dùng cho một đơn vị hoặc nhóm khác`},
	}
	base := strings.SplitN(provUnits, "[[group]]", 2)[0]
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := &diag.List{}
			us := ParseUnits(UnitsFile, []byte(strings.TrimPrefix(base, "\n")+tc.src), l)
			if got := l.Format(diag.VI); !strings.Contains(got, tc.want) {
				t.Errorf("got %s, want %s", got, tc.want)
			}
			if len(us.Groups) != 0 {
				t.Errorf("a group with a problem is kept: %+v", us.Groups)
			}
		})
	}
	l := &diag.List{}
	us := ParseUnits(UnitsFile, []byte(provUnits), l)
	if !us.Leads("cac-don-vi", "xa-an") || !us.Leads("xa-an", "xa-an") || us.Leads("cong-an-huyen", "xa-an") {
		t.Errorf("Leads: a group leads for its members, a unit for itself")
	}
}
