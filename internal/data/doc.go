// Package data turns the files staff keep under data/ into typed values —
// the load and validate stages for the units, the indicator registry and
// the indicators' figures. It does no I/O: the build stage reads the files
// and hands their bytes (or a *table.Table) here; every problem goes into a
// *diag.List at file:line:col, in Vietnamese and English, all of them at
// once.
//
// # data/units.toml
//
// One [[unit]] table per office, commune or town: id (a slug), name, short,
// kind ("huyen", "xa" or "thi-tran") and reports (true for the units that
// send the weekly report). [Units.Lookup] finds a unit however staff write
// it in a CSV cell: "xa-thach-kim", "Xã Thạch Kim", "Thạch Kim", "THACH KIM",
// "UBND xã Thạch Kim".
//
// [[group]] tables (id, name, units = [ids]) name the sets of units the
// plan gives work to together ("các phòng, ban, ngành, UBND các xã, thị
// trấn"). A lead may be a group's id: the work is each member's, listed and
// counted on each member's page ([Units.Leads]).
//
// # data/tasks.csv: where a lead comes from
//
// Optional columns say where a task's values come from (package
// provenance): nguon_chu_tri is "ke-hoach" (the plan names the lead;
// can_cu_chu_tri then quotes the plan), "suy-luan" (inferred;
// can_cu_chu_tri gives the reason) or "minh-hoa"; nguon_tien_do is
// "bao-cao" or "minh-hoa" for the status, completion date and result.
// Empty means the file does not say. Words are read with or without marks.
//
// # data/indicators.toml
//
// First the plan's task groups, then the indicators:
//
//	[[group]]
//	code = "3.4"
//	title = "Phát triển công dân số"
//
//	[[indicator]]
//	id = "tai-khoan-dinh-danh-dien-tu"      # slug, required
//	title = "Tài khoản định danh điện tử được cấp"   # required
//	titleEn = "Electronic ID accounts issued"
//	description = """Markdown…"""
//	unit = "tài khoản"                      # required unless a percentage ("%")
//	unitEn = "accounts"
//	measure = "cumulative"                  # count | cumulative | rate | percent
//	direction = "increase"                  # increase (default) | decrease
//	baseline = { period = "2022-12", value = 8500 }   # required
//	task = "3.4.1"                          # the plan task measured: lead and its source come from tasks.csv
//	lead = "cong-an-huyen"                  # a unit or group id; required without task, must match task's
//	leadSource = "suy-luan"                 # without task: ke-hoach | suy-luan | minh-hoa
//	leadBasis = "…"                         # the plan's words (ke-hoach) or the reason (suy-luan)
//	source = "…"                            # where the figures come from, required
//	frequency = "monthly"                   # daily | weekly | monthly | quarterly | half-yearly | yearly
//	file = "chi-tieu/tai-khoan-dinh-danh-dien-tu.csv"  # inside data/, required
//	dimension = "commune"                   # commune | unit | service | "" (none)
//	decimals = 0                            # default 0, 1 for percentages
//	decimalComma = false                    # optional: the CSV's number dialect
//	group = "3.4"                           # a [[group]] code
//	weight = 10                             # order on the site
//	illustrative = true                     # required: are the figures made up?
//
//	[[indicator.target]]
//	value = 50000
//	deadline = "2023-Q2"                    # a day ("2023-06-30") or a period, due at its end
//	label = "Hết Quý II/2023"
//
// A percentage cannot have a dimension: the communes' percentages do not add
// up to the district's. Such an indicator is a rate, whose CSV gives each
// commune's numerator and denominator.
//
// # Figures: data/chi-tieu/*.csv
//
// Long format, one row per period (and per commune, unit or service):
//
//	ky,xa,gia_tri,ghi_chu
//	2023-01,xa-thach-kim,1520,
//
// A rate has tu_so (numerator) and mau_so (denominator) instead of gia_tri.
// Headers match ignoring case and marks ("Kỳ;Xã;Giá trị" works), periods
// are anything [period.Parse] reads, and numbers follow the file's
// dialect (package table): decimalComma, else the number cells, else a
// ';' delimiter settle it, and while nothing does, a number whose value
// depends on it ("2.421", "1,234") is an error. Counts and running totals
// are whole numbers without '%'; numerators and denominators carry no '%'
// either.
package data
