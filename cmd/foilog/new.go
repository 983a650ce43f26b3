package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/date"
	"github.com/foilog/foilog/internal/exemption"
	"github.com/foilog/foilog/internal/scaffold"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	var source, outcome, regime, force, reference string
	fs := newFlagSet("new", `foilog new [--source DIR] [--outcome O] [--regime R] [--force NAME] [--reference REF] "Title of the request"`)
	fs.StringVar(&source, "source", ".", "site root holding content/, layouts/, static/ and foilog.yaml")
	fs.StringVar(&outcome, "outcome", "disclosed", "outcome to preselect: disclosed, partial, refused, ncnd or not-held")
	fs.StringVar(&regime, "regime", "", "FOI regime: FOIA, FOISA, EIR or EISR (default: the site's regime)")
	fs.StringVar(&force, "force", "", "the police force or public body that answered (front-matter `force`; default: the site's authority)")
	fs.StringVar(&reference, "reference", "", "reference to use instead of the next one in the log's numbering")
	// Accept flags after the title too: foilog new "Title" --outcome refused.
	flags, titles := splitArgs(args)
	if code := parseFlags(fs, flags, stdout, stderr); code >= 0 {
		return code
	}
	titles = append(titles, fs.Args()...)
	if len(titles) != 1 || strings.TrimSpace(titles[0]) == "" {
		fmt.Fprintln(stderr, `foilog new: give the title of the request, in quotes: foilog new "Body worn video retention"`)
		return exitUsage
	}
	if info, err := os.Stat(source); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "foilog new: source %s is not a folder\n", source)
		return exitUsage
	}
	opts := scaffold.Options{Title: strings.TrimSpace(titles[0]), Reference: strings.TrimSpace(reference),
		Outcome: content.Outcome(strings.ToLower(strings.TrimSpace(outcome))), Force: strings.TrimSpace(force),
		Today: ukToday()}
	if regime != "" {
		r, ok := exemption.ParseRegime(regime)
		if !ok {
			fmt.Fprintf(stderr, "foilog new: --regime %q is not one of FOIA, FOISA, EIR, EISR\n", regime)
			return exitUsage
		}
		opts.Regime = r
	}
	rel, err := scaffold.Create(source, opts)
	if err != nil {
		if errors.Is(err, scaffold.ErrExists) {
			fmt.Fprintf(stderr, "foilog new: %s\n", displayPath(source, err.Error()))
		} else {
			fmt.Fprintf(stderr, "foilog new: %v\n", err)
		}
		return exitUsage
	}
	fmt.Fprintln(stdout, filepath.Join(source, filepath.FromSlash(rel)))
	return exitOK
}

// displayPath prefixes the site-relative path at the start of msg with
// source, so the message names the file as the user's shell sees it.
func displayPath(source, msg string) string {
	if source == "." || source == "" {
		return msg
	}
	rel, rest, _ := strings.Cut(msg, " ")
	return filepath.Join(source, filepath.FromSlash(rel)) + " " + rest
}

// splitArgs separates flags from the positional arguments that may come
// before them. "--" ends the flags.
func splitArgs(args []string) (flags, positional []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return flags, append(positional, args[i+1:]...)
		case strings.HasPrefix(a, "-") && a != "-":
			flags = append(flags, a)
			if !strings.Contains(a, "=") && i+1 < len(args) && !isBoolFlag(a) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			positional = append(positional, a)
		}
	}
	return flags, positional
}

// isBoolFlag reports whether a flag of foilog new takes no value.
func isBoolFlag(a string) bool {
	name := strings.TrimLeft(a, "-")
	return name == "h" || name == "help"
}

// ukToday returns today's date in the United Kingdom.
func ukToday() date.Date {
	now := time.Now()
	if loc, err := time.LoadLocation("Europe/London"); err == nil {
		now = now.In(loc)
	}
	return date.Of(now)
}
