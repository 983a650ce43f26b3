package exemption

import (
	"strings"
	"testing"
)

// provs returns the canonical forms of ps.
func provs(ps []Provision) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// codes returns "severity code" for each problem.
func codes(probs []Problem) []string {
	var out []string
	for _, p := range probs {
		out = append(out, p.Severity.String()+" "+p.Code)
	}
	return out
}

func TestParseCitation(t *testing.T) {
	tests := []struct {
		text   string
		regime Regime
		want   string // canonical provisions joined by "; "
		label  string
	}{
		// The spellings from the issue.
		{"Section 31(3) Law Enforcement", FOIA, "FOIA s31(3)", "Law Enforcement"},
		{"s.31(1)(a)", FOIA, "FOIA s31(1)(a)", ""},
		{"S31 (3)", FOIA, "FOIA s31(3)", ""},
		{"Section 31 (3)", FOIA, "FOIA s31(3)", ""},
		{"section 40(2)&(3)", FOIA, "FOIA s40(2); FOIA s40(3)", ""},
		{"31(1)(a)&(b)", FOIA, "FOIA s31(1)(a); FOIA s31(1)(b)", ""},
		{"Sections 24(2) and 31(3)", FOIA, "FOIA s24(2); FOIA s31(3)", ""},
		{"FOISA s35(1)(a)", FOIA, "FOISA s35(1)(a)", ""},
		{"Section 12 (4) (b) of the Environmental Information Regulations", FOIA, "EIR r12(4)(b)", ""},
		{"Reg 12(5)(b)", FOIA, "EIR r12(5)(b)", ""},
		{"regulation 13", FOIA, "EIR r13", ""},
		{"Section 18(1) in conjunction with sections 34(1)(b), 35(1)(a) & (b)", FOISA,
			"FOISA s18(1); FOISA s34(1)(b); FOISA s35(1)(a); FOISA s35(1)(b)", ""},
		{"Section 24 National Security", FOIA, "FOIA s24", "National Security"},
		{"Section 40(2) Personal Information", FOIA, "FOIA s40(2)", "Personal Information"},
		{"s40(5B)", FOIA, "FOIA s40(5B)", ""},
		{"Section 14(1) - Vexatious", FOIA, "FOIA s14(1)", "Vexatious"},
		{"12(1)", FOIA, "FOIA s12(1)", ""},

		// Abbreviations, spacing and case.
		{"s31(3)", FOIA, "FOIA s31(3)", ""},
		{"S.31(3)", FOIA, "FOIA s31(3)", ""},
		{"s. 31(3)", FOIA, "FOIA s31(3)", ""},
		{"s 31 (3)", FOIA, "FOIA s31(3)", ""},
		{"SECTION 31(3)", FOIA, "FOIA s31(3)", ""},
		{"Sec 30(1)(a)", FOIA, "FOIA s30(1)(a)", ""},
		{"Sect. 43(2)", FOIA, "FOIA s43(2)", ""},
		{"§ 42", FOIA, "FOIA s42", ""},
		{"ss.23 and 24", FOIA, "FOIA s23; FOIA s24", ""},
		{"Section 31( 1 )( a )", FOIA, "FOIA s31(1)(a)", ""},
		{"Section\u00a031(3)", FOIA, "FOIA s31(3)", ""},
		{"  Section 31(3)  ", FOIA, "FOIA s31(3)", ""},
		{"Section 40(5a)", FOIA, "FOIA s40(5A)", ""},
		{"s22a", FOIA, "FOIA s22A", ""},
		{"Section 22A Research", FOIA, "FOIA s22A", "Research"},
		{"Section 31(1)(A)", FOIA, "FOIA s31(1)(a)", ""},
		{"Section 36(2)(b)(ii)", FOIA, "FOIA s36(2)(b)(ii)", ""},
		{"Section 37(1)(ab)", FOIA, "FOIA s37(1)(ab)", ""},

		// Subsections in words.
		{"Section 40 subsection 2", FOIA, "FOIA s40(2)", ""},
		{"Section 31 sub-section (3) Law Enforcement", FOIA, "FOIA s31(3)", "Law Enforcement"},

		// Older responses, before the Data Protection Act 2018.
		{"Section 40(2)(a)(b) by virtue of section 40(3)(a)(i)", FOIA, "FOIA s40(2)(a); FOIA s40(2)(b); FOIA s40(3)(a)(i)", ""},
		{"Section 40(5)(b)(i) Personal Information", FOIA, "FOIA s40(5)(b)(i)", "Personal Information"},
		{"Regulation 13(2)(a)(i)", FOIA, "EIR r13(2)(a)(i)", ""},

		// Lists and ranges.
		{"Section 31(1)(a)(b) Law Enforcement", FOIA, "FOIA s31(1)(a); FOIA s31(1)(b)", "Law Enforcement"},
		{"Section 30(1)(a)(b)(c)", FOIA, "FOIA s30(1)(a); FOIA s30(1)(b); FOIA s30(1)(c)", ""},
		{"Section 40(2)(3)", FOIA, "FOIA s40(2); FOIA s40(3)", ""},
		{"Section 30(1)(a)-(c)", FOIA, "FOIA s30(1)(a); FOIA s30(1)(b); FOIA s30(1)(c)", ""},
		{"Section 31(1)(a) to (c)", FOIA, "FOIA s31(1)(a); FOIA s31(1)(b); FOIA s31(1)(c)", ""},
		{"Section 36(2)(b)(i) and (ii)", FOIA, "FOIA s36(2)(b)(i); FOIA s36(2)(b)(ii)", ""},
		{"Section 31(1)(h) & (i)", FOIA, "FOIA s31(1)(h); FOIA s31(1)(i)", ""},
		{"Section 31(1)(a) and (2)(b)", FOIA, "FOIA s31(1)(a); FOIA s31(2)(b)", ""},
		{"Sections 30 & 31", FOIA, "FOIA s30; FOIA s31", ""},
		{"Section 23, 24", FOIA, "FOIA s23; FOIA s24", ""},
		{"Section 23(1) and Section 24(1)", FOIA, "FOIA s23(1); FOIA s24(1)", ""},
		{"Sections 30(1)(a), 31(1)(a), (b), and 40(2)", FOIA, "FOIA s30(1)(a); FOIA s31(1)(a); FOIA s31(1)(b); FOIA s40(2)", ""},
		{"s38(1)(a)/(b)", FOIA, "FOIA s38(1)(a); FOIA s38(1)(b)", ""},
		{"Section 31(3) and s31(3)", FOIA, "FOIA s31(3)", ""},
		{"Section 24(2) National Security and Section 31(3) Law Enforcement", FOIA, "FOIA s24(2); FOIA s31(3)", "National Security"},

		// Labels as police responses write them.
		{"Section 31(3) Law Enforcement (NCND)", FOIA, "FOIA s31(3)", "Law Enforcement (NCND)"},
		{"Section 43(2) - Commercial Interests", FOIA, "FOIA s43(2)", "Commercial Interests"},
		{"Section 38(1)(a)(b) Health & Safety", FOIA, "FOIA s38(1)(a); FOIA s38(1)(b)", "Health & Safety"},
		{"Section 44(1)(a) - Prohibitions on disclosure", FOIA, "FOIA s44(1)(a)", "Prohibitions on disclosure"},
		{"s21 - Information Reasonably Accessible by Other Means", FOIA, "FOIA s21", "Information Reasonably Accessible by Other Means"},
		{"Section 12 (Cost)", FOIA, "FOIA s12", "Cost"},
		{"Section 12(1) - Cost of compliance exceeds appropriate limit", FOIA, "FOIA s12(1)", "Cost of compliance exceeds appropriate limit"},
		{"Section 30 Investigations", FOIA, "FOIA s30", "Investigations"},
		{"Section 30(1)(a) Criminal investigations", FOIA, "FOIA s30(1)(a)", "Criminal investigations"},
		{"Section 41 Information provided in confidence", FOIA, "FOIA s41", "Information provided in confidence"},
		{"Section 42 Legal Professional Privilege", FOIA, "FOIA s42", "Legal Professional Privilege"},
		{"Section 40(2) Personal Data", FOIA, "FOIA s40(2)", "Personal Data"},
		{"Section 40(5) Personal Information NCND", FOIA, "FOIA s40(5)", "Personal Information NCND"},
		{"Section 23(5) Information supplied by security bodies", FOIA, "FOIA s23(5)", "Information supplied by security bodies"},
		{"Section 24(2) National Security – neither confirm nor deny", FOIA, "FOIA s24(2)", "National Security – neither confirm nor deny"},
		{"Section 22 Future Publication", FOIA, "FOIA s22", "Future Publication"},
		{"Section 1(1)(a) - Information not held", FOIA, "FOIA s1(1)(a)", "Information not held"},
		{"Section 36(2)(c) Prejudice to the effective conduct of public affairs", FOIA, "FOIA s36(2)(c)", "Prejudice to the effective conduct of public affairs"},
		{"NCND - Section 31(3)", FOIA, "FOIA s31(3)", "NCND"},
		{"Exempt under Section 31(3)", FOIA, "FOIA s31(3)", ""},
		{"Section 31 Law enforcement; Section 38 Health and Safety", FOIA, "FOIA s31; FOIA s38", "Law enforcement"},

		// Naming the Act.
		{"Section 31(3) of the Freedom of Information Act 2000", FOISA, "FOIA s31(3)", ""},
		{"Section 31(3) FOIA", FOISA, "FOIA s31(3)", ""},
		{"FOIA s.24(2)", EIR, "FOIA s24(2)", ""},
		{"Section 35(1)(a) of the Freedom of Information (Scotland) Act 2002", FOIA, "FOISA s35(1)(a)", ""},
		{"Section 35(1)(a) FOI(S)A", FOIA, "FOISA s35(1)(a)", ""},
		{"FOISA: section 38(1)(b)", FOIA, "FOISA s38(1)(b)", ""},
		{"Sections 24(2) and 31(3) of the Freedom of Information Act", FOISA, "FOIA s24(2); FOIA s31(3)", ""},
		{"EIR 12(5)(b)", FOIA, "EIR r12(5)(b)", ""},
		{"Regulation 10(5)(b) EIRs", FOISA, "EISR r10(5)(b)", ""},
		{"Regulation 10(5)(b) of the Environmental Information (Scotland) Regulations 2004", FOIA, "EISR r10(5)(b)", ""},
		{"EI(S)R r.11(2)", FOIA, "EISR r11(2)", ""},
		{"Section 12 (4) (b) EIR", FOIA, "EIR r12(4)(b)", ""},

		// The file's regime.
		{"Section 31(1)", FOISA, "FOISA s31(1)", ""},
		{"Section 35(1)(a) Law Enforcement", FOISA, "FOISA s35(1)(a)", "Law Enforcement"},
		{"Section 31(1) National Security", FOISA, "FOISA s31(1)", "National Security"},
		{"Section 38(1)(b) Personal Information", FOISA, "FOISA s38(1)(b)", "Personal Information"},
		{"Section 17 - information not held", FOISA, "FOISA s17", "information not held"},
		{"Section 30(b)(i) and (ii)", FOISA, "FOISA s30(b)(i); FOISA s30(b)(ii)", ""},
		{"Section 18 NCND", FOISA, "FOISA s18", "NCND"},
		{"Section 12(4)(b)", EIR, "EIR r12(4)(b)", ""},
		{"12(5)(b) Course of justice", EIR, "EIR r12(5)(b)", "Course of justice"},
		{"Regulation 12(4)(b) Manifestly Unreasonable", EIR, "EIR r12(4)(b)", "Manifestly Unreasonable"},
		{"Regulation 12(4)(a) - information not held", FOIA, "EIR r12(4)(a)", "information not held"},
		{"Reg 13 Personal Data", FOIA, "EIR r13", "Personal Data"},
		{"r12(6)", EIR, "EIR r12(6)", ""},
		{"Regulation 13(5A)", EIR, "EIR r13(5A)", ""},
		{"Reg. 10(4)(e) internal communications", EISR, "EISR r10(4)(e)", "internal communications"},
		{"Regulation 11(2)", FOISA, "EISR r11(2)", ""},
		{"10(8)", EISR, "EISR r10(8)", ""},
		{"Section 31(3)", "", "FOIA s31(3)", ""},
		{"Section 31(3)", "nonsense", "FOIA s31(3)", ""},

		// Other Acts named alongside an FOI provision are left out.
		{"Section 44(1)(a) FOIA by virtue of section 19 of the Commissioners for Revenue and Customs Act 2005", FOIA, "FOIA s44(1)(a)", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			c, probs := ParseCitation(tt.text, tt.regime)
			if got := strings.Join(provs(c.Provisions), "; "); got != tt.want {
				t.Errorf("ParseCitation(%q, %s) provisions = %q, want %q", tt.text, tt.regime, got, tt.want)
			}
			if c.Label != tt.label {
				t.Errorf("ParseCitation(%q) label = %q, want %q", tt.text, c.Label, tt.label)
			}
			if len(probs) > 0 {
				t.Errorf("ParseCitation(%q) problems = %v, want none", tt.text, probs)
			}
			if c.Text != tt.text {
				t.Errorf("Text = %q, want the input", c.Text)
			}
		})
	}
}
