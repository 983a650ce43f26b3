package exemption

import (
	"fmt"
	"strconv"
	"strings"
)

// Provision identifies one provision of one regime: a section (or
// regulation) number and a path of subsections, paragraphs and
// sub-paragraphs below it.
//
// Provision is comparable, so it can be a map key and compared with ==.
// Path is the canonical parenthesised form, "(1)(a)" for s31(1)(a) and ""
// for a whole section. Within Path, subsection segments that start with a
// digit keep an upper-case letter suffix ("(5A)"); letter segments, which
// are paragraphs and sub-paragraphs, are lower case ("(ab)", "(ii)").
// Section holds the number with any letter in upper case ("22A").
// Use NewProvision to build one from parts.
type Provision struct {
	Regime  Regime
	Section string
	Path    string
}

// NewProvision returns the provision of regime r, section, and path parts
// ("1", "a"), normalising the case of each part as Provision describes.
// It does not check that the provision exists: see Listed.
func NewProvision(r Regime, section string, path ...string) Provision {
	p := Provision{Regime: r, Section: strings.ToUpper(section)}
	var b strings.Builder
	for _, s := range path {
		b.WriteByte('(')
		b.WriteString(normSegment(s))
		b.WriteByte(')')
	}
	p.Path = b.String()
	return p
}

// normSegment puts one path segment in canonical case.
func normSegment(s string) string {
	if s != "" && isDigit(s[0]) {
		return strings.ToUpper(s)
	}
	return strings.ToLower(s)
}

// Parts returns the segments of p's path, ["1", "a"] for s31(1)(a), or nil
// for a whole section.
func (p Provision) Parts() []string {
	if p.Path == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(strings.TrimPrefix(p.Path, "("), ")"), ")(")
}

// Depth returns the number of segments in p's path: 0 for a section.
func (p Provision) Depth() int { return strings.Count(p.Path, "(") }

// String returns the canonical form: regime, a space, "s" for sections of
// an Act or "r" for regulations, the number, then the path:
// "FOIA s31(3)", "FOISA s35(1)(a)", "EIR r12(5)(b)", "FOIA s22A".
func (p Provision) String() string {
	return string(p.Regime) + " " + p.Regime.prefix() + p.Section + p.Path
}

// Slug returns p's URL slug: lower case, hyphen-separated, one segment per
// path part: "foia-s31-3", "eir-r12-5-b", "foia-s22a", "foia-s40-5a".
func (p Provision) Slug() string {
	var b strings.Builder
	b.WriteString(p.SectionSlug())
	for _, s := range p.Parts() {
		b.WriteByte('-')
		b.WriteString(strings.ToLower(s))
	}
	return b.String()
}

// SectionSlug returns the slug of p's section: "foia-s31", "eir-r12".
func (p Provision) SectionSlug() string {
	return p.Regime.Slug() + "-" + p.Regime.prefix() + strings.ToLower(p.Section)
}

// SectionOf returns p's section alone, with an empty path.
func (p Provision) SectionOf() Provision {
	return Provision{Regime: p.Regime, Section: p.Section}
}

// Parent returns the provision one level up (s31(1) for s31(1)(a)) and
// true, or p and false when p is a whole section.
func (p Provision) Parent() (Provision, bool) {
	i := strings.LastIndexByte(p.Path, '(')
	if i < 0 {
		return p, false
	}
	return Provision{Regime: p.Regime, Section: p.Section, Path: p.Path[:i]}, true
}

// Contains reports whether q is p or lies below it (FOIA s31 contains
// FOIA s31(1)(a); FOIA s31(1) does not contain FOIA s31(10)).
func (p Provision) Contains(q Provision) bool {
	return p.Regime == q.Regime && p.Section == q.Section && strings.HasPrefix(q.Path, p.Path)
}

// ParseCanonical parses the output of Provision.String back into a
// Provision. It accepts only the canonical form, exactly: use
// ParseCitation for what people write.
func ParseCanonical(s string) (Provision, error) {
	fail := func(why string) (Provision, error) {
		return Provision{}, fmt.Errorf("parse canonical provision %q: %s", s, why)
	}
	name, rest, ok := strings.Cut(s, " ")
	if !ok {
		return fail("missing space after the regime")
	}
	r := Regime(name)
	if !r.Valid() {
		return fail("unknown regime " + strconv.Quote(name))
	}
	if !strings.HasPrefix(rest, r.prefix()) {
		return fail("want " + strconv.Quote(r.prefix()) + " before the number")
	}
	rest = rest[1:]
	i := 0
	for i < len(rest) && isDigit(rest[i]) {
		i++
	}
	if i == 0 || i > 3 || rest[0] == '0' {
		return fail("bad section number")
	}
	j := i
	for j < len(rest) && j-i < 2 && isUpper(rest[j]) {
		j++
	}
	p := Provision{Regime: r, Section: rest[:j]}
	path := rest[j:]
	for path != "" {
		if path[0] != '(' {
			return fail("unexpected " + strconv.Quote(path[:1]))
		}
		end := strings.IndexByte(path, ')')
		if end < 0 {
			return fail("unclosed parenthesis")
		}
		if !canonicalSegment(path[1:end]) {
			return fail("bad subsection " + strconv.Quote(path[:end+1]))
		}
		path = path[end+1:]
	}
	p.Path = rest[j:]
	return p, nil
}

// canonicalSegment reports whether s is a path segment in canonical form:
// one or two digits (no leading zero) with up to two upper-case letters, or
// one to four lower-case letters.
func canonicalSegment(s string) bool {
	if s == "" {
		return false
	}
	if isDigit(s[0]) {
		i := 0
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i > 2 || s[0] == '0' {
			return false
		}
		rest := s[i:]
		if len(rest) > 2 {
			return false
		}
		for k := 0; k < len(rest); k++ {
			if !isUpper(rest[k]) {
				return false
			}
		}
		return true
	}
	if len(s) > 4 {
		return false
	}
	for k := 0; k < len(s); k++ {
		if !isLower(s[k]) {
			return false
		}
	}
	return true
}

// Compare orders provisions: by regime (FOIA, FOISA, EIR, EISR), then by
// section number numerically with a letter suffix after the bare number
// (22 < 22A < 23 < 100), then by path, where a provision comes before the
// ones below it and segments compare numerically ((2) < (10)), roman
// numerals by value ((iv) < (ix)), and letters alphabetically
// ((a) < (aa) < (b)). It returns -1, 0 or +1.
func Compare(a, b Provision) int {
	if c := cmpInt(a.Regime.order(), b.Regime.order()); c != 0 {
		return c
	}
	if a.Regime != b.Regime {
		return strings.Compare(string(a.Regime), string(b.Regime))
	}
	if c := compareNumber(a.Section, b.Section); c != 0 {
		return c
	}
	pa, pb := a.Parts(), b.Parts()
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if c := compareSegment(pa[i], pb[i]); c != 0 {
			return c
		}
	}
	return cmpInt(len(pa), len(pb))
}

func compareSegment(a, b string) int {
	da := a != "" && isDigit(a[0])
	db := b != "" && isDigit(b[0])
	switch {
	case da && db:
		return compareNumber(a, b)
	case da:
		return -1
	case db:
		return 1
	}
	if ra, rb := romanValue(a), romanValue(b); ra > 0 && rb > 0 && (len(a) > 1 || len(b) > 1) {
		if c := cmpInt(ra, rb); c != 0 {
			return c
		}
	}
	return strings.Compare(a, b)
}

// compareNumber compares "22" and "22A" style numbers: numerically, then by
// suffix.
func compareNumber(a, b string) int {
	na, sa := splitNumber(a)
	nb, sb := splitNumber(b)
	if c := cmpInt(na, nb); c != 0 {
		return c
	}
	return strings.Compare(strings.ToUpper(sa), strings.ToUpper(sb))
}

func splitNumber(s string) (int, string) {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	n, _ := strconv.Atoi(s[:i])
	return n, s[i:]
}

// romanValue returns the value of a lower-case roman numeral up to
// thirty-nine, or 0 when s is not one.
func romanValue(s string) int {
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10}
	total, prev := 0, 0
	for i := len(s) - 1; i >= 0; i-- {
		v := vals[s[i]]
		if v == 0 {
			return 0
		}
		if v < prev {
			total -= v
		} else {
			total += v
			prev = v
		}
	}
	return total
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool  { return 'a' <= c && c <= 'z' }
func isLetter(c byte) bool { return isUpper(c) || isLower(c) }
