package exemption

import (
	"regexp"
	"testing"
)

// publicInterestWhole is the unanchored expression that Check once ran
// over the whole body; mentionsPublicInterest must agree with it.
var publicInterestWhole = regexp.MustCompile(`(?i)public[\s-]+interest|balanc(?:e|ing)[\s-]+(?:test|exercise)|factors?\s+(?:favouring|in\s+favour|for|against)`)

var interestCases = []string{
	"", "public", "public interest", "## Public Interest Test", "PUBLIC-INTEREST", "the public\t- interest",
	"public\u00a0interest", "public\vinterest", "publicinterest", "publics interest", "xpublic interest",
	"public intereſt", "Balance test", "balancing exercise", "balanced test", "balancing-exerciſe", "BALANCE\ntest",
	"Factors favouring disclosure", "factor for", "factors in  favour", "factors\tagainst", "factor- for",
	"factorsfor", "factors infavour", "factoring for", "pUbLiC  InTeReSt", "publi", "factor ",
	"Publishing the interest", "b", "fa", "The public should know; interest is high.",
}

func TestMentionsPublicInterest(t *testing.T) {
	for _, s := range interestCases {
		if got, want := mentionsPublicInterest(s), publicInterestWhole.MatchString(s); got != want {
			t.Errorf("mentionsPublicInterest(%q) = %v; want %v", s, got, want)
		}
	}
}

func FuzzMentionsPublicInterest(f *testing.F) {
	for _, s := range interestCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mentionsPublicInterest(s), publicInterestWhole.MatchString(s); got != want {
			t.Fatalf("mentionsPublicInterest(%q) = %v; want %v", s, got, want)
		}
	})
}
