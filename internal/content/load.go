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
// path order, and reports every file that looks meant for the log but is
// not published (so nothing is dropped silently): Markdown files outside
// Dir or nested too deep, hidden ones, ones named .MD, and other files in
// Dir. A missing Dir, or one that is not a folder, is an error: building
// such a site would publish an empty log over the live one. An empty Dir
// is a new log, and no error.
func Sources(fsys fs.FS) ([]string, diag.List) {
	var paths []string
	list := misplaced(fsys)
	switch info, err := fs.Stat(fsys, Dir); {
	case errors.Is(err, fs.ErrNotExist):
		list.Add(diag.Diagnostic{Path: Dir, Code: "content.missing",
			Message: "there is no " + Dir + " folder here, so there is nothing to publish",
			Hint:    "is --source the site's folder? To start a new log, create the folder " + Dir + "/"})
		return nil, list
	case err != nil:
		list.Errorf(Dir, 0, 0, "content.read", "cannot read: %v", err).Hint = readHint
		return nil, list
	case !info.IsDir():
		list.Add(diag.Diagnostic{Path: Dir, Code: "content.missing",
			Message: Dir + " is a file, but it must be the folder that holds the responses",
			Hint:    "rename or remove the file, and put the responses in a folder " + Dir + "/"})
		return nil, list
	}
	index := map[string]bool{}    // response folders: whether they hold an index.md
	reported := map[string]bool{} // folders reported for having no index.md
	hasIndex := func(dir string) bool {
		has, ok := index[dir]
		if !ok {
			_, err := fs.Stat(fsys, dir+"/index.md")
			has = err == nil
			index[dir] = has
		}
		return has
	}
	warn := func(p, code, message, hint string) {
		list.Add(diag.Diagnostic{Path: p, Severity: diag.Warning, Code: code, Message: message, Hint: hint})
	}
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			list.Errorf(p, 0, 0, "content.read", "cannot read: %v", err).Hint = readHint
			return nil
		}
		if p == Dir {
			return nil
		}
		name := d.Name()
		rel := strings.TrimPrefix(p, Dir+"/")
		parts := strings.Split(rel, "/")
		if hidden(name) {
			// Hidden files are mostly editors' and systems' own (.DS_Store,
			// .x.md.swp); only one that would be a response is reported.
			switch {
			case len(parts) == 1 && d.IsDir() && hasIndex(p):
				warn(p, "content.hidden", "this folder's name starts with a dot, so it is hidden and its response is not published",
					"rename it "+visibleName(name)+" to publish it")
			case len(parts) == 1 && !d.IsDir() && strings.HasSuffix(name, ".md") && !editorFile(name):
				warn(p, "content.hidden", "this file's name starts with a dot, so it is hidden and not published",
					"rename it "+visibleName(name)+" to publish it")
			}
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, "~") {
			return nil // an editor's backup
		}
		if d.Type()&fs.ModeSymlink != 0 {
			list.Errorf(p, 0, 0, "content.symlink", "symbolic links are not followed").Hint =
				"copy the file or folder itself here instead of a link to it"
			return nil
		}
		if d.IsDir() {
			return nil
		}
		ext := path.Ext(name)
		switch {
		case len(parts) == 1 && ext == ".md":
			paths = append(paths, p)
		case len(parts) == 1 && markdownExt(ext):
			warn(p, "content.stray", "only files ending in .md (lower case) are read as responses, so this one is not published",
				"rename it "+strings.TrimSuffix(name, ext)+".md")
		case len(parts) == 1:
			warn(p, "content.stray", "only .md files are published from "+Dir+"/",
				"put attachments in a response folder beside its index.md")
		case len(parts) == 2 && name == "index.md":
			paths = append(paths, p)
		case len(parts) == 2 && isIndex(name) && !hasIndex(path.Dir(p)):
			warn(p, "content.stray", "a response folder's Markdown file must be named index.md (lower case), so this one is not published",
				"rename it index.md")
		case len(parts) == 2 && markdownExt(ext):
			hint := "rename it index.md, or move it to " + Dir + "/"
			if hasIndex(path.Dir(p)) {
				hint = "if it is a response of its own, move it to " + Dir + "/"
			}
			warn(p, "content.stray", "this Markdown file is inside a response folder but is not its index.md, so it is not published", hint)
		case len(parts) == 2:
			dir := path.Dir(p)
			if !hasIndex(dir) && !reported[dir] {
				reported[dir] = true
				if !misnamedIndex(fsys, dir) { // else that file is reported
					warn(dir, "content.stray", "this folder has no index.md, so nothing in it is published",
						"name the response's Markdown file index.md")
				}
			}
		default:
			warn(p, "content.stray", "files nested more than one folder deep are not published",
				"put the file directly in its response's folder, beside index.md")
		}
		return nil
	})
	if err != nil {
		list.Errorf(Dir, 0, 0, "content.read", "cannot read: %v", err).Hint = readHint
	}
	sort.Strings(paths)
	return paths, list
}

// misplaced reports the Markdown files under content/ but outside Dir,
// such as a response saved one folder too high.
func misplaced(fsys fs.FS) diag.List {
	var list diag.List
	root := path.Dir(Dir)
	fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return fs.SkipDir // content/ is missing or unreadable: Sources reports Dir
		case p == Dir:
			if d.IsDir() {
				return fs.SkipDir
			}
		case p == root:
			return nil
		case hidden(d.Name()):
			if d.IsDir() {
				return fs.SkipDir
			}
		case !d.IsDir() && markdownExt(path.Ext(d.Name())):
			list.Add(diag.Diagnostic{Path: p, Severity: diag.Warning, Code: "content.stray",
				Message: "this Markdown file is not in " + Dir + "/, so it is not published",
				Hint:    "move it into " + Dir + "/"})
		}
		return nil
	})
	return list
}

// readHint is the hint for a file or folder foilog cannot read.
const readHint = "check that the file exists and that your account may open it"

// hidden reports whether a file name starts with a dot, as those of
// editors' and systems' own files do.
func hidden(name string) bool { return strings.HasPrefix(name, ".") }

// editorFile reports whether a hidden name is one editors and systems make
// beside a file: Emacs's lock .#x.md, macOS's ._x.md.
func editorFile(name string) bool {
	return strings.HasPrefix(name, ".#") || strings.HasPrefix(name, "._")
}

// visibleName returns name without its leading dots.
func visibleName(name string) string { return strings.TrimLeft(name, ".") }

// markdownExt reports whether ext is a Markdown file's extension in any
// case: .md, .MD, .markdown.
func markdownExt(ext string) bool {
	switch strings.ToLower(ext) {
	case ".md", ".markdown", ".mdown", ".mkd", ".mkdn":
		return true
	}
	return false
}

// isIndex reports whether name is index.md but for case or a longer
// Markdown extension: INDEX.MD, Index.md, index.markdown.
func isIndex(name string) bool {
	ext := path.Ext(name)
	return strings.EqualFold(strings.TrimSuffix(name, ext), "index") && markdownExt(ext)
}

// misnamedIndex reports whether dir holds a misnamed index.md, which
// Sources reports itself.
func misnamedIndex(fsys fs.FS, dir string) bool {
	entries, _ := fs.ReadDir(fsys, dir)
	for _, e := range entries {
		if !e.IsDir() && isIndex(e.Name()) {
			return true
		}
	}
	return false
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
		list.Errorf(p, 0, 0, "content.read", "cannot read: %v", err).Hint = readHint
		return nil, list
	}
	if size > MaxFileSize {
		list.Errorf(p, 0, 0, "content.too-large", "file is %s; the largest response foilog reads is %s", humanSize(size), humanSize(MaxFileSize)).Hint =
			"shorten the letter: put long tables in a CSV attachment, and check nothing was pasted in by mistake"
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
	if doc.Fields == nil && doc.Problem != nil {
		// The file seems meant to have front-matter: say what is wrong with it.
		list.Add(diag.Diagnostic{Path: p, Line: doc.Problem.Line, Col: doc.Problem.Col, Code: "frontmatter.missing",
			Message: doc.Problem.Message, Hint: doc.Problem.Hint})
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

// attachmentTypes are the types of file published as attachments, by
// lower-case extension, with the name people know each by. It is an
// allow-list of documents, tables, pictures and archives that no browser
// or common web server runs as part of the website, as it would HTML, SVG,
// XML, scripts and server pages.
var attachmentTypes = map[string]string{
	".pdf": "PDF document", ".rtf": "Rich Text document", ".txt": "Plain text",
	".csv": "CSV spreadsheet", ".tsv": "TSV spreadsheet",
	".odt": "OpenDocument text", ".ods": "OpenDocument spreadsheet", ".odp": "OpenDocument presentation",
	".docx": "Word document", ".xlsx": "Excel spreadsheet", ".pptx": "PowerPoint presentation",
	".doc": "Word document", ".xls": "Excel spreadsheet", ".ppt": "PowerPoint presentation",
	".png": "PNG image", ".jpg": "JPEG image", ".jpeg": "JPEG image", ".gif": "GIF image", ".webp": "WebP image",
	".zip": "ZIP archive", ".json": "JSON data",
}

// attachmentFormats lists the formats of attachmentTypes for messages.
const attachmentFormats = "PDF, RTF, TXT, CSV, TSV, ODT, ODS, ODP, DOCX, XLSX, PPTX, DOC, XLS, PPT, PNG, JPEG, GIF, WebP, ZIP and JSON"

// refusedTypes names some types that are never published, for messages.
var refusedTypes = map[string]string{
	".html": "HTML web page", ".htm": "HTML web page", ".shtml": "HTML web page", ".xhtml": "XHTML web page",
	".xht": "XHTML web page", ".svg": "SVG image", ".svgz": "SVG image", ".xml": "XML file",
	".js": "JavaScript file", ".mjs": "JavaScript file", ".cjs": "JavaScript file", ".md": "Markdown file",
	".eml": "email message", ".msg": "Outlook email message", ".tif": "TIFF image", ".tiff": "TIFF image",
}

// activeTypes are extensions that browsers or web servers run, as part of
// the website or as programs: never in an attachment's name, even inside
// it ("a.php.pdf"), since Apache reads every extension of a name.
var activeTypes = map[string]bool{
	"html": true, "htm": true, "shtml": true, "shtm": true, "stm": true, "xhtml": true, "xht": true,
	"xml": true, "xsl": true, "xslt": true, "svg": true, "svgz": true, "js": true, "mjs": true, "cjs": true,
	"php": true, "php3": true, "php4": true, "php5": true, "php7": true, "phtml": true, "pht": true, "phar": true,
	"pl": true, "py": true, "cgi": true, "asp": true, "aspx": true, "ashx": true, "jsp": true, "jspx": true,
	"hta": true, "vbs": true, "ps1": true, "sh": true, "bat": true, "cmd": true, "exe": true, "htaccess": true,
}

// FileType names the format of a file by its extension for people, in any
// case: "CSV spreadsheet" for "figures.csv" or "FIGURES.CSV". An extension
// foilog has no name for gives "FILE file" in capitals, and no extension
// gives "File".
func FileType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := attachmentTypes[ext]; ok {
		return t
	}
	if t, ok := refusedTypes[ext]; ok {
		return t
	}
	if ext == "" || ext == "." {
		return "File"
	}
	return strings.ToUpper(ext[1:]) + " file"
}

// withArticle returns s after "a" or "an" as it is read aloud: "an SVG
// image", "a PDF document", "an OpenDocument text", "a JSON file". A first
// word in capitals is taken for letters read one by one (F, H, S, X… begin
// with a vowel sound), unless it is one read as a word.
func withArticle(s string) string {
	word, _, _ := strings.Cut(s, " ")
	an := false
	switch {
	case word == "":
	case word == strings.ToUpper(word) && len(word) > 1 && !spokenAsWord[word]:
		an = strings.ContainsRune("AEFHILMNORSX", rune(word[0]))
	default:
		an = strings.ContainsRune("AEIOUaeiou", rune(word[0]))
	}
	if an {
		return "an " + s
	}
	return "a " + s
}

// spokenAsWord are capitalised file types read as words, not letters.
var spokenAsWord = map[string]bool{"JSON": true, "JPEG": true, "GIF": true, "ZIP": true, "TIFF": true}

// attachmentType reports whether the attachment named name may be
// published. When it may not, it returns the problem and what to do.
func attachmentType(name string) (ok bool, message, hint string) {
	const convert = "convert it to a PDF, a CSV table or a PNG picture and list that file instead; foilog publishes " + attachmentFormats + " files"
	ext := strings.ToLower(path.Ext(name))
	if strings.HasPrefix(name, ".") {
		return false, fmt.Sprintf("attachment %q is a hidden file (its name starts with a dot); web servers hide such files or read them as their own settings", name),
			"rename it without the leading dot"
	}
	if ext == "" || ext == "." {
		return false, fmt.Sprintf("attachment %q has no extension, such as .pdf, that tells its type", name),
			"add the extension of its format to its name; foilog publishes " + attachmentFormats + " files"
	}
	if _, ok := attachmentTypes[ext]; !ok {
		message := fmt.Sprintf("attachment %q is %s, which foilog does not publish", name, withArticle(FileType(name)))
		if activeTypes[ext[1:]] {
			message += ": a browser or web server could run it as part of the website"
		}
		if ext == ".eml" || ext == ".msg" {
			// An email carries its senders' and recipients' addresses and
			// headers besides what was meant to be released.
			return false, message, "save the email as a PDF with the personal data removed, and list that file instead"
		}
		return false, message, convert
	}
	parts := strings.Split(strings.ToLower(name), ".")
	for _, p := range parts[1 : len(parts)-1] {
		if activeTypes[p] {
			return false, fmt.Sprintf("attachment %q has .%s inside its name, and some web servers run such files as programs or web pages", name, p),
				"rename it without ." + p
		}
	}
	return true, "", ""
}

func loadAttachments(fsys fs.FS, r *Response) diag.List {
	var list diag.List
	dir := path.Dir(r.Path)
	listed := map[string]bool{}   // every name listed, published or not
	declared := map[string]bool{} // the names published
	for i := range r.Attachments {
		a := &r.Attachments[i]
		if a.Name == "" {
			continue // the front-matter error is reported by decode
		}
		errorf := func(code, hint, format string, args ...any) {
			list.Add(diag.Diagnostic{Path: r.Path, Line: a.Line, Col: a.Col, Code: code,
				Message: fmt.Sprintf(format, args...), Hint: hint})
		}
		ok, typeMessage, typeHint := attachmentType(a.Name)
		switch {
		case strings.Contains(a.Name, "/") || strings.Contains(a.Name, "\\") || a.Name == "." || a.Name == ".." || a.Name == "index.md":
			hint := "put the file in the response's folder beside index.md and list its name only"
			if a.Name == "index.md" {
				hint = "list the files beside index.md, not index.md itself"
			}
			errorf("attachment.path", hint, "attachment %q must be the name of a file beside index.md, with no folders", a.Name)
			continue
		case !r.Bundle:
			errorf("attachment.not-bundle", fmt.Sprintf("move this file to %s/index.md and put %s beside it", strings.TrimSuffix(r.Path, ".md"), a.Name),
				"attachment %q needs the response to be a folder", a.Name)
			continue
		}
		listed[a.Name] = true
		switch {
		case !ok:
			errorf("attachment.type", typeHint, "%s", typeMessage)
			continue
		case declared[a.Name]:
			errorf("attachment.duplicate", "remove one of the two", "attachment %q is listed twice", a.Name)
			continue
		}
		a.Source = dir + "/" + a.Name
		declared[a.Name] = true
		info, err := fs.Stat(fsys, a.Source)
		if err != nil {
			msg := fmt.Sprintf("attachment %q does not exist in %s/", a.Name, dir)
			if names := dirFiles(fsys, dir); len(names) > 0 {
				if s := diag.Suggest(a.Name, names); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
			}
			errorf("attachment.missing", "put the file in "+dir+"/ beside "+path.Base(r.Path)+", or correct its name here", "%s", msg)
			continue
		}
		if info.IsDir() || !info.Mode().IsRegular() {
			errorf("attachment.path", "list the files themselves, each beside index.md, not a folder or a link", "attachment %q is not a regular file", a.Name)
			continue
		}
		if info.Size() > MaxAttachmentSize {
			errorf("attachment.too-large", "split it into smaller files, or publish the data as CSV", "attachment %q is %s; the largest foilog publishes is %s",
				a.Name, humanSize(info.Size()), humanSize(MaxAttachmentSize))
			continue
		}
		a.Size = info.Size()
		a.Type = FileType(a.Name)
		r.Hash += fmt.Sprintf(".%x", a.Size)
	}
	if r.Bundle {
		for _, name := range dirFiles(fsys, dir) {
			if name == "index.md" || listed[name] || markdownExt(path.Ext(name)) {
				continue // Sources reports Markdown files
			}
			hint := "add it under `attachments:` in " + r.Path + " to publish it"
			if ok, _, _ := attachmentType(name); !ok {
				hint = "foilog does not publish " + withArticle(FileType(name)) + "; to publish it, convert it to a PDF, a CSV table or a PNG picture and list that file under `attachments:` in " + r.Path
			}
			list.Add(diag.Diagnostic{Path: dir + "/" + name, Severity: diag.Warning, Code: "attachment.undeclared",
				Message: "this file is not listed in the response's attachments, so it is not published", Hint: hint})
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
			at := r.AliasAt[a]
			if o, dup := urls[a]; dup {
				list.Add(diag.Diagnostic{Path: r.Path, Line: at[0], Col: at[1], Code: "content.duplicate-url",
					Message: fmt.Sprintf("alias /%s is also the address of %s", a, o.r.Path),
					Hint:    "remove the alias from one of the two files: an old address can lead to one page only",
					Related: []diag.Diagnostic{{Path: o.r.Path, Line: o.line, Message: "also uses /" + a}}})
				continue
			}
			urls[a] = owner{r, at[0]}
		}
	}
	return list
}
