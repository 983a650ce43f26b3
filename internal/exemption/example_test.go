package exemption_test

import (
	"fmt"

	"github.com/foilog/foilog/internal/exemption"
)

func ExampleParseCitation() {
	c, problems := exemption.ParseCitation("Section 18(1) in conjunction with sections 34(1)(b), 35(1)(a) & (b)", exemption.FOISA)
	for _, p := range c.Provisions {
		fmt.Println(p, p.Slug())
	}
	fmt.Println(len(problems), "problems")

	_, problems = exemption.ParseCitation("Section 31 National Security", exemption.FOIA)
	for _, p := range problems {
		fmt.Printf("%d: %s: %s\n", p.Offset, p.Severity, p.Message)
	}
	// Output:
	// FOISA s18(1) foisa-s18-1
	// FOISA s34(1)(b) foisa-s34-1-b
	// FOISA s35(1)(a) foisa-s35-1-a
	// FOISA s35(1)(b) foisa-s35-1-b
	// 0 problems
	// 11: warning: label "National Security" does not match FOIA s31 (Law enforcement); it reads like FOIA s24 (National security)
}

func ExampleScanText() {
	body := "The information is exempt under Sections 24(2) and 31(3) of the Act. " +
		"Officers used section 23 of the Misuse of Drugs Act 1971."
	for _, m := range exemption.ScanText(body, exemption.FOIA) {
		fmt.Printf("%d %q %s\n", m.Offset, m.Text, m.Provision)
	}
	// Output:
	// 32 "Sections 24(2)" FOIA s24(2)
	// 51 "31(3)" FOIA s31(3)
}

func ExampleLookup() {
	e, _ := exemption.Lookup(exemption.NewProvision(exemption.FOIA, "40", "2"))
	fmt.Println(e.Provision, "-", e.Title)
	fmt.Println(e.Status(), e.Basis, e.NCNDProvision)
	fmt.Println(e.Nuance)
	fmt.Println(e.URL)
	// Output:
	// FOIA s40(2) - Personal information
	// absolute class FOIA s40(5B)
	// Absolute only where the first condition (s40(3A)) is met; qualified under the second and third conditions (s40(3B), s40(4A))
	// https://www.legislation.gov.uk/ukpga/2000/36/section/40
}
