package exemption

import (
	"slices"
	"strings"
	"sync"
)

// Basis says what has to be shown for an exemption to apply.
type Basis string

// The bases of exemptions. A provision that is not an exemption (the cost
// limit, vexatious requests, information not held) has the empty Basis.
const (
	// Class exemptions apply to information because of what it is.
	Class Basis = "class"
	// Prejudice exemptions apply only if disclosure would, or would be
	// likely to, harm the interest they protect (for the Scottish regimes,
	// "substantially prejudice"; for the EIR, "adversely affect").
	Prejudice Basis = "prejudice"
)

// Entry is what the registry knows about one provision.
type Entry struct {
	Provision Provision
	// Title is the statutory short title of the section or regulation, the
	// same for every entry of one section ("Law enforcement").
	Title string
	// Detail says what this subsection or paragraph covers ("prevention or
	// detection of crime"); empty for section-level entries.
	Detail string
	// Absolute is true when no public interest test applies.
	Absolute bool
	// Nuance qualifies Absolute when the statute is not all one way
	// ("Absolute only where the first condition (s40(3A)) is met"); empty
	// when there is none.
	Nuance string
	// Basis is class or prejudice; empty for procedural provisions.
	Basis Basis
	// Procedural is true for provisions that are not exemptions but other
	// grounds for the answer given: the cost limit, vexatious or repeated
	// requests, information not held, and the general right of access.
	Procedural bool
	// NCND is true when this provision is itself a
	// neither-confirm-nor-deny provision.
	NCND bool
	// NCNDProvision is the neither-confirm-nor-deny provision that goes
	// with this one (FOIA s31(3) for FOIA s31(1)(a)); nil when there is
	// none, and for NCND provisions themselves.
	NCNDProvision *Provision
	// Historical is true for provisions repealed or replaced but still
	// found in older responses (FOIA s40(3), replaced in 2018).
	Historical bool
	// URL is the provision's section or regulation on legislation.gov.uk.
	URL string
	// Explanation says in plain English, for the public, what the
	// provision is for and how it works: two to four sentences.
	Explanation string
	// Aliases are other names staff give the provision ("crime",
	// "personal data"); labels that use them agree with it.
	Aliases []string
}

// registry is the immutable index built once from the table.
type registry struct {
	entries []Entry // sorted by Compare
	index   map[Provision]int
	// names and details hold, for each entry, the significant words of its
	// title and aliases, and of its detail, for matching labels.
	names, details [][]string
}

var loadRegistry = sync.OnceValue(func() *registry {
	es := buildEntries()
	slices.SortFunc(es, func(a, b Entry) int { return Compare(a.Provision, b.Provision) })
	r := &registry{entries: es, index: make(map[Provision]int, len(es))}
	for i, e := range es {
		r.index[e.Provision] = i
		r.names = append(r.names, append(labelWords(e.Title), labelWords(strings.Join(e.Aliases, " "))...))
		r.details = append(r.details, labelWords(e.Detail))
	}
	return r
})

// copyEntry returns e with its pointer and slice fields copied, so that
// callers cannot change the registry.
func copyEntry(e Entry) Entry {
	if e.NCNDProvision != nil {
		p := *e.NCNDProvision
		e.NCNDProvision = &p
	}
	e.Aliases = slices.Clone(e.Aliases)
	return e
}

// Lookup returns the entry for p. When p itself is not listed it returns the
// nearest listed ancestor (FOIA s31(1)(a)(ii) gives FOIA s31(1)(a), a
// listed provision; FOIA s31(9) gives FOIA s31), still with ok true; use
// Listed to tell the two apart. ok is false when not even p's section is
// listed.
func Lookup(p Provision) (Entry, bool) {
	reg := loadRegistry()
	for {
		if i, ok := reg.index[p]; ok {
			return copyEntry(reg.entries[i]), true
		}
		parent, ok := p.Parent()
		if !ok {
			return Entry{}, false
		}
		p = parent
	}
}

// Listed reports whether p is in the registry itself: a provision that
// exists (or existed) in the statute and that responses cite.
func Listed(p Provision) bool {
	_, ok := loadRegistry().index[p]
	return ok
}

// Entries returns the whole registry sorted by Compare. The slice and its
// entries are the caller's to keep.
func Entries() []Entry {
	reg := loadRegistry()
	out := make([]Entry, len(reg.entries))
	for i, e := range reg.entries {
		out[i] = copyEntry(e)
	}
	return out
}

// Sections returns the section-level (or regulation-level) entries of r,
// sorted by Compare; nil for an unknown regime.
func Sections(r Regime) []Entry {
	var out []Entry
	for _, e := range loadRegistry().entries {
		if e.Provision.Regime == r && e.Provision.Path == "" {
			out = append(out, copyEntry(e))
		}
	}
	return out
}

// Children returns the listed provisions one level below p, sorted.
func Children(p Provision) []Entry {
	var out []Entry
	for _, e := range loadRegistry().entries {
		if parent, ok := e.Provision.Parent(); ok && parent == p && e.Provision != p {
			out = append(out, copyEntry(e))
		}
	}
	return out
}

// NeedsPublicInterest reports whether citing e calls for public interest
// reasoning: e is an exemption (not procedural) and not absolute.
func (e Entry) NeedsPublicInterest() bool { return !e.Absolute && !e.Procedural }

// Status returns "absolute", "qualified" or "procedural", for display.
func (e Entry) Status() string {
	switch {
	case e.Procedural:
		return "procedural"
	case e.Absolute:
		return "absolute"
	}
	return "qualified"
}

// entryWords returns the vocabulary of p for label matching: the
// significant words of its title, detail and aliases, and those of its
// listed ancestors.
func entryWords(p Provision) []string {
	reg := loadRegistry()
	var words []string
	for {
		if i, ok := reg.index[p]; ok {
			words = append(words, reg.names[i]...)
			words = append(words, reg.details[i]...)
		}
		parent, ok := p.Parent()
		if !ok {
			return words
		}
		p = parent
	}
}
