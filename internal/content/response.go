// Package content loads a site's FOI responses from content/responses/ and
// turns their front-matter into typed, validated Response values.
//
// A response is one Markdown file, content/responses/NAME.md, or a bundle
// folder content/responses/NAME/index.md with its attachments beside it.
// Every problem in every file is reported as a diag.Diagnostic with the
// file, line and column; Load never stops at the first problem and never
// drops a response silently.
package content

import (
	"net/url"
	"time"

	"github.com/foilog/foilog/internal/date"
	"github.com/foilog/foilog/internal/exemption"
)

// Outcome is how a request was answered.
type Outcome string

// The outcomes a response can have.
const (
	Disclosed Outcome = "disclosed"
	Partial   Outcome = "partial"
	Refused   Outcome = "refused"
	NCND      Outcome = "ncnd"
	NotHeld   Outcome = "not-held"
)

// Outcomes returns every outcome in the order lists show them.
func Outcomes() []Outcome { return []Outcome{Disclosed, Partial, Refused, NCND, NotHeld} }

// Label returns the outcome in plain English: "Neither confirmed nor denied".
func (o Outcome) Label() string {
	switch o {
	case Disclosed:
		return "Information disclosed"
	case Partial:
		return "Partly disclosed"
	case Refused:
		return "Refused"
	case NCND:
		return "Neither confirmed nor denied"
	case NotHeld:
		return "Information not held"
	}
	return string(o)
}

// Description explains the outcome to the public in one sentence.
func (o Outcome) Description() string {
	switch o {
	case Disclosed:
		return "All the information asked for was released."
	case Partial:
		return "Some of the information was released and some was withheld under an exemption."
	case Refused:
		return "The information is held but was withheld under one or more exemptions, or the request was refused."
	case NCND:
		return "The authority would neither confirm nor deny whether it holds the information, because even saying so would reveal something exempt."
	case NotHeld:
		return "The authority does not hold the information asked for."
	}
	return ""
}

// Term is a taxonomy value such as a topic or a force: its display name and
// URL slug.
type Term struct {
	Name string
	Slug string
}

// Cited is one item of a response's exemptions list: the citation as
// written, as understood, and where it is in the file.
type Cited struct {
	exemption.Citation
	Line, Col int
}

// Attachment is a file published with a response.
type Attachment struct {
	// Name is the file name, also its URL relative to the response page.
	Name string
	// Title describes the file; defaults to Name.
	Title string
	// Source is the slash path of the file relative to the site root.
	Source string
	// Size is the file size in bytes.
	Size int64
	// Type names the format for people: "CSV spreadsheet".
	Type string
	// Line and Col are where the front-matter names the file: the list
	// item, or the value of its `file:` key.
	Line, Col int
}

// Response is one FOI response after its front-matter is read and
// normalised. Zero values mean the field was absent.
type Response struct {
	// Path is the slash path of the Markdown file relative to the site root.
	Path string
	// Bundle reports whether the response is a folder with index.md.
	Bundle bool

	Title     string
	Reference string
	// Slug is the URL segment: /responses/SLUG/.
	Slug     string
	Date     date.Date
	Received date.Date
	Force    Term
	Regime   exemption.Regime
	// Citations are the exemptions as written, in front-matter order.
	Citations []Cited
	// Provisions are the distinct provisions cited, sorted.
	Provisions []exemption.Provision
	Outcome    Outcome
	// Topics are sorted by Slug, so case does not change the order; of
	// topics with one slug only the first written is kept.
	Topics []Term
	// Summary is the front-matter summary; the site fills in the first
	// paragraph of the body when it is empty.
	Summary     string
	Attachments []Attachment
	Draft       bool
	// Publish is the embargo: the response is not published before it.
	Publish time.Time
	// Aliases are old site paths that redirect here, such as
	// "disclosure-log/2022/foi-0413-22/" (no leading slash).
	Aliases []string
	// AliasAt holds the front-matter line and column of each alias, for
	// diagnostics raised after loading.
	AliasAt map[string][2]int

	// Body is the Markdown after the front-matter; BodyLine its first line.
	Body     []byte
	BodyLine int
	// Hash identifies the file's bytes (and its attachments' sizes); it
	// changes whenever the response must be rendered again.
	Hash string

	// Lines holds the front-matter line of each key present, for
	// diagnostics raised after loading.
	Lines map[string]int
}

// URL returns the site path of the response page: "responses/SLUG/".
func (r *Response) URL() string { return "responses/" + r.Slug + "/" }

// AttachmentURL returns the site path of the link to the attachment
// named name: "responses/SLUG/" and the name percent-encoded as one path
// segment, so that "a#b.csv" links to "responses/SLUG/a%23b.csv" rather
// than to a fragment of "responses/SLUG/a". The file itself is written
// under its own name, r.URL() + name.
func (r *Response) AttachmentURL(name string) string {
	return r.URL() + url.PathEscape(name)
}

// Year returns the year of the response date.
func (r *Response) Year() int { return r.Date.Year }

// Visible reports whether r is published at instant now: not a draft
// (unless drafts are wanted) and not under embargo.
func (r *Response) Visible(now time.Time, drafts bool) bool {
	if r.Draft && !drafts {
		return false
	}
	if !r.Publish.IsZero() && now.Before(r.Publish) && !drafts {
		return false
	}
	return true
}
