// Package lint is the publication-safety check behind `foilog check`: it
// scans one response file (front-matter and body, as written) for personal
// data that must never reach the public disclosure log, above all the
// requester's.
//
// # Rules
//
// Each rule has a name (used in markers) and a stable Code. Every finding of
// these rules is an Error: the value is personal data until a person has
// checked it.
//
//   - email (lint.email): any email address. Addresses listed in
//     Options.AllowEmails, and addresses on a domain in Options.AllowDomains
//     or one of its subdomains, are not reported. AllowDomains is meant for
//     the authority's own domains ("westmidlands.police.uk"): an address
//     there is the authority's business contact, not a requester's personal
//     data; whether to publish named staff addresses is the authority's
//     policy, not this lint's. Only ASCII addresses are recognised, and a
//     "domain" that ends in a file extension ("logo@2x.png") is not an
//     address. Addresses written out to escape harvesters are reported
//     too, and allowed in the same way: "at" in brackets ("jane (at)
//     example.com", "jane[at]example[dot]com"), "@" with spaces around it
//     ("jane @ example . com"), "." written as "dot" ("jane@example dot
//     com"), or a bare word "at" with "dot" in words or brackets
//     ("jane.smith at example dot com"). A bare "at" with plain dots is
//     English, not an address ("look at example.com"), and so is one
//     followed by a common word ("at the dot com end"); the domain must
//     have a label with a letter before its last ("meet @ 10.am" is not
//     an address).
//   - phone (lint.phone): UK numbers that can belong to a person: mobiles
//     (07…, 11 digits) and geographic landlines (01…, 10 or 11 digits;
//     02…, 11 digits), written nationally or internationally (+44 7…,
//     +44 (0)121…, 0044…), with single spaces, hyphens or brackets between
//     groups of at least three digits ("0121 496 0000", "07700 900123",
//     "(0121) 496-0000"; after +44 the first group may be shorter). Digit
//     runs after a decimal point, comma or slash, pairs such as byte dumps
//     ("02 01 04 03") and ten-digit runs without a space ("0123456789")
//     are not numbers. Never reported: short service
//     numbers (101, 999, 111, 112; they are too short to be a number),
//     non-geographic numbers (03… public-service, 08… freephone and
//     business, 09…), numbers listed in Options.AllowPhones (compared by
//     digits, so "+44 121 496 0999" allows "0121 496 0999"), and letterhead
//     numbers. A letterhead number is a landline (01/02, never a mobile) on
//     one of the first LetterheadLines non-blank lines of the body, after a
//     contact label on the same line ("Switchboard", "Telephone", "Tel",
//     "Phone", "Fax"). Mobiles are never excused by position: a requester's
//     signature "Tel: 07…" is the commonest leak, and authorities do not
//     print mobiles on letterheads.
//   - ni-number (lint.ni-number): National Insurance numbers, two prefix
//     letters, six digits and a suffix A–D, with or without spaces or
//     hyphens between the groups, in either case. Prefixes that HMRC never
//     issues are skipped (first letter D, F, I, Q, U, V; second letter D, F,
//     I, O, Q, U, V; BG, GB, KN, NK, NT, TN, ZZ), except QQ: HMRC's specimen
//     "QQ 12 34 56 C" is reported, because a specimen in a response is
//     either a placeholder left in or a real number mistyped, and staff must
//     check it. A number without its suffix letter ("QQ 12 34 56",
//     "AB123456") is reported only where the line says what it is: "NI",
//     "N.I.", "NINO" or "National Insurance" at most four words before it
//     or after it ("NI number: AB123456", "AB123456 (National
//     Insurance)"). Without that context such a value is far more often a
//     reference or a vehicle's number than an NI number.
//   - postcode (lint.postcode): full UK postcodes ("B4 6NQ", "SW1A 2AA",
//     "b4 6nq", "B46NQ"). Without the space a postcode must be in capitals,
//     so that commit hashes ("ad1c3fb") are not postcodes; a "#" before it
//     marks a colour ("#B0C4DE"). The outward code alone ("B4") is not
//     personal data and is never reported. Postcodes in Options.AllowPostcodes (the authority's
//     headquarters) are not reported; they are compared ignoring case and
//     spaces. Lower-case ordinals that look like an inward code ("b1 2nd")
//     are skipped.
//   - salutation (lint.salutation): a greeting that names a person. "Dear"
//     counts anywhere on a line ("Dear Mr Smith", "Dear Dr. Patel", "Dear
//     Jane", "Dear Jane Smith", "Dear Inspector Morse"); "Hi", "Hello",
//     "Hey", "Hiya", "Greetings" and "Good morning/afternoon/evening/day"
//     only where they open a line, after any blockquote or emphasis marks
//     ("Hi Jane", "> Hello Mr Smith", "Good morning Ms Khan,"). After those
//     greetings the name must end the line or its clause, unless it starts
//     with a title, so that a sentence ("Hi Vis jackets were bought") is not
//     a salutation. Not reported: "Dear Sir/Madam", "Dear Sir or Madam",
//     "Dear Requester", "Dear Applicant", "Dear Colleague", "Hello,", "Hi
//     all", "Hello there", greetings to an organisation or role ("Dear West
//     Midlands Police", "Good morning FOI team", "Dear Chief Constable"),
//     and already redacted names ("Dear Mr [name redacted]", "Dear Mr X").
//     Names in capitals ("Dear JANE") read as acronyms and are not
//     reported.
//   - sign-off (lint.sign-off): a personal name signing off the request
//     where the response quotes it. A sign-off ("Yours sincerely",
//     "Yours faithfully", "Kind/Best/Warm regards", "Regards", "Best
//     wishes", "Thanks", "Many thanks", "Thank you", "Thanks in advance",
//     "Cheers", "Best", …) followed on the same line by a comma, full stop,
//     colon or dash and a name ("Thanks, John Smith"), or alone on its line
//     with the name alone on the next non-blank line ("Kind regards," then
//     "Jane Smith"), is reported at the name. A name is one to four
//     capitalised words, with titles, initials and particles ("Mr J. A.
//     van Berg", "J.Smith"), and nothing else on the line but emphasis and
//     punctuation; like salutations, it must not name a role or an
//     organisation ("FOI Team", "Information Management Unit", "Freedom of
//     Information Officer", "Disclosure Team", "Data Protection Officer",
//     "West Midlands Police"). Only request text is checked: blockquote
//     lines ("> …"), and the section under a heading such as "Request",
//     "Your request" or "Original request" (an ATX heading, up to the next
//     heading of the same or a higher level, or a line that is only bold
//     text, up to the next heading or bold line; headings in fenced code
//     do not count). Everywhere else a signature is the authority's own:
//     the letter is signed by its officer, whose name and role forces
//     publish, so no allow-list of staff names is needed. Front-matter is
//     never request text.
//
// The scan is textual: code blocks, HTML comments and front-matter values
// are scanned too, because the source files are themselves often published
// (in a public repository) even where the renderer drops a comment.
//
// # Markers
//
// A person who has checked a finding records the decision in the file with
// an HTML comment, which the renderer never outputs (raw HTML is omitted):
//
//	Contact foi@example.org <!-- foilog-allow: email -->
//	<!-- foilog-allow-file: postcode phone -->
//
// "foilog-allow" silences the named rules on its own line only;
// "foilog-allow-file" silences them in the whole file and may stand on any
// line. Rule names are separated by spaces or commas. A marker must name its
// rules: a bare marker silences nothing and is reported, so nothing is ever
// silenced by accident. Unknown rule names and unknown "foilog-…" markers
// are reported with a did-you-mean, and a marker that silences nothing is
// reported as unused so that stale markers do not hide a later leak. Marker
// problems (Code lint.marker) are warnings: when a marker fails, the finding
// it meant to silence is still reported as an error.
//
// # Positions
//
// Lines and columns are 1-based file positions. Columns count characters
// (Unicode code points), as editors and the YAML parser do; a byte-order mark
// is not counted. Lines end at "\n"; a "\r" before it is ignored.
package lint

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/foilog/foilog/internal/diag"
)

// Codes of the findings, one per rule, plus CodeMarker for problems with
// suppression markers.
const (
	CodeEmail      = "lint.email"
	CodePhone      = "lint.phone"
	CodeNINumber   = "lint.ni-number"
	CodePostcode   = "lint.postcode"
	CodeSalutation = "lint.salutation"
	CodeSignOff    = "lint.sign-off"
	CodeMarker     = "lint.marker"
)

// LetterheadLines is how many non-blank lines at the start of the body count
// as the letterhead, where a labelled landline is taken to be the
// authority's own published number.
const LetterheadLines = 10

// Options lists values the authority publishes itself and that are
// therefore not personal data. Values are compared after normalising: emails
// and domains ignoring case, phone numbers by their digits (+44 and 0044
// read as 0), postcodes ignoring case and spaces.
type Options struct {
	// AllowEmails are complete addresses ("foi@westmidlands.police.uk").
	AllowEmails []string
	// AllowDomains are domains whose addresses, including those of
	// subdomains, are all allowed ("westmidlands.police.uk"); a leading
	// "@" or "." is ignored.
	AllowDomains []string
	// AllowPhones are published numbers such as the switchboard.
	AllowPhones []string
	// AllowPostcodes are the authority's own addresses' postcodes.
	AllowPostcodes []string
}

// Finding is one possible piece of personal data, or one problem with a
// marker, at a 1-based line and column of the file.
type Finding struct {
	Line, Col int
	// Code is the rule's stable code ("lint.email").
	Code string
	// Message names what was found, with most of the value masked so that
	// lint output does not itself spread the data.
	Message string
	// Hint says how to fix or, after checking, silence the finding.
	Hint string
	// Severity is diag.Error for possible personal data and diag.Warning
	// for marker problems.
	Severity diag.Severity
}

// Diagnostic returns f as a diagnostic for the file at path (slash-separated,
// relative to the site root).
func (f Finding) Diagnostic(path string) diag.Diagnostic {
	return diag.Diagnostic{Path: path, Line: f.Line, Col: f.Col, Severity: f.Severity,
		Code: f.Code, Message: f.Message, Hint: f.Hint}
}

// Rule describes one check of the lint.
type Rule struct {
	// Name is what markers use ("email").
	Name string
	// Code is the Code of the rule's findings ("lint.email").
	Code string
	// Description is one sentence for help text and the README.
	Description string
}

// Rules returns the rules in the order they are documented: email, phone,
// ni-number, postcode, salutation, sign-off. Marker problems (CodeMarker) are not a
// rule: they cannot be silenced.
func Rules() []Rule {
	return []Rule{
		{"email", CodeEmail, "email addresses, except the authority's own (allowed addresses and domains)"},
		{"phone", CodePhone, "UK mobile and landline numbers, except service numbers (101, 999, 111), 03/08/09 numbers, allowed numbers and labelled letterhead landlines"},
		{"ni-number", CodeNINumber, "National Insurance numbers (including HMRC's QQ specimen)"},
		{"postcode", CodePostcode, "full UK postcodes, except allowed ones; an outward code alone is fine"},
		{"salutation", CodeSalutation, "salutations that name a person (\"Dear Mr Smith\", \"Hi Jane\"); \"Dear Sir/Madam\" and \"Dear Requester\" are fine"},
		{"sign-off", CodeSignOff, "a name signing off the quoted request (\"Kind regards, Jane Smith\"); the authority's own signature is not checked"},
	}
}

// ruleNames returns the names of Rules, for markers and suggestions.
func ruleNames() []string {
	var names []string
	for _, r := range Rules() {
		names = append(names, r.Name)
	}
	return names
}

// File scans src, the whole text of one response file, and returns its
// findings sorted by line, column, code and message. It returns nil when
// there is nothing to report. File never fails: any bytes are scanned as
// text.
func File(src []byte, opts Options) []Finding {
	s := newScanner(src, opts)
	return s.run()
}

// line is one line of the file.
type line struct {
	text string
	no   int  // 1-based file line
	head bool // among the letterhead lines of the body
	// request is set on lines of the body that quote the request: see
	// markRequest.
	request bool
}

// hit is one value found by a rule on one line.
type hit struct {
	rule    string
	code    string
	start   int // byte offset in the line text
	message string
	hint    string
}

type scanner struct {
	lines []line
	opts  allow
	// lineAllow[i] lists the rules a marker allows on lines[i], with the
	// column of the marker.
	lineAllow map[int][]markerRule
	fileAllow []markerRule
	findings  []Finding
}

type markerRule struct {
	name string
	line int // 1-based line of the marker
	col  int
	used bool
}

func newScanner(src []byte, opts Options) *scanner {
	s := &scanner{opts: normaliseOptions(opts), lineAllow: map[int][]markerRule{}}
	s.lines = splitLines(src)
	return s
}

// splitLines cuts src into lines and marks the letterhead: the first
// LetterheadLines non-blank lines after the front-matter.
func splitLines(src []byte) []line {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")) // not a character anyone sees
	var lines []line
	for no := 1; len(src) > 0; no++ {
		text, rest, _ := bytes.Cut(src, []byte("\n"))
		text = bytes.TrimSuffix(text, []byte("\r"))
		lines = append(lines, line{text: string(text), no: no})
		src = rest
	}
	body := 0
	if len(lines) > 0 && strings.TrimRight(lines[0].text, " \t") == "---" {
		for i := 1; i < len(lines); i++ {
			if t := strings.TrimRight(lines[i].text, " \t"); t == "---" || t == "..." {
				body = i + 1
				break
			}
		}
		if body == 0 { // never closed: all front-matter, no letterhead
			body = len(lines)
		}
	}
	markRequest(lines, body)
	for i, n := body, 0; i < len(lines) && n < LetterheadLines; i++ {
		if strings.TrimSpace(lines[i].text) != "" {
			lines[i].head = true
			n++
		}
	}
	return lines
}

func (s *scanner) run() []Finding {
	for i := range s.lines {
		s.readMarkers(i)
	}
	for i, l := range s.lines {
		var hits []hit
		hits = append(hits, s.emails(l)...)
		hits = append(hits, s.phones(l)...)
		hits = append(hits, niNumbers(l)...)
		hits = append(hits, s.postcodes(l)...)
		hits = append(hits, salutations(l)...)
		hits = append(hits, s.signOffs(i)...)
		slices.SortStableFunc(hits, func(a, b hit) int { return a.start - b.start })
		col := columns{text: l.text}
		for _, h := range hits {
			if s.allowed(i, h.rule) {
				continue
			}
			s.findings = append(s.findings, Finding{Line: l.no, Col: col.at(h.start), Code: h.code,
				Message: h.message, Hint: h.hint, Severity: diag.Error})
		}
	}
	s.reportUnused()
	if len(s.findings) == 0 {
		return nil
	}
	slices.SortFunc(s.findings, func(a, b Finding) int {
		switch {
		case a.Line != b.Line:
			return a.Line - b.Line
		case a.Col != b.Col:
			return a.Col - b.Col
		case a.Code != b.Code:
			return strings.Compare(a.Code, b.Code)
		}
		return strings.Compare(a.Message, b.Message)
	})
	return slices.CompactFunc(s.findings, func(a, b Finding) bool { return a == b })
}

// columns converts byte offsets in one line to 1-based character columns,
// in time linear in the line when offsets come in increasing order.
type columns struct {
	text       string
	off, runes int // the last offset converted and the characters before it
}

func (c *columns) at(off int) int {
	if off < c.off {
		c.off, c.runes = 0, 0
	}
	c.runes += utf8.RuneCountInString(c.text[c.off:off])
	c.off = off
	return c.runes + 1
}

// allowed reports whether a marker silences rule on lines[i], and marks
// that marker used.
func (s *scanner) allowed(i int, rule string) bool {
	ok := false
	for j := range s.lineAllow[i] {
		if s.lineAllow[i][j].name == rule {
			s.lineAllow[i][j].used = true
			ok = true
		}
	}
	for j := range s.fileAllow {
		if s.fileAllow[j].name == rule {
			s.fileAllow[j].used = true
			ok = true
		}
	}
	return ok
}

// reportUnused warns about markers that silenced nothing.
func (s *scanner) reportUnused() {
	for i, rules := range s.lineAllow {
		for _, r := range rules {
			if !r.used {
				s.findings = append(s.findings, Finding{Line: s.lines[i].no, Col: r.col, Code: CodeMarker, Severity: diag.Warning,
					Message: "marker allows `" + r.name + "` but nothing on this line needs it",
					Hint:    "remove `" + r.name + "` from the marker"})
			}
		}
	}
	for _, r := range s.fileAllow {
		if !r.used {
			s.findings = append(s.findings, Finding{Line: r.line, Col: r.col, Code: CodeMarker, Severity: diag.Warning,
				Message: "marker allows `" + r.name + "` in the whole file but nothing in the file needs it",
				Hint:    "remove `" + r.name + "` from the marker"})
		}
	}
}
