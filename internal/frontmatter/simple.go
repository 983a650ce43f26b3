package frontmatter

import (
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// parseSimple reads front-matter written in the plain subset of YAML that
// almost every response uses, several times faster than yaml.v3, and
// returns the mapping node yaml.v3 would return, with lines counted from
// the first line of src. It returns ok false for anything outside the
// subset, which the caller then gives to yaml.v3: the subset decides only
// the speed, never the result.
//
// The subset is a block mapping at column 1 whose keys are words and whose
// values each fit on their line: a plain scalar, a quoted scalar without
// escapes, a flow sequence of such scalars, or nothing; or, on the lines
// below, a folded scalar (">-") or, after an empty value, a block sequence
// of such scalars or of mappings of them. Comments, tabs, carriage
// returns, anchors, tags, multi-line plain and quoted scalars, other block
// scalars, and plain scalars that could be numbers are outside it.
func parseSimple(src []byte) (*yaml.Node, bool) {
	if !simpleText(src) {
		return nil, false
	}
	p := &simpleParser{}
	p.split(string(src))
	if len(p.lines) == 0 {
		return nil, false
	}
	p.slab = make([]yaml.Node, 0, 2*len(p.lines)+8)
	m := p.node(yaml.MappingNode, "!!map", p.lines[0].num, 1)
	m.Content = make([]*yaml.Node, 0, 2*len(p.lines))
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		if l.indent != 0 {
			return nil, false
		}
		k, v, ok := p.pair(l, 0)
		if !ok {
			return nil, false
		}
		m.Content = append(m.Content, k, v)
	}
	return m, true
}

// simpleText reports whether src holds only characters the subset allows:
// no tab, carriage return, other control character, '#' or backslash, and
// no character that YAML treats specially (a line or paragraph separator,
// NEL, a byte order mark, a C1 control or a non-character).
func simpleText(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if (c < ' ' && c != '\n') || c == '#' || c == '\\' || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError || r < 0xA0 || r == 0x2028 || r == 0x2029 || r == 0xFEFF || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += size
	}
	return true
}

// line is a line that is not blank: its 1-based number, its text without
// the newline, and its indentation in spaces.
type line struct {
	num    int
	text   string
	indent int
}

type simpleParser struct {
	lines []line
	total int // the number of lines, blank or not
	i     int // the next line to read
	slab  []yaml.Node
}

// split sets p.lines to the lines of src that are not blank.
func (p *simpleParser) split(src string) {
	p.lines = make([]line, 0, strings.Count(src, "\n")+1)
	for num := 1; src != ""; num++ {
		text, rest, _ := strings.Cut(src, "\n")
		src = rest
		indent := 0
		for indent < len(text) && text[indent] == ' ' {
			indent++
		}
		if indent < len(text) {
			p.lines = append(p.lines, line{num, text, indent})
		}
		p.total = num
	}
}

// node returns a new node, allocated with its neighbours.
func (p *simpleParser) node(kind yaml.Kind, tag string, line, col int) *yaml.Node {
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]yaml.Node, 0, 16)
	}
	p.slab = append(p.slab, yaml.Node{Kind: kind, Tag: tag, Line: line, Column: col})
	return &p.slab[len(p.slab)-1]
}

// col returns the 1-based column of byte i of l: YAML counts characters.
func col(l line, i int) int {
	return 1 + utf8.RuneCountInString(l.text[:i])
}

// pair reads the key at byte at of line l and its value, and moves past
// the lines they take. Only a key at column 1 (at 0) may have an empty
// value or a block sequence.
func (p *simpleParser) pair(l line, at int) (key, value *yaml.Node, ok bool) {
	text := l.text
	end := keyEnd(text, at)
	if end < 0 {
		return nil, nil, false
	}
	tag, ok := plainTag(text[at:end])
	if !ok {
		return nil, nil, false
	}
	key = p.node(yaml.ScalarNode, tag, l.num, col(l, at))
	key.Value = text[at:end]
	p.i++
	v := end + 1
	for v < len(text) && text[v] == ' ' {
		v++
	}
	if at == 0 && text[v:] == ">-" {
		if value, ok = p.folded(l, v); !ok {
			return nil, nil, false
		}
	} else if v < len(text) {
		if value, ok = p.inline(l, v); !ok {
			return nil, nil, false
		}
	} else if at != 0 {
		return nil, nil, false
	} else if p.i < len(p.lines) && isItem(p.lines[p.i]) {
		if value, ok = p.blockSeq(); !ok {
			return nil, nil, false
		}
		return key, value, true
	} else if end+1 < len(text) {
		return nil, nil, false // spaces after the colon: where is the empty value?
	} else {
		value = p.node(yaml.ScalarNode, "!!null", l.num, col(l, end+1))
	}
	if p.i < len(p.lines) && p.lines[p.i].indent > at {
		return nil, nil, false // a value continued on the next line
	}
	return key, value, true
}

// keyEnd returns the index of the colon after a key that starts at byte
// at of text: a letter, then letters, digits, '_' and '-', then ':' and a
// space or the end of the line. It returns -1 when there is no such key,
// or when the key is longer than maxKey.
func keyEnd(text string, at int) int {
	if at >= len(text) || !isLetter(text[at]) {
		return -1
	}
	j := at + 1
	for j < len(text) && (isLetter(text[j]) || isDigit(text[j]) || text[j] == '_' || text[j] == '-') {
		j++
	}
	if j == len(text) || text[j] != ':' || (j+1 < len(text) && text[j+1] != ' ') || j-at > maxKey {
		return -1
	}
	return j
}

// maxKey is the length of the longest key parseSimple reads, well below the
// 1,024 characters after which YAML no longer reads a key.
const maxKey = 128

// isItem reports whether l is an entry of a block sequence: "- ...".
func isItem(l line) bool {
	t := l.text[l.indent:]
	return t[0] == '-' && (len(t) == 1 || t[1] == ' ')
}

// blockSeq reads a block sequence whose first entry is the next line.
func (p *simpleParser) blockSeq() (*yaml.Node, bool) {
	first := p.lines[p.i]
	n := first.indent
	seq := p.node(yaml.SequenceNode, "!!seq", first.num, n+1)
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		if l.indent != n || !isItem(l) {
			break
		}
		c := n + 1
		for c < len(l.text) && l.text[c] == ' ' {
			c++
		}
		if c == len(l.text) {
			return nil, false // an empty entry
		}
		var item *yaml.Node
		if keyEnd(l.text, c) >= 0 {
			item = p.node(yaml.MappingNode, "!!map", l.num, col(l, c))
			for {
				k, v, ok := p.pair(p.lines[p.i], c)
				if !ok {
					return nil, false
				}
				item.Content = append(item.Content, k, v)
				if p.i == len(p.lines) || p.lines[p.i].indent != c {
					break
				}
			}
		} else {
			var ok bool
			if item, ok = p.inline(l, c); !ok {
				return nil, false
			}
			p.i++
		}
		seq.Content = append(seq.Content, item)
		if p.i < len(p.lines) {
			next := p.lines[p.i]
			switch {
			case next.indent == n && isItem(next):
			case next.indent == 0:
			default:
				return nil, false
			}
		}
	}
	return seq, true
}

// folded reads a folded block scalar whose indicator ">-" is at byte at of
// line l: the lines below, all indented alike with no blank line between
// them or after them (where spaces would belong to the scalar), joined with
// spaces.
func (p *simpleParser) folded(l line, at int) (*yaml.Node, bool) {
	first := p.i
	for p.i < len(p.lines) && p.lines[p.i].indent > 0 {
		if p.lines[p.i].indent != p.lines[first].indent || p.lines[p.i].num != l.num+1+p.i-first {
			return nil, false
		}
		p.i++
	}
	if p.i == first {
		return nil, false
	}
	if last := p.lines[p.i-1].num; (p.i < len(p.lines) && p.lines[p.i].num != last+1) || (p.i == len(p.lines) && last != p.total) {
		return nil, false
	}
	var b strings.Builder
	for j := first; j < p.i; j++ {
		if j > first {
			b.WriteByte(' ')
		}
		b.WriteString(p.lines[j].text[p.lines[j].indent:])
	}
	n := p.node(yaml.ScalarNode, "!!str", l.num, col(l, at))
	n.Value, n.Style = b.String(), yaml.FoldedStyle
	return n, true
}

// inline reads the value that starts at byte at of line l and takes the
// rest of the line.
func (p *simpleParser) inline(l line, at int) (*yaml.Node, bool) {
	text := l.text
	switch text[at] {
	case '"', '\'':
		v, end, style, ok := quoted(text, at)
		if !ok || strings.TrimRight(text[end:], " ") != "" {
			return nil, false
		}
		n := p.node(yaml.ScalarNode, "!!str", l.num, col(l, at))
		n.Value, n.Style = v, style
		return n, true
	case '[':
		return p.flowSeq(l, at)
	}
	v := strings.TrimRight(text[at:], " ")
	if isIndicator(v[0]) {
		return nil, false
	}
	for j := 0; j < len(v); j++ {
		if v[j] == ':' && (j+1 == len(v) || v[j+1] == ' ') {
			return nil, false
		}
	}
	tag, ok := plainTag(v)
	if !ok {
		return nil, false
	}
	n := p.node(yaml.ScalarNode, tag, l.num, col(l, at))
	n.Value = v
	return n, true
}

// quoted reads a quoted scalar without escapes that starts at byte at of
// text, and returns its value, the index after it and its style.
func quoted(text string, at int) (v string, end int, style yaml.Style, ok bool) {
	q := text[at]
	k := strings.IndexByte(text[at+1:], q)
	if k < 0 {
		return "", 0, 0, false
	}
	end = at + 1 + k + 1
	if q == '\'' {
		if end < len(text) && text[end] == '\'' {
			return "", 0, 0, false // '' stands for '
		}
		return text[at+1 : end-1], end, yaml.SingleQuotedStyle, true
	}
	return text[at+1 : end-1], end, yaml.DoubleQuotedStyle, true
}

// flowSeq reads a flow sequence of scalars, "[a, "b", c]", that starts at
// byte at of line l and takes the rest of the line.
func (p *simpleParser) flowSeq(l line, at int) (*yaml.Node, bool) {
	text := l.text
	seq := p.node(yaml.SequenceNode, "!!seq", l.num, col(l, at))
	seq.Style = yaml.FlowStyle
	j := skipSpaces(text, at+1)
	if j < len(text) && text[j] == ']' {
		return seq, strings.TrimRight(text[j+1:], " ") == ""
	}
	for {
		if j == len(text) {
			return nil, false
		}
		var item *yaml.Node
		switch c := text[j]; {
		case c == '"' || c == '\'':
			v, end, style, ok := quoted(text, j)
			if !ok {
				return nil, false
			}
			item = p.node(yaml.ScalarNode, "!!str", l.num, col(l, j))
			item.Value, item.Style = v, style
			j = end
		case isIndicator(c):
			return nil, false
		default:
			k := j
			for k < len(text) && text[k] != ',' && text[k] != ']' {
				if strings.IndexByte("[{}:?\"", text[k]) >= 0 {
					return nil, false
				}
				k++
			}
			v := strings.TrimRight(text[j:k], " ")
			tag, ok := plainTag(v)
			if !ok {
				return nil, false
			}
			item = p.node(yaml.ScalarNode, tag, l.num, col(l, j))
			item.Value = v
			j = k
		}
		seq.Content = append(seq.Content, item)
		j = skipSpaces(text, j)
		if j == len(text) {
			return nil, false
		}
		switch text[j] {
		case ']':
			return seq, strings.TrimRight(text[j+1:], " ") == ""
		case ',':
			j = skipSpaces(text, j+1)
		default:
			return nil, false
		}
	}
}

func skipSpaces(text string, j int) int {
	for j < len(text) && text[j] == ' ' {
		j++
	}
	return j
}

// isIndicator reports whether a plain scalar cannot start with c.
func isIndicator(c byte) bool {
	return strings.IndexByte("-?:,[]{}#&*!|>'\"%@`", c) >= 0
}

// plainTag returns the tag yaml.v3 resolves a plain scalar v to, with ok
// false when v could be a number (or a timestamp other than a date), which
// parseSimple leaves to yaml.v3.
func plainTag(v string) (string, bool) {
	switch v {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool", true
	case "~", "null", "Null", "NULL":
		return "!!null", true
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<", "":
		return "", false
	}
	if c := v[0]; !isDigit(c) && c != '+' && c != '-' && c != '.' {
		return "!!str", true
	}
	if isDate(v) {
		if _, err := time.Parse("2006-1-2", v); err == nil {
			return "!!timestamp", true
		}
		return "!!str", true
	}
	for j := 0; j < len(v); j++ {
		if !inNumber(v[j]) {
			return "!!str", true // no number or timestamp has this byte
		}
	}
	return "", false
}

// inNumber reports whether c can be part of a number or timestamp as
// yaml.v3 reads them: a digit, hexadecimal digit, sign, '_', '.', ':',
// a base prefix (0x, 0o, 0b), 'T', 'Z' or space.
func inNumber(c byte) bool {
	switch {
	case isDigit(c), 'a' <= c && c <= 'f', 'A' <= c && c <= 'F':
		return true
	}
	switch c {
	case '+', '-', '_', '.', ':', 'x', 'X', 'o', 'O', 't', 'T', 'z', 'Z', ' ':
		return true
	}
	return false
}

// isDate reports whether v has the form of a date, 2023-6-14 or
// 2023-06-14.
func isDate(v string) bool {
	i := 0
	digits := func(lo, hi int) bool {
		n := 0
		for i < len(v) && isDigit(v[i]) {
			i, n = i+1, n+1
		}
		return lo <= n && n <= hi
	}
	if !digits(4, 4) || i == len(v) || v[i] != '-' {
		return false
	}
	i++
	if !digits(1, 2) || i == len(v) || v[i] != '-' {
		return false
	}
	i++
	return digits(1, 2) && i == len(v)
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
