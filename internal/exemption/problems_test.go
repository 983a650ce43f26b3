package exemption

import (
	"strings"
	"testing"

	"github.com/foilog/foilog/internal/diag"
)

func TestParseCitationProblems(t *testing.T) {
	tests := []struct {
		text     string
		regime   Regime
		want     string // provisions still understood, joined by "; "
		severity diag.Severity
		code     string
		offset   int
		message  string // a part of the message
		hint     string // a part of the hint
	}{
		{"", FOIA, "", diag.Error, "exemption.empty", 0, "empty citation", ""},
		{"   ", FOIA, "", diag.Error, "exemption.empty", 0, "empty citation", ""},
		{"Law enforcement", FOIA, "", diag.Error, "exemption.syntax", 0, "no section or regulation number", "Section 31(3)"},
		{"  see below", FOIA, "", diag.Error, "exemption.syntax", 2, "no section or regulation number", ""},
		{"Section (3)", FOIA, "", diag.Error, "exemption.syntax", 8, `expected a number after "Section"`, ""},
		{"Regulation", FOIA, "", diag.Error, "exemption.syntax", 10, `expected a number after "Regulation"`, ""},
		{"Section 31(3", FOIA, "", diag.Error, "exemption.syntax", 10, "unclosed parenthesis", "(3)"},
		{"Section 31(1)(a", FOIA, "", diag.Error, "exemption.syntax", 13, "unclosed parenthesis", ""},
		{"Section 31()", FOIA, "", diag.Error, "exemption.syntax", 10, "empty parentheses", ""},
		{"s31(1)(a)&", FOIA, "", diag.Error, "exemption.syntax", 9, `nothing follows "&"`, ""},
		{"Sections 24(2) and", FOIA, "", diag.Error, "exemption.syntax", 15, `nothing follows "and"`, ""},
		{"Section 2000", FOIA, "", diag.Error, "exemption.syntax", 8, "expected a section or regulation number", ""},

		{"FOIA s46", FOIA, "", diag.Error, "exemption.unknown-provision", 5, "unknown provision FOIA s46", "FOIA s44"},
		{"Section 46", FOIA, "", diag.Error, "exemption.unknown-provision", 0, "Freedom of Information Act 2000 has no section 46", "did you mean FOIA s43 or FOIA s44?"},
		{"s31(9)", FOIA, "", diag.Error, "exemption.unknown-provision", 0, "FOIA s31 has no such subsection", "FOIA s31(1), FOIA s31(2) or FOIA s31(3)"},
		{"Section 43(4)", FOIA, "", diag.Error, "exemption.unknown-provision", 0, "unknown provision FOIA s43(4)", "FOIA s43(3)"},
		{"Section 31(1)(j)", FOIA, "", diag.Error, "exemption.unknown-provision", 0, "FOIA s31(1) has no such subsection", "FOIA s31(1)(i)"},
		{"Section 18(1)", FOIA, "", diag.Error, "exemption.unknown-provision", 0, "unknown provision FOIA s18(1)", `FOISA s18(1) exists: set "regime: FOISA" if the response is under the FOISA`},
		{"Section 24 National Security", FOISA, "", diag.Error, "exemption.unknown-provision", 0, "unknown provision FOISA s24", "did you mean FOISA s31"},
		{"Section 17", FOIA, "", diag.Error, "exemption.unknown-provision", 0, "unknown provision FOIA s17", "FOISA s17 exists"},
		{"Section 40(2) and 46", FOIA, "FOIA s40(2)", diag.Error, "exemption.unknown-provision", 18, "unknown provision FOIA s46", ""},
		{"Regulation 14", FOIA, "", diag.Error, "exemption.unknown-provision", 0, "unknown provision EIR r14", "EIR r13"},
		{"Section 23 of the Misuse of Drugs Act 1971", FOIA, "", diag.Error, "exemption.other-act", 0, "cites another Act", ""},
		{"Data Protection Act 2018 s.45", FOIA, "", diag.Error, "exemption.other-act", 0, "cites another Act", ""},

		{"Section 31 National Security", FOIA, "FOIA s31", diag.Warning, "exemption.label-mismatch", 11,
			`label "National Security" does not match FOIA s31 (Law enforcement); it reads like FOIA s24 (National security)`, `"Law enforcement"`},
		{"Section 38 Personal Information", FOIA, "FOIA s38", diag.Warning, "exemption.label-mismatch", 11, "reads like FOIA s40 (Personal information)", ""},
		{"Section 40(2) Health and Safety", FOIA, "FOIA s40(2)", diag.Warning, "exemption.label-mismatch", 14, "reads like FOIA s38 (Health and safety)", ""},
		{"Section 31(1)(a) Administration of justice", FOIA, "FOIA s31(1)(a)", diag.Warning, "exemption.label-mismatch", 17, "reads like FOIA s31(1)(c)", ""},
		{"Section 30 Commercial Interests", FOIA, "FOIA s30", diag.Warning, "exemption.label-mismatch", 11, "reads like FOIA s43 (Commercial interests)", ""},
		{"Section 35 National Security", FOISA, "FOISA s35", diag.Warning, "exemption.label-mismatch", 11, "reads like FOISA s31 (National security and defence)", ""},
		{"Regulation 13 Law Enforcement", FOIA, "EIR r13", diag.Warning, "exemption.label-mismatch", 14, "reads like EIR r12(5)(b)", ""},
		{"Section 24 National Security and Section 31 Vexatious", FOIA, "FOIA s24; FOIA s31", diag.Warning, "exemption.label-mismatch", 44, `label "Vexatious" does not match FOIA s31`, ""},

		{"Section 40(2)", EIR, "FOIA s40(2)", diag.Warning, "exemption.regime-inferred", 0, `"Section 40(2)" read as FOIA s40(2): the EIR have no regulation 40`, `"FOIA s40(2)"`},
		{"s38(1)(a)", EISR, "FOISA s38(1)(a)", diag.Warning, "exemption.regime-inferred", 0, "the EISR have no regulation 38", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			c, probs := ParseCitation(tt.text, tt.regime)
			if got := strings.Join(provs(c.Provisions), "; "); got != tt.want {
				t.Errorf("provisions = %q, want %q", got, tt.want)
			}
			if len(probs) != 1 {
				t.Fatalf("ParseCitation(%q) problems = %+v, want exactly one", tt.text, probs)
			}
			p := probs[0]
			if p.Severity != tt.severity || p.Code != tt.code || p.Offset != tt.offset {
				t.Errorf("problem = %v %s at %d, want %v %s at %d", p.Severity, p.Code, p.Offset, tt.severity, tt.code, tt.offset)
			}
			if !strings.Contains(p.Message, tt.message) {
				t.Errorf("message = %q, want it to contain %q", p.Message, tt.message)
			}
			if p.Hint == "" || !strings.Contains(p.Hint, tt.hint) {
				t.Errorf("hint = %q, want it to contain %q", p.Hint, tt.hint)
			}
			if p.Message != strings.TrimSpace(p.Message) || p.Message == "" || strings.HasSuffix(p.Message, ".") {
				t.Errorf("message %q: want non-empty, trimmed, without a final period", p.Message)
			}
		})
	}
}

// Labels that say the same thing as the statute in other words must not
// warn.
func TestLabelsThatAgree(t *testing.T) {
	tests := []struct {
		text   string
		regime Regime
	}{
		{"Section 40(2) Personal Information", FOIA},
		{"Section 40(2) Personal data", FOIA},
		{"Section 40(2) personal DATA", FOIA},
		{"Section 40(2) Third party personal data", FOIA},
		{"Section 40 Data Protection", FOIA},
		{"Section 31(3) Law Enforcement", FOIA},
		{"Section 31(3) law enforcement", FOIA},
		{"Section 31 Policing", FOIA},
		{"Section 31(1)(a) Prevention and detection of crime", FOIA},
		{"Section 31 Administration of justice", FOIA},
		{"Section 24 National Security", FOIA},
		{"Section 24(2) National Security NCND", FOIA},
		{"Section 23 Security Bodies", FOIA},
		{"Section 23 National Security", FOIA},
		{"Section 38 Health & Safety", FOIA},
		{"Section 38(1)(b) Endanger safety", FOIA},
		{"Section 43 Commercial Interests", FOIA},
		{"Section 43(2) Commercially sensitive", FOIA},
		{"Section 41 Confidentiality", FOIA},
		{"Section 42 LPP", FOIA},
		{"Section 44 Statutory prohibition", FOIA},
		{"Section 21 Reasonably accessible", FOIA},
		{"Section 22 Intended for future publication", FOIA},
		{"Section 12 Cost limit", FOIA},
		{"Section 12 - exceeds the appropriate limit", FOIA},
		{"Section 14(2) Repeated request", FOIA},
		{"Section 30 Criminal Investigations", FOIA},
		{"Section 36 Prejudice to effective conduct", FOIA},
		{"Section 36(2)(b)(ii) free and frank exchange of views", FOIA},
		{"Section 35(1)(a) Formulation of Government Policy", FOIA},
		{"Section 31(1) National Security", FOISA},
		{"Section 38(1)(b) Personal Data", FOISA},
		{"Section 35(1)(a) Law Enforcement", FOISA},
		{"Section 39(1) Health and safety", FOISA},
		{"Regulation 13 Personal Information", EIR},
		{"Regulation 12(5)(b) course of justice", EIR},
		{"Regulation 12(4)(b) manifestly unreasonable", EIR},
		{"Section 31(3) Law Enforcement - Neither Confirm Nor Deny", FOIA},
		{"Section 31 Something we do not recognise", FOIA},
	}
	for _, tt := range tests {
		if _, probs := ParseCitation(tt.text, tt.regime); len(probs) > 0 {
			t.Errorf("ParseCitation(%q, %s) = %+v, want no problems", tt.text, tt.regime, probs)
		}
	}
}
