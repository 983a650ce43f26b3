package content_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/date"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/exemption"
)

// file is the path of the response that every front-matter case loads.
const file = "content/responses/a.md"

// required holds the four required fields on file lines 2 to 5, so that a
// case's own fields start on line 6.
const required = "title: Use of drones\nreference: FOI 1/23\ndate: 2023-06-14\noutcome: disclosed\n"

// siteConfig is the configuration the cases load with: the defaults and an
// authority, so that the default `force` can be seen.
func siteConfig() config.Site {
	cfg := config.Default()
	cfg.Authority = "Example Police"
	return cfg
}

// loadOne loads front-matter fm (without the --- lines) as file, with a
// short body, and returns the response and every diagnostic as printed.
func loadOne(t *testing.T, fm string, cfg config.Site) (*content.Response, []string) {
	t.Helper()
	fsys := fstest.MapFS{file: {Data: []byte("---\n" + fm + "---\nYou asked about drones.\n")}}
	r, list := content.LoadFile(fsys, file, cfg)
	return r, diagStrings(t, list)
}

// diagStrings returns each diagnostic as `path:line:col: severity: message
// (hint)`, sorted, with related places on their own indented lines. It
// fails the test for a diagnostic without a hint: every problem foilog
// reports says what to do about it.
func diagStrings(t *testing.T, list diag.List) []string {
	t.Helper()
	list.Sort()
	var out []string
	for _, d := range list {
		if d.Hint == "" {
			t.Errorf("%s has no hint", d)
		}
		s := d.String()
		for _, r := range d.Related {
			s += "\n\t" + r.Position() + ": " + r.Message
		}
		out = append(out, s)
	}
	return out
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func checkDiags(t *testing.T, got, want []string) {
	t.Helper()
	// Compare as sets of lines: diag.List sorts by line number, the want
	// lists are written in file order.
	g, w := slices.Clone(got), slices.Clone(want)
	slices.Sort(g)
	slices.Sort(w)
	if !sameStrings(g, w) {
		t.Errorf("diagnostics:\n  got:\n\t%s\n  want:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func day(y int, m time.Month, d int) date.Date { return date.Date{Year: y, Month: m, Day: d} }

func provisions(r *content.Response) string {
	var s []string
	for _, p := range r.Provisions {
		s = append(s, p.String())
	}
	return strings.Join(s, "; ")
}

func TestFrontMatterFields(t *testing.T) {
	const P = file
	tests := []struct {
		name string
		fm   string
		cfg  func(*config.Site)
		want []string // every diagnostic, as printed, sorted
		// check inspects the response; it is not called when LoadFile
		// returns nil.
		check func(t *testing.T, r *content.Response)
	}{
		{name: "minimal valid response", fm: required, check: func(t *testing.T, r *content.Response) {
			if r.Title != "Use of drones" || r.Reference != "FOI 1/23" || r.Slug != "foi-1-23" ||
				r.Date != day(2023, time.June, 14) || r.Outcome != content.Disclosed {
				t.Errorf("got %+v", r)
			}
			if r.Force != (content.Term{Name: "Example Police", Slug: "example-police"}) {
				t.Errorf("Force = %+v, want the site authority", r.Force)
			}
			if r.Regime != exemption.FOIA || !r.Received.IsZero() || r.Draft || !r.Publish.IsZero() ||
				r.Bundle || r.Summary != "" || r.Topics != nil || r.Aliases != nil || r.Attachments != nil {
				t.Errorf("optional fields not at their defaults: %+v", r)
			}
			if r.URL() != "responses/foi-1-23/" || r.Year() != 2023 {
				t.Errorf("URL, Year = %q, %d", r.URL(), r.Year())
			}
			if string(r.Body) != "You asked about drones.\n" || r.BodyLine != 7 {
				t.Errorf("Body, BodyLine = %q, %d", r.Body, r.BodyLine)
			}
			if want := map[string]int{"title": 2, "reference": 3, "date": 4, "outcome": 5}; len(r.Lines) != 4 ||
				r.Lines["title"] != want["title"] || r.Lines["reference"] != 3 || r.Lines["date"] != 4 || r.Lines["outcome"] != 5 {
				t.Errorf("Lines = %v, want %v", r.Lines, want)
			}
			if len(r.Hash) != 32 {
				t.Errorf("Hash = %q, want 32 hex digits", r.Hash)
			}
		}},

		// Required fields.
		{name: "all required fields missing", fm: "summary: x\n", want: []string{
			P + ":2:1: error: required field `date` is missing (add the date of the response, such as `date: 2023-06-14`)",
			P + ":2:1: error: required field `outcome` is missing (add one of: outcome: disclosed, partial, refused, ncnd, not-held)",
			P + ":2:1: error: required field `reference` is missing (add the request's reference, such as `reference: FOI 1234/23`)",
			P + ":2:1: error: required field `title` is missing (add a line such as `title: Use of drones by the force`)",
		}},
		{name: "missing field reported at the first field line", fm: "\n\nreference: FOI 1/23\ndate: 2023-06-14\noutcome: disclosed\n", want: []string{
			P + ":4:1: error: required field `title` is missing (add a line such as `title: Use of drones by the force`)",
		}},
		{name: "null title is reported at its key", fm: "reference: FOI 1/23\ntitle:\ndate: 2023-06-14\noutcome: disclosed\n", want: []string{
			P + ":3:1: error: required field `title` has no value (add a line such as `title: Use of drones by the force`)",
		}},
		{name: "tilde title is reported at its key", fm: "reference: FOI 1/23\ndate: 2023-06-14\ntitle: ~\noutcome: disclosed\n", want: []string{
			P + ":4:1: error: required field `title` has no value (add a line such as `title: Use of drones by the force`)",
		}},
		{name: "empty strings", fm: "title: \"\"\nreference: '  '\ndate: \"\"\noutcome: ''\n", want: []string{
			P + ":2:8: error: field `title` is empty (give the response a title, such as `title: Use of drones by the force`)",
			P + ":3:12: error: field `reference` is empty (write the request's reference, such as `reference: FOI 1234/23`)",
			P + ":4:7: error: field `date` is empty (write the date of the response, such as `date: 2023-06-14`)",
			P + ":5:10: error: field `outcome` is empty (write one of: disclosed, partial, refused, ncnd, not-held)",
		}},

		// Title.
		{name: "title white space collapsed", fm: "title: \"  Use   of\tdrones \"\nreference: FOI 1/23\ndate: 2023-06-14\noutcome: disclosed\n",
			check: func(t *testing.T, r *content.Response) {
				if r.Title != "Use of drones" {
					t.Errorf("Title = %q", r.Title)
				}
			}},
		{name: "title folded over two lines", fm: "title: Use of\n  drones\nreference: FOI 1/23\ndate: 2023-06-14\noutcome: disclosed\n",
			check: func(t *testing.T, r *content.Response) {
				if r.Title != "Use of drones" {
					t.Errorf("Title = %q", r.Title)
				}
			}},
		{name: "title as a list", fm: "title: [Drones, Helicopters]\nreference: FOI 1/23\ndate: 2023-06-14\noutcome: disclosed\n", want: []string{
			P + ":2:8: error: field `title` must be text, not a list (write the value on the same line as `title:`, not as a list of - lines)",
		}},
		{name: "title as a block list", fm: "title:\n  - Drones\nreference: FOI 1/23\ndate: 2023-06-14\noutcome: disclosed\n", want: []string{
			P + ":3:3: error: field `title` must be text, not a list (write the value on the same line as `title:`, not as a list of - lines)",
		}},
		{name: "title as a mapping", fm: "title: {text: Drones}\nreference: FOI 1/23\ndate: 2023-06-14\noutcome: disclosed\n", want: []string{
			P + ":2:8: error: field `title` must be text, not a set of fields (write the value on the same line as `title:`; if it holds `: `, put the whole value in double quotes)",
		}},
		{name: "title as a YAML alias", fm: "title: &t Drones\nreference: FOI 1/23\ndate: 2023-06-14\noutcome: disclosed\nforce: *t\n", want: []string{
			P + ":6:8: error: field `force` must be text, not a YAML alias (write the value itself, not a YAML alias such as *name)",
		}},
		{name: "title that YAML reads as a number or boolean", fm: "title: 2023\nreference: FOI 1/23\ndate: 2023-06-14\noutcome: disclosed\nforce: yes\n",
			check: func(t *testing.T, r *content.Response) {
				if r.Title != "2023" || r.Force.Name != "yes" {
					t.Errorf("Title, Force = %q, %q; want the literal text", r.Title, r.Force.Name)
				}
			}},

		// Reference and slug.
		{name: "reference as a number keeps its digits", fm: "title: T\nreference: 0123\ndate: 2023-06-14\noutcome: disclosed\n",
			check: func(t *testing.T, r *content.Response) {
				if r.Reference != "0123" || r.Slug != "0123" {
					t.Errorf("Reference, Slug = %q, %q; want \"0123\" as written", r.Reference, r.Slug)
				}
			}},
		{name: "reference as a decimal keeps its text", fm: "title: T\nreference: 1.50\ndate: 2023-06-14\noutcome: disclosed\n",
			check: func(t *testing.T, r *content.Response) {
				if r.Reference != "1.50" || r.Slug != "1-50" {
					t.Errorf("Reference, Slug = %q, %q", r.Reference, r.Slug)
				}
			}},
		{name: "reference slug", fm: "title: T\nreference: \"FOI  1648A/23 \"\ndate: 2023-06-14\noutcome: disclosed\n",
			check: func(t *testing.T, r *content.Response) {
				if r.Reference != "FOI 1648A/23" || r.Slug != "foi-1648a-23" || r.URL() != "responses/foi-1648a-23/" {
					t.Errorf("Reference, Slug = %q, %q", r.Reference, r.Slug)
				}
			}},
		{name: "reference with no letters or digits", fm: "title: T\nreference: \"///\"\ndate: 2023-06-14\noutcome: disclosed\n", want: []string{
			P + ":3:12: error: reference \"///\" has no letters or digits to make a page address from (add a `slug:` field)",
		}},
		{name: "reference with no letters or digits but a slug", fm: "title: T\nreference: \"///\"\nslug: the-answer\ndate: 2023-06-14\noutcome: disclosed\n",
			check: func(t *testing.T, r *content.Response) {
				if r.Slug != "the-answer" {
					t.Errorf("Slug = %q", r.Slug)
				}
			}},
		{name: "reference as a list", fm: "title: T\nreference: [FOI 1/23]\ndate: 2023-06-14\noutcome: disclosed\n", want: []string{
			P + ":3:12: error: field `reference` must be text, not a list (write the value on the same line as `reference:`, not as a list of - lines)",
		}},
		{name: "slug override", fm: required + "slug: drones-2023\n", check: func(t *testing.T, r *content.Response) {
			if r.Slug != "drones-2023" || r.URL() != "responses/drones-2023/" || r.Lines["slug"] != 6 {
				t.Errorf("Slug = %q, line %d", r.Slug, r.Lines["slug"])
			}
		}},
		{name: "slug with capitals and spaces", fm: required + "slug: Drones 2023\n", want: []string{
			P + ":6:7: error: slug \"Drones 2023\" may contain only lower-case letters, digits and single hyphens (use \"drones-2023\")",
		}, check: func(t *testing.T, r *content.Response) {
			if r.Slug != "drones-2023" {
				t.Errorf("Slug = %q, want the corrected slug", r.Slug)
			}
		}},
		{name: "slug with double hyphen", fm: required + "slug: a--b\n", want: []string{
			P + ":6:7: error: slug \"a--b\" may contain only lower-case letters, digits and single hyphens (use \"a-b\")",
		}},
		{name: "slug with trailing hyphen", fm: required + "slug: a-\n", want: []string{
			P + ":6:7: error: slug \"a-\" may contain only lower-case letters, digits and single hyphens (use \"a\")",
		}},
		{name: "slug with no letters or digits", fm: required + "slug: \"---\"\n", want: []string{
			P + ":6:7: error: slug \"---\" may contain only lower-case letters, digits and single hyphens (a slug needs at least one letter or digit)",
		}},
		{name: "slug left empty", fm: required + "slug:\n", check: func(t *testing.T, r *content.Response) {
			if r.Slug != "foi-1-23" {
				t.Errorf("Slug = %q, want the one made from the reference", r.Slug)
			}
		}},
		{name: "empty slug", fm: required + "slug: \"\"\n", want: []string{
			P + ":6:7: error: field `slug` is empty (write a value after `slug:`, or delete the line)",
		}},

		// Dates.
		{name: "dates ISO", fm: required + "received: 2023-05-12\n", check: func(t *testing.T, r *content.Response) {
			if r.Received != day(2023, time.May, 12) || r.Lines["received"] != 6 {
				t.Errorf("Received = %v", r.Received)
			}
		}},
		{name: "dates UK day first", fm: "title: T\nreference: R1\ndate: 14/06/2023\noutcome: disclosed\nreceived: 05/12/2022\n",
			check: func(t *testing.T, r *content.Response) {
				if r.Date != day(2023, time.June, 14) || r.Received != day(2022, time.December, 5) {
					t.Errorf("Date, Received = %v, %v", r.Date, r.Received)
				}
			}},
		{name: "dates written", fm: "title: T\nreference: R1\ndate: 14 June 2023\noutcome: disclosed\nreceived: Friday 12th May 2023\n",
			check: func(t *testing.T, r *content.Response) {
				if r.Date != day(2023, time.June, 14) || r.Received != day(2023, time.May, 12) {
					t.Errorf("Date, Received = %v, %v", r.Date, r.Received)
				}
			}},
		{name: "date that does not exist", fm: "title: T\nreference: R1\ndate: 31/02/2023\noutcome: disclosed\n", want: []string{
			P + ":4:7: error: field `date`: \"31/02/2023\" does not exist: February 2023 has 28 days (write the date as 28/02/2023 or check the day)",
		}, check: func(t *testing.T, r *content.Response) {
			if !r.Date.IsZero() {
				t.Errorf("Date = %v, want zero after an error", r.Date)
			}
		}},
		{name: "date US month first", fm: "title: T\nreference: R1\ndate: 05/13/2023\noutcome: disclosed\n", want: []string{
			P + ":4:7: error: field `date`: \"05/13/2023\" has month 13: dates are day first (dd/mm/yyyy); did you mean 13/05/2023? (dates are written day, month, year: 13/05/2023, 13 May 2023 or 2023-05-13)",
		}},
		{name: "date two-digit year", fm: required + "received: 12/05/23\n", want: []string{
			P + ":6:11: error: field `received`: \"12/05/23\" has a two-digit year; write the year in full: use 2023-05-12, 12/05/2023 or 12 May 2023 (write it as 12/05/2023)",
		}},
		{name: "date with a time", fm: required + "received: 2023-05-12T09:00:00Z\n", want: []string{
			P + ":6:11: error: field `received`: \"2023-05-12T09:00:00Z\" is not a date: use 2023-05-12, 12/05/2023 or 12 May 2023 (write the date alone, as 2023-05-12; to publish at a set time, use `publish:`)",
		}},
		{name: "date as a list", fm: required + "received: [2023-05-12]\n", want: []string{
			P + ":6:11: error: field `received` must be text, not a list (write the value on the same line as `received:`, not as a list of - lines)",
		}},
		{name: "received left empty", fm: required + "received:\n", check: func(t *testing.T, r *content.Response) {
			if !r.Received.IsZero() {
				t.Errorf("Received = %v", r.Received)
			}
		}},

		// Force.
		{name: "force given", fm: required + "force: West  Midlands Police\n", check: func(t *testing.T, r *content.Response) {
			if r.Force != (content.Term{Name: "West Midlands Police", Slug: "west-midlands-police"}) {
				t.Errorf("Force = %+v", r.Force)
			}
		}},
		{name: "force left empty", fm: required + "force:\n", check: func(t *testing.T, r *content.Response) {
			if r.Force.Name != "Example Police" {
				t.Errorf("Force = %+v, want the site authority", r.Force)
			}
		}},
		{name: "no force and no authority", fm: required, cfg: func(c *config.Site) { c.Authority = "" },
			check: func(t *testing.T, r *content.Response) {
				if r.Force != (content.Term{}) {
					t.Errorf("Force = %+v, want none", r.Force)
				}
			}},
		{name: "force as a mapping", fm: required + "force:\n  name: West Midlands Police\n", want: []string{
			P + ":7:3: error: field `force` must be text, not a set of fields (write the value on the same line as `force:`; if it holds `: `, put the whole value in double quotes)",
		}},
		{name: "force of emoji", fm: required + "force: \"🚓\"\n", want: []string{
			P + ":6:8: error: force \"🚓\" has no letters or digits to make its address; write its name in words (such as `force: West Midlands Police`, or delete the line to use the authority in foilog.yaml)",
		}},
		{name: "force of punctuation", fm: required + "force: \"—\"\n", want: []string{
			P + ":6:8: error: force \"—\" has no letters or digits to make its address; write its name in words (such as `force: West Midlands Police`, or delete the line to use the authority in foilog.yaml)",
		}},

		// Regime.
		{name: "regime case-insensitive", fm: required + "regime: foisa\n", check: func(t *testing.T, r *content.Response) {
			if r.Regime != exemption.FOISA {
				t.Errorf("Regime = %q", r.Regime)
			}
		}},
		{name: "regime mixed case", fm: required + "regime: Eir\n", check: func(t *testing.T, r *content.Response) {
			if r.Regime != exemption.EIR {
				t.Errorf("Regime = %q", r.Regime)
			}
		}},
		{name: "regime long title", fm: required + "regime: The Freedom of Information (Scotland) Act 2002\n", check: func(t *testing.T, r *content.Response) {
			if r.Regime != exemption.FOISA {
				t.Errorf("Regime = %q", r.Regime)
			}
		}},
		{name: "regime from the site config", fm: required, cfg: func(c *config.Site) { c.Regime = "EISR" },
			check: func(t *testing.T, r *content.Response) {
				if r.Regime != exemption.EISR {
					t.Errorf("Regime = %q, want the site default", r.Regime)
				}
			}},
		{name: "regime invalid", fm: required + "regime: GDPR\n", want: []string{
			P + ":6:9: error: regime \"GDPR\" is not one of FOIA, FOISA, EIR, EISR (FOIA: Freedom of Information Act 2000; FOISA: the Scottish Act; EIR/EISR: environmental information)",
		}, check: func(t *testing.T, r *content.Response) {
			if r.Regime != exemption.FOIA {
				t.Errorf("Regime = %q, want the default kept", r.Regime)
			}
		}},
		{name: "regime empty", fm: required + "regime: \"\"\n", want: []string{
			P + ":6:9: error: field `regime` is empty (write a value after `regime:`, or delete the line)",
		}},

		// Exemptions.
		{name: "exemptions as staff write them", fm: required +
			"exemptions:\n  - Section 31(3) Law Enforcement\n  - Section 24(2) National Security\n  - s.31(3)\n",
			check: func(t *testing.T, r *content.Response) {
				if got := provisions(r); got != "FOIA s24(2); FOIA s31(3)" {
					t.Errorf("Provisions = %s; want distinct and sorted", got)
				}
				if len(r.Citations) != 3 {
					t.Fatalf("Citations = %+v", r.Citations)
				}
				c := r.Citations[1]
				if c.Text != "Section 24(2) National Security" || c.Label != "National Security" || c.Line != 8 || c.Col != 5 {
					t.Errorf("Citations[1] = %+v", c)
				}
			}},
		{name: "exemptions as one value", fm: required + "exemptions: Sections 23(5) and 24(2)\n",
			check: func(t *testing.T, r *content.Response) {
				if got := provisions(r); got != "FOIA s23(5); FOIA s24(2)" {
					t.Errorf("Provisions = %s", got)
				}
			}},
		{name: "exemptions read under the response's regime", fm: required + "exemptions: [s35(1)(a)]\nregime: FOISA\n",
			check: func(t *testing.T, r *content.Response) {
				if got := provisions(r); got != "FOISA s35(1)(a)" {
					t.Errorf("Provisions = %s", got)
				}
			}},
		{name: "exemption problems at their column", fm: required +
			"exemptions:\n  - s46\n  - 'Section 46'\n  - \"Section 46\"\n  - Section 40(2) and 46\n  - \"Section 40(2) and 46\"\n",
			want: []string{
				P + ":7:5: error: unknown provision FOIA s46: the Freedom of Information Act 2000 has no section 46 that disclosure logs cite (did you mean FOIA s43 or FOIA s44?)",
				P + ":8:6: error: unknown provision FOIA s46: the Freedom of Information Act 2000 has no section 46 that disclosure logs cite (did you mean FOIA s43 or FOIA s44?)",
				P + ":9:6: error: unknown provision FOIA s46: the Freedom of Information Act 2000 has no section 46 that disclosure logs cite (did you mean FOIA s43 or FOIA s44?)",
				P + ":10:23: error: unknown provision FOIA s46: the Freedom of Information Act 2000 has no section 46 that disclosure logs cite (did you mean FOIA s43 or FOIA s44?)",
				P + ":11:24: error: unknown provision FOIA s46: the Freedom of Information Act 2000 has no section 46 that disclosure logs cite (did you mean FOIA s43 or FOIA s44?)",
			}, check: func(t *testing.T, r *content.Response) {
				if got := provisions(r); got != "FOIA s40(2)" {
					t.Errorf("Provisions = %s; want the known provision kept", got)
				}
			}},
		{name: "exemption problem columns count characters as written", fm: required +
			"exemptions:\n  - Section 40(2)   and  46\n  - Section 40(2) – 46\n  - Section 40(2) — Personal info; 46\n" +
			"  - \"  s46\"\n  - Section 40(2) Données and 46\n  - '  Section   46  '\n",
			want: []string{
				P + ":7:26: error: unknown provision FOIA s46: the Freedom of Information Act 2000 has no section 46 that disclosure logs cite (did you mean FOIA s43 or FOIA s44?)",
				P + ":8:21: error: unknown provision FOIA s46: the Freedom of Information Act 2000 has no section 46 that disclosure logs cite (did you mean FOIA s43 or FOIA s44?)",
				P + ":9:36: error: unknown provision FOIA s46: the Freedom of Information Act 2000 has no section 46 that disclosure logs cite (did you mean FOIA s43 or FOIA s44?)",
				P + ":10:8: error: unknown provision FOIA s46: the Freedom of Information Act 2000 has no section 46 that disclosure logs cite (did you mean FOIA s43 or FOIA s44?)",
				P + ":11:31: error: unknown provision FOIA s46: the Freedom of Information Act 2000 has no section 46 that disclosure logs cite (did you mean FOIA s43 or FOIA s44?)",
				P + ":12:8: error: unknown provision FOIA s46: the Freedom of Information Act 2000 has no section 46 that disclosure logs cite (did you mean FOIA s43 or FOIA s44?)",
			}, check: func(t *testing.T, r *content.Response) {
				if got := r.Citations[0].Text; got != "Section 40(2) and 46" {
					t.Errorf("Citations[0].Text = %q, want white space collapsed", got)
				}
			}},
		{name: "exemption problems in a flow list", fm: required + "exemptions: [s31(9), \"s46\"]\n", want: []string{
			P + ":6:14: error: unknown provision FOIA s31(9): FOIA s31 has no such subsection (did you mean FOIA s31(1), FOIA s31(2) or FOIA s31(3)?)",
			P + ":6:23: error: unknown provision FOIA s46: the Freedom of Information Act 2000 has no section 46 that disclosure logs cite (did you mean FOIA s43 or FOIA s44?)",
		}},
		{name: "exemption label that contradicts the statute", fm: required + "exemptions:\n  - Section 31 National Security\n", want: []string{
			P + ":7:16: warning: label \"National Security\" does not match FOIA s31 (Law enforcement); it reads like FOIA s24 (National security) (check the number, or change the label to \"Law enforcement\")",
		}},
		{name: "exemption that cannot be read", fm: required + "exemptions:\n  - Section (3)\n", want: []string{
			P + ":7:13: error: expected a number after \"Section\" (write it as \"Section 31(3)\")",
		}},
		{name: "exemption empty item", fm: required + "exemptions:\n  - ''\n", want: []string{
			P + ":7:5: error: field `exemptions` is empty (write a value on the empty line, or delete it)",
		}},
		{name: "exemptions as a mapping", fm: required + "exemptions:\n  s31: Law enforcement\n", want: []string{
			P + ":7:3: error: field `exemptions` must be a list, not a set of fields (write each item on its own line below `exemptions:`, starting with - and a space)",
		}},

		// Outcome.
		{name: "outcome in capitals", fm: "title: T\nreference: R1\ndate: 2023-06-14\noutcome: NCND\n",
			check: func(t *testing.T, r *content.Response) {
				if r.Outcome != content.NCND || r.Outcome.Label() != "Neither confirmed nor denied" {
					t.Errorf("Outcome = %q", r.Outcome)
				}
			}},
		{name: "outcome not-held", fm: "title: T\nreference: R1\ndate: 2023-06-14\noutcome: Not-Held\n",
			check: func(t *testing.T, r *content.Response) {
				if r.Outcome != content.NotHeld {
					t.Errorf("Outcome = %q", r.Outcome)
				}
			}},
		{name: "outcome in words", fm: "title: T\nreference: R1\ndate: 2023-06-14\noutcome: \"neither confirm nor deny\"\n", want: []string{
			P + ":5:10: error: outcome \"neither confirm nor deny\" is not one of disclosed, partial, refused, ncnd, not-held; did you mean `ncnd`? (disclosed: all the information was given; partial: some was withheld; refused: none was given; ncnd: neither confirmed nor denied; not-held: the information is not held)",
		}},
		{name: "outcome alias not held", fm: "title: T\nreference: R1\ndate: 2023-06-14\noutcome: Information not held\n", want: []string{
			P + ":5:10: error: outcome \"information not held\" is not one of disclosed, partial, refused, ncnd, not-held; did you mean `not-held`? (disclosed: all the information was given; partial: some was withheld; refused: none was given; ncnd: neither confirmed nor denied; not-held: the information is not held)",
		}},
		{name: "outcome alias partly disclosed", fm: "title: T\nreference: R1\ndate: 2023-06-14\noutcome: partly disclosed\n", want: []string{
			P + ":5:10: error: outcome \"partly disclosed\" is not one of disclosed, partial, refused, ncnd, not-held; did you mean `partial`? (disclosed: all the information was given; partial: some was withheld; refused: none was given; ncnd: neither confirmed nor denied; not-held: the information is not held)",
		}},
		{name: "outcome alias withheld", fm: "title: T\nreference: R1\ndate: 2023-06-14\noutcome: withheld\n", want: []string{
			P + ":5:10: error: outcome \"withheld\" is not one of disclosed, partial, refused, ncnd, not-held; did you mean `refused`? (disclosed: all the information was given; partial: some was withheld; refused: none was given; ncnd: neither confirmed nor denied; not-held: the information is not held)",
		}},
		{name: "outcome typo", fm: "title: T\nreference: R1\ndate: 2023-06-14\noutcome: disclosd\n", want: []string{
			P + ":5:10: error: outcome \"disclosd\" is not one of disclosed, partial, refused, ncnd, not-held; did you mean `disclosed`? (disclosed: all the information was given; partial: some was withheld; refused: none was given; ncnd: neither confirmed nor denied; not-held: the information is not held)",
		}},
		{name: "outcome unknown", fm: "title: T\nreference: R1\ndate: 2023-06-14\noutcome: maybe\n", want: []string{
			P + ":5:10: error: outcome \"maybe\" is not one of disclosed, partial, refused, ncnd, not-held (disclosed: all the information was given; partial: some was withheld; refused: none was given; ncnd: neither confirmed nor denied; not-held: the information is not held)",
		}},
		{name: "outcome as a list", fm: "title: T\nreference: R1\ndate: 2023-06-14\noutcome: [ncnd]\n", want: []string{
			P + ":5:10: error: field `outcome` must be text, not a list (write the value on the same line as `outcome:`, not as a list of - lines)",
		}},

		// Topics.
		{name: "topics de-duplicated by slug and sorted", fm: required + "topics: [IT systems, Cyber security, it-systems, \"IT  Systems\", apple, Banana]\n",
			check: func(t *testing.T, r *content.Response) {
				want := []content.Term{{Name: "apple", Slug: "apple"}, {Name: "Banana", Slug: "banana"},
					{Name: "Cyber security", Slug: "cyber-security"}, {Name: "IT systems", Slug: "it-systems"}}
				if len(r.Topics) != len(want) {
					t.Fatalf("Topics = %+v, want %+v", r.Topics, want)
				}
				for i := range want {
					if r.Topics[i] != want[i] {
						t.Errorf("Topics = %+v, want %+v", r.Topics, want)
						break
					}
				}
			}},
		{name: "topic as one value", fm: required + "topics: Drones\n", check: func(t *testing.T, r *content.Response) {
			if len(r.Topics) != 1 || r.Topics[0] != (content.Term{Name: "Drones", Slug: "drones"}) {
				t.Errorf("Topics = %+v", r.Topics)
			}
		}},
		{name: "topics with bad items", fm: required + "topics: [Drones, {a: b}, '!!!', '', ~]\n", want: []string{
			P + ":6:18: error: field `topics` must be text, not a set of fields (write the value on the same line as `topics:`; if it holds `: `, put the whole value in double quotes)",
			P + ":6:26: error: topic \"!!!\" has no letters or digits to make its address; write it in words (such as `- Drones`, or delete the line)",
			P + ":6:33: error: field `topics` is empty (write a value on the empty line, or delete it)",
		}, check: func(t *testing.T, r *content.Response) {
			if len(r.Topics) != 1 || r.Topics[0].Slug != "drones" {
				t.Errorf("Topics = %+v", r.Topics)
			}
		}},
		{name: "topics as a mapping", fm: required + "topics: {a: b}\n", want: []string{
			P + ":6:9: error: field `topics` must be a list, not a set of fields (write each item on its own line below `topics:`, starting with - and a space)",
		}},

		// Summary.
		{name: "summary kept with its line breaks", fm: required + "summary: |\n  The force holds no drones.\n  None are planned.\n",
			check: func(t *testing.T, r *content.Response) {
				if r.Summary != "The force holds no drones.\nNone are planned." {
					t.Errorf("Summary = %q", r.Summary)
				}
			}},
		{name: "summary trimmed", fm: required + "summary: \"  Short.  \"\n", check: func(t *testing.T, r *content.Response) {
			if r.Summary != "Short." {
				t.Errorf("Summary = %q", r.Summary)
			}
		}},
		{name: "summary as a list", fm: required + "summary:\n  - one\n", want: []string{
			P + ":7:3: error: field `summary` must be text, not a list (write the value on the same line as `summary:`, not as a list of - lines)",
		}},

		// Draft.
		{name: "draft true", fm: required + "draft: true\n", check: func(t *testing.T, r *content.Response) {
			if !r.Draft {
				t.Error("Draft = false")
			}
		}},
		{name: "draft True", fm: required + "draft: True\n", check: func(t *testing.T, r *content.Response) {
			if !r.Draft {
				t.Error("Draft = false")
			}
		}},
		{name: "draft false", fm: required + "draft: false\n", check: func(t *testing.T, r *content.Response) {
			if r.Draft {
				t.Error("Draft = true")
			}
		}},
		{name: "draft FALSE", fm: required + "draft: FALSE\n", check: func(t *testing.T, r *content.Response) {
			if r.Draft {
				t.Error("Draft = true")
			}
		}},
		{name: "draft yes", fm: required + "draft: yes\n", want: []string{
			P + ":6:8: error: field `draft` must be true or false, not \"yes\" (write `draft: true` to keep the response unpublished, or delete the line to publish it)",
		}},
		{name: "draft quoted", fm: required + "draft: \"true\"\n", want: []string{
			P + ":6:8: error: field `draft` must be true or false, not \"true\" (remove the quotes: `draft: true`)",
		}},
		{name: "draft as a list", fm: required + "draft: [true]\n", want: []string{
			P + ":6:8: error: field `draft` must be true or false, not a list (write `draft: true` to keep the response unpublished, or delete the line to publish it)",
		}},
		{name: "draft as a mapping", fm: required + "draft:\n  value: true\n", want: []string{
			P + ":7:3: error: field `draft` must be true or false, not a set of fields (write `draft: true` to keep the response unpublished, or delete the line to publish it)",
		}},
		{name: "draft number", fm: required + "draft: 1\n", want: []string{
			P + ":6:8: error: field `draft` must be true or false, not \"1\" (write `draft: true` to keep the response unpublished, or delete the line to publish it)",
		}},

		// Publish.
		{name: "publish RFC 3339 UTC", fm: required + "publish: 2026-12-01T09:00:00Z\n", check: wantPublish("2026-12-01T09:00:00Z")},
		{name: "publish RFC 3339 with offset", fm: required + "publish: 2026-07-01T09:00:00+01:00\n", check: wantPublish("2026-07-01T08:00:00Z")},
		{name: "publish UK time in winter is GMT", fm: required + "publish: 2026-12-01 09:00\n", check: wantPublish("2026-12-01T09:00:00Z")},
		{name: "publish UK time in summer is BST", fm: required + "publish: 2026-07-01 09:00\n", check: wantPublish("2026-07-01T08:00:00Z")},
		{name: "publish UK time with seconds and T", fm: required + "publish: 2026-07-01T09:00:30\n", check: wantPublish("2026-07-01T08:00:30Z")},
		{name: "publish date in winter", fm: required + "publish: 2026-12-01\n", check: wantPublish("2026-12-01T00:00:00Z")},
		{name: "publish date in summer", fm: required + "publish: 2026-07-01\n", check: wantPublish("2026-06-30T23:00:00Z")},
		{name: "publish written date", fm: required + "publish: 1 July 2026\n", check: wantPublish("2026-06-30T23:00:00Z")},
		{name: "publish bad", fm: required + "publish: next Tuesday\n", want: []string{
			P + ":6:10: error: field `publish`: \"next Tuesday\" is not a date or date and time (use 2026-12-01T09:00:00Z, 2026-12-01 09:00 (UK time) or a date)",
		}, check: wantPublish("0001-01-01T00:00:00Z")},
		{name: "publish impossible day", fm: required + "publish: 2026-02-30 09:00\n", want: []string{
			P + ":6:10: error: field `publish`: \"2026-02-30 09:00\" is not a date or date and time (use 2026-12-01T09:00:00Z, 2026-12-01 09:00 (UK time) or a date)",
		}},
		{name: "publish as a list", fm: required + "publish: [2026-12-01]\n", want: []string{
			P + ":6:10: error: field `publish` must be text, not a list (write the value on the same line as `publish:`, not as a list of - lines)",
		}},

		// Aliases.
		{name: "aliases normalised and sorted", fm: required +
			"aliases: [/disclosure-log/2022/foi-0413-22/, /x.html, /a/b, old/page.htm, /c//d/]\n",
			check: func(t *testing.T, r *content.Response) {
				want := "a/b/|c/d/|disclosure-log/2022/foi-0413-22/|old/page.htm|x.html"
				if got := strings.Join(r.Aliases, "|"); got != want {
					t.Errorf("Aliases = %s, want %s", got, want)
				}
			}},
		{name: "alias as one value", fm: required + "aliases: /old/\n", check: func(t *testing.T, r *content.Response) {
			if len(r.Aliases) != 1 || r.Aliases[0] != "old/" {
				t.Errorf("Aliases = %q", r.Aliases)
			}
		}},
		{name: "aliases rejected", fm: required + "aliases:\n  - http://example.org/old/\n  - //example.org/old/\n  - /a/../b/\n  - ..\n  - /\n  - /a b/\n  - /old/?page=2\n  - /old/#top\n",
			want: []string{
				P + ":7:5: error: alias \"http://example.org/old/\" must be a path on this site, such as /disclosure-log/2022/foi-0413-22/ (write only the old address's path: the part after the site's name, from / up to any ? or #, with %20 for a space)",
				P + ":8:5: error: alias \"//example.org/old/\" must be a path on this site, such as /disclosure-log/2022/foi-0413-22/ (write only the old address's path: the part after the site's name, from / up to any ? or #, with %20 for a space)",
				P + ":9:5: error: alias \"/a/../b/\" must name a page below the site root (write the old page's full path from the site's root, without . or .. folders, such as /disclosure-log/2022/foi-0413-22/)",
				P + ":10:5: error: alias \"..\" must name a page below the site root (write the old page's full path from the site's root, without . or .. folders, such as /disclosure-log/2022/foi-0413-22/)",
				P + ":11:5: error: alias \"/\" must name a page below the site root (write the old page's full path from the site's root, without . or .. folders, such as /disclosure-log/2022/foi-0413-22/)",
				P + ":12:5: error: alias \"/a b/\" must be a path on this site, such as /disclosure-log/2022/foi-0413-22/ (write only the old address's path: the part after the site's name, from / up to any ? or #, with %20 for a space)",
				P + ":13:5: error: alias \"/old/?page=2\" must be a path on this site, such as /disclosure-log/2022/foi-0413-22/ (write only the old address's path: the part after the site's name, from / up to any ? or #, with %20 for a space)",
				P + ":14:5: error: alias \"/old/#top\" must be a path on this site, such as /disclosure-log/2022/foi-0413-22/ (write only the old address's path: the part after the site's name, from / up to any ? or #, with %20 for a space)",
			}, check: func(t *testing.T, r *content.Response) {
				if len(r.Aliases) != 0 {
					t.Errorf("Aliases = %q, want none", r.Aliases)
				}
			}},
		{name: "aliases for one address kept once", fm: required + "aliases: [/old/, /old, /old/index.html, old/, /Old/]\n",
			check: func(t *testing.T, r *content.Response) {
				if got := strings.Join(r.Aliases, "|"); got != "Old/|old/" {
					t.Errorf("Aliases = %s, want Old/|old/", got)
				}
			}},
		{name: "alias of the response's own address", fm: required + "aliases:\n  - /responses/foi-1-23/\n  - /responses/foi-1-23/index.html\n  - /old/\n",
			want: []string{
				P + ":7:5: warning: alias \"/responses/foi-1-23/\" is the address of this response itself (remove it: the response is already there)",
				P + ":8:5: warning: alias \"/responses/foi-1-23/index.html\" is the address of this response itself (remove it: the response is already there)",
			}, check: func(t *testing.T, r *content.Response) {
				if got := strings.Join(r.Aliases, "|"); got != "old/" {
					t.Errorf("Aliases = %s, want old/", got)
				}
			}},
		{name: "alias of the home page file", fm: required + "aliases: [/index.html]\n", want: []string{
			P + ":6:11: error: alias \"/index.html\" must name a page below the site root (write the old page's full path from the site's root, without . or .. folders, such as /disclosure-log/2022/foi-0413-22/)",
		}},
		{name: "alias with a name too long for a file system", fm: required + "aliases: [/old/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/]\n", want: []string{
			P + ":6:11: error: alias \"/old/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/\" has a folder or file name of 201 bytes; foilog allows 200 (file systems refuse such long names: shorten the old address, or leave it out)",
		}},
		{name: "reference too long for a page address", fm: "title: T\nreference: FOI xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\ndate: 2023-06-14\noutcome: disclosed\n", want: []string{
			P + ":3:12: error: the page address made from this is 304 bytes long; foilog allows 200 (add a shorter `slug:`, such as the reference's number)",
		}},
		{name: "aliases as a mapping", fm: required + "aliases: {old: /x/}\n", want: []string{
			P + ":6:10: error: field `aliases` must be a list, not a set of fields (write each item on its own line below `aliases:`, starting with - and a space)",
		}},

		// Keys.
		{name: "duplicate key", fm: required + "title: Again\n", want: []string{
			P + ":6:1: error: field `title` is given twice (keep one of the two lines and delete the other)",
		}, check: func(t *testing.T, r *content.Response) {
			if r.Title != "Use of drones" || r.Lines["title"] != 2 {
				t.Errorf("Title = %q at line %d, want the first one", r.Title, r.Lines["title"])
			}
		}},
		{name: "unknown key with did-you-mean", fm: required + "exemptons: [s31(3)]\nTitle: x\n", want: []string{
			P + ":6:1: error: unknown field `exemptons`; did you mean `exemptions`? (fields are title, reference, slug, date, received, force, regime, exemptions, outcome, topics, summary, attachments, draft, publish, aliases)",
			P + ":7:1: error: unknown field `Title`; did you mean `title`? (fields are title, reference, slug, date, received, force, regime, exemptions, outcome, topics, summary, attachments, draft, publish, aliases)",
		}},
		{name: "unknown key without did-you-mean", fm: required + "colour: blue\n", want: []string{
			P + ":6:1: error: unknown field `colour` (fields are title, reference, slug, date, received, force, regime, exemptions, outcome, topics, summary, attachments, draft, publish, aliases)",
		}},
		{name: "everything wrong at once", fm: "title: [x]\nreference: {a: b}\ndate: 30/02/2024\noutcome: sure\nexemptons: x\n", want: []string{
			P + ":2:8: error: field `title` must be text, not a list (write the value on the same line as `title:`, not as a list of - lines)",
			P + ":3:12: error: field `reference` must be text, not a set of fields (write the value on the same line as `reference:`; if it holds `: `, put the whole value in double quotes)",
			P + ":4:7: error: field `date`: \"30/02/2024\" does not exist: February 2024 has 29 days (write the date as 29/02/2024 or check the day)",
			P + ":5:10: error: outcome \"sure\" is not one of disclosed, partial, refused, ncnd, not-held (disclosed: all the information was given; partial: some was withheld; refused: none was given; ncnd: neither confirmed nor denied; not-held: the information is not held)",
			P + ":6:1: error: unknown field `exemptons`; did you mean `exemptions`? (fields are title, reference, slug, date, received, force, regime, exemptions, outcome, topics, summary, attachments, draft, publish, aliases)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := siteConfig()
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			r, got := loadOne(t, tt.fm, cfg)
			checkDiags(t, got, tt.want)
			if r == nil {
				t.Fatal("LoadFile returned no response")
			}
			if r.Path != file {
				t.Errorf("Path = %q", r.Path)
			}
			if tt.check != nil {
				tt.check(t, r)
			}
		})
	}
}

func wantPublish(rfc3339 string) func(t *testing.T, r *content.Response) {
	return func(t *testing.T, r *content.Response) {
		t.Helper()
		want, err := time.Parse(time.RFC3339, rfc3339)
		if err != nil {
			t.Fatal(err)
		}
		if !r.Publish.Equal(want) {
			t.Errorf("Publish = %s, want %s", r.Publish.UTC().Format(time.RFC3339), rfc3339)
		}
		if r.Publish.Location() != time.UTC {
			t.Errorf("Publish location = %s, want UTC", r.Publish.Location())
		}
	}
}

func TestFrontMatterSyntax(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"no front-matter", "# Drones\n\nYou asked.\n", []string{
			file + ":1:1: error: response has no front-matter (start the file with a line ---, the fields (title, reference, date, outcome), and another ---)",
		}},
		{"empty front-matter", "---\n---\nYou asked.\n", []string{
			file + ":1:1: error: front-matter is empty (add title, reference, date and outcome)",
		}},
		{"blank line above the opening ---", "\n---\ntitle: T\n---\nYou asked.\n", []string{
			file + ":1:1: error: the file must start with --- on its first line (remove the blank line above it)",
		}},
		{"no front-matter at all", "You asked.\n", []string{
			file + ":1:1: error: response has no front-matter (start the file with a line ---, the fields (title, reference, date, outcome), and another ---)",
		}},
		{"never closed", "---\ntitle: T\n", []string{
			file + ":1:1: error: front-matter starts with --- but never ends (add a line containing only --- after the last front-matter field)",
		}},
		{"invalid YAML", "---\ntitle: T\nreference: FOI: 1/23\n---\n", []string{
			file + ":3:1: error: front-matter is not valid YAML: mapping values are not allowed in this context (a value contains `: `; put the whole value in double quotes)",
		}},
		{"front-matter a list", "---\n- title\n---\n", []string{
			file + ":2:1: error: front-matter must be a list of `key: value` fields (write one field per line, each a name, a colon and a value, such as `title: Use of drones`)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{file: {Data: []byte(tt.src)}}
			r, list := content.LoadFile(fsys, file, siteConfig())
			checkDiags(t, diagStrings(t, list), tt.want)
			if r != nil {
				t.Errorf("LoadFile returned a response for a file that has none: %+v", r)
			}
		})
	}
}

func TestHashChangesWithBytes(t *testing.T) {
	a, _ := loadOne(t, required, siteConfig())
	b, _ := loadOne(t, required, siteConfig())
	c, _ := loadOne(t, strings.Replace(required, "drones", "drones ", 1), siteConfig())
	if a.Hash != b.Hash {
		t.Errorf("same bytes, different hashes %s and %s", a.Hash, b.Hash)
	}
	if a.Hash == c.Hash {
		t.Errorf("different bytes, same hash %s", a.Hash)
	}
}
