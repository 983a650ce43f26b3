package scaffold

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// NextReference returns the reference a new response made in year should
// have, following the log's own numbering: it finds the pattern most of
// refs share (such as "FOI 1234/23", "FOI-2024-0871" or
// "MP/FOI/2025/0907"), which of its numbers is the year and which the
// sequence, and returns the pattern with the year and the next sequence
// number of that year, keeping the sequence's zero padding. Letter
// suffixes ("1648A/23") are ignored. When refs have no numbered pattern it
// returns "FOI 0001/YY". When taken is not nil and reports the result as
// taken (a hand-made reference holds the next number, or a response of
// another regime does), it keeps counting until taken reports false.
func NextReference(refs []string, year int, taken func(ref string) bool) string {
	ref := nextReference(refs, year)
	for n := 0; taken != nil && taken(ref) && n < 10000; n++ {
		refs = append(refs[:len(refs):len(refs)], ref)
		ref = nextReference(refs, year)
	}
	return ref
}

// token is a run of digits (num) or of anything else.
type token struct {
	text string
	num  bool
}

// tokenize splits a reference into literal and number tokens. A single
// letter right after a number and before a non-letter ("1648A/23") is a
// sub-reference suffix and is dropped.
func tokenize(ref string) []token {
	var toks []token
	i := 0
	for i < len(ref) {
		j := i
		digit := isDigit(ref[i])
		for j < len(ref) && isDigit(ref[j]) == digit {
			j++
		}
		toks = append(toks, token{ref[i:j], digit})
		i = j
		if digit && i < len(ref) && isLetter(ref[i]) && (i+1 == len(ref) || !isLetter(ref[i+1])) {
			i++ // suffix letter
		}
	}
	// Dropping a suffix can leave two literal tokens side by side.
	var out []token
	for _, t := range toks {
		if n := len(out); n > 0 && !t.num && !out[n-1].num {
			out[n-1].text += t.text
			continue
		}
		out = append(out, t)
	}
	return out
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// shape is the pattern of a reference: its literals with "#" for numbers.
func shape(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		if t.num {
			b.WriteString("#")
		} else {
			b.WriteString(t.text)
		}
	}
	return b.String()
}

func nextReference(refs []string, year int) string {
	fallback := fmt.Sprintf("FOI %04d/%02d", 1, year%100)
	groups := map[string][][]token{}
	for _, r := range refs {
		toks := tokenize(strings.TrimSpace(r))
		nums := 0
		for _, t := range toks {
			if t.num {
				nums++
			}
		}
		if nums == 0 {
			continue
		}
		k := shape(toks)
		groups[k] = append(groups[k], toks)
	}
	if len(groups) == 0 {
		return fallback
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := groups[keys[i]], groups[keys[j]]
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return keys[i] < keys[j]
	})
	group := groups[keys[0]]

	// The number fields, by position among the numbers.
	var fields [][]string
	for _, toks := range group {
		i := 0
		for _, t := range toks {
			if !t.num {
				continue
			}
			if i == len(fields) {
				fields = append(fields, nil)
			}
			fields[i] = append(fields[i], t.text)
			i++
		}
	}
	yearField := findYear(fields)
	seqField := -1
	for i := len(fields) - 1; i >= 0; i-- {
		if i != yearField {
			seqField = i
			break
		}
	}
	if seqField < 0 {
		return fallback
	}
	yearText := ""
	if yearField >= 0 {
		w := len(fields[yearField][0])
		yearText = strconv.Itoa(year)
		if w == 2 {
			yearText = fmt.Sprintf("%02d", year%100)
		}
	}

	// The highest sequence number used in the year (or ever, without a
	// year field), and the reference it is in, as the template.
	best, template := 0, group[len(group)-1]
	found := false
	for _, toks := range group {
		nums := numbers(toks)
		if yearField >= 0 && atoi(nums[yearField]) != atoi(yearText) {
			continue
		}
		if n := atoi(nums[seqField]); !found || n > best {
			best, template, found = n, toks, true
		}
	}
	seq := strconv.Itoa(best + 1)
	if w := padWidth(fields[seqField]); len(seq) < w {
		seq = strings.Repeat("0", w-len(seq)) + seq
	}

	var b strings.Builder
	i := 0
	for _, t := range template {
		switch {
		case !t.num:
			b.WriteString(t.text)
		case i == yearField:
			b.WriteString(yearText)
		case i == seqField:
			b.WriteString(seq)
		default:
			b.WriteString(t.text)
		}
		if t.num {
			i++
		}
	}
	return b.String()
}

// numbers returns the number tokens of a reference.
func numbers(toks []token) []string {
	var out []string
	for _, t := range toks {
		if t.num {
			out = append(out, t.text)
		}
	}
	return out
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// findYear returns the index of the number field that holds the year, or
// -1: a field whose values are all four-digit years (1990–2099) comes
// first, then the last field of two-digit values, as in "1234/23". A
// pattern with one number has no year.
func findYear(fields [][]string) int {
	if len(fields) < 2 {
		return -1
	}
	all := func(vals []string, ok func(string) bool) bool {
		for _, v := range vals {
			if !ok(v) {
				return false
			}
		}
		return true
	}
	for i, vals := range fields {
		if all(vals, func(v string) bool { n := atoi(v); return len(v) == 4 && n >= 1990 && n <= 2099 }) {
			return i
		}
	}
	for i := len(fields) - 1; i >= 0; i-- {
		if all(fields[i], func(v string) bool { return len(v) == 2 }) {
			return i
		}
	}
	return -1
}

// padWidth returns the width sequence numbers are padded to: the widest
// zero-padded one ("0871" gives 4), or their common width when all have
// the same and it is at least 3 ("1648", "1927": fixed-width numbering);
// else 0.
func padWidth(vals []string) int {
	same := true
	for _, v := range vals {
		if len(v) != len(vals[0]) {
			same = false
		}
	}
	if same && len(vals[0]) >= 3 {
		return len(vals[0])
	}
	w := 0
	for _, v := range vals {
		if len(v) > 1 && v[0] == '0' && len(v) > w {
			w = len(v)
		}
	}
	return w
}
