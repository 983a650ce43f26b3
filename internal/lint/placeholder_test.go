package lint_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/lint"
)

func TestPlaceholder(t *testing.T) {
	if got := lint.Placeholder("the request."); got != "[TO WRITE: the request.]" {
		t.Errorf("Placeholder = %q", got)
	}
	if got := lint.Placeholder(""); got != "[TO WRITE]" {
		t.Errorf("Placeholder(\"\") = %q", got)
	}
}

func TestPlaceholders(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		bodyLine  int
		want      []lint.Position
	}{
		{"none", "---\ntitle: T\n---\nText.\n", 4, nil},
		{"body", "---\ntitle: T\n---\n[TO WRITE: a]\n\n> [TO WRITE]\n", 4, []lint.Position{{4, 1}, {6, 3}}},
		{"two on a line, columns in characters", "é [TO WRITE] and [TO WRITE: x]\n", 1, []lint.Position{{1, 3}, {1, 18}}},
		{"front-matter value", "---\nsummary: \"[TO WRITE: x]\"\n---\n", 4, []lint.Position{{2, 11}}},
		{"front-matter comment", "---\n# summary: [TO WRITE: x]\n  # [TO WRITE]\n---\n", 5, nil},
		{"HTML comment", "<!-- [TO WRITE] --> [TO WRITE] <!-- [TO WRITE]\n[TO WRITE]\n--> [TO WRITE]\n", 1,
			[]lint.Position{{1, 21}, {3, 5}}},
		{"a heading is published", "---\nt: x\n---\n# [TO WRITE]\n", 4, []lint.Position{{4, 3}}},
		{"other case is not a placeholder", "[to write] [TO WRITE\n", 1, []lint.Position{{1, 12}}},
		{"byte-order mark and CRLF", "\ufeff[TO WRITE]\r\n [TO WRITE]\r\n", 1, []lint.Position{{1, 1}, {2, 2}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := lint.Placeholders([]byte(tc.src), tc.bodyLine); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestUnfinished(t *testing.T) {
	src := []byte("---\nt: x\n---\n« [TO WRITE: a very long description of what to write here, cut short]\n[TO WRITE\n")
	got := lint.Unfinished(src, 4)
	want := []string{
		"4:3 [TO WRITE: a very long description of …]",
		"5:1 [TO WRITE…]",
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i, f := range got {
		pos, text, _ := strings.Cut(want[i], " ")
		if s, w := fmt.Sprintf("%d:%d %s", f.Line, f.Col, f.Message), pos+" unfinished: the placeholder "+text+" would be published"; s != w {
			t.Errorf("finding %d = %q, want %q", i, s, w)
		}
		if f.Code != lint.CodeUnfinished || f.Severity != diag.Error || f.Hint == "" {
			t.Errorf("finding %d: %+v", i, f)
		}
	}
}
