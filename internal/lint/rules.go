package lint

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// allow is Options normalised for lookups.
type allow struct {
	emails    map[string]bool
	domains   []string
	phones    map[string]bool
	postcodes map[string]bool
}

func normaliseOptions(o Options) allow {
	a := allow{emails: map[string]bool{}, phones: map[string]bool{}, postcodes: map[string]bool{}}
	for _, e := range o.AllowEmails {
		a.emails[strings.ToLower(strings.TrimSpace(e))] = true
	}
	for _, d := range o.AllowDomains {
		d = strings.ToLower(strings.Trim(strings.TrimSpace(d), "@."))
		if d != "" {
			a.domains = append(a.domains, d)
		}
	}
	for _, p := range o.AllowPhones {
		if n := phoneNumber(p); n != "" {
			a.phones[n] = true
		}
	}
	for _, p := range o.AllowPostcodes {
		a.postcodes[postcodeKey(p)] = true
	}
	return a
}

// markHint is the standard advice for silencing rule on one line.
func markHint(rule, why string) string {
	return "remove it, or end the line with `<!-- foilog-allow: " + rule + " -->` " + why
}

// mask keeps the first character of s and replaces the rest with "***".
func mask(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return ""
	}
	return string(r) + "***"
}

// ---- email ----

var emailRE = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9._%+\-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}`)

// fileExtensions end names such as "logo@2x.png" that look like addresses.
var fileExtensions = map[string]bool{
	"png": true, "jpg": true, "jpeg": true, "gif": true, "svg": true, "webp": true, "bmp": true,
	"tif": true, "tiff": true, "pdf": true, "css": true, "js": true, "md": true, "html": true,
}

func (s *scanner) emails(l line) []hit {
	var plain [][]int
	if strings.Contains(l.text, "@") {
		plain = emailRE.FindAllStringIndex(l.text, -1)
	}
	hits := s.disguisedEmails(l, plain)
	for _, m := range plain {
		addr := strings.ToLower(l.text[m[0]:m[1]])
		local, domain, _ := strings.Cut(addr, "@")
		labels := strings.Split(domain, ".")
		if fileExtensions[labels[len(labels)-1]] || s.opts.emails[addr] || s.opts.allowsDomain(domain) {
			continue
		}
		hits = append(hits, hit{rule: "email", code: CodeEmail, start: m[0],
			message: "possible email address `" + maskEmail(local, labels) + "`",
			hint:    markHint("email", "if it is the authority's own published address")})
	}
	return hits
}

// disguisedEmailRE finds addresses written to escape address harvesters:
// "jane.smith at example dot com", "jane[at]example[dot]com",
// "jane (at) example.com", "jane @ example . com". Group 1 is the "at",
// groups 2 and 3 the domain and its last label. disguisedEmails decides
// which matches are addresses.
var disguisedEmailRE = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9._%+\-]*` +
	`(` + bracketed("at") + `|[ \t]+(?i:at)[ \t]+|[ \t]+@[ \t]+|@)` +
	`((?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:` + bracketed("dot") + `|[ \t]+(?i:dot)[ \t]+|\.|[ \t]\.[ \t]))+` +
	`([A-Za-z]{2,24}))\b`)

// bracketed returns a pattern for word in brackets with optional spaces
// around it: " (at) ", "[dot]", "{ AT }".
func bracketed(word string) string {
	return `[ \t]*[\[({<][ \t]*(?i:` + word + `)[ \t]*[\])}>][ \t]*`
}

// dotRE splits a disguised domain into its labels.
var dotRE = regexp.MustCompile(`[ \t]*[\[({<][ \t]*(?i:dot)[ \t]*[\])}>][ \t]*|[ \t]+(?i:dot)[ \t]+|[ \t]*\.[ \t]*`)

// plainWords are English words that, after a bare "at", begin a phrase
// rather than a domain ("arrive at the dot com address").
var plainWords = set("the", "a", "an", "this", "that", "these", "those", "our", "your", "my", "his", "her",
	"their", "its", "least", "all", "any", "some", "home", "work", "once", "first", "last", "night", "risk",
	"times", "most", "best", "present", "large", "which", "what", "one")

// disguisedEmails reports addresses written with "at" and "dot" in words or
// brackets, or with spaces around "@" or ".". A bare word "at" must come
// with a "dot" in words or brackets, so that "look at example.com" is not an
// address; plain addresses are left to emails.
func (s *scanner) disguisedEmails(l line, plain [][]int) []hit {
	lower := strings.ToLower(l.text)
	if !strings.Contains(lower, "at") && !strings.Contains(lower, "@") {
		return nil
	}
	var hits []hit
	for at := 0; at < len(l.text); {
		m := disguisedEmailRE.FindStringSubmatchIndex(l.text[at:])
		if m == nil {
			break
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += at
			}
		}
		at = m[3] // the domain may begin the next match ("look at jane (at) example.com")
		sep, domain := l.text[m[2]:m[3]], l.text[m[4]:m[5]]
		dots := dotRE.FindAllString(domain, -1)
		wordDot := slices.ContainsFunc(dots, func(d string) bool { return strings.TrimSpace(d) != "." })
		spacedDot := slices.ContainsFunc(dots, func(d string) bool { return d != "." })
		bareAt := false
		switch t := strings.TrimSpace(sep); {
		case t == "@" && sep == "@": // "jane@example dot com"
			if !spacedDot {
				continue // a plain address
			}
		case t == "@": // "jane @ example.com"
		case strings.EqualFold(t, "at"): // "jane at example dot com", not "look at example.com"
			if !wordDot {
				continue
			}
			bareAt = true
		}
		if overlaps(plain, m[0], m[1]) {
			continue
		}
		labels := dotRE.Split(strings.ToLower(domain), -1)
		if bareAt && plainWords[labels[0]] {
			continue // "at the dot com end"
		}
		if !slices.ContainsFunc(labels[:len(labels)-1], func(lab string) bool {
			return strings.ContainsFunc(lab, unicode.IsLetter)
		}) {
			continue // "meet @ 10.am"
		}
		local := strings.ToLower(l.text[m[0]:m[2]])
		addr := local + "@" + strings.Join(labels, ".")
		if fileExtensions[labels[len(labels)-1]] || s.opts.emails[addr] || s.opts.allowsDomain(strings.Join(labels, ".")) {
			continue
		}
		at = m[1]
		hits = append(hits, hit{rule: "email", code: CodeEmail, start: m[0],
			message: "possible email address written out `" + maskEmail(local, labels) + "`",
			hint:    markHint("email", "if it is the authority's own published address")})
	}
	return hits
}

// overlaps reports whether [start, end) overlaps one of spans, which are
// sorted and do not overlap each other.
func overlaps(spans [][]int, start, end int) bool {
	i, _ := slices.BinarySearchFunc(spans, start, func(sp []int, start int) int {
		if sp[1] <= start {
			return -1
		}
		return 1
	})
	return i < len(spans) && spans[i][0] < end
}

func (a allow) allowsDomain(domain string) bool {
	for _, d := range a.domains {
		if domain == d || strings.HasSuffix(domain, "."+d) {
			return true
		}
	}
	return false
}

// maskEmail shows the first character of the local part and of each domain
// label, keeping the top-level domain and a short second-level label such as
// "co" or "gov": "j***@e***.co.uk".
func maskEmail(local string, labels []string) string {
	keep := 1
	if n := len(labels); n > 2 && len(labels[n-2]) <= 3 {
		keep = 2
	}
	var b strings.Builder
	b.WriteString(mask(local))
	b.WriteString("@")
	for i, lab := range labels {
		if i > 0 {
			b.WriteString(".")
		}
		if i >= len(labels)-keep {
			b.WriteString(lab)
		} else {
			b.WriteString(mask(lab))
		}
	}
	return b.String()
}

// ---- phone ----

// phoneRE finds candidate numbers: an international or national prefix,
// then up to 16 more digits separated by at most one space, hyphen or
// closing bracket (bounded, so that scanning a line stays linear).
// parsePhone checks the digits.
var phoneRE = regexp.MustCompile(`(?:\+ ?44 ?(?:\(0\) ?)?|\b0044 ?|\(0|\b0)\d(?:[ \-]?\d|\) ?\d){0,16}`)

var phoneLabelRE = regexp.MustCompile(`(?i)\b(?:switchboard|telephone|tel|phone|fax)\b`)

func (s *scanner) phones(l line) []hit {
	var hits []hit
	for at := 0; at < len(l.text); {
		m := phoneRE.FindStringIndex(l.text[at:])
		if m == nil {
			break
		}
		m[0], m[1] = m[0]+at, m[1]+at
		raw := l.text[m[0]:m[1]]
		national, end, keep := parsePhone(raw)
		if national == "" {
			at = m[1]
			continue
		}
		at = m[0] + end // a second number may follow ("07700 900123 07700 900456")
		if r, _ := utf8.DecodeRuneInString(l.text[m[0]+end:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			continue // part of a longer code such as "07700900123abc"
		}
		if m[0] > 0 && strings.IndexByte(".,/", l.text[m[0]-1]) >= 0 {
			continue // the decimals of "4103857.0726124765", a URL path
		}
		switch {
		case national[1] == '1' && len(national) == 10 && !strings.ContainsAny(raw[:end], " -)"):
			continue // ten digits in one run are more often a code than a number
		case national[1] == '1': // geographic: 10 or 11 digits
		case (national[1] == '2' || national[1] == '7') && len(national) == 11: // London etc., mobiles
		default: // 03 public service, 08 freephone and business, 09, …
			continue
		}
		if s.opts.phones[national] {
			continue
		}
		if l.head && national[1] != '7' && phoneLabelRE.MatchString(l.text[:m[0]]) {
			continue // the authority's letterhead
		}
		masked := raw[:keep] + strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '*'
			}
			return r
		}, raw[keep:end])
		kind := "landline"
		if national[1] == '7' {
			kind = "mobile"
		}
		hits = append(hits, hit{rule: "phone", code: CodePhone, start: m[0],
			message: "possible personal phone number (" + kind + ") `" + masked + "`",
			hint: "remove it; if it is the authority's published number, add it to the allowed phone numbers " +
				"or end the line with `<!-- foilog-allow: phone -->`"})
	}
	return hits
}

// parsePhone reads a phoneRE match. It returns the national number
// ("07700900123"), the byte length of raw that holds it, and how many bytes
// of raw to show unmasked (the prefix up to the second national digit).
//
// Numbers are written in groups of at least three digits ("0121 496 0000",
// "07700 900123"), except the first group after +44 ("+44 20 7946 0000");
// reading stops before a shorter group, so byte dumps ("02 01 04 03") are
// not numbers. A match with more digits is cut at the first group end after
// 11 digits, or else after 10 (a number followed by a year, or by another
// number); national is "" when no cut fits.
func parsePhone(raw string) (national string, end, keep int) {
	i := 0
	nat := make([]byte, 0, 16)
	minFirst := 3 // digits in the first group, counting the leading 0
	if strings.HasPrefix(raw, "+") || strings.HasPrefix(raw, "0044") {
		i = strings.Index(raw, "44") + 2
		for i < len(raw) && (raw[i] == ' ' || raw[i] == '(' || raw[i] == ')' || (raw[i] == '0' && i+1 < len(raw) && raw[i+1] == ')')) {
			i++
		}
		nat = append(nat, '0')
		minFirst = 1
	}
	best, group, groups := 0, 0, 0
	for ; i < len(raw) && best != 11; i++ {
		c := raw[i]
		if c < '0' || c > '9' {
			continue
		}
		nat = append(nat, c)
		group++
		if len(nat) == 2 {
			keep = i + 1
		}
		if i+1 == len(raw) || raw[i+1] < '0' || raw[i+1] > '9' {
			if group < 3 && (groups > 0 || group < minFirst) {
				break
			}
			if n := len(nat); n == 11 || (n == 10 && best == 0) {
				best, end = n, i+1
			}
			group = 0
			groups++
		}
	}
	if best == 0 || keep > end {
		return "", 0, 0
	}
	return string(nat[:best]), end, keep
}

// phoneNumber normalises a number from Options to its national digits, or
// "" if it has none.
func phoneNumber(p string) string {
	var d []byte
	for i := 0; i < len(p); i++ {
		if p[i] >= '0' && p[i] <= '9' {
			d = append(d, p[i])
		}
	}
	s := string(d)
	switch {
	case strings.HasPrefix(strings.TrimSpace(p), "+") && strings.HasPrefix(s, "44"):
		s = "0" + s[2:]
	case strings.HasPrefix(s, "0044"):
		s = "0" + s[4:]
	}
	if strings.HasPrefix(s, "00") { // +44 (0)121 …
		s = s[1:]
	}
	return s
}

// ---- National Insurance number ----

var niRE = regexp.MustCompile(`(?i)\b([A-Z]{2})[ \-]?\d{2}[ \-]?\d{2}[ \-]?\d{2}[ \-]?[A-D]\b`)

// niNeverIssued are prefixes HMRC does not allocate.
var niNeverIssued = map[string]bool{"BG": true, "GB": true, "KN": true, "NK": true, "NT": true, "TN": true, "ZZ": true}

// niShortRE is a National Insurance number without its suffix letter
// ("QQ 12 34 56"); it is reported only beside niContextRE.
var niShortRE = regexp.MustCompile(`(?i)\b([A-Z]{2})[ \-]?\d{2}[ \-]?\d{2}[ \-]?\d{2}\b`)

// niContextRE names a National Insurance number: "NI", "N.I.", "NINO",
// "National Insurance".
var niContextRE = regexp.MustCompile(`\bN\.?I\b\.?|(?i:\bNINO\b|\bnational[ \t]+insurance\b)`)

// niContextWords is how many words may stand between the context and the
// number ("NI number is: QQ 12 34 56"; "QQ123456 (NI number)").
const niContextWords = 4

func niNumbers(l line) []hit {
	var hits []hit
	for _, m := range niRE.FindAllStringSubmatchIndex(l.text, -1) {
		if prefix := strings.ToUpper(l.text[m[2]:m[3]]); niIssued(prefix) {
			hits = append(hits, niHit(m[0], prefix, " *"))
		}
	}
	if !niContextRE.MatchString(l.text) {
		return hits
	}
	for _, m := range niShortRE.FindAllStringSubmatchIndex(l.text, -1) {
		prefix := strings.ToUpper(l.text[m[2]:m[3]])
		if !niIssued(prefix) || niSuffixed(l.text[m[1]:]) || !niContext(l.text[:m[0]], l.text[m[1]:]) {
			continue
		}
		hits = append(hits, niHit(m[0], prefix, ""))
	}
	return hits
}

// niIssued reports whether HMRC issues numbers with prefix (upper case),
// counting its specimen QQ as issued.
func niIssued(prefix string) bool {
	return prefix == "QQ" || strings.IndexByte("DFIQUV", prefix[0]) < 0 &&
		strings.IndexByte("DFIOQUV", prefix[1]) < 0 && !niNeverIssued[prefix]
}

// niSuffixed reports whether after, the text after six digits, begins with
// a letter word: a suffix (a whole number, reported by niRE) or a letter
// that makes it something else ("AB 12 34 56 E").
func niSuffixed(after string) bool {
	after = strings.TrimLeft(after, " -")
	return len(after) > 0 && unicode.IsLetter(firstRune(after)) &&
		(len(after) == 1 || !unicode.IsLetter(firstRune(after[1:])) && !unicode.IsDigit(firstRune(after[1:])))
}

// niContext reports whether niContextRE ends at most niContextWords words
// before the number, or begins at most niContextWords words after it. Only
// niContextBytes on either side are read, so that a long line stays linear.
func niContext(before, after string) bool {
	if len(before) > niContextBytes {
		before = before[len(before)-niContextBytes:]
		if i := strings.IndexAny(before, " \t"); i >= 0 {
			before = before[i:] // not from the middle of a word ("UNI")
		} else {
			before = ""
		}
	}
	if ms := niContextRE.FindAllStringIndex(before, -1); ms != nil &&
		len(strings.Fields(before[ms[len(ms)-1][1]:])) <= niContextWords {
		return true
	}
	if len(after) > niContextBytes {
		after = after[:niContextBytes]
	}
	m := niContextRE.FindStringIndex(after)
	return m != nil && len(strings.Fields(after[:m[0]])) <= niContextWords
}

// niContextBytes bounds the text niContext reads on each side.
const niContextBytes = 80

func niHit(start int, prefix, suffix string) hit {
	return hit{rule: "ni-number", code: CodeNINumber, start: start,
		message: "possible National Insurance number `" + prefix[:1] + "* ** ** **" + suffix + "`",
		hint:    markHint("ni-number", "after checking it is a specimen, not a real number")}
}

// ---- postcode ----

var postcodeRE = regexp.MustCompile(`(?i)\b([A-Z]{1,2}\d[A-Z\d]?) ?(\d[ABD-HJLNP-UW-Z]{2})\b`)

var ordinalRE = regexp.MustCompile(`^(?:1st|2nd|3rd|\dth)$`)

func (s *scanner) postcodes(l line) []hit {
	var hits []hit
	for _, m := range postcodeRE.FindAllStringSubmatchIndex(l.text, -1) {
		outward, inward := strings.ToUpper(l.text[m[2]:m[3]]), l.text[m[4]:m[5]]
		if strings.IndexByte("QVX", outward[0]) >= 0 ||
			(outward[1] >= 'A' && outward[1] <= 'Z' && strings.IndexByte("IJZ", outward[1]) >= 0) {
			continue
		}
		if ordinalRE.MatchString(inward) {
			continue // "b1 2nd"
		}
		if m[3] == m[4] && l.text[m[2]:m[5]] != strings.ToUpper(l.text[m[2]:m[5]]) {
			continue // without the space only capitals: "ad1c3fb" is a commit
		}
		if m[0] > 0 && l.text[m[0]-1] == '#' {
			continue // a colour: "#B0C4DE"
		}
		if s.opts.postcodes[outward+strings.ToUpper(inward)] {
			continue
		}
		hits = append(hits, hit{rule: "postcode", code: CodePostcode, start: m[0],
			message: "full postcode `" + outward + " ***`",
			hint: "remove it or keep only the outward code `" + outward + "`; if it is the authority's own address, " +
				"add it to the allowed postcodes or end the line with `<!-- foilog-allow: postcode -->`"})
	}
	return hits
}

// postcodeKey normalises a postcode for comparison: upper case, no spaces.
func postcodeKey(p string) string {
	return strings.ToUpper(strings.Join(strings.Fields(p), ""))
}

// ---- salutation ----

var (
	dearRE = regexp.MustCompile(`\b(?:Dear|DEAR)[ \t]+`)
	// greetingRE is a greeting other than "Dear" that opens a line (after
	// blockquote and emphasis marks): "Hi", "Hello", "Hey", "Good morning".
	greetingRE = regexp.MustCompile(`^[ \t>*_]*((?i:hi|hello|hey|hiya|greetings|good[ \t]+(?:morning|afternoon|evening|day)))[ \t,]+`)
	// wordRE is a capitalised word ("Smith", "O'Neill", "Smith-Jones",
	// "Dr.") or a lower-case name particle ("van", "de").
	wordRE = regexp.MustCompile(`^(?:\p{Lu}[\p{L}\p{M}'’\-]*\.?|(?:van|von|de|der|den|da|di|du|del|della|le|la|bin|ibn|al|el|ap)\b)`)
)

// titles precede a name; on their own ("Dear Chief Constable") they
// address a role.
var titles = set("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "revd", "reverend",
	"sir", "dame", "lady", "lord", "cllr", "councillor", "hon", "rt",
	"pc", "dc", "ds", "di", "dci", "dsi", "sgt", "sergeant", "insp", "inspector", "supt", "superintendent",
	"constable", "detective", "chief", "commissioner", "commander", "acc", "dcc", "cc")

// roles are words that show a salutation addresses a role or a group
// rather than a named person.
var roles = set("sir", "sirs", "madam", "mesdames", "requester", "requestor", "requesters", "applicant", "applicants",
	"colleague", "colleagues", "all", "everyone", "customer", "customers", "friend", "friends", "member", "members",
	"resident", "residents", "reader", "readers", "partner", "partners", "officer", "officers", "editor", "manager",
	"chair", "chairman", "chairperson", "chairwoman", "head", "director", "clerk", "secretary", "minister",
	"enquirer", "correspondent", "complainant", "citizen", "name", "redacted", "recipient", "user", "subscriber",
	"client", "patient", "parent", "parents", "governor", "governors", "trustee", "trustees", "information", "data",
	"freedom", "disclosure", "records", "rights", "compliance", "privacy", "protection", "legal", "media", "people",
	"public", "person", "neighbour", "neighbours", "support", "admin", "staff", "teacher", "doctor", "nurse",
	// greetings to nobody in particular ("Hello World", "Hi There") and
	// words that stand alone on a line after a sign-off
	"there", "world", "again", "anonymous", "request", "response", "reply", "answer", "note", "notes",
	"summary", "background", "question", "questions", "attachment", "attachments", "enclosure", "enclosures")

// organisations are words that end the name of an organisation: after a
// name ("West Midlands Police") they show it is not a person's.
var organisations = set("team", "police", "constabulary", "council", "service", "services",
	"office", "department", "dept", "unit", "authority", "trust", "board", "force", "ministry", "agency",
	"government", "university", "college", "hospital", "company", "ltd", "limited", "plc", "foundation",
	"committee", "group", "bureau", "centre", "center", "directorate", "division", "panel", "school", "court",
	"tribunal", "commission", "parliament", "organisation", "association", "society", "union", "federation",
	"partnership", "press", "news", "newsroom", "desk", "inbox", "mailbox", "helpdesk")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func salutations(l line) []hit {
	var hits []hit
	if strings.Contains(l.text, "Dear") || strings.Contains(l.text, "DEAR") {
		for _, m := range dearRE.FindAllStringIndex(l.text, -1) {
			words, _ := salutationWords(l.text[m[1]:])
			if shown, ok := namesPerson(words); ok {
				hits = append(hits, salutationHit(m[0], l.text[m[0]:m[0]+4]+" "+shown))
			}
		}
	}
	if m := greetingRE.FindStringSubmatchIndex(l.text); m != nil {
		words, rest := salutationWords(l.text[m[1]:])
		// "Hi Vis jackets": a greeting word that begins a sentence, not a
		// salutation. A salutation ends the line or its clause, unless a
		// title shows that a person is addressed ("Hello Mr Smith thank you").
		next := strings.TrimLeft(rest, " \t")
		ends := next == "" || !unicode.IsLetter(firstRune(next))
		if shown, ok := namesPerson(words); ok && (ends || titles[strings.ToLower(strings.TrimSuffix(words[0], "."))]) {
			greeting := strings.Join(strings.Fields(l.text[m[2]:m[3]]), " ")
			hits = append(hits, salutationHit(m[2], greeting+" "+shown))
		}
	}
	return hits
}

func salutationHit(start int, shown string) hit {
	return hit{rule: "salutation", code: CodeSalutation, start: start,
		message: "salutation names a person: `" + shown + "`",
		hint: "write `Dear Requester` or `Dear Sir/Madam`: the requester's name must not be published " +
			"(after checking, end the line with `<!-- foilog-allow: salutation -->`)"}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// salutationWords returns the words that follow a greeting: capitalised
// words and name particles separated by spaces, up to six, and the text
// after the last of them.
func salutationWords(rest string) (words []string, after string) {
	for len(words) < 6 {
		w := wordRE.FindString(rest)
		if w == "" {
			break
		}
		words = append(words, w)
		rest = rest[len(w):]
		next := strings.TrimLeft(rest, " \t")
		if len(next) == len(rest) {
			break // punctuation or the end of the line
		}
		rest = next
	}
	return words, rest
}

// namesPerson reports whether words name a person: a name after a title
// ("Mr Smith", "Police Commissioner Smith"), or names beside no word of a
// role or group ("Jane Smith", but not "Information Rights Team"); either
// way not followed by a word that ends an organisation's name ("West
// Midlands Police"). Shown is the salutation with the names masked.
func namesPerson(words []string) (shown string, ok bool) {
	named, titled, role, orgAfterName, afterTitle := false, false, false, false, false
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w
		key := strings.ToLower(strings.TrimSuffix(w, "."))
		switch {
		case titles[key]:
			afterTitle = true
			continue
		case utf8.RuneCountInString(key) == 1 || isParticle(w): // an initial ("Mr J Smith", "Mr X") or "van"
			continue
		case organisations[key]:
			role = true
			orgAfterName = orgAfterName || named
		case roles[key]:
			role = true
		case key == "or" || key == "and": // "DEAR SIR OR MADAM"
		case w == strings.ToUpper(w) && !(afterTitle && surnameInCapitals(w)):
			// an acronym such as FOI or PCC; after a title ("Mr SMITH",
			// "MR J SMITH"), a surname in capitals
			role = true
		default:
			named = true
			titled = titled || afterTitle
			out[i] = mask(w)
		}
		afterTitle = false
	}
	if named && !orgAfterName && (titled || !role) {
		return strings.Join(out, " "), true
	}
	return "", false
}

// surnameInCapitals reports whether w, written in capitals after a title,
// reads as a surname rather than an acronym ("IT", "PCC"): three letters
// or more, one of them a vowel.
func surnameInCapitals(w string) bool {
	return utf8.RuneCountInString(w) >= 3 && strings.ContainsAny(w, "AEIOUY")
}

func isParticle(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}
