package frontmatter

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		keys     string // key:line:col, space separated
		bodyLine int
		body     string
		err      string // "line:col: message substring"
	}{
		{name: "plain", src: "---\ntitle: A\nreference: B\n---\nHello\n", keys: "title:2:1 reference:3:1", bodyLine: 5, body: "Hello\n"},
		{name: "bom and crlf", src: "\ufeff---\r\ntitle: A\r\n---\r\nHi", keys: "title:2:1", bodyLine: 4, body: "Hi"},
		{name: "no front-matter", src: "# Just text\n", bodyLine: 1, body: "# Just text\n"},
		{name: "empty front-matter", src: "---\n---\nbody", bodyLine: 3, body: "body"},
		{name: "dots close", src: "---\ntitle: A\n...\nbody", keys: "title:2:1", bodyLine: 4, body: "body"},
		{name: "unclosed", src: "---\ntitle: A\n", err: "1:1: front-matter starts with --- but never ends"},
		{name: "bad yaml", src: "---\ntitle: A\nsummary: it is: broken\n---\n", err: "3:1: front-matter is not valid YAML: mapping values are not allowed"},
		{name: "tab", src: "---\ntitle: A\n\tforce: X\n---\n", err: "3:1: front-matter is indented with a tab; YAML needs spaces"},
		{name: "list not map", src: "---\n- a\n- b\n---\n", err: "2:1: front-matter must be a list of `key: value` fields"},
		{name: "unclosed quote", src: "---\ntitle: \"A\n---\n", err: "3:1: front-matter is not valid YAML"},
		{name: "unclosed list", src: "---\ntopics: [a, b\n---\n", err: "2:1: front-matter is not valid YAML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.src))
			if tt.err != "" {
				var fe *Error
				if !errors.As(err, &fe) || !strings.HasPrefix(fe.Error(), strings.SplitN(tt.err, " ", 2)[0]) || !strings.Contains(fe.Error(), strings.SplitN(tt.err, " ", 2)[1]) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				if fe.Hint == "" {
					t.Errorf("%v has no hint", fe)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			if doc.Fields != nil {
				for i := 0; i < len(doc.Fields.Content); i += 2 {
					k := doc.Fields.Content[i]
					got = append(got, k.Value+":"+strconv.Itoa(k.Line)+":"+strconv.Itoa(k.Column))
				}
			}
			if strings.Join(got, " ") != tt.keys {
				t.Errorf("keys = %q, want %q", strings.Join(got, " "), tt.keys)
			}
			if doc.BodyLine != tt.bodyLine || string(doc.Body) != tt.body {
				t.Errorf("body at %d %q, want %d %q", doc.BodyLine, doc.Body, tt.bodyLine, tt.body)
			}
		})
	}
}

// TestParseProblems checks the exact message, hint and position of the
// mistakes people make around the front-matter's delimiters and indentation.
func TestParseProblems(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // "line:col: message (hint)"
		problem   bool   // want is doc.Problem, not an error
	}{
		{name: "tab before list item", src: "---\ntitle: A\ntopics:\n\t- Cars\n---\nBody\n",
			want: "4:1: front-matter is indented with a tab; YAML needs spaces (replace the tab with two spaces)"},
		{name: "tab after spaces", src: "---\ntitle: A\ntopics:\n  \t- Cars\n---\n",
			want: "4:3: front-matter is indented with a tab; YAML needs spaces (replace the tab with two spaces)"},
		{name: "closing missing, rule later", src: "---\ntitle: A\noutcome: disclosed\n\nYou asked for things.\nMore text.\n\n---\n\nEnd.\n",
			want: "5:1: front-matter is not valid YAML: could not find expected ':' (the closing --- is probably missing: add a line containing only --- after the last field, line 3)"},
		{name: "closing missing, heading first", src: "---\ntitle: A\noutcome: disclosed\n## Harm\n\nYou asked for things.\n---\n",
			want: "6:1: front-matter is not valid YAML: could not find expected ':' (the closing --- is probably missing: add a line containing only --- after the last field, line 3)"},
		{name: "bad value keeps its hint", src: "---\ntitle: A\nsummary: it is: broken\n---\n",
			want: "3:1: front-matter is not valid YAML: mapping values are not allowed in this context (a value contains `: `; put the whole value in double quotes)"},
		{name: "blank line above", src: "\n---\ntitle: A\n---\nBody\n", problem: true,
			want: "1:1: the file must start with --- on its first line (remove the blank line above it)"},
		{name: "blank lines above", src: "\n \r\n---\ntitle: A\n---\n", problem: true,
			want: "1:1: the file must start with --- on its first line (remove the 2 blank lines above it)"},
		{name: "empty", src: "---\n---\nBody\n", problem: true,
			want: "1:1: front-matter is empty (add title, reference, date and outcome)"},
		{name: "only a comment", src: "---\n# fields go here\n---\nBody\n", problem: true,
			want: "1:1: front-matter is empty (add title, reference, date and outcome)"},
		{name: "null", src: "---\n~\n---\n", problem: true,
			want: "1:1: front-matter is empty (add title, reference, date and outcome)"},
	}
	format := func(e *Error) string {
		s := e.Error()
		if e.Hint != "" {
			s += " (" + e.Hint + ")"
		}
		return s
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.src))
			var got string
			switch {
			case tt.problem && err == nil && doc.Problem != nil && doc.Fields == nil:
				got = format(doc.Problem)
			case !tt.problem && err != nil:
				got = format(err.(*Error))
			default:
				t.Fatalf("Parse = %+v, %v", doc, err)
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	for _, src := range []string{"---\ntitle: A\n---\n", "# Just text\n", "\n\nText\n---\n"} {
		if doc, err := Parse([]byte(src)); err != nil || doc.Problem != nil {
			t.Errorf("Parse(%q) = %v, %v; want no problem", src, doc.Problem, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("---\ntitle: A\n---\nbody"))
	f.Add([]byte("---\n: :\n---\n"))
	f.Add([]byte("---\n[\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Parse(src)
		if err == nil && doc == nil {
			t.Fatal("nil document without error")
		}
		var fe *Error
		switch {
		case err != nil && !errors.As(err, &fe):
			t.Fatalf("error %v is not an *Error", err)
		case err == nil && doc.Problem != nil:
			fe = doc.Problem
		}
		if fe != nil && fe.Hint == "" {
			t.Errorf("%v has no hint", fe)
		}
	})
}
