package lint_test

import (
	"slices"
	"testing"

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
