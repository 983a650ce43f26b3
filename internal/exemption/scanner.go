package exemption

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// This file holds the lexical layer shared by ParseCitation and ScanText:
// keywords ("Section", "s.", "Reg"), numbers ("22A"), parenthesised path
// segments ("(5A)", "(ab)", "(ii)"), connectors ("and", "&", "in
// conjunction with"), ranges ("(a)-(c)") and names of Acts.

// kwKind is the kind of word written before a number.
type kwKind int8

const (
	kwNone kwKind = iota
	kwSection
	kwRegulation
)

// ref is one provision as written: keyword, number and path, with its byte
// span in the source.
type ref struct {
	start, end int
	kw         kwKind
	num        string
	path       []string
	// ranged marks a provision implied by a range ("(a)-(c)" implies (b));
	// unlisted ones are dropped silently.
	ranged bool
	// spans marks both ends and the middle of a range of sections
	// ("sections 28 to 35"), which in running text describes rather than
	// cites.
	spans bool
}

// actKind classifies a named Act or set of Regulations.
type actKind int8

const (
	actNone  actKind = iota
	actFOI           // one of the four regimes
	actOther         // any other law: Data Protection Act, PACE, ...
)

// act is a name of an Act found in the source.
type act struct {
	kind       actKind
	regime     Regime
	start, end int
}

// group is a run of refs joined by connectors ("Sections 24(2) and
// 31(3)"), with the Act named before or after it.
type group struct {
	start, end int // span of the refs
	refs       []ref
	act        act
	lead       int // start of a prefix Act, else start
	after      int // end including a suffix Act
}

// pathStatus is the result of reading one parenthesised segment.
type pathStatus int8

const (
	pathNone pathStatus = iota // not a path segment: "(Law Enforcement)"
	pathOK
	pathBad // a malformed segment: "(3" at the end of a citation
)

// scanner reads one text. body selects the stricter rules of running text.
type scanner struct {
	src    string
	regime Regime
	body   bool
	probs  []Problem
	failed bool
	// names remembers where the words that end names of Acts ("Act",
	// "Regulations", "Order", "Rules") next occur, so that actAt need not
	// search for them again at every capitalised word.
	names [len(nameEnds)]nextIndex
}

// nameEnds are the words that end the name of any Act (actPatterns'
// famGeneric pattern).
var nameEnds = [...]string{"Act", "Regulations", "Order", "Rules"}

// nextIndex caches the answer to "where does a word next occur at or
// after from": at is that index, or -1 when it does not occur.
type nextIndex struct {
	from, at int
	known    bool
}

// keyword is one spelling of "section" or "regulation". bare marks
// abbreviations ("s", "r") that in running text must touch their number
// or carry a full stop.
type keyword struct {
	w    string
	kind kwKind
	bare bool
	full bool // a whole word, worth an error when no number follows
}

// keywords lists the spellings keywordAt tries, in order. It is never
// modified.
var keywords = [...]keyword{
	{"sections", kwSection, false, true}, {"section", kwSection, false, true},
	{"sects", kwSection, false, false}, {"sect", kwSection, false, false},
	{"secs", kwSection, false, false}, {"sec", kwSection, false, true},
	{"regulations", kwRegulation, false, true}, {"regulation", kwRegulation, false, true},
	{"regs", kwRegulation, false, true}, {"reg", kwRegulation, false, true},
	{"ss", kwSection, true, false}, {"s", kwSection, true, false},
	{"rr", kwRegulation, true, false}, {"r", kwRegulation, true, false},
	{"§§", kwSection, true, false}, {"§", kwSection, true, false},
}

func isAlnum(c byte) bool { return isDigit(c) || isLetter(c) }

// at returns the byte at i, or 0 past the end.
func (s *scanner) at(i int) byte {
	if i < 0 || i >= len(s.src) {
		return 0
	}
	return s.src[i]
}

// skip returns the first index at or after i that is not white space
// (including the non-breaking space that word processors insert).
func (s *scanner) skip(i int) int {
	for i < len(s.src) {
		switch c := s.src[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == 0xC2 && s.at(i+1) == 0xA0:
			i += 2
		default:
			return i
		}
	}
	return i
}

// wordStart reports whether a word (or "§") begins at i.
func (s *scanner) wordStart(i int) bool {
	c := s.at(i)
	if !isAlnum(c) && !(c == 0xC2 && s.at(i+1) == 0xA7) {
		return false
	}
	return i == 0 || !isAlnum(s.src[i-1])
}

// wordEnd returns the index after the word at i, or i+1.
func (s *scanner) wordEnd(i int) int {
	j := i
	for j < len(s.src) && isAlnum(s.src[j]) {
		j++
	}
	if j == i {
		return i + 1
	}
	return j
}

// hasFold reports whether the source at i starts with w, ignoring case.
func (s *scanner) hasFold(i int, w string) bool {
	return i+len(w) <= len(s.src) && strings.EqualFold(s.src[i:i+len(w)], w)
}

// keywordAt reads a keyword at i. It returns the keyword's kind and the
// index of the number after it, with ok true when a number follows. When
// a whole-word keyword ("Section") has no number after it, ok is false
// and word holds it, with numStart where the number should be.
func (s *scanner) keywordAt(i int) (kind kwKind, numStart int, word string, ok bool) {
	switch s.at(i) {
	case 's', 'S', 'r', 'R', 0xC2:
	default:
		return kwNone, i, "", false
	}
	if i > 0 && (s.src[i-1] == '\'' || strings.HasSuffix(s.src[:i], "’")) {
		return kwNone, i, "", false // the s of "force's"
	}
	// A keyword of letters must be followed by a non-letter, so only
	// those as long as the run of letters at i can match.
	letters := len(s.word(i))
	for _, k := range &keywords {
		if (k.w[0] != 0xC2 && len(k.w) != letters) || !s.hasFold(i, k.w) {
			continue
		}
		j := i + len(k.w)
		if isLetter(s.at(j)) {
			continue
		}
		dot := false
		if s.at(j) == '.' {
			j++
			dot = true
		}
		if k.bare && !dot && s.body {
			if isDigit(s.at(j)) {
				return k.kind, j, k.w, true
			}
			return kwNone, j, "", false
		}
		j = s.skip(j)
		if isDigit(s.at(j)) {
			return k.kind, j, k.w, true
		}
		if k.full {
			return kwNone, j, s.src[i : i+len(k.w)], false
		}
		return kwNone, j, "", false
	}
	return kwNone, i, "", false
}

// numberAt reads a section or regulation number at i: one to three digits
// without a leading zero, and an optional letter ("22A"), returned in
// upper case.
func (s *scanner) numberAt(i int) (string, int, bool) {
	j := i
	for j < len(s.src) && isDigit(s.src[j]) {
		j++
	}
	if j == i || j-i > 3 || s.src[i] == '0' {
		return "", i, false
	}
	if s.at(j) == '.' && isDigit(s.at(j+1)) {
		return "", i, false // "2.3": a paragraph of some other document
	}
	num := s.src[i:j]
	if isLetter(s.at(j)) {
		if !isAlnum(s.at(j + 1)) {
			num += strings.ToUpper(s.src[j : j+1])
			j++
		} else if s.body {
			return "", i, false // "31st"
		}
	}
	return num, j, true
}

// pathSegment validates and normalises the text between parentheses: a
// subsection ("3", "5A") or a paragraph or sub-paragraph ("a", "ab", "ii").
func pathSegment(run string) (string, bool) {
	if run == "" {
		return "", false
	}
	if isDigit(run[0]) {
		d := 0
		for d < len(run) && isDigit(run[d]) {
			d++
		}
		rest := run[d:]
		if d > 2 || run[0] == '0' || len(rest) > 2 {
			return "", false
		}
		for k := 0; k < len(rest); k++ {
			if !isLetter(rest[k]) {
				return "", false
			}
		}
		return run[:d] + strings.ToUpper(rest), true
	}
	for k := 0; k < len(run); k++ {
		if !isLetter(run[k]) {
			return "", false
		}
	}
	l := strings.ToLower(run)
	switch {
	case len(run) == 1:
		return l, true
	case len(run) <= 4 && romanValue(l) > 0:
		return l, true
	case len(run) == 2 && run == l:
		return l, true
	}
	return "", false
}

// parenAt reads "(seg)" at i.
func (s *scanner) parenAt(i int) (seg string, next int, st pathStatus) {
	if s.at(i) != '(' {
		return "", i, pathNone
	}
	j := s.skip(i + 1)
	k := j
	for k < len(s.src) && isAlnum(s.src[k]) {
		k++
	}
	m := s.skip(k)
	closed := s.at(m) == ')'
	if k == j {
		if closed && !s.body {
			s.problem(i, "exemption.syntax", "empty parentheses", "write the subsection inside them, as in \"(3)\"")
			return "", i, pathBad
		}
		return "", i, pathNone
	}
	seg, ok := pathSegment(s.src[j:k])
	if !ok {
		return "", i, pathNone
	}
	if closed {
		return seg, m + 1, pathOK
	}
	if !s.body && (m == len(s.src) || s.at(m) == '(') {
		s.problem(i, "exemption.syntax", "unclosed parenthesis", "close it: \"("+seg+")\"")
		return "", i, pathBad
	}
	return "", i, pathNone
}

// sameLevel reports whether seg, written straight after prev, is a
// sibling of prev rather than a level below it: "(2)(3)" and "(a)(b)" list
// two provisions, while "(1)(a)" and "(b)(ii)" go down a level.
func sameLevel(prev, seg string) bool {
	pd, sd := isDigit(prev[0]), isDigit(seg[0])
	if pd || sd {
		return pd && sd
	}
	if romanValue(seg) == 0 {
		return true
	}
	return romanValue(prev) > 0 && len(prev) > 0 && !(len(prev) == 1 && len(seg) == 1)
}

// siblingLevel returns the index in path that seg replaces when written
// after a connector ("(1)(a) & (b)" replaces index 1), or -1 when path has
// no segment of seg's kind.
func siblingLevel(path []string, seg string) int {
	digit := isDigit(seg[0])
	roman := !digit && romanValue(seg) > 0
	best := -1
	for j := len(path) - 1; j >= 0; j-- {
		if isDigit(path[j][0]) != digit {
			continue
		}
		if digit || roman == (romanValue(path[j]) > 0) {
			return j
		}
		if best < 0 {
			best = j
		}
	}
	return best
}

// between returns the segments strictly between a and b in a range
// ("a", "d" gives b, c), or nil when they do not form a short range.
func between(a, b string) []string {
	var out []string
	switch {
	case isDigit(a[0]) && isDigit(b[0]):
		x, err1 := strconv.Atoi(a)
		y, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || y-x > 20 {
			return nil
		}
		for n := x + 1; n < y; n++ {
			out = append(out, strconv.Itoa(n))
		}
	case len(a) == 1 && len(b) == 1 && isLower(a[0]) && isLower(b[0]):
		for c := a[0] + 1; c < b[0]; c++ {
			out = append(out, string(rune(c)))
		}
	case romanValue(a) > 0 && romanValue(b) > 0:
		for n := romanValue(a) + 1; n < romanValue(b) && n < 40; n++ {
			out = append(out, toRoman(n))
		}
	}
	return out
}

func toRoman(n int) string {
	var b strings.Builder
	for ; n >= 10; n -= 10 {
		b.WriteByte('x')
	}
	parts := []string{"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"}
	b.WriteString(parts[n])
	return b.String()
}

// connectorAt reads a word or sign joining two provisions at i: "and",
// "&", ",", "/", "or", "with", "in conjunction with"; isRange marks "to",
// "-", "–" and "—".
func (s *scanner) connectorAt(i int) (next int, isRange, ok bool) {
	words := []string{"read in conjunction with", "in conjunction with", "together with", "read with",
		"as well as", "and/or", "and", "or", "with", "plus"}
	for _, w := range words {
		if s.hasFold(i, w) && !isAlnum(s.at(i+len(w))) {
			return i + len(w), false, true
		}
	}
	for _, w := range []string{"&amp;", "&", ",", "/", "+", ";"} {
		if strings.HasPrefix(s.src[i:], w) {
			return i + len(w), false, true
		}
	}
	for _, w := range []string{"to", "through"} {
		if s.hasFold(i, w) && !isAlnum(s.at(i+len(w))) {
			return i + len(w), true, true
		}
	}
	for _, w := range []string{"-", "–", "—"} {
		if strings.HasPrefix(s.src[i:], w) {
			return i + len(w), true, true
		}
	}
	return i, false, false
}

// tail reads the parenthesised path after a number, splitting
// "(1)(a)(b)" into two refs.
func (s *scanner) tail(cur ref, j int) ([]ref, int, bool) {
	var out []ref
	for {
		q := s.skip(j)
		seg, next, st := s.parenAt(q)
		if st == pathBad {
			return nil, j, false
		}
		if st == pathNone {
			// "Section 40 subsection 2", "s40 sub-section (2)"
			k, ok := s.subsectionWord(q)
			if !ok || len(cur.path) > 0 {
				break
			}
			k = s.skip(k)
			if s.at(k) == '(' {
				if seg, next, st = s.parenAt(k); st != pathOK {
					break
				}
			} else {
				d := k
				for d < len(s.src) && isDigit(s.src[d]) {
					d++
				}
				if d == k || isAlnum(s.at(d)) {
					break
				}
				if seg, ok = pathSegment(s.src[k:d]); !ok {
					break
				}
				next = d
			}
		}
		if n := len(cur.path); n > 0 && sameLevel(cur.path[n-1], seg) {
			cur.end = j
			out = append(out, cur)
			path := append(append([]string(nil), cur.path[:n-1]...), seg)
			cur = ref{start: q, kw: cur.kw, num: cur.num, path: path}
		} else {
			cur.path = append(append([]string(nil), cur.path...), seg)
		}
		j = next
	}
	cur.end = j
	return append(out, cur), j, true
}

// subsectionWord reads "subsection", "sub-section", "sub section" or
// "subs." at i and returns the index after it.
func (s *scanner) subsectionWord(i int) (int, bool) {
	for _, w := range []string{"subsection", "sub-section", "sub section", "subs."} {
		if s.hasFold(i, w) && !isLetter(s.at(i+len(w))) {
			return i + len(w), true
		}
	}
	return i, false
}

// groupAt reads a group whose first number starts at numStart, written
// from start (its keyword, if any).
func (s *scanner) groupAt(start, numStart int, kw kwKind) (group, bool) {
	num, j, ok := s.numberAt(numStart)
	if !ok {
		if !s.body {
			s.problem(numStart, "exemption.syntax", "expected a section or regulation number",
				"write one to three digits, as in \"Section 31(3)\"")
		}
		return group{}, false
	}
	g := group{start: start, lead: start}
	g.refs, j, ok = s.tail(ref{start: start, kw: kw, num: num}, j)
	if !ok {
		return group{}, false
	}
	for {
		q := s.skip(j)
		q2, isRange, ok := s.connectorAt(q)
		if !ok {
			break
		}
		if q3, r2, ok2 := s.connectorAt(s.skip(q2)); ok2 && !isRange && !r2 {
			q2 = q3 // ", and"
		}
		q3 := s.skip(q2)
		last := g.refs[len(g.refs)-1]
		if seg, next, st := s.parenAt(q3); st != pathNone {
			if st == pathBad {
				return group{}, false
			}
			lvl := siblingLevel(last.path, seg)
			base := last.path
			if lvl >= 0 {
				base = last.path[:lvl]
				if isRange {
					for _, mid := range between(last.path[lvl], seg) {
						g.refs = append(g.refs, ref{start: q3, end: next, kw: last.kw, num: last.num,
							path: append(append([]string(nil), base...), mid), ranged: true})
					}
				}
			}
			nr := ref{start: q3, kw: last.kw, num: last.num, path: append(append([]string(nil), base...), seg)}
			more, j2, ok := s.tail(nr, next)
			if !ok {
				return group{}, false
			}
			g.refs, j = append(g.refs, more...), j2
			continue
		}
		kw2, ns := last.kw, q3
		if k, n, _, ok := s.keywordAt(q3); ok {
			kw2, ns = k, n
		} else if !isDigit(s.at(q3)) {
			break
		}
		num2, j2, ok := s.numberAt(ns)
		if !ok {
			break
		}
		spans := false
		if isRange {
			lo, err1 := strconv.Atoi(last.num)
			hi, err2 := strconv.Atoi(num2)
			if err1 == nil && err2 == nil && hi > lo && hi-lo <= 20 {
				spans = true
				g.refs[len(g.refs)-1].spans = true
				for n := lo + 1; n < hi; n++ {
					g.refs = append(g.refs, ref{start: q3, end: j2, kw: kw2, num: strconv.Itoa(n), ranged: true, spans: true})
				}
			}
		}
		more, j3, ok := s.tail(ref{start: q3, kw: kw2, num: num2, spans: spans}, j2)
		if !ok {
			return group{}, false
		}
		g.refs, j = append(g.refs, more...), j3
	}
	g.end = j
	g.after = j
	return g, true
}

// actPattern recognises one way of naming an Act. rel says how the regime
// is found: 0 fixed, 1 the file's FOI Act ("the Act"), 2 the file's
// environmental regulations ("the Regulations"), 3 "EIRs", which in
// Scotland means the Scottish regulations (the singular "EIR" is always
// the canonical EIR).
type actPattern struct {
	re     *regexp.Regexp
	kind   actKind
	regime Regime
	rel    int
	family family
}

// family groups patterns by the first word they can start with.
type family int8

const (
	famFOI     family = iota // FOI and environmental names, "the Act"
	famAcronym               // DPA, GDPR, PACE, ...
	famDPA                   // "Data Protection Act"
	famGeneric               // any capitalised "... Act 1971"
)

var actPatterns = sync.OnceValue(func() []actPattern {
	foi := func(re string, r Regime, rel int) actPattern {
		return actPattern{regexp.MustCompile(`^(?i:(?:the\s+)?` + re + `)`), actFOI, r, rel, famFOI}
	}
	return []actPattern{
		foi(`freedom\s+of\s+information\s*\(\s*scotland\s*\)\s*act(?:\s*,?\s*2002)?`, FOISA, 0),
		foi(`freedom\s+of\s+information\s+act\s*\(\s*scotland\s*\)(?:\s*,?\s*2002)?`, FOISA, 0),
		foi(`freedom\s+of\s+information\s+act(?:\s*,?\s*2000)?`, FOIA, 0),
		foi(`environmental\s+information\s*\(\s*scotland\s*\)\s*regulations?(?:\s*,?\s*2004)?`, EISR, 0),
		foi(`environmental\s+information\s+regulations?(?:\s*,?\s*2004)?`, EIR, 0),
		foi(`(?:foi\s*\(\s*s(?:cotland)?\s*\)\s*a(?:ct)?|foisa|fois\s*\(\s*a\s*\)|fois\s+act)`, FOISA, 0),
		foi(`foia`, FOIA, 0),
		foi(`(?:ei\s*\(\s*s\s*\)\s*rs?|eisrs?)`, EISR, 0),
		foi(`eirs`, EIR, 3),
		foi(`eir`, EIR, 0),
		{regexp.MustCompile(`^(?i:(?:the|this)\s+(?:foi\s+)?act|foi\s+act)`), actFOI, "", 1, famFOI},
		{regexp.MustCompile(`^(?i:(?:the|these)\s+regulations)`), actFOI, "", 2, famFOI},
		{regexp.MustCompile(`^(?:[Tt]he\s+)?(?:UK\s+GDPR|GDPR|DPA(?:\s*\d{4})?|PACE|RIPA|RIP\(S\)A|HRA|IPA|CPIA|POCA|TACT|CRCA)`), actOther, "", 0, famAcronym},
		{regexp.MustCompile(`^(?i:(?:the\s+)?data\s+protection\s+act)(?:\s+\d{4})?`), actOther, "", 0, famDPA},
		{regexp.MustCompile(`^(?:[Tt]he\s+)?(?:[A-Z][A-Za-z'’-]*\s+(?:(?:of|and|for|the|to|in|on|&)\s+)*){1,8}(?:Act|Regulations|Order|Rules)(?:\s+\d{4})?`), actOther, "", 0, famGeneric},
	}
})

// actAt reads the name of an Act at i.
func (s *scanner) actAt(i int) (act, bool) {
	c := s.at(i)
	if !isLetter(c) {
		return act{}, false
	}
	// Look at the first word (after "the", "this" or "these") to decide
	// which patterns can match, so that most words cost no regexp at all.
	// A word in lower case can only start the name of an Act with one of
	// these letters.
	switch c {
	case 'a', 'd', 'e', 'f', 'r', 't':
	default:
		if isLower(c) {
			return act{}, false
		}
	}
	word := s.word(i)
	var buf [len("environmental")]byte
	key, keyAt := lowerKey(&buf, word), i
	switch key {
	case "the", "this", "these":
		keyAt = s.skip(i + len(word))
		word = s.word(keyAt)
		key = lowerKey(&buf, word)
	}
	var fams [famGeneric + 1]bool
	switch key {
	case "freedom", "environmental", "foi", "foia", "foisa", "fois", "ei", "eir", "eirs", "eisr", "eisrs", "act", "regulations":
		fams[famFOI] = true
	case "data":
		fams[famDPA] = true
	}
	switch word {
	case "UK", "GDPR", "DPA", "PACE", "RIPA", "RIP", "HRA", "IPA", "CPIA", "POCA", "TACT", "CRCA":
		fams[famAcronym] = true
	}
	// Names of Acts are short: matching within a window keeps the regexp
	// work per word constant, whatever the length of the text.
	const window = 160
	w := s.window(i, window)
	if isUpper(s.at(keyAt)) && s.nameEndWithin(i, window) {
		fams[famGeneric] = true
	}
	if fams == [famGeneric + 1]bool{} {
		return act{}, false
	}
	for _, p := range actPatterns() {
		if !fams[p.family] {
			continue
		}
		loc := p.re.FindStringIndex(w)
		if loc == nil {
			continue
		}
		end := i + loc[1]
		if isAlnum(s.at(end)) {
			continue
		}
		a := act{kind: p.kind, regime: p.regime, start: i, end: end}
		switch p.rel {
		case 1:
			a.regime = s.regime.act()
		case 2:
			a.regime = s.regime.environmental()
		case 3:
			if s.regime.Scottish() {
				a.regime = EISR
			}
		}
		return a, true
	}
	return act{}, false
}

// lowerKey returns word in lower case, written into buf, or "" when word is
// longer than buf (and so is none of the words actAt looks for).
func lowerKey(buf *[len("environmental")]byte, word string) string {
	if len(word) > len(buf) {
		return ""
	}
	for k := 0; k < len(word); k++ {
		c := word[k]
		if isUpper(c) {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return string(buf[:len(word)])
}

// nameEndWithin reports whether one of nameEnds occurs whole within the
// n bytes of source from i: strings.Contains(s.window(i, n), w) for some w.
func (s *scanner) nameEndWithin(i, n int) bool {
	for k, w := range nameEnds {
		c := &s.names[k]
		if !c.known || i < c.from || (c.at >= 0 && i > c.at) {
			c.from, c.at, c.known = i, strings.Index(s.src[i:], w), true
			if c.at >= 0 {
				c.at += i
			}
		}
		if c.at >= 0 && c.at+len(w) <= i+n {
			return true
		}
	}
	return false
}

// word returns the run of letters at i.
func (s *scanner) word(i int) string {
	j := i
	for j < len(s.src) && isLetter(s.src[j]) {
		j++
	}
	return s.src[i:j]
}

// window returns up to n bytes of source from i.
func (s *scanner) window(i, n int) string {
	return s.src[i:min(len(s.src), i+n)]
}

// suffixAct reads an Act named just after a group: "of the
// Environmental Information Regulations", "FOIA", "(FOISA)", "under the
// Data Protection Act 2018".
func (s *scanner) suffixAct(i int) (act, int, bool) {
	j := s.skip(i)
	open := false
	switch s.at(j) {
	case '(':
		open = true
		j = s.skip(j + 1)
	case ',':
		j = s.skip(j + 1)
	}
	for _, w := range []string{"of", "under", "in", "within", "from", "per"} {
		if s.hasFold(j, w) && !isAlnum(s.at(j+len(w))) {
			j = s.skip(j + len(w))
			break
		}
	}
	a, ok := s.actAt(j)
	if !ok {
		return act{}, i, false
	}
	end := a.end
	if open {
		if k := s.skip(end); s.at(k) == ')' {
			end = k + 1
		}
	}
	return a, end, true
}

// resolution says how a ref became a provision.
type resolution int8

const (
	resolved  resolution = iota
	otherLaw             // a section of another Act: not an FOI provision
	crossOver            // "Section 40(2)" in an EIR file, read as FOIA
)

// resolve turns a ref of group g into a provision.
func (s *scanner) resolve(g group, r ref) (Provision, resolution) {
	var reg Regime
	how := resolved
	switch {
	case g.act.kind == actOther:
		return Provision{}, otherLaw
	case g.act.kind == actFOI:
		reg = g.act.regime
	case r.kw == kwRegulation:
		reg = s.regime.environmental()
	default:
		reg = s.regime
		if reg.Regulations() && !Listed(Provision{Regime: reg, Section: r.num}) &&
			Listed(Provision{Regime: reg.act(), Section: r.num}) {
			reg, how = reg.act(), crossOver
		}
	}
	return NewProvision(reg, r.num, r.path...), how
}
