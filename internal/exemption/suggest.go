package exemption

import (
	"slices"
	"strconv"
)

// Suggestions returns up to three listed provisions of p's regime nearest
// to p, in canonical form and sorted by Compare, for "did you mean" hints.
// A label, if given, that names some other provision puts that one first.
// For a subsection that does not exist they are the nearest subsections of
// its nearest listed ancestor (FOIA s31(9) gives FOIA s31(1), s31(2) and
// s31(3)); for a section that does not exist, the nearest sections by
// number (FOIA s46 gives FOIA s43 and FOIA s44). It returns nil for a
// listed provision.
func Suggestions(p Provision, label string) []string {
	if Listed(p) {
		return nil
	}
	var picks []Provision
	if anc, ok := Lookup(p); ok {
		kids := Children(anc.Provision)
		if len(kids) == 0 {
			picks = []Provision{anc.Provision}
		} else {
			level := anc.Provision.Depth()
			parts := p.Parts()
			want := ""
			if level < len(parts) {
				want = parts[level]
			}
			slices.SortStableFunc(kids, func(a, b Entry) int {
				da := segmentDistance(want, a.Provision.Parts()[level])
				db := segmentDistance(want, b.Provision.Parts()[level])
				if da != db {
					return cmpInt(da, db)
				}
				return Compare(a.Provision, b.Provision)
			})
			for _, k := range kids[:min(3, len(kids))] {
				picks = append(picks, k.Provision)
			}
		}
	} else {
		secs := Sections(p.Regime)
		n, _ := splitNumber(p.Section)
		slices.SortStableFunc(secs, func(a, b Entry) int {
			na, _ := splitNumber(a.Provision.Section)
			nb, _ := splitNumber(b.Provision.Section)
			if c := cmpInt(abs(na-n), abs(nb-n)); c != 0 {
				return c
			}
			return Compare(a.Provision, b.Provision)
		})
		for _, e := range secs[:min(2, len(secs))] {
			picks = append(picks, e.Provision)
		}
	}
	slices.SortFunc(picks, Compare)
	if e, ok := labelMatch(label, []Provision{p}); ok {
		picks = slices.DeleteFunc(picks, func(q Provision) bool { return q == e.Provision })
		picks = append([]Provision{e.Provision}, picks...)
		if len(picks) > 3 {
			picks = picks[:3]
		}
	}
	out := make([]string, len(picks))
	for i, q := range picks {
		out[i] = q.String()
	}
	return out
}

// segmentDistance measures how far apart two path segments are: by value
// for numbers, by letter for paragraphs, far apart for different kinds.
func segmentDistance(a, b string) int {
	switch {
	case a == "" || b == "":
		return 1000
	case isDigit(a[0]) && isDigit(b[0]):
		na, _ := strconv.Atoi(leadingDigits(a))
		nb, _ := strconv.Atoi(leadingDigits(b))
		d := abs(na - nb)
		if a != b && d == 0 {
			d = 1
		}
		return d * 2
	case !isDigit(a[0]) && !isDigit(b[0]):
		if ra, rb := romanValue(a), romanValue(b); ra > 0 && rb > 0 && (len(a) > 1 || len(b) > 1) {
			return abs(ra-rb) * 2
		}
		return abs(int(a[0])-int(b[0]))*2 + abs(len(a)-len(b))
	}
	return 1000
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return s[:i]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
