package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// decodeDestination returns a link destination as the browser will see it:
// backslash escapes removed and character references resolved, exactly as
// goldmark's HTML renderer does before writing an href.
func decodeDestination(raw []byte) string {
	v := util.UnescapePunctuations(raw)
	v = util.ResolveNumericReferences(v)
	v = util.ResolveEntityNames(v)
	return string(v)
}

// allowedSchemes are the only URL schemes a published link or image may use.
var allowedSchemes = [...]string{"http", "https", "mailto", "tel"}

// isSafeURL reports whether dest is a relative reference (path, fragment or
// query) or uses an allowed scheme.
//
// Browsers ignore ASCII tab and newline anywhere in a URL and strip leading
// control characters and spaces, and scheme names are case-insensitive, so
// "  JaVa\tScRiPt:" is still javascript:. isSafeURL therefore ignores every
// control, space and invisible format character before deciding what the
// scheme is. Anything before the first ':' that is not preceded by '/', '?'
// or '#' counts as a scheme, even if a browser would not accept it as one;
// only the allowed schemes pass.
func isSafeURL(dest string) bool {
	var scheme strings.Builder
	for i := 0; i < len(dest); {
		r, size := utf8.DecodeRuneInString(dest[i:])
		i += size
		switch {
		case r == ':':
			s := strings.ToLower(scheme.String())
			for _, a := range allowedSchemes {
				if s == a {
					return true
				}
			}
			return false
		case r == '/' || r == '?' || r == '#':
			return true
		case r <= ' ' || r == 0x7f || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.IsControl(r):
			// Ignored, as browsers ignore (some of) them.
		default:
			scheme.WriteRune(r)
		}
	}
	return true
}

// withBasePath prefixes a root-relative destination ("/a/b") with base
// ("/foi/"). Other destinations, including protocol-relative ones
// ("//host/x"), are returned unchanged.
func withBasePath(base, dest string) string {
	if base == "/" || !strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//") || strings.HasPrefix(dest, "/\\") {
		return dest
	}
	return base + dest[1:]
}
