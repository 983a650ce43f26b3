package exemption

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// scanTokens are the pieces randomText joins: keywords, numbers, paths,
// connectors, names of Acts, ordinary words and the punctuation and white
// space that leapTo treats as barriers or not.
var scanTokens = []string{
	"Section", "sections", "s", "s.", "S", "ss", "Sect", "sec", "Regulation", "regs", "reg", "r", "rr", "§", "§§",
	"31", "24", "40", "12", "2", "22A", "1971", "2000", "2018", "0", "31st", "2.3", "1000",
	"(1)", "(a)", "(b)", "(ii)", "(5B)", "(3", "()", "(", ")", "subsection", "sub-section",
	"and", "or", "&", "&amp;", ",", "/", "+", ";", "to", "-", "–", "in conjunction with", "with",
	"the", "The", "this", "these", "of", "under", "Act", "FOIA", "FOISA", "FOI(S)A", "EIR", "EIRs", "EISR", "EI(S)R",
	"Freedom of Information Act", "Freedom of Information (Scotland) Act 2002", "Environmental Information Regulations",
	"Data Protection Act", "DPA", "PACE", "UK GDPR", "Misuse of Drugs Act", "Police Regulations", "Order", "Rules",
	"Freedom of Information Act, 2000", "Act , 2002", "(Scotland)", "Roads & Bridges Act", "Crime - Act", "O'Neill Act",
	"DPA 2018", "Information Regulations, 2004", "s31", "r12(5)(b)", "s. 40(2)", "Section\n31",
	"force's", "force’s", "public", "interest", "We", "hold", "records", "Information", "Drugs", "Misuse",
	".", ":", "!", "?", "|", "*", "#", "[", "]", "\"", "<", ">", "=", "_", "`", "\\", "~", "@", "%", "$", "'", "’",
	" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\r\n", "\f",
}

// randomText joins n random tokens, mostly with a space between them.
func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(scanTokens[r.IntN(len(scanTokens))])
		if r.IntN(3) > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// Leaping over text that cannot hold a mention must not change what
// ScanText finds.
func TestScanTextLeap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 100000
	if testing.Short() {
		n = 10000
	}
	for range n {
		text := randomText(r, 1+r.IntN(40))
		regime := Regimes()[r.IntN(4)]
		if got, want := scanText(text, regime, true), scanText(text, regime, false); !reflect.DeepEqual(got, want) {
			t.Fatalf("ScanText(%q, %s) = %s; without leaping %s", text, regime, mentions(got), mentions(want))
		}
	}
}

func FuzzScanTextLeap(f *testing.F) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		f.Add(randomText(r, 30), 0)
	}
	f.Add("The Freedom of Information Act 2000. s. 31(1) and s.\n40", 1)
	f.Fuzz(func(t *testing.T, text string, reg int) {
		regime := Regimes()[(reg%4+4)%4]
		if got, want := scanText(text, regime, true), scanText(text, regime, false); !reflect.DeepEqual(got, want) {
			t.Fatalf("ScanText(%q, %s) = %s; without leaping %s", text, regime, mentions(got), mentions(want))
		}
	})
}
