package build

import (
	"strings"
	"testing"
)

// TestValueShortcode: {{< value "id" ["period"] >}} writes an indicator's
// figure, with its unit, inside a sentence — the number its page shows,
// linked to it — so that a news post cannot disagree with the data.
func TestValueShortcode(t *testing.T) {
	post := "-- content/tin.md --\n+++\ntitle = \"Tin\"\n+++\nĐến tháng 6 có {{< value \"tai-khoan\" >}}, tháng 5 có {{< value \"tai-khoan\" \"2023-05\" >}}; tỷ lệ {{< value \"ty-le\" \"Tháng 6/2023\" >}}.\n"
	s := buildTxtar(t, kpiSite+post, Options{Now: "2023-06-30"}).ok()
	s.contains("tin/index.html",
		`<p>Đến tháng 6 có <a class="kpi-figure" href="/chi-tieu/tai-khoan/" title="Tài khoản">1.250 tài khoản</a>, tháng 5 có <a class="kpi-figure" href="/chi-tieu/tai-khoan/" title="Tài khoản">400 tài khoản</a>; tỷ lệ <a class="kpi-figure" href="/chi-tieu/ty-le/" title="Tỷ lệ hồ sơ trực tuyến">90,0%</a>.</p>`)

	for _, tc := range []struct{ name, code, want string }{
		{"a period without a figure", `{{< value "tai-khoan" "2023-04" >}}`, `content/tin.md:4:4: chỉ tiêu "tai-khoan" không có số liệu cho kỳ 2023-04`},
		{"an unknown indicator", `{{< value "tai-khoang" >}}`, `content/tin.md:4:4: không có chỉ tiêu "tai-khoang"`},
		{"a period unreadable", `{{< value "tai-khoan" "tháng năm" >}}`, `content/tin.md:4:4: kỳ "tháng năm" không đọc được`},
		{"a block shortcode in a sentence", `{{< kpi "tai-khoan" >}}`, `content/tin.md:4:4: shortcode kpi phải đứng riêng một dòng`},
		{"a ref to no page", `{{< ref "/a.md" >}}`, `content/tin.md:4:4: ref tới trang không tồn tại: /a.md`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			buildTxtar(t, kpiSite+"-- content/tin.md --\n+++\ntitle = \"Tin\"\n+++\nCó "+tc.code+" nay.\n", Options{Now: "2023-06-30"}).failsWith(tc.want)
		})
	}
	// A shortcode written for documentation, {{</* … */>}}, shows as Hugo
	// shows it, {{< … >}}, in code and in text.
	doc := "-- content/tin.md --\n+++\ntitle = \"Tin\"\n+++\nViết `{{</* value \"id\" */>}}` hoặc {{</* value \"id\" */>}}.\n"
	if got := buildTxtar(t, kpiSite+doc, Options{Now: "2023-06-30"}).ok().file("tin/index.html"); !strings.Contains(got, "<code>{{&lt; value &quot;id&quot; &gt;}}</code> hoặc {{&lt; value &quot;id&quot; &gt;}}.") {
		t.Errorf("code span: %s", got)
	}
}
