package exemption

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestParseRegime(t *testing.T) {
	tests := []struct {
		in   string
		want Regime
		ok   bool
	}{
		{"FOIA", FOIA, true}, {"foia", FOIA, true}, {" FoIA ", FOIA, true},
		{"Freedom of Information Act 2000", FOIA, true}, {"the Freedom of Information Act", FOIA, true},
		{"FOISA", FOISA, true}, {"FOI(S)A", FOISA, true},
		{"Freedom of Information (Scotland) Act 2002", FOISA, true},
		{"EIR", EIR, true}, {"EIRs", EIR, true}, {"Environmental Information Regulations 2004", EIR, true},
		{"EISR", EISR, true}, {"ei(s)r", EISR, true},
		{"Environmental Information (Scotland) Regulations 2004", EISR, true},
		{"", "", false}, {"DPA", "", false}, {"FOI", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseRegime(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseRegime(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRegimes(t *testing.T) {
	want := []Regime{FOIA, FOISA, EIR, EISR}
	if got := Regimes(); !slices.Equal(got, want) {
		t.Fatalf("Regimes() = %v, want %v", got, want)
	}
	titles := map[Regime]string{
		FOIA: "Freedom of Information Act 2000", FOISA: "Freedom of Information (Scotland) Act 2002",
		EIR: "Environmental Information Regulations 2004", EISR: "Environmental Information (Scotland) Regulations 2004",
	}
	for _, r := range want {
		if r.Title() != titles[r] {
			t.Errorf("%s.Title() = %q, want %q", r, r.Title(), titles[r])
		}
		if r.Slug() != strings.ToLower(string(r)) {
			t.Errorf("%s.Slug() = %q", r, r.Slug())
		}
		if back, ok := ParseRegime(r.Title()); !ok || back != r {
			t.Errorf("ParseRegime(%q) = %q, %v", r.Title(), back, ok)
		}
	}
}

func TestProvisionForms(t *testing.T) {
	tests := []struct {
		p                          Provision
		str, slug, secSlug, parent string
	}{
		{NewProvision(FOIA, "31", "3"), "FOIA s31(3)", "foia-s31-3", "foia-s31", "FOIA s31"},
		{NewProvision(FOIA, "31", "1", "a"), "FOIA s31(1)(a)", "foia-s31-1-a", "foia-s31", "FOIA s31(1)"},
		{NewProvision(FOISA, "35", "1", "A"), "FOISA s35(1)(a)", "foisa-s35-1-a", "foisa-s35", "FOISA s35(1)"},
		{NewProvision(EIR, "12", "5", "b"), "EIR r12(5)(b)", "eir-r12-5-b", "eir-r12", "EIR r12(5)"},
		{NewProvision(EISR, "10", "5", "b"), "EISR r10(5)(b)", "eisr-r10-5-b", "eisr-r10", "EISR r10(5)"},
		{NewProvision(FOIA, "22a"), "FOIA s22A", "foia-s22a", "foia-s22a", "FOIA s22A"},
		{NewProvision(FOIA, "40", "5a"), "FOIA s40(5A)", "foia-s40-5a", "foia-s40", "FOIA s40"},
		{NewProvision(FOIA, "36", "2", "b", "ii"), "FOIA s36(2)(b)(ii)", "foia-s36-2-b-ii", "foia-s36", "FOIA s36(2)(b)"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.str {
			t.Errorf("String() = %q, want %q", got, tt.str)
		}
		if got := tt.p.Slug(); got != tt.slug {
			t.Errorf("%s.Slug() = %q, want %q", tt.p, got, tt.slug)
		}
		if got := tt.p.SectionSlug(); got != tt.secSlug {
			t.Errorf("%s.SectionSlug() = %q, want %q", tt.p, got, tt.secSlug)
		}
		parent, _ := tt.p.Parent()
		if parent.String() != tt.parent {
			t.Errorf("%s.Parent() = %s, want %s", tt.p, parent, tt.parent)
		}
		if got := tt.p.SectionOf(); got.Path != "" || got.Section != tt.p.Section || got.Regime != tt.p.Regime {
			t.Errorf("%s.SectionOf() = %#v", tt.p, got)
		}
		back, err := ParseCanonical(tt.str)
		if err != nil || back != tt.p {
			t.Errorf("ParseCanonical(%q) = %#v, %v; want %#v", tt.str, back, err, tt.p)
		}
	}
	if got := NewProvision(FOIA, "31", "1", "a").Parts(); !slices.Equal(got, []string{"1", "a"}) {
		t.Errorf("Parts() = %q", got)
	}
	if NewProvision(FOIA, "31").Parts() != nil {
		t.Errorf("Parts() of a section should be nil")
	}
}

func TestParseCanonicalRejects(t *testing.T) {
	for _, s := range []string{
		"", "FOIA", "FOIA 31", "FOIA r31", "EIR s12", "foia s31", "FOIA s31(", "FOIA s31(3", "FOIA s31()",
		"FOIA s31(A)", "FOIA s31(5a)", "FOIA s031", "FOIA s1234", "FOIA s31 (3)", "FOIA  s31", "XYZ s1",
		"Section 31(3)", "FOIA s22a", "FOIA s31(1)(abcde)", "FOIA s31(100)",
	} {
		if p, err := ParseCanonical(s); err == nil {
			t.Errorf("ParseCanonical(%q) = %v, want an error", s, p)
		} else if !strings.Contains(err.Error(), "parse canonical provision") {
			t.Errorf("error %q should name the operation", err)
		}
	}
}

func TestCompare(t *testing.T) {
	// Already in order.
	ordered := []string{
		"FOIA s1(1)(a)", "FOIA s12", "FOIA s12(1)", "FOIA s12(2)", "FOIA s22", "FOIA s22(1)", "FOIA s22A",
		"FOIA s23", "FOIA s31", "FOIA s31(1)", "FOIA s31(1)(a)", "FOIA s31(1)(i)", "FOIA s31(2)",
		"FOIA s31(2)(j)", "FOIA s31(3)", "FOIA s36(2)(a)(i)", "FOIA s36(2)(a)(ii)", "FOIA s36(2)(a)(iii)",
		"FOIA s37(1)(a)", "FOIA s37(1)(aa)", "FOIA s37(1)(ab)", "FOIA s37(1)(b)", "FOIA s40(2)",
		"FOIA s40(3)", "FOIA s40(3A)", "FOIA s40(3B)", "FOIA s40(4)", "FOIA s40(5)", "FOIA s40(5A)",
		"FOIA s40(5B)", "FOIA s44", "FOISA s12", "FOISA s35(1)(a)", "EIR r12(4)(a)", "EIR r12(5)(b)",
		"EIR r13", "EISR r10(5)(b)", "EISR r11",
	}
	var ps []Provision
	for _, s := range ordered {
		p, err := ParseCanonical(s)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	for i := range ps {
		for j := range ps {
			want := cmpInt(i, j)
			if got := Compare(ps[i], ps[j]); got != want {
				t.Errorf("Compare(%s, %s) = %d, want %d", ps[i], ps[j], got, want)
			}
		}
	}
	big := Provision{Regime: FOIA, Section: "100"}
	if Compare(NewProvision(FOIA, "23"), big) >= 0 {
		t.Errorf("s23 should sort before s100")
	}
	if Compare(Provision{Regime: FOIA, Section: "36", Path: "(2)(b)(iv)"}, Provision{Regime: FOIA, Section: "36", Path: "(2)(b)(ix)"}) >= 0 {
		t.Errorf("(iv) should sort before (ix)")
	}
}

var sentenceEnd = regexp.MustCompile(`[.!?](\s|$)`)

func TestRegistryInvariants(t *testing.T) {
	entries := Entries()
	if len(entries) < 300 {
		t.Fatalf("registry has %d entries, want the full statutes", len(entries))
	}
	if !slices.IsSortedFunc(entries, func(a, b Entry) int { return Compare(a.Provision, b.Provision) }) {
		t.Errorf("Entries() not sorted by Compare")
	}
	seen := map[Provision]bool{}
	slugs := map[string]Provision{}
	for _, e := range entries {
		p := e.Provision
		if seen[p] {
			t.Errorf("%s listed twice", p)
		}
		seen[p] = true
		if other, ok := slugs[p.Slug()]; ok {
			t.Errorf("%s and %s share slug %q", p, other, p.Slug())
		}
		slugs[p.Slug()] = p
		if back, err := ParseCanonical(p.String()); err != nil || back != p {
			t.Errorf("ParseCanonical(%q) = %v, %v", p, back, err)
		}
		if c, probs := ParseCitation(p.String(), FOIA); len(probs) > 0 || len(c.Provisions) != 1 || c.Provisions[0] != p {
			t.Errorf("ParseCitation(%q) = %v, %v", p, c.Provisions, probs)
		}
		if !Listed(p) {
			t.Errorf("Listed(%s) = false", p)
		}
		if got, ok := Lookup(p); !ok || got.Provision != p {
			t.Errorf("Lookup(%s) = %s, %v", p, got.Provision, ok)
		}
		if e.Title == "" {
			t.Errorf("%s: empty title", p)
		}
		if (p.Path == "") != (e.Detail == "") && !e.NCND {
			t.Errorf("%s: detail %q: want one for subsections only", p, e.Detail)
		}
		if n := len(sentenceEnd.FindAllString(e.Explanation, -1)); n < 2 || n > 4 {
			t.Errorf("%s: explanation has %d sentences, want 2 to 4: %q", p, n, e.Explanation)
		}
		if strings.Contains(e.Explanation, "  ") || !strings.HasSuffix(e.Explanation, ".") {
			t.Errorf("%s: explanation %q badly formed", p, e.Explanation)
		}
		wantURL := p.Regime.URLBase() + p.Section
		if e.URL != wantURL {
			t.Errorf("%s: URL %q, want %q", p, e.URL, wantURL)
		}
		if u, err := url.Parse(e.URL); err != nil || u.Scheme != "https" || u.Host != "www.legislation.gov.uk" {
			t.Errorf("%s: URL %q is not a legislation.gov.uk link", p, e.URL)
		}
		if e.Procedural && e.Basis != "" {
			t.Errorf("%s: procedural with basis %q", p, e.Basis)
		}
		if !e.Procedural && !e.NCND && e.Basis == "" && !(p.Regime.Regulations() && (p.Path == "" || strings.HasPrefix(p.Path, "(4)"))) {
			t.Errorf("%s: exemption without a basis", p)
		}
		if e.Basis != "" && e.Basis != Class && e.Basis != Prejudice {
			t.Errorf("%s: basis %q", p, e.Basis)
		}
		if e.NCNDProvision != nil {
			n, ok := Lookup(*e.NCNDProvision)
			if !ok || n.Provision != *e.NCNDProvision || !n.NCND {
				t.Errorf("%s: NCND provision %s does not resolve to an NCND entry", p, e.NCNDProvision)
			}
		}
		if e.NCND && e.NCNDProvision != nil {
			t.Errorf("%s: an NCND provision should not point to another", p)
		}
		if parent, ok := p.Parent(); ok && !Listed(parent) && parent.Path != "" {
			// Intermediate levels may be omitted, but the section must exist.
			if !Listed(p.SectionOf()) {
				t.Errorf("%s: section not listed", p)
			}
		}
		if !Listed(p.SectionOf()) {
			t.Errorf("%s: section %s not listed", p, p.SectionOf())
		}
	}
	// Lookup returns copies.
	e, _ := Lookup(NewProvision(FOIA, "31", "1", "a"))
	e.NCNDProvision.Section = "99"
	e.Aliases = append(e.Aliases[:0], "changed")
	if again, _ := Lookup(NewProvision(FOIA, "31", "1", "a")); again.NCNDProvision.Section != "31" {
		t.Errorf("Lookup result shares memory with the registry")
	}
}

func TestRegistryCoverage(t *testing.T) {
	want := map[Regime][]string{
		FOIA: {"1", "12", "14", "21", "22", "22A", "23", "24", "26", "27", "28", "29", "30", "31", "32", "33",
			"34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44"},
		FOISA: {"1", "12", "14", "17", "18", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35",
			"36", "37", "38", "39", "40", "41"},
		EIR:  {"12", "13"},
		EISR: {"10", "11"},
	}
	for r, nums := range want {
		var got []string
		for _, e := range Sections(r) {
			got = append(got, e.Provision.Section)
			if e.Provision.Regime != r || e.Provision.Path != "" {
				t.Errorf("Sections(%s) returned %s", r, e.Provision)
			}
		}
		if !slices.Equal(got, nums) {
			t.Errorf("Sections(%s) = %v, want %v", r, got, nums)
		}
	}
	if Sections("XYZ") != nil {
		t.Errorf("Sections of an unknown regime should be nil")
	}

	mustList := []string{
		"FOIA s1(1)(a)", "FOIA s12(1)", "FOIA s12(2)", "FOIA s14(1)", "FOIA s14(2)", "FOIA s30(1)(a)",
		"FOIA s30(1)(b)", "FOIA s30(1)(c)", "FOIA s31(1)(a)", "FOIA s31(1)(b)", "FOIA s31(1)(c)",
		"FOIA s31(1)(d)", "FOIA s31(1)(e)", "FOIA s31(1)(f)", "FOIA s31(1)(g)", "FOIA s31(1)(h)",
		"FOIA s31(1)(i)", "FOIA s38(1)(a)", "FOIA s40(2)", "FOIA s43(2)", "FOIA s37(1)(ab)",
		"FOISA s35(1)(a)", "FOISA s18(1)", "FOISA s38(1)(b)",
		"EIR r12(4)(a)", "EIR r12(4)(b)", "EIR r12(4)(c)", "EIR r12(4)(d)", "EIR r12(4)(e)",
		"EIR r12(5)(a)", "EIR r12(5)(b)", "EIR r12(5)(c)", "EIR r12(5)(d)", "EIR r12(5)(e)",
		"EIR r12(5)(f)", "EIR r12(5)(g)", "EIR r12(6)", "EIR r13(5A)", "EIR r13(5B)",
		"EISR r10(4)(a)", "EISR r10(4)(e)", "EISR r10(5)(a)", "EISR r10(5)(g)", "EISR r11",
	}
	for _, s := range mustList {
		p, _ := ParseCanonical(s)
		if !Listed(p) {
			t.Errorf("%s is not listed", s)
		}
	}

	// Every neither-confirm-nor-deny provision of FOIA; s21 has none.
	ncnd := []string{"s22(2)", "s22A(2)", "s23(5)", "s24(2)", "s26(3)", "s27(4)", "s28(3)", "s29(2)", "s30(3)",
		"s31(3)", "s32(3)", "s33(3)", "s34(2)", "s35(3)", "s36(3)", "s37(2)", "s38(2)", "s39(2)", "s40(5)",
		"s40(5A)", "s40(5B)", "s41(2)", "s42(2)", "s43(3)", "s44(2)"}
	for _, s := range ncnd {
		p, err := ParseCanonical("FOIA " + s)
		if err != nil {
			t.Fatal(err)
		}
		e, ok := Lookup(p)
		if !ok || e.Provision != p || !e.NCND {
			t.Errorf("FOIA %s should be listed as an NCND provision", s)
		}
		sec, _ := Lookup(p.SectionOf())
		if s != "s40(5)" && (sec.NCNDProvision == nil || sec.NCNDProvision.SectionOf() != p.SectionOf()) {
			t.Errorf("FOIA %s: section's NCND provision = %v", s, sec.NCNDProvision)
		}
	}
	if e, _ := Lookup(NewProvision(FOIA, "21")); e.NCNDProvision != nil {
		t.Errorf("FOIA s21 has no NCND provision, got %s", e.NCNDProvision)
	}
	// FOISA s18 goes with ss28-35, 38, 39(1) and 41, and no others.
	s18 := NewProvision(FOISA, "18", "1")
	for _, e := range Sections(FOISA) {
		n, _ := splitNumber(e.Provision.Section)
		want := (n >= 28 && n <= 35) || n == 38 || n == 41
		got := e.NCNDProvision != nil && *e.NCNDProvision == s18
		if got != want {
			t.Errorf("%s: NCND provision %v, want s18(1): %v", e.Provision, e.NCNDProvision, want)
		}
	}
	if e, _ := Lookup(NewProvision(FOISA, "39", "1")); e.NCNDProvision == nil || *e.NCNDProvision != s18 {
		t.Errorf("FOISA s39(1) should go with s18(1)")
	}
	if e, _ := Lookup(NewProvision(FOISA, "39", "2")); e.NCNDProvision != nil {
		t.Errorf("FOISA s39(2) has no NCND provision")
	}
}

func TestRegistryNuances(t *testing.T) {
	tests := []struct {
		p          string
		absolute   bool
		basis      Basis
		procedural bool
		nuance     bool
	}{
		{"FOIA s21", true, Class, false, false},
		{"FOIA s23(1)", true, Class, false, false},
		{"FOIA s24(1)", false, Prejudice, false, false},
		{"FOIA s30(1)(a)", false, Class, false, false},
		{"FOIA s31(1)(a)", false, Prejudice, false, false},
		{"FOIA s31(3)", false, Prejudice, false, false},
		{"FOIA s36", false, Prejudice, false, true},
		{"FOIA s37(1)(a)", true, Class, false, false},
		{"FOIA s37(1)(ab)", true, Class, false, false},
		{"FOIA s37(1)(b)", false, Class, false, false},
		{"FOIA s40(1)", true, Class, false, false},
		{"FOIA s40(2)", true, Class, false, true},
		{"FOIA s41", true, Class, false, false},
		{"FOIA s43(1)", false, Class, false, false},
		{"FOIA s43(2)", false, Prejudice, false, false},
		{"FOIA s44", true, Class, false, false},
		{"FOIA s12(1)", false, "", true, false},
		{"FOIA s14(1)", false, "", true, false},
		{"FOIA s1(1)(a)", false, "", true, false},
		{"FOISA s17", false, "", true, false},
		{"FOISA s36(1)", false, Class, false, false},
		{"FOISA s36(2)", true, Class, false, false},
		{"FOISA s38(1)(b)", true, Class, false, true},
		{"FOISA s41(a)", false, Class, false, false},
		{"EIR r12(4)(a)", false, "", true, false},
		{"EIR r12(4)(e)", false, Class, false, false},
		{"EIR r12(5)(b)", false, Prejudice, false, false},
		{"EIR r13", true, Class, false, true},
		{"EISR r10(5)(b)", false, Prejudice, false, false},
	}
	for _, tt := range tests {
		p, err := ParseCanonical(tt.p)
		if err != nil {
			t.Fatal(err)
		}
		e, ok := Lookup(p)
		if !ok || e.Provision != p {
			t.Fatalf("%s not listed", tt.p)
		}
		if e.Absolute != tt.absolute || e.Basis != tt.basis || e.Procedural != tt.procedural || (e.Nuance != "") != tt.nuance {
			t.Errorf("%s: absolute %v basis %q procedural %v nuance %q; want %v %q %v nuance %v",
				tt.p, e.Absolute, e.Basis, e.Procedural, e.Nuance, tt.absolute, tt.basis, tt.procedural, tt.nuance)
		}
	}
}

func TestLookupAncestor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"FOIA s31(1)(a)", "FOIA s31(1)(a)"},
		{"FOIA s31(9)", "FOIA s31"},
		{"FOIA s31(1)(a)(iv)", "FOIA s31(1)(a)"},
		{"FOIA s40(2)(c)", "FOIA s40(2)"},
		{"FOISA s40(1)", "FOISA s40"},
	}
	for _, tt := range tests {
		p, _ := ParseCanonical(tt.in)
		e, ok := Lookup(p)
		if !ok || e.Provision.String() != tt.want {
			t.Errorf("Lookup(%s) = %s, %v; want %s", tt.in, e.Provision, ok, tt.want)
		}
		if Listed(p) != (tt.in == tt.want) {
			t.Errorf("Listed(%s) = %v", tt.in, Listed(p))
		}
	}
	for _, s := range []string{"FOIA s46", "FOISA s24", "EIR r14", "EISR r12"} {
		p, _ := ParseCanonical(s)
		if e, ok := Lookup(p); ok {
			t.Errorf("Lookup(%s) = %s, want not found", s, e.Provision)
		}
	}
}
