package synth

// Regimes, as written in front-matter and foilog.yaml.
const (
	foia  = "FOIA"
	foisa = "FOISA"
	eir   = "EIR"
	eisr  = "EISR"
)

// family groups provisions whose reasoning reads alike (FOIA s31, FOISA
// s35 and EIR reg 12(5)(b) all protect law enforcement), so that one phrase
// bank serves every regime.
type family int

const (
	famCost family = iota
	famVexatious
	famAccessible
	famFuture
	famSecurity
	famLaw
	famCourt
	famAffairs
	famHealth
	famPersonal
	famConfidence
	famLegal
	famCommercial
	famProhibition
	famNCND    // a bare neither-confirm-nor-deny provision (FOISA s18(1), EIR reg 12(6))
	famNotHeld // information not held, or the general right of access

	famAny family = -1 // keys the phrases that suit every family
)

// provision is a real provision of one regime that responses cite.
type provision struct {
	regime    string
	num       string // "31(3)", "12(5)(a)", "13"
	name      string // the short title staff write after the number
	fam       family
	qualified bool // a public interest test applies
	ncnd      bool // the duty to confirm or deny does not arise
}

// statute returns "Section" or "Regulation" for the provision's regime.
func (p *provision) statute() string {
	if p.regime == eir || p.regime == eisr {
		return "Regulation"
	}
	return "Section"
}

// canonical returns the citation as the body of a response writes it in
// headings: "Section 31(3) Law Enforcement".
func (p *provision) canonical() string { return p.statute() + " " + p.num + " " + p.name }

// prov looks a provision up by regime and number; it panics on a typo in
// the tables below, which the tests exercise.
func prov(regime, num string) *provision {
	for i := range provisions {
		if provisions[i].regime == regime && provisions[i].num == num {
			return &provisions[i]
		}
	}
	panic("synth: no provision " + regime + " " + num)
}

// provisions lists every provision the generator cites.
var provisions = []provision{
	// Freedom of Information Act 2000.
	{foia, "1(1)(a)", "General right of access", famNotHeld, false, false},
	{foia, "12(1)", "Cost of compliance exceeds appropriate limit", famCost, false, false},
	{foia, "14(1)", "Vexatious requests", famVexatious, false, false},
	{foia, "21(1)", "Information accessible to applicant by other means", famAccessible, false, false},
	{foia, "22(1)", "Information intended for future publication", famFuture, true, false},
	{foia, "23(1)", "Information supplied by, or concerning, certain security bodies", famSecurity, false, false},
	{foia, "23(5)", "Information supplied by, or concerning, certain security bodies", famSecurity, false, true},
	{foia, "24(1)", "National Security", famSecurity, true, false},
	{foia, "24(2)", "National Security", famSecurity, true, true},
	{foia, "30(1)", "Investigations and proceedings", famLaw, true, false},
	{foia, "30(3)", "Investigations and proceedings", famLaw, true, true},
	{foia, "31(1)", "Law Enforcement", famLaw, true, false},
	{foia, "31(1)(a)", "Law Enforcement", famLaw, true, false},
	{foia, "31(3)", "Law Enforcement", famLaw, true, true},
	{foia, "32(1)", "Court records", famCourt, false, false},
	{foia, "36(2)(c)", "Prejudice to effective conduct of public affairs", famAffairs, true, false},
	{foia, "38(1)", "Health and Safety", famHealth, true, false},
	{foia, "38(2)", "Health and Safety", famHealth, true, true},
	{foia, "40(2)", "Personal information", famPersonal, false, false},
	{foia, "40(5)", "Personal information", famPersonal, false, true},
	{foia, "41(1)", "Information provided in confidence", famConfidence, false, false},
	{foia, "42(1)", "Legal professional privilege", famLegal, true, false},
	{foia, "43(2)", "Commercial interests", famCommercial, true, false},
	{foia, "43(3)", "Commercial interests", famCommercial, true, true},
	{foia, "44(1)", "Prohibitions on disclosure", famProhibition, false, false},
	{foia, "44(2)", "Prohibitions on disclosure", famProhibition, false, true},

	// Freedom of Information (Scotland) Act 2002.
	{foisa, "12(1)", "Excessive cost of compliance", famCost, false, false},
	{foisa, "14(1)", "Vexatious or repeated requests", famVexatious, false, false},
	{foisa, "17(1)", "Information not held", famNotHeld, false, false},
	{foisa, "18(1)", "Neither confirm nor deny", famNCND, false, true},
	{foisa, "25(1)", "Information otherwise accessible", famAccessible, false, false},
	{foisa, "26(a)", "Prohibitions on disclosure", famProhibition, false, false},
	{foisa, "27(1)", "Information intended for future publication", famFuture, true, false},
	{foisa, "30(c)", "Prejudice to effective conduct of public affairs", famAffairs, true, false},
	{foisa, "31(1)", "National security and defence", famSecurity, true, false},
	{foisa, "33(1)(b)", "Commercial interests and the economy", famCommercial, true, false},
	{foisa, "34(1)(a)", "Investigations by Scottish public authorities", famLaw, true, false},
	{foisa, "35(1)(a)", "Law enforcement", famLaw, true, false},
	{foisa, "35(1)(b)", "Law enforcement", famLaw, true, false},
	{foisa, "36(1)", "Confidentiality", famLegal, true, false},
	{foisa, "38(1)(b)", "Personal information", famPersonal, false, false},
	{foisa, "39(1)", "Health, safety and the environment", famHealth, true, false},

	// Environmental Information Regulations 2004.
	{eir, "12(4)(a)", "Information not held", famNotHeld, false, false},
	{eir, "12(4)(b)", "Manifestly unreasonable", famCost, true, false},
	{eir, "12(4)(d)", "Material in the course of completion", famFuture, true, false},
	{eir, "12(4)(e)", "Internal communications", famAffairs, true, false},
	{eir, "12(5)(a)", "International relations, defence, national security or public safety", famSecurity, true, false},
	{eir, "12(5)(b)", "The course of justice", famLaw, true, false},
	{eir, "12(5)(e)", "Confidentiality of commercial or industrial information", famCommercial, true, false},
	{eir, "12(5)(f)", "Interests of the person who provided the information", famConfidence, true, false},
	{eir, "12(6)", "Neither confirm nor deny", famNCND, true, true},
	{eir, "13", "Personal data", famPersonal, false, false},
	{eir, "13(1)", "Personal data", famPersonal, false, false},

	// Environmental Information (Scotland) Regulations 2004.
	{eisr, "10(4)(a)", "Information not held", famNotHeld, false, false},
	{eisr, "10(4)(b)", "Manifestly unreasonable", famCost, true, false},
	{eisr, "10(5)(a)", "International relations, defence, national security or public safety", famSecurity, true, false},
	{eisr, "10(5)(b)", "The course of justice", famLaw, true, false},
	{eisr, "10(5)(e)", "Confidentiality of commercial or industrial information", famCommercial, true, false},
	{eisr, "10(8)", "Neither confirm nor deny", famNCND, true, true},
	{eisr, "11(2)", "Personal data", famPersonal, false, false},
}

// cited is one front-matter exemption entry: the provisions it names and
// how it is written. An entry may name two provisions ("Sections 23(5) and
// 24(2)").
type cited struct {
	provs []*provision
	text  string
}

// exemptionSets lists, by regime and then outcome, the sets of provision
// numbers a response with that outcome cites, in citation order. A set is
// chosen uniformly, so a repeated set is a more common one. Disclosed
// responses cite nothing; a not-held response cites its set or nothing.
var exemptionSets = map[string]map[string][][]string{
	foia: {
		"partial": {
			{"40(2)"}, {"40(2)"}, {"40(2)"}, {"31(1)"}, {"31(1)(a)"}, {"43(2)"}, {"40(2)", "31(1)"},
			{"21(1)"}, {"12(1)"}, {"38(1)"}, {"30(1)"}, {"40(2)", "43(2)"}, {"24(1)", "31(1)"}, {"22(1)"},
		},
		"refused": {
			{"12(1)"}, {"12(1)"}, {"12(1)"}, {"14(1)"}, {"31(1)"}, {"24(1)", "31(1)"}, {"30(1)", "40(2)"},
			{"40(2)"}, {"43(2)"}, {"21(1)"}, {"22(1)"}, {"42(1)"}, {"41(1)"}, {"44(1)"}, {"36(2)(c)"},
			{"32(1)"}, {"23(1)", "24(1)"}, {"38(1)", "31(1)"}, {"24(1)", "31(1)", "40(2)"},
		},
		"ncnd": {
			{"23(5)", "24(2)"}, {"23(5)", "24(2)"}, {"31(3)"}, {"30(3)"}, {"40(5)"}, {"24(2)", "31(3)"},
			{"23(5)", "24(2)", "31(3)"}, {"30(3)", "40(5)"}, {"38(2)", "31(3)"}, {"43(3)"}, {"44(2)"},
		},
		"not-held": {{"1(1)(a)"}},
	},
	foisa: {
		"partial": {
			{"38(1)(b)"}, {"38(1)(b)"}, {"35(1)(a)"}, {"33(1)(b)"}, {"25(1)"}, {"12(1)"},
			{"35(1)(a)", "38(1)(b)"}, {"39(1)"},
		},
		"refused": {
			{"12(1)"}, {"12(1)"}, {"14(1)"}, {"35(1)(a)"}, {"35(1)(a)", "35(1)(b)"}, {"31(1)", "35(1)(a)"},
			{"38(1)(b)"}, {"33(1)(b)"}, {"27(1)"}, {"25(1)"}, {"36(1)"}, {"30(c)"}, {"26(a)"},
		},
		"ncnd": {
			{"18(1)", "35(1)(a)"}, {"18(1)", "35(1)(a)"}, {"18(1)", "31(1)", "35(1)(a)"},
			{"18(1)", "34(1)(a)"}, {"18(1)", "39(1)"},
		},
		"not-held": {{"17(1)"}},
	},
	eir: {
		"partial":  {{"13(1)"}, {"13"}, {"12(5)(e)"}, {"12(5)(a)"}, {"13(1)", "12(5)(b)"}},
		"refused":  {{"12(4)(b)"}, {"12(5)(a)"}, {"12(5)(b)"}, {"12(5)(e)"}, {"12(4)(d)"}, {"12(4)(e)"}, {"12(5)(f)"}, {"13(1)"}},
		"ncnd":     {{"12(6)", "12(5)(a)"}, {"12(6)", "12(5)(b)"}},
		"not-held": {{"12(4)(a)"}},
	},
	eisr: {
		"partial":  {{"11(2)"}, {"10(5)(e)"}, {"10(5)(a)"}},
		"refused":  {{"10(4)(b)"}, {"10(5)(a)"}, {"10(5)(b)"}, {"10(5)(e)"}, {"11(2)"}},
		"ncnd":     {{"10(8)", "10(5)(a)"}, {"10(8)", "10(5)(b)"}},
		"not-held": {{"10(4)(a)"}},
	},
}
