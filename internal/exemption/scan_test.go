package exemption

import (
	"fmt"
	"strings"
	"testing"

	"github.com/foilog/foilog/internal/diag"
)

// mentions formats ScanText's result as "offset:text=provision".
func mentions(ms []Mention) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("%d:%s=%s", m.Offset, m.Text, m.Provision))
	}
	return strings.Join(parts, "; ")
}

func TestScanText(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		regime Regime
		want   string
	}{
		{"plain", "It is exempt under Section 31(3) of the Act.", FOIA, "19:Section 31(3)=FOIA s31(3)"},
		{"list", "Sections 24(2) and 31(3) apply.", FOIA, "0:Sections 24(2)=FOIA s24(2); 19:31(3)=FOIA s31(3)"},
		{"siblings", "see s.35(1)(a) & (b)", FOISA, "4:s.35(1)(a)=FOISA s35(1)(a); 17:(b)=FOISA s35(1)(b)"},
		{"heading", "### **Section 24 National Security**", FOIA, "6:Section 24=FOIA s24"},
		{"link", "[Section 40](https://www.legislation.gov.uk/ukpga/2000/36/section/40)", FOIA, "1:Section 40=FOIA s40"},
		{"regulation under FOIA", "Regulation 12(5)(b) applies", FOIA, "0:Regulation 12(5)(b)=EIR r12(5)(b)"},
		{"regulation under FOISA", "regulation 10(5)(b) applies", FOISA, "0:regulation 10(5)(b)=EISR r10(5)(b)"},
		{"named act after", "section 12(4)(b) of the Environmental Information Regulations", FOIA, "0:section 12(4)(b)=EIR r12(4)(b)"},
		{"named act before", "FOISA s18(1) and FOIA s24", FOIA, "6:s18(1)=FOISA s18(1); 22:s24=FOIA s24"},
		{"the Act", "Section 1 of the Act places two duties", FOISA, "0:Section 1=FOISA s1"},
		{"line break", "exempt under Section\n31(3)", FOIA, "13:Section\n31(3)=FOIA s31(3)"},
		{"22A", "section 22A applies", FOIA, "0:section 22A=FOIA s22A"},
		{"range of paragraphs", "s31(1)(a)-(c)", FOIA, "0:s31(1)(a)=FOIA s31(1)(a); 10:(c)=FOIA s31(1)(b); 10:(c)=FOIA s31(1)(c)"},

		// Not FOI citations.
		{"misuse of drugs", "a search under section 23 of the Misuse of Drugs Act 1971", FOIA, ""},
		{"misuse of drugs short", "powers under s23 Misuse of Drugs Act", FOIA, ""},
		{"data protection", "Section 40(2) of the Data Protection Act 2018", FOIA, ""},
		{"dpa prefix", "Data Protection Act 2018 s.45 gives a right of access", FOIA, ""},
		{"dpa acronym", "under DPA s45", FOIA, ""},
		{"aviation", "section 24B Aviation Security Act 1982", FOIA, ""},
		{"aviation with the", "section 24B of the Aviation Security Act 1982", FOIA, ""},
		{"pace", "PACE s.18 searches", FOIA, ""},
		{"police regulations", "Regulation 13 of the Police Regulations 2003", FOIA, ""},
		{"range describes", "exempt under any of sections 28 to 35 of FOISA", FOIA, ""},
		{"possessive", "the force's 24 officers", FOIA, ""},
		{"ordinal", "in its 31st year", FOIA, ""},
		{"decimal", "see section 2.3 of the policy", FOIA, ""},
		{"bare number", "we hold 31 records", FOIA, ""},
		{"bare s with space", "the officers 31 and s 24", FOIA, ""},
		{"url only", "https://www.legislation.gov.uk/ukpga/2000/36/section/31", FOIA, ""},
		{"subsection word", "this subsection 3 says", FOIA, ""},
		{"subsection after a section", "section 40 subsection 5 applies", FOIA, "0:section 40 subsection 5=FOIA s40(5)"},
		{"empty", "", FOIA, ""},
		{"act then new line", "as the Data Protection Act 2018\nSection 31(3) applies", FOIA, "32:Section 31(3)=FOIA s31(3)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mentions(ScanText(tt.text, tt.regime)); got != tt.want {
				t.Errorf("ScanText(%q, %s)\n got %s\nwant %s", tt.text, tt.regime, got, tt.want)
			}
		})
	}
}

const piBody = `We have applied the exemptions.

## Public interest test

The factors favouring release are weak.`

func TestCheck(t *testing.T) {
	p := func(s string) Provision {
		t.Helper()
		q, err := ParseCanonical(s)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	tests := []struct {
		name string
		f    Facts
		want []string // "line:col code"
	}{
		{"ncnd without NCND provision",
			Facts{Outcome: "ncnd", Provisions: []Provision{p("FOIA s31(1)(a)")}, Body: piBody},
			[]string{"0:0 exemption.ncnd-missing"}},
		{"ncnd with NCND provision",
			Facts{Outcome: "ncnd", Provisions: []Provision{p("FOIA s24(2)"), p("FOIA s31(3)")}, Body: piBody}, nil},
		{"ncnd with FOISA s18",
			Facts{Outcome: "NCND", Provisions: []Provision{p("FOISA s18(1)"), p("FOISA s35(1)(a)")}, Body: piBody, Regime: FOISA}, nil},
		{"ncnd with absolute NCND needs no public interest",
			Facts{Outcome: "ncnd", Provisions: []Provision{p("FOIA s23(5)")}, Body: "Nothing more."}, nil},
		{"disclosed with NCND provision",
			Facts{Outcome: "disclosed", Provisions: []Provision{p("FOIA s40(5B)")}, Body: "Here it is."},
			[]string{"0:0 exemption.ncnd-disclosed"}},
		{"partial with NCND provision is fine",
			Facts{Outcome: "partial", Provisions: []Provision{p("FOIA s40(5B)")}, Body: "Here is part."}, nil},
		{"qualified without public interest",
			Facts{Outcome: "refused", Provisions: []Provision{p("FOIA s43(2)")}, Body: "Commercially sensitive."},
			[]string{"0:0 exemption.public-interest-missing"}},
		{"qualified with balancing test",
			Facts{Outcome: "refused", Provisions: []Provision{p("FOIA s43(2)")}, Body: "### Balancing Test\n\nIt favours withholding."}, nil},
		{"qualified with factors heading",
			Facts{Outcome: "refused", Provisions: []Provision{p("FOIA s31(1)(a)")}, Body: "#### Factors against release\n\nHarm."}, nil},
		{"absolute needs no public interest",
			Facts{Outcome: "refused", Provisions: []Provision{p("FOIA s40(2)"), p("FOIA s21")}, Body: "Personal data. It is published."}, nil},
		{"procedural needs no public interest",
			Facts{Outcome: "refused", Provisions: []Provision{p("FOIA s12(1)")}, Body: "Over the cost limit."}, nil},
		{"not held needs no public interest",
			Facts{Outcome: "not-held", Provisions: []Provision{p("EIR r12(4)(a)")}, Body: "Not held."}, nil},
		{"body cites an unlisted provision",
			Facts{Outcome: "refused", Provisions: []Provision{p("FOIA s31(3)")}, BodyLine: 12,
				Body: piBody + "\n\nWe also rely on Section 24(2) and section 24."},
			[]string{"18:17 exemption.uncited"}},
		{"body names the cited section",
			Facts{Outcome: "refused", Provisions: []Provision{p("FOIA s31(3)")}, BodyLine: 12,
				Body: piBody + "\n\nSection 31 is a qualified exemption; Section 31(1)(a) too."}, nil},
		{"body names the NCND provision of a cited EIR exception",
			Facts{Outcome: "ncnd", Provisions: []Provision{p("EIR r12(5)(a)"), p("EIR r12(6)")}, Regime: EIR,
				Body: piBody + "\n\nregulation 12(5)(a) with regulation 12(6)."}, nil},
		{"body names another EIR exception",
			Facts{Outcome: "refused", Provisions: []Provision{p("EIR r12(4)(e)")}, Regime: EIR, BodyLine: 3,
				Body: piBody + "\nSee regulation 12(5)(b)."},
			[]string{"8:5 exemption.uncited"}},
		{"body boilerplate is not a citation",
			Facts{Outcome: "refused", Provisions: []Provision{p("FOIA s43(2)")}, BodyLine: 5,
				Body: piBody + "\n\nSection 1 of the Freedom of Information Act 2000 places two duties. This is a refusal notice under Section 17. " +
					"You may complain under section 50. Requests over the Section 12 cost limit. A search under section 23 of the Misuse of Drugs Act 1971."}, nil},
		{"everything wrong at once",
			Facts{Outcome: "ncnd", Provisions: []Provision{p("FOIA s43(2)")}, BodyLine: 20, Body: "Also Section 38(1)(a)."},
			[]string{"0:0 exemption.ncnd-missing", "0:0 exemption.public-interest-missing", "20:6 exemption.uncited"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range Check(tt.f) {
				got = append(got, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Code))
				if d.Severity != diag.Warning {
					t.Errorf("%s: severity %v, want warning", d.Code, d.Severity)
				}
				if d.Path != "" || d.Message == "" || d.Hint == "" {
					t.Errorf("diagnostic %+v: want empty path, a message and a hint", d)
				}
			}
			if strings.Join(got, ", ") != strings.Join(tt.want, ", ") {
				t.Errorf("Check() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCheckMessages(t *testing.T) {
	f := Facts{Outcome: "ncnd", Provisions: []Provision{NewProvision(FOIA, "31", "1", "a")}, Body: "Section 24(2) applies.", BodyLine: 9}
	ds := Check(f)
	if len(ds) != 3 {
		t.Fatalf("Check = %v", ds)
	}
	wants := []string{
		`x.md: warning: outcome is "ncnd" but no neither-confirm-nor-deny provision is cited (cite FOIA s31(3) for FOIA s31(1)(a), or change the outcome)`,
		`warning: FOIA s31(1)(a) is a qualified exemption cited but the body gives no public interest reasoning`,
		`:9:1: warning: the body cites FOIA s24(2) (National security), which the front-matter exemptions do not list (add "FOIA s24(2)" to exemptions`,
	}
	for i, w := range wants {
		d := ds[i]
		d.Path = "content/responses/x.md"
		if !strings.Contains(d.String(), w) && !strings.Contains(":"+d.String(), w) {
			t.Errorf("diagnostic %d = %q, want it to contain %q", i, d.String(), w)
		}
	}
}
