package content

import (
	"strings"
	"testing"
)

func TestOneLine(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u2003b", "café – x", "a \u0085", "\xff b", "a\x00b"} {
		if got, want := oneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("oneLine(%q) = %q; want %q", s, got, want)
		}
	}
}
