package exemption

import (
	"fmt"
	"strings"
)

// This file is the registry itself: every provision of the four regimes
// that disclosure logs cite, with the facts a reader needs. Each section is
// written once (sec) with its subsections (sub) beneath it; buildEntries
// turns the table into Entry values, letting each subsection inherit what
// it does not override.
//
// Sources: the Acts and Regulations as published on legislation.gov.uk, in
// their current form, plus the provisions replaced in 2018 that older
// responses still cite (marked historical). The explanations are our own
// words, for the public.

// tri overrides an inherited boolean.
type tri int8

const (
	inherit tri = iota
	yes
	no
)

// sec is one section (or regulation) of the table.
type sec struct {
	r          Regime
	num        string
	title      string
	absolute   bool
	nuance     string
	basis      Basis
	procedural bool
	// ncnd names the neither-confirm-nor-deny provision for the section:
	// a path within it ("(3)"), a canonical provision ("FOISA s18(1)"), or
	// "" for none.
	ncnd string
	// isNCND marks a section that is itself an NCND provision (FOISA s18).
	isNCND  bool
	aliases []string
	explain string
	subs    []sub
}

// sub is one subsection, paragraph or sub-paragraph of a sec.
type sub struct {
	path   string
	detail string
	abs    tri
	nuance string
	basis  Basis
	proc   tri
	// ncnd marks the subsection as itself an NCND provision.
	ncnd bool
	// ncndRef overrides the section's ncnd: a path, a canonical provision,
	// or "none".
	ncndRef    string
	historical bool
	aliases    []string
	// explain replaces the generated explanation.
	explain string
}

const foisaNCND = "FOISA s18(1)"

// lawEnforcementInterests returns the paragraphs of FOIA s31(1) and
// FOISA s35(1) that the two Acts share.
func lawEnforcementInterests() []sub {
	return []sub{
		{path: "(1)(a)", detail: "the prevention or detection of crime"},
		{path: "(1)(b)", detail: "the apprehension or prosecution of offenders"},
		{path: "(1)(c)", detail: "the administration of justice"},
		{path: "(1)(d)", detail: "the assessment or collection of any tax or duty"},
		{path: "(1)(e)", detail: "the operation of the immigration controls"},
		{path: "(1)(f)", detail: "the maintenance of security and good order in prisons"},
		{path: "(1)(g)", detail: "a public authority's functions for any of the purposes listed in subsection (2)"},
		{path: "(1)(h)", detail: "civil proceedings arising from an investigation for any of those purposes"},
	}
}

// lawEnforcementPurposes returns the purposes of FOIA s31(2) and
// FOISA s35(2).
func lawEnforcementPurposes() []sub {
	return []sub{
		{path: "(2)", detail: "the purposes referred to in subsection (1)(g)"},
		{path: "(2)(a)", detail: "finding out whether a person has failed to comply with the law"},
		{path: "(2)(b)", detail: "finding out whether a person is responsible for improper conduct"},
		{path: "(2)(c)", detail: "finding out whether circumstances justify regulatory action"},
		{path: "(2)(d)", detail: "finding out whether a person is fit or competent to manage a company or to practise a profession"},
		{path: "(2)(e)", detail: "finding out the cause of an accident"},
		{path: "(2)(f)", detail: "protecting charities against misconduct or mismanagement"},
		{path: "(2)(g)", detail: "protecting the property of charities from loss or misapplication"},
		{path: "(2)(h)", detail: "recovering the property of charities"},
		{path: "(2)(i)", detail: "securing the health, safety and welfare of people at work"},
		{path: "(2)(j)", detail: "protecting people other than workers from risks to health or safety arising from people at work"},
	}
}

// environmentalFourSubs returns EIR r12(4) and EISR r10(4) paragraphs.
func environmentalFourSubs() []sub {
	return []sub{
		{path: "(4)(a)", detail: "information not held when the request was received", proc: yes, basis: "", ncndRef: "none",
			aliases: []string{"not held", "information not held"},
			explain: "The authority did not hold the information when the request arrived. Formally this is an exception subject to the public interest test, but with nothing held there is nothing to weigh."},
		{path: "(4)(b)", detail: "a manifestly unreasonable request", ncndRef: "none",
			aliases: []string{"manifestly unreasonable", "cost", "vexatious", "burden"}},
		{path: "(4)(c)", detail: "a request formulated in too general a manner, after the authority has offered advice and assistance", ncndRef: "none",
			aliases: []string{"too general"}},
		{path: "(4)(d)", detail: "material still being completed, unfinished documents or incomplete data", basis: Class, ncndRef: "none",
			aliases: []string{"unfinished", "incomplete"}},
		{path: "(4)(e)", detail: "internal communications", basis: Class, ncndRef: "none"},
	}
}

// environmentalFiveSubs returns EIR r12(5) and EISR r10(5) paragraphs.
func environmentalFiveSubs() []sub {
	return []sub{
		{path: "(5)(a)", detail: "international relations, defence, national security or public safety", aliases: []string{"national security", "public safety", "defence"}},
		{path: "(5)(b)", detail: "the course of justice, the ability of a person to receive a fair trial, or an authority's ability to conduct a criminal or disciplinary inquiry", ncndRef: "none",
			aliases: []string{"course of justice", "fair trial", "law enforcement", "crime"}},
		{path: "(5)(c)", detail: "intellectual property rights", ncndRef: "none", aliases: []string{"copyright"}},
		{path: "(5)(d)", detail: "the confidentiality of the proceedings of a public authority where the law provides for it", ncndRef: "none"},
		{path: "(5)(e)", detail: "the confidentiality of commercial or industrial information where the law protects it to guard a legitimate economic interest", ncndRef: "none",
			aliases: []string{"commercial confidentiality", "commercial interests"}},
		{path: "(5)(f)", detail: "the interests of a person who supplied the information voluntarily", ncndRef: "none",
			aliases: []string{"third party", "voluntarily supplied"}},
		{path: "(5)(g)", detail: "the protection of the environment to which the information relates", ncndRef: "none",
			aliases: []string{"environment", "environmental protection"}},
	}
}

// table returns the registry's source table. It is rebuilt on every call
// so that nothing in it can be changed from outside.
func table() []sec {
	return []sec{
		// Freedom of Information Act 2000.
		{r: FOIA, num: "1", title: "General right of access to information held by public authorities", procedural: true,
			explain: "Anyone may ask a public authority for recorded information. The authority must say whether it holds the information and, unless an exemption applies, provide it.",
			aliases: []string{"right of access"},
			subs: []sub{
				{path: "(1)", detail: "the two duties: to confirm or deny, and to communicate"},
				{path: "(1)(a)", detail: "the duty to say whether the information is held, cited when it is not held",
					aliases: []string{"not held", "information not held", "no information held"},
					explain: "The authority has told the requester whether it holds the information, and cites this duty when it holds none. It is not an exemption: there is simply nothing to release."},
				{path: "(1)(b)", detail: "the duty to communicate the information held"},
			}},
		{r: FOIA, num: "12", title: "Exemption where cost of compliance exceeds appropriate limit", procedural: true,
			explain: "An authority need not answer a request if finding and extracting the information would cost more than the appropriate limit: £600 for central government and Parliament, £450 for other authorities such as police forces, with staff time counted at £25 an hour. It should help the requester narrow the request so that it can be answered within the limit.",
			aliases: []string{"cost", "cost limit", "appropriate limit", "excessive cost", "time", "resources"},
			subs: []sub{
				{path: "(1)", detail: "the cost of providing the information"},
				{path: "(2)", detail: "the cost of confirming or denying alone", ncnd: true,
					explain: "If even finding out whether the information is held would exceed the cost limit, the authority need not say whether it holds it. No public interest test applies."},
				{path: "(3)", detail: "the appropriate limit set by regulations"},
				{path: "(4)", detail: "adding together the cost of related requests", aliases: []string{"aggregation", "aggregated"}},
			}},
		{r: FOIA, num: "14", title: "Vexatious or repeated requests", procedural: true,
			explain: "An authority need not comply with a vexatious request: one likely to cause a disproportionate or unjustified level of disruption, irritation or distress. Nor need it answer again a request identical or substantially similar to one it recently answered for the same person. There is no public interest test.",
			subs: []sub{
				{path: "(1)", detail: "vexatious requests", aliases: []string{"vexatious"}},
				{path: "(2)", detail: "repeated requests", aliases: []string{"repeat", "repeated"}},
			}},
		{r: FOIA, num: "21", title: "Information accessible to applicant by other means", absolute: true, basis: Class,
			explain: "Information the requester can already reasonably get another way, for example because it is published, is exempt. The authority should say where to find it. No public interest test applies.",
			aliases: []string{"reasonably accessible", "otherwise accessible", "published", "available elsewhere"},
			subs: []sub{
				{path: "(1)", detail: "information reasonably accessible to the requester"},
				{path: "(2)", detail: "when information counts as reasonably accessible"},
				{path: "(3)", detail: "information available only on request from the authority"},
			}},
		{r: FOIA, num: "22", title: "Information intended for future publication", basis: Class, ncnd: "(2)",
			explain: "Information the authority already intended, when the request arrived, to publish later can be held back until then, if that is reasonable. The exemption is qualified, so the public interest must favour waiting.",
			aliases: []string{"future publication", "intended for publication"},
			subs: []sub{
				{path: "(1)", detail: "information held with a view to publication at a future date"},
				{path: "(1)(a)", detail: "information held with a view to publication at some future date"},
				{path: "(1)(b)", detail: "information already held for publication when the request was made"},
				{path: "(1)(c)", detail: "withholding it until publication being reasonable in all the circumstances"},
				{path: "(2)", ncnd: true},
			}},
		{r: FOIA, num: "22A", title: "Research", basis: Prejudice, ncnd: "(2)",
			explain: "Information obtained in a continuing programme of research, which is meant to lead to a published report, is exempt if early disclosure would, or would be likely to, harm the programme, the people taking part or the authority. The public interest test applies.",
			subs: []sub{
				{path: "(1)", detail: "information from a continuing research programme"},
				{path: "(1)(a)", detail: "information obtained in a research programme that continues with a view to publication"},
				{path: "(1)(b)", detail: "prejudice to the programme, its participants or the authority"},
				{path: "(2)", ncnd: true},
			}},
		{r: FOIA, num: "23", title: "Information supplied by, or relating to, bodies dealing with security matters", absolute: true, basis: Class, ncnd: "(5)",
			explain: "Information supplied by, or relating to, the security and intelligence bodies listed in the Act, such as the Security Service, the Secret Intelligence Service, GCHQ and the National Crime Agency, is exempt. The exemption is absolute, so no public interest test applies.",
			aliases: []string{"security bodies", "security services", "intelligence", "security matters"},
			subs: []sub{
				{path: "(1)", detail: "information supplied by, or relating to, the security bodies"},
				{path: "(2)", detail: "a minister's certificate that information is covered"},
				{path: "(3)", detail: "the list of security bodies"},
				{path: "(5)", ncnd: true},
			}},
		{r: FOIA, num: "24", title: "National security", basis: Prejudice, ncnd: "(2)",
			explain: "Information is exempt if withholding it is required to safeguard national security, for example because it would help people planning terrorism or other attacks on the country. The exemption is qualified: the authority must also show that the public interest in withholding the information outweighs the public interest in releasing it.",
			aliases: []string{"terrorism", "counter terrorism"},
			subs: []sub{
				{path: "(1)", detail: "information whose exemption is required to safeguard national security"},
				{path: "(2)", ncnd: true},
				{path: "(3)", detail: "a minister's certificate about national security"},
			}},
		{r: FOIA, num: "26", title: "Defence", basis: Prejudice, ncnd: "(3)",
			explain: "Information is exempt if disclosing it would, or would be likely to, prejudice the defence of the British Islands or the capability, effectiveness or security of the armed forces. The public interest test applies.",
			aliases: []string{"armed forces", "military"},
			subs: []sub{
				{path: "(1)", detail: "prejudice to defence"},
				{path: "(1)(a)", detail: "the defence of the British Islands or of any colony"},
				{path: "(1)(b)", detail: "the capability, effectiveness or security of the armed forces"},
				{path: "(3)", ncnd: true},
			}},
		{r: FOIA, num: "27", title: "International relations", basis: Prejudice, ncnd: "(4)",
			explain: "Information is exempt if disclosing it would, or would be likely to, prejudice relations between the United Kingdom and another State or international organisation, or the country's interests abroad. Confidential information obtained from another State or an international body is exempt too. The public interest test applies.",
			aliases: []string{"foreign relations", "diplomatic"},
			subs: []sub{
				{path: "(1)", detail: "prejudice to international relations"},
				{path: "(1)(a)", detail: "relations between the United Kingdom and any other State"},
				{path: "(1)(b)", detail: "relations with an international organisation or international court"},
				{path: "(1)(c)", detail: "the interests of the United Kingdom abroad"},
				{path: "(1)(d)", detail: "the promotion or protection by the United Kingdom of its interests abroad"},
				{path: "(2)", detail: "confidential information obtained from another State or an international organisation or court", basis: Class},
				{path: "(4)", ncnd: true},
			}},
		{r: FOIA, num: "28", title: "Relations within the United Kingdom", basis: Prejudice, ncnd: "(3)",
			explain: "Information is exempt if disclosing it would, or would be likely to, prejudice relations between the UK Government and the devolved administrations in Scotland, Wales and Northern Ireland, or between those administrations. The public interest test applies.",
			aliases: []string{"devolved administrations", "devolution"},
			subs: []sub{
				{path: "(1)", detail: "prejudice to relations between administrations in the United Kingdom"},
				{path: "(3)", ncnd: true},
			}},
		{r: FOIA, num: "29", title: "The economy", basis: Prejudice, ncnd: "(2)",
			explain: "Information is exempt if disclosing it would, or would be likely to, prejudice the economic interests of the United Kingdom or part of it, or the financial interests of any administration in the UK. The public interest test applies.",
			aliases: []string{"economic interests", "financial interests"},
			subs: []sub{
				{path: "(1)", detail: "prejudice to economic or financial interests"},
				{path: "(1)(a)", detail: "the economic interests of the United Kingdom or any part of it"},
				{path: "(1)(b)", detail: "the financial interests of any administration in the United Kingdom"},
				{path: "(2)", ncnd: true},
			}},
		{r: FOIA, num: "30", title: "Investigations and proceedings conducted by public authorities", basis: Class, ncnd: "(3)",
			explain: "Information held for criminal investigations and proceedings that the authority has a duty or power to conduct, and information about confidential sources used in investigations, is exempt because of what it is, without any need to show harm. The exemption is qualified, so the public interest test applies.",
			aliases: []string{"investigations", "criminal investigation", "proceedings", "investigation", "prosecution"},
			subs: []sub{
				{path: "(1)", detail: "information held for criminal investigations or criminal proceedings"},
				{path: "(1)(a)", detail: "investigations into whether a person should be charged with an offence or is guilty of it"},
				{path: "(1)(a)(i)", detail: "investigations into whether a person should be charged with an offence"},
				{path: "(1)(a)(ii)", detail: "investigations into whether a person charged with an offence is guilty of it"},
				{path: "(1)(b)", detail: "investigations that may lead the authority to bring criminal proceedings"},
				{path: "(1)(c)", detail: "criminal proceedings that the authority has power to conduct"},
				{path: "(2)", detail: "information about confidential sources used in investigations and proceedings", aliases: []string{"confidential sources", "informants"}},
				{path: "(2)(a)", detail: "information obtained or recorded for investigations and proceedings"},
				{path: "(2)(b)", detail: "information relating to the obtaining of information from confidential sources"},
				{path: "(3)", ncnd: true},
			}},
		{r: FOIA, num: "31", title: "Law enforcement", basis: Prejudice, ncnd: "(3)",
			explain: "Information not covered by section 30 is exempt if disclosing it would, or would be likely to, prejudice law enforcement, such as the prevention or detection of crime, the arrest or prosecution of offenders, or the administration of justice. The exemption is qualified: the authority must explain the harm and show that the public interest favours withholding.",
			aliases: []string{"crime", "policing", "operational policing", "prevention and detection of crime", "police tactics"},
			subs: append(append([]sub{
				{path: "(1)", detail: "prejudice to the law enforcement interests listed"},
				{path: "(1)(i)", detail: "a Scottish inquiry into a death arising from an investigation for any of the purposes in subsection (2)"},
				{path: "(3)", ncnd: true},
			}, lawEnforcementInterests()...), lawEnforcementPurposes()...)},
		{r: FOIA, num: "32", title: "Court records, etc.", absolute: true, basis: Class, ncnd: "(3)",
			explain: "Information held only because it is in a document filed with a court, served in proceedings or created by a court, or in the documents of an inquiry or arbitration, is exempt. The exemption is absolute, so no public interest test applies.",
			aliases: []string{"court documents", "court records", "inquiry"},
			subs: []sub{
				{path: "(1)", detail: "documents filed with, served in or created by a court"},
				{path: "(1)(a)", detail: "documents filed with, or placed in the custody of, a court"},
				{path: "(1)(b)", detail: "documents served on or by the authority in proceedings"},
				{path: "(1)(c)", detail: "documents created by a court or its administrative staff"},
				{path: "(2)", detail: "documents of an inquiry or arbitration"},
				{path: "(2)(a)", detail: "documents placed in the custody of a person conducting an inquiry or arbitration"},
				{path: "(2)(b)", detail: "documents created by a person conducting an inquiry or arbitration"},
				{path: "(3)", ncnd: true},
			}},
		{r: FOIA, num: "33", title: "Audit functions", basis: Prejudice, ncnd: "(3)",
			explain: "For authorities that audit other bodies or examine how economically and effectively they use their resources, information is exempt if disclosure would, or would be likely to, prejudice that work. The public interest test applies.",
			aliases: []string{"audit"},
			subs: []sub{
				{path: "(1)", detail: "the authorities with audit functions"},
				{path: "(1)(a)", detail: "authorities that examine the accounts of other public authorities"},
				{path: "(1)(b)", detail: "authorities that examine how economically, efficiently and effectively other public authorities use their resources"},
				{path: "(2)", detail: "prejudice to audit functions"},
				{path: "(3)", ncnd: true},
			}},
		{r: FOIA, num: "34", title: "Parliamentary privilege", absolute: true, basis: Class, ncnd: "(2)",
			explain: "Information is exempt if withholding it is required to avoid an infringement of the privileges of either House of Parliament. The exemption is absolute, so no public interest test applies.",
			subs: []sub{
				{path: "(1)", detail: "information whose exemption is required to avoid infringing parliamentary privilege"},
				{path: "(2)", ncnd: true},
			}},
		{r: FOIA, num: "35", title: "Formulation of government policy, etc.", basis: Class, ncnd: "(3)",
			explain: "Information held by a government department or the Welsh Government is exempt if it relates to making government policy, communications between ministers, advice from the Law Officers, or the running of a minister's private office. No harm has to be shown, but the public interest test applies.",
			aliases: []string{"government policy", "policy formulation", "policy development", "ministerial communications"},
			subs: []sub{
				{path: "(1)", detail: "the classes of government information"},
				{path: "(1)(a)", detail: "the formulation or development of government policy"},
				{path: "(1)(b)", detail: "ministerial communications"},
				{path: "(1)(c)", detail: "advice from the Law Officers, or requests for it"},
				{path: "(1)(d)", detail: "the operation of a ministerial private office"},
				{path: "(3)", ncnd: true},
			}},
		{r: FOIA, num: "36", title: "Prejudice to effective conduct of public affairs", basis: Prejudice, ncnd: "(3)",
			nuance:  "Absolute for information held by the House of Commons or the House of Lords; qualified otherwise",
			explain: "Information is exempt if, in the reasonable opinion of a qualified person such as a minister or the authority's chief officer, disclosure would, or would be likely to, inhibit free and frank advice or discussion or otherwise prejudice the effective conduct of public affairs. The public interest test applies, except to information held by either House of Parliament.",
			aliases: []string{"public affairs", "free and frank", "safe space", "qualified person"},
			subs: []sub{
				{path: "(2)", detail: "the kinds of prejudice covered"},
				{path: "(2)(a)", detail: "collective ministerial responsibility and the work of the devolved executives"},
				{path: "(2)(a)(i)", detail: "the convention of the collective responsibility of ministers"},
				{path: "(2)(a)(ii)", detail: "the work of the Executive Committee of the Northern Ireland Assembly"},
				{path: "(2)(a)(iii)", detail: "the work of the Cabinet of the Welsh Government"},
				{path: "(2)(b)", detail: "inhibiting free and frank advice or exchange of views"},
				{path: "(2)(b)(i)", detail: "the free and frank provision of advice"},
				{path: "(2)(b)(ii)", detail: "the free and frank exchange of views for the purposes of deliberation"},
				{path: "(2)(c)", detail: "other prejudice to the effective conduct of public affairs"},
				{path: "(3)", ncnd: true},
			}},
		{r: FOIA, num: "37", title: "Communications with Her Majesty, etc. and honours", basis: Class, ncnd: "(2)",
			nuance:  "Absolute for communications with the Sovereign, the heir to the Throne and the second in line (s37(1)(a) to (ab)); qualified otherwise",
			explain: "Information is exempt if it relates to communications with the Sovereign, other members of the Royal Family or the Royal Household, or to the award of honours. Communications with the Sovereign, the heir and the second in line to the Throne are absolutely exempt; the rest is subject to the public interest test.",
			aliases: []string{"royal family", "royal household", "honours", "royal"},
			subs: []sub{
				{path: "(1)", detail: "royal communications and honours"},
				{path: "(1)(a)", detail: "communications with the Sovereign", abs: yes},
				{path: "(1)(aa)", detail: "communications with the heir to, or the second in line of succession to, the Throne", abs: yes},
				{path: "(1)(ab)", detail: "communications with a person who later became Sovereign, heir or second in line", abs: yes},
				{path: "(1)(ac)", detail: "communications with other members of the Royal Family", abs: no},
				{path: "(1)(ad)", detail: "communications with the Royal Household", abs: no},
				{path: "(1)(b)", detail: "the conferring by the Crown of any honour or dignity", abs: no},
				{path: "(2)", ncnd: true},
			}},
		{r: FOIA, num: "38", title: "Health and safety", basis: Prejudice, ncnd: "(2)",
			explain: "Information is exempt if disclosing it would, or would be likely to, endanger anyone's physical or mental health or safety. The public interest test applies.",
			aliases: []string{"health & safety", "endanger", "safety", "wellbeing"},
			subs: []sub{
				{path: "(1)", detail: "endangering health or safety"},
				{path: "(1)(a)", detail: "endangering the physical or mental health of any individual"},
				{path: "(1)(b)", detail: "endangering the safety of any individual"},
				{path: "(2)", ncnd: true},
			}},
		{r: FOIA, num: "39", title: "Environmental information", basis: Class, ncnd: "(2)",
			explain: "Information that the authority must make available under the Environmental Information Regulations is exempt under this Act, so that the request is dealt with under those Regulations instead. It is qualified, but in practice the Regulations decide what is released.",
			aliases: []string{"environmental"},
			subs: []sub{
				{path: "(1)", detail: "information to be dealt with under the environmental information regulations"},
				{path: "(1)(a)", detail: "information the authority must make available under the environmental information regulations"},
				{path: "(1)(b)", detail: "information it would have to make available but for an exception in those regulations"},
				{path: "(2)", ncnd: true},
			}},
		{r: FOIA, num: "40", title: "Personal information", absolute: true, basis: Class, ncnd: "(5B)",
			nuance:  "s40(1) is absolute; s40(2) is absolute only where the first condition (s40(3A)) is met, and qualified under the second and third conditions",
			explain: "Personal data about the requester is exempt because it is dealt with as a subject access request under data protection law. Personal data about anyone else is exempt where releasing it to the world would break the data protection principles, as it usually would unless a legitimate interest outweighs the person's rights. Neither case involves a public interest test.",
			aliases: []string{"personal data", "data protection", "third party", "third party data", "gdpr"},
			subs: []sub{
				{path: "(1)", detail: "personal data of which the requester is the subject", abs: yes, ncndRef: "(5A)",
					aliases: []string{"own personal data", "subject access"}},
				{path: "(2)", detail: "personal data about someone other than the requester", abs: yes,
					nuance: "Absolute only where the first condition (s40(3A)) is met; qualified under the second and third conditions (s40(3B), s40(4A))"},
				{path: "(2)(a)", detail: "information that is personal data about someone other than the requester", abs: yes},
				{path: "(2)(b)", detail: "one of the conditions for withholding it being met", abs: yes,
					nuance: "Absolute only where the first condition (s40(3A)) is met; qualified otherwise"},
				{path: "(3)", detail: "the conditions for withholding other people's data before 2018, now subsections (3A) and (3B)", abs: yes, historical: true, ncndRef: "(5)"},
				{path: "(3)(a)", detail: "the first condition before 2018: disclosure would break the data protection principles or cause damage or distress", abs: yes, historical: true, ncndRef: "(5)"},
				{path: "(3)(a)(i)", detail: "disclosure would contravene any of the data protection principles, as the law stood before 2018", abs: yes, historical: true, ncndRef: "(5)"},
				{path: "(3)(a)(ii)", detail: "disclosure would breach the right to prevent processing likely to cause damage or distress, as the law stood before 2018", abs: no, historical: true, ncndRef: "(5)"},
				{path: "(3)(b)", detail: "the first condition before 2018 for manual data held by public authorities", abs: yes, historical: true, ncndRef: "(5)"},
				{path: "(3A)", detail: "the first condition: disclosure would break the data protection principles", abs: yes},
				{path: "(3A)(a)", detail: "disclosure would contravene any of the data protection principles", abs: yes},
				{path: "(3A)(b)", detail: "disclosure would do so if the exemption for manual unstructured data were disregarded", abs: yes},
				{path: "(3B)", detail: "the second condition: disclosure would breach the data subject's right to object", abs: no},
				{path: "(4)", detail: "the condition about exemptions from subject access before 2018, now subsection (4A)", abs: no, historical: true, ncndRef: "(5)"},
				{path: "(4A)", detail: "the third condition: the information would be exempt from subject access", abs: no},
				{path: "(5)", detail: "personal data, before 2018, now subsections (5A) and (5B)", ncnd: true, historical: true},
				{path: "(5)(a)", detail: "the requester's own personal data, before 2018", ncnd: true, historical: true, abs: yes},
				{path: "(5)(b)", detail: "other people's personal data, before 2018", ncnd: true, historical: true},
				{path: "(5)(b)(i)", detail: "confirming or denying would break the data protection principles, as the law stood before 2018", ncnd: true, historical: true, abs: yes},
				{path: "(5)(b)(ii)", detail: "the information would be exempt from subject access, as the law stood before 2018", ncnd: true, historical: true, abs: no},
				{path: "(5A)", detail: "the requester's own personal data", ncnd: true, abs: yes},
				{path: "(5B)", detail: "other people's personal data", ncnd: true, abs: yes,
					nuance: "Absolute only where confirming or denying would itself break the data protection principles (s40(5B)(a)); qualified otherwise"},
				{path: "(5B)(a)", detail: "confirming or denying would contravene the data protection principles", ncnd: true, abs: yes},
				{path: "(5B)(b)", detail: "confirming or denying would breach the right to object", ncnd: true, abs: no},
				{path: "(5B)(c)", detail: "the information would be exempt from subject access", ncnd: true, abs: no},
				{path: "(5B)(d)", detail: "the information would be withheld from a law enforcement subject access request", ncnd: true, abs: no},
			}},
		{r: FOIA, num: "41", title: "Information provided in confidence", absolute: true, basis: Class, ncnd: "(2)",
			explain: "Information the authority obtained from someone else is exempt if disclosing it would be an actionable breach of confidence, meaning the person who provided it could sue. The exemption is absolute, although a court would accept a public interest defence to a breach of confidence, so that question is still weighed.",
			aliases: []string{"confidence", "confidential", "confidentiality", "breach of confidence"},
			subs: []sub{
				{path: "(1)", detail: "information provided in confidence"},
				{path: "(1)(a)", detail: "information obtained from another person"},
				{path: "(1)(b)", detail: "disclosure would be an actionable breach of confidence"},
				{path: "(2)", ncnd: true},
			}},
		{r: FOIA, num: "42", title: "Legal professional privilege", basis: Class, ncnd: "(2)",
			explain: "Information protected by legal professional privilege, such as confidential legal advice or material prepared for litigation, is exempt. The exemption is qualified, but the strong public interest in being able to take confidential legal advice usually weighs heavily.",
			aliases: []string{"legal privilege", "privilege", "legal advice", "lpp"},
			subs: []sub{
				{path: "(1)", detail: "information covered by legal professional privilege"},
				{path: "(2)", ncnd: true},
			}},
		{r: FOIA, num: "43", title: "Commercial interests", basis: Prejudice, ncnd: "(3)",
			explain: "Trade secrets are exempt, and so is information whose disclosure would, or would be likely to, prejudice the commercial interests of anyone, including the authority itself. The public interest test applies.",
			aliases: []string{"commercial", "commercially sensitive", "trade secrets", "commercial sensitivity"},
			subs: []sub{
				{path: "(1)", detail: "trade secrets", basis: Class},
				{path: "(2)", detail: "prejudice to commercial interests"},
				{path: "(3)", ncnd: true},
			}},
		{r: FOIA, num: "44", title: "Prohibitions on disclosure", absolute: true, basis: Class, ncnd: "(2)",
			explain: "Information is exempt if another law forbids its disclosure, or if disclosure would be punishable as a contempt of court. The exemption is absolute, so no public interest test applies.",
			aliases: []string{"statutory bar", "statutory prohibition", "prohibited", "contempt of court"},
			subs: []sub{
				{path: "(1)", detail: "information whose disclosure is prohibited"},
				{path: "(1)(a)", detail: "disclosure prohibited by or under any enactment"},
				{path: "(1)(b)", detail: "disclosure incompatible with certain legal obligations that came from EU law"},
				{path: "(1)(c)", detail: "disclosure punishable as a contempt of court"},
				{path: "(2)", ncnd: true},
			}},

		// Freedom of Information (Scotland) Act 2002.
		{r: FOISA, num: "1", title: "General entitlement", procedural: true,
			explain: "Anyone who asks a Scottish public authority for information it holds is entitled to receive it, unless an exemption or another provision of the Act applies. The authority must normally answer within twenty working days.",
			subs:    []sub{{path: "(1)", detail: "the right to information held by a Scottish public authority"}}},
		{r: FOISA, num: "12", title: "Excessive cost of compliance", procedural: true,
			explain: "An authority need not comply with a request if the cost of doing so would exceed the prescribed amount, currently £600, with staff time counted at no more than £15 an hour. It should advise the requester how to narrow the request.",
			aliases: []string{"cost", "cost limit", "excessive cost", "time"},
			subs:    []sub{{path: "(1)", detail: "requests that would cost more than the prescribed amount"}}},
		{r: FOISA, num: "14", title: "Vexatious or repeated requests", procedural: true,
			explain: "An authority need not comply with a vexatious request, nor with a request identical or substantially similar to one from the same person that it has already answered, unless a reasonable time has passed. There is no public interest test.",
			subs: []sub{
				{path: "(1)", detail: "vexatious requests", aliases: []string{"vexatious"}},
				{path: "(2)", detail: "repeated requests", aliases: []string{"repeat", "repeated"}},
			}},
		{r: FOISA, num: "17", title: "Notice that information is not held", procedural: true,
			explain: "When an authority does not hold the information requested, it must give the requester a notice saying so. No exemption is involved: there is simply nothing to release.",
			aliases: []string{"not held", "information not held"},
			subs:    []sub{{path: "(1)", detail: "the notice that the information is not held"}}},
		{r: FOISA, num: "18", title: "Further provision as respects responses to request", isNCND: true,
			explain: "Where information, if it existed and were held, would be exempt under one of sections 28 to 35, 38, 39(1) or 41, the authority may refuse to reveal whether it exists or is held, if revealing that would be contrary to the public interest. This is the Scottish neither-confirm-nor-deny provision, always cited together with the exemption that would apply.",
			subs:    []sub{{path: "(1)", detail: "refusing to reveal whether information exists or is held", ncnd: true}}},
		{r: FOISA, num: "25", title: "Information otherwise accessible", absolute: true, basis: Class,
			explain: "Information the requester can reasonably obtain other than by asking for it, for example because it is already published, is exempt. The exemption is absolute, so no public interest test applies.",
			aliases: []string{"reasonably accessible", "accessible", "published", "available elsewhere"},
			subs: []sub{
				{path: "(1)", detail: "information reasonably obtainable by the requester"},
				{path: "(2)", detail: "information available on payment or under other laws"},
				{path: "(3)", detail: "information in a publication scheme"},
			}},
		{r: FOISA, num: "26", title: "Prohibitions on disclosure", absolute: true, basis: Class,
			explain: "Information is exempt if another law forbids its disclosure, or if disclosure would be punishable as a contempt of court. The exemption is absolute, so no public interest test applies.",
			aliases: []string{"statutory bar", "statutory prohibition", "prohibited", "contempt of court"},
			subs: []sub{
				{path: "(a)", detail: "disclosure prohibited by or under an enactment"},
				{path: "(b)", detail: "disclosure incompatible with certain legal obligations that came from EU law"},
				{path: "(c)", detail: "disclosure punishable as a contempt of court"},
			}},
		{r: FOISA, num: "27", title: "Information intended for future publication", basis: Class,
			explain: "Information the authority intends to publish within twelve weeks of the request is exempt until then, if it is reasonable to wait. Information from a continuing research programme is also exempt if early disclosure would substantially prejudice the research. The public interest test applies.",
			aliases: []string{"future publication", "intended for publication", "research"},
			subs: []sub{
				{path: "(1)", detail: "information to be published within twelve weeks"},
				{path: "(2)", detail: "information from a continuing programme of research", basis: Prejudice},
			}},
		{r: FOISA, num: "28", title: "Relations within the United Kingdom", basis: Prejudice, ncnd: foisaNCND,
			explain: "Information is exempt if disclosing it would, or would be likely to, prejudice substantially relations between any two administrations in the United Kingdom. The public interest test applies.",
			aliases: []string{"devolved administrations"},
			subs:    []sub{{path: "(1)", detail: "substantial prejudice to relations between administrations"}}},
		{r: FOISA, num: "29", title: "Formulation of Scottish Administration policy etc.", basis: Class, ncnd: foisaNCND,
			explain: "Information held by the Scottish Administration is exempt if it relates to making government policy, communications between ministers, advice from the Law Officers, or the running of a minister's private office. No harm has to be shown, but the public interest test applies.",
			aliases: []string{"government policy", "policy formulation", "policy development", "ministerial communications"},
			subs: []sub{
				{path: "(1)", detail: "the classes of Scottish Administration information"},
				{path: "(1)(a)", detail: "the formulation or development of government policy"},
				{path: "(1)(b)", detail: "ministerial communications"},
				{path: "(1)(c)", detail: "advice from the Law Officers, or requests for it"},
				{path: "(1)(d)", detail: "the operation of a ministerial private office"},
			}},
		{r: FOISA, num: "30", title: "Prejudice to effective conduct of public affairs", basis: Prejudice, ncnd: foisaNCND,
			explain: "Information is exempt if disclosing it would, or would be likely to, prejudice substantially the collective responsibility of Scottish Ministers, inhibit substantially free and frank advice or discussion, or otherwise prejudice substantially the effective conduct of public affairs. The public interest test applies.",
			aliases: []string{"public affairs", "free and frank"},
			subs: []sub{
				{path: "(a)", detail: "the collective responsibility of the Scottish Ministers"},
				{path: "(b)", detail: "substantially inhibiting free and frank advice or exchange of views"},
				{path: "(b)(i)", detail: "the free and frank provision of advice"},
				{path: "(b)(ii)", detail: "the free and frank exchange of views for the purposes of deliberation"},
				{path: "(c)", detail: "other substantial prejudice to the effective conduct of public affairs"},
			}},
		{r: FOISA, num: "31", title: "National security and defence", basis: Prejudice, ncnd: foisaNCND,
			explain: "Information is exempt if withholding it is required to safeguard national security, or if disclosing it would, or would be likely to, prejudice substantially the defence of the British Islands or the capability, effectiveness or security of the armed forces. The public interest test applies.",
			aliases: []string{"terrorism", "armed forces", "military"},
			subs: []sub{
				{path: "(1)", detail: "information whose exemption is required to safeguard national security"},
				{path: "(2)", detail: "a minister's certificate about national security"},
				{path: "(4)", detail: "substantial prejudice to defence or the armed forces"},
				{path: "(4)(a)", detail: "the defence of the British Islands or of any colony"},
				{path: "(4)(b)", detail: "the capability, effectiveness or security of the armed forces"},
			}},
		{r: FOISA, num: "32", title: "International relations", basis: Prejudice, ncnd: foisaNCND,
			explain: "Information is exempt if disclosing it would, or would be likely to, prejudice substantially relations between the United Kingdom and another State or international organisation, or the country's interests abroad. Confidential information obtained from another State or an international body is exempt too. The public interest test applies.",
			subs: []sub{
				{path: "(1)", detail: "international relations"},
				{path: "(1)(a)", detail: "substantial prejudice to international relations or to interests abroad"},
				{path: "(1)(b)", detail: "confidential information obtained from another State or an international organisation or court", basis: Class},
			}},
		{r: FOISA, num: "33", title: "Commercial interests and the economy", basis: Prejudice, ncnd: foisaNCND,
			explain: "Trade secrets are exempt, as is information whose disclosure would, or would be likely to, prejudice substantially anyone's commercial interests, the economic interests of the country or the financial interests of an administration. The public interest test applies.",
			aliases: []string{"commercial", "commercially sensitive", "trade secrets", "economic interests"},
			subs: []sub{
				{path: "(1)", detail: "commercial interests"},
				{path: "(1)(a)", detail: "trade secrets", basis: Class},
				{path: "(1)(b)", detail: "substantial prejudice to commercial interests"},
				{path: "(2)", detail: "substantial prejudice to economic or financial interests"},
				{path: "(2)(a)", detail: "the economic interests of the United Kingdom or any part of it"},
				{path: "(2)(b)", detail: "the financial interests of an administration in the United Kingdom"},
			}},
		{r: FOISA, num: "34", title: "Investigations by Scottish public authorities and proceedings arising out of such investigations", basis: Class, ncnd: foisaNCND,
			explain: "Information held for criminal investigations, for deciding whether to report a case to the procurator fiscal, for criminal proceedings, for inquiries into deaths and for certain other investigations is exempt because of what it is. No harm has to be shown, but the public interest test applies.",
			aliases: []string{"investigations", "investigation", "criminal investigation", "proceedings", "prosecution"},
			subs: []sub{
				{path: "(1)", detail: "information held for criminal investigations and proceedings"},
				{path: "(1)(a)", detail: "investigations into whether a person should be prosecuted for an offence or is guilty of it"},
				{path: "(1)(a)(i)", detail: "investigations into whether a person should be prosecuted for an offence"},
				{path: "(1)(a)(ii)", detail: "investigations into whether a prosecuted person is guilty"},
				{path: "(1)(b)", detail: "investigations that may lead to a report to the procurator fiscal"},
				{path: "(1)(c)", detail: "criminal proceedings"},
				{path: "(2)", detail: "inquiries and investigations into deaths", aliases: []string{"fatal accident inquiry", "death"}},
				{path: "(3)", detail: "information from confidential sources obtained in investigations", aliases: []string{"confidential sources", "informants"}},
				{path: "(4)", detail: "civil proceedings arising out of investigations"},
			}},
		{r: FOISA, num: "35", title: "Law enforcement", basis: Prejudice, ncnd: foisaNCND,
			explain: "Information is exempt if disclosing it would, or would be likely to, prejudice substantially law enforcement, such as the prevention or detection of crime, the arrest or prosecution of offenders, or the administration of justice. The public interest test applies.",
			aliases: []string{"crime", "policing", "operational policing", "prevention and detection of crime", "police tactics"},
			subs: append(append([]sub{
				{path: "(1)", detail: "substantial prejudice to the law enforcement interests listed"},
			}, lawEnforcementInterests()...), lawEnforcementPurposes()...)},
		{r: FOISA, num: "36", title: "Confidentiality", basis: Class,
			nuance:  "s36(1) is qualified; s36(2) is absolute",
			explain: "Information is exempt if a claim to confidentiality of communications could be kept up in legal proceedings, which covers legal advice; this part is subject to the public interest test. Information obtained from another person is also exempt, absolutely, if disclosing it would be an actionable breach of confidence.",
			aliases: []string{"confidence", "confidential", "legal professional privilege", "legal advice", "privilege"},
			subs: []sub{
				{path: "(1)", detail: "confidentiality of communications, including legal professional privilege", abs: no},
				{path: "(2)", detail: "information obtained from another person, where disclosure would be an actionable breach of confidence", abs: yes},
			}},
		{r: FOISA, num: "37", title: "Court records, etc.", absolute: true, basis: Class,
			explain: "Information held only because it is in a document lodged with or created by a court, or by a person conducting an inquiry or arbitration, is exempt. The exemption is absolute, so no public interest test applies.",
			aliases: []string{"court documents", "court records"},
			subs: []sub{
				{path: "(1)", detail: "documents of courts, inquiries and arbitrations"},
				{path: "(1)(a)", detail: "documents lodged with, or created by, a court"},
				{path: "(1)(b)", detail: "documents of an inquiry or arbitration"},
			}},
		{r: FOISA, num: "38", title: "Personal information", absolute: true, basis: Class, ncnd: foisaNCND,
			nuance:  "Absolute for s38(1)(a), (c) and (d); s38(1)(b) is absolute only where the first condition (s38(2A)) is met",
			explain: "The requester's own personal data is exempt because it is dealt with under data protection law. Other people's personal data is exempt where releasing it would break the data protection principles, and census information and the health records of people who have died are protected too. In these cases no public interest test applies.",
			aliases: []string{"personal data", "data protection", "third party", "third party data", "gdpr"},
			subs: []sub{
				{path: "(1)", detail: "the kinds of personal information covered"},
				{path: "(1)(a)", detail: "personal data of which the requester is the subject", abs: yes, aliases: []string{"own personal data", "subject access"}},
				{path: "(1)(b)", detail: "personal data about someone other than the requester", abs: yes,
					nuance: "Absolute only where the first condition (s38(2A)) is met; qualified under the other conditions"},
				{path: "(1)(c)", detail: "personal census information", abs: yes},
				{path: "(1)(d)", detail: "the health record of a person who has died", abs: yes},
				{path: "(2A)", detail: "the first condition: disclosure would break the data protection principles", abs: yes},
				{path: "(2A)(a)", detail: "disclosure would contravene any of the data protection principles", abs: yes},
				{path: "(2A)(b)", detail: "disclosure would do so if the exemption for manual unstructured data were disregarded", abs: yes},
			}},
		{r: FOISA, num: "39", title: "Health, safety and the environment", basis: Prejudice,
			explain: "Information is exempt if disclosing it would, or would be likely to, endanger anyone's physical or mental health or safety. Environmental information that must be dealt with under the Environmental Information (Scotland) Regulations is exempt here too, so that those Regulations apply. The public interest test applies to both.",
			aliases: []string{"health & safety", "endanger", "safety", "environmental"},
			subs: []sub{
				{path: "(1)", detail: "endangering the physical or mental health or the safety of any individual", ncndRef: foisaNCND},
				{path: "(2)", detail: "environmental information to be dealt with under the environmental information regulations", basis: Class},
			}},
		{r: FOISA, num: "40", title: "Audit functions", basis: Prejudice,
			explain: "For authorities that audit other bodies, information is exempt if disclosing it would, or would be likely to, prejudice substantially their audit work. The public interest test applies.",
			aliases: []string{"audit"}},
		{r: FOISA, num: "41", title: "Communications with Her Majesty etc. and honours", basis: Class, ncnd: foisaNCND,
			explain: "Information is exempt if it relates to communications with the Sovereign, other members of the Royal Family or the Royal Household, or to the award of honours. No harm has to be shown, but the public interest test applies to both parts.",
			aliases: []string{"royal family", "royal household", "honours", "royal"},
			subs: []sub{
				{path: "(a)", detail: "communications with the Royal Family or the Royal Household"},
				{path: "(b)", detail: "the exercise of the prerogative of honour"},
			}},

		// Environmental Information Regulations 2004.
		{r: EIR, num: "12", title: "Exceptions to the duty to disclose environmental information",
			explain: "An authority may refuse environmental information only where one of the listed exceptions applies and, in all the circumstances, the public interest in keeping to the exception outweighs the public interest in disclosure. The Regulations presume in favour of disclosure.",
			subs: append(append([]sub{
				{path: "(1)", detail: "the public interest test that applies to every exception", proc: yes},
				{path: "(2)", detail: "the presumption in favour of disclosure", proc: yes},
				{path: "(4)", detail: "exceptions about the request or the state of the information"},
				{path: "(5)", detail: "information whose disclosure would adversely affect the interests listed", basis: Prejudice},
				{path: "(6)", detail: "the interests in paragraph (5)(a)", ncnd: true},
			}, environmentalFourSubs()...), withNCND(environmentalFiveSubs(), "(6)", Prejudice)...)},
		{r: EIR, num: "13", title: "Personal data", absolute: true, basis: Class, ncnd: "(5A)",
			nuance:  "Absolute only where the first condition (r13(2A)) is met; qualified under the second and third conditions",
			explain: "Personal data about people other than the requester must not be disclosed where that would break the data protection principles; the other grounds in the regulation are subject to the public interest test. The requester's own personal data is dealt with under data protection law instead.",
			aliases: []string{"personal information", "data protection", "third party", "gdpr"},
			subs: []sub{
				{path: "(1)", detail: "personal data of people other than the requester"},
				{path: "(2)", detail: "the conditions for withholding personal data before 2018", historical: true, ncndRef: "(5)"},
				{path: "(2)(a)", detail: "the first condition before 2018: disclosure would break the data protection principles or cause damage or distress", historical: true, ncndRef: "(5)"},
				{path: "(2)(a)(i)", detail: "disclosure would contravene any of the data protection principles, as the law stood before 2018", historical: true, ncndRef: "(5)"},
				{path: "(2)(a)(ii)", detail: "disclosure would breach the right to prevent processing likely to cause damage or distress, as the law stood before 2018", abs: no, historical: true, ncndRef: "(5)"},
				{path: "(2A)", detail: "the first condition: disclosure would break the data protection principles"},
				{path: "(2A)(a)", detail: "disclosure would contravene any of the data protection principles"},
				{path: "(2A)(b)", detail: "disclosure would do so if the exemption for manual unstructured data were disregarded"},
				{path: "(2B)", detail: "the second condition: disclosure would breach the right to object", abs: no},
				{path: "(3A)", detail: "the third condition: the information would be exempt from subject access", abs: no},
				{path: "(5)", detail: "personal data, before 2018", ncnd: true, historical: true},
				{path: "(5A)", detail: "personal data", ncnd: true},
				{path: "(5B)", detail: "the conditions for neither confirming nor denying about personal data", ncnd: true},
			}},

		// Environmental Information (Scotland) Regulations 2004.
		{r: EISR, num: "10", title: "Exceptions from duty to make environmental information available",
			explain: "A Scottish authority may refuse environmental information only if one of the listed exceptions applies and the public interest in keeping to the exception outweighs the public interest in making the information available. The exceptions are read restrictively, with a presumption in favour of disclosure.",
			subs: append(append([]sub{
				{path: "(1)", detail: "the public interest test that applies to every exception", proc: yes},
				{path: "(2)", detail: "restrictive reading and the presumption in favour of disclosure", proc: yes},
				{path: "(4)", detail: "exceptions about the request or the state of the information"},
				{path: "(5)", detail: "information whose disclosure would, or would be likely to, prejudice substantially the interests listed", basis: Prejudice},
				{path: "(8)", detail: "the interests in paragraph (5)(a)", ncnd: true},
			}, environmentalFourSubs()...), withNCND(environmentalFiveSubs(), "(8)", Prejudice)...)},
		{r: EISR, num: "11", title: "Personal data", absolute: true, basis: Class, ncnd: "(6)",
			nuance:  "Absolute only where the first condition (r11(3A)) is met; qualified under the second and third conditions",
			explain: "The requester's own personal data is not made available under these Regulations but under data protection law. Other people's personal data must not be made available where that would break the data protection principles; the other grounds are subject to the public interest test.",
			aliases: []string{"personal information", "data protection", "third party", "gdpr"},
			subs: []sub{
				{path: "(1)", detail: "personal data of which the requester is the subject", aliases: []string{"own personal data", "subject access"}},
				{path: "(2)", detail: "personal data of people other than the requester"},
				{path: "(2)(a)", detail: "the first condition being met"},
				{path: "(2)(b)", detail: "the second or third condition being met, with the public interest favouring withholding", abs: no},
				{path: "(3A)", detail: "the first condition: disclosure would break the data protection principles"},
				{path: "(3B)", detail: "the second condition: disclosure would breach the right to object", abs: no},
				{path: "(4A)", detail: "the third condition: the information would be exempt from subject access", abs: no},
				{path: "(6)", detail: "personal data", ncnd: true},
			}},
	}
}

// withNCND returns a copy of subs whose first entry (paragraph (5)(a))
// takes ncnd as its NCND provision, all taking basis.
func withNCND(subs []sub, ncnd string, basis Basis) []sub {
	out := make([]sub, len(subs))
	copy(out, subs)
	for i := range out {
		out[i].basis = basis
	}
	out[0].ncndRef = ncnd
	return out
}

// buildEntries expands the table into entries.
func buildEntries() []Entry {
	var out []Entry
	for _, s := range table() {
		secProv := Provision{Regime: s.r, Section: s.num}
		base := Entry{
			Provision:   secProv,
			Title:       s.title,
			Absolute:    s.absolute,
			Nuance:      s.nuance,
			Basis:       s.basis,
			Procedural:  s.procedural,
			NCND:        s.isNCND,
			URL:         s.r.URLBase() + s.num,
			Explanation: s.explain,
			Aliases:     s.aliases,
		}
		if !s.isNCND {
			base.NCNDProvision = resolveNCND(secProv, s.ncnd)
		}
		out = append(out, base)
		for _, u := range s.subs {
			e := base
			e.Provision = Provision{Regime: s.r, Section: s.num, Path: u.path}
			e.Detail = u.detail
			e.Aliases = u.aliases
			e.Historical = u.historical
			switch u.abs {
			case yes:
				e.Absolute, e.Nuance = true, u.nuance
			case no:
				e.Absolute, e.Nuance = false, u.nuance
			default:
				if u.nuance != "" {
					e.Nuance = u.nuance
				}
			}
			switch u.proc {
			case yes:
				e.Procedural, e.Basis = true, ""
			case no:
				e.Procedural = false
			}
			if u.basis != "" {
				e.Basis = u.basis
			}
			if u.ncndRef != "" {
				e.NCNDProvision = resolveNCND(secProv, u.ncndRef)
			}
			if u.ncnd || s.isNCND {
				e.NCND, e.NCNDProvision = true, nil
			}
			e.Explanation = subExplanation(s, u, e)
			out = append(out, e)
		}
	}
	return out
}

// resolveNCND turns a table reference into a provision: "" and "none" give
// nil, a path is taken within sec, anything else is a canonical provision.
func resolveNCND(sec Provision, ref string) *Provision {
	switch {
	case ref == "" || ref == "none":
		return nil
	case strings.HasPrefix(ref, "("):
		p := Provision{Regime: sec.Regime, Section: sec.Section, Path: ref}
		return &p
	}
	p, err := ParseCanonical(ref)
	if err != nil {
		panic("exemption: bad NCND reference in table: " + err.Error())
	}
	return &p
}

// subExplanation writes the explanation of a subsection entry.
func subExplanation(s sec, u sub, e Entry) string {
	if u.explain != "" {
		return u.explain
	}
	unit := s.r.Unit() + " " + s.num
	if e.NCND {
		about := "the exemption in " + unit
		if u.detail != "" {
			about = u.detail
		}
		test := "The public interest test applies to that refusal too."
		switch {
		case e.Nuance != "":
			test = "Whether a public interest test applies depends on the ground relied on."
		case e.Absolute:
			test = "No public interest test applies."
		}
		return fmt.Sprintf("This is the neither-confirm-nor-deny provision for %s: the authority may refuse to say whether it holds the information at all, where even confirming or denying would reveal something the law protects. %s", about, test)
	}
	return "This part covers " + u.detail + ". " + s.explain
}
