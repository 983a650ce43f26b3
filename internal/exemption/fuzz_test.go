package exemption

import (
	"testing"
	"unicode/utf8"
)

func FuzzParseCitation(f *testing.F) {
	for _, s := range []string{
		"Section 31(3) Law Enforcement", "s.31(1)(a)", "S31 (3)", "section 40(2)&(3)", "31(1)(a)&(b)",
		"Sections 24(2) and 31(3)", "FOISA s35(1)(a)", "Section 12 (4) (b) of the Environmental Information Regulations",
		"Reg 12(5)(b)", "regulation 13", "Section 18(1) in conjunction with sections 34(1)(b), 35(1)(a) & (b)",
		"Section 24 National Security", "s40(5B)", "Section 14(1) - Vexatious", "12(1)", "Section 31(3",
		"s31(1)(a)&", "Section (3)", "", "§§ 23-24", "Section 30(1)(a)-(c)", "FOI(S)A s.30(b)(i) & (ii)",
		"Section 23 of the Misuse of Drugs Act 1971", "EI(S)R r10(5)(a)", "s22A", "(((", "s9(((a",
		"Section 31(1)(a) to (z)", "sections 1 to 999", "r12(4)(a)–(e)",
	} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, text string, r int) {
		regimes := Regimes()
		regime := regimes[(r%4+4)%4]
		c, probs := ParseCitation(text, regime)
		for _, pr := range probs {
			if pr.Offset < 0 || pr.Offset > len(text) {
				t.Fatalf("ParseCitation(%q): offset %d outside the text", text, pr.Offset)
			}
			if pr.Message == "" || pr.Code == "" || pr.Hint == "" {
				t.Fatalf("ParseCitation(%q): problem without message, code or hint: %+v", text, pr)
			}
		}
		seen := map[Provision]bool{}
		for _, p := range c.Provisions {
			if seen[p] {
				t.Fatalf("ParseCitation(%q): %s repeated", text, p)
			}
			seen[p] = true
			back, err := ParseCanonical(p.String())
			if err != nil || back != p {
				t.Fatalf("ParseCanonical(%q) = %#v, %v; want %#v", p.String(), back, err, p)
			}
			for _, other := range regimes {
				c2, probs2 := ParseCitation(p.String(), other)
				if len(probs2) != 0 || len(c2.Provisions) != 1 || c2.Provisions[0] != p {
					t.Fatalf("ParseCitation(%q, %s) = %v, %v; want exactly %s", p.String(), other, c2.Provisions, probs2, p)
				}
			}
		}
		for _, m := range ScanText(text, regime) {
			if m.Offset < 0 || m.Offset+len(m.Text) > len(text) || text[m.Offset:m.Offset+len(m.Text)] != m.Text {
				t.Fatalf("ScanText(%q): mention %+v does not match the text", text, m)
			}
		}
		if utf8.ValidString(text) && c.Label != "" && !utf8.ValidString(c.Label) {
			t.Fatalf("ParseCitation(%q): label %q is not valid UTF-8", text, c.Label)
		}
	})
}
