package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// This file generates deterministic synthetic disclosure logs for the size,
// determinism and benchmark tests: realistic field shapes, a core FOI
// vocabulary with a Zipf distribution and a long tail of invented words, so
// that the vocabulary keeps growing with the log as a real one does.

var synthForces = []string{
	"Avon and Somerset Constabulary", "Bedfordshire Police", "Cambridgeshire Constabulary", "Cheshire Constabulary",
	"City of London Police", "Cleveland Police", "Cumbria Constabulary", "Derbyshire Constabulary",
	"Devon and Cornwall Police", "Dorset Police", "Durham Constabulary", "Dyfed-Powys Police", "Essex Police",
	"Gloucestershire Constabulary", "Greater Manchester Police", "Gwent Police", "Hampshire Constabulary",
	"Hertfordshire Constabulary", "Humberside Police", "Kent Police", "Lancashire Constabulary",
	"Leicestershire Police", "Lincolnshire Police", "Merseyside Police", "Metropolitan Police Service",
	"Norfolk Constabulary", "North Wales Police", "North Yorkshire Police", "Northamptonshire Police",
	"Northumbria Police", "Nottinghamshire Police", "Police Scotland", "South Wales Police",
	"South Yorkshire Police", "Staffordshire Police", "Suffolk Constabulary", "Surrey Police",
	"Sussex Police", "Thames Valley Police", "Warwickshire Police", "West Mercia Police",
	"West Midlands Police", "West Yorkshire Police", "Wiltshire Police", "British Transport Police",
}

var synthTopics = []string{
	"ANPR", "Body worn video", "Budgets", "CCTV", "Complaints", "Contracts", "Custody", "Cyber security",
	"Domestic abuse", "Drones", "Drugs", "Equality", "Firearms", "Fleet", "Fraud", "Hate crime", "Horses and dogs",
	"IT systems", "Knife crime", "Misconduct", "Missing persons", "Mental health", "Overtime", "Pay and grading",
	"Policies", "Procurement", "Recruitment", "Road safety", "Sickness", "Stop and search", "Tasers",
	"Training", "Vehicles", "Violence against women and girls", "Wellbeing", "Youth", "Counter terrorism",
	"Facial recognition", "Covert policing", "Estates",
}

type synthExemption struct {
	regime, num, title string
	ncnd               bool
}

var synthExemptions = []synthExemption{
	{"FOIA", "12", "Cost of compliance", false}, {"FOIA", "14", "Vexatious requests", false},
	{"FOIA", "21", "Information accessible by other means", false}, {"FOIA", "22", "Information intended for future publication", false},
	{"FOIA", "23(5)", "Security bodies", true}, {"FOIA", "24(1)", "National security", false},
	{"FOIA", "24(2)", "National security", true}, {"FOIA", "27(1)", "International relations", false},
	{"FOIA", "30(1)", "Investigations", false}, {"FOIA", "30(3)", "Investigations", true},
	{"FOIA", "31(1)(a)", "Law enforcement", false}, {"FOIA", "31(3)", "Law enforcement", true},
	{"FOIA", "38(1)", "Health and safety", false}, {"FOIA", "38(2)", "Health and safety", true},
	{"FOIA", "40(2)", "Personal information", false}, {"FOIA", "40(5)", "Personal information", true},
	{"FOIA", "41", "Information provided in confidence", false}, {"FOIA", "42", "Legal professional privilege", false},
	{"FOIA", "43(2)", "Commercial interests", false}, {"EIR", "12(4)(b)", "Manifestly unreasonable", false},
	{"EIR", "12(5)(a)", "International relations, defence, national security or public safety", false},
	{"FOISA", "35(1)", "Law enforcement", false}, {"FOISA", "38(1)(b)", "Personal information", false},
}

func (x synthExemption) doc() Exemption {
	letter := "s"
	if x.regime == "EIR" {
		letter = "r"
	}
	nums := strings.NewReplacer("(", "-", ")", "").Replace(x.num)
	reg := strings.ToLower(x.regime)
	sec, _, _ := strings.Cut(nums, "-")
	prov := x.regime + " " + letter + x.num
	return Exemption{
		Provision: prov, Slug: reg + "-" + letter + nums, Section: reg + "-" + letter + sec,
		SectionLabel: x.regime + " " + letter + sec + " " + x.title, Title: x.title, NCND: x.ncnd,
	}
}

var synthCore = strings.Fields(`police officer officers force request information disclosed data number staff
	records held years year period total crime crimes incidents incident report reports policy policies
	training equipment cost costs contract contracts budget spend payment payments overtime hours vehicle
	vehicles camera cameras footage taser tasers deployment deployed use used search searches stop arrest
	arrests custody detained complaint complaints misconduct investigation investigations public safety
	security national law enforcement exemption exemptions section applied public interest test harm
	disclosure released withheld personal sensitive operational tactics capability capabilities response
	provide provided confirm deny held hold recorded system systems software supplier suppliers licence
	licences drone drones recognition facial live automatic plate number registration surveillance covert
	intelligence source sources human risk assessment assessments review reviewed guidance procedure
	procedures domestic abuse violence victims victim offenders offender knife knives weapon weapons
	firearms firearm dog dogs horse horses fleet fuel mileage sickness absence absences recruitment
	applicants vacancies salary salaries pay grade grades rank ranks constable sergeant inspector
	superintendent chief deputy assistant commissioner department unit team teams county borough
	district station stations building buildings estate estates property lease meeting minutes agenda
	board committee email emails correspondence letter letters internal external partners partner agency
	agencies council councils home office government ministry justice court courts charge charged
	charges prosecution prosecutions outcome outcomes mental health missing persons person children
	youth young people school schools hate crime race religion disability equality diversity gender
	women girls men age ethnicity breakdown monthly annual quarterly figures statistics table spreadsheet
	attached attachment below above following questions question answer answers please note
	apologise delay thank regards decision appeal internal review commissioner information rights
	cyber attack attacks ransomware breach breaches network networks server servers cloud microsoft
	body worn video audio recording recordings retention deletion destroyed archive archived`)

var synthStop = strings.Fields(`the of and to a in for is on that by this with it as be are from at or
	an was we have has not which all any our were been will would can may these those such no`)

// synthGen draws words: stop words, a Zipf-distributed core vocabulary and
// a Zipf-distributed tail of invented words (names, places, jargon).
type synthGen struct {
	r          *rand.Rand
	core, tail *rand.Zipf
	tailWords  []string
}

func newSynthGen(seed uint64) *synthGen {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	g := &synthGen{r: r}
	g.core = rand.NewZipf(r, 1.1, 2, uint64(len(synthCore)-1))
	const tailSize = 120000
	g.tail = rand.NewZipf(r, 1.05, 8, tailSize-1)
	syll := strings.Fields("ba be bi bo bu ca co cu da de di do fa fe fi ga go ha he hi ka ke ko la le li lo lu ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi wa we wi ya yo za ze")
	wr := rand.New(rand.NewPCG(7, 11))
	g.tailWords = make([]string, tailSize)
	for i := range g.tailWords {
		n := 2 + wr.IntN(3)
		var b strings.Builder
		for range n {
			b.WriteString(syll[wr.IntN(len(syll))])
		}
		if wr.IntN(3) == 0 {
			b.WriteString([]string{"n", "r", "s", "th", "ck", "ng"}[wr.IntN(6)])
		}
		g.tailWords[i] = b.String()
	}
	return g
}

func (g *synthGen) word() string {
	switch p := g.r.IntN(100); {
	case p < 38:
		return synthStop[g.r.IntN(len(synthStop))]
	case p < 86:
		return synthCore[g.core.Uint64()]
	case p < 97:
		return g.tailWords[g.tail.Uint64()]
	default:
		return fmt.Sprint(g.r.IntN(3000))
	}
}

func (g *synthGen) sentence(min, max int) string {
	n := min + g.r.IntN(max-min+1)
	w := make([]string, n)
	for i := range w {
		w[i] = g.word()
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ") + "."
}

var synthOutcomes = []struct{ slug, label string }{
	{"disclosed", "Information disclosed"}, {"partial", "Partly disclosed"}, {"refused", "Refused"},
	{"ncnd", "Neither confirmed nor denied"}, {"not-held", "Information not held"},
}

// synthDocs returns n synthetic published responses, the same for the same
// n and seed, spread over 2015–2025, in a scrambled order.
func synthDocs(n int, seed uint64) []Document {
	g := newSynthGen(seed)
	docs := make([]Document, n)
	for i := range docs {
		r := g.r
		year := 2015 + i*11/max(n, 1)
		date := fmt.Sprintf("%d-%02d-%02d", year, 1+r.IntN(12), 1+r.IntN(28))
		ref := fmt.Sprintf("%d%s/%02d", 100+i, []string{"", "A", "B"}[r.IntN(3)], year%100)
		topic := synthTopics[r.IntN(len(synthTopics))]
		topics := []Facet{{Slug: slug(topic), Label: topic}}
		if r.IntN(2) == 0 {
			t2 := synthTopics[r.IntN(len(synthTopics))]
			topics = append(topics, Facet{Slug: slug(t2), Label: t2})
		}
		out := synthOutcomes[r.IntN(len(synthOutcomes))]
		var ex []Exemption
		if out.slug != "disclosed" && out.slug != "not-held" {
			for range 1 + r.IntN(3) {
				ex = append(ex, synthExemptions[r.IntN(len(synthExemptions))].doc())
			}
		}
		force := synthForces[r.IntN(len(synthForces))]
		title := topic + " " + g.word() + " " + synthCore[g.core.Uint64()]
		// bodies of 250 to 900 words in paragraphs (internal/synth averages 570)
		var body strings.Builder
		target, words := 250+r.IntN(651), 0
		for words < target {
			if words > 0 {
				body.WriteString("\n\n")
			}
			for s := range 2 + r.IntN(4) {
				if s > 0 {
					body.WriteByte(' ')
				}
				sent := g.sentence(6, 24)
				words += strings.Count(sent, " ") + 1
				body.WriteString(sent)
			}
		}
		summary := g.sentence(12, 30)
		regime := "FOIA"
		if len(ex) > 0 && ex[0].Slug[:4] != "foia" {
			regime = strings.ToUpper(strings.Split(ex[0].Slug, "-")[0])
		}
		docs[i] = Document{
			URL: "responses/" + slug(ref) + "/", Title: title, Reference: "FOI " + ref, Summary: summary,
			Body: body.String(), Date: date, Year: year, Outcome: out.slug, OutcomeLabel: out.label,
			Regime: regime, Force: force, ForceSlug: slug(force), Topics: topics, Exemptions: ex,
		}
	}
	// scramble deterministically: Build must not depend on input order
	rand.New(rand.NewPCG(seed, 99)).Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
	return docs
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
