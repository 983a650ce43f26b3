package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/unicode/norm"
)

// maxTokenRunes is the longest token indexed; longer runs of letters and
// digits (hashes, pasted URLs) are dropped.
const maxTokenRunes = 40

// fold lower-cases s, applies compatibility decomposition (NFKD), drops
// non-spacing marks and maps a few letters that do not decompose (ß, æ, ø…)
// to their ASCII spelling, so that "Café", "CAFE" and "café" fold alike.
// search-core.js implements the same function (fold); keep them in step.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(strings.Map(unicode.ToLower, s)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		switch r {
		case 'ß':
			b.WriteString("ss")
		case 'æ':
			b.WriteString("ae")
		case 'œ':
			b.WriteString("oe")
		case 'þ':
			b.WriteString("th")
		case 'ø':
			b.WriteByte('o')
		case 'đ', 'ð':
			b.WriteByte('d')
		case 'ł':
			b.WriteByte('l')
		case 'ı':
			b.WriteByte('i')
		case 'ς':
			b.WriteRune('σ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u2018' || r == '\u02bc'
}

// isBreak reports whether r ends a sentence or line for phrase purposes:
// two words separated by one of these never form a phrase pair.
func isBreak(r rune) bool {
	switch r {
	case '.', '!', '?', ';', ':', '\n', '\r':
		return true
	}
	return false
}

// token is one word of folded text: its folded spelling and whether a
// sentence or line break separates it from the previous word.
type token struct {
	word     string
	newBlock bool
}

// scan splits already folded text into word tokens: maximal runs of letters,
// digits and marks, with apostrophes inside a word removed ("officer's" →
// "officers"). Tokens longer than maxTokenRunes are dropped. The token's
// word is only valid during the call to fn.
func scan(folded string, fn func(t token)) {
	scanFrom(folded, false, fn)
}

// scanFrom is scan for text that follows a break when brk is true. It
// reports whether a break follows the last word.
func scanFrom(folded string, brk bool, fn func(t token)) bool {
	var buf []byte // used only for words with an apostrophe inside
	start, n := -1, 0
	joined := false
	emit := func(end int) {
		if start >= 0 {
			if n <= maxTokenRunes {
				w := folded[start:end]
				if joined {
					w = string(buf)
				}
				fn(token{word: w, newBlock: brk})
			}
			brk = false
		}
		start, n, joined = -1, 0, false
		buf = buf[:0]
	}
	var prev rune
	for i, r := range folded {
		size := utf8.RuneLen(r)
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
			if joined {
				buf = utf8.AppendRune(buf, r)
			}
			n++
		case isApostrophe(r) && start >= 0 && isWordRune(prev) && i+size < len(folded) && isWordRune(firstRune(folded[i+size:])):
			// inside a word: drop it and keep the word together
			if !joined {
				joined = true
				buf = append(buf[:0], folded[start:i]...)
			}
		default:
			emit(i)
			if isBreak(r) {
				brk = true
			}
		}
		prev = r
	}
	emit(len(folded))
	return brk
}

func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
}

// scanText is scan(fold(text)) without the cost of folding where it
// changes nothing but case: fn gets each folded word in buf (valid during
// the call) and whether a break came before it. It returns buf for reuse.
//
// Text is cut at ASCII characters that can be neither in a word nor inside
// one (white space, punctuation but the apostrophe). Folding never joins
// or splits anything across such a character, so each piece between them
// is folded and scanned alone, and pieces that are all ASCII, most of any
// English text, only have their letters lower-cased.
func scanText(text string, buf []byte, fn func(word []byte, newBlock bool)) []byte {
	brk := false
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && !isASCIIWord(c) && c != '\'' {
			brk = brk || isBreak(rune(c))
			i++
			continue
		}
		j, ascii := i, true
		for ; j < len(text); j++ {
			if c := text[j]; c >= utf8.RuneSelf {
				ascii = false
			} else if !isASCIIWord(c) && c != '\'' {
				break
			}
		}
		if ascii {
			buf, brk = scanASCII(text[i:j], buf, brk, fn)
		} else {
			brk = scanFrom(fold(text[i:j]), brk, func(t token) {
				buf = append(buf[:0], t.word...)
				fn(buf, t.newBlock)
			})
		}
		i = j
	}
	return buf[:0]
}

// scanASCII is scanFrom(fold(text), brk, …) for ASCII text, without
// allocating; see scanText.
func scanASCII(text string, buf []byte, brk bool, fn func(word []byte, newBlock bool)) ([]byte, bool) {
	buf = buf[:0]
	for i := 0; i < len(text); i++ {
		c := text[i]
		if isASCIIWord(c) {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			continue
		}
		if c == '\'' && len(buf) > 0 && i+1 < len(text) && isASCIIWord(text[i+1]) {
			continue // inside a word
		}
		if len(buf) > 0 {
			if len(buf) <= maxTokenRunes {
				fn(buf, brk)
			}
			brk = false
			buf = buf[:0]
		}
		if isBreak(rune(c)) {
			brk = true
		}
	}
	if len(buf) > 0 {
		if len(buf) <= maxTokenRunes {
			fn(buf, brk)
		}
		brk = false
	}
	return buf[:0], brk
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isStopWord reports whether the folded word w is an English stop word (the
// Snowball list). Stop words are neither indexed nor searched.
func isStopWord(w string) bool { return english.IsStopWord(w) }

// stem returns the index term for a folded, non-stop word: the Snowball
// English stem for words of ASCII letters only, and the word itself for
// anything containing digits or other scripts ("s31", "1648a", "2023").
func stem(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return w
		}
	}
	return english.Stem(w, true)
}

// Terms returns the index terms of text, in order: text is folded (case,
// diacritics, compatibility forms), split into words, stop words are
// removed and the rest stemmed with the Snowball English stemmer. Words
// with digits are kept whole ("s31", "2023"). Empty or all-stop-word text
// gives nil. The browser (search-core.js terms) produces the same terms
// for the same text; the Node tests check this on a shared sample.
func Terms(text string) []string {
	var out []string
	scan(fold(text), func(t token) {
		if !isStopWord(t.word) {
			out = append(out, stem(t.word))
		}
	})
	return out
}
