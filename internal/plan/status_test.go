package plan

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/vi"
)

func mustDeadline(tb testing.TB, words string) Deadline {
	tb.Helper()
	d, err := ParseDeadline(words, testCtx)
	if err != nil {
		tb.Fatalf("ParseDeadline(%q): %v", words, err)
	}
	return d
}

func ymd(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

type statusCase struct {
	name      string
	words     string
	progress  Progress
	completed time.Time
	due       time.Time
	soon      int
	want      StatusCode
}

func runStatus(t *testing.T, now time.Time, tests []statusCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := TaskState{Deadline: mustDeadline(t, tt.words), Due: tt.due, Progress: tt.progress, Completed: tt.completed}
			if got := Status(ts, now, tt.soon); got != tt.want {
				t.Errorf("Status(%q, %v) = %v, want %v", tt.words, tt.progress, got, tt.want)
			}
		})
	}
}

// Hand-checked at 15/05/2023, 10:00 in Vietnam, a Monday.
func TestStatusMay(t *testing.T) {
	now := time.Date(2023, 5, 15, 10, 0, 0, 0, Location())
	const q1, q2 = "Hoàn thành trong Quý I/2023", "Hoàn thành trong Quý II/2023"
	const q1On = "Hoàn thành trong Quý I/2023 và thực hiện thường xuyên"
	const cond = "Thực hiện khi Bộ Công an triển khai phần mềm quản lý lưu trú cho các cơ sở"
	runStatus(t, now, []statusCase{
		{"done before due", q1, Completed, ymd(2023, 3, 20), time.Time{}, 7, DoneOnTime},
		{"done on the due day", q1, Completed, ymd(2023, 3, 31), time.Time{}, 7, DoneOnTime},
		{"done after due", q1, Completed, ymd(2023, 4, 2), time.Time{}, 7, DoneLate},
		{"done, no date, due past", q1, Completed, time.Time{}, time.Time{}, 7, Done},
		{"done, no date, due ahead", q2, Completed, time.Time{}, time.Time{}, 7, DoneOnTime},
		{"under way past due", q1, Underway, time.Time{}, time.Time{}, 7, Overdue},
		{"pending past due", q1, Pending, time.Time{}, time.Time{}, 7, Overdue},
		{"due in 46 days", q2, Underway, time.Time{}, time.Time{}, 7, InProgress},
		{"due in 16 days, soon 16", "trong tháng 5/2023", Underway, time.Time{}, time.Time{}, 16, DueSoon},
		{"due in 16 days, soon 15", "trong tháng 5/2023", Underway, time.Time{}, time.Time{}, 15, InProgress},
		{"due in 5 days", "trước ngày 20/05/2023", Pending, time.Time{}, time.Time{}, 7, DueSoon},
		{"due today", "trước ngày 15/05/2023", Underway, time.Time{}, time.Time{}, 0, DueSoon},
		{"due today, soon off", "trước ngày 15/05/2023", Underway, time.Time{}, time.Time{}, -1, InProgress},
		{"due today at 17h", "trước 17h ngày 15/05/2023", Underway, time.Time{}, time.Time{}, 7, DueSoon},
		{"due today at 9h", "trước 09h ngày 15/05/2023", Underway, time.Time{}, time.Time{}, 7, Overdue},
		{"regularly", "Thực hiện thường xuyên", Underway, time.Time{}, time.Time{}, 7, Ongoing},
		{"from march", "Thực hiện từ tháng 3/2023", Pending, time.Time{}, time.Time{}, 7, Ongoing},
		{"from july", "Thực hiện từ tháng 7/2023", Pending, time.Time{}, time.Time{}, 7, NotStarted},
		{"weekly report", "trước 09h ngày Thứ 3 hàng tuần", Underway, time.Time{}, time.Time{}, 7, Ongoing},
		{"conditional", cond, Pending, time.Time{}, time.Time{}, 7, Conditional},
		{"conditional done", cond, Completed, time.Time{}, time.Time{}, 7, DoneOnTime},
		{"first part late", q1On, Underway, time.Time{}, time.Time{}, 7, Overdue},
		{"first part done", q1On, Completed, ymd(2023, 3, 28), time.Time{}, 7, DoneOnTime},
		{"explicit due for regular work", "Thực hiện thường xuyên", Pending, time.Time{}, ymd(2023, 5, 20), 7, DueSoon},
		{"explicit due extends", q1, Underway, time.Time{}, ymd(2023, 6, 30), 7, InProgress},
		{"explicit due, date only", q2, Underway, time.Time{}, time.Date(2023, 5, 14, 23, 0, 0, 0, time.UTC), 7, Overdue},
		{"set elsewhere", "Thời gian thực hiện theo chỉ tiêu đã đăng ký của các đơn vị, địa phương", Underway, time.Time{}, time.Time{}, 7, InProgress},
		{"no deadline", "", Pending, time.Time{}, time.Time{}, 7, InProgress},
		{"at once, not done", "Thực hiện ngay", Pending, time.Time{}, time.Time{}, 7, Overdue},
		{"at once, done that day", "Thực hiện ngay", Completed, ymd(2023, 3, 21), time.Time{}, 7, DoneOnTime},
		{"at once, done next day", "Thực hiện ngay", Completed, ymd(2023, 3, 22), time.Time{}, 7, DoneLate},
		{"two steps", "ban hành Kế hoạch trong tháng 3 năm 2023. Tổ chức kiểm tra thực hiện xong trước ngày 30/04/2023", Underway, time.Time{}, time.Time{}, 7, Overdue},
	})
}

// Hand-checked at 31/12/2023, 12:00 in Vietnam.
func TestStatusDecember(t *testing.T) {
	now := time.Date(2023, 12, 31, 12, 0, 0, 0, Location())
	runStatus(t, now, []statusCase{
		{"Q2 not done", "Hoàn thành trong Quý II/2023", Underway, time.Time{}, time.Time{}, 7, Overdue},
		{"Q3 done late", "Hoàn thành trong Quý III/2023", Completed, ymd(2023, 10, 2), time.Time{}, 7, DoneLate},
		{"Q4 done on the last day", "trong Quý IV/2023", Completed, ymd(2023, 12, 31), time.Time{}, 7, DoneOnTime},
		{"Q4 done, no date yet", "trong Quý IV/2023", Completed, time.Time{}, time.Time{}, 7, DoneOnTime},
		{"yearly reports", "trước ngày 14/06 và 14/12 hàng năm.", Underway, time.Time{}, time.Time{}, 7, Ongoing},
		{"due today", "trong năm 2023", Underway, time.Time{}, time.Time{}, 7, DueSoon},
		{"due today, soon off", "trong năm 2023", Pending, time.Time{}, time.Time{}, -1, InProgress},
		{"before 31/12", "trước ngày 31/12/2023", Underway, time.Time{}, time.Time{}, 0, DueSoon},
		{"started in July", "Thực hiện từ tháng 7/2023", Pending, time.Time{}, time.Time{}, 7, Ongoing},
		{"next year", "6 tháng đầu năm 2024", Pending, time.Time{}, time.Time{}, 7, InProgress},
		{"starts next year", "Thực hiện từ Quý I/2024", Pending, time.Time{}, time.Time{}, 7, NotStarted},
		{"still waiting", "Thực hiện khi Bộ Công an triển khai phần mềm quản lý lưu trú cho các cơ sở", Pending, time.Time{}, time.Time{}, 7, Conditional},
		{"accounts by Q2 then regularly", "đến hết Quý II/2023 phải cấp 50.000 tài khoản, sau đó thực hiện thường xuyên", Completed, ymd(2023, 6, 27), time.Time{}, 7, DoneOnTime},
	})
}

func TestStatusCodes(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Statuses() {
		slug := s.Slug()
		if slug == "" || seen[slug] || slug != vi.Slug(slug) {
			t.Errorf("%d: bad or repeated slug %q", s, slug)
		}
		seen[slug] = true
		if l := s.Label(); l.Vi == "" || l.En == "" || l.Vi == l.En {
			t.Errorf("%v: label %+v", s, l)
		}
	}
	if len(seen) != len(statuses) {
		t.Errorf("Statuses() lists %d of %d", len(seen), len(statuses))
	}
	b, err := json.Marshal(map[string]StatusCode{"status": DueSoon})
	if err != nil || string(b) != `{"status":"sap-den-han"}` {
		t.Errorf("json = %s, %v", b, err)
	}
	if _, err := StatusCode(42).MarshalText(); err == nil {
		t.Error("MarshalText of an invalid status: no error")
	}
	if StatusCode(42).Slug() != "" || StatusCode(42).String() != "StatusCode(42)" {
		t.Error("invalid status has a name")
	}
}

func TestParseProgress(t *testing.T) {
	tests := []struct {
		in   string
		want Progress
		ok   bool
	}{
		{"chưa thực hiện", Pending, true},
		{"", Pending, true},
		{"Đang thực hiện", Underway, true},
		{"  dang  thuc hien ", Underway, true},
		{"hoàn thành", Completed, true},
		{"Đã hoàn thành", Completed, true},
		{"HOÀN THÀNH", Completed, true},
		{"xong", Pending, false},
	}
	for _, tt := range tests {
		got, err := ParseProgress(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseProgress(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	for p := Pending; p <= Completed; p++ {
		if back, err := ParseProgress(p.Label().Vi); err != nil || back != p {
			t.Errorf("round trip of %v: %v, %v", p, back, err)
		}
	}
}
