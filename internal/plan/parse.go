package plan

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/tiendo/tiendo/internal/diag"
)

// ParseDeadline reads a plan's deadline words; the package documentation
// gives the grammar and how each form is read. Text with no words at all
// gives the zero Deadline (the plan set no deadline). Words that cannot be
// read give a *ParseError.
func ParseDeadline(text string, ctx Context) (Deadline, error) {
	b := builder{ctx: ctx, d: Deadline{Text: text}}
	outer, asides := splitAsides(tokenize(text))
	for _, cl := range clauses(text, outer) {
		if err := b.clause(cl, true); err != nil {
			return Deadline{}, err
		}
	}
	for _, aside := range asides {
		for _, cl := range clauses(text, aside) {
			if err := b.clause(cl, false); err != nil {
				return Deadline{}, err
			}
		}
	}
	return b.finish(), nil
}

// splitAsides takes the words in parentheses out of the text around them,
// so that “gửi về Tổ công tác (qua Công an huyện) trước ngày 13/03/2023”
// reads as one clause, and the aside as clauses of its own.
func splitAsides(toks []token) (outer []token, asides [][]token) {
	depth := 0
	for _, t := range toks {
		switch {
		case t.kind == stop && t.text == "(":
			if depth == 0 {
				asides = append(asides, nil)
			} else {
				asides[len(asides)-1] = append(asides[len(asides)-1], t)
			}
			depth++
		case t.kind == stop && t.text == ")":
			if depth > 1 {
				asides[len(asides)-1] = append(asides[len(asides)-1], t)
			}
			depth = max(depth-1, 0)
		case depth > 0:
			asides[len(asides)-1] = append(asides[len(asides)-1], t)
		default:
			outer = append(outer, t)
		}
	}
	return outer, asides
}

// clauses cuts tokens at stops.
func clauses(src string, toks []token) []clause {
	var cls []clause
	for len(toks) > 0 {
		i := slices.IndexFunc(toks, func(t token) bool { return t.kind == stop })
		if i < 0 {
			i = len(toks)
		}
		if i > 0 {
			cls = append(cls, clause{src: src, toks: toks[:i]})
		}
		toks = toks[min(i+1, len(toks)):]
	}
	return cls
}

// clause is the tokens between two stops.
type clause struct {
	src  string
	toks []token
}

// at returns the folded word at j, or "" past the end or at a mark.
func (c clause) at(j int) string {
	if j < 0 || j >= len(c.toks) || c.toks[j].kind != word {
		return ""
	}
	return c.toks[j].text
}

// is reports whether the words from j are ws.
func (c clause) is(j int, ws ...string) bool {
	for k, w := range ws {
		if c.at(j+k) != w {
			return false
		}
	}
	return true
}

func (c clause) isComma(j int) bool { return j >= 0 && j < len(c.toks) && c.toks[j].kind == comma }

// words returns tokens i..j-1 as written.
func (c clause) words(i, j int) string {
	j = min(j, len(c.toks))
	if i >= j {
		return ""
	}
	return c.src[c.toks[i].start:c.toks[j-1].end]
}

func (c clause) errAt(i, j int, code string, msg, hint diag.Text) *ParseError {
	j = max(min(j, len(c.toks)), i+1)
	return &ParseError{
		Offset: c.toks[i].start,
		Words:  c.words(i, j),
		Code:   code,
		Msg:    msg,
		Hint:   hint,
		text:   c.src,
	}
}

// prep is how a period bounds the work.
type prep uint8

const (
	bare   prep = iota // “Quý I/2023”: due at its end
	ending             // trong, đến hết, chậm nhất, …: due at its end
	before             // trước: due on the day, or before the period starts
	from               // từ: starts on its first day
)

// span is a stretch of days read from the words.
type span struct {
	first, last civil
	day         bool          // a single day, so that “trước” means by that day
	at          time.Duration // hour of a single day; 0 for its end
	approx      bool          // last is a reading of vague words (“đầu tháng”)
	vague       bool          // only first is meant (“đầu năm”): a start, or what is before it
}

// rule is a recurring deadline read from the words.
type rule struct {
	rec     Recurrence
	weekday time.Weekday
	day     int
	dates   []MonthDay
	at      time.Duration
}

// period is what a period's words give: days, or a rule.
type period struct {
	spans []span
	rule  *rule
}

type whenKind uint8

const (
	wDate whenKind = iota
	wRegular
	wNow
	wCond
	wPer
	wSkip // a document reference, read only to be passed over
)

type when struct {
	kind whenKind
	prep prep
	per  period
	text string
	i, j int // tokens of the words
}

// builder gathers what the clauses say into a Deadline.
type builder struct {
	meta    []stepMeta // of each step of d.Steps
	ctx     Context
	d       Deadline
	regular bool
	rule    *rule
}

// clause reads one clause: the words that say when, and only them. A
// clause must say when unless it is an aside in parentheses.
func (b *builder) clause(c clause, must bool) error {
	found, open, dated := false, false, false
	hasWords := false
	for j := 0; j < len(c.toks); {
		if c.toks[j].kind != word {
			j++
			continue
		}
		hasWords = true
		w, next, ok, err := b.when(c, j)
		if err != nil {
			return err
		}
		if !ok {
			j++
			continue
		}
		if err := b.apply(c, w, &open, &dated); err != nil {
			return err
		}
		if w.kind != wSkip {
			found = true
		}
		j = next
	}
	if must && hasWords && !found {
		return b.noWhen(c)
	}
	if open && !dated {
		// “Thực hiện từ tháng 3/2023”: nothing ends the work.
		b.regular = true
	}
	return nil
}

// noWhen reports a clause that says what but not when, pointing after its
// last preposition when it has one: “Hoàn thành trong Quí I/2023” points at
// “Quí I/2023”.
func (b *builder) noWhen(c clause) error {
	i := 0
	for j := len(c.toks) - 2; j >= 0; j-- {
		switch c.at(j) {
		case "trong", "truoc", "tu", "den", "het", "toi", "vao":
			i = j + 1
		case "nhat":
			if c.at(j-1) == "cham" {
				i = j + 1
			}
		}
		if i > 0 {
			break
		}
	}
	for i < len(c.toks) && c.toks[i].kind != word {
		i++
	}
	if i == len(c.toks) {
		i = 0
	}
	words := c.words(i, len(c.toks))
	return c.errAt(i, len(c.toks), codeUnreadable,
		diag.Tf("không đọc được thời hạn “%s”", "cannot read the deadline “%s”", words), hintForms)
}

// when tries to read a when at j. ok is false when the word at j does not
// start one, so that it is passed over as a word of what is to be done.
func (b *builder) when(c clause, j int) (w when, next int, ok bool, err error) {
	if k, ok := docRef(c, j); ok {
		return when{kind: wSkip, i: j, j: k}, k, true, nil
	}
	switch {
	case c.is(j, "thuong", "xuyen"):
		return when{kind: wRegular, i: j, j: j + 2}, j + 2, true, nil
	case c.is(j, "ngay", "sau", "khi"):
		return b.rest(c, j, j+3, wCond)
	case c.is(j, "ngay", "khi"), c.is(j, "sau", "khi"):
		return b.rest(c, j, j+2, wCond)
	case c.is(j, "khi"):
		return b.rest(c, j, j+1, wCond)
	case c.is(j, "theo") && isPerHead(c, j+1):
		return b.rest(c, j, j+1, wPer)
	}
	p, k := matchPrep(c, j)
	per, k2, ok, err := b.period(c, k, p != bare)
	if err != nil {
		return when{}, j, false, err
	}
	if ok {
		return when{kind: wDate, prep: p, per: per, i: j, j: k2}, k2, true, nil
	}
	if p == bare && c.is(j, "ngay") {
		// “ngay từ tháng 3”: ngay only stresses what follows.
		if b.startsDate(c, j+1) {
			return when{kind: wSkip, i: j, j: j + 1}, j + 1, true, nil
		}
		return when{kind: wNow, i: j, j: j + 1}, j + 1, true, nil
	}
	return when{}, j, false, nil
}

// rest reads a condition or reference: the words from k to the end of the
// clause, or to a comma followed by another when.
func (b *builder) rest(c clause, j, k int, kind whenKind) (when, int, bool, error) {
	end := len(c.toks)
	for m := k; m < len(c.toks)-1; m++ {
		if !c.isComma(m) {
			continue
		}
		if b.startsDate(c, m+1) || c.is(m+1, "thuong", "xuyen") {
			end = m
			break
		}
	}
	for k < end && c.toks[k].kind != word {
		k++
	}
	if k >= end {
		return when{}, j, false, c.errAt(j, k, codeUnreadable,
			diag.Tf("thiếu nội dung sau “%s”", "nothing follows “%s”", c.words(j, k)),
			diag.T("Ghi rõ điều kiện hoặc căn cứ, ví dụ “khi Bộ Công an triển khai phần mềm”, “theo lộ trình của Chính phủ”.",
				"Say what the work waits for or follows, e.g. “khi Bộ Công an triển khai phần mềm”, “theo lộ trình của Chính phủ”."))
	}
	return when{kind: kind, text: c.words(k, end), i: j, j: end}, end, true, nil
}

// startsDate reports whether a dated when, readable or not, starts at j.
func (b *builder) startsDate(c clause, j int) bool {
	p, k := matchPrep(c, j)
	_, _, ok, err := b.period(c, k, p != bare)
	return ok || err != nil
}

// isPerHead reports whether “theo” at j-1 introduces a timing set elsewhere.
func isPerHead(c clause, j int) bool {
	for _, h := range [][]string{
		{"lo", "trinh"}, {"chi", "tieu"}, {"ke", "hoach"}, {"tien", "do"}, {"yeu", "cau"},
		{"chi", "dao"}, {"quy", "dinh"}, {"van", "ban"}, {"huong", "dan"}, {"thong", "bao"},
		{"nghi", "quyet"}, {"quyet", "dinh"}, {"chi", "thi"}, {"phu", "luc"}, {"thoi", "han"},
	} {
		if c.is(j, h...) {
			return true
		}
	}
	return false
}

// docRef passes over a reference to a document and its date: “số 1050 ngày
// 09/11/2022”, “422/QĐ-TTg ngày 04/04/2022”.
func docRef(c clause, j int) (int, bool) {
	var k int
	switch t := c.at(j); {
	case t == "so" && startsDigit(c.at(j+1)):
		k = j + 2
	case isDocNumber(t):
		k = j + 1
	default:
		return j, false
	}
	if c.at(k) == "ngay" && isNumeric(c.at(k+1)) {
		k += 2
	}
	return k, true
}

// isDocNumber reports whether t is a document number such as 50/nq-cp.
func isDocNumber(t string) bool {
	return startsDigit(t) && strings.Contains(t, "/") && strings.ContainsFunc(t, unicode.IsLetter)
}

func matchPrep(c clause, j int) (prep, int) {
	switch {
	case c.is(j, "cham", "nhat"):
		k := j + 2
		if c.at(k) == "la" {
			k++
		}
		switch c.at(k) {
		case "vao", "truoc", "trong":
			k++
		case "den":
			k++
			if c.at(k) == "het" {
				k++
			}
		}
		return ending, k
	case c.is(j, "cho", "den", "het"):
		return ending, j + 3
	case c.is(j, "den", "het"), c.is(j, "toi", "het"), c.is(j, "cho", "den"):
		return ending, j + 2
	case c.is(j, "den", "truoc"):
		return before, j + 2
	case c.is(j, "den"), c.is(j, "toi"), c.is(j, "trong"), c.is(j, "vao"):
		return ending, j + 1
	case c.is(j, "truoc"):
		return before, j + 1
	case c.is(j, "bat", "dau", "tu"):
		return from, j + 3
	case c.is(j, "ke", "tu"), c.is(j, "bat", "dau"):
		return from, j + 2
	case c.is(j, "tu"):
		return from, j + 1
	}
	return bare, j
}

// period reads a period at j. prepped tells that a preposition came before,
// so that a bare year (“trong 2023”) and a bare “năm” (“trong năm”) read.
// ok is false when the words at j do not start a period; an error means they
// start one that cannot be finished.
func (b *builder) period(c clause, j int, prepped bool) (period, int, bool, error) {
	t := c.at(j)
	switch {
	case t == "":
		return period{}, j, false, nil
	case isClockAt(c, j):
		return b.clocked(c, j)
	case t == "ngay":
		switch u := c.at(j + 1); {
		case u == "thu" || u == "chu":
			p, k, ok, err := b.weekly(c, j+1, true)
			if !ok && err == nil {
				err = c.errAt(j, j+3, codeDate,
					diag.Tf("không rõ thứ trong tuần “%s”", "unknown day of the week “%s”", c.words(j, j+3)),
					diag.T("Viết “Thứ 2” … “Thứ 7” hoặc “Thứ Hai” … “Thứ Bảy”, “Chủ nhật”, kèm “hàng tuần”.",
						"Write “Thứ 2” … “Thứ 7” or “Thứ Hai” … “Thứ Bảy”, “Chủ nhật”, followed by “hàng tuần”."))
			}
			return p, k, ok, err
		case startsDigit(u):
			return b.days(c, j+1)
		}
	case t == "thu" || t == "chu":
		return b.weekly(c, j, false)
	case t == "hang":
		return every(c, j)
	case t == "thang" && startsDigit(c.at(j+1)):
		return b.month(c, j)
	case t == "quy" && isQuarterish(c.at(j+1)):
		return b.quarter(c, j)
	case t == "nam":
		if startsDigit(c.at(j + 1)) {
			return b.yearAt(c, j, j+1)
		}
		if prepped {
			y, err := b.defaultYear(c, j, j+1)
			if err != nil {
				return period{}, j, false, err
			}
			return yearPeriod(y), j + 1, true, nil
		}
	case (t == "cuoi" || t == "dau" || t == "giua") && c.at(j+1) != "cuoi" && c.at(j+1) != "dau":
		return b.partOf(c, j)
	case (t == "thuong" || t == "trung" || t == "ha") && c.at(j+1) == "tuan":
		return b.tenDays(c, j)
	case t == "tuan" && (c.at(j+1) == "dau" || c.at(j+1) == "cuoi"):
		return b.someDays(c, j, 7, j+1)
	case isDigits(t) && c.is(j+1, "ngay") && (c.at(j+2) == "dau" || c.at(j+2) == "cuoi"):
		return b.someDays(c, j, number(t), j+2)
	case isDigits(t) && c.is(j+1, "thang") && (c.at(j+2) == "dau" || c.at(j+2) == "cuoi") && c.at(j+3) == "nam":
		return b.months(c, j, number(t), j+2)
	case t == "nua" && (c.at(j+1) == "dau" || c.at(j+1) == "cuoi") && c.at(j+2) == "nam":
		return b.months(c, j, 6, j+1)
	case isNumeric(t) && strings.Contains(t, "/") && !strings.ContainsAny(t, ".-:"):
		return b.numeric(c, j)
	case prepped && isDigits(t) && len(t) == 4:
		return b.yearAt(c, j, j)
	}
	return period{}, j, false, nil
}

// apply records what a when says. open and dated tell, for the clause,
// whether a “từ” started work and whether something set a due date.
func (b *builder) apply(c clause, w when, open, dated *bool) error {
	words := strings.TrimSpace(c.words(0, len(c.toks)))
	switch w.kind {
	case wRegular:
		b.regular = true
	case wCond:
		b.d.Conditional = true
		b.d.Condition = join(b.d.Condition, w.text)
	case wPer:
		b.d.Per = join(b.d.Per, w.text)
	case wNow:
		b.d.Immediate = true
		if b.ctx.PlanDate.IsZero() {
			// Due at once, from a day nobody wrote down: no date is made up.
			*dated = true
			return nil
		}
		day := civilOf(b.ctx.PlanDate)
		if err := checkYear(c, w.i, w.j, day.y); err != nil {
			return err
		}
		b.addStep(c, w, Step{Words: words, Start: day.first(), Due: day.moment(0)}, day.first())
		*dated = true
	case wDate:
		if r := w.per.rule; r != nil {
			if b.rule != nil && !sameRule(b.rule, r) {
				return c.errAt(w.i, w.j, codeRule,
					diag.Tf("“%s”: thời hạn đã có một chu kỳ khác", "“%s”: the deadline already repeats differently", c.words(w.i, w.j)),
					diag.T("Mỗi nhiệm vụ ghi một chu kỳ lặp lại; tách báo cáo khác chu kỳ thành nhiệm vụ riêng.",
						"Give each task one way of repeating; split reports that repeat differently into tasks of their own."))
			}
			b.rule = r
			return nil
		}
		for _, s := range w.per.spans {
			var st Step
			var opens time.Time // the first moment of the period the due date closes
			switch {
			case w.prep == from:
				st.Start = s.first.first().Add(s.at)
				*open = true
			case w.prep == before && (!s.day || s.vague):
				st.Due = s.first.addDays(-1).moment(0)
				*dated = true
			case s.vague:
				return vagueErr(c, w.i, w.j)
			default:
				st.Due = s.last.moment(s.at)
				st.Approximate = s.approx
				if w.prep != before {
					opens = s.first.first()
				}
				*dated = true
			}
			if err := inRange(c, w, st); err != nil {
				return err
			}
			st.Words = words
			b.addStep(c, w, st, opens)
		}
	}
	return nil
}

func sameRule(a, b *rule) bool {
	return a.rec == b.rec && a.weekday == b.weekday && a.day == b.day && a.at == b.at && slices.Equal(a.dates, b.dates)
}

var (
	minTime = time.Date(1900, 1, 1, 0, 0, 0, 0, vietnam)
	maxTime = time.Date(2201, 1, 1, 0, 0, 0, 0, vietnam)
)

// inRange keeps dates within 1900–2200 even where reading moves them, as
// “trước tháng 1/1900” would.
func inRange(c clause, w when, st Step) error {
	for _, t := range []time.Time{st.Start, st.Due} {
		if !t.IsZero() && (t.Before(minTime) || !t.Before(maxTime)) {
			return c.errAt(w.i, w.j, codeYear,
				diag.Tf("“%s” nằm ngoài các năm 1900–2200", "“%s” falls outside the years 1900–2200", c.words(w.i, w.j)),
				diag.T("Kiểm tra lại năm.", "Check the year."))
		}
	}
	return nil
}

// stepMeta is where a step was read, for ordering and narrowing.
type stepMeta struct {
	clause   int       // offset of the step's clause
	from, to int       // offsets of its when's words
	opens    time.Time // the start of the period its Due closes; zero when open (“trước”)
}

func (b *builder) addStep(c clause, w when, st Step, opens time.Time) {
	b.d.Steps = append(b.d.Steps, st)
	b.meta = append(b.meta, stepMeta{clause: c.toks[0].start, from: c.toks[w.i].start, to: c.toks[w.j-1].end, opens: opens})
	if !st.Start.IsZero() && (b.d.Start.IsZero() || st.Start.Before(b.d.Start)) {
		b.d.Start = st.Start
	}
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

func (b *builder) finish() Deadline {
	d := b.d
	b.narrow()
	for _, st := range d.Steps {
		switch {
		case st.Due.IsZero() || st.Narrowed || st.Due.Before(d.Due):
		case st.Due.After(d.Due):
			d.Due, d.Approximate = st.Due, st.Approximate
		default:
			d.Approximate = d.Approximate && st.Approximate
		}
	}
	if len(d.Steps) > 1 {
		idx := make([]int, len(d.Steps))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(i, j int) int { return b.meta[i].clause - b.meta[j].clause })
		steps := make([]Step, len(idx))
		for k, i := range idx {
			steps[k] = d.Steps[i]
		}
		d.Steps = steps
	}
	switch {
	case b.rule != nil:
		d.Recurrence = b.rule.rec
		d.Weekday, d.Day, d.Dates, d.At = b.rule.weekday, b.rule.day, b.rule.dates, b.rule.at
	case b.regular:
		d.Recurrence = Regularly
	}
	return d
}

// narrow marks the steps whose due date another step of the same work
// narrows: of two dated words next to each other in the text (“Quý IV/2023,
// chậm nhất ngày 15/12/2023”, “trong Quý IV/2023 (trước 15/12/2023)”), the
// one whose due date falls within the other's period is the deadline. Words
// between them other than marks and joinWords (“riêng báo cáo”, “và báo
// cáo”), or the end of a clause, make them two parts of the work instead.
func (b *builder) narrow() {
	var due []int
	for i, st := range b.d.Steps {
		if !st.Due.IsZero() {
			due = append(due, i)
		}
	}
	slices.SortStableFunc(due, func(i, j int) int { return b.meta[i].from - b.meta[j].from })
	for k := 1; k < len(due); k++ {
		i, j := due[k-1], due[k]
		mi, mj := b.meta[i], b.meta[j]
		if mi.from == mj.from || !joined(b.d.Text[min(mi.to, mj.from):mj.from]) {
			continue // one when's list of days, or two parts of the work
		}
		si, sj := &b.d.Steps[i], &b.d.Steps[j]
		switch {
		case within(sj.Due, mj.opens, si.Due, mi.opens):
			si.Narrowed = true
		case within(si.Due, mi.opens, sj.Due, mj.opens):
			sj.Narrowed = true
		}
	}
}

// within reports whether a due date and the period it closes (from opens;
// zero for no start) lie within another's, and are narrower.
func within(due, opens, outerDue, outerOpens time.Time) bool {
	if due.After(outerDue) || due.Before(outerOpens) {
		return false
	}
	if due.Before(outerDue) {
		return true
	}
	return !outerOpens.IsZero() && opens.After(outerOpens)
}

// joinWords may stand between a period and a date that narrows it: “Tháng
// 6/2023, xong trước 20/6”, “Quý IV/2023, hoàn thành chậm nhất ngày
// 15/12/2023”.
var joinWords = map[string]bool{
	"xong": true, "hoan": true, "thanh": true, "thuc": true, "hien": true,
	"va": true, "nhung": true, "song": true, "phai": true,
}

// joined reports whether the words between two dated words leave them
// about the same work.
func joined(between string) bool {
	for _, t := range tokenize(between) {
		switch {
		case t.kind == comma, t.kind == stop && (t.text == "(" || t.text == ")"):
		case t.kind == word && joinWords[t.text]:
		default:
			return false
		}
	}
	return true
}
