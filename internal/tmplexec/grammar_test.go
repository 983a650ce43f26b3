package tmplexec

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
)

// FuzzTemplates writes templates from a small grammar of the template
// language, driven by the fuzzer's bytes, and compares a Program with
// html/template as the site uses them: html/template executes the
// template once with one value (which escapes it), the Program is
// compiled, and then both execute it with another value. Whenever the
// Program succeeds, html/template must succeed too, with the same bytes;
// when html/template fails, the Program must fail.
func FuzzTemplates(f *testing.F) {
	for _, seed := range []string{
		"\x00\x01\x02", "\x10\x05\x20\x07\x03", "\x0b\x0c\x0d\x0e\x0f\x11\x12", "\x30\x31\x32\x33\x34\x35\x36\x37",
		"\x08\x18\x28\x38\x48\x58\x68\x78\x88", "\x0a\x09\x0a\x09\x01\x0a\x02", "\xfe\xfd\xfc\xfb\xfa\xf9\xf8",
	} {
		f.Add([]byte(seed), byte(0), byte(1))
	}
	values := []func() *item{
		sample,
		func() *item { return &item{} },
		func() *item { return &item{Next: &item{}, Extra: map[string]any{}} },
		func() *item {
			it := sample()
			it.Links, it.Names, it.Count, it.Draft = nil, []string{}, 0, true
			return it
		},
		func() *item {
			it := sample()
			it.Title, it.Count, it.Outcome = `<b>"A & B"</b>`, -2, "refused"
			it.Next = &item{Title: "javascript:alert(1)", Next: &item{}}
			return it
		},
	}
	f.Fuzz(func(t *testing.T, program []byte, first, second byte) {
		g := &grammar{in: program}
		text := g.list(0)
		tpl, err := template.New("page").Funcs(funcs).Parse(text)
		if err != nil {
			return // not a template (a variable used out of scope, say)
		}
		template.Must(tpl.New("part").Parse(`{{with .Item}}<li>{{.Title}}</li>{{end}}`))
		var w bytes.Buffer
		if err := tpl.Execute(&w, values[int(first)%len(values)]()); err != nil {
			return // the site compiles only after html/template succeeds once
		}
		p, err := Compile(tpl, funcs)
		if err != nil {
			return // html/template keeps it
		}
		data := values[int(second)%len(values)]() // one value: printing a pointer prints its address
		w.Reset()
		herr := tpl.Execute(&w, data)
		var got bytes.Buffer
		perr := p.Execute(&got, data)
		switch {
		case perr != nil:
			// html/template renders this page: nothing to compare.
		case herr != nil:
			t.Fatalf("%s\nhtml/template failed (%v) but the Program gave %q", text, herr, got.String())
		case got.String() != w.String():
			t.Fatalf("%s\n got  %q\nwant %q", text, got.String(), w.String())
		}
	})
}

// grammar turns bytes into template text: each byte picks the next
// construct, so that the fuzzer's mutations explore the language.
type grammar struct {
	in   []byte
	vars []string // variables in scope
}

// next returns the next byte, or -1 when there is none.
func (g *grammar) next() int {
	if len(g.in) == 0 {
		return -1
	}
	b := g.in[0]
	g.in = g.in[1:]
	return int(b)
}

// pick returns the next byte modulo n, or 0 when there is none.
func (g *grammar) pick(n int) int {
	return max(g.next(), 0) % n
}

// list writes a sequence of text and actions, nesting up to depth 4.
func (g *grammar) list(depth int) string {
	var b strings.Builder
	for n := 0; n < 6; n++ {
		c := g.next()
		if c < 0 {
			break
		}
		switch c % 16 {
		case 0:
			b.WriteString(texts[g.pick(8)])
		case 1, 2:
			b.WriteString("{{" + g.pipe() + "}}")
		case 3:
			b.WriteString(`<a href="{{` + g.pipe() + `}}">`)
		case 4:
			b.WriteString(`<a title="{{` + g.pipe() + `}}">`)
		case 5:
			b.WriteString(`<title>{{` + g.pipe() + `}}</title>`)
		case 6:
			b.WriteString(`<a href="/s?q={{` + g.pipe() + `}}">`)
		case 7, 8:
			if depth < 4 {
				b.WriteString("{{if " + g.pipe() + "}}" + g.list(depth+1) + g.elseList(depth) + "{{end}}")
			}
		case 9:
			if depth < 4 {
				b.WriteString("{{with " + g.pipe() + "}}" + g.list(depth+1) + g.elseList(depth) + "{{end}}")
			}
		case 10:
			if depth < 4 {
				over := ranges[g.pick(4)]
				switch g.pick(4) {
				case 0:
					g.vars = append(g.vars, "$e")
					b.WriteString("{{range $e := " + over + "}}" + g.list(depth+1) + "{{end}}")
					g.vars = g.vars[:len(g.vars)-1]
				case 1:
					g.vars = append(g.vars, "$i", "$e")
					b.WriteString("{{range $i, $e := " + over + "}}" + g.list(depth+1) + g.elseList(depth) + "{{end}}")
					g.vars = g.vars[:len(g.vars)-2]
				default:
					b.WriteString("{{range " + over + "}}" + g.list(depth+1) + g.elseList(depth) + "{{end}}")
				}
			}
		case 11:
			name := []string{"$x", "$y"}[g.pick(2)]
			b.WriteString("{{" + name + " := " + g.pipe() + "}}")
			g.vars = append(g.vars, name)
		case 12:
			if len(g.vars) > 0 {
				b.WriteString("{{" + g.vars[g.pick(len(g.vars))] + " = " + g.pipe() + "}}")
			}
		case 13:
			b.WriteString(`{{template "part" (dict "Item" ` + g.operand() + `)}}`)
		case 14:
			b.WriteString("{{- " + g.pipe() + " -}} ")
		case 15:
			b.WriteString("{{/* c */}}")
		}
	}
	return b.String()
}

func (g *grammar) elseList(depth int) string {
	if g.pick(2) == 0 {
		return ""
	}
	return "{{else}}" + g.list(depth+1)
}

// pipe writes a pipeline: an operand, a function call or a builtin,
// maybe followed by a command that takes it as its last argument.
func (g *grammar) pipe() string {
	var p string
	switch g.pick(12) {
	case 0, 1, 2, 3:
		p = g.operand()
	case 4:
		p = "not " + g.operand()
	case 5:
		p = []string{"and", "or"}[g.pick(2)] + " " + g.operand() + " " + g.operand()
	case 6:
		p = []string{"eq", "ne", "lt", "le", "gt", "ge"}[g.pick(6)] + " " + g.operand() + " " + g.operand()
	case 7:
		p = "len " + g.operand()
	case 8:
		p = `printf "%v-%v" ` + g.operand() + " " + g.operand()
	case 9:
		p = "print " + g.operand() + " " + g.operand()
	case 10:
		p = "relURL " + g.operand()
	case 11:
		p = `plural .Count "one" "many"`
	}
	switch g.pick(6) {
	case 0:
		p += " | len"
	case 1:
		p += ` | printf "%v"`
	case 2:
		p += " | not"
	}
	return p
}

// operand writes a field, method, variable or constant.
func (g *grammar) operand() string {
	c := g.pick(256)
	if c%9 == 8 && len(g.vars) > 0 {
		v := g.vars[g.pick(len(g.vars))]
		if g.pick(2) == 0 {
			return v
		}
		return v + ".Title"
	}
	return operands[c%len(operands)]
}

var (
	texts = []string{"plain text ", "<p>", "</p>", "<b>", `<a href="/x/">`, "</a>", " & ", "<br>"}

	ranges = []string{".Links", ".Names", ".Next.Names", ".Extra.List"}

	operands = []string{
		".", ".Title", ".Count", ".Draft", ".Links", ".Names", ".Body", ".URL", ".Outcome", ".Outcome.Label",
		".Date", ".Date.Long", ".Date.Year", ".Date.IsZero", ".Next", ".Next.Title", ".Next.Next", ".Extra",
		".Extra.Heading", ".Extra.N", ".Note", `.Shout "x"`, `.Heading "h2"`, `"text"`, `"<b>"`, "3", "0", "true",
		"false", "$", "$.Title", "(first .Links).Title", ".Missing", "nil", `"javascript:x"`, "-1",
	}
)
