package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// syllables are common Vietnamese syllables of administrative text, with
// their marks, for synthetic pages.
var syllables = strings.Fields(`
	người dân đăng ký tài khoản định danh điện tử cấp xã huyện tỉnh công an
	hồ sơ thủ tục hành chính dịch vụ công trực tuyến toàn trình một phần
	kế hoạch nhiệm vụ chỉ tiêu tiến độ hoàn thành quá hạn đúng hạn báo cáo
	tuần tháng quý năm dữ liệu dân cư căn cước thẻ số hóa chuyển đổi thanh
	toán không tiền mặt bảo hiểm xã hội y tế giáo dục khai sinh khai tử
	thường trú tạm trú kết hôn chứng thực bản sao giấy phép lái xe đất đai
	xây dựng môi trường nông nghiệp phát triển kinh tế hỗ trợ hướng dẫn
	thực hiện triển khai phối hợp chủ trì đơn vị phòng ban ngành đoàn thể
	ủy ban nhân dân hòa giải thủy lợi khỏe mạnh quyết định văn bản đề án
	ứng dụng cài đặt kích hoạt mức độ xác thực sinh trắc học vân tay khuôn mặt
	điện thoại mã OTP mật khẩu đăng nhập cổng quốc gia bộ phận một cửa
	cán bộ công chức viên chức tập huấn tuyên truyền thôn tổ dân phố
	trường học bệnh viện trạm y tế chợ nông thôn mới đời sống an sinh
	`)

// syntheticDocs makes n pages of made-up Vietnamese: titles of 5–12
// syllables, 30 sections, 2–8 headings and 500–8000 bytes of body, from a
// fixed seed. Random syllables compress worse than real text, which
// repeats phrases, so the sizes measured on them are an upper estimate.
func syntheticDocs(n int) []Doc {
	r := rand.New(rand.NewPCG(6, 2023))
	phrase := func(min, max int) string {
		k := min + r.IntN(max-min+1)
		w := make([]string, k)
		for i := range w {
			w[i] = syllables[r.IntN(len(syllables))]
		}
		w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
		return strings.Join(w, " ")
	}
	sections := make([]string, 30)
	for i := range sections {
		sections[i] = phrase(2, 5)
	}
	docs := make([]Doc, n)
	for i := range docs {
		var body strings.Builder
		size := 500 + r.IntN(7500)
		for body.Len() < size {
			body.WriteString(phrase(6, 20))
			body.WriteString(". ")
		}
		d := Doc{
			Title:   phrase(5, 12),
			Section: sections[r.IntN(len(sections))],
			Path:    fmt.Sprintf("/trang/%d/", i),
			Text:    body.String(),
			Kind:    KindPage,
		}
		for range 2 + r.IntN(7) {
			d.Headings = append(d.Headings, phrase(2, 8))
		}
		docs[i] = d
	}
	return docs
}

// BenchmarkIndex reports the index's size, raw and gzipped, for the
// sample site and for synthetic sites of 300, 1,000 and 10,000 pages:
//
//	go test -run - -bench Index ./internal/search/
func BenchmarkIndex(b *testing.B) {
	b.Run("sample", func(b *testing.B) { benchmarkIndex(b, sampleDocs(b)) })
	for _, n := range []int{300, 1000, 10000} {
		docs := syntheticDocs(n)
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) { benchmarkIndex(b, docs) })
	}
}

func benchmarkIndex(b *testing.B, docs []Doc) {
	var out []byte
	for b.Loop() {
		var err error
		if out, err = Index(docs, "vi"); err != nil {
			b.Fatal(err)
		}
	}
	gz := gzipSize(b, out)
	b.ReportMetric(float64(len(out)), "raw-bytes")
	b.ReportMetric(float64(gz), "gzip-bytes")
	b.ReportMetric(float64(gz)/float64(len(docs)), "gzip-bytes/doc")
}

// BenchmarkClientIndexSample is the browser's work on load, building the
// MiniSearch index of the sample site, here in goja. goja interprets;
// V8 is one to two orders of magnitude faster (see the package doc).
func BenchmarkClientIndexSample(b *testing.B) {
	js := newJS(b)
	payload, err := Index(sampleDocs(b), "vi")
	if err != nil {
		b.Fatal(err)
	}
	api := js.vm.Get("tiendoSearch").ToObject(js.vm)
	create, _ := goja.AssertFunction(api.Get("createIndex"))
	parse, _ := goja.AssertFunction(js.vm.Get("JSON").ToObject(js.vm).Get("parse"))
	text := js.vm.ToValue(string(payload))
	for b.Loop() {
		p, err := parse(goja.Undefined(), text)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := create(goja.Undefined(), js.vm.Get("MiniSearch"), p, js.vm.ToValue("sync")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClientSearchSample is one search of the sample site in goja.
func BenchmarkClientSearchSample(b *testing.B) {
	js, ix := sampleIndex(b)
	for b.Loop() {
		js.search(ix, "dang ky tai khoan dinh danh")
	}
}
