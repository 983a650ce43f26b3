package search

import (
	"strings"
)

// refPrefixes are words that may precede a reference number and are not part
// of it: "FOI 1648A/23", "Ref: 1648A/23".
var refPrefixes = []string{"foi", "foia", "foisa", "eir", "eisr", "ref", "reference", "request", "no", "number"}

// referenceKey returns the canonical form of a reference number, as used in
// the reference pseudo-term "#"+key: folded, leading words such as "FOI" or
// "Ref" dropped (also when glued to the digits, "FOI1648"), and the
// remaining runs of letters and digits joined with "/". So "FOI 1648A/23",
// "1648a-23" and "foi/1648A/23" all give "1648a/23". It returns "" when
// nothing with a digit remains. search-core.js implements the same
// function (referenceKey).
func referenceKey(ref string) string {
	var parts []string
	var b strings.Builder
	for _, r := range fold(ref) {
		if isWordRune(r) {
			b.WriteRune(r)
			continue
		}
		if b.Len() > 0 {
			parts = append(parts, b.String())
			b.Reset()
		}
	}
	if b.Len() > 0 {
		parts = append(parts, b.String())
	}
	for len(parts) > 0 && isRefPrefix(parts[0]) {
		parts = parts[1:]
	}
	if len(parts) > 0 {
		for _, p := range refPrefixes[:5] {
			if rest, ok := strings.CutPrefix(parts[0], p); ok && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
				parts[0] = rest
				break
			}
		}
	}
	key := strings.Join(parts, "/")
	if !strings.ContainsAny(key, "0123456789") {
		return ""
	}
	return key
}

func isRefPrefix(s string) bool {
	for _, p := range refPrefixes {
		if s == p {
			return true
		}
	}
	return false
}

// citeKey returns the regime-free citation key of an exemption or section
// slug: "foia-s31-3" → "s31-3", "foia-s31" → "s31", "eir-r12-4-b" and
// "eir-reg12-4-b" → "r12-4-b". The letter says section (s) or regulation
// (r); a slug with no letter before the number gets r for the EIR and EISR
// and s otherwise. The browser matches "s31(3)", "section 31(3)" or
// "31(3)" against these keys.
func citeKey(slug string) string {
	regime, rest, ok := strings.Cut(slug, "-")
	if !ok {
		return ""
	}
	i := 0
	for i < len(rest) && rest[i] >= 'a' && rest[i] <= 'z' {
		i++
	}
	letters, num := rest[:i], rest[i:]
	if num == "" || num[0] < '0' || num[0] > '9' {
		return ""
	}
	kind := "s"
	switch {
	case strings.HasPrefix(letters, "r"):
		kind = "r"
	case letters == "" && (regime == "eir" || regime == "eisr"):
		kind = "r"
	}
	return kind + num
}
