package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/foilog/foilog/internal/check"
	"github.com/foilog/foilog/internal/diag"
)

// checkReport is the JSON output of `foilog check --format json`.
//
// Version is 1. Findings holds every diagnostic sorted by path, line and
// column, each with path, line, col (1-based; 0 when the finding concerns
// the whole file), severity ("error" or "warning"), code (a stable rule
// identifier such as "lint.email"), message, optional hint and optional
// related places. Errors and Warnings count them.
type checkReport struct {
	Version  int               `json:"version"`
	Errors   int               `json:"errors"`
	Warnings int               `json:"warnings"`
	Findings []diag.Diagnostic `json:"findings"`
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var format string
	fs := newFlagSet("check", "foilog check [--source DIR] [--format text|json]")
	fs.StringVar(&sf.source, "source", ".", "site root holding content/, layouts/, static/ and foilog.yaml")
	fs.StringVar(&format, "format", "text", "output format: text or json")
	if code := parseFlags(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "foilog check: unexpected argument %q; give the site folder with --source\n", fs.Arg(0))
		return exitUsage
	}
	if format != "text" && format != "json" {
		fmt.Fprintf(stderr, "foilog check: --format must be text or json, not %q\n", format)
		return exitUsage
	}
	if info, err := os.Stat(sf.source); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "foilog check: source %s is not a folder\n", sf.source)
		return exitUsage
	}
	list := check.Run(sf.options())
	errs, warns := list.Count()
	if format == "json" {
		rep := checkReport{Version: 1, Errors: errs, Warnings: warns, Findings: list}
		if rep.Findings == nil {
			rep.Findings = []diag.Diagnostic{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "foilog check: %v\n", err)
			return exitUsage
		}
	} else {
		list.Print(stdout)
		fmt.Fprintf(stdout, "%d %s, %d %s\n", errs, pluralise(errs, "error", "errors"), warns, pluralise(warns, "warning", "warnings"))
	}
	if errs > 0 {
		return exitContent
	}
	return exitOK
}
