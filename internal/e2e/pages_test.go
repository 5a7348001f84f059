package e2e

// pageCase is one address that TestBrowser opens and TestLinks starts from.
type pageCase struct {
	// Path is relative to the site's base path, with a trailing slash.
	Path string
	// Status is the HTTP status the address must answer: 200, or 404 for a
	// missing address that shows 404.html.
	Status int
	// Optional pages are skipped while the sample site lacks them, so that a
	// page can be listed before the feature that makes it exists.
	Optional bool
}

// pages are one of each kind of page, plus the 404 page at two depths (a
// static host serves 404.html at whatever address was asked for). Append a
// path when a new kind of page arrives: KPI pages under /chi-tieu/…, tasks
// under /nhiem-vu/, ….
var pages = []pageCase{
	{Path: "/", Status: 200},                                      // home
	{Path: "/huong-dan/", Status: 200},                            // section
	{Path: "/huong-dan/vneid/kich-hoat/", Status: 200},            // guidance page
	{Path: "/huong-dan/vneid/", Status: 200},                      // guidance section that declares a journey
	{Path: "/huong-dan/vneid/thong-bao-luu-tru/", Status: 200},    // guidance page with six pictures of the screen
	{Path: "/huong-dan/vneid/dang-ky-muc-do-2/", Status: 200},     // guidance page without a step on a phone
	{Path: "/ke-hoach/phan-cong/", Status: 200},                   // plan page with wide tables
	{Path: "/tin-tuc/", Status: 200},                              // news list
	{Path: "/chi-tieu/", Status: 200},                             // KPI cards by plan group
	{Path: "/chi-tieu/ho-so-truc-tuyen/", Status: 200},            // one KPI, with its chart
	{Path: "/chi-tieu/tai-khoan-dinh-danh-dien-tu/", Status: 200}, // a KPI that counts, with a unit on its axes
	{Path: "/chi-tieu/ho-so-truc-tuyen/nhung/", Status: 200},      // the KPI's embeddable card
	{Path: "/chi-tieu/phuong-phap/", Status: 200},                 // how KPIs are computed
	{Path: "/nhiem-vu/", Status: 200},                             // task tracker
	{Path: "/nhiem-vu/qua-han/", Status: 200},                     // tasks filtered by status
	{Path: "/chi-tieu/don-vi-cong-an-huyen/", Status: 200},        // KPIs filtered by unit
	{Path: "/don-vi/cong-an-huyen/", Status: 200},                 // one unit's tasks
	{Path: "/du-lieu/", Status: 200},                              // open data
	{Path: "/tim-kiem/", Status: 200},                             // search
	{Path: "/bao-cao/", Status: 200},                              // weekly reports
	{Path: "/bao-cao/2023-w25/", Status: 200},                     // one week's report
	{Path: "/dich-vu/cap-lai-doi-the-cccd/", Status: 200},         // one service
	{Path: "/don-vi/", Status: 200},                               // all units
	{Path: "/don-vi/xa-thach-kim/", Status: 200},                  // a commune's scorecard
	{Path: "/don-vi/xa-thach-kim/ap-phich/", Status: 200},         // its notice-board poster
	{Path: "/don-vi/xep-theo-ten/", Status: 200},                  // the communes compared, by name
	{Path: "/cap-nhat/", Status: 200},                             // what changed, publication by publication
	{Path: "/khong-co-trang-nay/", Status: 404},                   // 404.html one level down
	{Path: "/huong-dan/khong-co-trang-nay/", Status: 404},         // 404.html two levels down
}
