package date

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr string // substring of the error; "" means success
	}{
		{"2023-05-12", "2023-05-12", ""},
		{" 2023-05-12 ", "2023-05-12", ""},
		{"12/05/2023", "2023-05-12", ""},
		{"1/5/2023", "2023-05-01", ""},
		{"12.05.2023", "2023-05-12", ""},
		{"12-05-2023", "2023-05-12", ""},
		{"12 May 2023", "2023-05-12", ""},
		{"12th May 2023", "2023-05-12", ""},
		{"1st June 2024", "2024-06-01", ""},
		{"2nd Jan 2024", "2024-01-02", ""},
		{"23rd Sept 2023", "2023-09-23", ""},
		{"Friday 12 May 2023", "2023-05-12", ""},
		{"12 May, 2023", "2023-05-12", ""},
		{"29/02/2024", "2024-02-29", ""},
		{"05/12/2023", "2023-12-05", ""}, // day first, never US
		{"", "", "empty date"},
		{"29/02/2023", "", "February 2023 has 28 days"},
		{"31/04/2023", "", "April 2023 has 30 days"},
		{"2023-02-30", "", "does not exist"},
		{"2023-13-01", "", "no month 13"},
		{"12/13/2023", "", "did you mean 13/12/2023"},
		{"40/13/2023", "", "no month 13"},
		{"05/13/2023", "", "day first"},
		{"12/05/23", "", "two-digit year"},
		{"12 May 23", "", "two-digit year"},
		{"2023/05/12", "", "ambiguous"},
		{"May 12 2023", "", "puts the month first"},
		{"12 Maay 2023", "", "is not a date"},
		{"12xx May 2023", "", "is not a date"},
		{"2023-05-12T09:00:00Z", "", "is not a date"},
		{"yesterday", "", "is not a date"},
		{"12/05", "", "is not a date"},
		{"12/05-2023", "", "is not a date"},
		{"00/05/2023", "", "does not exist"},
		{"12 May 1066", "", "out of range"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Parse(%q) = %v, %v; want error containing %q", tt.in, got, err, tt.wantErr)
			}
			if h := hintOf(err); h == "" {
				t.Errorf("Parse(%q) = %v with no hint", tt.in, err)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

// hintOf returns the hint of an error from Parse, or "".
func hintOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Hint
	}
	return ""
}

func TestParseHints(t *testing.T) {
	tests := []struct{ in, hint string }{
		{"31/02/2023", "write the date as 28/02/2023 or check the day"},
		{"2023-02-30", "write the date as 2023-02-28 or check the day"},
		{"31 April 2023", "write the date as 30 April 2023 or check the day"},
		{"00/05/2023", "check the day: May 2023 has days 1 to 31"},
		{"12/05/23", "write it as 12/05/2023"},
		{"1 May 23", "write it as 1 May 2023"},
		{"May 12th 2023", "write it as 12 May 2023"},
		{"05/13/2023", "dates are written day, month, year: 13/05/2023, 13 May 2023 or 2023-05-13"},
		{"2023/05/12", "write it as 2023-05-12 if the year comes first, or as 05/12/2023 if the day is last"},
		{"2023-05-12T09:00:00Z", "write the date alone, as 2023-05-12; to publish at a set time, use `publish:`"},
		{"2023-13-01", "check the month: it is a number from 1 to 12, as in 2023-05-12"},
		{"yesterday", formatHint},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		if got := hintOf(err); got != tt.hint {
			t.Errorf("Parse(%q) hint = %q; want %q", tt.in, got, tt.hint)
		}
		if !errors.Is(err, ErrFormat) && strings.Contains(err.Error(), ErrFormat.Error()) {
			t.Errorf("Parse(%q) = %v, which does not wrap ErrFormat", tt.in, err)
		}
	}
}

func TestFormatsAndCompare(t *testing.T) {
	d := Date{2023, time.May, 2}
	if d.Long() != "2 May 2023" || d.String() != "2023-05-02" {
		t.Errorf("got %q, %q", d.Long(), d.String())
	}
	e := Date{2023, time.June, 1}
	if !d.Before(e) || !e.After(d) || d.Compare(d) != 0 {
		t.Error("ordering wrong")
	}
	if (Date{}).String() != "" || !(Date{}).IsZero() {
		t.Error("zero date")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2023-05-12", "12/05/2023", "12 May 2023", "Friday 1st Sept 2023", "31/02/2020"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		// Every accepted date round-trips through its ISO form.
		back, err := Parse(d.String())
		if err != nil || back != d {
			t.Fatalf("Parse(%q) = %v; ISO %q parses to %v, %v", s, d, d.String(), back, err)
		}
	})
}
