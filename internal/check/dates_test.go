package check_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/foilog/foilog/internal/check"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/date"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/exemption"
)

const P = "content/responses/a.md"

// now is the instant every check runs at unless a case says otherwise.
var now = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

func day(y int, m time.Month, d int) date.Date { return date.Date{Year: y, Month: m, Day: d} }

// diagStrings returns each diagnostic as printed, with related places on
// indented lines.
func diagStrings(list diag.List) []string {
	var out []string
	for _, d := range list {
		s := d.String()
		for _, r := range d.Related {
			s += "\n\t" + r.Position() + ": " + r.Message
		}
		out = append(out, s)
	}
	return out
}

// checkDiags compares diagnostics as sets of printed lines, and requires a
// hint on each.
func checkDiags(t *testing.T, list diag.List, want []string) {
	t.Helper()
	requireHints(t, list)
	got := diagStrings(list)
	g, w := slices.Clone(got), slices.Clone(want)
	slices.Sort(g)
	slices.Sort(w)
	if !slices.Equal(g, w) {
		t.Errorf("diagnostics:\n  got:\n\t%s\n  want:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func TestDates(t *testing.T) {
	const future = " (to publish later, keep the real date and set `publish:` to the embargo time)"
	const act = " (check the year: the Act gives no right of access to a request made before then)"
	tests := []struct {
		name           string
		date, received date.Date
		regime         exemption.Regime
		now            time.Time
		want           []string
	}{
		{name: "plausible", date: day(2023, 6, 14), received: day(2023, 5, 12), regime: exemption.FOIA},
		{name: "answered the day it arrived", date: day(2023, 6, 14), received: day(2023, 6, 14), regime: exemption.FOIA},
		{name: "no received date", date: day(2023, 6, 14), regime: exemption.FOIA},
		{name: "no dates at all", regime: exemption.FOIA},
		{name: "received after the response", date: day(2023, 6, 14), received: day(2023, 6, 15), regime: exemption.FOIA, want: []string{
			P + ":6:11: error: request received 15 June 2023, after the response date 14 June 2023 (check the two dates are not swapped)",
		}},
		{name: "dated today", date: day(2026, 11, 1), regime: exemption.FOIA},
		{name: "dated tomorrow", date: day(2026, 11, 2), received: day(2026, 10, 1), regime: exemption.FOIA, want: []string{
			P + ":4:7: error: `date` 2 November 2026 is in the future" + future,
		}},
		{name: "both in the future and swapped", date: day(2027, 1, 5), received: day(2027, 2, 1), regime: exemption.FOIA, want: []string{
			P + ":4:7: error: `date` 5 January 2027 is in the future" + future,
			P + ":6:11: error: `received` 1 February 2027 is in the future" + future,
			P + ":6:11: error: request received 1 February 2027, after the response date 5 January 2027 (check the two dates are not swapped)",
		}},
		{name: "FOIA before 2005", date: day(2004, 12, 31), received: day(2004, 12, 1), regime: exemption.FOIA, want: []string{
			P + ":4:7: error: `date` 31 December 2004 is before the FOIA right of access began on 1 January 2005" + act,
			P + ":6:11: error: `received` 1 December 2004 is before the FOIA right of access began on 1 January 2005" + act,
		}},
		{name: "FOISA before 2005", date: day(1999, 1, 1), regime: exemption.FOISA, want: []string{
			P + ":4:7: error: `date` 1 January 1999 is before the FOISA right of access began on 1 January 2005" + act,
		}},
		{name: "EIR before 2005", date: day(2004, 6, 1), regime: exemption.EIR, want: []string{
			P + ":4:7: error: `date` 1 June 2004 is before the EIR right of access began on 1 January 2005" + act,
		}},
		{name: "EISR before 2005", date: day(2004, 6, 1), regime: exemption.EISR, want: []string{
			P + ":4:7: error: `date` 1 June 2004 is before the EISR right of access began on 1 January 2005" + act,
		}},
		{name: "first day of the Act", date: day(2005, 1, 1), received: day(2005, 1, 1), regime: exemption.FOIA},
		// "Today" is the day in the UK: at 00:30 BST on 1 July it is still
		// 30 June in UTC, and a response dated 1 July is not in the future.
		{name: "today in the UK, yesterday in UTC", date: day(2026, 7, 1), regime: exemption.FOIA,
			now: time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC)},
		{name: "tomorrow in the UK in winter", date: day(2027, 1, 1), regime: exemption.FOIA,
			now: time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC), want: []string{
				P + ":4:7: error: `date` 1 January 2027 is in the future" + future,
			}},
		{name: "now given in another zone", date: day(2026, 7, 2), regime: exemption.FOIA,
			// 00:30 in Paris is 23:30 on 1 July in the UK.
			now: time.Date(2026, 7, 2, 0, 30, 0, 0, time.FixedZone("CEST", 2*3600)), want: []string{
				P + ":4:7: error: `date` 2 July 2026 is in the future" + future,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &content.Response{Path: P, Date: tt.date, Received: tt.received, Regime: tt.regime,
				Lines: map[string]int{"title": 2, "reference": 3, "date": 4, "outcome": 5, "received": 6}}
			at := tt.now
			if at.IsZero() {
				at = now
			}
			// Each finding is at its value: "date: " is 6 characters, "received:  " 11.
			src := []byte("---\ntitle: T\nreference: FOI 1/23\ndate: " + tt.date.String() + "\noutcome: disclosed\nreceived: \"" + tt.received.String() + "\"\n---\n")
			checkDiags(t, check.Dates(r, src, at), tt.want)
			for _, d := range check.Dates(r, src, at) {
				if !strings.HasPrefix(d.Code, "check.date") || d.Hint == "" {
					t.Errorf("code %q, hint %q", d.Code, d.Hint)
				}
			}
			// Without the source every finding is still reported, at column 1.
			if a, b := check.Dates(r, nil, at), check.Dates(r, src, at); len(a) != len(b) {
				t.Errorf("without the source: %v", a)
			}
		})
	}
}
