// Package diag describes problems found in a site's files and prints them
// the way compilers do: path:line:col: severity: message.
//
// Every stage of the pipeline reports what a person can fix as a Diagnostic
// and keeps going, so that a build shows every problem in every file at once.
package diag

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Severity says whether a Diagnostic stops a build.
type Severity int

const (
	// Error stops the build: nothing is written.
	Error Severity = iota
	// Warning is printed but does not stop the build.
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText encodes the severity as its String form, for JSON output.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem in one place of one file.
//
// Path is slash-separated and relative to the site root
// ("content/responses/cctv.md"). Line and Col are 1-based; zero means the
// problem concerns the whole file (or the whole line). Related names other
// places involved, such as the first file that used a duplicated reference.
type Diagnostic struct {
	Path     string   `json:"path"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Severity Severity `json:"severity"`
	// Code is a short stable identifier of the rule ("frontmatter.unknown-field").
	Code    string `json:"code"`
	Message string `json:"message"`
	// Hint says what to do about the problem, in words for the person who
	// wrote the file. Every diagnostic foilog reports has one; a message
	// that ends in "did you mean …?" still has a hint, naming what is
	// accepted.
	Hint    string       `json:"hint,omitempty"`
	Related []Diagnostic `json:"related,omitempty"`
}

// String formats d as "path:line:col: severity: message (hint)".
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Position())
	b.WriteString(": ")
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString(" (")
		b.WriteString(d.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Position formats the place of d as "path:line:col", "path:line" or "path".
func (d Diagnostic) Position() string {
	switch {
	case d.Line > 0 && d.Col > 0:
		return fmt.Sprintf("%s:%d:%d", d.Path, d.Line, d.Col)
	case d.Line > 0:
		return fmt.Sprintf("%s:%d", d.Path, d.Line)
	default:
		return d.Path
	}
}

// List collects diagnostics from any number of files.
type List []Diagnostic

// Add appends d to the list.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Errorf appends an error at path:line:col and returns it, so that the
// caller can set its Hint: list.Errorf(...).Hint = "...". The pointer is
// valid until the next append to l.
func (l *List) Errorf(path string, line, col int, code, format string, args ...any) *Diagnostic {
	l.Add(Diagnostic{Path: path, Line: line, Col: col, Severity: Error, Code: code, Message: fmt.Sprintf(format, args...)})
	return &(*l)[len(*l)-1]
}

// Warnf appends a warning at path:line:col and returns it, as Errorf does.
func (l *List) Warnf(path string, line, col int, code, format string, args ...any) *Diagnostic {
	l.Add(Diagnostic{Path: path, Line: line, Col: col, Severity: Warning, Code: code, Message: fmt.Sprintf(format, args...)})
	return &(*l)[len(*l)-1]
}

// HasErrors reports whether any diagnostic in l is an Error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings in l.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders l by path, line, column, severity (errors first), then
// message, so that output is the same on every run.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Message < b.Message
	})
}

// Print writes each diagnostic on its own line, followed by its related
// places indented beneath it.
func (l List) Print(w io.Writer) {
	for _, d := range l {
		fmt.Fprintln(w, d.String())
		for _, r := range d.Related {
			fmt.Fprintf(w, "\t%s: %s\n", r.Position(), r.Message)
		}
	}
}

// Error makes a List usable as an error: it returns the diagnostics one per
// line.
func (l List) Error() string {
	var b strings.Builder
	l.Print(&b)
	return strings.TrimRight(b.String(), "\n")
}

// Suggest returns the candidate closest to word by edit distance, or "" when
// none is close enough to be a plausible typo (at most a third of the word's
// length, and at least one edit).
func Suggest(word string, candidates []string) string {
	best, bestDist := "", len(word)/3+1
	for _, c := range candidates {
		d := Distance(strings.ToLower(word), strings.ToLower(c))
		if d < bestDist || (d == bestDist && best != "" && c < best) {
			best, bestDist = c, d
		}
	}
	return best
}

// Distance returns the edit distance between a and b, counted in runes:
// insertions, deletions, substitutions and swaps of two neighbouring runes
// each cost one (optimal string alignment distance).
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
