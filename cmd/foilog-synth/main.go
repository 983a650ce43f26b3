// Command foilog-synth writes a synthetic disclosure log for benchmarks and
// scale tests: a foilog.yaml and N responses under content/responses/,
// generated deterministically by internal/synth.
//
// Usage:
//
//	go run ./cmd/foilog-synth -n 10000 -seed 1 -out /tmp/log10k
//
// Flags:
//
//	-n N          number of responses (default 1000)
//	-seed S       corpus seed; the same -n, -seed and -reference give
//	              byte-identical files (default 1)
//	-out DIR      folder to write the site into (required)
//	-reference D  "today" for the site, as 2006-01-02: responses are dated in
//	              the seven years before it and some are embargoed after it
//	              (default 2026-01-01)
//	-force        write into DIR even if it is not empty; files of the same
//	              names are overwritten, others are left alone
//
// Build the result with `foilog build` from DIR.
//
// Exit status is 0 on success, 1 when writing fails and 2 for bad usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/foilog/foilog/internal/synth"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("foilog-synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of responses")
	seed := fs.Uint64("seed", 1, "corpus seed")
	out := fs.String("out", "", "folder to write the site into (required)")
	ref := fs.String("reference", "2026-01-01", "the site's \"today\", as 2006-01-02")
	force := fs.Bool("force", false, "write into a folder that is not empty")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: foilog-synth -out DIR [-n N] [-seed S] [-reference 2006-01-02] [-force]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() > 0 || *n < 0 {
		fs.Usage()
		return 2
	}
	refDate, err := time.Parse("2006-01-02", *ref)
	if err != nil {
		fmt.Fprintf(stderr, "foilog-synth: -reference %q: use the form 2026-01-01\n", *ref)
		return 2
	}
	if !*force {
		empty, err := isEmptyOrMissing(*out)
		if err != nil {
			fmt.Fprintf(stderr, "foilog-synth: %v\n", err)
			return 1
		}
		if !empty {
			fmt.Fprintf(stderr, "foilog-synth: %s is not empty; use -force to write into it anyway\n", *out)
			return 2
		}
	}
	start := time.Now()
	count, err := synth.Write(*out, synth.Options{N: *n, Seed: *seed, Reference: refDate})
	if err != nil {
		fmt.Fprintf(stderr, "foilog-synth: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d responses to %s in %s\n", count, *out, time.Since(start).Round(time.Millisecond))
	return 0
}

// isEmptyOrMissing reports whether dir does not exist or holds no entries.
func isEmptyOrMissing(dir string) (bool, error) {
	f, err := os.Open(dir)
	if errors.Is(err, os.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	if errors.Is(err, io.EOF) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("read %s: %w", dir, err)
	}
	return len(names) == 0, nil
}
