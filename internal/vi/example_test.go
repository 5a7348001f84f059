package vi_test

import (
	"fmt"
	"time"

	"github.com/tiendo/tiendo/internal/vi"
)

func ExampleSlug() {
	fmt.Println(vi.Slug("Đăng ký khai sinh"))
	fmt.Println(vi.Slug("Bước 2: Nhập mã OTP"))
	fmt.Println(vi.Slug("Quý I/2023"))
	// Output:
	// dang-ky-khai-sinh
	// buoc-2-nhap-ma-otp
	// quy-i-2023
}

func ExampleFold() {
	fmt.Println(vi.Fold("Phòng Tư pháp, UBND xã Thạch Kim"))
	fmt.Println(vi.Fold("Đà Nẵng") == vi.Fold("da nang"))
	// Output:
	// phong tu phap, ubnd xa thach kim
	// true
}

func ExampleFoldKey() {
	for _, h := range []string{"Giá trị", "gia_tri", "GIA TRI"} {
		fmt.Println(vi.FoldKey(h))
	}
	// Output:
	// giatri
	// giatri
	// giatri
}

func ExampleNormalizeTone() {
	fmt.Println(vi.NormalizeTone("Khánh Hoà"), vi.NormalizeTone("thuỷ lợi"), vi.NormalizeTone("khoẻ"))
	fmt.Println(vi.NormalizeTone("hoà") == vi.NormalizeTone("hòa"))
	// Output:
	// Khánh Hòa thủy lợi khỏe
	// true
}

func ExampleLocale() {
	at := time.Date(2023, time.June, 30, 9, 0, 0, 0, time.UTC)
	for _, lang := range []string{"vi", "en"} {
		l := vi.LocaleFor(lang)
		fmt.Println(l.Int(50000), l.Float(1234.5, 1), l.Percent(94, 1))
		fmt.Println(l.Date(at), "|", l.DateTime(at))
		fmt.Println(l.MonthYear(2023, 6), "|", l.Quarter(2023, 2))
	}
	// Output:
	// 50.000 1.234,5 94,0%
	// 30/06/2023 | 09:00 30/06/2023
	// tháng 6/2023 | Quý II/2023
	// 50,000 1,234.5 94.0%
	// 30 Jun 2023 | 30 Jun 2023 09:00
	// June 2023 | Q2 2023
}

func ExampleLocale_Float() {
	vn := vi.LocaleFor("vi")
	fmt.Println(vn.Float(2.675, 2), vn.Float(-0.04, 1), vn.Float(999.96, 1))
	// Output:
	// 2,68 0,0 1.000,0
}

func ExampleSortStrings() {
	names := []string{"Ích Hậu", "Đà Nẵng", "ăn", "Dương", "Hồng Lộc", "anh"}
	vi.SortStrings(names)
	fmt.Println(names)
	// Output:
	// [anh ăn Dương Đà Nẵng Hồng Lộc Ích Hậu]
}

func ExampleClosest() {
	units := []string{"Thạch Kim", "Hồng Lộc", "Hồng Lĩnh", "Phòng Tư pháp"}
	fmt.Println(vi.Closest("Hong Loc", units, 3))
	fmt.Println(vi.Closest("Phong Tu phap", units, 3))
	// Output:
	// [Hồng Lộc]
	// [Phòng Tư pháp]
}

func ExampleParseNumber() {
	for _, s := range []string{"1.234,5", "50.000", "94,5 %", "12.5", "1,23,4"} {
		v, ok := vi.ParseNumber(s, true)
		fmt.Println(s, "→", v, ok)
	}
	// Output:
	// 1.234,5 → 1234.5 true
	// 50.000 → 50000 true
	// 94,5 % → 94.5 true
	// 12.5 → 0 false
	// 1,23,4 → 0 false
}
