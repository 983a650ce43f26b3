package lint

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// ---- request text ----

var (
	quoteRE = regexp.MustCompile(`^ {0,3}>`)
	// headingRE is an ATX heading: its level marks and its text.
	headingRE = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$`)
	// strongLineRE is a paragraph that is only bold text, which letters
	// converted from Word often use as a heading ("**Request:**").
	strongLineRE = regexp.MustCompile(`^ {0,3}(?:\*\*|__)(.+?)(?:\*\*|__)[ \t]*$`)
	fenceRE      = regexp.MustCompile("^ {0,3}(?:```|~~~)")
)

// requestHeadings are the headings, in lower case without emphasis or a
// final colon, under which a response quotes the request.
var requestHeadings = set("request", "your request", "the request", "original request", "request details",
	"details of request", "details of your request", "details of the request", "request text",
	"request for information", "your request for information", "information requested",
	"what you asked for", "what was asked", "what you asked")

// markRequest sets request on the lines of the body that quote the
// request: blockquote lines, and the lines of a section under a request
// heading (up to the next heading of the same or a higher level; a section
// under a bold line used as a heading ends at the next heading or bold
// line).
func markRequest(lines []line, body int) {
	inRequest, level, fenced := false, 0, false
	for i := body; i < len(lines); i++ {
		t := lines[i].text
		if fenceRE.MatchString(t) {
			fenced = !fenced
		}
		if !fenced {
			if m := headingRE.FindStringSubmatch(t); m != nil {
				if n := len(m[1]); !inRequest || n <= level || level == 7 {
					inRequest, level = requestHeadings[headingKey(m[2])], n
					continue
				}
			} else if m := strongLineRE.FindStringSubmatch(t); m != nil && (!inRequest || level == 7) {
				if requestHeadings[headingKey(m[1])] {
					inRequest, level = true, 7
					continue
				}
				if inRequest {
					inRequest = false
					continue
				}
			}
		}
		lines[i].request = inRequest || quoteRE.MatchString(t)
	}
}

// headingKey normalises a heading's text for requestHeadings.
func headingKey(h string) string {
	h = strings.NewReplacer("*", "", "_", "").Replace(h)
	return strings.ToLower(strings.Join(strings.Fields(strings.TrimRight(h, ": \t")), " "))
}

// ---- sign-off ----

// signOffRE is a sign-off at the start of a line's text (after blockquote
// and emphasis marks): group 1 is the sign-off, group 2 what follows it.
var signOffRE = regexp.MustCompile(`^(?i)((?:yours[ \t]+(?:sincerely|faithfully|truly)|` +
	`(?:(?:kind|kindest|best|warm|warmest|with[ \t]+(?:kind|best))[ \t]+)?regards|` +
	`(?:best|kind|warm|all[ \t]+the[ \t]+best)[ \t]+wishes|(?:many|with|warm)[ \t]+thanks|thanks|thank[ \t]+you|` +
	`cheers|sincerely|best)` +
	`(?:[ \t]+(?:again|in[ \t]+advance|very[ \t]+much|so[ \t]+much|for[ \t]+your[ \t]+(?:help|time|assistance)))?)` +
	`(.*)$`)

// signOffSep separates a sign-off from a name on the same line:
// "Thanks, Jane", "Regards - J Smith".
var signOffSep = regexp.MustCompile(`^[ \t]*(?:[,.!:;]|[ \t][-–—])[ \t]*`)

// signOffs reports lines[i] when it is a name that signs off the quoted
// request: after a sign-off on the same line ("Thanks, Jane Smith"), or on
// the nearest non-blank line before, itself a sign-off alone ("Kind
// regards," then "Jane Smith"). Both lines must be request text.
func (s *scanner) signOffs(i int) []hit {
	l := s.lines[i]
	if !l.request {
		return nil
	}
	text := blankComments(l.text)
	from := len(text) - len(strings.TrimLeft(text, " \t>*_"))
	if strings.TrimSpace(text[from:]) == "" {
		return nil // and a run of blank lines is read once, by the line after it
	}
	if m := signOffRE.FindStringSubmatchIndex(text[from:]); m != nil {
		rest := text[from+m[4]:]
		if sep := signOffSep.FindString(rest); sep != "" {
			return nameHit(text, from+m[4]+len(sep))
		}
		return nil
	}
	for j := i - 1; j >= 0; j-- {
		prev := stripQuote(blankComments(s.lines[j].text))
		if prev == "" {
			continue // blank lines may separate two blockquotes
		}
		if !s.lines[j].request {
			return nil
		}
		if m := signOffRE.FindStringSubmatch(prev); m == nil || strings.Trim(m[2], " \t,.!:;*_") != "" {
			return nil
		}
		return nameHit(text, from)
	}
	return nil
}

// nameHit reports text[from:] when all of it, but for emphasis and final
// punctuation, is a personal name: one to four capitalised names, with
// titles, initials and particles ("Mr J. A. van Berg"), naming no role or
// organisation.
func nameHit(text string, from int) []hit {
	start := from
	for start < len(text) && strings.IndexByte("*_ \t", text[start]) >= 0 {
		start++
	}
	var words []string
	rest := text[start:]
	for len(words) < 8 {
		w := wordRE.FindString(rest)
		if w == "" {
			break
		}
		words = append(words, w)
		rest = rest[len(w):]
		next := strings.TrimLeft(rest, " \t")
		if len(next) == len(rest) && !(strings.HasSuffix(w, ".") && wordRE.MatchString(rest)) {
			break // "J.Smith" goes on; punctuation or the end of the line stops
		}
		rest = next
	}
	if len(words) == 0 || len(words) > 7 || strings.Trim(rest, " \t*_,.!;") != "" {
		return nil
	}
	names := 0 // words other than titles, initials and particles
	for _, w := range words {
		if key := strings.ToLower(strings.TrimSuffix(w, ".")); !titles[key] && utf8.RuneCountInString(key) > 1 && !isParticle(w) {
			names++
		}
	}
	shown, ok := namesPerson(words)
	if !ok || names > 4 {
		return nil
	}
	return []hit{{rule: "sign-off", code: CodeSignOff, start: start,
		message: "sign-off in the request names a person: `" + shown + "`",
		hint: "remove the requester's name from the quoted request " +
			"(after checking, end the line with `<!-- foilog-allow: sign-off -->`)"}}
}

// stripQuote returns text without blockquote marks, leading emphasis marks
// and surrounding space.
func stripQuote(text string) string {
	return strings.TrimSpace(strings.TrimLeft(text, " \t>*_"))
}

// blankComments replaces each HTML comment in text with spaces, keeping
// every other byte where it was, so that a marker does not hide the text
// before it.
func blankComments(text string) string {
	if !strings.Contains(text, "<!--") {
		return text
	}
	return commentRE.ReplaceAllStringFunc(text, func(c string) string { return strings.Repeat(" ", len(c)) })
}
