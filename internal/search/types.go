package search

// Document is one published response as the index sees it. All strings are
// display text unless named Slug.
//
// The caller decides what is published: Build indexes every Document it is
// given, so drafts, embargoed and withdrawn responses must be left out of
// the slice before calling it.
type Document struct {
	URL                       string // site-relative path without base, e.g. "responses/foi-1648a-23/"
	Title, Reference, Summary string
	Body                      string // plain text of the body (Markdown already rendered to text)
	Date                      string // ISO date of the response "2023-06-14"
	Year                      int
	Outcome                   string // slug: disclosed | partial | refused | ncnd | not-held
	OutcomeLabel              string // "Neither confirmed nor denied"
	Regime                    string // FOIA | FOISA | EIR | EISR
	Force                     string
	ForceSlug                 string
	Topics                    []Facet
	Exemptions                []Exemption
}

// Facet is one value of a taxonomy: its URL slug and its display label.
type Facet struct{ Slug, Label string }

// Exemption is one canonical provision a response cites.
type Exemption struct {
	Provision    string // "FOIA s31(3)"
	Slug         string // "foia-s31-3"
	Section      string // "foia-s31"
	SectionLabel string // "FOIA s31 Law enforcement"
	Title        string // "Law enforcement"
	NCND         bool   // the provision is a duty to neither confirm nor deny
}

// File is one file of the index.
type File struct {
	Path string // relative to the site root, e.g. "search/index/entry.5f3a9c0d1e.json"
	Data []byte
}

// Index is the whole search index of a site.
type Index struct {
	Files     []File // sorted by Path
	EntryPath string // path of the entry file, relative to the site root
}
