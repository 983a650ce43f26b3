package synth

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
)

// Body length bounds, in words as countWords counts them.
const (
	minWords = 300
	maxWords = 1450 // below the 1,500 promised, leaving room for Markdown tokens
)

// section is one headed part of a body. Its blocks are Markdown blocks
// (paragraphs, lists, tables, code) written without trailing newlines.
type section struct {
	level  int
	title  string
	blocks []string
	// grow returns one more paragraph for the section when the body is
	// short of its target, or nil when the section does not grow.
	grow func() string
}

// wordTargets are the lowest and highest body targets per outcome.
var wordTargets = map[string][2]int{
	"disclosed": {320, 900},
	"partial":   {450, 1300},
	"refused":   {480, 1440},
	"ncnd":      {450, 1300},
	"not-held":  {310, 800},
}

// writeBody writes the Markdown body: the sections the outcome calls for,
// grown to a target length drawn for the response.
func (r *response) writeBody(b *bytes.Buffer) {
	g := r.g
	secs, reserve := r.sections()

	bounds := wordTargets[r.outcome]
	u := g.r.Float64()
	target := bounds[0] + int(float64(bounds[1]-bounds[0])*u*u)
	total := 0
	var growable []int
	for i, s := range secs {
		total += countWords(s.title)
		for _, bl := range s.blocks {
			total += countWords(bl)
		}
		if s.grow != nil {
			growable = append(growable, i)
		}
	}
	grow := func() {
		for total < target && len(growable) > 0 {
			k := g.r.IntN(len(growable))
			i := growable[k]
			p := secs[i].grow()
			w := countWords(p)
			if p == "" || total+w > maxWords {
				// The section has nothing more to say, or too much.
				growable = slices.Delete(growable, k, k+1)
				continue
			}
			secs[i].blocks = append(secs[i].blocks, p)
			total += w
		}
	}
	grow()
	if total < minWords {
		// Short of the minimum with every section spent: add the reserve
		// section before the closing one.
		last := len(secs) - 1
		secs = append(secs[:last], reserve, secs[last])
		total += countWords(reserve.title) + countWords(reserve.blocks[0])
		growable = append(growable[:0], last)
		target = max(target, minWords)
		grow()
	}
	// Drop optional blocks from the end should the fixed parts be too long.
	for i := len(secs) - 1; i >= 0 && total > maxWords; i-- {
		for len(secs[i].blocks) > 1 && total > maxWords {
			last := secs[i].blocks[len(secs[i].blocks)-1]
			total -= countWords(last)
			secs[i].blocks = secs[i].blocks[:len(secs[i].blocks)-1]
		}
	}

	for i, s := range secs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.Repeat("#", s.level))
		b.WriteByte(' ')
		if r.bold && s.level <= 3 {
			b.WriteString("**" + s.title + "**")
		} else {
			b.WriteString(s.title)
		}
		b.WriteString("\n")
		for _, bl := range s.blocks {
			b.WriteString("\n")
			b.WriteString(bl)
			b.WriteString("\n")
		}
	}
}

// sections lays out the body for the response's outcome, and returns a
// reserve section of background to add should the body fall short.
func (r *response) sections() (secs []section, reserve section) {
	g := r.g
	secs = []section{r.requestSection(), r.responseSection()}

	cost, vexatious := false, false
	var withheld, harmful, qualified []*provision
	for _, p := range r.provs {
		switch p.fam {
		case famCost:
			cost = true
		case famVexatious:
			vexatious = true
		case famNotHeld:
			continue
		}
		if p.fam != famCost && p.fam != famVexatious {
			withheld = append(withheld, p)
		}
		switch p.fam {
		case famSecurity, famLaw, famHealth, famCommercial, famAffairs, famFuture:
			harmful = append(harmful, p)
		}
		if p.qualified {
			qualified = append(qualified, p)
		}
	}

	if len(withheld) > 0 {
		secs = append(secs, section{level: 2, title: pick(g, reasonHeadings)})
		for _, p := range withheld {
			r.cur = p
			bank := reasons[p.fam]
			s := section{level: 3, title: p.canonical(), blocks: []string{r.paragraph(bank, 1+g.r.IntN(2))}}
			if p.ncnd && p.fam != famNCND {
				s.blocks[0] += " " + r.expandString(pick(g, ncndStatements))
			}
			secs = append(secs, s)
		}
	}
	if len(harmful) > 0 {
		bank := r.harmBank(harmful)
		secs = append(secs, section{level: 2, title: pick(g, harmHeadings),
			blocks: []string{r.paragraph(bank, 2)},
			grow:   func() string { return r.more(bank, 2) }})
	}
	if len(qualified) > 0 {
		secs = append(secs, section{level: 2, title: pick(g, pitHeadings)})
		favourTitle, againstTitle := pick(g, favourHeadings), pick(g, againstHeadings)
		for _, p := range qualified {
			secs = append(secs, section{level: 3, title: p.canonical()})
			fav, ag := factorBank(favour, p.fam), factorBank(against, p.fam)
			cur := p
			secs = append(secs,
				section{level: 4, title: favourTitle, blocks: []string{r.factors(fav, p)},
					grow: func() string { r.cur = cur; return r.more(fav, 2) }},
				section{level: 4, title: againstTitle, blocks: []string{r.factors(ag, p)},
					grow: func() string { r.cur = cur; return r.more(ag, 2) }})
		}
		bal := balancing
		if r.regime == eir || r.regime == eisr {
			bal = append(append([]string(nil), balancingEnv...), balancing...)
		}
		s := section{level: 2, title: pick(g, balanceHeadings), blocks: []string{r.paragraph(bal, 2+g.r.IntN(2))}}
		if r.outcome == "ncnd" {
			s.blocks = append(s.blocks, r.paragraph(noInference, 1))
		}
		secs = append(secs, s)
	} else if r.outcome == "ncnd" {
		secs[len(secs)-1].blocks = append(secs[len(secs)-1].blocks, r.paragraph(noInference, 1))
	}

	if cost || vexatious || (r.outcome == "not-held" && g.chance(0.6)) || g.chance(0.1) {
		secs = append(secs, section{level: 2, title: pick(g, assistHeadings),
			blocks: []string{r.paragraph(assistance, 1+g.r.IntN(2))},
			grow:   func() string { return r.more(assistance, 1) }})
	}
	background := join(r.t.notes, backgrounds)
	extra := section{level: 2, title: pick(g, extraHeadings),
		blocks: []string{r.paragraph(r.t.notes, 2)},
		grow:   func() string { return r.more(background, 2) }}
	if g.chance(0.3) {
		secs = append(secs, extra)
	} else {
		reserve = extra
		reserve.blocks = []string{r.paragraph(backgrounds, 2)}
	}
	secs = append(secs, r.reviewSection())
	return secs, reserve
}

// join returns the concatenation of banks as a new slice.
func join(banks ...[]string) []string {
	var out []string
	for _, b := range banks {
		out = append(out, b...)
	}
	return out
}

// harmBank returns the harm sentences for the families of ps, led by the
// topic's own.
func (r *response) harmBank(ps []*provision) []string {
	bank := append([]string(nil), r.t.harms...)
	var seen []family
	for _, p := range ps {
		if !slices.Contains(seen, p.fam) {
			seen = append(seen, p.fam)
			bank = append(bank, harms[p.fam]...)
		}
	}
	return append(bank, harms[famAny]...)
}

// factorBank returns the family's factors followed by the general ones.
func factorBank(m map[family][]string, f family) []string {
	return append(append([]string(nil), m[f]...), m[famAny]...)
}

// factors returns a paragraph of two public interest factors about p, or
// a short bulleted list of them.
func (r *response) factors(bank []string, p *provision) string {
	r.cur = p
	if r.g.chance(0.25) {
		var b strings.Builder
		for i := range 2 + r.g.r.IntN(2) {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString("- ")
			b.WriteString(r.expandString(r.unused(bank)))
		}
		return b.String()
	}
	return r.paragraph(bank, 2)
}

// requestSection quotes the request: a lead sentence, then the questions
// as a list or a block quote.
func (r *response) requestSection() section {
	g := r.g
	s := section{level: 2, title: pick(g, requestHeadings)}
	s.blocks = append(s.blocks, r.paragraph(requestLeads, 1)+" "+pick(g, requestIntros))

	var asks []string
	for _, a := range r.t.asks {
		if g.chance(0.55) {
			asks = append(asks, a)
		}
	}
	if len(asks) == 0 {
		asks = append(asks, pick(g, r.t.asks))
	}
	if g.chance(0.4) {
		asks = append(asks, pick(g, genericAsks))
	}
	var b strings.Builder
	switch w := g.r.IntN(100); {
	case w < 50 || len(asks) == 1 && w < 60:
		for i, a := range asks {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(strconv.Itoa(i+1) + ". ")
			b.WriteString(r.expandString(a))
		}
	case w < 65:
		for i, a := range asks {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString("- " + r.expandString(a))
		}
	default:
		for i, a := range asks {
			if i > 0 {
				b.WriteString("\n>\n")
			}
			b.WriteString("> " + r.expandString(a))
		}
	}
	s.blocks = append(s.blocks, b.String())
	if g.chance(0.3) {
		s.blocks = append(s.blocks, r.paragraph(requesterContext, 1+g.r.IntN(2)))
	}
	return s
}

// responseSection opens the answer according to the outcome and, for
// disclosures, answers each question with figures.
func (r *response) responseSection() section {
	g := r.g
	s := section{level: 2, title: pick(g, responseHeadings)}
	if len(r.provs) > 0 {
		r.cur = r.provs[0]
	}
	s.blocks = append(s.blocks, r.paragraph(openers[r.outcome], 1))

	switch r.outcome {
	case "disclosed", "partial":
		r.answers(&s)
		if len(r.attachments) > 0 {
			s.blocks = append(s.blocks, "The figures are provided in the attached file, "+r.attachments[0].title+".")
		}
		if g.chance(0.15) {
			s.blocks = append(s.blocks, pick(g, tableLeads), r.table())
		}
		if g.chance(0.04) {
			s.blocks = append(s.blocks, r.codeBlock())
		}
		if g.chance(0.5) {
			s.blocks = append(s.blocks, r.paragraph(caveats, 1+g.r.IntN(2)))
		}
		pool := join(caveats, figures, r.t.notes, r.t.facts, backgrounds)
		s.grow = func() string { return r.more(pool, 2) }
	case "not-held":
		s.blocks = append(s.blocks, r.paragraph(notHeldReasons, 2))
		if g.chance(0.05) {
			s.blocks = append(s.blocks, r.codeBlock())
		}
		pool := join(notHeldReasons, r.t.notes)
		s.grow = func() string { return r.more(pool, 2) }
	case "ncnd":
		s.blocks = append(s.blocks, r.paragraph(ncndStatements, 2))
		s.grow = func() string { return r.more(ncndStatements, 1) }
	case "refused":
		for _, p := range r.provs {
			r.cur = p
			switch p.fam {
			case famCost:
				kind := "english"
				switch r.regime {
				case foisa:
					kind = "scottish"
				case eir, eisr:
					kind = "env"
				}
				s.blocks = append(s.blocks, r.paragraph(costReasons[kind], 2), r.paragraph(costReasons["any"], 2))
				s.grow = func() string { return r.more(costReasons["any"], 1) }
			case famVexatious:
				s.blocks = append(s.blocks, r.paragraph(vexatiousReasons, 3))
				s.grow = func() string { return r.more(vexatiousReasons, 1) }
			}
		}
		if s.grow == nil {
			pool := join(r.t.notes, backgrounds)
			s.grow = func() string { return r.more(pool, 2) }
		}
	}
	return s
}

// answers adds one answer per question, as a numbered list or as
// paragraphs led by the question number. A partial disclosure withholds
// the last answer.
func (r *response) answers(s *section) {
	g := r.g
	n := 1 + g.r.IntN(4)
	style := g.r.IntN(4)
	var list strings.Builder
	for i := range n {
		var text string
		switch {
		case r.outcome == "partial" && i == n-1 && len(r.provs) > 0:
			r.cur = r.provs[0]
			text = r.expandString(pick(g, []string{
				"This part of your request is exempt under {cite}; the reasons are explained below.",
				"The information for this question is withheld by virtue of {cite}.",
				"We are unable to provide this information, which is exempt under {cite}, as set out below.",
			}))
		case g.chance(0.3):
			text = r.expandString(pick(g, answerLeads)) + " " + lowerFirst(r.expandString(r.unused(figures)))
		default:
			facts := r.t.facts
			if g.chance(0.3) {
				facts = figures
			}
			text = r.expandString(r.unused(facts))
		}
		switch style {
		case 0, 1:
			if i > 0 {
				list.WriteByte('\n')
			}
			list.WriteString(strconv.Itoa(i+1) + ". " + text)
		case 2:
			s.blocks = append(s.blocks, "**Question "+strconv.Itoa(i+1)+":** "+text)
		default:
			s.blocks = append(s.blocks, "Q"+strconv.Itoa(i+1)+". "+text)
		}
	}
	if list.Len() > 0 {
		s.blocks = append(s.blocks, list.String())
	}
}

var tableLeads = []string{
	"Please see the table below for a breakdown by year.",
	"The figures are set out in the table below.",
	"The information is shown in the following table.",
	"A breakdown is provided below.",
}

// lowerFirst lower-cases the first letter of s when s starts with a common
// word, so that a sentence can follow a lead-in; names are left alone.
func lowerFirst(s string) string {
	for _, w := range []string{"In ", "Of ", "The ", "These ", "No ", "Between "} {
		if strings.HasPrefix(s, w) {
			return string(s[0]-'A'+'a') + s[1:]
		}
	}
	return s
}

// table returns a Markdown table of figures by year, by year and area.
func (r *response) table() string {
	g := r.g
	var cols []string
	if g.chance(0.5) {
		cols = []string{r.t.unit}
	} else {
		places := r.f.places
		k := min(2+g.r.IntN(2), len(places))
		start := g.r.IntN(len(places))
		for i := range k {
			cols = append(cols, places[(start+i)%len(places)])
		}
		cols = append(cols, "Total")
	}
	financial := g.chance(0.4)
	var b strings.Builder
	b.WriteString("| ")
	if financial {
		b.WriteString("Financial year")
	} else {
		b.WriteString("Year")
	}
	for _, c := range cols {
		b.WriteString(" | " + c)
	}
	b.WriteString(" |\n|")
	align := ""
	if g.chance(0.5) {
		align = ":"
	}
	b.WriteString("---")
	for range cols {
		b.WriteString("|---" + align)
	}
	b.WriteString("|")
	for y := r.from; y <= r.to; y++ {
		b.WriteString("\n| ")
		if financial {
			b.WriteString(strconv.Itoa(y) + "/" + yy(y+1))
		} else {
			b.WriteString(strconv.Itoa(y))
		}
		sum := 0
		for j := range cols {
			v := g.intn(0, 1200)
			if len(cols) > 1 && j == len(cols)-1 {
				v = sum
			}
			sum += v
			b.WriteString(" | " + thousands(v))
		}
		b.WriteString(" |")
	}
	return b.String()
}

// codeBlock returns a fenced block: the query that produced the figures,
// a CSV extract or the search terms used.
func (r *response) codeBlock() string {
	g := r.g
	unit := slugify(r.t.unit)
	var b strings.Builder
	switch g.r.IntN(3) {
	case 0:
		b.WriteString("```sql\nSELECT EXTRACT(YEAR FROM created_on) AS year, COUNT(*) AS total\nFROM " +
			strings.ReplaceAll(unit, "-", "_") + "\nWHERE created_on BETWEEN '" + strconv.Itoa(r.from) + "-01-01' AND '" +
			strconv.Itoa(r.to) + "-12-31'\nGROUP BY year\nORDER BY year;\n```")
	case 1:
		b.WriteString("```csv\nyear," + unit + "\n")
		for y := r.from; y <= r.to; y++ {
			b.WriteString(strconv.Itoa(y) + "," + strconv.Itoa(g.intn(0, 900)) + "\n")
		}
		b.WriteString("```")
	default:
		b.WriteString("```text\nSystem searched: " + pick(g, systems) + "\nSearch terms: " + pick(g, r.t.subjects) +
			"\nDate range: 01/01/" + strconv.Itoa(r.from) + " to 31/12/" + strconv.Itoa(r.to) +
			"\nRecords returned: " + strconv.Itoa(g.intn(0, 400)) + "\n```")
	}
	return b.String()
}

// reviewSection closes the response with the requester's right of review
// and of complaint to the regulator.
func (r *response) reviewSection() section {
	g := r.g
	scottish := r.regime == foisa || r.regime == eisr
	lines := reviewLines[scottish]
	var b strings.Builder
	b.WriteString(r.expandString(lines[g.r.IntN(2)]))
	for _, l := range lines[2:] {
		if g.chance(0.6) {
			b.WriteString(" " + r.expandString(l))
		}
	}
	if !strings.Contains(b.String(), "<https://") {
		b.WriteString(" " + r.expandString(lines[2]))
	}
	s := section{level: 2, title: pick(g, reviewHeadings), blocks: []string{r.wrapped(b.String())}}
	if g.chance(0.5) {
		s.blocks = append(s.blocks, r.paragraph(closings, 1))
	}
	return s
}
