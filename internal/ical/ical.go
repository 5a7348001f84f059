// Package ical writes iCalendar files (RFC 5545): the deadline calendars
// of the write stage's downloads, /nhiem-vu/lich.ics and
// /don-vi/<id>/lich.ics.
//
// It writes only what those calendars need — all-day events, events at a
// time of day in one named zone, and recurrence rules — and writes it the
// way the RFC and the common clients (Google Calendar, Outlook, the iOS
// calendar) read it: CRLF line ends, content lines folded at 75 octets
// without splitting a UTF-8 character, TEXT values escaped, one VTIMEZONE
// for the zone that timed events use.
//
// The output depends only on its input: nothing reads the clock. DTSTAMP
// is Calendar.Stamp, which the caller derives from the site's data (see
// view.Calendars), so identical builds give identical files and a
// subscriber's client sees a change only when something changed.
package ical

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Calendar is one .ics file.
type Calendar struct {
	// Name is shown by clients as the calendar's name (X-WR-CALNAME, and
	// NAME of RFC 7986); Description likewise.
	Name, Description string
	// Zone is the time zone of timed events: its IANA name and its fixed
	// offset east of UTC. Vietnam has had one offset since 1975, so the
	// VTIMEZONE has one STANDARD part.
	Zone   string
	Offset time.Duration
	// Stamp is every event's DTSTAMP.
	Stamp  time.Time
	Events []Event
}

// Event is one VEVENT.
type Event struct {
	// UID must stay the same from one build to the next for the same
	// deadline, so that a subscriber's client updates the event instead of
	// adding another.
	UID         string
	Summary     string
	Description string
	// URL is an absolute address, or empty.
	URL string
	// Date is the day of an all-day event (AllDay), else the start in the
	// calendar's zone (its clock reading is written with TZID).
	Date   time.Time
	AllDay bool
	// Rule is an RRULE value ("FREQ=WEEKLY;BYDAY=TU"), empty for once.
	Rule string
	// Categories are written as one CATEGORIES property.
	Categories []string
	// Sequence counts the times the event's date was moved, and Modified
	// is when it last was (zero: unknown): clients that keep a copy
	// replace it.
	Sequence int
	Modified time.Time
}

// Encode writes c as an iCalendar object.
func Encode(c Calendar) []byte {
	w := &writer{}
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:-//tiendo//tiendo//VI")
	w.line("CALSCALE:GREGORIAN")
	if c.Name != "" {
		w.prop("NAME", Text(c.Name))
		w.prop("X-WR-CALNAME", Text(c.Name))
	}
	if c.Description != "" {
		w.prop("X-WR-CALDESC", Text(c.Description))
	}
	timed := false
	for _, e := range c.Events {
		timed = timed || !e.AllDay
	}
	if c.Zone != "" {
		w.prop("X-WR-TIMEZONE", c.Zone)
	}
	if timed && c.Zone != "" {
		off := offset(c.Offset)
		w.line("BEGIN:VTIMEZONE")
		w.prop("TZID", c.Zone)
		w.line("BEGIN:STANDARD")
		w.line("DTSTART:19700101T000000")
		w.line("TZOFFSETFROM:" + off)
		w.line("TZOFFSETTO:" + off)
		w.line("TZNAME:" + strings.TrimSuffix(off, "00"))
		w.line("END:STANDARD")
		w.line("END:VTIMEZONE")
	}
	stamp := c.Stamp.UTC().Format("20060102T150405Z")
	for _, e := range c.Events {
		w.line("BEGIN:VEVENT")
		w.prop("UID", Text(e.UID))
		w.line("DTSTAMP:" + stamp)
		if !e.Modified.IsZero() {
			w.line("LAST-MODIFIED:" + e.Modified.UTC().Format("20060102T150405Z"))
		}
		if e.Sequence > 0 {
			w.line(fmt.Sprintf("SEQUENCE:%d", e.Sequence))
		}
		if e.AllDay {
			w.line("DTSTART;VALUE=DATE:" + e.Date.Format("20060102"))
			y, m, d := e.Date.Date()
			w.line("DTEND;VALUE=DATE:" + time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC).Format("20060102"))
			w.line("TRANSP:TRANSPARENT")
		} else {
			w.line("DTSTART;TZID=" + c.Zone + ":" + e.Date.Format("20060102T150405"))
		}
		if e.Rule != "" {
			w.line("RRULE:" + e.Rule)
		}
		w.prop("SUMMARY", Text(e.Summary))
		if e.Description != "" {
			w.prop("DESCRIPTION", Text(e.Description))
		}
		if len(e.Categories) > 0 {
			parts := make([]string, len(e.Categories))
			for i, cat := range e.Categories {
				parts[i] = Text(cat)
			}
			w.prop("CATEGORIES", strings.Join(parts, ","))
		}
		if e.URL != "" {
			w.prop("URL", e.URL)
		}
		w.line("END:VEVENT")
	}
	w.line("END:VCALENDAR")
	return w.buf.Bytes()
}

// offset writes d as ±hhmm.
func offset(d time.Duration) string {
	sign := "+"
	if d < 0 {
		sign, d = "-", -d
	}
	return fmt.Sprintf("%s%02d%02d", sign, int(d.Hours()), int(d.Minutes())%60)
}

// Text escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon,
// comma and line breaks. Other control characters, which no TEXT may
// hold, become spaces.
func Text(s string) string {
	var b strings.Builder
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

type writer struct{ buf bytes.Buffer }

func (w *writer) prop(name, value string) { w.line(name + ":" + value) }

// line writes a content line folded at 75 octets (RFC 5545 3.1): a CRLF
// and a space before every further 74 octets, never inside a UTF-8
// character.
func (w *writer) line(s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.buf.WriteString(s[:cut])
		w.buf.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the space counts
	}
	w.buf.WriteString(s)
	w.buf.WriteString("\r\n")
}
