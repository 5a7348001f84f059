// Package report sums the weekly reports on the essential public services
// and tells which reports are missing — the compute stage for
// data/reports/. It is pure: package data reads and checks the files and
// hands rows here; nothing in this package opens a file or reads the
// clock.
//
// # The weekly report
//
// The plan (mục III.2) asks the eight units that provide the 25 essential
// services to report every week, “trước 09h ngày Thứ 3 hàng tuần”, per
// service: dossiers received, resolved, in progress and returned; how many
// were late and why; how many were not accepted and why; how many were
// returned for supplements and why. Each unit keeps one file,
// data/reports/<unit id>.csv, and appends a week's rows:
//
//	tuan,dich_vu,tiep_nhan_truc_tuyen,tiep_nhan_truc_tiep,ky_truoc_chuyen_sang,
//	  giai_quyet_truoc_han,giai_quyet_dung_han,giai_quyet_qua_han,
//	  dang_giai_quyet_trong_han,dang_giai_quyet_qua_han,da_tra_ket_qua,
//	  khong_tiep_nhan,tra_lai_bo_sung,ly_do_qua_han,ly_do_khong_tiep_nhan,ly_do_tra_lai,ngay_gui
//	2023-W13,dang-ky-khai-sinh,9,12,3,
//	  10,9,1,
//	  4,0,19,
//	  1,2,Hồ sơ cần xác minh thêm,Sai mẫu tờ khai,Thiếu giấy tờ chứng minh,2023-04-04 08:30
//
// (one line each in the file). [Columns] lists the columns, with the
// Vietnamese names also accepted ("Tiếp nhận trực tuyến"), and [Counts]
// says what each count means. The row balances: 10 + 9 + 1 resolved and
// 4 + 0 in progress are the 9 + 12 received and 3 carried over.
//
// # Which week a report covers
//
// The report due on Tuesday of ISO week N covers ISO week N−1, Monday to
// Sunday: the one due on Tuesday 04/04/2023 at 09:00 (2023-W14) covers
// 27/03–02/04/2023 (2023-W13). The tuan column names the week covered,
// either as an ISO week ("2023-W13") or as the day its report was due
// ("04/04/2023"), which must then be the rule's weekday. [Rule] holds the
// deadline: its weekday and hour come from config.toml's
// [reports] weekly words through [plan.ParseDeadline] and [RuleOf]; a
// report sent at the deadline's minute is on time.
//
// # Sums and rates
//
// An [Aggregator] takes rows one at a time ([Aggregator.Add], or
// [Aggregator.AddRaw] from a reader of a large file, as package
// report/stream's) and sums their counts into views:
// the total, and groupings by week, unit, service and sector ([Dims]).
// Every rate is computed from the summed counts, never by averaging the
// rates of smaller groups (Quyết định 766/QĐ-TTg):
//
//   - online rate = received online ÷ received (online + in person);
//   - on-time rate = (resolved early + on time) ÷ resolved.
//
// [Ratio] keeps the numerator and the denominator. The online rate is
// compared with a target: 80% of the dossiers of Đề án 06's essential
// services, 60% of the others' ([Targets]). A group mixing both has the
// targets weighted by the dossiers each service received.
//
// Reasons are grouped after normalising them — NFC, the tone of "oa",
// "oe", "uy" on one vowel, lower case, single spaces, no punctuation at
// either end — and shown in the spelling written on the most rows. Each reason is
// weighed by the dossiers it explains: a late reason by the row's late
// dossiers (resolved late + in progress overdue), a not-accepted reason by
// the dossiers not accepted, a supplement reason by those returned.
// Dossiers for which no reason was written are listed under the empty
// reason, so the reasons of a list always add up to its count.
//
// # Memory
//
// The aggregator keeps no row. It keeps one cell per distinct key of each
// view, so its memory is bounded by the counts of distinct weeks, units,
// services and sectors, whatever the number of rows. The default views
// suit a district (43 weeks × 8 units × 25 services); a national run
// (10,000 communes) keeps only views whose size does not grow with
// weeks × communes ([NationalViews]), and its memory stays flat from the
// first week on. scale.sh, beside this file, measures rows per second and
// peak memory on 1 and 13 million synthetic rows piped from
// cmd/gennational into cmd/aggregate.
//
// # Freshness
//
// [Check] tells, as of a moment, which week's report was last due, which
// units have not sent it, which sent it late, and each unit's record week
// by week. Only submissions made by that moment count, so a site built as
// of a past date shows what the working group knew then.
package report
