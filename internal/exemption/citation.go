package exemption

import (
	"fmt"
	"slices"
	"strings"

	"github.com/foilog/foilog/internal/diag"
)

// Citation is one item of a response's front-matter `exemptions` list, as
// written and as understood.
type Citation struct {
	// Text is the item exactly as written.
	Text string
	// Label is the words written around the numbers ("Law Enforcement"),
	// trimmed of punctuation and joining words; the first label when the
	// item has several; "" when there is none.
	Label string
	// Provisions are the provisions the item cites, in the order written,
	// without repeats. Only provisions listed in the registry appear here:
	// an unknown provision is reported as a Problem instead.
	Provisions []Provision
}

// Problem is a fixable issue in a citation. Offset is a byte offset into
// the text given to ParseCitation; the caller maps it to a file position.
type Problem struct {
	Offset   int
	Severity diag.Severity
	// Code is stable: exemption.empty, exemption.syntax,
	// exemption.unknown-provision, exemption.other-act,
	// exemption.regime-inferred or exemption.label-mismatch.
	Code    string
	Message string
	Hint    string
}

// problem records an error.
func (s *scanner) problem(off int, code, msg, hint string) {
	s.probs = append(s.probs, Problem{Offset: off, Severity: diag.Error, Code: code, Message: msg, Hint: hint})
	s.failed = true
}

// ParseCitation reads one citation as staff write it and returns the
// canonical provisions it names, with any problems.
//
// regime is the response's regime; it applies unless the citation names
// its Act ("FOISA s35(1)(a)", "... of the Environmental Information
// Regulations"). "Regulation", "Reg" and "r" select the environmental
// regulations of the same jurisdiction (EIR for FOIA, EISR for FOISA).
// "EIRs" means the EISR in a Scottish response, as the Scottish
// Information Commissioner writes it; the singular "EIR" is always the EIR. A bare "Section 40(2)" in
// an EIR or EISR response, where the regulations have no such number, is
// read as the FOI Act with a warning. An invalid regime is treated as FOIA.
//
// Errors: an empty or unparseable text (with the offset of the trouble),
// a provision that does not exist (with the nearest real ones as hint),
// and a text citing only another Act. Warnings: a label that contradicts
// the statute ("Section 31 National Security" under FOIA), and the
// cross-over reading above. ParseCitation never panics.
func ParseCitation(text string, regime Regime) (Citation, []Problem) {
	if !regime.Valid() {
		regime = FOIA
	}
	c := Citation{Text: text}
	s := &scanner{src: text, regime: regime}
	first := s.skip(0)
	if first == len(text) {
		s.problem(0, "exemption.empty", "empty citation", "write the provision, as in \"Section 31(3) Law Enforcement\"")
		return c, s.probs
	}

	var groups []group
	var loose []act
	for i := 0; i < len(text) && !s.failed; {
		if !s.wordStart(i) {
			i++
			continue
		}
		if a, ok := s.actAt(i); ok {
			q := s.skipPunct(a.end)
			if g, ok := s.citationGroup(q, true, len(groups)); ok {
				if g.act.kind == actNone {
					g.act = a
				}
				g.lead = i
				groups = append(groups, g)
				i = g.after
				continue
			}
			loose = append(loose, a)
			i = a.end
			continue
		}
		if g, ok := s.citationGroup(i, s.bareAllowed(i, len(groups)), len(groups)); ok {
			groups = append(groups, g)
			i = g.after
			continue
		}
		i = s.wordEnd(i)
	}
	if s.failed {
		return c, s.probs
	}
	if len(groups) == 0 {
		s.problem(first, "exemption.syntax",
			fmt.Sprintf("no section or regulation number in %q", strings.TrimSpace(text)),
			"write the provision first, as in \"Section 31(3) Law Enforcement\"")
		return c, s.probs
	}
	// An Act named after the labels applies to the groups before it.
	from := 0
	for _, a := range loose {
		for k := from; k < len(groups) && groups[k].after <= a.start; k++ {
			if groups[k].act.kind == actNone {
				groups[k].act = a
			}
			from = k + 1
		}
	}
	last := groups[len(groups)-1]
	// A list left unfinished: "s31(1)(a) &", "Sections 24(2) and".
	if rest := strings.TrimSpace(text[last.after:]); rest != "" {
		if strings.Trim(rest, "&,/+;-–—") == "" || isConnectorWord(rest) {
			s.problem(s.skip(last.after), "exemption.syntax", fmt.Sprintf("nothing follows %q", rest),
				"finish the list, or remove the "+rest)
			return c, s.probs
		}
	}

	others := 0
	for k, g := range groups {
		labelFrom, labelTo := g.after, len(text)
		if k+1 < len(groups) {
			labelTo = groups[k+1].lead
		}
		label, off := cleanLabel(text, labelFrom, labelTo, loose)
		if label == "" && k == 0 {
			label, off = cleanLabel(text, 0, g.lead, loose)
		}
		if c.Label == "" {
			c.Label = label
		}
		var provs []Provision
		for _, r := range g.refs {
			p, how := s.resolve(g, r)
			switch {
			case how == otherLaw:
				others++
				continue
			case !Listed(p):
				if !r.ranged {
					s.unknown(p, r, label)
				}
				continue
			case how == crossOver:
				s.probs = append(s.probs, Problem{
					Offset: r.start, Severity: diag.Warning, Code: "exemption.regime-inferred",
					Message: fmt.Sprintf("%q read as %s: the %s have no regulation %s",
						strings.TrimSpace(text[r.start:r.end]), p, s.regime, r.num),
					Hint: fmt.Sprintf("write %q to name the Act", p.String()),
				})
			}
			provs = append(provs, p)
			if !slices.Contains(c.Provisions, p) {
				c.Provisions = append(c.Provisions, p)
			}
		}
		if label != "" {
			s.probs = append(s.probs, checkLabel(label, off, provs)...)
		}
	}
	if len(c.Provisions) == 0 && others > 0 && !s.failed {
		s.problem(groups[0].lead, "exemption.other-act",
			fmt.Sprintf("%q cites another Act, not FOI or environmental information law", strings.TrimSpace(text)),
			"list only FOIA, FOISA, EIR or EISR provisions under exemptions; mention other Acts in the body")
	}
	return c, s.probs
}

// isConnectorWord reports whether s is only a joining word such as "and".
func isConnectorWord(s string) bool {
	switch strings.ToLower(s) {
	case "and", "or", "with", "and/or", "to", "plus", "in conjunction with":
		return true
	}
	return false
}

// skipPunct skips white space and the punctuation that may sit between an
// Act's name and a provision ("FOIA: s31", "FOISA - s35").
func (s *scanner) skipPunct(i int) int {
	for {
		j := s.skip(i)
		switch s.at(j) {
		case ',', ':', '-':
			i = j + 1
			continue
		}
		if strings.HasPrefix(s.src[j:], "–") || strings.HasPrefix(s.src[j:], "—") {
			i = j + len("–")
			continue
		}
		return j
	}
}

// bareAllowed reports whether a number with no keyword at i starts a
// provision in a citation: as the first thing, before a parenthesis
// ("31(1)(a)"), or after a joining word.
func (s *scanner) bareAllowed(i, groups int) bool {
	if !isDigit(s.at(i)) {
		return false
	}
	if groups == 0 {
		return true
	}
	if _, j, ok := s.numberAt(i); ok && s.at(s.skip(j)) == '(' {
		return true
	}
	k := i
	for k > 0 && (s.src[k-1] == ' ' || s.src[k-1] == '\t') {
		k--
	}
	if k > 0 && strings.ContainsRune("&,/+;", rune(s.src[k-1])) {
		return true
	}
	before := strings.ToLower(s.src[max(0, k-5):k])
	for _, w := range []string{"and", "or", "with"} {
		if strings.HasSuffix(before, w) && (len(before) == len(w) || !isLetter(before[len(before)-len(w)-1])) {
			return true
		}
	}
	return false
}

// citationGroup reads a group at i in a citation, with any Act after it.
func (s *scanner) citationGroup(i int, bare bool, groups int) (group, bool) {
	kind, numStart, word, ok := s.keywordAt(i)
	switch {
	case ok:
	case word != "" && groups == 0:
		s.problem(numStart, "exemption.syntax", fmt.Sprintf("expected a number after %q", word),
			fmt.Sprintf("write it as %q", word+" 31(3)"))
		return group{}, false
	case bare:
		kind, numStart = kwNone, i
		if _, _, ok := s.numberAt(i); !ok {
			return group{}, false
		}
	default:
		return group{}, false
	}
	g, ok := s.groupAt(i, numStart, kind)
	if !ok {
		return group{}, false
	}
	if a, end, ok := s.suffixAct(g.end); ok {
		g.act, g.after = a, end
	}
	return g, true
}

// cleanLabel returns the label written in text[from:to], without any Act
// names, joining words or edge punctuation, and its offset.
func cleanLabel(text string, from, to int, acts []act) (string, int) {
	if from >= to {
		return "", from
	}
	b := []byte(text[from:to])
	for _, a := range acts {
		for k := max(a.start, from); k < min(a.end, to); k++ {
			b[k-from] = ' '
		}
	}
	words := strings.Fields(string(b))
	edge := func(w string) bool {
		t := strings.ToLower(strings.Trim(w, "-–—:;,.&/+|()"))
		switch t {
		case "", "of", "the", "under", "and", "or", "with", "in", "conjunction", "read", "together",
			"by", "virtue", "exempt", "exemption", "exemptions", "per", "via", "see", "foi", "s", "section":
			return true
		}
		return false
	}
	for len(words) > 0 && edge(words[0]) {
		words = words[1:]
	}
	for len(words) > 0 && edge(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	label := strings.Trim(strings.Join(words, " "), " -–—:;,.&/+|")
	if strings.HasPrefix(label, "(") && strings.HasSuffix(label, ")") && strings.Count(label, "(") == 1 {
		label = strings.TrimSpace(label[1 : len(label)-1])
	}
	if strings.Count(label, "(") != strings.Count(label, ")") {
		label = strings.Trim(label, "()")
	}
	if label == "" {
		return "", from
	}
	off := from
	if i := strings.Index(text[from:to], words[0]); i >= 0 {
		off = from + i
	}
	return strings.TrimSpace(label), off
}

// unknown reports a provision that does not exist.
func (s *scanner) unknown(p Provision, r ref, label string) {
	msg := fmt.Sprintf("unknown provision %s", p)
	if anc, ok := Lookup(p); ok {
		msg += fmt.Sprintf(": %s has no such subsection", anc.Provision)
	} else {
		verb := "has"
		if p.Regime.Regulations() {
			verb = "have"
		}
		msg += fmt.Sprintf(": the %s %s no %s %s that disclosure logs cite", p.Regime.Title(), verb, p.Regime.Unit(), p.Section)
	}
	var hints []string
	if names := Suggestions(p, label); len(names) > 0 {
		hints = append(hints, "did you mean "+orList(names)+"?")
	}
	for _, r := range Regimes() {
		if r == p.Regime {
			continue
		}
		q := Provision{Regime: r, Section: p.Section, Path: p.Path}
		if Listed(q) {
			hints = append(hints, fmt.Sprintf("%s exists: set \"regime: %s\" if the response is under the %s, or write %q", q, r, r, q.String()))
			break
		}
	}
	if len(hints) == 0 {
		hints = append(hints, "check the number against the refusal notice; `foilog cite` shows how foilog reads a citation")
	}
	s.probs = append(s.probs, Problem{
		Offset: r.start, Severity: diag.Error, Code: "exemption.unknown-provision",
		Message: msg, Hint: strings.Join(hints, "; "),
	})
	s.failed = true
}

// orList joins names as "A", "A or B", "A, B or C".
func orList(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
