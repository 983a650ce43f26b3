//go:build e2e

package e2e

import (
	"html"
	"strings"
)

// tag is one start tag of an HTML document.
type tag struct {
	Name  string            // lower case
	Attrs map[string]string // lower-case names, unescaped values; the first of a repeated name wins
	Line  int               // 1-based line of the '<'
}

// scanTags returns the start tags of an HTML document in order. It is a
// small tokenizer for the well-formed output of html/template, not a full
// HTML5 parser: it skips comments, doctypes and the contents of script,
// style, textarea and title, and reads quoted and unquoted attributes.
func scanTags(doc string) []tag {
	var tags []tag
	line := 1
	i := 0
	advance := func(to int) {
		line += strings.Count(doc[i:to], "\n")
		i = to
	}
	for {
		lt := strings.IndexByte(doc[i:], '<')
		if lt < 0 {
			return tags
		}
		advance(i + lt)
		rest := doc[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				return tags
			}
			advance(i + 4 + end + 3)
			continue
		case strings.HasPrefix(rest, "<!"), strings.HasPrefix(rest, "</"), strings.HasPrefix(rest, "<?"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				return tags
			}
			advance(i + end + 1)
			continue
		}
		j := 1
		for j < len(rest) && isNameByte(rest[j]) {
			j++
		}
		if j == 1 { // a lone '<' in text
			advance(i + 1)
			continue
		}
		tg := tag{Name: strings.ToLower(rest[1:j]), Attrs: map[string]string{}, Line: line}
		// Attributes.
		for j < len(rest) {
			for j < len(rest) && isSpace(rest[j]) {
				j++
			}
			if j >= len(rest) || rest[j] == '>' {
				break
			}
			if rest[j] == '/' {
				j++
				continue
			}
			k := j
			for k < len(rest) && !isSpace(rest[k]) && rest[k] != '=' && rest[k] != '>' && rest[k] != '/' {
				k++
			}
			name := strings.ToLower(rest[j:k])
			value := ""
			j = k
			for j < len(rest) && isSpace(rest[j]) {
				j++
			}
			if j < len(rest) && rest[j] == '=' {
				j++
				for j < len(rest) && isSpace(rest[j]) {
					j++
				}
				if j < len(rest) && (rest[j] == '"' || rest[j] == '\'') {
					q := rest[j]
					end := strings.IndexByte(rest[j+1:], q)
					if end < 0 {
						end = len(rest) - j - 1
					}
					value = rest[j+1 : j+1+end]
					j = j + 1 + end + 1
				} else {
					k := j
					for k < len(rest) && !isSpace(rest[k]) && rest[k] != '>' {
						k++
					}
					value = rest[j:k]
					j = k
				}
			}
			if _, dup := tg.Attrs[name]; !dup && name != "" {
				tg.Attrs[name] = html.UnescapeString(value)
			}
		}
		tags = append(tags, tg)
		if j < len(rest) {
			j++ // '>'
		}
		advance(i + min(j, len(rest)))
		switch tg.Name {
		case "script", "style", "textarea", "title":
			end := strings.Index(strings.ToLower(doc[i:]), "</"+tg.Name)
			if end < 0 {
				return tags
			}
			advance(i + end)
		}
	}
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
