package exemption

import (
	"strings"
	"testing"
)

// benchBody is running text of the kind a response body holds.
var benchBody = strings.Repeat("The force relies on Section 31(3) and Section 24(2) of the Freedom of Information Act 2000. "+
	"Officers searched under section 23 of the Misuse of Drugs Act 1971, as the Data Protection Act 2018 allows. "+
	"The public interest test favours withholding the information about 14 sites.\n\n", 100)

func BenchmarkScanText(b *testing.B) {
	b.SetBytes(int64(len(benchBody)))
	for b.Loop() {
		ScanText(benchBody, FOIA)
	}
}

func BenchmarkParseCitation(b *testing.B) {
	for b.Loop() {
		ParseCitation("Section 18(1) in conjunction with sections 34(1)(b), 35(1)(a) & (b)", FOISA)
		ParseCitation("Section 31 National Security", FOIA)
	}
}

// A long citation must take time in proportion to its length.
func BenchmarkParseCitationLong(b *testing.B) {
	text := strings.Repeat("1 and ", 2000)
	for b.Loop() {
		ParseCitation(text, FOIA)
	}
}
