package synth

import (
	"strconv"
	"strings"
)

// unused returns a template from bank not yet used in this body, if one
// turns up in a few tries, and marks it used.
func (r *response) unused(bank []string) string {
	t := pick(r.g, bank)
	for try := 0; try < 4 && r.isUsed(t); try++ {
		t = pick(r.g, bank)
	}
	r.used = append(r.used, t)
	return t
}

func (r *response) isUsed(t string) bool {
	for _, u := range r.used {
		if u == t {
			return true
		}
	}
	return false
}

// paragraph returns k sentences from bank, expanded and joined, wrapped
// in the force's house style. Sentences already used in the body are
// avoided while others remain.
func (r *response) paragraph(bank []string, k int) string {
	var b strings.Builder
	b.Grow(160 * k)
	for i := range k {
		if i > 0 {
			b.WriteByte(' ')
		}
		r.expand(&b, r.unused(bank))
	}
	return r.wrapped(b.String())
}

// more returns a paragraph of up to k sentences of bank not yet used in
// the body, or "" when every sentence of bank has been used.
func (r *response) more(bank []string, k int) string {
	var b strings.Builder
	b.Grow(160 * k)
	for range k {
		t, ok := r.fresh(bank)
		if !ok {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		r.expand(&b, t)
	}
	if b.Len() == 0 {
		return ""
	}
	return r.wrapped(b.String())
}

// fresh returns a sentence of bank not yet used in the body and marks it
// used; ok is false when there is none.
func (r *response) fresh(bank []string) (t string, ok bool) {
	n := 0
	for _, s := range bank {
		if !r.isUsed(s) {
			n++
		}
	}
	if n == 0 {
		return "", false
	}
	k := r.g.r.IntN(n)
	for _, s := range bank {
		if !r.isUsed(s) {
			if k == 0 {
				t = s
				break
			}
			k--
		}
	}
	r.used = append(r.used, t)
	return t, true
}

// wrapped returns text hard-wrapped when the force's editor wraps lines.
func (r *response) wrapped(text string) string {
	if r.wrapWidth == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + len(text)/r.wrapWidth)
	wrap(&b, text, r.wrapWidth)
	return b.String()
}

// expandString returns tmpl with its slots filled.
func (r *response) expandString(tmpl string) string {
	if strings.IndexByte(tmpl, '{') < 0 {
		return tmpl
	}
	var b strings.Builder
	b.Grow(len(tmpl) + 32)
	r.expand(&b, tmpl)
	return b.String()
}

// expand writes tmpl to b with each {slot} replaced by its value.
func (r *response) expand(b *strings.Builder, tmpl string) {
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			return
		}
		b.WriteString(tmpl[:i])
		r.slot(b, tmpl[i+1:i+j])
		tmpl = tmpl[i+j+1:]
	}
}

// slot writes the value of one slot. Values are drawn afresh at each use,
// so two {n} in a sentence differ. An unknown slot is written back in
// braces, which the tests look for.
func (r *response) slot(b *strings.Builder, name string) {
	g := r.g
	switch name {
	case "force":
		if r.f.article {
			b.WriteString("the ")
		}
		b.WriteString(r.f.name)
	case "Force":
		if r.f.article {
			b.WriteString("The ")
		}
		b.WriteString(r.f.name)
	case "short":
		b.WriteString(r.f.short)
	case "place", "Place", "place2":
		b.WriteString(pick(g, r.f.places))
	case "subject":
		b.WriteString(pick(g, r.t.subjects))
	case "Subject":
		b.WriteString(upperFirst(pick(g, r.t.subjects)))
	case "topic":
		if r.t.proper {
			b.WriteString(r.t.name)
		} else {
			b.WriteString(strings.ToLower(r.t.name))
		}
	case "unit":
		b.WriteString(strings.ToLower(r.t.unit))
	case "dept":
		b.WriteString(r.t.dept)
	case "oversight":
		b.WriteString(r.f.oversight)
	case "operation":
		b.WriteString(pick(g, operations))
	case "partner":
		b.WriteString(pick(g, partners))
	case "system":
		b.WriteString(pick(g, systems))
	case "year":
		b.WriteString(strconv.Itoa(g.intn(r.from, r.to)))
	case "from":
		b.WriteString(strconv.Itoa(r.from))
	case "to":
		b.WriteString(strconv.Itoa(r.to))
	case "fy":
		y := g.intn(r.from, r.to-1)
		b.WriteString(strconv.Itoa(y) + "/" + yy(y+1))
	case "month":
		b.WriteString(pick(g, months))
	case "later": // a month after the response, as "April 2024"
		b.WriteString(r.date.AddDate(0, g.intn(1, 6), 0).Format("January 2006"))
	case "n":
		b.WriteString(strconv.Itoa(g.intn(6, 950)))
	case "n2":
		b.WriteString(strconv.Itoa(g.intn(2, 60)))
	case "big":
		b.WriteString(thousands(g.intn(1200, 98000)))
	case "big2":
		b.WriteString(thousands(g.intn(1000, 30000)))
	case "money":
		b.WriteString("£" + thousands(g.intn(2000, 2400000)))
	case "money2":
		b.WriteString("£" + thousands(g.intn(1500, 40000)))
	case "pct":
		b.WriteString(strconv.Itoa(g.intn(2, 89)))
		if g.chance(0.3) {
			b.WriteString("." + strconv.Itoa(g.intn(1, 9)))
		}
		if g.chance(0.4) {
			b.WriteString(" per cent")
		} else {
			b.WriteByte('%')
		}
	case "date":
		b.WriteString(longDate(r.date.AddDate(0, 0, -g.intn(1, 5))))
	case "received":
		b.WriteString(longDate(r.received))
	case "reference":
		b.WriteString(r.reference)
	case "act":
		b.WriteString(actNames[r.regime])
	case "actshort":
		if r.regime == eir || r.regime == eisr {
			b.WriteString("Regulations")
		} else {
			b.WriteString("Act")
		}
	case "commissioner":
		if r.regime == foisa || r.regime == eisr {
			b.WriteString("Scottish Information Commissioner")
		} else {
			b.WriteString("Information Commissioner")
		}
	case "cite":
		if r.cur != nil {
			b.WriteString(r.cur.canonical())
		}
	case "cites":
		for i, p := range r.provs {
			switch {
			case i == 0:
			case i == len(r.provs)-1:
				b.WriteString(" and ")
			default:
				b.WriteString(", ")
			}
			b.WriteString(p.canonical())
		}
	default:
		b.WriteString("{" + name + "}")
	}
}

var actNames = map[string]string{
	foia:  "Freedom of Information Act 2000",
	foisa: "Freedom of Information (Scotland) Act 2002",
	eir:   "Environmental Information Regulations 2004",
	eisr:  "Environmental Information (Scotland) Regulations 2004",
}
