package content

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/frontmatter"
)

// Dir is the folder, relative to the site root, that holds responses.
const Dir = "content/responses"

// MaxFileSize is the largest response file Load reads (4 MiB). A larger
// file is an error rather than a slow build.
const MaxFileSize = 4 << 20

// MaxAttachmentSize is the largest attachment published (50 MiB).
const MaxAttachmentSize = 50 << 20

// Sources lists the Markdown files of the responses under Dir in fsys, in
// path order, and reports files that are not responses and never will be
// published (so nothing is dropped silently).
func Sources(fsys fs.FS) ([]string, diag.List) {
	var paths []string
	var list diag.List
	noIndex := map[string]bool{} // folders reported for having no index.md
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == Dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir // no responses yet: an empty log
			}
			list.Errorf(p, 0, 0, "content.read", "cannot read: %v", err)
			return nil
		}
		name := d.Name()
		if p != Dir && (strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil // editor backups and hidden files
		}
		if d.Type()&fs.ModeSymlink != 0 {
			list.Errorf(p, 0, 0, "content.symlink", "symbolic links are not followed")
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel := strings.TrimPrefix(p, Dir+"/")
		parts := strings.Split(rel, "/")
		switch {
		case len(parts) == 1 && strings.HasSuffix(name, ".md"):
			paths = append(paths, p)
		case len(parts) == 2 && name == "index.md":
			paths = append(paths, p)
		case len(parts) == 2 && strings.HasSuffix(name, ".md"):
			list.Add(diag.Diagnostic{Path: p, Severity: diag.Warning, Code: "content.stray",
				Message: "this Markdown file is inside a response folder but is not its index.md, so it is not published",
				Hint:    "rename it index.md, or move it to " + Dir + "/"})
		case len(parts) == 2:
			dir := path.Dir(p)
			if _, err := fs.Stat(fsys, dir+"/index.md"); err != nil && !noIndex[dir] {
				noIndex[dir] = true
				list.Add(diag.Diagnostic{Path: dir, Severity: diag.Warning, Code: "content.stray",
					Message: "this folder has no index.md, so nothing in it is published",
					Hint:    "name the response's Markdown file index.md"})
			}
		case len(parts) == 1:
			list.Add(diag.Diagnostic{Path: p, Severity: diag.Warning, Code: "content.stray",
				Message: "only .md files are published from " + Dir + "/",
				Hint:    "put attachments in a response folder beside its index.md"})
		case len(parts) > 2:
			list.Add(diag.Diagnostic{Path: p, Severity: diag.Warning, Code: "content.stray",
				Message: "files nested more than one folder deep are not published"})
		}
		return nil
	})
	if err != nil {
		list.Errorf(Dir, 0, 0, "content.read", "cannot read: %v", err)
	}
	sort.Strings(paths)
	return paths, list
}

// Load reads and validates every response under Dir. It returns the
// responses in path order (including drafts and embargoed ones: callers
// decide what to publish) and every problem found, including cross-file
// ones such as a duplicated reference. A file with errors is still returned
// when its front-matter could be read, so that later checks can run.
func Load(fsys fs.FS, cfg config.Site) ([]*Response, diag.List) {
	paths, list := Sources(fsys)
	responses := make([]*Response, 0, len(paths))
	for _, p := range paths {
		r, l := LoadFile(fsys, p, cfg)
		list = append(list, l...)
		if r != nil {
			responses = append(responses, r)
		}
	}
	list = append(list, CheckLog(responses)...)
	return responses, list
}

// LoadFile reads and validates the response at path p. It returns nil when
// the file cannot be read as a response at all.
func LoadFile(fsys fs.FS, p string, cfg config.Site) (*Response, diag.List) {
	var list diag.List
	src, size, err := readFile(fsys, p)
	if err != nil {
		list.Errorf(p, 0, 0, "content.read", "cannot read: %v", err)
		return nil, list
	}
	if size > MaxFileSize {
		list.Errorf(p, 0, 0, "content.too-large", "file is %s; the largest response foilog reads is %s", humanSize(size), humanSize(MaxFileSize))
		return nil, list
	}
	if line, col, ok := invalidUTF8(src); ok {
		list.Add(diag.Diagnostic{Path: p, Line: line, Col: col, Code: "content.encoding",
			Message: "file is not valid UTF-8 text",
			Hint:    "save it again with the encoding UTF-8; in Notepad or Word that is in the Save As dialogue"})
		return nil, list
	}
	doc, err := frontmatter.Parse(src)
	if err != nil {
		fe := err.(*frontmatter.Error)
		list.Add(diag.Diagnostic{Path: p, Line: fe.Line, Col: fe.Col, Code: "frontmatter.syntax", Message: fe.Message, Hint: fe.Hint})
		return nil, list
	}
	if doc.Fields == nil {
		list.Add(diag.Diagnostic{Path: p, Line: 1, Col: 1, Code: "frontmatter.missing",
			Message: "response has no front-matter",
			Hint:    "start the file with a line ---, the fields (title, reference, date, outcome), and another ---"})
		return nil, list
	}
	sum := sha256.Sum256(src)
	r := &Response{Path: p, Bundle: path.Base(p) == "index.md", Body: doc.Body, BodyLine: doc.BodyLine,
		Hash: hex.EncodeToString(sum[:16])}
	list = append(list, decode(r, doc, cfg)...)
	list = append(list, loadAttachments(fsys, r)...)
	return r, list
}

// readFile returns the contents of the file at p unless it is larger than
// MaxFileSize, and its size. It opens the file once, where fs.Stat and
// fs.ReadFile would each open it; when it cannot be opened, the error is
// the one fs.Stat gives.
func readFile(fsys fs.FS, p string) (src []byte, size int64, err error) {
	f, err := fsys.Open(p)
	if err != nil {
		if _, serr := fs.Stat(fsys, p); serr != nil {
			err = serr
		}
		return nil, 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if size = info.Size(); size > MaxFileSize {
		return nil, size, nil
	}
	src = make([]byte, 0, size+1) // +1: reading the end of the file needs no more room
	for {
		n, err := f.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if err == io.EOF {
			return src, size, nil
		}
		if err != nil {
			return nil, size, err
		}
		if len(src) == cap(src) {
			src = append(src, 0)[:len(src)] // the file has grown
		}
	}
}

// invalidUTF8 returns the 1-based line and column of the first byte that is
// not UTF-8.
func invalidUTF8(src []byte) (line, col int, bad bool) {
	if utf8.Valid(src) {
		return 0, 0, false
	}
	line, col = 1, 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return line, col, true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		src = src[size:]
	}
	return line, col, true
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt((n+512)>>10, 10) + " KB"
	}
	return fmt.Sprintf("%d bytes", n)
}

// HumanSize formats a byte count the way GOV.UK shows file sizes: "2 KB",
// "1.4 MB", "900 bytes".
func HumanSize(n int64) string { return humanSize(n) }

var fileTypes = map[string]string{
	".csv": "CSV spreadsheet", ".ods": "OpenDocument spreadsheet", ".xlsx": "Excel spreadsheet",
	".xls": "Excel spreadsheet", ".pdf": "PDF document", ".odt": "OpenDocument text", ".docx": "Word document",
	".doc": "Word document", ".txt": "Plain text", ".json": "JSON data", ".png": "PNG image", ".jpg": "JPEG image",
	".jpeg": "JPEG image", ".gif": "GIF image", ".svg": "SVG image", ".zip": "ZIP archive", ".xml": "XML data",
	".html": "Web page", ".md": "Markdown text",
}

// FileType names the format of a file by its extension for people: "CSV
// spreadsheet"; unknown extensions give "FILE file" in capitals.
func FileType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := fileTypes[ext]; ok {
		return t
	}
	if ext == "" {
		return "File"
	}
	return strings.ToUpper(ext[1:]) + " file"
}

// blockedTypes are attachment types never published, because browsers
// run them as part of the site.
var blockedTypes = map[string]bool{".html": true, ".htm": true, ".svg": true, ".js": true, ".mjs": true, ".xhtml": true}

func loadAttachments(fsys fs.FS, r *Response) diag.List {
	var list diag.List
	dir := path.Dir(r.Path)
	declared := map[string]bool{}
	for i := range r.Attachments {
		a := &r.Attachments[i]
		switch {
		case a.Name == "":
			continue // the front-matter error is reported by decode
		case strings.Contains(a.Name, "/") || strings.Contains(a.Name, "\\") || a.Name == "." || a.Name == ".." || a.Name == "index.md":
			list.Add(diag.Diagnostic{Path: r.Path, Line: a.Line, Col: 1, Code: "attachment.path",
				Message: fmt.Sprintf("attachment %q must be the name of a file beside index.md, with no folders", a.Name)})
			continue
		case !r.Bundle:
			list.Add(diag.Diagnostic{Path: r.Path, Line: a.Line, Col: 1, Code: "attachment.not-bundle",
				Message: fmt.Sprintf("attachment %q needs the response to be a folder", a.Name),
				Hint:    fmt.Sprintf("move this file to %s/index.md and put %s beside it", strings.TrimSuffix(r.Path, ".md"), a.Name)})
			continue
		case blockedTypes[strings.ToLower(path.Ext(a.Name))]:
			list.Add(diag.Diagnostic{Path: r.Path, Line: a.Line, Col: 1, Code: "attachment.type",
				Message: fmt.Sprintf("attachment %q is a %s, which would run as part of the website", a.Name, FileType(a.Name)),
				Hint:    "publish it as PDF or plain text instead"})
			continue
		case declared[a.Name]:
			list.Add(diag.Diagnostic{Path: r.Path, Line: a.Line, Col: 1, Code: "attachment.duplicate",
				Message: fmt.Sprintf("attachment %q is listed twice", a.Name), Hint: "remove one of the two"})
			continue
		}
		a.Source = dir + "/" + a.Name
		declared[a.Name] = true
		info, err := fs.Stat(fsys, a.Source)
		if err != nil {
			d := diag.Diagnostic{Path: r.Path, Line: a.Line, Col: 1, Code: "attachment.missing",
				Message: fmt.Sprintf("attachment %q does not exist in %s/", a.Name, dir)}
			if names := dirFiles(fsys, dir); len(names) > 0 {
				if s := diag.Suggest(a.Name, names); s != "" {
					d.Message += fmt.Sprintf("; did you mean %q?", s)
				}
			}
			list.Add(d)
			continue
		}
		if info.IsDir() || !info.Mode().IsRegular() {
			list.Errorf(r.Path, a.Line, 1, "attachment.path", "attachment %q is not a regular file", a.Name)
			continue
		}
		if info.Size() > MaxAttachmentSize {
			list.Errorf(r.Path, a.Line, 1, "attachment.too-large", "attachment %q is %s; the largest foilog publishes is %s",
				a.Name, humanSize(info.Size()), humanSize(MaxAttachmentSize))
			continue
		}
		a.Size = info.Size()
		a.Type = FileType(a.Name)
		r.Hash += fmt.Sprintf(".%x", a.Size)
	}
	if r.Bundle {
		for _, name := range dirFiles(fsys, dir) {
			if name != "index.md" && !declared[name] {
				list.Add(diag.Diagnostic{Path: dir + "/" + name, Severity: diag.Warning, Code: "attachment.undeclared",
					Message: "this file is not listed in the response's attachments, so it is not published",
					Hint:    "add it under `attachments:` in " + r.Path + " to publish it"})
			}
		}
	}
	return list
}

func dirFiles(fsys fs.FS, dir string) []string {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") && !strings.HasSuffix(e.Name(), "~") {
			names = append(names, e.Name())
		}
	}
	return names
}

// CheckLog reports problems that involve more than one response: two
// responses with one reference, one URL or one alias. Each diagnostic
// names the other file.
func CheckLog(responses []*Response) diag.List {
	var list diag.List
	type owner struct {
		r    *Response
		line int
	}
	refs := map[string]owner{}
	urls := map[string]owner{}
	for _, r := range responses { // path order: the first file keeps the name
		if r.Reference != "" {
			key := strings.ToLower(strings.Join(strings.Fields(r.Reference), " "))
			if o, dup := refs[key]; dup {
				list.Add(diag.Diagnostic{Path: r.Path, Line: r.Lines["reference"], Col: 1, Code: "content.duplicate-reference",
					Message: fmt.Sprintf("reference %q is already used by %s", r.Reference, o.r.Path),
					Hint:    "every response needs its own reference",
					Related: []diag.Diagnostic{{Path: o.r.Path, Line: o.line, Message: "first used here"}}})
			} else {
				refs[key] = owner{r, r.Lines["reference"]}
			}
		}
	}
	for _, r := range responses {
		if r.Slug == "" {
			continue
		}
		claim := func(u string, line int, what string) {
			if o, dup := urls[u]; dup && o.r != r {
				list.Add(diag.Diagnostic{Path: r.Path, Line: line, Col: 1, Code: "content.duplicate-url",
					Message: fmt.Sprintf("%s /%s is also the address of %s", what, u, o.r.Path),
					Hint:    "set a different `slug:` or alias in one of the two files",
					Related: []diag.Diagnostic{{Path: o.r.Path, Line: o.line, Message: "also uses /" + u}}})
				return
			}
			urls[u] = owner{r, line}
		}
		line := r.Lines["slug"]
		if line == 0 {
			line = r.Lines["reference"]
		}
		claim(r.URL(), line, "the page address")
	}
	for _, r := range responses {
		for _, a := range r.Aliases {
			if o, dup := urls[a]; dup && o.r == r {
				continue
			}
			if o, dup := urls[a]; dup {
				list.Add(diag.Diagnostic{Path: r.Path, Line: r.Lines["aliases"], Col: 1, Code: "content.duplicate-url",
					Message: fmt.Sprintf("alias /%s is also the address of %s", a, o.r.Path),
					Related: []diag.Diagnostic{{Path: o.r.Path, Line: o.line, Message: "also uses /" + a}}})
				continue
			}
			urls[a] = owner{r, r.Lines["aliases"]}
		}
	}
	return list
}
