// Package plan reads the tasks of a plan and tells where each one stands. It
// belongs to the compute stage of the pipeline: it does no I/O, and other
// stages hand it words and dates they have loaded.
//
// # Deadlines
//
// A Vietnamese plan writes its deadlines in words: “Hoàn thành trong Quý
// I/2023”, “Thực hiện trước tháng 3/2023”, “trước 09h ngày Thứ 3 hàng tuần”.
// [ParseDeadline] turns such words into a [Deadline]: a due date, a start
// date, a recurrence, and any condition the plan waits for.
//
// The words are folded first (lower case, no diacritics, đ → d, see
// [vi.Fold]), so “Quý”, “quý”, “QUÝ”, “Quy” and a decomposed (NFD) “Quý” all
// read the same. The folded text is cut into words, numbers and compounds
// (“30/04/2023”, “ii/2023”, “09h”), and into clauses at “.” and “;”. Words
// in parentheses are an aside: the text around them reads as one clause,
// and the aside as clauses of its own. Each clause is read left to right.
// Words that say what is to be done (“Hoàn thành trang bị thiết bị”, “phải
// cấp 50.000 tài khoản”) are passed over; the words that say when are read
// by a small grammar:
//
//	when     = [prep] period | "thường xuyên" | "ngay"
//	         | ["ngay"] ["sau"] "khi" condition | "theo" reference
//	prep     = "trong" | "trước" | "chậm nhất" ["là"] ["vào"|"trước"|"trong"]
//	         | "đến" ["hết"|"trước"] | "cho đến" ["hết"] | "tới" | "vào"
//	         | ["bắt đầu"|"kể"] "từ" | "bắt đầu"
//	period   = "ngày" days [every] | "tháng" M[/YYYY] ["năm" YYYY]
//	         | "quý" Q[/YYYY] ["năm" YYYY] | "năm" YYYY
//	         | (N "tháng" | "nửa") ("đầu"|"cuối") "năm" [YYYY]
//	         | ("đầu"|"giữa"|"cuối") period | ("thượng"|"trung"|"hạ") "tuần" month
//	         | ("tuần" | N "ngày") ("đầu" ["tiên"] | "cuối" ["cùng"]) ["của"] period
//	         | D/M[/YYYY] | M/YYYY | YYYY (after a prep)
//	         | clock ["ngày"] (days | weekday) | ["ngày"] weekday "hàng tuần" | every
//	days     = day {("và"|",") ["ngày"] day}
//	day      = D/M[/YYYY] | D ["tháng" M ["năm" YYYY]]
//	every    = ("hàng"|"hằng") ("ngày"|"tuần"|"tháng"|"quý"|"năm")
//	clock    = 09h | 9h30 | 09:00 | 9 "giờ" [30 ["phút"]]
//	weekday  = "thứ" (2…7 | "hai"…"bảy") | "chủ nhật"
//
// Quarters are written in Roman (I–IV) or Arabic (1–4) numerals; days and
// months with one or two digits; years with four, between 1900 and 2200. A
// period without a year takes [Context.Year]. Every clause must say when (an
// aside need not), and every time word that starts a period must finish it:
// “Quý V/2023”, “tháng 13/2023”, “ngày 31/04/2023” and a clause such as
// “Hoàn thành trong Quí I/2023” are errors (*[ParseError]) that point at the
// words in question. A rule of recurrence and the “thứ” of a weekday also
// count as time words: “ngày 20 hàng quý” and “trước Thứ 3” are errors.
//
// Document references are passed over with their dates, so the 08/4/2022 of
// “Nghị quyết số 50/NQ-CP ngày 08/4/2022” is not read as a deadline: a word
// “số” followed by a number, or a compound such as 422/QĐ-TTg, and an
// optional “ngày D/M/YYYY” after it.
//
// # Reading deadlines as a careful reader does
//
// Periods end at the last moment of their last day, in Vietnam's time zone
// ([Location]): “trong Quý I/2023”, “đến hết Quý I/2023”, “chậm nhất Quý
// I/2023” and plain “Quý I/2023” are all due at the end of 31/03/2023.
//
// “Trước” before a day is the deadline that day: in Vietnamese
// administrative writing, “gửi trước ngày 30/04/2023” sets 30/04 as the last
// day to send, and offices treat a report received on the 30th as on time.
// Before a longer period “trước” means before that period starts: “trước
// tháng 3/2023” is due at the end of 28/02/2023, as no day of March is
// before March.
//
// “Từ” starts the work on the first day of its period; when nothing in the
// same clause ends it, the work then goes on (Recurrence [Regularly]):
// “Thực hiện từ tháng 3/2023” starts on 01/03/2023 and has no due date.
//
// “Thực hiện ngay” is due on the day the plan was issued
// ([Context.PlanDate]), which is also its start: the plan asked for it at
// once, so a unit that had not done it by then is late.
//
// # Parts of a month
//
// A month has three ten-day parts: “thượng tuần” (days 1–10), “trung tuần”
// (11–20) and “hạ tuần” (21 to its end). “Đầu tháng 7/2023” is read as its
// first ten days and “giữa tháng 7/2023” as the middle ten, due 10/07 and
// 20/07/2023; as the words name no exact day, the Deadline is marked
// [Deadline.Approximate], and pages say “khoảng”. “Cuối” of any period is its
// last day, exact: “cuối tháng 7/2023” is due 31/07/2023, the end of its hạ
// tuần too. “Tuần đầu tháng 7/2023” is the month's first seven days (due
// 07/07/2023), “tuần cuối” its last seven, and “10 ngày đầu tháng 7/2023”
// its first ten.
//
// “Đầu” of a quarter, a half or a year names where work starts (“từ đầu
// năm 2023” starts on 01/01/2023) or what comes before it (“trước đầu năm
// 2024” is due 31/12/2023); as a due date on its own (“Hoàn thành đầu năm
// 2024”) it names no day, and neither does “giữa năm”: these are errors
// (deadline-vague) rather than a guess, so that the staff member writes the
// day or a due date. “giữa” before two periods joined by “và” means between
// them: “giữa tháng 3/2023 và tháng 6/2023” is due 30/06/2023.
//
// # Two dates for one piece of work
//
// A period and, next to it, a date inside it set one deadline: the narrower.
// “Quý IV/2023, chậm nhất ngày 15/12/2023”, “Hoàn thành trong Quý IV/2023
// (trước 15/12/2023)” and “Tháng 6/2023, xong trước 20/6” are due
// 15/12/2023 and 20/06/2023. Next to it means in the same clause or in an
// aside right after it, with nothing between but marks and the words
// “xong”, “hoàn thành”, “thực hiện”, “và”, “nhưng”, “song”, “phải”. Both
// dates stay in [Deadline.Steps]; the wider one is marked Narrowed. A date
// after the period's end (“Quý I/2023, chậm nhất ngày 15/4/2023”) does not
// narrow it, and the later date counts.
//
// Dates for different parts of the work are not narrowed: in separate
// clauses (“ban hành Kế hoạch trong tháng 3 năm 2023. Tổ chức kiểm tra
// thực hiện xong trước ngày 30/04/2023”, “Năm 2023; riêng báo cáo sơ kết
// trước 30/4”) or with other words between (“trong năm 2023, riêng báo cáo
// trước 30/4”, “trong năm 2023 và báo cáo kết quả trước 15/12/2023”), each
// is a Step, the Deadline's Due is the latest of them and its Start the
// earliest. The task is done only when all its parts are, so the earlier
// date is not the whole task's deadline: a task whose report was due on
// 30/04 is not overdue as a whole on 01/05 while its main work has until
// 31/12; the earlier date remains in Steps for whoever shows them.
//
// # Status
//
// [Status] tells, for a [TaskState] at a moment, whether the task was done
// on time or late, is in progress, due soon, overdue, going on regularly, not
// yet started, or waiting for a condition. Each [StatusCode] has a label in
// Vietnamese and English and a stable slug for CSS classes and JSON.
package plan
