package main

import (
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
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/output"
	"github.com/foilog/foilog/internal/site"
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

// newFlagSet returns a FlagSet that prints its usage to stderr and reports
// errors instead of exiting.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, returning the exit code to stop with, or -1.
func parseFlags(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	return -1
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var dest string
	fs := newFlagSet("build", "foilog build [--source DIR] [--dest DIR] [--base-url URL] [--drafts]", stderr)
	sf.register(fs)
	fs.StringVar(&dest, "dest", "", "folder to write the site to (default public/ under --source)")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "foilog build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if info, err := os.Stat(sf.source); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "foilog build: source %s is not a folder\n", sf.source)
		return exitUsage
	}
	if dest == "" {
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
		fmt.Fprintf(stderr, "foilog build: %v\n", err)
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
