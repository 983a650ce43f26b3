package server

import (
	"bytes"
	"embed"
	"encoding/json"
	"html/template"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// CSP is the Content-Security-Policy the preview sends with every
// response: the policy the published site is meant to be hosted with, so
// that the preview breaks wherever the published site would.
const CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

//go:embed assets/reload.js assets/overlay.css
var assets embed.FS

// contentTypes maps the extensions a site contains to their media types.
// Extensions not listed fall back to the mime package, then to
// application/octet-stream.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
	".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
	".json": "application/json", ".map": "application/json", ".webmanifest": "application/manifest+json",
	".xml": "application/xml; charset=utf-8", ".atom": "application/atom+xml; charset=utf-8",
	".rss": "application/rss+xml; charset=utf-8", ".xsl": "application/xslt+xml",
	".txt": "text/plain; charset=utf-8", ".md": "text/markdown; charset=utf-8", ".csv": "text/csv; charset=utf-8",
	".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon",
	".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".otf": "font/otf",
	".pdf": "application/pdf", ".zip": "application/zip", ".wasm": "application/wasm",
	".odt": "application/vnd.oasis.opendocument.text", ".ods": "application/vnd.oasis.opendocument.spreadsheet",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".doc":  "application/msword", ".xls": "application/vnd.ms-excel",
}

// ContentType returns the media type the preview sends for a file name.
func ContentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// ServeHTTP serves the last good build of the site under its base path,
// and the preview's own files under _foilog/.
//
// A path naming a folder serves its index.html; a path naming a folder
// without the final slash redirects to it; anything else missing gets the
// site's 404.html with status 404. Only GET and HEAD are allowed. Every
// response carries CSP and Cache-Control: no-store.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", CSP)
	h.Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	// The preview's files answer under any prefix, so that a page opened
	// before the base path changed still reaches them.
	if i := strings.LastIndex(p, "/_foilog/"); i >= 0 {
		s.serveInternal(w, r, p[i+len("/_foilog/"):])
		return
	}

	s.mu.RLock()
	snap, st := s.good, s.status
	s.mu.RUnlock()
	base := st.Base
	if !strings.HasPrefix(p, base) {
		if p+"/" == base || p == "/" {
			redirect(w, r, base)
			return
		}
		s.notFound(w, r, snap)
		return
	}
	if snap == nil {
		s.notBuilt(w, r, st)
		return
	}
	rel := p[len(base):]
	name := rel
	if rel == "" || strings.HasSuffix(rel, "/") {
		name = rel + "index.html"
	}
	if data, ok := snap.file(name); ok {
		h.Set("Content-Type", ContentType(name))
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
		return
	}
	if snap.isDir(rel) {
		if _, ok := snap.file(rel + "/index.html"); ok {
			redirect(w, r, p+"/")
			return
		}
	}
	s.notFound(w, r, snap)
}

// redirect sends a permanent redirect to path p, keeping the query. The
// no-store header stops the browser remembering it.
func redirect(w http.ResponseWriter, r *http.Request, p string) {
	if r.URL.RawQuery != "" {
		p += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", p)
	w.WriteHeader(http.StatusMovedPermanently)
}

// notFound serves the site's 404.html with status 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, snap *snapshot) {
	var page []byte
	if snap != nil {
		page, _ = snap.file("404.html")
	}
	if page == nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

// notBuiltPage is served while no build has succeeded. It has no inline
// script or style: the overlay shows the errors, and the list below is
// for readers without JavaScript.
var notBuiltPage = template.Must(template.New("").Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{if .Build}}Site has errors{{else}}Building the site{{end}} – foilog preview</title>
<link rel="stylesheet" href="{{.Base}}_foilog/overlay.css">
<script src="{{.Base}}_foilog/reload.js" defer></script>
</head>
<body class="foilog-waiting">
<main>
{{- if .Build}}
<h1>The site has errors, so it cannot be shown yet</h1>
<p>Fix the problems below (they are also printed in the terminal). This page reloads by itself when the site builds.</p>
<ul>
{{- range .Problems}}
<li><code>{{.Position}}</code>: {{.Severity}}: {{.Message}}{{with .Hint}} ({{.}}){{end}}</li>
{{- end}}
</ul>
{{- else}}
<h1>Building the site…</h1>
<p>This page reloads by itself when the site is ready.</p>
{{- end}}
</main>
</body>
</html>
`))

// notBuilt serves notBuiltPage with status 503.
func (s *Server) notBuilt(w http.ResponseWriter, r *http.Request, st Status) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Retry-After", "1")
	w.WriteHeader(http.StatusServiceUnavailable)
	if r.Method != http.MethodHead {
		notBuiltPage.Execute(w, st)
	}
}

// serveInternal serves the preview's own files, named relative to
// _foilog/.
func (s *Server) serveInternal(w http.ResponseWriter, r *http.Request, name string) {
	switch name {
	case "events":
		s.serveEvents(w, r)
	case "status.json":
		w.Header().Set("Content-Type", "application/json")
		data, _ := json.Marshal(s.Status())
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
	case "reload.js":
		w.Header().Set("Content-Type", ContentType(name))
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(s.reloadScript()))
	case "overlay.css":
		data, _ := assets.ReadFile("assets/overlay.css")
		w.Header().Set("Content-Type", ContentType(name))
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
	default:
		http.Error(w, "404 page not found", http.StatusNotFound)
	}
}

// reloadScript returns reload.js with the state of the site the page was
// served from, so that it can tell whether it is out of date when it
// connects.
func (s *Server) reloadScript() []byte {
	s.mu.RLock()
	st := s.status
	s.mu.RUnlock()
	page, _ := json.Marshal(struct {
		Session string `json:"session"`
		Good    int    `json:"good"`
		Base    string `json:"base"`
	}{st.Session, st.Good, st.Base})
	js, _ := assets.ReadFile("assets/reload.js")
	return bytes.Replace(js, []byte("/*PAGE*/{}"), page, 1)
}
