package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/exemption"
)

const citeUsage = `Usage: foilog cite [--regime R] [--format text|json] TEXT...

Flags may also follow the texts; "--" ends them, for a TEXT starting with "-".

Shows how foilog understands each exemption citation TEXT: the canonical
provisions, their titles, whether they are absolute or qualified, whether
they neither confirm nor deny, and their legislation.gov.uk links.
Problems print as cite:N:COL: severity: message (hint), where N is the
number of the TEXT (1 for the first) and COL the byte column within it.

Exit status: 0 when every TEXT is understood (warnings allowed), 1 when
any TEXT has an error, 2 for a usage error.

Flags:
`

// citeReport is the JSON output of `foilog cite --format json`.
//
// version is 1. regime is the regime the texts were read under ("FOIA",
// "FOISA", "EIR" or "EISR"). citations holds one item per TEXT, in order.
// errors and warnings count the problems of all texts.
type citeReport struct {
	Version   int            `json:"version"`
	Regime    string         `json:"regime"`
	Errors    int            `json:"errors"`
	Warnings  int            `json:"warnings"`
	Citations []citeCitation `json:"citations"`
}

// citeCitation is one TEXT: text as given; label, the words written around
// the numbers ("" when none); provisions understood, in the order written;
// problems found, in the order found.
type citeCitation struct {
	Text       string          `json:"text"`
	Label      string          `json:"label"`
	Provisions []citeProvision `json:"provisions"`
	Problems   []citeProblem   `json:"problems"`
}

// citeProvision describes one provision: canonical form ("FOIA s31(3)");
// slug and section_slug as used in URLs ("foia-s31-3", "foia-s31");
// regime, section ("31", "22A") and path ("(3)", "" for a section); title,
// the statutory short title of the section; detail, what a subsection
// covers ("" for a section); status, "absolute", "qualified" or
// "procedural"; nuance qualifying that status ("" when none); basis,
// "class", "prejudice" or ""; ncnd, true for a neither-confirm-nor-deny
// provision; ncnd_provision, the canonical NCND provision that goes with
// it ("" when none); historical, true when replaced in 2018; url, on
// legislation.gov.uk; explanation, in plain English.
type citeProvision struct {
	Canonical     string `json:"canonical"`
	Slug          string `json:"slug"`
	SectionSlug   string `json:"section_slug"`
	Regime        string `json:"regime"`
	Section       string `json:"section"`
	Path          string `json:"path"`
	Title         string `json:"title"`
	Detail        string `json:"detail"`
	Status        string `json:"status"`
	Nuance        string `json:"nuance"`
	Basis         string `json:"basis"`
	NCND          bool   `json:"ncnd"`
	NCNDProvision string `json:"ncnd_provision"`
	Historical    bool   `json:"historical"`
	URL           string `json:"url"`
	Explanation   string `json:"explanation"`
}

// citeProblem is one problem: offset, the byte offset in the text; col,
// offset plus one; severity, "error" or "warning"; a stable code such as
// "exemption.unknown-provision"; message; and hint ("" when none).
type citeProblem struct {
	Offset   int           `json:"offset"`
	Col      int           `json:"col"`
	Severity diag.Severity `json:"severity"`
	Code     string        `json:"code"`
	Message  string        `json:"message"`
	Hint     string        `json:"hint"`
}

func runCite(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("cite", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	regimeName := fs.String("regime", "FOIA", "regime the citations are read under: FOIA, FOISA, EIR or EISR")
	format := fs.String("format", "text", "output format: text or json")
	printUsage := func(w io.Writer) {
		fmt.Fprint(w, citeUsage)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	// Flags may come after the texts too ("foilog cite TEXT --regime FOISA");
	// "--" ends the flags.
	var texts []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printUsage(stdout)
				return exitOK
			}
			fmt.Fprintf(stderr, "foilog cite: %v\n\n", err)
			printUsage(stderr)
			return exitUsage
		}
		rest = fs.Args()
		if len(rest) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			texts = append(texts, rest...)
			break
		}
		for len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
			texts, rest = append(texts, rest[0]), rest[1:]
		}
		if len(rest) == 0 {
			break
		}
	}
	regime, ok := exemption.ParseRegime(*regimeName)
	if !ok {
		fmt.Fprintf(stderr, "foilog cite: unknown regime %q (want FOIA, FOISA, EIR or EISR)\n", *regimeName)
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "foilog cite: unknown format %q (want text or json)\n", *format)
		return exitUsage
	}
	if len(texts) == 0 {
		fmt.Fprint(stderr, "foilog cite: no citation given\n\n")
		printUsage(stderr)
		return exitUsage
	}

	report := citeReport{Version: 1, Regime: string(regime), Citations: []citeCitation{}}
	var problems diag.List
	for n, text := range texts {
		c, probs := exemption.ParseCitation(text, regime)
		item := citeCitation{Text: text, Label: c.Label, Provisions: []citeProvision{}, Problems: []citeProblem{}}
		for _, p := range c.Provisions {
			item.Provisions = append(item.Provisions, describeProvision(p))
		}
		for _, pr := range probs {
			item.Problems = append(item.Problems, citeProblem{Offset: pr.Offset, Col: pr.Offset + 1,
				Severity: pr.Severity, Code: pr.Code, Message: pr.Message, Hint: pr.Hint})
			problems.Add(diag.Diagnostic{Path: "cite", Line: n + 1, Col: pr.Offset + 1, Severity: pr.Severity,
				Code: pr.Code, Message: pr.Message, Hint: pr.Hint})
		}
		report.Citations = append(report.Citations, item)
	}
	report.Errors, report.Warnings = problems.Count()

	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(report); err != nil {
			fmt.Fprintf(stderr, "foilog cite: write json: %v\n", err)
			return exitUsage
		}
	} else {
		for i, item := range report.Citations {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			writeCiteText(stdout, item)
		}
		problems.Print(stderr)
	}
	if problems.HasErrors() {
		return exitContent
	}
	return exitOK
}

// describeProvision gathers what the registry says about p.
func describeProvision(p exemption.Provision) citeProvision {
	out := citeProvision{Canonical: p.String(), Slug: p.Slug(), SectionSlug: p.SectionSlug(),
		Regime: string(p.Regime), Section: p.Section, Path: p.Path}
	if e, ok := exemption.Lookup(p); ok {
		out.Title, out.Detail, out.Status, out.Nuance = e.Title, e.Detail, e.Status(), e.Nuance
		out.Basis, out.NCND, out.Historical, out.URL, out.Explanation = string(e.Basis), e.NCND, e.Historical, e.URL, e.Explanation
		if e.NCNDProvision != nil {
			out.NCNDProvision = e.NCNDProvision.String()
		}
	}
	return out
}

// writeCiteText prints one citation for people:
//
//	Section 31(3) Law Enforcement
//	  FOIA s31(3)  Law enforcement: qualified, prejudice-based, NCND
//	    https://www.legislation.gov.uk/ukpga/2000/36/section/31
func writeCiteText(w io.Writer, c citeCitation) {
	fmt.Fprintln(w, c.Text)
	if c.Label != "" {
		fmt.Fprintf(w, "  label: %q\n", c.Label)
	}
	if len(c.Provisions) == 0 {
		fmt.Fprintln(w, "  (no provision understood)")
	}
	for _, p := range c.Provisions {
		facts := []string{p.Status}
		if p.Basis != "" {
			facts = append(facts, p.Basis+"-based")
		}
		if p.NCND {
			facts = append(facts, "NCND")
		} else if p.NCNDProvision != "" {
			facts = append(facts, "NCND with "+p.NCNDProvision)
		}
		if p.Historical {
			facts = append(facts, "replaced in 2018")
		}
		title := p.Title
		if p.Detail != "" {
			title += " (" + p.Detail + ")"
		}
		fmt.Fprintf(w, "  %s  %s: %s\n", p.Canonical, title, strings.Join(facts, ", "))
		if p.Nuance != "" {
			fmt.Fprintf(w, "    %s\n", p.Nuance)
		}
		fmt.Fprintf(w, "    %s\n", p.URL)
	}
}
