package diag

import (
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	keys := []string{"title", "reference", "exemptions", "outcome", "received", "date", "topics"}
	tests := []struct{ in, want string }{
		{"exemptons", "exemptions"},
		{"titel", "title"},
		{"refrence", "reference"},
		{"recieved", "received"},
		{"outcomes", "outcome"},
		{"colour", ""},
		{"x", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.in, keys); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSortAndPrint(t *testing.T) {
	var l List
	l.Warnf("b.md", 1, 1, "x", "later file").Hint = "move it"
	l.Errorf("a.md", 10, 2, "x", "second").Hint = "write %q"
	l.Errorf("a.md", 2, 5, "x", "first")
	l.Add(Diagnostic{Path: "a.md", Line: 2, Col: 5, Severity: Warning, Message: "same place, warning", Hint: "fix it",
		Related: []Diagnostic{{Path: "c.md", Line: 3, Message: "other use"}}})
	l.Sort()
	want := "a.md:2:5: error: first\n" +
		"a.md:2:5: warning: same place, warning (fix it)\n\tc.md:3: other use\n" +
		"a.md:10:2: error: second (write %q)\n" +
		"b.md:1:1: warning: later file (move it)"
	if got := l.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if e, w := l.Count(); e != 2 || w != 2 || !l.HasErrors() {
		t.Errorf("count %d %d", e, w)
	}
	if strings.Contains((List{{Path: "p", Severity: Warning}}).Error(), "error") {
		t.Error("warning printed as error")
	}
}
