package feed

import (
	"errors"
	"fmt"
	"time"
)

// dateForms lists the date forms ParseDate accepts, for error messages.
const dateForms = "use YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] [±hhmm], or RFC 3339 YYYY-MM-DDTHH:MM:SS[.frac][Z|±hh:mm]"

// ParseDate parses every date form Hugo and Jekyll accept:
//
//	2006-01-02 and 2006-1-2               (date only)
//	2006-01-02T15:04:05Z07:00             (RFC 3339, also with fractional seconds)
//	2006-01-02T15:04:05, 2006-01-02T15:04 (no zone)
//	2006-01-02 15:04:05 -0700             (Jekyll; the zone may also be Z, ±07, ±07:00)
//	2006-01-02 15:04:05, 2006-01-02 15:04 (no zone)
//
// The separator between date and time may be T, t or spaces; a space may
// precede the zone. Values without a zone are in loc (UTC when loc is nil).
// dateOnly reports a value without time of day; it is midnight in loc.
// Invalid calendar dates (2023-02-30), year 0 and years above 9999 are
// errors, and every error says which forms are accepted.
func ParseDate(s string, loc *time.Location) (t time.Time, dateOnly bool, err error) {
	if loc == nil {
		loc = time.UTC
	}
	t, dateOnly, err = parseDate(s, loc)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("%s (%s)", err, dateForms)
	}
	return t, dateOnly, nil
}

// dateScanner reads a date string left to right.
type dateScanner struct {
	s string
	i int
}

// digits reads between min and max ASCII digits and returns their value and
// how many it read; n is 0 when fewer than min digits are present.
func (d *dateScanner) digits(min, max int) (v, n int) {
	for n < max && d.i+n < len(d.s) && d.s[d.i+n] >= '0' && d.s[d.i+n] <= '9' {
		v = v*10 + int(d.s[d.i+n]-'0')
		n++
	}
	if n < min {
		return 0, 0
	}
	d.i += n
	return v, n
}

// eat reads c if it is next and reports whether it did.
func (d *dateScanner) eat(c byte) bool {
	if d.i < len(d.s) && d.s[d.i] == c {
		d.i++
		return true
	}
	return false
}

// spaces skips spaces and reports how many there were.
func (d *dateScanner) spaces() int {
	n := 0
	for d.i < len(d.s) && d.s[d.i] == ' ' {
		d.i++
		n++
	}
	return n
}

func (d *dateScanner) done() bool { return d.i == len(d.s) }

var errNotDate = errors.New("not a date")

// parseDate does the work of ParseDate; its errors do not list the forms.
func parseDate(s string, loc *time.Location) (time.Time, bool, error) {
	bad := func() (time.Time, bool, error) {
		return time.Time{}, false, fmt.Errorf("%q is not a date", s)
	}
	d := &dateScanner{s: s}
	year, n := d.digits(4, 5)
	if n == 0 {
		return bad()
	}
	if n > 4 || year == 0 {
		return time.Time{}, false, fmt.Errorf("%q: year must be between 0001 and 9999", s)
	}
	if !d.eat('-') {
		return bad()
	}
	month, n := d.digits(1, 2)
	if n == 0 || !d.eat('-') {
		return bad()
	}
	day, n := d.digits(1, 2)
	if n == 0 {
		return bad()
	}
	if month < 1 || month > 12 {
		return time.Time{}, false, fmt.Errorf("%q: month %d does not exist", s, month)
	}
	if day < 1 || day > daysIn(time.Month(month), year) {
		return time.Time{}, false, fmt.Errorf("%q: %s %d has no day %d", s, time.Month(month), year, day)
	}
	if d.done() {
		return time.Date(year, time.Month(month), day, 0, 0, 0, 0, loc), true, nil
	}
	if !d.eat('T') && !d.eat('t') && d.spaces() == 0 {
		return bad()
	}
	hour, n := d.digits(1, 2)
	if n == 0 || !d.eat(':') {
		return bad()
	}
	minute, n := d.digits(2, 2)
	if n == 0 {
		return bad()
	}
	sec, nsec := 0, 0
	if d.eat(':') {
		if sec, n = d.digits(2, 2); n == 0 {
			return bad()
		}
		if d.eat('.') || d.eat(',') {
			frac, n := d.digits(1, 9)
			if n == 0 {
				return bad()
			}
			for ; n < 9; n++ {
				frac *= 10
			}
			nsec = frac
		}
	}
	if hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false, fmt.Errorf("%q: time of day out of range", s)
	}
	d.spaces()
	if !d.done() {
		zone, err := parseZone(d)
		if err != nil || !d.done() {
			return bad()
		}
		loc = zone
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, nsec, loc), false, nil
}

// parseZone reads Z, ±hh, ±hhmm or ±hh:mm.
func parseZone(d *dateScanner) (*time.Location, error) {
	if d.eat('Z') || d.eat('z') {
		return time.UTC, nil
	}
	sign := 1
	switch {
	case d.eat('+'):
	case d.eat('-'):
		sign = -1
	default:
		return nil, errNotDate
	}
	h, n := d.digits(2, 2)
	if n == 0 {
		return nil, errNotDate
	}
	m := 0
	if d.eat(':') {
		if m, n = d.digits(2, 2); n == 0 {
			return nil, errNotDate
		}
	} else if !d.done() {
		if m, n = d.digits(2, 2); n == 0 {
			return nil, errNotDate
		}
	}
	if h > 23 || m > 59 {
		return nil, errNotDate
	}
	off := sign * (h*3600 + m*60)
	if off == 0 {
		return time.UTC, nil
	}
	return time.FixedZone("", off), nil
}

// daysIn returns the number of days in month m of year y.
func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
