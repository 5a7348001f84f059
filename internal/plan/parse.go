package plan

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/vi"
)

// ParseDeadline reads a plan's deadline words; the package documentation
// gives the grammar and how each form is read. Text with no words at all
// gives the zero Deadline (the plan set no deadline). Words that cannot be
// read give a *ParseError.
func ParseDeadline(text string, ctx Context) (Deadline, error) {
	b := builder{src: text, ctx: ctx, d: Deadline{Text: text}}
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

// ---- Tokens ----

type tokenKind uint8

const (
	word  tokenKind = iota // letters and digits, and compounds such as 30/04/2023
	comma                  // , : - and other marks inside a clause
	stop                   // . ; ( ) and other marks that end a clause
)

// token is a word of the folded text, with the byte offsets of the words
// as written so that errors can quote them.
type token struct {
	text       string
	kind       tokenKind
	start, end int
}

// frune is a rune of the folded text and the bytes it came from.
type frune struct {
	r          rune
	start, end int
}

// foldRunes folds src one rune at a time so that each folded rune keeps the
// offsets of the rune it came from. Folding a rune alone gives what folding
// the whole text gives, since Fold only decomposes, drops marks and lowers.
func foldRunes(src string) []frune {
	out := make([]frune, 0, len(src))
	for off := 0; off < len(src); {
		r, size := utf8.DecodeRuneInString(src[off:])
		end := off + size
		if r == utf8.RuneError && size == 1 {
			out = append(out, frune{r, off, end})
			off = end
			continue
		}
		f := vi.Fold(src[off:end])
		if f == "" && len(out) > 0 && out[len(out)-1].end == off {
			// A combining mark of decomposed input: it belongs to the
			// letter before it.
			out[len(out)-1].end = end
		}
		for _, fr := range f {
			out = append(out, frune{fr, off, end})
		}
		off = end
	}
	return out
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func tokenize(src string) []token {
	fr := foldRunes(src)
	var toks []token
	var b strings.Builder
	for i := 0; i < len(fr); {
		r := fr[i].r
		switch {
		case isAlnum(r):
			b.Reset()
			start, end := fr[i].start, fr[i].end
			j := i
			for j < len(fr) {
				c := fr[j].r
				if isAlnum(c) {
					b.WriteRune(c)
					end = fr[j].end
					j++
					continue
				}
				if k, mark := joinAt(fr, j); k > j {
					b.WriteRune(mark)
					j = k
					continue
				}
				break
			}
			toks = append(toks, token{b.String(), word, start, end})
			i = j
		case unicode.IsSpace(r):
			i++
		case strings.ContainsRune(".;()[]{}!?…", r):
			toks = append(toks, token{string(r), stop, fr[i].start, fr[i].end})
			i++
		case strings.ContainsRune(",:-–—/+&", r):
			toks = append(toks, token{string(r), comma, fr[i].start, fr[i].end})
			i++
		default:
			i++ // quotes, asterisks of bold text, %…
		}
	}
	return toks
}

// joinAt reports whether the mark at fr[j] joins the letters and digits on
// either side into one compound, and if so where the compound goes on and
// which mark it keeps: “30/04/2023”, “ii/2023”, “hđnd-ubnd”, “50.000”,
// “09:00”, and “I / 2023” written with spaces. It returns j when the mark
// does not join.
func joinAt(fr []frune, j int) (int, rune) {
	next := func(k int) rune {
		if k < len(fr) {
			return fr[k].r
		}
		return 0
	}
	switch c := fr[j].r; {
	case (c == '/' || c == '-') && isAlnum(next(j+1)):
		return j + 1, c
	case (c == '.' || c == ':') && isDigit(fr[j-1].r) && isDigit(next(j+1)):
		return j + 1, c
	case c == ' ':
		k := j
		for next(k) == ' ' {
			k++
		}
		if next(k) != '/' {
			return j, 0
		}
		k++
		for next(k) == ' ' {
			k++
		}
		if isAlnum(next(k)) {
			return k, '/'
		}
	}
	return j, 0
}

// ---- Clauses ----

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

// ---- Reading ----

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
	src     string
	stepAt  []int // offset of each step's clause, to keep them in order
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

func startsDigit(t string) bool { return t != "" && isDigit(rune(t[0])) }

// isNumeric reports whether t is digits joined by / . - or :, such as
// 30/04/2023.
func isNumeric(t string) bool {
	if !startsDigit(t) {
		return false
	}
	for _, r := range t {
		if !isDigit(r) && !strings.ContainsRune("/.-:", r) {
			return false
		}
	}
	return true
}

func isDigits(t string) bool {
	return t != "" && !strings.ContainsFunc(t, func(r rune) bool { return !isDigit(r) })
}

// number reads up to four digits; longer numbers are not days, months or
// years, so they read as -1.
func number(t string) int {
	if !isDigits(t) || len(t) > 4 {
		return -1
	}
	n, _ := strconv.Atoi(t)
	return n
}

// parts splits a compound at its joining marks.
func parts(t string) []string {
	return strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune("/.-:", r) })
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
	case c.is(j, "bat", "dau", "tu"), c.is(j, "ke", "tu"):
		return from, j + 3 - btoi(c.at(j) == "ke")
	case c.is(j, "bat", "dau"):
		return from, j + 2
	case c.is(j, "tu"):
		return from, j + 1
	}
	return bare, j
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
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
	case (t == "cuoi" || t == "dau") && c.at(j+1) != "cuoi" && c.at(j+1) != "dau":
		p, k, ok, err := b.period(c, j+1, true)
		if err != nil || !ok {
			return p, k, ok, err
		}
		if p.rule != nil || len(p.spans) != 1 {
			return period{}, j, false, nil
		}
		s := p.spans[0]
		if t == "cuoi" {
			s.first = s.last
		} else {
			s.last = s.first
		}
		s.day = true
		return period{spans: []span{s}}, k, true, nil
	case isDigits(t) && c.is(j+1, "thang") && (c.at(j+2) == "dau" || c.at(j+2) == "cuoi") && c.at(j+3) == "nam":
		return b.months(c, j)
	case isNumeric(t) && strings.Contains(t, "/") && !strings.ContainsAny(t, ".-:"):
		return b.numeric(c, j)
	case prepped && isDigits(t) && len(t) == 4:
		return b.yearAt(c, j, j)
	}
	return period{}, j, false, nil
}

// ---- Periods ----

// date checks a date and makes it a one-day span.
func (b *builder) date(c clause, i, j int, y, m, d int) (span, error) {
	if err := checkYear(c, i, j, y); err != nil {
		return span{}, err
	}
	if m < 1 || m > 12 {
		return span{}, badMonth(c, i, j)
	}
	if d < 1 || d > daysIn(y, time.Month(m)) {
		return span{}, c.errAt(i, j, codeDate,
			diag.Tf("không có ngày “%s” trên lịch", "there is no such day as “%s”", c.words(i, j)),
			diag.T("Kiểm tra ngày và tháng: tháng 4, 6, 9, 11 có 30 ngày; tháng 2 có 28 hoặc 29 ngày.",
				"Check the day and month: April, June, September and November have 30 days; February 28 or 29."))
	}
	cd := civil{y, time.Month(m), d}
	return span{first: cd, last: cd, day: true}, nil
}

func badMonth(c clause, i, j int) error {
	return c.errAt(i, j, codeDate,
		diag.Tf("tháng không hợp lệ “%s”", "not a month “%s”", c.words(i, j)),
		diag.T("Tháng viết từ 1 đến 12, ví dụ “tháng 3/2023”, “ngày 30/04/2023”.",
			"Months run from 1 to 12, e.g. “tháng 3/2023”, “ngày 30/04/2023”."))
}

func checkYear(c clause, i, j int, y int) error {
	if y < 1900 || y > 2200 {
		return c.errAt(i, j, codeYear,
			diag.Tf("năm không hợp lệ “%s”", "not a year “%s”", c.words(i, j)),
			diag.T("Năm viết đủ 4 chữ số, từ 1900 đến 2200, ví dụ “Quý I/2023”.",
				"Years have 4 digits, from 1900 to 2200, e.g. “Quý I/2023”."))
	}
	return nil
}

// defaultYear is the context's year for a period written without one.
func (b *builder) defaultYear(c clause, i, j int) (int, error) {
	y := b.ctx.year()
	if y == 0 {
		return 0, c.errAt(i, j, codeYear,
			diag.Tf("không rõ năm của “%s”", "no year for “%s”", c.words(i, j)),
			diag.T("Ghi năm, ví dụ “tháng 3/2023”, hoặc khai báo năm của kế hoạch.",
				"Write the year, e.g. “tháng 3/2023”, or set the plan's year."))
	}
	return y, checkYear(c, i, j, y)
}

// yearOf reads a 4-digit year at k of the period i..j.
func yearOf(c clause, i, j int, t string) (int, error) {
	y := number(t)
	if len(t) != 4 {
		y = -1
	}
	return y, checkYear(c, i, j, y)
}

func yearPeriod(y int) period {
	return period{spans: []span{{first: civil{y, 1, 1}, last: civil{y, 12, 31}}}}
}

func (b *builder) yearAt(c clause, i, k int) (period, int, bool, error) {
	y, err := yearOf(c, i, k+1, c.at(k))
	if err != nil {
		return period{}, i, false, err
	}
	return yearPeriod(y), k + 1, true, nil
}

// monthSpan is the months m1..m2 of year y.
func monthSpan(y int, m1, m2 time.Month) span {
	return span{first: civil{y, m1, 1}, last: civil{y, m2, daysIn(y, m2)}}
}

// month reads “tháng 3/2023”, “tháng 03/2023”, “tháng 3 năm 2023”, “tháng 3”.
func (b *builder) month(c clause, j int) (period, int, bool, error) {
	t := c.at(j + 1)
	k := j + 2
	ps := parts(t)
	var m, y int
	var err error
	switch {
	case len(ps) == 2:
		m = number(ps[0])
		y, err = yearOf(c, j, k, ps[1])
	case len(ps) == 1 && c.at(k) == "nam" && startsDigit(c.at(k+1)):
		m = number(t)
		y, err = yearOf(c, j, k+2, c.at(k+1))
		k += 2
	case len(ps) == 1:
		m = number(t)
		y, err = b.defaultYear(c, j, k)
	default:
		err = badMonth(c, j, k)
	}
	if err != nil {
		return period{}, j, false, err
	}
	if m < 1 || m > 12 {
		return period{}, j, false, badMonth(c, j, k)
	}
	return period{spans: []span{monthSpan(y, time.Month(m), time.Month(m))}}, k, true, nil
}

// isQuarterish reports whether t after “quý” is meant as a quarter's
// number, right or wrong: “i/2023”, “iv”, “1”, “v/2023”, but not the
// “trình” of “quy trình”.
func isQuarterish(t string) bool {
	ps := parts(t)
	if len(ps) == 0 {
		return false
	}
	return isDigits(ps[0]) || !strings.ContainsFunc(ps[0], func(r rune) bool { return !strings.ContainsRune("ivxl", r) })
}

func quarterNumber(t string) int {
	switch t {
	case "i", "1", "01":
		return 1
	case "ii", "2", "02":
		return 2
	case "iii", "3", "03":
		return 3
	case "iv", "4", "04":
		return 4
	}
	return 0
}

// quarter reads “Quý I/2023”, “quý 1 năm 2023”, “Quý IV”.
func (b *builder) quarter(c clause, j int) (period, int, bool, error) {
	t := c.at(j + 1)
	k := j + 2
	ps := parts(t)
	var q, y int
	var err error
	switch {
	case len(ps) == 2:
		q = quarterNumber(ps[0])
		y, err = yearOf(c, j, k, ps[1])
	case len(ps) == 1 && c.at(k) == "nam" && startsDigit(c.at(k+1)):
		q = quarterNumber(t)
		y, err = yearOf(c, j, k+2, c.at(k+1))
		k += 2
	case len(ps) == 1:
		q = quarterNumber(t)
		y, err = b.defaultYear(c, j, k)
	}
	if err == nil && q == 0 {
		err = c.errAt(j, k, codeDate,
			diag.Tf("quý không hợp lệ “%s”", "not a quarter “%s”", c.words(j, k)),
			diag.T("Quý viết I, II, III, IV hoặc 1, 2, 3, 4, ví dụ “Quý I/2023”.",
				"Quarters are I, II, III, IV or 1, 2, 3, 4, e.g. “Quý I/2023”."))
	}
	if err != nil {
		return period{}, j, false, err
	}
	m := time.Month(3*q - 2)
	return period{spans: []span{monthSpan(y, m, m+2)}}, k, true, nil
}

// months reads “6 tháng đầu năm 2023” and “6 tháng cuối năm”.
func (b *builder) months(c clause, j int) (period, int, bool, error) {
	n := number(c.at(j))
	k := j + 4
	var y int
	var err error
	if startsDigit(c.at(k)) {
		y, err = yearOf(c, j, k+1, c.at(k))
		k++
	} else {
		y, err = b.defaultYear(c, j, k)
	}
	if err == nil && (n < 1 || n > 12) {
		err = c.errAt(j, k, codeDate,
			diag.Tf("số tháng không hợp lệ “%s”", "not a number of months “%s”", c.words(j, k)),
			diag.T("Viết từ 1 đến 12 tháng, ví dụ “6 tháng đầu năm 2023”.",
				"Write 1 to 12 months, e.g. “6 tháng đầu năm 2023”."))
	}
	if err != nil {
		return period{}, j, false, err
	}
	if c.at(j+2) == "dau" {
		return period{spans: []span{monthSpan(y, 1, time.Month(n))}}, k, true, nil
	}
	return period{spans: []span{monthSpan(y, time.Month(13-n), 12)}}, k, true, nil
}

// numeric reads a bare compound: “30/04/2023”, “14/06”, or “3/2023”.
func (b *builder) numeric(c clause, j int) (period, int, bool, error) {
	ps := parts(c.at(j))
	switch {
	case len(ps) == 2 && len(ps[1]) == 4:
		y, err := yearOf(c, j, j+1, ps[1])
		if err != nil {
			return period{}, j, false, err
		}
		m := number(ps[0])
		if m < 1 || m > 12 {
			return period{}, j, false, badMonth(c, j, j+1)
		}
		return period{spans: []span{monthSpan(y, time.Month(m), time.Month(m))}}, j + 1, true, nil
	case len(ps) == 2 || len(ps) == 3:
		return b.days(c, j)
	}
	return period{}, j, false, nil
}

// dayItem is one day of a list, as written.
type dayItem struct {
	d, m, y    int
	hasM, hasY bool
	i, j       int
}

// dayAt reads a day at j: “30/04/2023”, “14/06”, “13”, “31 tháng 12 năm
// 2023”.
func (b *builder) dayAt(c clause, j int) (dayItem, int, error) {
	t := c.at(j)
	it := dayItem{i: j}
	ps := parts(t)
	k := j + 1
	switch {
	case !isNumeric(t) || len(ps) > 3:
		return it, j, c.errAt(j, k, codeDate,
			diag.Tf("không đọc được ngày “%s”", "cannot read the day “%s”", c.words(j, k)),
			diag.T("Viết ngày như “30/04/2023”, “ngày 30 tháng 4 năm 2023” hoặc “ngày 13 hàng tháng”.",
				"Write days as “30/04/2023”, “ngày 30 tháng 4 năm 2023” or “ngày 13 hàng tháng”."))
	case len(ps) == 3:
		it.d, it.m, it.hasM, it.hasY = number(ps[0]), number(ps[1]), true, true
		y, err := yearOf(c, j, k, ps[2])
		if err != nil {
			return it, j, err
		}
		it.y = y
	case len(ps) == 2:
		if len(ps[1]) == 4 {
			return it, j, c.errAt(j, k, codeDate,
				diag.Tf("thiếu ngày trong “%s”", "the day is missing from “%s”", c.words(j, k)),
				diag.T("Viết “ngày 30/04/2023” cho một ngày, hoặc “tháng 4/2023” cho cả tháng.",
					"Write “ngày 30/04/2023” for a day, or “tháng 4/2023” for the whole month."))
		}
		it.d, it.m, it.hasM = number(ps[0]), number(ps[1]), true
	default:
		it.d = number(t)
		if c.at(k) == "thang" && startsDigit(c.at(k+1)) {
			mp := parts(c.at(k + 1))
			it.m, it.hasM = number(mp[0]), true
			switch {
			case len(mp) == 2:
				y, err := yearOf(c, j, k+2, mp[1])
				if err != nil {
					return it, j, err
				}
				it.y, it.hasY = y, true
				k += 2
			case len(mp) == 1 && c.at(k+2) == "nam" && startsDigit(c.at(k+3)):
				y, err := yearOf(c, j, k+4, c.at(k+3))
				if err != nil {
					return it, j, err
				}
				it.y, it.hasY = y, true
				k += 4
			case len(mp) == 1:
				k += 2
			default:
				return it, j, badMonth(c, j, k+2)
			}
		}
	}
	it.j = k
	if it.hasM && (it.m < 1 || it.m > 12) {
		return it, j, badMonth(c, j, k)
	}
	return it, k, nil
}

// days reads a list of days at j and what follows it: “hàng tháng” makes a
// Monthly rule, “hàng năm” a Yearly one, and nothing one-off days.
func (b *builder) days(c clause, j int) (period, int, bool, error) {
	var items []dayItem
	k := j
	for {
		it, k2, err := b.dayAt(c, k)
		if err != nil {
			return period{}, j, false, err
		}
		items = append(items, it)
		k = k2
		m := k
		if c.at(m) == "va" || c.isComma(m) {
			m++
		} else {
			break
		}
		if c.at(m) == "ngay" {
			m++
		}
		if !isNumeric(c.at(m)) {
			break
		}
		k = m
	}
	first := items[0]
	switch {
	case c.is(k, "hang", "thang"):
		if len(items) > 1 || first.hasM {
			return period{}, j, false, c.errAt(j, k+2, codeRule,
				diag.Tf("“%s”: hàng tháng chỉ ghi một ngày, không kèm tháng", "“%s”: a monthly deadline takes one day and no month", c.words(j, k+2)),
				diag.T("Ví dụ: “trước ngày 13 hàng tháng”.", "For example: “trước ngày 13 hàng tháng”."))
		}
		if first.d < 1 || first.d > 31 {
			return period{}, j, false, c.errAt(j, k, codeDate,
				diag.Tf("không có ngày “%s” trong tháng", "no day “%s” in a month", c.words(j, k)),
				diag.T("Ngày trong tháng viết từ 1 đến 31.", "Days of the month run from 1 to 31."))
		}
		return period{rule: &rule{rec: Monthly, day: first.d}}, k + 2, true, nil
	case c.is(k, "hang", "nam"):
		r := &rule{rec: Yearly}
		for _, it := range items {
			if !it.hasM || it.hasY {
				return period{}, j, false, c.errAt(it.i, it.j, codeRule,
					diag.Tf("“%s”: hạn hàng năm ghi ngày và tháng, không ghi năm", "“%s”: a yearly deadline takes a day and a month, no year", c.words(it.i, it.j)),
					diag.T("Ví dụ: “trước ngày 14/06 và 14/12 hàng năm”.", "For example: “trước ngày 14/06 và 14/12 hàng năm”."))
			}
			// Any year with a 29 February will do to check the day.
			if _, err := b.date(c, it.i, it.j, 2024, it.m, it.d); err != nil {
				return period{}, j, false, err
			}
			r.dates = append(r.dates, MonthDay{Day: it.d, Month: time.Month(it.m)})
		}
		return period{rule: r}, k + 2, true, nil
	case c.is(k, "hang", "quy"), c.is(k, "hang", "tuan"), c.is(k, "hang", "ngay"):
		return period{}, j, false, c.errAt(j, k+2, codeRule,
			diag.Tf("không rõ ngày nào của “%s”", "which day is meant in “%s”", c.words(j, k+2)),
			diag.T("Viết “hàng quý” (cuối mỗi quý), “trước 09h ngày Thứ 3 hàng tuần”, “trước ngày 13 hàng tháng”.",
				"Write “hàng quý” (end of each quarter), “trước 09h ngày Thứ 3 hàng tuần”, “trước ngày 13 hàng tháng”."))
	}
	var p period
	for _, it := range items {
		if !it.hasM {
			return period{}, j, false, c.errAt(it.i, it.j, codeDate,
				diag.Tf("thiếu tháng trong “%s”", "the month is missing from “%s”", c.words(it.i, it.j)),
				diag.T("Viết “ngày 13/03/2023”, hoặc “ngày 13 hàng tháng” nếu lặp lại mỗi tháng.",
					"Write “ngày 13/03/2023”, or “ngày 13 hàng tháng” for every month."))
		}
		y := it.y
		if !it.hasY {
			var err error
			if y, err = b.defaultYear(c, it.i, it.j); err != nil {
				return period{}, j, false, err
			}
		}
		s, err := b.date(c, it.i, it.j, y, it.m, it.d)
		if err != nil {
			return period{}, j, false, err
		}
		p.spans = append(p.spans, s)
	}
	return p, k, true, nil
}

// weekdays are the names after “thứ”.
var weekdays = map[string]time.Weekday{
	"2": time.Monday, "hai": time.Monday,
	"3": time.Tuesday, "ba": time.Tuesday,
	"4": time.Wednesday, "tu": time.Wednesday,
	"5": time.Thursday, "nam": time.Thursday,
	"6": time.Friday, "sau": time.Friday,
	"7": time.Saturday, "bay": time.Saturday,
}

// weekly reads “Thứ 3 hàng tuần”. Unless committed (after “ngày”), words
// that are not a weekday followed by “hàng tuần” are left alone: “thu nhận
// hồ sơ” is not a day of the week.
func (b *builder) weekly(c clause, j int, committed bool) (period, int, bool, error) {
	var wd time.Weekday
	var ok bool
	k := j + 2
	if c.is(j, "chu", "nhat") {
		wd, ok = time.Sunday, true
	} else if c.at(j) == "thu" {
		wd, ok = weekdays[c.at(j+1)]
	}
	switch {
	case ok && c.is(k, "hang", "tuan"):
		return period{rule: &rule{rec: Weekly, weekday: wd}}, k + 2, true, nil
	case ok && (committed || startsDigit(c.at(j+1))):
		return period{}, j, false, c.errAt(j, k, codeRule,
			diag.Tf("“%s” thiếu “hàng tuần”", "“%s” lacks “hàng tuần” (every week)", c.words(j, k)),
			diag.T("Ví dụ: “trước 09h ngày Thứ 3 hàng tuần”.", "For example: “trước 09h ngày Thứ 3 hàng tuần”."))
	case !ok && committed && startsDigit(c.at(j+1)):
		return period{}, j, false, c.errAt(j, k, codeDate,
			diag.Tf("không có “%s” trong tuần", "there is no “%s” in a week", c.words(j, k)),
			diag.T("Thứ viết từ 2 đến 7, hoặc Chủ nhật.", "Weekdays run from Thứ 2 (Monday) to Thứ 7 (Saturday), and Chủ nhật (Sunday)."))
	}
	return period{}, j, false, nil
}

// every reads “hàng tuần”, “hàng tháng”, “hàng quý”, “hàng năm”, “hàng
// ngày” on their own.
func every(c clause, j int) (period, int, bool, error) {
	var r rule
	switch c.at(j + 1) {
	case "ngay":
		r.rec = Daily
	case "tuan":
		// A week of the Vietnamese calendar runs Monday to Sunday.
		r.rec, r.weekday = Weekly, time.Sunday
	case "thang":
		r.rec = Monthly
	case "quy":
		r.rec = Quarterly
	case "nam":
		r.rec, r.dates = Yearly, []MonthDay{{31, time.December}}
	default:
		return period{}, j, false, nil
	}
	return period{rule: &r}, j + 2, true, nil
}

// isClockAt reports whether an hour starts at j: “09h”, “9h30”, “09:00”,
// “9 giờ”.
func isClockAt(c clause, j int) bool {
	t := c.at(j)
	if isDigits(t) {
		return c.at(j+1) == "gio" || c.at(j+1) == "h"
	}
	_, _, ok := clockWord(t)
	return ok
}

// clockWord splits “09h30” or “09:00” into hour and minute.
func clockWord(t string) (h, m int, ok bool) {
	i := strings.IndexFunc(t, func(r rune) bool { return !isDigit(r) })
	if i < 1 || i > 2 {
		return 0, 0, false
	}
	h, rest := number(t[:i]), t[i:]
	switch {
	case strings.HasPrefix(rest, "gio"):
		rest = rest[3:]
	case strings.HasPrefix(rest, "h"), strings.HasPrefix(rest, ":"):
		rest = rest[1:]
	default:
		return 0, 0, false
	}
	rest = strings.TrimSuffix(strings.TrimSuffix(rest, "phut"), "p")
	if rest == "" {
		return h, 0, true
	}
	if !isDigits(rest) || len(rest) > 2 {
		return 0, 0, false
	}
	return h, number(rest), true
}

// clocked reads an hour and the day or rule it belongs to: “09h ngày Thứ 3
// hàng tuần”, “17h ngày 30/04/2023”.
func (b *builder) clocked(c clause, j int) (period, int, bool, error) {
	var h, m int
	k := j + 1
	if t := c.at(j); isDigits(t) {
		h = number(t)
		k = j + 2
		if isDigits(c.at(k)) {
			m = number(c.at(k))
			k++
			if c.at(k) == "phut" {
				k++
			}
		}
	} else {
		h, m, _ = clockWord(t)
	}
	if h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m > 0) || (h == 0 && m == 0) {
		return period{}, j, false, c.errAt(j, k, codeDate,
			diag.Tf("giờ không hợp lệ “%s”", "not an hour “%s”", c.words(j, k)),
			diag.T("Giờ viết từ 00h01 đến 24h, ví dụ “09h”, “9h30”, “17:00”.",
				"Hours run from 00h01 to 24h, e.g. “09h”, “9h30”, “17:00”."))
	}
	at := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
	if at == 24*time.Hour {
		at = 0
	}
	var p period
	k2, ok := k, false
	if !isClockAt(c, k) {
		var err error
		if p, k2, ok, err = b.period(c, k, true); err != nil {
			return p, k2, ok, err
		}
	}
	switch {
	case ok && p.rule != nil:
		p.rule.at = at
		return p, k2, true, nil
	case ok && len(p.spans) == 1 && p.spans[0].day:
		p.spans[0].at = at
		return p, k2, true, nil
	}
	return period{}, j, false, c.errAt(j, max(k2, k), codeDate,
		diag.Tf("“%s”: giờ phải kèm một ngày", "“%s”: an hour needs a day", c.words(j, max(k2, k))),
		diag.T("Ví dụ: “trước 17h ngày 30/04/2023”, “trước 09h ngày Thứ 3 hàng tuần”.",
			"For example: “trước 17h ngày 30/04/2023”, “trước 09h ngày Thứ 3 hàng tuần”."))
}

// ---- Putting it together ----

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
		if b.ctx.PlanDate.IsZero() {
			return c.errAt(w.i, w.j, codePlanDate,
				diag.Tf("“%s”: chưa biết ngày ban hành kế hoạch", "“%s”: the plan's date is not known", c.words(w.i, w.j)),
				diag.T("Khai báo ngày ban hành kế hoạch, hoặc ghi hạn cụ thể.", "Set the date the plan was issued, or write a due date."))
		}
		day := civilOf(b.ctx.PlanDate)
		if err := checkYear(c, w.i, w.j, day.y); err != nil {
			return err
		}
		b.addStep(c, Step{Words: words, Start: day.first(), Due: day.moment(0)})
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
			switch {
			case w.prep == from:
				st.Start = s.first.first().Add(s.at)
				*open = true
			case w.prep == before && !s.day:
				st.Due = s.first.addDays(-1).moment(0)
				*dated = true
			default:
				st.Due = s.last.moment(s.at)
				*dated = true
			}
			if err := inRange(c, w, st); err != nil {
				return err
			}
			st.Words = words
			b.addStep(c, st)
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

func (b *builder) addStep(c clause, st Step) {
	b.d.Steps = append(b.d.Steps, st)
	b.stepAt = append(b.stepAt, c.toks[0].start)
	if !st.Start.IsZero() && (b.d.Start.IsZero() || st.Start.Before(b.d.Start)) {
		b.d.Start = st.Start
	}
	if !st.Due.IsZero() && st.Due.After(b.d.Due) {
		b.d.Due = st.Due
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
	if len(d.Steps) > 1 {
		idx := make([]int, len(d.Steps))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(i, j int) int { return b.stepAt[i] - b.stepAt[j] })
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
