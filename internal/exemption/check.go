package exemption

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/foilog/foilog/internal/diag"
)

// Facts are what Check needs to know about one response.
type Facts struct {
	// Outcome is the front-matter outcome: disclosed, partial, refused,
	// ncnd or not-held.
	Outcome string
	// Provisions are the provisions the front-matter cites.
	Provisions []Provision
	// Body is the Markdown after the front-matter.
	Body string
	// BodyLine is the 1-based file line on which Body starts.
	BodyLine int
	// Regime is the response's regime, used to read the body; FOIA when
	// empty.
	Regime Regime
}

// The codes of Check's warnings.
const (
	CodeNCNDMissing    = "exemption.ncnd-missing"
	CodeNCNDDisclosed  = "exemption.ncnd-disclosed"
	CodePublicInterest = "exemption.public-interest-missing"
	CodeUncited        = "exemption.uncited"
)

// publicInterestRE matches public interest reasoning where it starts: a
// mention of the public interest, a balancing test or the factors for and
// against disclosure.
var publicInterestRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i:public[\s-]+interest|balanc(?:e|ing)[\s-]+(?:test|exercise)|factors?\s+(?:favouring|in\s+favour|for|against))`)
})

// mentionsPublicInterest reports whether publicInterestRE matches anywhere
// in body. A match starts with "public", "balanc" or "factor" in any case;
// none of their letters has a case fold outside ASCII (as k and s have), so
// a byte comparison finds every place a match can start, and the regexp
// runs only there rather than over the whole body.
func mentionsPublicInterest(body string) bool {
	for i := 0; i+6 <= len(body); i++ {
		switch body[i] | 0x20 {
		case 'p', 'b', 'f':
		default:
			continue
		}
		if w := body[i : i+6]; !asciiFold(w, "public") && !asciiFold(w, "balanc") && !asciiFold(w, "factor") {
			continue
		}
		if publicInterestRE().MatchString(body[i:]) {
			return true
		}
	}
	return false
}

// asciiFold reports whether s equals lower, a lower-case ASCII word of the
// same length, ignoring ASCII case.
func asciiFold(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if isUpper(c) {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// Check returns the consistency warnings for a response, all of Severity
// Warning, in this order:
//
//   - exemption.ncnd-missing: outcome "ncnd" but no
//     neither-confirm-nor-deny provision is cited;
//   - exemption.ncnd-disclosed: outcome "disclosed" with an NCND
//     provision cited;
//   - exemption.public-interest-missing: a qualified exemption is cited
//     but the body never mentions the public interest, a balancing test or
//     factors for and against disclosure;
//   - exemption.uncited: the body cites an exemption that the
//     front-matter does not list, once per section (per exception for EIR
//     r12 and EISR r10), at its first mention, in order of appearance.
//
// A body mention counts as listed when a cited provision has the same
// section (the body's "Section 31" with s31(3) cited), or, for EIR r12
// and EISR r10, the same exception ("regulation 12(5)(b)"), or is the NCND
// provision of a cited one. Procedural provisions (s1, s12, s14, not held)
// are never reported, since responses mention them in standard wording.
//
// The first three concern the front-matter and have Line 0 and Col 0; the
// last has the file line and byte column of the mention, computed from
// BodyLine. Path is left empty for the caller to fill in.
func Check(f Facts) []diag.Diagnostic {
	var out []diag.Diagnostic
	warn := func(line, col int, code, msg, hint string) {
		out = append(out, diag.Diagnostic{Line: line, Col: col, Severity: diag.Warning, Code: code, Message: msg, Hint: hint})
	}
	outcome := strings.ToLower(strings.TrimSpace(f.Outcome))

	var entries []Entry
	for _, p := range f.Provisions {
		if e, ok := Lookup(p); ok {
			e.Provision = p
			entries = append(entries, e)
		}
	}

	// Neither confirm nor deny.
	var ncnd []string
	for _, e := range entries {
		if e.NCND {
			ncnd = append(ncnd, e.Provision.String())
		}
	}
	switch {
	case outcome == "ncnd" && len(ncnd) == 0:
		hint := "cite the neither-confirm-nor-deny provision, or change the outcome"
		var pairs []string
		for _, e := range entries {
			if e.NCNDProvision != nil {
				pairs = append(pairs, fmt.Sprintf("%s for %s", e.NCNDProvision, e.Provision))
			}
		}
		if len(pairs) > 0 {
			hint = "cite " + strings.Join(pairs, ", ") + ", or change the outcome"
		}
		warn(0, 0, CodeNCNDMissing, "outcome is \"ncnd\" but no neither-confirm-nor-deny provision is cited", hint)
	case outcome == "disclosed" && len(ncnd) > 0:
		warn(0, 0, CodeNCNDDisclosed,
			fmt.Sprintf("outcome is \"disclosed\" but %s neither confirms nor denies", orList(ncnd)),
			"use outcome \"partial\" or \"ncnd\", or remove the citation")
	}

	// Public interest reasoning.
	var qualified []string
	for _, e := range entries {
		if e.NeedsPublicInterest() {
			qualified = append(qualified, e.Provision.String())
		}
	}
	if len(qualified) > 0 && !mentionsPublicInterest(f.Body) {
		verb := "is a qualified exemption"
		if len(qualified) > 1 {
			verb = "are qualified exemptions"
		}
		warn(0, 0, CodePublicInterest,
			fmt.Sprintf("%s %s cited but the body gives no public interest reasoning", orList(qualified), verb),
			"add a \"Public interest test\" section weighing the factors for and against disclosure")
	}

	// Provisions cited in the body but not in the front-matter.
	seen := map[Provision]bool{}
	for _, m := range ScanText(f.Body, f.Regime) {
		e, ok := Lookup(m.Provision)
		unit := citeUnit(m.Provision)
		if !ok || e.Procedural || seen[unit] || covered(m.Provision, entries) {
			continue
		}
		if sec, ok := Lookup(m.Provision.SectionOf()); ok && sec.Procedural {
			continue
		}
		seen[unit] = true
		line, col := position(f.Body, m.Offset, f.BodyLine)
		warn(line, col, CodeUncited,
			fmt.Sprintf("the body cites %s (%s), which the front-matter exemptions do not list", m.Provision, e.Title),
			fmt.Sprintf("add %q to exemptions, or reword the body if it is not relied on", m.Provision.String()))
	}
	return out
}

// covered reports whether a body mention m is accounted for by the cited
// entries.
func covered(m Provision, cited []Entry) bool {
	for _, e := range cited {
		c := e.Provision
		if citeUnit(c).Contains(m) || m.Contains(c) {
			return true
		}
		if e.NCNDProvision != nil && e.NCNDProvision.Contains(m) {
			return true
		}
	}
	return false
}

// citeUnit returns the provision that a citation of c vouches for: its
// section, except for the exception regulations (EIR r12, EISR r10), which
// hold many exceptions and vouch only for the exception cited.
func citeUnit(c Provision) Provision {
	if (c.Regime == EIR && c.Section == "12") || (c.Regime == EISR && c.Section == "10") {
		parts := c.Parts()
		return NewProvision(c.Regime, c.Section, parts[:min(2, len(parts))]...)
	}
	return c.SectionOf()
}

// position maps a byte offset in body to a 1-based file line and byte
// column.
func position(body string, off, bodyLine int) (int, int) {
	if bodyLine < 1 {
		bodyLine = 1
	}
	off = min(max(off, 0), len(body))
	before := body[:off]
	line := bodyLine + strings.Count(before, "\n")
	col := off - (strings.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}
