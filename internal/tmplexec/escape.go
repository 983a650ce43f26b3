package tmplexec

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
)

// The escapers html/template puts at the end of every action, by the name
// it gives them in the escaped tree. Each gives the same output as
// html/template's own for the values it accepts, and errFallback for the
// rest (HTML content in an attribute, which html/template strips of tags).
var escapers = map[string]func(v reflect.Value) (string, error){
	"_html_template_htmlescaper":   escapeHTML,
	"_html_template_attrescaper":   escapeAttr,
	"_html_template_rcdataescaper": escapeRCDATA,
	"_html_template_urlfilter":     filterURL,
	"_html_template_urlnormalizer": func(v reflect.Value) (string, error) { return processURL(v, true) },
	"_html_template_urlescaper":    func(v reflect.Value) (string, error) { return processURL(v, false) },
}

// contentKind is the kind of content a value declares itself to be, as
// html/template's typed strings do.
type contentKind int

const (
	plainContent contentKind = iota
	htmlContent
	urlContent
	otherContent // CSS, JS, JSStr, HTMLAttr, Srcset: escaped as plain text, as html/template does here
)

var (
	htmlType   = reflect.TypeFor[template.HTML]()
	urlType    = reflect.TypeFor[template.URL]()
	stringType = reflect.TypeFor[string]()
)

// stringOf turns the one value an escaper receives into text and its
// content kind, as html/template does for a single argument: a typed
// string keeps its kind, anything else is printed with fmt. Pointers and
// nil values, which html/template treats specially, fall back.
func stringOf(v reflect.Value) (string, contentKind, error) {
	v = concrete(v)
	if !v.IsValid() || v.Kind() == reflect.Pointer {
		return "", 0, errFallback
	}
	switch v.Type() {
	case stringType:
		return v.String(), plainContent, nil
	case htmlType:
		return v.String(), htmlContent, nil
	case urlType:
		return v.String(), urlContent, nil
	}
	if v.Type().PkgPath() == "html/template" && v.Kind() == reflect.String {
		return v.String(), otherContent, nil
	}
	if !v.CanInterface() {
		return "", 0, errFallback
	}
	return fmt.Sprint(v.Interface()), plainContent, nil
}

func escapeHTML(v reflect.Value) (string, error) {
	s, k, err := stringOf(v)
	if err != nil || k == htmlContent {
		return s, err
	}
	return replaceHTML(s, false), nil
}

func escapeAttr(v reflect.Value) (string, error) {
	s, k, err := stringOf(v)
	if err != nil {
		return "", err
	}
	if k == htmlContent {
		return "", errFallback // html/template strips the tags first
	}
	return replaceHTML(s, false), nil
}

func escapeRCDATA(v reflect.Value) (string, error) {
	s, k, err := stringOf(v)
	if err != nil {
		return "", err
	}
	return replaceHTML(s, k == htmlContent), nil
}

// replaceHTML escapes the characters that are special in HTML text and
// quoted attribute values; keepAmp leaves ampersands alone, for content
// that is HTML already (its entities stay entities).
func replaceHTML(s string, keepAmp bool) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			if keepAmp {
				continue
			}
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// filterURL lets through relative URLs and those whose scheme is http,
// https or mailto, and turns any other into "#ZgotmplZ".
func filterURL(v reflect.Value) (string, error) {
	s, k, err := stringOf(v)
	if err != nil || k == urlContent {
		return s, err
	}
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		if !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
			return "#ZgotmplZ", nil
		}
	}
	return s, nil
}

// processURL percent-encodes the bytes a URL may not hold as they are.
// With normalize, the reserved characters and existing escapes stay as
// they are (the URL is normalised); without, they are encoded too (the
// text becomes one part of a URL).
func processURL(v reflect.Value, normalize bool) (string, error) {
	s, k, err := stringOf(v)
	if err != nil {
		return "", err
	}
	if k == urlContent {
		normalize = true
	}
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			if normalize {
				continue
			}
		case c == '%':
			if normalize && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		fmt.Fprintf(&b, "%%%02x", c)
		written = i + 1
	}
	if written == 0 {
		return s, nil
	}
	b.WriteString(s[written:])
	return b.String(), nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
