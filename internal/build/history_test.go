package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/tiendo/tiendo/internal/output"
)

// historyTasks is kpiSite's task list, with one task to move.
const historyTasks = `ma,nhiem_vu,don_vi_chu_tri,thoi_han,trang_thai,ngay_hoan_thanh
1.1,Cấp tài khoản định danh điện tử,cong-an-huyen,Hoàn thành trong tháng 6/2023,đang thực hiện,
`

// gitSite writes kpiSite (and historyTasks) into a new git repository and
// commits it, then applies each step and commits it with its message, on
// the day given; the files of a step replace or add files.
func gitSite(t *testing.T, steps []gitStep) string {
	t.Helper()
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	files := parseTxtar(kpiSite)
	files["data/tasks.csv"] = []byte(historyTasks)
	for i, st := range steps {
		if i == 0 {
			for k, v := range st.files {
				files[k] = v
			}
			st.files = files
		}
		for name, b := range st.files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := wt.AddGlob("."); err != nil {
			t.Fatal(err)
		}
		sig := &object.Signature{Name: "Tổ công tác", Email: "to-cong-tac@example.gov.vn", When: st.when}
		if _, err := wt.Commit(st.msg, &git.CommitOptions{Author: sig, Committer: sig}); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type gitStep struct {
	when  time.Time
	msg   string
	files map[string][]byte
}

func day(y int, m time.Month, d, h int) time.Time {
	return time.Date(y, m, d, h, 0, 0, 0, time.FixedZone("ICT", 7*3600))
}

// TestRevisionHistory is the test: data committed, a published
// figure changed with a message, a target's deadline and a task's
// deadline moved; the indicator page, /nhiem-vu/, the JSON downloads and
// /cap-nhat/ show each revision with its message.
func TestRevisionHistory(t *testing.T) {
	t.Parallel()
	dir := gitSite(t, []gitStep{
		{when: day(2023, 6, 5, 9), msg: "Số liệu tháng 5/2023", files: map[string][]byte{}},
		{when: day(2023, 6, 12, 15), msg: "đối chiếu lại với CSDL dân cư", files: map[string][]byte{
			"data/chi-tieu/tai-khoan.csv": []byte("ky;gia_tri\n2023-05;398\n2023-06;1.250\n"),
		}},
		{when: day(2023, 7, 3, 10), msg: "Dời hạn theo văn bản của UBND huyện", files: map[string][]byte{
			"data/indicators.toml": []byte(strings.NewReplacer(
				"value = 1000\ndeadline = \"2023-12-31\"", "value = 1500\ndeadline = \"2024-06-30\"",
				"value = 80\ndeadline = \"2023-06-30\"", "value = 80\ndeadline = \"2023-09-30\"").
				Replace(string(parseTxtar(kpiSite)["data/indicators.toml"]))),
			"data/tasks.csv": []byte(strings.Replace(historyTasks, "Hoàn thành trong tháng 6/2023", "Hoàn thành trong tháng 9/2023", 1)),
		}},
	})
	res := Run(Options{Source: dir, Sink: output.NewMem(), Now: "2023-07-15", History: true, BaseURL: "https://example.gov.vn/",
		Charts: sharedCharts(t)})
	if !res.OK() {
		t.Fatalf("build failed:\n%s", res.Diags.Format("vi"))
	}
	s := &siteTest{tb: t, res: res}
	s.contains("chi-tieu/tai-khoan/index.html", `<h2 id="lich-su-sua-doi">Lịch sử sửa đổi</h2>`,
		`Tháng 5/2023: 400 → 398, sửa ngày <time datetime="2023-06-12">12/06/2023</time> — “đối chiếu lại với CSDL dân cư”`,
		`Thời hạn mục tiêu (1.500): 31/12/2023 → 30/06/2024, sửa ngày <time datetime="2023-07-03">03/07/2023</time> — “Dời hạn theo văn bản của UBND huyện”`,
		`Mục tiêu 30/06/2024: 1.000 → 1.500, sửa ngày`,
		// Moving the goalposts shows: judged against the original target,
		// 1.250 of 1.000 is achieved; against the new one it is not yet.
		`Mục tiêu đã được sửa sau khi công bố. Theo mục tiêu ban đầu (1.000 tài khoản đến ngày 31/12/2023), tình trạng sẽ là: <span class="badge status-da-dat"><span aria-hidden="true">✓</span> đã đạt</span>.`,
		"Lịch sử sửa đổi lấy từ kho git của trang, từ ngày 05/06/2023.")
	// The chart draws the original target beside the new one; a target
	// whose deadline alone moved says both days.
	s.contains("chi-tieu/tai-khoan/index.html", "Mục tiêu ban đầu 1.000 (31/12/2023)")
	s.contains("chi-tieu/ty-le/index.html", "(30/09/2023) – hạn ban đầu 30/06/2023")
	// In the table of figures, May is marked as revised, June is not.
	s.contains("chi-tieu/tai-khoan/index.html", `<th scope="row">Tháng 5/2023</th><td class="num">398 <a class="revised" href="#lich-su-sua-doi">(đã sửa)</a></td>`,
		`<th scope="row">Tháng 6/2023</th><td class="num">1.250</td>`)
	// The other indicator's figures were never revised, its deadline was.
	s.contains("chi-tieu/ty-le/index.html", "Thời hạn mục tiêu (80,0%): 30/06/2023 → 30/09/2023")
	s.contains("nhiem-vu/index.html", `<summary>Lịch sử sửa đổi (1)</summary>`,
		`Thời hạn: “Hoàn thành trong tháng 6/2023” → “Hoàn thành trong tháng 9/2023” (Hạn: 30/06/2023 → 30/09/2023), sửa ngày <time datetime="2023-07-03">03/07/2023</time> — “Dời hạn theo văn bản của UBND huyện”`)

	var ind struct {
		Revisions []struct{ Ngay, Loai, Noi_dung, Ly_do, Commit string } `json:"lich_su_sua_doi"`
	}
	if err := json.Unmarshal([]byte(s.file("chi-tieu/tai-khoan/tai-khoan.json")), &ind); err != nil {
		t.Fatal(err)
	}
	if len(ind.Revisions) != 3 || ind.Revisions[2].Ngay != "2023-06-12" || ind.Revisions[2].Loai != "sua-so-lieu" ||
		ind.Revisions[2].Noi_dung != "Tháng 5/2023: 400 → 398" || ind.Revisions[2].Ly_do != "đối chiếu lại với CSDL dân cư" {
		t.Errorf("tai-khoan.json revisions: %+v", ind.Revisions)
	}
	var tasks struct {
		Revisions map[string][]struct{ Loai, Ly_do string } `json:"lich_su_sua_doi"`
	}
	if err := json.Unmarshal([]byte(s.file("nhiem-vu/nhiem-vu.json")), &tasks); err != nil {
		t.Fatal(err)
	}
	if r := tasks.Revisions["1.1"]; len(r) != 1 || r[0].Loai != "thoi-han" || r[0].Ly_do != "Dời hạn theo văn bản của UBND huyện" {
		t.Errorf("nhiem-vu.json revisions: %+v", tasks.Revisions)
	}

	// /cap-nhat/: one entry per commit, newest first, and its feed.
	page := s.file("cap-nhat/index.html")
	newest := strings.Index(page, "“Dời hạn theo văn bản của UBND huyện”")
	middle := strings.Index(page, "“đối chiếu lại với CSDL dân cư”")
	oldest := strings.Index(page, "“Số liệu tháng 5/2023”")
	if newest < 0 || middle < newest || oldest < middle {
		t.Errorf("/cap-nhat/ lacks an entry or is not newest first (%d, %d, %d)", newest, middle, oldest)
	}
	s.contains("cap-nhat/index.html", `<a href="/chi-tieu/tai-khoan/">Tài khoản</a>: Tháng 5/2023: 400 → 398`,
		`<a href="/chi-tieu/tai-khoan/">Tài khoản</a>: 2 số liệu mới`, `<a href="/nhiem-vu/#nv-1-1">Nhiệm vụ 1.1</a>: nhiệm vụ mới`)
	f := checkAtom(t, "cap-nhat/atom.xml", []byte(s.file("cap-nhat/atom.xml")))
	if len(f.Entries) != 3 || !strings.Contains(f.Entries[0].Title, "Dời hạn theo văn bản của UBND huyện") || f.Entries[0].Updated != "2023-07-03T10:00:00+07:00" {
		t.Errorf("cap-nhat/atom.xml: %+v", f.Entries)
	}

	// The indicator's feed: the revision at its commit with its reason,
	// and each figure dated at the commit that first published it; the
	// unit's feed: the task's deadline moved.
	feed := checkAtom(t, "chi-tieu/tai-khoan/atom.xml", []byte(s.file("chi-tieu/tai-khoan/atom.xml")))
	var revised, may bool
	for _, e := range feed.Entries {
		if e.Title == "Sửa sau khi công bố: Tháng 5/2023: 400 → 398" && e.Updated == "2023-06-12T15:00:00+07:00" &&
			e.Summary == "Lý do ghi khi sửa: “đối chiếu lại với CSDL dân cư”" {
			revised = true
		}
		if strings.HasPrefix(e.Title, "Số liệu tháng 5/2023: ") && e.Updated == "2023-06-05T09:00:00+07:00" && e.Summary == "Công bố ngày 05/06/2023." {
			may = true
		}
	}
	if !revised || !may {
		t.Errorf("chi-tieu/tai-khoan/atom.xml: revision %v, May figure at its commit %v: %+v", revised, may, feed.Entries)
	}
	unit := checkAtom(t, "don-vi/cong-an-huyen/atom.xml", []byte(s.file("don-vi/cong-an-huyen/atom.xml")))
	if len(unit.Entries) == 0 || !strings.HasPrefix(unit.Entries[0].Title, "Nhiệm vụ 1.1 – Thời hạn: “Hoàn thành trong tháng 6/2023” → “Hoàn thành trong tháng 9/2023”") {
		t.Errorf("don-vi/cong-an-huyen/atom.xml: %+v", unit.Entries)
	}

	// The calendar: the task's event moved, numbered so that subscribers'
	// calendars replace their copy.
	ics := strings.ReplaceAll(s.file("nhiem-vu/lich.ics"), "\r\n ", "")
	if !strings.Contains(ics, "UID:nhiem-vu-1-1@example.gov.vn\r\nDTSTAMP:20230715T165959Z\r\nLAST-MODIFIED:20230703T030000Z\r\nSEQUENCE:1\r\nDTSTART;VALUE=DATE:20230930\r\n") {
		t.Errorf("nhiem-vu/lich.ics:\n%s", ics)
	}

	// Judged at a day before the last commit, the site shows what was
	// published by then.
	before := Run(Options{Source: dir, Sink: output.NewMem(), Now: "2023-06-30", History: true, Charts: sharedCharts(t)})
	b := &siteTest{tb: t, res: before}
	b.ok().notContains("cap-nhat/index.html", "Dời hạn")
	b.contains("chi-tieu/tai-khoan/index.html", "400 → 398")

	// The same commit gives the same output, byte for byte.
	again := Run(Options{Source: dir, Sink: output.NewMem(), Now: "2023-07-15", History: true, BaseURL: "https://example.gov.vn/",
		Charts: sharedCharts(t)})
	if len(again.Output.Files) != len(res.Output.Files) {
		t.Errorf("a second build wrote %d files, the first %d", len(again.Output.Files), len(res.Output.Files))
	}
	for name, b := range res.Output.Files {
		if string(again.Output.Files[name]) != string(b) {
			t.Errorf("%s differs between two builds of the same commit", name)
		}
	}

	// --no-history: as without git.
	without := Run(Options{Source: dir, Sink: output.NewMem(), Now: "2023-07-15", Charts: sharedCharts(t)})
	w := &siteTest{tb: t, res: without}
	w.ok().noFile("cap-nhat/index.html")
	w.notContains("chi-tieu/tai-khoan/index.html", "Lịch sử sửa đổi")
	w.notContains("chi-tieu/tai-khoan/tai-khoan.json", "lich_su_sua_doi")
}
