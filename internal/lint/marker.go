package lint

import (
	"regexp"
	"slices"
	"strings"

	"github.com/foilog/foilog/internal/diag"
)

const (
	markerLine = "foilog-allow"
	markerFile = "foilog-allow-file"
)

var (
	commentRE = regexp.MustCompile(`<!--(.*?)-->`)
	// markerRE splits a comment's text into the marker word and the rest.
	markerRE = regexp.MustCompile(`^\s*(foilog-[A-Za-z-]*)(.*)$`)
)

// readMarkers records the foilog-allow markers on lines[i] and reports
// markers that cannot work.
func (s *scanner) readMarkers(i int) {
	l := s.lines[i]
	if !strings.Contains(l.text, "<!--") {
		return
	}
	cols := columns{text: l.text}
	for _, m := range commentRE.FindAllStringSubmatchIndex(l.text, -1) {
		inner := l.text[m[2]:m[3]]
		mm := markerRE.FindStringSubmatch(inner)
		if mm == nil {
			continue // an ordinary comment
		}
		col := cols.at(m[0])
		kind, rest := strings.ToLower(mm[1]), mm[2]
		if kind != markerLine && kind != markerFile {
			hint := "markers are `<!-- foilog-allow: RULE -->` for a line and `<!-- foilog-allow-file: RULE -->` for the file"
			if sug := diag.Suggest(kind, []string{markerLine, markerFile}); sug != "" {
				hint = "did you mean `" + sug + "`?"
			}
			s.markerProblem(l, col, "unknown marker `"+mm[1]+"`; it silences nothing", hint)
			continue
		}
		rest = strings.TrimSpace(rest)
		if rest != "" && rest[0] != ':' && !strings.HasPrefix(mm[2], " ") && !strings.HasPrefix(mm[2], "\t") {
			word, _, _ := strings.Cut(strings.Fields(mm[1] + rest)[0], ":")
			s.markerProblem(l, col, "unknown marker `"+word+"`; it silences nothing",
				"write `<!-- "+kind+": RULE -->`")
			continue
		}
		rest = strings.TrimPrefix(rest, ":")
		names := strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
		if len(names) == 0 {
			s.markerProblem(l, col, "`"+kind+"` marker names no rule, so it silences nothing",
				"name the rules it allows, e.g. `<!-- "+kind+": email -->`; rules: "+strings.Join(ruleNames(), ", "))
			continue
		}
		for _, name := range names {
			name = strings.ToLower(name)
			if !slices.Contains(ruleNames(), name) {
				hint := "rules: " + strings.Join(ruleNames(), ", ")
				if sug := diag.Suggest(name, ruleNames()); sug != "" {
					hint = "did you mean `" + sug + "`?"
				}
				s.markerProblem(l, col, "unknown rule `"+name+"` in `"+kind+"` marker", hint)
				continue
			}
			r := markerRule{name: name, line: l.no, col: col}
			if kind == markerFile {
				s.fileAllow = append(s.fileAllow, r)
			} else {
				s.lineAllow[i] = append(s.lineAllow[i], r)
			}
		}
	}
}

func (s *scanner) markerProblem(l line, col int, message, hint string) {
	s.findings = append(s.findings, Finding{Line: l.no, Col: col, Code: CodeMarker, Severity: diag.Warning,
		Message: message, Hint: hint})
}
