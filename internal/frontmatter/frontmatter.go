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
		return &Document{Body: src, BodyLine: 1}, nil
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
		return nil, YAMLError(err, 1)
	}
	if root.Kind == 0 { // empty front-matter
		return doc, nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		if m.Kind == yaml.ScalarNode && m.Tag == "!!null" {
			return doc, nil
		}
		return nil, &Error{Line: m.Line + 1, Col: m.Column, Message: "front-matter must be a list of `key: value` fields"}
	}
	offset(m, 1)
	doc.Fields = m
	return doc, nil
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
	return &Error{Line: 1 + by, Col: 1, Message: "front-matter is not valid YAML: " + strings.TrimPrefix(first, "yaml: ")}
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
	return ""
}
