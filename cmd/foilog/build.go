package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/output"
	"github.com/foilog/foilog/internal/site"
	"gopkg.in/yaml.v3"
)

// siteFlags are the flags every site command shares.
type siteFlags struct {
	source  string
	baseURL string
	drafts  bool
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.source, "source", ".", "site root holding content/, layouts/, static/ and foilog.yaml")
	fs.StringVar(&f.baseURL, "base-url", "", "base URL to build for, overriding foilog.yaml (e.g. /foi/)")
	fs.BoolVar(&f.drafts, "drafts", false, "include drafts and embargoed responses, marked DRAFT (local preview only)")
}

func (f *siteFlags) options() site.Options {
	return site.Options{Source: os.DirFS(f.source), Layouts: foilog.Layouts, Static: foilog.Static,
		BaseURL: f.baseURL, Drafts: f.drafts}
}

// newFlagSet returns a FlagSet that reports errors instead of exiting and
// prints nothing itself: parseFlags prints the usage, synopsis and flags,
// where it belongs.
func newFlagSet(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, returning the exit code to stop with, or -1 to
// go on. Help asked for with -h or --help prints to stdout (exit 0); a
// flag that is unknown or has a bad value prints the problem and the
// usage to stderr (exit 2).
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return -1
	case errors.Is(err, flag.ErrHelp):
		printUsage(fs, stdout)
		return exitOK
	}
	fmt.Fprintf(stderr, "foilog %s: %v\n\n", fs.Name(), err)
	printUsage(fs, stderr)
	return exitUsage
}

// printUsage prints the usage of fs to w.
func printUsage(fs *flag.FlagSet, w io.Writer) {
	fs.SetOutput(w)
	fs.Usage()
	fs.SetOutput(io.Discard)
}

// checkBaseURL returns the error that the same value as baseURL in
// foilog.yaml gives, worded for the --base-url flag, or nil for a value
// that is good or empty (not given). It also refuses what foilog.yaml
// does not yet: "." or ".." segments, which make broken links.
func checkBaseURL(u string) error {
	if u == "" {
		return nil
	}
	doc, err := yaml.Marshal(map[string]string{"baseURL": u})
	if err != nil {
		return fmt.Errorf("--base-url %q: %w", u, err)
	}
	_, list := config.Parse(doc)
	for _, d := range list {
		if d.Code == "config.base-url" {
			return errors.New("--base-url" + strings.TrimPrefix(d.Message, "baseURL"))
		}
	}
	return nil
}

// destError words an error of output.NewStage for the person who ran the
// build: a folder that a build did not make is named as they wrote it (or
// as the default public/ folder, when they gave no --dest), with what to
// do.
func destError(dest string, given bool, err error) string {
	var nerr *output.NotOutputError
	if !errors.As(err, &nerr) {
		return err.Error()
	}
	shown := dest
	if info, lerr := os.Lstat(dest); lerr == nil && info.Mode()&os.ModeSymlink != 0 {
		shown += " (a link to " + nerr.Dir + ")"
	}
	if !given {
		return fmt.Sprintf("%s is not empty and has no %s file, so this foilog did not make it; "+
			"a build makes its output folder equal to the site and would delete everything else in it. "+
			"If an older foilog built it, delete the folder and build again; if it holds files of yours, move them out "+
			"or give another folder with --dest.", shown, output.MarkerName)
	}
	return fmt.Sprintf("%s is not empty and was not made by foilog build (it has no %s file); "+
		"foilog makes its output folder equal to the site and would delete everything else in it. "+
		"Choose a new or empty folder for --dest, or empty this one first.", shown, output.MarkerName)
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var dest string
	fs := newFlagSet("build", "foilog build [--source DIR] [--dest DIR] [--base-url URL] [--drafts]")
	sf.register(fs)
	fs.StringVar(&dest, "dest", "", "folder to write the site to (default public/ under --source); it must be new, empty or made by an earlier build")
	if code := parseFlags(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "foilog build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if err := checkBaseURL(sf.baseURL); err != nil {
		fmt.Fprintf(stderr, "foilog build: %v\n", err)
		return exitUsage
	}
	if info, err := os.Stat(sf.source); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "foilog build: source %s is not a folder\n", sf.source)
		return exitUsage
	}
	given := dest != ""
	if !given {
		dest = filepath.Join(sf.source, "public")
	}
	if err := checkDest(sf.source, dest); err != nil {
		fmt.Fprintf(stderr, "foilog build: %v\n", err)
		return exitUsage
	}
	opts := sf.options()
	limitMemory(opts.Source)
	start := time.Now()
	stage, err := output.NewStage(dest)
	if err != nil {
		fmt.Fprintf(stderr, "foilog build: %s\n", destError(dest, given, err))
		return exitUsage
	}
	opts.Output = stage
	res, list := site.Build(opts)
	if res == nil {
		stage.Abort()
		printDiagnostics(stderr, list)
		if list.HasErrors() {
			return exitContent
		}
		return exitUsage
	}
	printDiagnostics(stderr, res.Warnings)
	st, err := stage.Commit()
	if err != nil {
		fmt.Fprintf(stderr, "foilog build: %v\n", err)
		return exitUsage
	}
	shown := dest
	if !strings.HasSuffix(shown, string(filepath.Separator)) {
		shown += string(filepath.Separator)
	}
	fmt.Fprintf(stdout, "%s (%s)\n", res.Summary(time.Since(start), shown), describeChanges(st))
	return exitOK
}

// describeChanges says what a build changed in the destination: the files
// a sync to a host has to upload or delete.
func describeChanges(st output.Stats) string {
	if st.Written == 0 && st.Removed == 0 {
		return "no file changed"
	}
	parts := []string{fmt.Sprintf("%d %s written", st.Written, pluralise(st.Written, "file", "files"))}
	if st.Removed > 0 {
		parts = append(parts, fmt.Sprintf("%d removed", st.Removed))
	}
	if st.Unchanged > 0 {
		parts = append(parts, fmt.Sprintf("%d unchanged", st.Unchanged))
	}
	return strings.Join(parts, ", ")
}

// checkDest refuses a destination whose replacement would delete the
// site's own files: the source folder itself, a folder holding it, or its
// content/, layouts/ or static/ folder or a folder inside them. A build
// replaces the whole destination.
func checkDest(source, dest string) error {
	src, err := realPath(source)
	if err != nil {
		return err
	}
	dst, err := realPath(dest)
	if err != nil {
		return err
	}
	if within(src, dst) {
		return fmt.Errorf("--dest %s holds the site's own files, and a build replaces the whole --dest folder; choose another folder, such as %s", dest, filepath.Join(source, "public"))
	}
	for _, sub := range []string{"content", "layouts", "static"} {
		if within(dst, filepath.Join(src, sub)) {
			return fmt.Errorf("--dest %s is inside the site's %s/ folder, and a build replaces the whole --dest folder; choose another folder, such as %s", dest, sub, filepath.Join(source, "public"))
		}
	}
	return nil
}

// realPath returns p as an absolute path with symbolic links resolved as
// far as p exists.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Join(abs, rest), nil
		}
		rest = filepath.Join(filepath.Base(abs), rest)
		abs = parent
	}
}

// within reports whether path p is dir or inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// limitMemory sets the soft heap limit of a build of the log in source,
// site.MemoryLimit for its number of responses, unless GOMEMLIMIT in the
// environment sets another.
func limitMemory(source fs.FS) {
	if os.Getenv("GOMEMLIMIT") == "" {
		paths, _ := content.Sources(source)
		debug.SetMemoryLimit(site.MemoryLimit(len(paths)))
	}
}

// printDiagnostics prints every diagnostic and a count line.
func printDiagnostics(w io.Writer, list diag.List) {
	if len(list) == 0 {
		return
	}
	list.Sort()
	list.Print(w)
	errs, warns := list.Count()
	fmt.Fprintf(w, "%d %s, %d %s\n", errs, pluralise(errs, "error", "errors"), warns, pluralise(warns, "warning", "warnings"))
}

func pluralise(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
