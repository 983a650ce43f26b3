package frontmatter

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/foilog/foilog/internal/synth"
	"gopkg.in/yaml.v3"
)

// checkSimple fails t when parseSimple accepts src but returns other than
// what yaml.v3 returns for it.
func checkSimple(t *testing.T, src []byte) (accepted bool) {
	t.Helper()
	got, ok := parseSimple(src)
	if !ok {
		return false
	}
	var root yaml.Node
	err := yaml.Unmarshal(src, &root)
	if err != nil {
		t.Fatalf("parseSimple accepts %q, which yaml.v3 rejects: %v", src, err)
	}
	if len(root.Content) != 1 || !reflect.DeepEqual(got, root.Content[0]) {
		var want *yaml.Node
		if len(root.Content) == 1 {
			want = root.Content[0]
		}
		t.Fatalf("parseSimple(%q):\n%s\nyaml.v3:\n%s", src, dumpNode(got), dumpNode(want))
	}
	return true
}

func dumpNode(n *yaml.Node) string {
	var b strings.Builder
	var dump func(n *yaml.Node, indent string)
	dump = func(n *yaml.Node, indent string) {
		fmt.Fprintf(&b, "%skind %d style %d tag %s value %q at %d:%d content %v\n", indent, n.Kind, n.Style, n.Tag, n.Value, n.Line, n.Column, n.Content == nil)
		for _, c := range n.Content {
			dump(c, indent+"  ")
		}
	}
	if n != nil {
		dump(n, "")
	}
	return b.String()
}

// synthFrontMatter returns the front-matter of n synthetic responses.
func synthFrontMatter(n int) [][]byte {
	var out [][]byte
	for _, f := range synth.Generate(synth.Options{N: n, Seed: 1}) {
		if !bytes.HasPrefix(f.Data, []byte("---\n")) {
			continue
		}
		fm, _, ok := bytes.Cut(f.Data[4:], []byte("\n---\n"))
		if ok {
			out = append(out, append(fm, '\n'))
		}
	}
	return out
}

func TestParseSimpleSynth(t *testing.T) {
	fms := synthFrontMatter(2000)
	accepted := 0
	for _, fm := range fms {
		if checkSimple(t, fm) {
			accepted++
		}
	}
	// The subset is there for speed: most responses must be in it.
	if accepted < len(fms)*8/10 {
		t.Errorf("parseSimple accepts %d of %d synthetic front-matters; want most", accepted, len(fms))
	}
}

// The pieces randomFrontMatter joins: keys, separators, values and what
// follows them, each list starting with pieces in the subset and going on
// with pieces just outside it or outside YAML.
var (
	simpleKeys   = []string{"title", "date", "Title", "a-b", "x_1", "true", "null", "n", "on", "y", "a b", "-a", "1a", "\"q\"", "<<", "ü"}
	simpleSeps   = []string{": ", ":  ", ":", " : ", ":\t", ": \n"}
	simpleValues = []string{
		"Use of drones", "FOI 1234/23", "2023-06-14", "2023-6-4", "2023-02-30", "2023-13-01", "14/06/2023", "14 June 2023",
		"true", "False", "yes", "no", "on", "~", "null", "NULL", "a:b", "http://x.y/z", "a#b", "a'b", "O'Neill", "-x", "+x", ".x",
		"\"quoted\"", "\"a: b\"", "\"\"", "'single'", "''", "[a, b]", "[]", "[ ]", "[a,b]", "[ a , \"b\" , 'c' ]", "[2023-06-14, x]",
		"café", "naïve – test", "😀 emoji", "\u00a0nbsp", "Section 31(1) – Law Enforcement", "/disclosure-log/2019/x/",
		"1234", "12.5", "1e3", "0x1F", "0o17", "0b101", "1_000", "+1", "-1", "-", "- x", ".5", ".inf", "-.inf",
		"2023-06-14T09:00:00Z", "2023-06-14 09:00", "20233-01-01", "", " ", "<<", "a: b", "a :b", "a #b",
		"\"a\\\"b\"", "\"open", "'it''s'", "'a' b", "\"a\" b", "[a, ]", "[a,,b]", "[a: b]", "[a, [b]]", "[a, b] x", "[a, b", "[-a]", "[a?]", "[a b]",
		"{a: b}", "&x a", "*x", "!!str a", "| x", ">- x", "%x", "@x", "`x", "?x", ",x", "]x", "}x", "a\u2028b", "a\u0085b", "\ufeffbom", "a\\b",
	}
	simpleFolded = []string{">-\n  a b\n", ">-\n  a: b\n  c  d \n", ">-\n    a\n    b\n", ">-\n  a\n    b\n", ">-\n    a\n  b\n", ">-\n  a\n\n  b\n",
		">-\n  a\n\n", ">-\n", ">-\na\n", ">- \n  a\n", ">\n  a\n", "|\n  a\n", "|-\n  a\n  b\n", ">+\n  a\n", ">2-\n  a\n", ">-\n  - a\n", ">-\n  'a'\n  [b]\n"}
	simpleAfter = []string{"\n", "\n", "\n", "\n\n", "\n- item\n", "\n  - item\n", "\n  - file: f.csv\n    title: T\n", "\n- a\n-  b\n",
		"\n  - a: b\n    c: 2023-01-01\n  - d: e\n", "\n  - [a, b]\n", "\n  - 'q'\n", "\n  -   x\n",
		" \n", "\r\n", "\n  continued\n", "\n-\n", "\n  - file: f.csv\n  title: T\n", "\n  - file: f.csv\n     title: T\n",
		"\n  - a\n - b\n", "\n  - a\n  b: c\n", "\n  key: v\n", "\n  - a\n    b\n", "\n  - file: \n", "\n  - file:\n    - x\n",
		"# comment\n", " # comment\n", "\n\t\n", "\n  - a\n- b\n", "\n - a\n - b\n"}
)

// pick returns a random piece of list, from its first good pieces nine
// times in ten.
func pick(r *rand.Rand, list []string, good int) string {
	if r.IntN(10) > 0 {
		return list[r.IntN(good)]
	}
	return list[r.IntN(len(list))]
}

// randomFrontMatter joins random fields.
func randomFrontMatter(r *rand.Rand) []byte {
	var b strings.Builder
	for range 1 + r.IntN(6) {
		if r.IntN(30) == 0 {
			b.WriteString(strings.Repeat(" ", r.IntN(3)))
		}
		b.WriteString(pick(r, simpleKeys, 10))
		if r.IntN(4) == 0 { // a block sequence, or nothing
			b.WriteString(pick(r, []string{":", ": ", ":  "}, 1))
			b.WriteString(pick(r, simpleAfter, 12))
			continue
		}
		b.WriteString(pick(r, simpleSeps, 2))
		if r.IntN(8) == 0 {
			b.WriteString(pick(r, simpleFolded, 3))
			continue
		}
		b.WriteString(pick(r, simpleValues, 42))
		b.WriteString(pick(r, simpleAfter, 1))
	}
	return []byte(b.String())
}

func TestParseSimpleRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 100000
	if testing.Short() {
		n = 10000
	}
	accepted := 0
	for range n {
		if checkSimple(t, randomFrontMatter(r)) {
			accepted++
		}
	}
	t.Logf("parseSimple accepted %d of %d", accepted, n)
}

func FuzzParseSimple(f *testing.F) {
	for _, fm := range synthFrontMatter(40) {
		f.Add(fm)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 40 {
		f.Add(randomFrontMatter(r))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkSimple(t, src)
	})
}
