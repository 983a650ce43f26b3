// Package exemption knows the law that UK disclosure logs cite: a registry
// of the provisions of the four access-to-information regimes, a
// normaliser that turns citations as staff write them into canonical
// provisions, a scanner for citations in body text, and consistency checks
// between a response's front-matter and its body.
//
// # Regimes
//
// A Regime is one of FOIA (Freedom of Information Act 2000), FOISA
// (Freedom of Information (Scotland) Act 2002), EIR (Environmental
// Information Regulations 2004) and EISR (Environmental Information
// (Scotland) Regulations 2004). The same number means different things in
// each: FOIA s31 is law enforcement, FOISA s31 national security.
//
// # Canonical form
//
// A Provision prints as the regime, a space, "s" for a section of an Act or
// "r" for a regulation, the number, and the path of subsections,
// paragraphs and sub-paragraphs in parentheses:
//
//	FOIA s31(3)    FOIA s31(1)(a)    FOIA s22A    FOIA s40(5B)
//	FOISA s35(1)(a)    EIR r12(5)(b)    EISR r10(5)(b)
//
// Numbers keep an upper-case letter (22A, 5A); paragraph letters and
// roman sub-paragraphs are lower case ((ab), (ii)). ParseCanonical reads
// exactly this form back.
//
// # Slugs
//
// Provision.Slug is the canonical form in lower case with every part joined
// by hyphens: "foia-s31-3", "foia-s31-1-a", "foia-s22a", "foia-s40-5b",
// "eir-r12-5-b". Provision.SectionSlug is the section alone: "foia-s31",
// "eir-r12". Slugs are unique: a subsection letter is always its own part
// ("foia-s40-5a" is s40(5A); s40(5)(a) would be "foia-s40-5-a").
//
// # Registry
//
// Entries returns every provision the registry lists, sorted by Compare.
// Each Entry holds:
//
//   - Provision: the provision.
//   - Title: the statutory short title of its section ("Law enforcement").
//   - Detail: what a subsection covers ("the prevention or detection of
//     crime"); empty at section level.
//   - Absolute: no public interest test applies. Nuance qualifies it where
//     the statute is mixed (FOIA s40(2) is absolute only under the first
//     condition; s36 only for the Houses of Parliament; s37(1)(a) to (ab)
//     are absolute, the rest of s37 qualified).
//   - Basis: "class" (exempt because of what the information is) or
//     "prejudice" (exempt only if disclosure would harm an interest); empty
//     for procedural provisions.
//   - Procedural: not an exemption but another ground for the answer: FOIA
//     s1(1)(a) (information not held), s12 (cost limit), s14 (vexatious or
//     repeated), FOISA s12, s14 and s17, EIR r12(4)(a) and EISR r10(4)(a).
//   - NCND: the provision is itself a neither-confirm-nor-deny provision
//     (FOIA s31(3), FOIA s40(5B), FOISA s18(1), EIR r12(6), EIR r13(5A),
//     EISR r10(8), EISR r11(6)). FOIA s12(2), the cost of confirming or
//     denying alone, counts as one too.
//   - NCNDProvision: the NCND provision that goes with an exemption (FOIA
//     s31(3) for s31(1)(a); FOISA s18(1) for FOISA ss28 to 35, 38, 39(1)
//     and 41; nil where there is none, as for FOIA s21).
//   - Historical: replaced in 2018 but found in older responses (FOIA
//     s40(3), s40(4), s40(5); EIR r13(2), r13(5)).
//   - URL: the section or regulation on legislation.gov.uk.
//   - Explanation: two to four plain-English sentences for the public.
//   - Aliases: other names staff give the provision, used to match labels.
//
// Subsections are listed where responses cite them and the statute has
// them: all of FOIA s31(1)(a) to (i) and s31(2)(a) to (j), s30(1)(a) to
// (c), s36(2)(a) to (c) with their sub-paragraphs, s38(1)(a) and (b),
// s40(1) to (5B), s43(1) to (3), and so on. A provision not listed is
// unknown: Lookup finds its nearest listed ancestor, and ParseCitation
// reports it as an error with the nearest listed ones as suggestions.
//
// # Citations
//
// ParseCitation reads one front-matter citation ("Section 31(3) Law
// Enforcement", "s.31(1)(a)", "section 40(2)&(3)", "Reg 12(5)(b)",
// "Section 18(1) in conjunction with sections 34(1)(b), 35(1)(a) & (b)").
// Text after the numbers is a label: it is not part of the identity, but
// a label that contradicts the statute ("Section 31 National Security"
// under FOIA) is a warning naming both; labels are matched loosely, by
// significant words, aliases and word stems, so "Personal Information"
// agrees with FOIA s40 and "Law Enforcement (NCND)" with s31(3).
// "(1)(a)(b)" and "(2)(3)" list two provisions; "(a)-(c)" is a range;
// "Section 40 subsection 2" is s40(2). The regime is the file's unless the
// citation names an Act; "Regulation", "Reg" and "r" mean the
// environmental regulations of the file's jurisdiction; "the EIRs" in a
// Scottish response means the EISR.
//
// ScanText finds citations in body text, ignoring sections of other Acts.
// Check compares front-matter and body: NCND outcome without an NCND
// provision (and the reverse), qualified exemptions without public
// interest reasoning, and provisions cited in the body but not listed.
package exemption
