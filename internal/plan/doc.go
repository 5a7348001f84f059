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
//	         | ("đầu"|"cuối") period | D/M[/YYYY] | M/YYYY | YYYY (after a prep)
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
// A deadline with several dated clauses (“ban hành Kế hoạch trong tháng 3
// năm 2023. Tổ chức kiểm tra thực hiện xong trước ngày 30/04/2023”) keeps
// each in [Deadline.Steps]; its Due is the latest of them, as the task is
// done only when all its steps are, and its Start the earliest.
//
// # Status
//
// [Status] tells, for a [TaskState] at a moment, whether the task was done
// on time or late, is in progress, due soon, overdue, going on regularly, not
// yet started, or waiting for a condition. Each [StatusCode] has a label in
// Vietnamese and English and a stable slug for CSS classes and JSON.
package plan
