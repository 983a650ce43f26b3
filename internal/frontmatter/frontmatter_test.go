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
		{name: "tab", src: "---\ntitle: A\n\tforce: X\n---\n", err: "3:1: front-matter is not valid YAML"},
		{name: "list not map", src: "---\n- a\n- b\n---\n", err: "2:1: front-matter must be a list of `key: value` fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.src))
			if tt.err != "" {
				var fe *Error
				if !errors.As(err, &fe) || !strings.HasPrefix(fe.Error(), strings.SplitN(tt.err, " ", 2)[0]) || !strings.Contains(fe.Error(), strings.SplitN(tt.err, " ", 2)[1]) {
					t.Fatalf("err = %v, want %q", err, tt.err)
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

func FuzzParse(f *testing.F) {
	f.Add([]byte("---\ntitle: A\n---\nbody"))
	f.Add([]byte("---\n: :\n---\n"))
	f.Add([]byte("---\n[\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Parse(src)
		if err == nil && doc == nil {
			t.Fatal("nil document without error")
		}
	})
}
