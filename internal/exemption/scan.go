package exemption

import "strings"

// Mention is a provision cited in running text.
type Mention struct {
	// Offset is the byte offset in the text of the mention's first byte:
	// its keyword ("Section 31(3)"), or its number or parenthesis when it
	// continues a list ("31(3)" in "Sections 24(2) and 31(3)", "(b)" in
	// "35(1)(a) & (b)").
	Offset int
	// Text is the mention as written, from Offset.
	Text string
	// Provision is the canonical provision. It need not be listed in the
	// registry (body text cites s1, s17 or s50 too): use Lookup.
	Provision Provision
}

// ScanText finds the FOI and environmental provisions cited in Markdown
// body text, in order of appearance.
//
// A mention starts with a keyword: "Section"/"Sections"/"s."/"s31",
// "Regulation"/"Reg"/"r12" or "§"; bare numbers are never mentions. Lists
// ("Sections 24(2) and 31(3)", "35(1)(a) & (b)") give one mention per
// provision. The regime is regime unless an Act is named just before
// ("FOISA s35") or after ("of the Environmental Information Regulations",
// "of the Act"); "Regulation" selects the environmental regulations of the
// same jurisdiction. Sections of any other Act named in the same way
// ("section 23 of the Misuse of Drugs Act 1971", "Data Protection Act 2018
// s45", "section 24B Aviation Security Act 1982", "PACE s18") are ignored.
// "Section 1 of the Act" is FOIA s1 (FOISA s1 in a Scottish response).
// A range of sections ("sections 28 to 35") describes rather than cites,
// and gives no mentions; a range of paragraphs ("31(1)(a)-(c)") gives
// each listed paragraph.
func ScanText(text string, regime Regime) []Mention {
	return scanText(text, regime, true)
}

// scanText is ScanText; leap says whether to leap over text that cannot
// hold a mention (see leapTo), which changes nothing but the time taken.
func scanText(text string, regime Regime, leap bool) []Mention {
	if !regime.Valid() {
		regime = FOIA
	}
	s := &scanner{src: text, regime: regime, body: true}
	var out []Mention
	prev := act{}
	look := 0 // where to look ahead for the next digit again
	for i := 0; i < len(text); {
		if leap && i >= look {
			d := indexDigit(text, i)
			if d == len(text) {
				break // no number left to cite
			}
			if j := s.leapTo(i, d); j > i {
				i, prev = j, act{}
			}
			look = d + 1
		}
		if !s.wordStart(i) {
			i++
			continue
		}
		if a, ok := s.actAt(i); ok {
			prev = a
			i = a.end
			continue
		}
		kind, numStart, _, ok := s.keywordAt(i)
		if !ok {
			if prev.kind != actNone && s.onlySpace(prev.end, i) && isDigit(s.at(i)) {
				if _, j, ok := s.numberAt(i); ok && s.at(s.skip(j)) == '(' {
					kind, numStart, ok = kwNone, i, true
				}
			}
			if !ok {
				i = s.wordEnd(i)
				continue
			}
		}
		g, ok := s.groupAt(i, numStart, kind)
		if !ok {
			i = s.wordEnd(i)
			continue
		}
		if a, end, ok := s.suffixAct(g.end); ok {
			g.act, g.after = a, end
		} else if prev.kind != actNone && s.onlySpace(prev.end, i) {
			g.act = prev
		}
		for _, r := range g.refs {
			p, how := s.resolve(g, r)
			if how == otherLaw || r.spans || (r.ranged && !Listed(p)) {
				continue
			}
			out = append(out, Mention{Offset: r.start, Text: text[r.start:r.end], Provision: p})
		}
		prev = act{}
		i = g.after
	}
	return out
}

// onlySpace reports whether text[from:to] is white space within one line,
// so that an Act named there is written right before what follows.
func (s *scanner) onlySpace(from, to int) bool {
	return from <= to && s.skip(from) == to && !strings.ContainsAny(s.src[from:to], "\n\r")
}

// Every mention has a number, so most of running text cannot change what
// ScanText finds: only the words just before a digit can (the keyword,
// or an Act named before a number, which can also swallow one, as "Act
// 2000" does). leapTo lets ScanText leap from i to a point before the
// next digit d that it would have reached with no Act, group or keyword
// pending: just after a barrier, a byte that no name of an Act contains
// (actPatterns), so no Act found before it ends after it, and no Act named
// before it is right before what follows. A group cannot span a barrier
// before its first number either, except the full stop of "s. 31", which
// is therefore no barrier when only white space follows it before d.
// leapTo returns the index after the last such barrier in [i, d), or i
// when there is none.
func (s *scanner) leapTo(i, d int) int {
	for k := d - 1; k >= i; k-- {
		if !isBarrier(s.src[k]) || s.src[k] == '.' && s.skip(k+1) == d {
			continue
		}
		return k + 1
	}
	return i
}

// isBarrier reports whether c is punctuation that no name of an Act
// contains: one of . : ; ! ? | * # [ ] " / < > = _ ` { } \ + ~ @ % ^ $
func isBarrier(c byte) bool {
	const lo uint64 = 1<<'!' | 1<<'"' | 1<<'#' | 1<<'$' | 1<<'%' | 1<<'*' | 1<<'+' | 1<<'.' | 1<<'/' |
		1<<':' | 1<<';' | 1<<'<' | 1<<'=' | 1<<'>' | 1<<'?'
	const hi uint64 = 1<<('@'-64) | 1<<('['-64) | 1<<('\\'-64) | 1<<(']'-64) | 1<<('^'-64) | 1<<('_'-64) |
		1<<('`'-64) | 1<<('{'-64) | 1<<('|'-64) | 1<<('}'-64) | 1<<('~'-64)
	switch {
	case c < 64:
		return lo>>c&1 != 0
	case c < 128:
		return hi>>(c-64)&1 != 0
	}
	return false
}

// indexDigit returns the index of the first ASCII digit in text at or after
// i, or len(text) when there is none.
func indexDigit(text string, i int) int {
	for ; i < len(text); i++ {
		if isDigit(text[i]) {
			return i
		}
	}
	return len(text)
}
