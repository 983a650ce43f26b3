// Package date parses the calendar dates that FOI staff type into
// front-matter and represents them without a time of day or time zone.
//
// Accepted forms are ISO 8601 ("2023-05-12"), UK day-first numeric
// ("12/05/2023", "12.05.2023", "12-05-2023") and written dates
// ("12 May 2023", "12th May 2023", "Friday 12 May 2023", "12 Sept 2023").
// US month-first dates are never guessed: "05/12/2023" is 5 December.
// Two-digit years, impossible dates (31/02/2023) and anything else are
// rejected with an error that says which forms are accepted.
package date

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a civil date: a year, month and day with no time zone.
// The zero Date reports IsZero and formats as "".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Of returns the civil date of t in t's location.
func Of(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether d is the zero Date (no date given).
func (d Date) IsZero() bool { return d == Date{} }

// String formats d as ISO 8601 ("2023-05-12"), or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Long formats d the way GOV.UK writes dates: "12 May 2023".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp(int(d.Month), int(e.Month))
	default:
		return cmp(d.Day, e.Day)
	}
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

func cmp(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// ErrFormat is wrapped by the errors Parse returns for text in none of the
// accepted forms. Errors for text in an accepted form that is still wrong
// (an impossible day, a month above 12 in a day-first date, a year out of
// range) say what is wrong instead.
var ErrFormat = errors.New(`use 2023-05-12, 12/05/2023 or 12 May 2023`)

// Error is the error Parse returns. Its text says what is wrong; Hint
// says what to write instead, in words for the person who typed the date
// ("write the date as 28/02/2023 or check the day"). It wraps ErrFormat
// when the text is in none of the accepted forms.
type Error struct {
	err error
	// Hint says what to do; it is never empty.
	Hint string
}

// Error returns what is wrong with the date, without the hint.
func (e *Error) Error() string { return e.err.Error() }

// Unwrap returns the error without its hint, so that
// errors.Is(err, ErrFormat) works.
func (e *Error) Unwrap() error { return e.err }

// fail returns err with a hint.
func fail(hint string, err error) error { return &Error{err: err, Hint: hint} }

// formatHint is the hint for text in none of the accepted forms.
const formatHint = "write the day, month and year, such as 12/05/2023 or 12 May 2023"

// style is how a date was written, so that a hint can answer in kind.
type style int

const (
	styleISO     style = iota // 2023-05-12
	styleNumeric              // 12/05/2023
	styleWritten              // 12 May 2023
)

// format writes y-m-d in style st.
func (st style) format(y int, m time.Month, d int) string {
	switch st {
	case styleISO:
		return fmt.Sprintf("%04d-%02d-%02d", y, int(m), d)
	case styleWritten:
		return fmt.Sprintf("%d %s %d", d, m, y)
	}
	return fmt.Sprintf("%02d/%02d/%d", d, int(m), y)
}

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
	"nov": 11, "november": 11, "dec": 12, "december": 12,
}

var weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}

// Parse reads one date in any accepted form. Surrounding spaces are
// ignored. An ISO timestamp with a time part ("2023-05-12T09:00:00Z") is
// not a date and is rejected.
func Parse(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, fail("write the date, such as 12/05/2023", fmt.Errorf("empty date: %w", ErrFormat))
	}
	var y, m, d int
	var err error
	st := styleISO
	switch {
	case isISO(s):
		y, _ = strconv.Atoi(s[0:4])
		m, _ = strconv.Atoi(s[5:7])
		d, _ = strconv.Atoi(s[8:10])
	case strings.ContainsAny(s, "/.") || isDashedUK(s):
		st = styleNumeric
		y, m, d, err = parseNumericUK(s)
	default:
		st = styleWritten
		y, m, d, err = parseWritten(s)
	}
	if err != nil {
		return Date{}, err
	}
	return check(s, y, m, d, st)
}

func isISO(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	return allDigits(s[0:4]) && allDigits(s[5:7]) && allDigits(s[8:10])
}

func isDashedUK(s string) bool {
	p := strings.Split(s, "-")
	return len(p) == 3 && allDigits(p[0]) && allDigits(p[1]) && allDigits(p[2])
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func parseNumericUK(s string) (y, m, d int, err error) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	bad := func() error { return fail(notDateHint(s), fmt.Errorf("%q is not a date: %w", s, ErrFormat)) }
	if len(parts) != 3 || strings.Count(s, string(s[len(parts[0])])) != 2 {
		return 0, 0, 0, bad()
	}
	for _, p := range parts {
		if !allDigits(p) {
			return 0, 0, 0, bad()
		}
	}
	if len(parts[0]) == 4 {
		return 0, 0, 0, fail(fmt.Sprintf("write it as %s-%s-%s if the year comes first, or as %s/%s/%s if the day is last",
			parts[0], pad(parts[1]), pad(parts[2]), pad(parts[1]), pad(parts[2]), parts[0]),
			fmt.Errorf("%q is ambiguous; write it as %s-%s-%s (year-month-day) or day first: %w",
				s, parts[0], pad(parts[1]), pad(parts[2]), ErrFormat))
	}
	if len(parts[2]) != 4 {
		hint := "write the year with all four digits, such as 12/05/2023"
		if len(parts[2]) == 2 && len(parts[0]) <= 2 && len(parts[1]) <= 2 {
			hint = fmt.Sprintf("write it as %s/%s/20%s", pad(parts[0]), pad(parts[1]), parts[2])
		}
		return 0, 0, 0, fail(hint, fmt.Errorf("%q has a two-digit year; write the year in full: %w", s, ErrFormat))
	}
	if len(parts[0]) > 2 || len(parts[1]) > 2 {
		return 0, 0, 0, bad()
	}
	d, _ = strconv.Atoi(parts[0])
	m, _ = strconv.Atoi(parts[1])
	y, _ = strconv.Atoi(parts[2])
	if m > 12 && d <= 12 {
		return 0, 0, 0, fail(fmt.Sprintf("dates are written day, month, year: %02d/%02d/%d, %d %s %d or %d-%02d-%02d",
			m, d, y, m, time.Month(d), y, y, d, m),
			fmt.Errorf("%q has month %d: dates are day first (dd/mm/yyyy); did you mean %02d/%02d/%d?", s, m, m, d, y))
	}
	return y, m, d, nil
}

func pad(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

func parseWritten(s string) (y, m, d int, err error) {
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == ',' || r == '\t' })
	if len(fields) == 4 && isWeekday(fields[0]) {
		fields = fields[1:]
	}
	bad := func() error { return fail(notDateHint(s), fmt.Errorf("%q is not a date: %w", s, ErrFormat)) }
	if len(fields) != 3 {
		return 0, 0, 0, bad()
	}
	day := strings.TrimRight(fields[0], "stndrdth")
	// Accept only proper ordinal suffixes, not arbitrary letters.
	if suffix := fields[0][len(day):]; suffix != "" && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th" {
		return 0, 0, 0, bad()
	}
	mon, ok := months[strings.TrimSuffix(fields[1], ".")]
	if !ok {
		if first, isDay := months[day]; isDay {
			hint := "write the day first, as in 12 May 2023"
			if n := strings.TrimRight(fields[1], "stndrdth"); allDigits(n) && len(n) <= 2 && allDigits(fields[2]) && len(fields[2]) == 4 {
				hint = "write it as " + strings.TrimLeft(n, "0") + " " + first.String() + " " + fields[2]
			}
			return 0, 0, 0, fail(hint, fmt.Errorf("%q puts the month first; write the day first, as in 12 May 2023: %w", s, ErrFormat))
		}
		return 0, 0, 0, bad()
	}
	if !allDigits(day) || len(day) > 2 || !allDigits(fields[2]) {
		return 0, 0, 0, bad()
	}
	if len(fields[2]) != 4 {
		hint := "write the year with all four digits, such as 12 May 2023"
		if len(fields[2]) == 2 {
			n, _ := strconv.Atoi(day)
			hint = fmt.Sprintf("write it as %d %s 20%s", n, mon, fields[2])
		}
		return 0, 0, 0, fail(hint, fmt.Errorf("%q has a two-digit year; write the year in full: %w", s, ErrFormat))
	}
	d, _ = strconv.Atoi(day)
	y, _ = strconv.Atoi(fields[2])
	return y, int(mon), d, nil
}

func isWeekday(s string) bool {
	for _, w := range weekdays {
		if s == w {
			return true
		}
	}
	return false
}

// check returns y-m-d as a Date, or an error for a date that does not
// exist, with a hint written in st, the style of s.
func check(s string, y, m, d int, st style) (Date, error) {
	if y < 1900 || y > 2999 {
		return Date{}, fail("check the year: it has four digits, such as 2023",
			fmt.Errorf("%q has year %d, which is out of range", s, y))
	}
	if m < 1 || m > 12 {
		return Date{}, fail("check the month: it is a number from 1 to 12, as in "+st.format(2023, time.May, 12),
			fmt.Errorf("%q has no month %d", s, m))
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Day() != d {
		last := daysIn(y, time.Month(m))
		hint := fmt.Sprintf("check the day: %s %d has days 1 to %d", time.Month(m), y, last)
		if d > last {
			hint = "write the date as " + st.format(y, time.Month(m), last) + " or check the day"
		}
		return Date{}, fail(hint, fmt.Errorf("%q does not exist: %s %d has %d days", s, time.Month(m), y, last))
	}
	return Date{y, time.Month(m), d}, nil
}

// notDateHint is the hint for s, which is in none of the accepted forms.
func notDateHint(s string) string {
	if len(s) > 10 && isISO(s[:10]) && (s[10] == 'T' || s[10] == ' ') {
		return "write the date alone, as " + s[:10] + "; to publish at a set time, use `publish:`"
	}
	return formatHint
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
