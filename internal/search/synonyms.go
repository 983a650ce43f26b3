package search

import "slices"

// Synonym is one group of interchangeable public abbreviations and phrases.
// A response that contains any member is indexed under the group's
// pseudo-term "~" + Key, and a query that contains any member searches that
// pseudo-term, so "ANPR" finds "automatic number plate recognition" and the
// other way round.
type Synonym struct {
	Key     string   // short stable name, also the pseudo-term suffix: "anpr"
	Members []string // display spellings; each is run through Terms
}

// Synonyms returns the synonym table, in Key order. It is small on purpose:
// only abbreviations the public and forces use for the same thing. Adding a
// group changes the index (rebuild) but not the format. The table travels in
// the entry file, so the browser never needs its own copy.
//
// NCND responses are also indexed under "~ncnd" whatever their wording: a
// response whose outcome is ncnd or that cites a provision marked NCND.
func Synonyms() []Synonym {
	return []Synonym{
		{"anpr", []string{"ANPR", "automatic number plate recognition", "automatic numberplate recognition"}},
		{"asb", []string{"ASB", "antisocial behaviour", "anti-social behaviour", "antisocial behavior", "anti-social behavior"}},
		{"bwv", []string{"BWV", "body worn video", "body-worn video", "body worn camera", "body-worn camera", "bodycam", "body cam"}},
		{"cctv", []string{"CCTV", "closed circuit television", "closed-circuit television"}},
		{"ced", []string{"CED", "taser", "conducted energy device", "conducted energy weapon"}},
		{"chis", []string{"CHIS", "covert human intelligence source"}},
		{"dbs", []string{"DBS", "disclosure and barring service"}},
		{"iopc", []string{"IOPC", "independent office for police conduct", "IPCC", "independent police complaints commission"}},
		{"lfr", []string{"LFR", "live facial recognition"}},
		{"ncnd", []string{"NCND", "neither confirm nor deny", "neither confirmed nor denied", "neither confirming nor denying"}},
		{"pcso", []string{"PCSO", "police community support officer"}},
		{"pnc", []string{"PNC", "police national computer"}},
		{"ripa", []string{"RIPA", "regulation of investigatory powers act"}},
		{"rtc", []string{"RTC", "road traffic collision", "road traffic accident"}},
		{"uav", []string{"UAV", "drone", "unmanned aerial vehicle", "RPAS", "remotely piloted aircraft system"}},
		{"vawg", []string{"VAWG", "violence against women and girls"}},
	}
}

// synonymSet is the table in the shape the indexer uses: member term
// sequences grouped by their first term.
type synonymSet struct {
	byFirst map[string][]synonymMember
}

type synonymMember struct {
	terms []string
	key   string
}

func newSynonymSet(groups []Synonym) synonymSet {
	s := synonymSet{byFirst: map[string][]synonymMember{}}
	for _, g := range groups {
		for _, m := range g.Members {
			ts := Terms(m)
			if len(ts) == 0 || s.has(ts, g.Key) {
				continue
			}
			s.byFirst[ts[0]] = append(s.byFirst[ts[0]], synonymMember{terms: ts, key: g.Key})
		}
	}
	return s
}

func (s synonymSet) has(terms []string, key string) bool {
	for _, m := range s.byFirst[terms[0]] {
		if m.key == key && slices.Equal(m.terms, terms) {
			return true
		}
	}
	return false
}
