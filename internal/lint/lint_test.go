package lint

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/foilog/foilog/internal/diag"
)

// filler is ten body lines before the line under test, so that rule tables
// test ordinary body text rather than the letterhead.
const filler = "---\ntitle: Test\n---\n" +
	"West Midlands Police\nFreedom of Information Unit\nPO Box 52\nLloyd House\nBirmingham\n" +
	"Our reference: FOI 1648A/23\nDate: 14 June 2023\n\nThank you for your request.\n\nWe have considered it.\nRegards\n\n"

// fillerLines is the number of lines in filler; the line under test is the
// next one.
var fillerLines = strings.Count(filler, "\n")

// hits lints one body line (placed after the letterhead) and returns its
// findings as "col:code", leaving out findings on other lines.
func hits(t *testing.T, text string, opts Options) []string {
	t.Helper()
	var out []string
	for _, f := range File([]byte(filler+text+"\n"), opts) {
		if f.Line != fillerLines+1 {
			t.Errorf("%q: finding on filler line %d: %s", text, f.Line, f.Message)
			continue
		}
		out = append(out, fmt.Sprintf("%d:%s", f.Col, f.Code))
	}
	return out
}

type ruleCase struct {
	text string
	want []string // "col:code"; nil for no finding
}

func runRule(t *testing.T, cases []ruleCase, opts Options) {
	t.Helper()
	for _, c := range cases {
		got := hits(t, c.text, opts)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q:\n got %v\nwant %v", c.text, got, c.want)
		}
	}
}

var wmp = Options{
	AllowEmails:    []string{"enquiries@example.org"},
	AllowDomains:   []string{"westmidlands.police.uk", "@foi.example.gov.uk"},
	AllowPhones:    []string{"+44 121 496 0999"},
	AllowPostcodes: []string{"b4 6nq"},
}

func TestEmail(t *testing.T) {
	runRule(t, []ruleCase{
		// personal addresses
		{"Please reply to jane.smith@example.com today.", []string{"17:lint.email"}},
		{"jsmith+foi@example.co.uk", []string{"1:lint.email"}},
		{"<mailto:J.Smith@Example.NET>", []string{"9:lint.email"}},
		{"From: \"Jane\" <jane_99@mail.example.org.uk>", []string{"15:lint.email"}},
		{"a@b.io and c.d@e.example.com", []string{"1:lint.email", "12:lint.email"}},
		{"Requester (jane@example.com) asked", []string{"12:lint.email"}},
		{"café jane@example.com", []string{"6:lint.email"}}, // columns count characters
		{"the address jane@westmidlands.police.uk.example.com is not ours", []string{"13:lint.email"}},
		{"notwestmidlands.police.uk: x@notwestmidlands.police.uk", []string{"28:lint.email"}},
		// not reported
		{"Contact foi@westmidlands.police.uk for help.", nil},
		{"Contact FOI@WestMidlands.Police.UK for help.", nil},
		{"or data.protection@mail.westmidlands.police.uk", nil},
		{"or ENQUIRIES@example.org", nil},
		{"team@foi.example.gov.uk", nil},
		{"![logo](images/logo@2x.png)", nil},
		{"user@localhost", nil},
		{"an @mention and email@ and @example.com", nil},
		{"the cost was £5@unit", nil},
		// addresses written out to escape harvesters
		{"jane.smith at example dot com", []string{"1:lint.email"}},
		{"write to jane.smith AT example DOT co DOT uk please", []string{"10:lint.email"}},
		{"jane.smith[at]example[dot]com", []string{"1:lint.email"}},
		{"jane (at) example.com", []string{"1:lint.email"}},
		{"jane{at}mail.example.org", []string{"1:lint.email"}},
		{"jane @ example . com", []string{"1:lint.email"}},
		{"jane @ example.com", []string{"1:lint.email"}},
		{"jane@example dot com", []string{"1:lint.email"}},
		{"look at jane (at) example.com", []string{"9:lint.email"}},
		// written out, but not personal, or not addresses
		{"foi [at] westmidlands [dot] police [dot] uk", nil}, // AllowDomains
		{"enquiries at example dot org", nil},                // AllowEmails
		{"officers arrived at the station", nil},
		{"look at example.com for details", nil},
		{"look at the dot com bubble", nil},
		{"meet @ 10.am tomorrow", nil},
		{"follow @ example", nil},
		{"and @example.com", nil},
		{"logo (at) 2x.png", nil},
		{"jane.smith@example.com at example dot com", []string{"1:lint.email"}}, // one address, one finding
	}, wmp)
}

func TestPhone(t *testing.T) {
	runRule(t, []ruleCase{
		// personal numbers
		{"Call me on 07700 900123.", []string{"12:lint.phone"}},
		{"mobile 07700900123", []string{"8:lint.phone"}},
		{"mobile 07700 900 123", []string{"8:lint.phone"}},
		{"+44 7700 900123", []string{"1:lint.phone"}},
		{"+447700900123", []string{"1:lint.phone"}},
		{"(0121) 496 0000", []string{"1:lint.phone"}},
		{"0121 496 0000", []string{"1:lint.phone"}},
		{"020 7946 0000", []string{"1:lint.phone"}},
		{"tel 0113-496-0000", []string{"5:lint.phone"}},
		{"+44 (0)121 496 0000", []string{"1:lint.phone"}},
		{"0044 20 7946 0000", []string{"1:lint.phone"}},
		{"01632 960000 2023", []string{"1:lint.phone"}},
		{"Tel: 07700 900123", []string{"6:lint.phone"}}, // labelled, but not on the letterhead
		{"07700 900123 07700 900456", []string{"1:lint.phone", "14:lint.phone"}},
		{"| 0121 496 0000 | 020 7946 0000 |", []string{"3:lint.phone", "19:lint.phone"}},
		// not personal, or not a number
		{"In an emergency call 999; otherwise call 101 or NHS 111.", nil},
		{"Freephone 0800 555 111 or 0808 157 0000", nil},
		{"Non-emergency 0300 123 1234 and 0345 113 5000", nil},
		{"Switchboard +44 121 496 0999", nil}, // in AllowPhones
		{"or 0121 496 0999", nil},             // in AllowPhones
		{"Dated 01/02/2023 and 2023-06-14", nil},
		{"Reference 012345", nil},
		{"01214960000123 is a long identifier", nil},
		{"the figure 0.07700900 is a ratio", nil},
		{"code 07700900123abc", nil},
		{"£1,012,345,678", nil},
		{"Buffer 02 01 04 03 06 05 08 07", nil},           // byte dump
		{"ratio 4103857.0726124765", nil},                 // decimals
		{"(merge 0220461071 jc/fix later to maint)", nil}, // a commit, and 02 numbers have 11 digits
		{"mobile 0770 090 012", nil},                      // mobiles have 11 digits
		{"Buffer.from('0123456789', 'hex')", nil},
		{"https://example.org/commit/01629087085", nil},
		{"Brampton 016977 3456", []string{"10:lint.phone"}}, // a 10-digit landline
		{"+44 20 7946 0000", []string{"1:lint.phone"}},
	}, wmp)
}

func TestNINumber(t *testing.T) {
	runRule(t, []ruleCase{
		{"NI number QQ 12 34 56 C", []string{"11:lint.ni-number"}},
		{"QQ123456C", []string{"1:lint.ni-number"}},
		{"AB 12 34 56 C", []string{"1:lint.ni-number"}},
		{"ab123456d", []string{"1:lint.ni-number"}},
		{"JG 123456 A", []string{"1:lint.ni-number"}},
		{"NI: AB-12-34-56-B.", []string{"5:lint.ni-number"}},
		{"(CE 98 76 54 A)", []string{"2:lint.ni-number"}},
		{"numbers AB123456A and ZY 01 02 03 D", []string{"9:lint.ni-number", "23:lint.ni-number"}},
		// not NI numbers
		{"AB 12 34 56 E", nil},    // suffix beyond D
		{"AB 12 34 56", nil},      // no suffix
		{"GB 12 34 56 A", nil},    // never issued
		{"DA 12 34 56 A", nil},    // D never first
		{"AO 12 34 56 A", nil},    // O never second
		{"ABC123456A", nil},       // three letters
		{"AB1234567A", nil},       // seven digits
		{"AB12345C", nil},         // five digits
		{"of 12 34 56 a", nil},    // F never second
		{"in 123456 a week", nil}, // I never first
		// without the suffix letter, only where the text says it is an NI number
		{"NI number QQ 12 34 56", []string{"11:lint.ni-number"}},
		{"NI: QQ123456", []string{"5:lint.ni-number"}},
		{"N.I. No. AB 12 34 56.", []string{"10:lint.ni-number"}},
		{"NINO ab-12-34-56", []string{"6:lint.ni-number"}},
		{"her national insurance number is recorded as JG 123456", []string{"46:lint.ni-number"}},
		{"AB123456 (National Insurance)", []string{"1:lint.ni-number"}},
		{"NI number AB 12 34 56 C", []string{"11:lint.ni-number"}}, // one finding, not two
		{"AB123456", nil}, // a reference, no context
		{"vehicle AB12 CDE, ref CD123456", nil},
		{"NI number GB 12 34 56", nil}, // never issued
		{"National Insurance was introduced in 1911; ticket AB123456 was issued to the driver of the car", nil}, // too far
		{"UNI ref AB123456", nil},    // "NI" inside a word
		{"NI number AB1234567", nil}, // seven digits
		{"NI number AB 12 34 56 Coventry", []string{"11:lint.ni-number"}},
	}, wmp)
}

func TestPostcode(t *testing.T) {
	runRule(t, []ruleCase{
		{"I live at 1 High Street, Birmingham B1 1AA.", []string{"37:lint.postcode"}},
		{"SW1A 2AA", []string{"1:lint.postcode"}},
		{"sw1a 2aa", []string{"1:lint.postcode"}},
		{"B11AA is not ours but B12AB is", []string{"1:lint.postcode", "23:lint.postcode"}},
		{"M1 1AE", []string{"1:lint.postcode"}},
		{"CR2 6XH", []string{"1:lint.postcode"}},
		{"DN55 1PT", []string{"1:lint.postcode"}},
		{"W1A 0AX", []string{"1:lint.postcode"}},
		{"EC1A1BB", []string{"1:lint.postcode"}},
		{"post to LS1 4AP, or CV4 7AL", []string{"9:lint.postcode", "21:lint.postcode"}},
		// not full postcodes
		{"incidents in B4 and B5 districts", nil},
		{"Lloyd House, Colmore Circus, Birmingham B4 6NQ", nil}, // in AllowPostcodes
		{"Birmingham B46NQ", nil},
		{"(merge ad1c3fb jk/fix later to maint)", nil}, // a commit
		{"border-color: #B0C4DE;", nil},                // a colour
		{"\\u00bd", nil},
		{"the SW1A district", nil},
		{"the M25 and the A4 2nd edition", nil},
		{"at 5PM on the M6 2AM", nil},
		{"vehicle AB12 CDE", nil},
		{"section 31(3) of FOIA", nil},
		{"Reference FOI 1648A/23", nil},
		{"QA1 1AA", nil}, // Q never starts a postcode
	}, wmp)
}

func TestSalutation(t *testing.T) {
	runRule(t, []ruleCase{
		{"Dear Mr Smith,", []string{"1:lint.salutation"}},
		{"Dear Mrs Jones", []string{"1:lint.salutation"}},
		{"Dear Ms Khan,", []string{"1:lint.salutation"}},
		{"Dear Dr. Patel", []string{"1:lint.salutation"}},
		{"Dear Jane,", []string{"1:lint.salutation"}},
		{"Dear Jane Smith", []string{"1:lint.salutation"}},
		{"> Dear Mr J O'Neill-Brown,", []string{"3:lint.salutation"}},
		{"**Dear Ms van der Berg**", []string{"3:lint.salutation"}},
		{"Dear Inspector Morse", []string{"1:lint.salutation"}},
		{"Dear Police Commissioner Smith", []string{"1:lint.salutation"}},
		{"Dear Sir John", []string{"1:lint.salutation"}},
		{"Dear Zoë", []string{"1:lint.salutation"}},
		{"Hi Jane", []string{"1:lint.salutation"}},
		{"Hi Jane,", []string{"1:lint.salutation"}},
		{"Hello Mr Smith", []string{"1:lint.salutation"}},
		{"Hello Mr Smith thank you for your email", []string{"1:lint.salutation"}},
		{"Good morning Ms Khan,", []string{"1:lint.salutation"}},
		{"good afternoon Jane Smith!", []string{"1:lint.salutation"}},
		{"> Hi, Jane", []string{"3:lint.salutation"}},
		{"**Hey Sam**", []string{"3:lint.salutation"}},
		// names in capitals, as pasted from case systems
		{"Dear MR SMITH,", []string{"1:lint.salutation"}},
		{"Dear Mr SMITH", []string{"1:lint.salutation"}},
		{"DEAR MRS J JONES", []string{"1:lint.salutation"}},
		{"Dear DR. O'NEILL", []string{"1:lint.salutation"}},
		// no person named
		{"Dear Sir/Madam,", nil},
		{"Dear Sir or Madam", nil},
		{"Dear Sir,", nil},
		{"Dear Requester,", nil},
		{"Dear Applicant", nil},
		{"Dear Colleague", nil},
		{"Dear West Midlands Police,", nil},
		{"Dear FOI Team", nil},
		{"Dear FOI TEAM,", nil},
		{"Dear ICO", nil},
		{"DEAR SIR/MADAM", nil},
		{"DEAR CHIEF CONSTABLE", nil},
		{"DEAR SIR OR MADAM", nil},
		{"Dear Sir OR Madam,", nil},
		{"DEAR SIR AND MADAM", nil},
		{"Dear Mr IT", nil},
		{"Dear Commissioner PCC", nil},
		{"Dear Chief Constable,", nil},
		{"Dear Mr [name redacted],", nil},
		{"Dear Mr X,", nil},
		{"Dear all,", nil},
		{"Dear Information Rights Team", nil},
		{"Yours sincerely, Jane Smith", nil}, // sign-offs name staff
		{"my dear Watson", nil},
		{"Dearborn Jane", nil},
		{"Hello,", nil},
		{"Hi all", nil},
		{"Hi All,", nil},
		{"Hello there", nil},
		{"Good morning FOI team", nil},
		{"Good morning FOI Team,", nil},
		{"Good afternoon Information Rights Team", nil},
		{"Hello Sir/Madam", nil},
		{"Hi Vis jackets were bought in 2023", nil}, // a sentence, not a greeting
		{"The officer said Hi Jane", nil},           // not at the start of a line
		{"Highgate Jane", nil},
	}, wmp)
}

func TestSignOff(t *testing.T) {
	const front = "---\ntitle: Test\n---\n" // body from line 4
	tests := []struct {
		name string
		body string
		want []string // "line:col:code"
	}{
		// names signing off the quoted request
		{"quoted, same line", "> Please send me the policy.\n>\n> Thanks, John Smith\n",
			[]string{"6:11:lint.sign-off"}},
		{"quoted, next line", "> Please send me the policy.\n>\n> Kind regards,\n> Jane Smith\n",
			[]string{"7:3:lint.sign-off"}},
		{"quoted, blank quote lines between", "> Many thanks\n>\n> J. Smith\n",
			[]string{"6:3:lint.sign-off"}},
		{"two blockquotes", "> Kind regards,\n\n> Jane\n",
			[]string{"6:3:lint.sign-off"}},
		{"under a Request heading", "## **Request**\n\nPlease send me the policy.\n\nYours faithfully, Jane Smith\n\n## **Response**\n",
			[]string{"8:19:lint.sign-off"}},
		{"under Your request, next line", "# Your request:\nPlease send me the policy.\nRegards\n\nMr J A van der Berg\n",
			[]string{"8:1:lint.sign-off"}},
		{"under a sub-heading of the request", "## Request\n### Part 1\nBest wishes,\n*Jane*\n",
			[]string{"7:2:lint.sign-off"}},
		{"under a bold heading", "**Request:**\n\nThank you in advance - Dr Priya Patel\n",
			[]string{"6:24:lint.sign-off"}},
		{"initials joined", "> Thanks\n> J.Smith\n",
			[]string{"5:3:lint.sign-off"}},
		{"reported once on the name line", "> Kind regards, Jane Smith\n> Jane Smith\n",
			[]string{"4:17:lint.sign-off"}},
		// the authority's signature, roles and other text
		{"response signature", "Yours sincerely,\n\nJane Smith\nFreedom of Information Officer\n", nil},
		{"signature after the request section", "## Request\n\n> Send the policy.\n\n## Response\n\nKind regards,\nJane Smith\n", nil},
		{"section ends at a bold heading", "**Request**\nSend it.\n**Response**\nRegards,\nJane Smith\n", nil},
		{"quoted team", "> Kind regards,\n> FOI Team\n", nil},
		{"quoted unit", "> Regards\n> Information Management Unit\n", nil},
		{"quoted officer", "> Thanks,\n> Freedom of Information Officer\n", nil},
		{"quoted force", "> Yours faithfully, West Midlands Police\n", nil},
		{"quoted disclosure team", "> Many thanks\n> Disclosure Team\n", nil},
		{"quoted data protection officer", "> Thank you, Data Protection Officer\n", nil},
		{"thanks in a sentence", "> Thank you for your help with this.\n> Please reply by email.\n", nil},
		{"thanks to", "> Thanks to John Smith for the idea.\n", nil},
		{"no separator", "> Regards John Smith\n", nil},
		{"not a name line", "> Thanks\n> Q2 How many were used?\n", nil},
		{"a heading is not a name", "## Request\nThanks\n## Response\n", nil},
		{"a sign-off then another quote", "> Regards,\n\nJane Smith\n", nil}, // the name is not quoted
		{"too many names", "> Thanks\n> Alpha Bravo Charlie Delta Echo\n", nil},
		{"initials alone", "> Thanks,\n> J. S.\n", nil},
		{"anonymous", "> Thanks\n> Anonymous\n", nil},
		{"heading in a code block", "```\n# Request\n```\nRegards,\nJane Smith\n", nil},
		{"front-matter is not request text", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := front + tt.body
			if tt.body == "" {
				src = "---\ntitle: Test\n# Request\nsummary: Thanks, Jane Smith\n---\n"
			}
			var got []string
			for _, f := range File([]byte(src), Options{}) {
				got = append(got, fmt.Sprintf("%d:%d:%s", f.Line, f.Col, f.Code))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestLetterhead(t *testing.T) {
	src := "---\ntitle: Test\nsummary: call 0121 496 0000\n---\n" +
		"West Midlands Police\n\n" +
		"Telephone: 0121 496 0001\n" +
		"Switchboard 020 7946 0002 | Fax: 020 7946 0003\n" +
		"Tel: 07700 900123\n" + // a mobile is never letterhead
		"0121 496 0004 (no label)\n" +
		"Our ref 1, line 7\nline 8\nline 9\nline 10\nline 11\n" +
		"Tel: 0121 496 0005\n" // twelfth non-blank line: body text
	var got []string
	for _, f := range File([]byte(src), Options{}) {
		got = append(got, fmt.Sprintf("%d:%d:%s", f.Line, f.Col, f.Code))
	}
	want := []string{"3:15:lint.phone", "9:6:lint.phone", "10:1:lint.phone", "16:6:lint.phone"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

func TestMessagesMaskValues(t *testing.T) {
	src := "Dear Mr Smith,\nemail jane.smith@example.co.uk phone 07700 900123\n" +
		"NI QQ 12 34 56 C at B1 1AA\n" +
		"Hello Jane Smith\njane.smith (at) example dot co dot uk\nNINO QQ 12 34 56\n> Kind regards,\n> Jane Smith\n"
	fs := File([]byte(src), Options{})
	want := []string{
		"salutation names a person: `Dear Mr S***`",
		"possible email address `j***@e***.co.uk`",
		"possible personal phone number (mobile) `07*** ******`",
		"possible National Insurance number `Q* ** ** ** *`",
		"full postcode `B1 ***`",
		"salutation names a person: `Hello J*** S***`",
		"possible email address written out `j***@e***.co.uk`",
		"possible National Insurance number `Q* ** ** **`",
		"sign-off in the request names a person: `J*** S***`",
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Message)
		for _, secret := range []string{"Smith", "jane", "900123", "12 34 56", "1AA"} {
			if strings.Contains(f.Message, secret) || strings.Contains(f.Hint, secret) {
				t.Errorf("%s: message or hint shows %q: %s (%s)", f.Code, secret, f.Message, f.Hint)
			}
		}
		if f.Severity != diag.Error {
			t.Errorf("%s: severity %v, want error", f.Code, f.Severity)
		}
		if !strings.Contains(f.Hint, "foilog-allow") {
			t.Errorf("%s: hint %q does not say how to mark a checked value", f.Code, f.Hint)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("messages:\n got %q\nwant %q", got, want)
	}
}

func TestMarkers(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // "line:col:code:severity"
	}{
		{"line marker silences its line only",
			"a jane@example.com <!-- foilog-allow: email -->\nb jane@example.com\n",
			[]string{"2:3:lint.email:error"}},
		{"line marker names several rules with commas or spaces",
			"jane@example.com 07700 900123 B1 1AA <!-- foilog-allow: email, phone postcode -->\n", nil},
		{"line marker silences only the rules it names",
			"jane@example.com 07700 900123 <!-- foilog-allow: phone -->\n",
			[]string{"1:1:lint.email:error"}},
		{"file marker anywhere silences the whole file",
			"B1 1AA\n\nend\n<!-- foilog-allow-file: postcode -->\nB2 2BB\n", nil},
		{"file marker does not silence other rules",
			"<!--foilog-allow-file:postcode-->\nB1 1AA jane@example.com\n",
			[]string{"2:8:lint.email:error"}},
		{"bare marker silences nothing and is reported",
			"jane@example.com <!-- foilog-allow -->\n",
			[]string{"1:1:lint.email:error", "1:18:lint.marker:warning"}},
		{"bare file marker silences nothing and is reported",
			"<!-- foilog-allow-file: -->\njane@example.com\n",
			[]string{"1:1:lint.marker:warning", "2:1:lint.email:error"}},
		{"unknown rule is reported with a suggestion",
			"jane@example.com <!-- foilog-allow: emal -->\n",
			[]string{"1:1:lint.email:error", "1:18:lint.marker:warning"}},
		{"unknown marker kind is reported",
			"jane@example.com <!-- foilog-alow: email -->\n",
			[]string{"1:1:lint.email:error", "1:18:lint.marker:warning"}},
		{"unused marker is reported",
			"nothing here <!-- foilog-allow: phone -->\n<!-- foilog-allow-file: email -->\n",
			[]string{"1:14:lint.marker:warning", "2:1:lint.marker:warning"}},
		{"ordinary comments are ignored",
			"<!-- a note for editors -->\n", nil},
		{"line marker silences a sign-off on the name line",
			"> Kind regards,\n> Jane Smith <!-- foilog-allow: sign-off -->\n> Thanks, Jane <!-- foilog-allow: salutation -->\n",
			[]string{"3:11:lint.sign-off:error", "3:16:lint.marker:warning"}},
		{"file marker silences sign-offs and written-out addresses",
			"<!-- foilog-allow-file: sign-off, email -->\n> Thanks, Jane Smith\njane at example dot com\n", nil},
		{"line marker silences a greeting and a short NI number",
			"Hi Jane <!-- foilog-allow: salutation -->\nNI AB123456 <!-- foilog-allow: ni-number -->\n", nil},
		{"markers in front-matter work like anywhere else",
			"---\ntitle: x\n---\nQQ123456C <!-- foilog-allow: ni-number -->\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range File([]byte(tt.src), Options{}) {
				got = append(got, fmt.Sprintf("%d:%d:%s:%s", f.Line, f.Col, f.Code, f.Severity))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestMarkerHints(t *testing.T) {
	fs := File([]byte("x <!-- foilog-allow: emal -->\ny <!-- foilog-alow: email -->\nz <!-- foilog-allow -->\n"), Options{})
	var hints []string
	for _, f := range fs {
		hints = append(hints, f.Message+" ("+f.Hint+")")
	}
	want := []string{
		"unknown rule `emal` in `foilog-allow` marker (did you mean `email`?)",
		"unknown marker `foilog-alow`; it silences nothing (did you mean `foilog-allow`?)",
		"`foilog-allow` marker names no rule, so it silences nothing (name the rules it allows, e.g. `<!-- foilog-allow: email -->`; rules: email, phone, ni-number, postcode, salutation, sign-off)",
	}
	if !slices.Equal(hints, want) {
		t.Errorf("got  %q\nwant %q", hints, want)
	}
}

func TestPositions(t *testing.T) {
	// A byte-order mark is not a column; "\r\n" line ends are lines.
	src := "\xef\xbb\xbfjane@example.com\r\n\r\n  – B1 1AA\r\n"
	var got []string
	for _, f := range File([]byte(src), Options{}) {
		got = append(got, fmt.Sprintf("%d:%d:%s", f.Line, f.Col, f.Code))
	}
	want := []string{"1:1:lint.email", "3:5:lint.postcode"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestDeterministicAndSorted(t *testing.T) {
	src := []byte("Dear Jane, B1 1AA jane@example.com 07700 900123 QQ123456C\n" +
		"jane@example.com <!-- foilog-allow: email phone -->\n")
	first := File(src, Options{})
	if len(first) != 6 {
		t.Fatalf("got %d findings, want 6: %v", len(first), first)
	}
	for range 20 {
		if again := File(src, Options{}); !slices.Equal(first, again) {
			t.Fatalf("second run differs:\n%v\n%v", first, again)
		}
	}
	if !slices.IsSortedFunc(first, func(a, b Finding) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	}) {
		t.Errorf("findings not sorted: %v", first)
	}
}

func TestCleanFileHasNoFindings(t *testing.T) {
	src := "---\ntitle: Cyber security software\nreference: \"FOI 1648A/23\"\ndate: 2023-06-14\n" +
		"exemptions:\n  - Section 24(2) National Security\n  - Section 31(3) Law Enforcement\noutcome: ncnd\n---\n" +
		"Dear Requester,\n\nWe neither confirm nor deny that we hold the information (sections 24(2) and 31(3)).\n\n" +
		"In an emergency call 999. For non-emergencies call 101.\n\nYours sincerely,\n\nFOI Unit\n"
	if fs := File([]byte(src), Options{}); fs != nil {
		t.Errorf("got %v, want none", fs)
	}
}

func TestRules(t *testing.T) {
	rules := Rules()
	var names []string
	for _, r := range rules {
		if r.Description == "" || !strings.HasPrefix(r.Code, "lint.") {
			t.Errorf("rule %+v lacks a description or code", r)
		}
		names = append(names, r.Name)
	}
	if want := []string{"email", "phone", "ni-number", "postcode", "salutation", "sign-off"}; !slices.Equal(names, want) {
		t.Errorf("rules %v, want %v", names, want)
	}
}

func TestDiagnostic(t *testing.T) {
	f := File([]byte("jane@example.com"), Options{})[0]
	d := f.Diagnostic("content/responses/x.md")
	if got := d.String(); !strings.HasPrefix(got, "content/responses/x.md:1:1: error: possible email address `j***@e***.com` (remove it") {
		t.Errorf("got %q", got)
	}
}

// BenchmarkFileLongLines checks that scanning stays linear on long lines
// full of near-matches (each case is about 200 KB on one line).
func BenchmarkFileLongLines(b *testing.B) {
	for _, unit := range []string{"Dear Mr ", "07700 900123 ", "0 ", "a@b.cd ", "<!-- foilog-allow: email --> ", "B1 1AA ",
		"a at b dot c ", "j (at) e.co ", "NI AB123456 ", "> Thanks, Jane Smith ", "Hi Jane Jane "} {
		src := []byte(strings.Repeat(unit, 200000/len(unit)))
		b.Run(strings.TrimSpace(unit), func(b *testing.B) {
			for b.Loop() {
				File(src, Options{})
			}
		})
	}
}

func FuzzFile(f *testing.F) {
	f.Add([]byte(filler + "Dear Mr Smith jane@example.com 07700 900123 QQ123456C B1 1AA <!-- foilog-allow: email -->"))
	f.Add([]byte("---\n---\n+44 (0)121 496 0000 <!-- foilog-allow-file: -->\r\n"))
	f.Add([]byte("\xef\xbb\xbf\xff\xfe Dear Zo\xc3 <!-- foilog-x --> 0044 7700 900 123"))
	f.Add([]byte("## **Request**\n> Hi Jane\n> jane [at] example [dot] com, NI QQ 12 34 56\n>\n> Kind regards,\n> J.Smith <!-- foilog-allow: sign-off -->\n## Response\n"))
	f.Add([]byte("**Request:**\nThanks, Dr \xc3\x89lodie\n```\n# Request\n```\nGood morning Ms Khan,\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fs := File(src, Options{AllowDomains: []string{"example.org"}})
		lines := strings.Split(string(src), "\n")
		for i, x := range fs {
			if x.Line < 1 || x.Line > len(lines) {
				t.Fatalf("finding %+v outside the file's %d lines", x, len(lines))
			}
			if n := len([]rune(lines[x.Line-1])); x.Col < 1 || x.Col > n {
				t.Fatalf("finding %+v outside its line of %d characters", x, n)
			}
			if i > 0 && (fs[i-1].Line > x.Line || fs[i-1].Line == x.Line && fs[i-1].Col > x.Col) {
				t.Fatalf("findings not sorted: %+v before %+v", fs[i-1], x)
			}
		}
	})
}
