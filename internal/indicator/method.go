package indicator

import (
	"fmt"
	"strings"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/vi"
)

// MethodDoc explains, in Markdown, how [Compute] judges indicators, with the
// thresholds of m as configured: the body of the public "Phương pháp"
// (method) page. It starts at heading level 2. A zero Method means
// DefaultMethod, as in Compute.
func MethodDoc(m Method, lang diag.Lang) string {
	if m == (Method{}) {
		m = DefaultMethod()
	}
	loc := vi.LocaleFor(string(lang))
	pct := func(x float64) string {
		d := 0
		if x*100 != float64(int(x*100)) {
			d = 1
		}
		return loc.Percent(x*100, d)
	}
	on, risk := pct(m.OnTrack), pct(m.AtRisk)
	var b strings.Builder
	if lang == diag.EN {
		fmt.Fprintf(&b, `## Which figures count

Each figure belongs to a reporting period (a week, month, quarter…). A figure counts once the last day of its period has come: on 30 June 2023 the figures for June, Q2 and the first half of 2023 count, those for July do not.

## Adding up communes and offices

- **Counts** (dossiers, services): the figures of all units for the period are added up.
- **Running totals** (accounts issued so far): each unit's latest total is added up; a commune that has not reported this month keeps its last total.
- **Rates**: the numerators and the denominators of all units are added up first, then divided: rate = Σ numerators ÷ Σ denominators × 100. Rates are never averaged, because a commune with 5 dossiers must not weigh as much as one with 500.
- **Percentages** given for the whole district are used as they are.

## The value expected by now

Each indicator starts from a baseline (its value at the end of a period) and has one or more targets, each due by the end of a day. The value expected at a date lies on the straight line from the baseline to the first target, then from each target to the next; after the last deadline it is the last target. Days are counted whole.

Some targets are a level to hold from a day on, not a value to reach by a deadline: the plan's "thực hiện từ tháng 3/2023" (from March 2023). The expected path reaches such a target on the day it applies from; from then on the indicator either meets it or is below it, and is never "missed", since nothing fell due.

The latest figure is compared with the value expected **today**, so a figure reported late counts against its indicator until the next one arrives.

For an indicator that must **decrease** (such as information to declare, to be cut by 20%%), progress is the reduction made: the reduction achieved is divided by the reduction expected by now, and the share of the target is the share of the planned reduction made.

## Status

The statuses are checked in the order of this table: an indicator that meets its target is achieved even after its deadline, and one whose deadline has passed is missed whatever its pace.

| Icon | Status | When |
|---|---|---|
| %[1]s | %[2]s | the latest figure meets the current target (the first target whose deadline has not passed, or the last one) |
| %[3]s | %[4]s | at least %[13]s of the value expected by now |
| %[5]s | %[6]s | from %[14]s up to %[13]s of the value expected by now |
| %[7]s | %[8]s | below %[14]s of the value expected by now |
| %[15]s | %[16]s | a target to hold from a day on applies, and is not met |
| %[9]s | %[10]s | the deadline has passed and the target is not met |
| %[11]s | %[12]s | no figure has been reported yet |

The icons show the status without relying on colour.
`, Achieved.Icon(), capitalize(Achieved.Label().En), OnTrack.Icon(), capitalize(OnTrack.Label().En), Behind.Icon(), capitalize(Behind.Label().En),
			AtRisk.Icon(), capitalize(AtRisk.Label().En), Missed.Icon(), capitalize(Missed.Label().En), NoData.Icon(), capitalize(NoData.Label().En), on, risk,
			BelowTarget.Icon(), capitalize(BelowTarget.Label().En))
		return b.String()
	}
	fmt.Fprintf(&b, `## Số liệu nào được tính

Mỗi số liệu thuộc một kỳ báo cáo (tuần, tháng, quý…). Số liệu được tính kể từ ngày cuối cùng của kỳ: ngày 30/06/2023 tính số liệu tháng 6, Quý II và 6 tháng đầu năm 2023, chưa tính số liệu tháng 7.

## Cộng số liệu các xã, các đơn vị

- **Số lượng** (hồ sơ, dịch vụ): cộng số liệu của tất cả đơn vị trong kỳ.
- **Số lũy kế** (số tài khoản đã cấp đến nay): cộng số lũy kế mới nhất của từng đơn vị; xã chưa báo cáo tháng này được giữ số lũy kế đã báo cáo gần nhất.
- **Tỷ lệ**: cộng tử số và cộng mẫu số của tất cả đơn vị rồi mới chia: tỷ lệ = tổng tử số ÷ tổng mẫu số × 100. Không lấy trung bình các tỷ lệ, vì xã có 5 hồ sơ không thể có trọng số như xã có 500 hồ sơ.
- **Phần trăm** báo cáo cho toàn huyện được dùng nguyên giá trị.

## Giá trị kỳ vọng đến nay

Mỗi chỉ tiêu có giá trị xuất phát (giá trị cuối một kỳ) và một hoặc nhiều mục tiêu, mỗi mục tiêu có hạn vào cuối một ngày. Giá trị kỳ vọng tại một ngày nằm trên đường thẳng nối giá trị xuất phát với mục tiêu thứ nhất, rồi nối mỗi mục tiêu với mục tiêu kế tiếp; sau hạn cuối cùng, giá trị kỳ vọng là mục tiêu cuối cùng. Thời gian được tính theo ngày.

Có mục tiêu là mức phải giữ kể từ một ngày, không phải giá trị phải đạt trước một hạn: kế hoạch ghi "thực hiện từ tháng 3/2023". Đường kỳ vọng đạt mục tiêu đó vào ngày nó bắt đầu áp dụng; từ đó chỉ tiêu hoặc đạt, hoặc chưa đạt mục tiêu, và không bao giờ "quá hạn", vì không có hạn nào đã qua.

Số liệu mới nhất được so với giá trị kỳ vọng **đến hôm nay**, nên số liệu báo cáo chậm sẽ làm chỉ tiêu bị đánh giá thấp cho đến khi có số liệu kỳ sau.

Với chỉ tiêu cần **giảm** (như cắt giảm 20%% thông tin phải khai báo), tiến độ là mức đã giảm: lấy mức đã giảm chia cho mức cần giảm đến nay; tỷ lệ đạt mục tiêu là phần đã giảm so với toàn bộ mức cần giảm.

## Trạng thái

Trạng thái được xét theo thứ tự trong bảng: chỉ tiêu đạt mục tiêu là "đã đạt" kể cả khi đã qua hạn, và chỉ tiêu đã qua hạn mà chưa đạt là "quá hạn chưa đạt" dù tiến độ thế nào.

| Biểu tượng | Trạng thái | Khi nào |
|---|---|---|
| %[1]s | %[2]s | số liệu mới nhất đạt mục tiêu hiện hành (mục tiêu đầu tiên chưa đến hạn, hoặc mục tiêu cuối cùng) |
| %[3]s | %[4]s | đạt từ %[13]s giá trị kỳ vọng đến nay trở lên |
| %[5]s | %[6]s | đạt từ %[14]s đến dưới %[13]s giá trị kỳ vọng đến nay |
| %[7]s | %[8]s | đạt dưới %[14]s giá trị kỳ vọng đến nay |
| %[15]s | %[16]s | mục tiêu phải giữ kể từ một ngày đang áp dụng mà chưa đạt |
| %[9]s | %[10]s | đã quá hạn mà chưa đạt mục tiêu |
| %[11]s | %[12]s | chưa có số liệu nào được báo cáo |

Biểu tượng cho biết trạng thái mà không cần phân biệt màu sắc.
`, Achieved.Icon(), capitalize(Achieved.Label().Vi), OnTrack.Icon(), capitalize(OnTrack.Label().Vi), Behind.Icon(), capitalize(Behind.Label().Vi),
		AtRisk.Icon(), capitalize(AtRisk.Label().Vi), Missed.Icon(), capitalize(Missed.Label().Vi), NoData.Icon(), capitalize(NoData.Label().Vi), on, risk,
		BelowTarget.Icon(), capitalize(BelowTarget.Label().Vi))
	return b.String()
}

func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
