package synth

import (
	"bytes"
	"strconv"
	"strings"
	"time"
)

// response is one generated response: its metadata, chosen up front, and
// the per-response state used while its body is written.
type response struct {
	g        *generator
	forceIdx int
	f        *force
	t        *topic
	regime   string
	outcome  string
	date     time.Time // date of the response
	received time.Time // date the request arrived
	from, to int       // the years the request asks about

	reference string
	slug      string // the page's slug: `slug:` when given, else derived from reference
	override  bool   // slug is written as `slug:`
	title     string
	cites     []cited
	provs     []*provision // the provisions of cites, in order, without repeats

	summary     string
	aliases     []string
	draft       string // "", "true" or "false"
	publish     string // RFC 3339 instant, or ""
	topics      []string
	attachments []attachment

	// House style, per force.
	dateForm  int
	wrapWidth int  // 0 writes each paragraph on one line
	bold      bool // headings are written **bold**

	cur  *provision // the provision {cite} names
	used []string   // templates already used in this body
}

type attachment struct {
	file, title string
	data        []byte
}

// response chooses everything about response i except its body.
func (g *generator) response(i int) *response {
	r := &response{g: g, used: make([]string, 0, 64)}
	r.forceIdx = g.pickForce()
	r.f = &forces[r.forceIdx]
	r.t = &topics[g.r.IntN(len(topics))]
	r.regime = foia
	switch {
	case r.f.scottish && r.t.env && g.chance(0.35):
		r.regime = eisr
	case r.f.scottish:
		r.regime = foisa
	case r.t.env && g.chance(0.4):
		r.regime = eir
	}
	r.outcome = g.pickOutcome()

	// Dates advance with i across the seven years before the reference
	// date, with some jitter, so references rise through each year.
	off := 0
	if g.n > 0 {
		off = i*g.days/g.n + g.intn(-12, 12)
	}
	off = min(max(off, 0), g.days-1)
	r.date = g.start.AddDate(0, 0, off)
	switch r.date.Weekday() {
	case time.Saturday:
		r.date = r.date.AddDate(0, 0, -1)
	case time.Sunday:
		r.date = r.date.AddDate(0, 0, 1)
	}
	delay := g.intn(5, 40)
	if g.chance(0.05) {
		delay = g.intn(41, 120)
	}
	r.received = r.date.AddDate(0, 0, -delay)
	r.to = r.received.Year()
	if g.chance(0.5) {
		r.to--
	}
	r.from = r.to - g.intn(1, 5)

	r.dateForm = r.forceIdx % 3
	if r.forceIdx%4 == 1 {
		r.wrapWidth = 100
	}
	r.bold = g.chance(0.2)

	r.chooseReference()
	r.chooseExemptions()
	r.title = upperFirst(r.expandString(pick(g, r.t.titles)))
	if g.chance(0.05) {
		r.title += " (" + strconv.Itoa(r.from) + " to " + strconv.Itoa(r.to) + ")"
	}
	r.chooseSlug()
	r.chooseExtras()
	return r
}

// chooseReference numbers the response in its force's sequence for the
// year the request arrived, skipping any reference or slug already taken.
func (r *response) chooseReference() {
	g := r.g
	key := counterKey{r.forceIdx, r.received.Year()}
	n, ok := g.counters[key]
	if !ok {
		n = g.intn(100, 600)
	}
	for {
		n += g.intn(1, 3)
		ref := r.f.ref(n, key.year)
		if g.chance(0.02) {
			ref += "A" // a reopened request or an internal review
		}
		slug := slugify(ref)
		if !g.taken[ref] && !g.taken[slug] {
			g.taken[ref], g.taken[slug] = true, true
			r.reference, r.slug = ref, slug
			break
		}
	}
	g.counters[key] = n
}

// chooseSlug sometimes gives the response a `slug:` of its own.
func (r *response) chooseSlug() {
	g := r.g
	if !g.chance(0.05) {
		return
	}
	base := slugify(r.title) + "-" + r.slug
	slug := base
	for k := 2; g.taken[slug]; k++ {
		slug = base + "-" + strconv.Itoa(k)
	}
	g.taken[slug] = true
	r.slug, r.override = slug, true
}

// chooseExemptions picks the provisions the outcome calls for and writes
// each citation the way staff do.
func (r *response) chooseExemptions() {
	g := r.g
	var nums []string
	switch r.outcome {
	case "disclosed":
		return
	case "not-held":
		if !g.chance(0.35) {
			return
		}
		nums = exemptionSets[r.regime]["not-held"][0]
	default:
		nums = pick(g, exemptionSets[r.regime][r.outcome])
	}
	ps := make([]*provision, len(nums))
	for i, num := range nums {
		ps[i] = prov(r.regime, num)
	}
	r.provs = ps
	// "Sections 23(5) and 24(2)": two NCND provisions of an Act in one entry.
	if len(ps) >= 2 && r.outcome == "ncnd" && ps[0].statute() == "Section" && g.chance(0.4) {
		r.cites = append(r.cites, cited{provs: ps[:2], text: "Sections " + ps[0].num + " and " + ps[1].num})
		ps = ps[2:]
	}
	for _, p := range ps {
		r.cites = append(r.cites, cited{provs: []*provision{p}, text: g.citeText(p)})
	}
}

// citeText writes p as staff write it in front-matter.
func (g *generator) citeText(p *provision) string {
	num, name := p.num, p.name
	if p.statute() == "Regulation" {
		switch w := g.r.IntN(100); {
		case w < 35:
			return "Regulation " + num + " " + name
		case w < 55:
			return "Regulation " + num
		case w < 75:
			return "Reg " + num
		case w < 85:
			return "Reg. " + num
		case w < 92:
			return "regulation " + num
		default:
			return "Regulation " + num + " - " + name
		}
	}
	act := "FOIA"
	if p.regime == foisa {
		act = "FOISA"
	}
	switch w := g.r.IntN(100); {
	case w < 30:
		return "Section " + num + " " + name
	case w < 46:
		return "Section " + num
	case w < 58:
		return "s." + num
	case w < 66:
		return "s" + num
	case w < 71:
		return "S." + num
	case w < 75:
		return "section " + num
	case w < 85:
		return "Section " + num + " - " + name
	case w < 88:
		return "Section " + num + " – " + name
	case w < 93:
		return "Section " + num + " " + act
	default:
		return "Section " + num + " " + strings.ToLower(name)
	}
}

// chooseExtras decides the optional front-matter: topics, summary,
// aliases, attachments, draft and embargo.
func (r *response) chooseExtras() {
	g := r.g
	r.topics = append(r.topics, r.t.name)
	for extra := g.intn(0, 2); extra > 0; extra-- {
		name := topics[g.r.IntN(len(topics))].name
		dup := false
		for _, have := range r.topics {
			dup = dup || have == name
		}
		if !dup {
			r.topics = append(r.topics, name)
		}
	}
	if g.chance(0.25) {
		r.summary = upperFirst(r.expandString(pick(g, summaries[r.outcome])))
	}
	if g.chance(0.1) {
		r.aliases = append(r.aliases, "/disclosure-log/"+strconv.Itoa(r.received.Year())+"/"+slugify(r.reference)+"/")
		if g.chance(0.3) {
			r.aliases = append(r.aliases, "/foi/"+slugify(r.reference)+".html")
		}
	}
	if (r.outcome == "disclosed" || r.outcome == "partial") && g.chance(0.03) {
		r.attachments = r.makeAttachments()
	}
	if g.draftEvery > 0 && g.r.IntN(g.draftEvery) == 0 {
		r.draft = "true"
	} else if g.chance(0.005) {
		r.draft = "false"
	}
	switch w := g.r.IntN(1000); {
	case w < 12: // an embargo still in force on the reference date
		at := g.reference.AddDate(0, 0, g.intn(1, 240)).Add(time.Duration(pick(g, []int{0, 7, 9, 9, 10})) * time.Hour)
		r.publish = at.Format(time.RFC3339)
	case w < 17: // an embargo that has passed
		r.publish = r.date.AddDate(0, 0, g.intn(1, 14)).Add(9 * time.Hour).Format(time.RFC3339)
	}
}

var summaries = map[string][]string{
	"disclosed": {
		"Figures on {subject} between {from} and {to} were disclosed in full.",
		"Information about {subject} was provided by {dept}.",
		"{Subject}: the figures held for {from} to {to}, disclosed in full.",
	},
	"partial": {
		"Some information about {subject} was disclosed; personal or sensitive details were withheld.",
		"Figures on {subject} were provided, with part of the request refused.",
	},
	"refused": {
		"A request for information about {subject} was refused.",
		"Information about {subject} was withheld, for the reasons given in the response.",
	},
	"ncnd": {
		"The force neither confirmed nor denied holding information about {subject}.",
	},
	"not-held": {
		"No information about {subject} was held in the form requested.",
		"The force does not record {subject} in a way that would answer the request.",
	},
}

// makeAttachments returns the CSV files of a bundle: figures by year and,
// sometimes, by area.
func (r *response) makeAttachments() []attachment {
	g := r.g
	unit := strings.ToLower(r.t.unit)
	var b strings.Builder
	b.WriteString("year," + slugify(unit) + "\n")
	for y := r.from; y <= r.to; y++ {
		b.WriteString(strconv.Itoa(y) + "," + strconv.Itoa(g.intn(3, 2500)) + "\n")
	}
	out := []attachment{{file: "figures.csv", title: r.t.unit + " by year", data: []byte(b.String())}}
	if g.chance(0.3) {
		b.Reset()
		b.WriteString("area," + slugify(unit) + "\n")
		for _, p := range r.f.places {
			b.WriteString(quoteCSV(p) + "," + strconv.Itoa(g.intn(0, 900)) + "\n")
		}
		out = append(out, attachment{file: "by-area.csv", title: r.t.unit + " by area", data: []byte(b.String())})
	}
	return out
}

// quoteCSV quotes a CSV field when it holds a comma or a quote.
func quoteCSV(s string) string {
	if !strings.ContainsAny(s, ",\"") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// keyOrders are the orders in which forces' templates list the
// front-matter keys; a force keeps to one.
var keyOrders = [][]string{
	{"title", "reference", "slug", "date", "received", "force", "regime", "exemptions", "outcome", "topics", "summary", "attachments", "draft", "publish", "aliases"},
	{"title", "reference", "slug", "force", "regime", "received", "date", "outcome", "exemptions", "topics", "summary", "attachments", "aliases", "publish", "draft"},
	{"reference", "title", "slug", "date", "received", "outcome", "exemptions", "force", "regime", "topics", "summary", "aliases", "attachments", "draft", "publish"},
}

// writeFrontMatter writes the `---` delimited YAML block.
func (r *response) writeFrontMatter(b *bytes.Buffer) {
	g := r.g
	b.WriteString("---\n")
	indent := "  - "
	if r.forceIdx%2 == 1 {
		indent = "- "
	}
	for _, key := range keyOrders[r.forceIdx%len(keyOrders)] {
		switch key {
		case "title":
			v := yamlString(r.title, false)
			if v == r.title && g.chance(0.1) {
				v = quoted(r.title)
			}
			b.WriteString("title: " + v + "\n")
		case "reference":
			switch {
			case r.forceIdx%3 == 1 && plainSafe(r.reference, false):
				b.WriteString("reference: " + r.reference + "\n")
			case r.forceIdx%3 == 2:
				b.WriteString("reference: '" + r.reference + "'\n")
			default:
				b.WriteString("reference: " + quoted(r.reference) + "\n")
			}
		case "slug":
			if r.override {
				b.WriteString("slug: " + r.slug + "\n")
			}
		case "date":
			b.WriteString("date: " + r.formatDate(r.date) + "\n")
		case "received":
			if r.forceIdx != 4 && !g.chance(0.15) {
				b.WriteString("received: " + r.formatDate(r.received) + "\n")
			}
		case "force":
			if r.f.name != authority || g.chance(0.5) {
				b.WriteString("force: " + r.f.name + "\n")
			}
		case "regime":
			if r.regime != foia || g.chance(0.4) {
				b.WriteString("regime: " + r.regime + "\n")
			}
		case "exemptions":
			r.writeExemptions(b, indent)
		case "outcome":
			b.WriteString("outcome: " + r.outcome + "\n")
		case "topics":
			writeList(b, "topics", r.topics, r.forceIdx%4 != 3, indent)
		case "summary":
			if r.summary == "" {
				break
			}
			if len(r.summary) > 60 && g.chance(0.3) {
				b.WriteString("summary: >-\n")
				var w strings.Builder
				wrap(&w, r.summary, 76)
				for line := range strings.SplitSeq(w.String(), "\n") {
					b.WriteString("  " + line + "\n")
				}
				break
			}
			b.WriteString("summary: " + yamlString(r.summary, false) + "\n")
		case "attachments":
			if len(r.attachments) == 0 {
				break
			}
			b.WriteString("attachments:\n")
			for _, a := range r.attachments {
				b.WriteString("  - file: " + a.file + "\n    title: " + yamlString(a.title, false) + "\n")
			}
		case "draft":
			if r.draft != "" {
				b.WriteString("draft: " + r.draft + "\n")
			}
		case "publish":
			if r.publish != "" {
				b.WriteString("publish: " + r.publish + "\n")
			}
		case "aliases":
			if len(r.aliases) > 0 {
				writeList(b, "aliases", r.aliases, true, indent)
			}
		}
	}
	b.WriteString("---\n")
}

// formatDate writes t in the force's preferred form, or now and then in
// another accepted form.
func (r *response) formatDate(t time.Time) string {
	form := r.dateForm
	if r.g.chance(0.3) {
		form = r.g.r.IntN(3)
	}
	s := formatDate(t, form)
	if form == dateISO && r.g.chance(0.05) {
		s = quoted(s)
	}
	return s
}

func (r *response) writeExemptions(b *bytes.Buffer, indent string) {
	if len(r.cites) == 0 {
		if r.outcome == "disclosed" && r.g.chance(0.05) {
			b.WriteString("exemptions: []\n")
		}
		return
	}
	items := make([]string, len(r.cites))
	for i, c := range r.cites {
		items[i] = c.text
	}
	writeList(b, "exemptions", items, r.forceIdx%5 == 2, indent)
}

// writeList writes key with items as a flow sequence when flow is set and
// every item can be written plain in one, else as a block sequence.
func writeList(b *bytes.Buffer, key string, items []string, flow bool, indent string) {
	for _, it := range items {
		flow = flow && plainSafe(it, true)
	}
	if flow {
		b.WriteString(key + ": [" + strings.Join(items, ", ") + "]\n")
		return
	}
	b.WriteString(key + ":\n")
	for _, it := range items {
		b.WriteString(indent + yamlString(it, false) + "\n")
	}
}

// write writes the whole file: front-matter, a blank line, the body.
func (r *response) write(b *bytes.Buffer) {
	r.writeFrontMatter(b)
	b.WriteByte('\n')
	r.writeBody(b)
}
