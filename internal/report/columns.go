package report

import (
	"unicode"
	"unicode/utf8"
)

// The column keys of a weekly report file. Header names match a key or one
// of its aliases ignoring case, marks, spaces and punctuation (as
// package table's Columns does), so "Tiếp nhận trực tuyến" is
// tiep_nhan_truc_tuyen.
const (
	ColWeek      = "tuan"
	ColService   = "dich_vu"
	ColUnit      = "don_vi"
	ColSubmitted = "ngay_gui"
	ColNote      = "ghi_chu"

	ColOnline         = "tiep_nhan_truc_tuyen"
	ColInPerson       = "tiep_nhan_truc_tiep"
	ColCarriedOver    = "ky_truoc_chuyen_sang"
	ColResolvedEarly  = "giai_quyet_truoc_han"
	ColResolvedOnTime = "giai_quyet_dung_han"
	ColResolvedLate   = "giai_quyet_qua_han"
	ColPendingOnTime  = "dang_giai_quyet_trong_han"
	ColPendingOverdue = "dang_giai_quyet_qua_han"
	ColReturned       = "da_tra_ket_qua"
	ColNotAccepted    = "khong_tiep_nhan"
	ColSupplement     = "tra_lai_bo_sung"

	ColLateReason        = "ly_do_qua_han"
	ColNotAcceptedReason = "ly_do_khong_tiep_nhan"
	ColSupplementReason  = "ly_do_tra_lai"
)

// Header is the header line of a new report file, in the order staff
// fill it in.
const Header = "tuan,dich_vu,tiep_nhan_truc_tuyen,tiep_nhan_truc_tiep,ky_truoc_chuyen_sang," +
	"giai_quyet_truoc_han,giai_quyet_dung_han,giai_quyet_qua_han," +
	"dang_giai_quyet_trong_han,dang_giai_quyet_qua_han,da_tra_ket_qua," +
	"khong_tiep_nhan,tra_lai_bo_sung,ly_do_qua_han,ly_do_khong_tiep_nhan,ly_do_tra_lai,ngay_gui"

// countKeys lists the count columns in the order of the fields of Counts.
var countKeys = [...]string{
	ColOnline, ColInPerson, ColCarriedOver,
	ColResolvedEarly, ColResolvedOnTime, ColResolvedLate,
	ColPendingOnTime, ColPendingOverdue,
	ColReturned, ColNotAccepted, ColSupplement,
}

// CountColumns returns the keys of the count columns, in the order of the
// fields of [Counts].
func CountColumns() []string { return countKeys[:] }

// Field returns the field of c that the count column key holds, or nil
// if key is not a count column.
func (c *Counts) Field(key string) *int64 {
	for i, p := range c.fields() {
		if countKeys[i] == key {
			return p
		}
	}
	return nil
}

// fields returns pointers to the fields of c in the order of countKeys.
func (c *Counts) fields() [len(countKeys)]*int64 {
	return [...]*int64{
		&c.ReceivedOnline, &c.ReceivedInPerson, &c.CarriedOver,
		&c.ResolvedEarly, &c.ResolvedOnTime, &c.ResolvedLate,
		&c.PendingOnTime, &c.PendingOverdue,
		&c.ResultsReturned, &c.NotAccepted, &c.ReturnedForSupplement,
	}
}

// Column is a column of a report file: its key, the other names its
// header may have, and whether every file must have it.
type Column struct {
	Key      string
	Aliases  []string
	Required bool
}

// Columns returns the columns of a unit's weekly report file
// (data/reports/<unit>.csv). Counts and ngay_gui are required; reasons and
// ghi_chu are not. A file covering several units (as the national test
// data) adds [UnitColumn].
func Columns() []Column {
	return []Column{
		{Key: ColWeek, Aliases: []string{"tuần", "tuần báo cáo", "week"}, Required: true},
		{Key: ColService, Aliases: []string{"dịch vụ", "dịch vụ công", "service"}, Required: true},
		{Key: ColOnline, Aliases: []string{"tiếp nhận trực tuyến", "received online"}, Required: true},
		{Key: ColInPerson, Aliases: []string{"tiếp nhận trực tiếp", "received in person"}, Required: true},
		{Key: ColCarriedOver, Aliases: []string{"kỳ trước chuyển sang", "carried over"}, Required: true},
		{Key: ColResolvedEarly, Aliases: []string{"giải quyết trước hạn", "resolved early"}, Required: true},
		{Key: ColResolvedOnTime, Aliases: []string{"giải quyết đúng hạn", "resolved on time"}, Required: true},
		{Key: ColResolvedLate, Aliases: []string{"giải quyết quá hạn", "resolved late"}, Required: true},
		{Key: ColPendingOnTime, Aliases: []string{"đang giải quyết trong hạn", "in progress on time"}, Required: true},
		{Key: ColPendingOverdue, Aliases: []string{"đang giải quyết quá hạn", "in progress overdue"}, Required: true},
		{Key: ColReturned, Aliases: []string{"đã trả kết quả", "results returned"}, Required: true},
		{Key: ColNotAccepted, Aliases: []string{"không tiếp nhận", "not accepted"}, Required: true},
		{Key: ColSupplement, Aliases: []string{"trả lại bổ sung", "trả lại yêu cầu bổ sung", "returned for supplement"}, Required: true},
		{Key: ColLateReason, Aliases: []string{"lý do quá hạn", "nguyên nhân quá hạn", "late reason"}},
		{Key: ColNotAcceptedReason, Aliases: []string{"lý do không tiếp nhận", "not accepted reason"}},
		{Key: ColSupplementReason, Aliases: []string{"lý do trả lại", "nguyên nhân trả lại", "lý do trả lại bổ sung", "supplement reason"}},
		{Key: ColSubmitted, Aliases: []string{"ngày gửi", "thời gian gửi", "submitted"}, Required: true},
		{Key: ColNote, Aliases: []string{"ghi chú", "note"}},
	}
}

// UnitColumn is the column naming the unit of each row in a file that
// covers several units.
func UnitColumn() Column {
	return Column{Key: ColUnit, Aliases: []string{"đơn vị", "xã", "unit"}, Required: true}
}

// Label is the name column key is shown under: its first alias, with a
// capital ("Tiếp nhận trực tuyến"), or in English its last one; the key
// itself for a column that has none.
func Label(key string, english bool) string {
	for _, c := range append(Columns(), UnitColumn()) {
		if c.Key != key || len(c.Aliases) == 0 {
			continue
		}
		label := c.Aliases[0]
		if english {
			label = c.Aliases[len(c.Aliases)-1]
		}
		r, n := utf8.DecodeRuneInString(label)
		return string(unicode.ToUpper(r)) + label[n:]
	}
	return key
}
