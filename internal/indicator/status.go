package indicator

import (
	"fmt"
	"slices"

	"github.com/tiendo/tiendo/internal/diag"
)

// Status is where an indicator stands against its plan.
type Status int

const (
	// NoData: no figure counts yet.
	NoData Status = iota
	// Achieved: the latest figure meets the current target.
	Achieved
	// OnTrack: at least Method.OnTrack of the value expected by now.
	OnTrack
	// Behind: between Method.AtRisk and Method.OnTrack of it.
	Behind
	// AtRisk: below Method.AtRisk of it.
	AtRisk
	// Missed: the last deadline has passed and the target is not met.
	Missed
	// BelowTarget: a standing target applies and is not met; no deadline
	// has passed, so the indicator is not "overdue".
	BelowTarget
)

// The icons tell the statuses apart without colour, for readers who do not
// see colour and for printouts: ✓ achieved, → on track, ↘ behind, ! at
// risk, ↓ below a standing target, ✗ missed, – no data.
var statuses = [...]struct {
	slug string
	icon string
	text diag.Text
}{
	NoData:      {"chua-co-so-lieu", "–", diag.T("chưa có số liệu", "no data yet")},
	Achieved:    {"da-dat", "✓", diag.T("đã đạt", "achieved")},
	OnTrack:     {"dung-tien-do", "→", diag.T("đúng tiến độ", "on track")},
	Behind:      {"cham-tien-do", "↘", diag.T("chậm tiến độ", "behind schedule")},
	AtRisk:      {"co-nguy-co-khong-dat", "!", diag.T("có nguy cơ không đạt", "at risk")},
	Missed:      {"qua-han-chua-dat", "✗", diag.T("quá hạn chưa đạt", "deadline missed")},
	BelowTarget: {"chua-dat-muc-tieu", "↓", diag.T("chưa đạt mục tiêu", "below target")},
}

// Statuses lists every status in the order a legend shows them.
func Statuses() []Status {
	return []Status{Achieved, OnTrack, Behind, AtRisk, BelowTarget, Missed, NoData}
}

func (s Status) valid() bool { return s >= 0 && int(s) < len(statuses) }

// Label is the status in words for readers.
func (s Status) Label() diag.Text {
	if !s.valid() {
		return diag.T(s.String(), s.String())
	}
	return statuses[s].text
}

// Slug is a stable ASCII name for CSS classes and JSON; it does not change
// when labels are reworded.
func (s Status) Slug() string {
	if !s.valid() {
		return ""
	}
	return statuses[s].slug
}

// Icon is a character that shows the status without relying on colour.
func (s Status) Icon() string {
	if !s.valid() {
		return "?"
	}
	return statuses[s].icon
}

// Order is the status's place in a legend (Statuses), 0 first.
func (s Status) Order() int { return slices.Index(Statuses(), s) }

func (s Status) String() string {
	if !s.valid() {
		return fmt.Sprintf("Status(%d)", int(s))
	}
	return statuses[s].slug
}

// MarshalText gives the slug, so that JSON carries stable names.
func (s Status) MarshalText() ([]byte, error) {
	if !s.valid() {
		return nil, fmt.Errorf("indicator: invalid status %d", int(s))
	}
	return []byte(s.Slug()), nil
}
