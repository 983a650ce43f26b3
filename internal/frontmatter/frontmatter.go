// Package frontmatter splits a Markdown file into its YAML front-matter and
// body, and parses the front-matter into a YAML node tree that keeps the
// file line and column of every key and value.
//
// Front-matter starts on the first line of the file with "---" and ends at
// the next line that is "---" (or "..."). A UTF-8 byte order mark before the
// first "---" is ignored. A file without front-matter is all body.
package frontmatter

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Document is a Markdown file split into front-matter and body.
type Document struct {
	// Fields is the front-matter mapping with line numbers already offset
	// to file lines; nil when the file has no front-matter.
	Fields *yaml.Node
	// Body is the Markdown after the closing delimiter.
	Body []byte
	// BodyLine is the 1-based file line on which Body starts.
	BodyLine int
	// Problem, when Fields is nil although the file seems meant to have
	// front-matter, says what is wrong: blank lines above the opening
	// ---, or front-matter with no fields. It is nil when the file has no
	// --- line before its text, or when Fields is set.
	Problem *Error
}

// Error is a problem that stops a file's front-matter being read, with the
// 1-based file position where it was found.
type Error struct {
	Line, Col int
	Message   string
	Hint      string
}

// Error formats e as "line:col: message".
func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Message) }

var bom = []byte("\xef\xbb\xbf")

// Parse splits src and parses its front-matter. It returns an *Error for a
// missing closing delimiter, YAML that does not parse, or front-matter that
// is not a mapping.
func Parse(src []byte) (*Document, error) {
	src = bytes.TrimPrefix(src, bom)
	first, rest, _ := cutLine(src)
	if strings.TrimRight(string(first), " \t\r") != "---" {
		return &Document{Body: src, BodyLine: 1, Problem: blankAbove(src)}, nil
	}
	var yamlText []byte
	line := 2
	closed := false
	for len(rest) > 0 {
		l, r, _ := cutLine(rest)
		trimmed := strings.TrimRight(string(l), " \t\r")
		if trimmed == "---" || trimmed == "..." {
			yamlText = src[len(first)+1 : len(src)-len(rest)]
			rest = r
			closed = true
			break
		}
		rest = r
		line++
	}
	if !closed {
		return nil, &Error{Line: 1, Col: 1, Message: "front-matter starts with --- but never ends",
			Hint: "add a line containing only --- after the last front-matter field"}
	}
	doc := &Document{Body: rest, BodyLine: line + 1}
	if m, ok := parseSimple(yamlText); ok {
		offset(m, 1)
		doc.Fields = m
		return doc, nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal(yamlText, &root); err != nil {
		if e := tabIndent(yamlText, 1); e != nil {
			return nil, e
		}
		e := YAMLError(err, 1)
		if hint := missingClose(yamlText, 1); hint != "" {
			e.Hint = hint
		}
		return nil, e
	}
	empty := &Error{Line: 1, Col: 1, Message: "front-matter is empty", Hint: "add title, reference, date and outcome"}
	if root.Kind == 0 {
		doc.Problem = empty
		return doc, nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		if m.Kind == yaml.ScalarNode && m.Tag == "!!null" {
			doc.Problem = empty
			return doc, nil
		}
		return nil, &Error{Line: m.Line + 1, Col: m.Column, Message: "front-matter must be a list of `key: value` fields",
			Hint: "write one field per line, each a name, a colon and a value, such as `title: Use of drones`"}
	}
	offset(m, 1)
	doc.Fields = m
	return doc, nil
}

// blankAbove returns the problem of a file whose first line that is not
// blank is ---, or nil.
func blankAbove(src []byte) *Error {
	n := 0
	for len(src) > 0 {
		l, rest, _ := cutLine(src)
		t := strings.TrimRight(string(l), " \t\r")
		if t == "---" && n > 0 {
			hint := "remove the blank line above it"
			if n > 1 {
				hint = fmt.Sprintf("remove the %d blank lines above it", n)
			}
			return &Error{Line: 1, Col: 1, Message: "the file must start with --- on its first line", Hint: hint}
		}
		if t != "" {
			return nil
		}
		n++
		src = rest
	}
	return nil
}

// tabIndent returns an error at the first tab in the indentation of a
// line of yamlText, whose first line is file line by+1, or nil.
func tabIndent(yamlText []byte, by int) *Error {
	for num := 1; len(yamlText) > 0; num++ {
		l, rest, _ := cutLine(yamlText)
		yamlText = rest
		for i, c := range l {
			if c == '\t' {
				return &Error{Line: num + by, Col: i + 1, Message: "front-matter is indented with a tab; YAML needs spaces",
					Hint: "replace the tab with two spaces"}
			}
			if c != ' ' {
				break
			}
		}
	}
	return nil
}

var (
	fieldLine   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*:(\s|$)`)
	headingLine = regexp.MustCompile(`^#{1,6}(\s|$)`)
)

// missingClose returns a hint for YAML that does not parse because the
// closing --- is missing, so that the letter became part of the
// front-matter up to a rule (---) in it: a line after the first field that
// starts at column 1 and reads like Markdown (a heading, or text that is
// not a field, a list item or a comment). It returns "" when there is no
// such line. The first line of yamlText is file line by+1.
func missingClose(yamlText []byte, by int) string {
	last, seenField := 0, false
	for num := 1; len(yamlText) > 0; num++ {
		l, rest, _ := cutLine(yamlText)
		yamlText = rest
		t := strings.TrimRight(string(l), " \t\r")
		switch {
		case t == "":
			continue
		case fieldLine.MatchString(t):
			seenField = true
		case !seenField:
		case headingLine.MatchString(t), t[0] != ' ' && t[0] != '-' && t[0] != '#':
			return fmt.Sprintf("the closing --- is probably missing: add a line containing only --- after the last field, line %d", last+by)
		}
		if t[0] != '#' {
			last = num
		}
	}
	return ""
}

// cutLine returns the first line of b without its newline, and the rest.
func cutLine(b []byte) (line, rest []byte, found bool) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:], true
	}
	return b, nil, false
}

func offset(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		offset(c, by)
	}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// YAMLError turns a yaml.v3 parse or type error into an *Error whose line is
// offset by the given number of lines (the file line before the YAML starts).
func YAMLError(err error, by int) *Error {
	msg := err.Error()
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		msg = "yaml: " + te.Errors[0]
	}
	first := strings.SplitN(msg, "\n", 2)[0]
	if m := yamlLine.FindStringSubmatch(first); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &Error{Line: n + by, Col: 1, Message: "front-matter is not valid YAML: " + m[2], Hint: yamlHint(m[2])}
	}
	msg = strings.TrimPrefix(first, "yaml: ")
	return &Error{Line: 1 + by, Col: 1, Message: "front-matter is not valid YAML: " + msg, Hint: yamlHint(msg)}
}

func yamlHint(msg string) string {
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		return "a value contains `: `; put the whole value in double quotes"
	case strings.Contains(msg, "found character that cannot start any token"):
		return "a value starts with a character YAML reserves (such as ` or @); put it in double quotes"
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected"):
		return "check the indentation and that every quote is closed"
	case strings.Contains(msg, "found a tab character"):
		return "indent with spaces, not tabs"
	}
	return "check this line and the one above it: every quote closed, list items starting with - and a space, " +
		"and any value holding `: ` or a # in double quotes"
}
