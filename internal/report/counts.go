package report

// Counts are the figures of one weekly report row, or the sum of many.
// Every field counts dossiers (hồ sơ).
type Counts struct {
	// Received in the week, online (trực tuyến) and in person (trực tiếp,
	// at the one-stop desk or by post).
	ReceivedOnline   int64
	ReceivedInPerson int64
	// CarriedOver were received before the week and still open when it
	// began (kỳ trước chuyển sang).
	CarriedOver int64

	// Resolved in the week: before the due date, on it, or after it.
	ResolvedEarly  int64
	ResolvedOnTime int64
	ResolvedLate   int64

	// InProgress at the end of the week: not yet due, or already overdue.
	PendingOnTime  int64
	PendingOverdue int64

	// ResultsReturned were handed back to the applicant, on the portal or
	// at the desk (đã trả kết quả).
	ResultsReturned int64
	// NotAccepted were refused at reception (không tiếp nhận), usually
	// because the applicant followed the wrong procedure.
	NotAccepted int64
	// ReturnedForSupplement were sent back asking for more papers (trả lại
	// yêu cầu bổ sung).
	ReturnedForSupplement int64
}

// Add adds o to c field by field.
func (c *Counts) Add(o *Counts) {
	c.ReceivedOnline += o.ReceivedOnline
	c.ReceivedInPerson += o.ReceivedInPerson
	c.CarriedOver += o.CarriedOver
	c.ResolvedEarly += o.ResolvedEarly
	c.ResolvedOnTime += o.ResolvedOnTime
	c.ResolvedLate += o.ResolvedLate
	c.PendingOnTime += o.PendingOnTime
	c.PendingOverdue += o.PendingOverdue
	c.ResultsReturned += o.ResultsReturned
	c.NotAccepted += o.NotAccepted
	c.ReturnedForSupplement += o.ReturnedForSupplement
}

// Received is every dossier received in the period.
func (c Counts) Received() int64 { return c.ReceivedOnline + c.ReceivedInPerson }

// ToHandle is what the office had to deal with: received plus carried
// over (số hồ sơ phải giải quyết).
func (c Counts) ToHandle() int64 { return c.Received() + c.CarriedOver }

// Resolved is every dossier resolved in the period.
func (c Counts) Resolved() int64 { return c.ResolvedEarly + c.ResolvedOnTime + c.ResolvedLate }

// InProgress is every dossier still open at the end of the period.
func (c Counts) InProgress() int64 { return c.PendingOnTime + c.PendingOverdue }

// Late is every dossier past its due date: resolved late or still open
// and overdue, the numerator of Quyết định 766's late rate.
func (c Counts) Late() int64 { return c.ResolvedLate + c.PendingOverdue }

// Balanced reports whether every dossier to handle is either resolved or
// in progress: early + on time + late + in progress = online + in person +
// carried over.
func (c Counts) Balanced() bool { return c.Resolved()+c.InProgress() == c.ToHandle() }

// OnlineRate is received online ÷ received.
func (c Counts) OnlineRate() Ratio { return Ratio{c.ReceivedOnline, c.Received()} }

// OnTimeRate is (early + on time) ÷ resolved.
func (c Counts) OnTimeRate() Ratio { return Ratio{c.ResolvedEarly + c.ResolvedOnTime, c.Resolved()} }

// Ratio is a rate kept as its numerator and denominator, so that rates of
// groups are always Σ numerators ÷ Σ denominators and never an average of
// rates.
type Ratio struct {
	Num, Den int64
}

// Value returns Num ÷ Den as a fraction (0.8 for 80%); ok is false when
// Den is 0 and there is no rate to show.
func (r Ratio) Value() (v float64, ok bool) {
	if r.Den == 0 {
		return 0, false
	}
	return float64(r.Num) / float64(r.Den), true
}
