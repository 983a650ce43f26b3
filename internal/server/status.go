package server

import (
	"bytes"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/output"
	"github.com/foilog/foilog/internal/site"
)

// Status is what the preview tells the browser: sent as JSON in the
// server-sent events of _foilog/events (event "hello" on connecting,
// "build" after every build) and served at _foilog/status.json.
type Status struct {
	// Session identifies the server process; it changes when the server
	// restarts, so that open pages reload.
	Session string `json:"session"`
	// Build counts the builds run by this server, from 1; 0 while the
	// first build runs.
	Build int `json:"build"`
	// Good is the number of the build whose site is served; 0 when no
	// build has succeeded yet.
	Good int `json:"good"`
	// OK reports whether the latest build succeeded.
	OK bool `json:"ok"`
	// Base is the path the site is served under: "/" or "/foi/".
	Base string `json:"base"`
	// Trigger says what started the latest build:
	// "content/responses/a.md changed", or "start" for the first.
	Trigger string `json:"trigger"`
	// Reload reports whether the latest build changed any file of the
	// site, so that open pages should reload. Set in "build" events only.
	Reload bool `json:"reload"`
	// ChangedFiles counts the files of the site the latest build added,
	// removed or changed. Set in "build" events only.
	ChangedFiles int `json:"changedFiles"`
	// Changed lists the pages that existed before the latest build and
	// whose HTML it changed ("responses/x/", "" for the home page), sorted;
	// at most MaxChanged of them. Set in "build" events only.
	Changed []string `json:"changed,omitempty"`
	// Moved lists the pages whose address changed in the latest build
	// (a response whose reference or slug changed, or whose file was
	// renamed), sorted by From. Set in "build" events only.
	Moved []Move `json:"moved,omitempty"`
	// Removed lists the page paths ("responses/x/", "" for the home page)
	// that the latest build no longer has and that did not move, sorted.
	// Set in "build" events only.
	Removed []string `json:"removed,omitempty"`
	// Errors and Warnings count the latest build's diagnostics.
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	// Problems are the latest build's diagnostics in diag.List order (by
	// file, then line), at most MaxProblems of them, errors kept first when
	// some must be left out.
	Problems []Problem `json:"problems"`
}

// Move is a page that changed address: paths relative to the base path,
// like "responses/foi-0413-22/".
type Move struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Problem is a diagnostic as the overlay shows it, with the lines of its
// file around it.
type Problem struct {
	// Path is the file, slash-separated and relative to the site root.
	Path string `json:"path"`
	// Line and Col are 1-based; 0 when the problem concerns the whole file
	// or line.
	Line int `json:"line"`
	Col  int `json:"col"`
	// Severity is "error" (the site did not build) or "warning".
	Severity string `json:"severity"`
	// Code names the rule, such as "frontmatter.unknown-field".
	Code    string `json:"code"`
	Message string `json:"message"`
	// Hint suggests a fix; empty when there is none.
	Hint string `json:"hint,omitempty"`
	// Related are other places involved, such as the first use of a
	// duplicated reference.
	Related []Place `json:"related,omitempty"`
	// Source holds up to two lines before the problem's line, the line
	// itself (Mark set) and two after; empty when the problem concerns a
	// whole file or the file cannot be read.
	Source []SourceLine `json:"source,omitempty"`
}

// Place is another position a Problem refers to.
type Place struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

func newProblem(d diag.Diagnostic) Problem {
	p := Problem{Path: d.Path, Line: d.Line, Col: d.Col, Severity: d.Severity.String(), Code: d.Code,
		Message: d.Message, Hint: d.Hint}
	for _, r := range d.Related {
		p.Related = append(p.Related, Place{Path: r.Path, Line: r.Line, Col: r.Col, Message: r.Message})
	}
	return p
}

// Position formats the place of p as "path:line:col", "path:line" or "path".
func (p Problem) Position() string {
	return diag.Diagnostic{Path: p.Path, Line: p.Line, Col: p.Col}.Position()
}

// SourceLine is one numbered line of a source file.
type SourceLine struct {
	Number int    `json:"number"`
	Text   string `json:"text"`
	// Mark reports whether the problem is on this line.
	Mark bool `json:"mark,omitempty"`
}

// MaxProblems is the most diagnostics a Status carries; the counts give
// the totals.
const MaxProblems = 200

// MaxChanged is the most changed pages a Status lists.
const MaxChanged = 500

// contextLines is how many lines around a problem's line are shown.
const contextLines = 2

// maxLineLen is the longest source line shown, in bytes.
const maxLineLen = 400

// problems selects at most MaxProblems diagnostics from list, errors
// first, and attaches the source lines read from fsys. The result keeps
// list's order.
func problems(fsys fs.FS, list diag.List) []Problem {
	keep := make([]bool, len(list))
	n := 0
	for _, sev := range []diag.Severity{diag.Error, diag.Warning} {
		for i, d := range list {
			if d.Severity == sev && n < MaxProblems {
				keep[i] = true
				n++
			}
		}
	}
	files := map[string][]string{}
	out := make([]Problem, 0, n)
	for i, d := range list {
		if !keep[i] {
			continue
		}
		p := newProblem(d)
		p.Source = sourceLines(fsys, files, d.Path, d.Line)
		out = append(out, p)
	}
	return out
}

// sourceLines returns the lines around line of the file at slash path p,
// reading each file once through files.
func sourceLines(fsys fs.FS, files map[string][]string, p string, line int) []SourceLine {
	if fsys == nil || line <= 0 || !fs.ValidPath(p) {
		return nil
	}
	lines, ok := files[p]
	if !ok {
		data, err := fs.ReadFile(fsys, p)
		if err == nil && len(data) <= 4<<20 {
			lines = strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
		}
		files[p] = lines
	}
	if line > len(lines) {
		return nil
	}
	var out []SourceLine
	for n := max(1, line-contextLines); n <= min(len(lines), line+contextLines); n++ {
		text := lines[n-1]
		if len(text) > maxLineLen {
			text = strings.ToValidUTF8(text[:maxLineLen], "") + "…"
		}
		if n == len(lines) && text == "" && n != line {
			break // the empty "line" after the final newline
		}
		out = append(out, SourceLine{Number: n, Text: text, Mark: n == line})
	}
	return out
}

// snapshot is one successful build, ready to serve: its files sorted by
// path, looked up by binary search, so that a new build is served without
// indexing its thousands of files first.
type snapshot struct {
	build int
	res   *site.Result
	files []output.File // sorted by Path
	base  string
}

func newSnapshot(build int, res *site.Result) *snapshot {
	files := res.Files
	byPath := func(a, b output.File) int { return strings.Compare(a.Path, b.Path) }
	if !slices.IsSortedFunc(files, byPath) { // site.Build sorts them; stay correct if it did not
		files = slices.Clone(files)
		slices.SortStableFunc(files, byPath)
	}
	return &snapshot{build: build, res: res, files: files, base: res.Config.BasePath()}
}

// file returns the bytes of the file at path p.
func (s *snapshot) file(p string) ([]byte, bool) {
	i, ok := slices.BinarySearchFunc(s.files, p, func(f output.File, p string) int { return strings.Compare(f.Path, p) })
	if !ok {
		return nil, false
	}
	return s.files[i].Data, true
}

// isDir reports whether the build has a file inside the folder dir
// ("responses/x").
func (s *snapshot) isDir(dir string) bool {
	if dir == "" {
		return false
	}
	prefix := dir + "/"
	i, _ := slices.BinarySearchFunc(s.files, prefix, func(f output.File, p string) int { return strings.Compare(f.Path, p) })
	return i < len(s.files) && strings.HasPrefix(s.files[i].Path, prefix)
}

// merge walks the files of old and cur in path order, calling fn with
// each path and its bytes in either build (ok false where it has none).
func merge(old, cur []output.File, fn func(p string, before []byte, inOld bool, after []byte, inCur bool)) {
	i, j := 0, 0
	for i < len(old) || j < len(cur) {
		switch {
		case j == len(cur) || i < len(old) && old[i].Path < cur[j].Path:
			fn(old[i].Path, old[i].Data, true, nil, false)
			i++
		case i == len(old) || cur[j].Path < old[i].Path:
			fn(cur[j].Path, nil, false, cur[j].Data, true)
			j++
		default:
			fn(cur[j].Path, old[i].Data, true, cur[j].Data, true)
			i++
			j++
		}
	}
}

// pagePath returns the page path of an HTML output file
// ("responses/x/index.html" → "responses/x/"), and whether it is a page.
func pagePath(file string) (string, bool) {
	if file == "index.html" {
		return "", true
	}
	if strings.HasSuffix(file, "/index.html") {
		return strings.TrimSuffix(file, "index.html"), true
	}
	return "", false
}

// changes compares two builds. It returns how many files were added,
// removed or changed, and the page paths of the pages among them that
// still exist ("responses/x/", "" for the home page), sorted, at most
// MaxChanged. A nil old counts every file of cur and lists no pages.
func changes(old, cur *snapshot) (files int, pages []string) {
	if old == nil {
		return len(cur.files), nil
	}
	merge(old.files, cur.files, func(p string, before []byte, inOld bool, after []byte, inCur bool) {
		if inOld && inCur && sameBytes(before, after) {
			return
		}
		files++
		if pp, isPage := pagePath(p); isPage && inOld && inCur {
			pages = append(pages, pp)
		}
	})
	sort.Strings(pages) // file order is not page order: "a/b/index.html" < "a/index.html"
	if len(pages) > MaxChanged {
		pages = pages[:MaxChanged] // the first in order
	}
	return files, pages
}

// sameBytes reports whether a and b hold the same bytes; pages the site
// cache reused share their backing array, which is checked first.
func sameBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 0 || &a[0] == &b[0] {
		return true
	}
	return bytes.Equal(a, b)
}

// movedPages works out which pages of old are gone in cur, and where the
// reader of each should go: the same source file's new page (its
// reference or slug changed), or the page of the file it was renamed to.
// A renamed file is paired with a new file when it is the only one of each
// in the build, or when their names match ("a.md" and "a/index.md").
func movedPages(old, cur *snapshot) (moved []Move, removed []string) {
	var gone []string
	merge(old.files, cur.files, func(p string, _ []byte, inOld bool, _ []byte, inCur bool) {
		if pp, ok := pagePath(p); ok && inOld && !inCur {
			gone = append(gone, pp)
		}
	})
	if len(gone) == 0 {
		return nil, nil
	}
	sort.Strings(gone) // file order is not page order
	oldBySource, curBySource := map[string]string{}, map[string]string{}
	oldByPage := map[string]string{}
	for _, s := range old.res.Sources {
		oldBySource[s.Source] = s.Path
		oldByPage[s.Path] = s.Source
	}
	for _, s := range cur.res.Sources {
		curBySource[s.Source] = s.Path
	}
	// Files new in this build whose page is new too: candidates for the
	// new name of a renamed file.
	var fresh []site.SourcePage
	for _, s := range cur.res.Sources {
		if _, existed := oldBySource[s.Source]; existed {
			continue
		}
		if _, had := old.file(s.Path + "index.html"); !had {
			fresh = append(fresh, s)
		}
	}
	var unpaired []string // gone pages whose source file is gone too
	for _, p := range gone {
		src, isResponse := oldByPage[p]
		if !isResponse {
			removed = append(removed, p)
			continue
		}
		if to, ok := curBySource[src]; ok {
			moved = append(moved, Move{From: p, To: to})
			continue
		}
		unpaired = append(unpaired, p)
	}
	used := map[string]bool{}
	for _, p := range unpaired {
		to := ""
		if len(unpaired) == 1 && len(fresh) == 1 {
			to = fresh[0].Path
		} else {
			name := responseName(oldByPage[p])
			for _, f := range fresh {
				if responseName(f.Source) == name && !used[f.Path] {
					if to != "" { // two candidates: do not guess
						to = ""
						break
					}
					to = f.Path
				}
			}
		}
		if to == "" {
			removed = append(removed, p)
			continue
		}
		used[to] = true
		moved = append(moved, Move{From: p, To: to})
	}
	sort.Slice(moved, func(i, j int) bool { return moved[i].From < moved[j].From })
	sort.Strings(removed)
	return moved, removed
}

// responseName returns the name of a response file without folder and
// extension: "content/responses/a.md" and "content/responses/a/index.md"
// are both "a".
func responseName(src string) string {
	if path.Base(src) == "index.md" {
		return path.Base(path.Dir(src))
	}
	return strings.TrimSuffix(path.Base(src), ".md")
}
