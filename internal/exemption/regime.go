package exemption

import "strings"

// Regime is the access-to-information law a response was given under.
type Regime string

// The four regimes of UK disclosure logs.
const (
	FOIA  Regime = "FOIA"  // Freedom of Information Act 2000
	FOISA Regime = "FOISA" // Freedom of Information (Scotland) Act 2002
	EIR   Regime = "EIR"   // Environmental Information Regulations 2004
	EISR  Regime = "EISR"  // Environmental Information (Scotland) Regulations 2004
)

// Regimes returns the four regimes in their fixed order: FOIA, FOISA, EIR,
// EISR. The slice is new on every call.
func Regimes() []Regime { return []Regime{FOIA, FOISA, EIR, EISR} }

// ParseRegime returns the regime named by s: its short name or its long
// title, case-insensitively, ignoring surrounding space, a trailing year and
// "the". It accepts the spellings staff use ("FOI(S)A", "EIRs",
// "Freedom of Information Act", "EI(S)R"). ok is false for anything else,
// including the empty string.
func ParseRegime(s string) (Regime, bool) {
	switch normRegimeName(s) {
	case "foia", "foi act", "freedom of information act":
		return FOIA, true
	case "foisa", "foi(s)a", "fois act", "foi (scotland) act", "freedom of information (scotland) act",
		"freedom of information scotland act":
		return FOISA, true
	case "eir", "eirs", "environmental information regulations":
		return EIR, true
	case "eisr", "eisrs", "ei(s)r", "ei(s)rs", "environmental information (scotland) regulations",
		"environmental information scotland regulations":
		return EISR, true
	}
	return "", false
}

func normRegimeName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimPrefix(s, "the ")
	for _, y := range []string{" 2000", " 2002", " 2004"} {
		s = strings.TrimSuffix(s, y)
	}
	s = strings.ReplaceAll(s, "( ", "(")
	s = strings.ReplaceAll(s, " )", ")")
	return s
}

// Title returns the statute's short title, such as
// "Freedom of Information Act 2000", or "" for an unknown regime.
func (r Regime) Title() string {
	switch r {
	case FOIA:
		return "Freedom of Information Act 2000"
	case FOISA:
		return "Freedom of Information (Scotland) Act 2002"
	case EIR:
		return "Environmental Information Regulations 2004"
	case EISR:
		return "Environmental Information (Scotland) Regulations 2004"
	}
	return ""
}

// Slug returns the lower-case short name used in URLs ("foia", "eisr").
func (r Regime) Slug() string { return strings.ToLower(string(r)) }

// Valid reports whether r is one of the four regimes.
func (r Regime) Valid() bool { return r.order() < 4 }

// Regulations reports whether r's provisions are regulations (EIR, EISR)
// rather than sections of an Act.
func (r Regime) Regulations() bool { return r == EIR || r == EISR }

// prefix is the canonical abbreviation of a provision of r: "s" or "r".
func (r Regime) prefix() string {
	if r.Regulations() {
		return "r"
	}
	return "s"
}

// Unit returns the word for one provision of r: "section" or "regulation".
func (r Regime) Unit() string {
	if r.Regulations() {
		return "regulation"
	}
	return "section"
}

// Scottish reports whether r is one of the Scottish regimes.
func (r Regime) Scottish() bool { return r == FOISA || r == EISR }

// environmental returns the environmental regime of the same jurisdiction.
func (r Regime) environmental() Regime {
	if r.Scottish() {
		return EISR
	}
	return EIR
}

// act returns the FOI Act of the same jurisdiction.
func (r Regime) act() Regime {
	if r.Scottish() {
		return FOISA
	}
	return FOIA
}

// URLBase returns the legislation.gov.uk address that a section or
// regulation number is appended to.
func (r Regime) URLBase() string {
	switch r {
	case FOIA:
		return "https://www.legislation.gov.uk/ukpga/2000/36/section/"
	case FOISA:
		return "https://www.legislation.gov.uk/asp/2002/13/section/"
	case EIR:
		return "https://www.legislation.gov.uk/uksi/2004/3391/regulation/"
	case EISR:
		return "https://www.legislation.gov.uk/ssi/2004/520/regulation/"
	}
	return ""
}

func (r Regime) order() int {
	switch r {
	case FOIA:
		return 0
	case FOISA:
		return 1
	case EIR:
		return 2
	case EISR:
		return 3
	}
	return 4
}
