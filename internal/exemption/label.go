package exemption

import (
	"fmt"
	"strings"

	"github.com/foilog/foilog/internal/diag"
)

// isStopWord reports whether w says nothing about which provision a label
// names: grammar, the words every title shares, and words about how the
// provision is used (NCND, harm, public interest).
func isStopWord(w string) bool {
	switch w {
	case "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "by", "with", "under", "from",
		"at", "as", "is", "be", "would", "likely", "any", "other", "information", "data", "section",
		"sections", "regulation", "regulations", "reg", "act", "exemption", "exemptions", "exempt",
		"exception", "exceptions", "subsection", "paragraph", "ncnd", "neither", "nor", "confirm",
		"deny", "confirmation", "denial", "absolute", "qualified", "public", "interest", "test", "harm",
		"prejudice", "applies", "apply", "applied", "refusal", "refused", "partial", "partially", "part",
		"full", "foi", "foia", "foisa", "eir", "eirs", "eisr", "also", "see", "below", "above", "etc",
		"class", "based", "relating", "relates", "request", "requests", "person", "persons",
		"people", "individual", "individuals", "authority", "authorities", "not", "no", "we", "our",
		"you", "your", "this", "that", "these", "those", "it", "its", "which", "who", "has", "have",
		"been", "was", "were", "are", "will", "may", "can", "do", "does", "did", "all", "some":
		return true
	}
	return false
}

// labelWords returns the significant words of s, lower case, in order.
func labelWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !('a' <= r && r <= 'z')
	}) {
		if len(w) < 2 || isStopWord(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// wordsMatch reports whether two label words are the same word, allowing a
// plural s and a common suffix on a stem of five letters or more
// ("enforce", "enforcement"; but not "person", "personal").
func wordsMatch(a, b string) bool {
	if a == b {
		return true
	}
	a, b = strings.TrimSuffix(a, "s"), strings.TrimSuffix(b, "s")
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 5 || !strings.HasPrefix(b, a) {
		return false
	}
	switch b[len(a):] {
	case "ment", "ments", "es", "ed", "ing", "ion", "ions", "ly", "ity", "ities", "ive":
		return true
	}
	return false
}

// overlap counts the words of label that appear in vocab.
func overlap(label, vocab []string) int {
	n := 0
	for _, w := range label {
		for _, v := range vocab {
			if wordsMatch(w, v) {
				n++
				break
			}
		}
	}
	return n
}

// score measures how well label words name the registry's entry i alone.
// It returns the number of label words found in its title, aliases or
// detail, and a weight that counts two for each word found in the title or
// aliases and one for a word found only in the detail.
func score(label []string, reg *registry, i int) (words, weight int) {
	for _, w := range label {
		switch {
		case overlap([]string{w}, reg.names[i]) > 0:
			words++
			weight += 2
		case overlap([]string{w}, reg.details[i]) > 0:
			words++
			weight++
		}
	}
	return words, weight
}

// describe names an entry for messages: "FOIA s24 (National security)" or
// "FOIA s31(1)(c) (Law enforcement: the administration of justice)".
func describe(e Entry) string {
	if e.Detail != "" {
		return fmt.Sprintf("%s (%s: %s)", e.Provision, e.Title, e.Detail)
	}
	return fmt.Sprintf("%s (%s)", e.Provision, e.Title)
}

// labelMatch returns the entry whose words best match label among the
// entries of the regimes in provs, leaving out provs and their ancestors;
// ok is false when nothing matches or when a best match lies within one of
// provs (the label then names a part of what was cited).
func labelMatch(label string, provs []Provision) (Entry, bool) {
	lw := labelWords(label)
	if len(lw) == 0 {
		return Entry{}, false
	}
	regimes := map[Regime]bool{}
	for _, p := range provs {
		regimes[p.Regime] = true
	}
	var best Entry
	bestWords, bestWeight, inside := 0, 0, false
	reg := loadRegistry()
	for i, e := range reg.entries {
		if !regimes[e.Provision.Regime] {
			continue
		}
		skip, within := false, false
		for _, p := range provs {
			if e.Provision.Contains(p) {
				skip = true
			}
			if p.Contains(e.Provision) {
				within = true
			}
		}
		if skip {
			continue
		}
		words, weight := score(lw, reg, i)
		if words == 0 {
			continue
		}
		c := cmpInt(words, bestWords)
		if c == 0 {
			c = cmpInt(weight, bestWeight)
		}
		switch {
		case c > 0:
			best, bestWords, bestWeight, inside = e, words, weight, within
		case c == 0: // a tie: prefer shallower entries; remember any inside
			inside = inside || within
			if e.Provision.Depth() < best.Provision.Depth() {
				best = e
			}
		}
	}
	if bestWords == 0 || inside {
		return Entry{}, false
	}
	return copyEntry(best), true
}

// checkLabel reports a label that contradicts every provision it was
// written with. It is silent when the label agrees with any of them, or
// when it names nothing recognisable.
func checkLabel(label string, offset int, provs []Provision) []Problem {
	lw := labelWords(label)
	if len(lw) == 0 || len(provs) == 0 {
		return nil
	}
	for _, p := range provs {
		if overlap(lw, entryWords(p)) > 0 {
			return nil
		}
	}
	other, ok := labelMatch(label, provs)
	if !ok {
		return nil
	}
	e, _ := Lookup(provs[0])
	return []Problem{{
		Offset:   offset,
		Severity: diag.Warning,
		Code:     "exemption.label-mismatch",
		Message: fmt.Sprintf("label %q does not match %s %s; it reads like %s",
			label, provs[0], "("+e.Title+")", describe(other)),
		Hint: fmt.Sprintf("check the number, or change the label to %q", e.Title),
	}}
}
