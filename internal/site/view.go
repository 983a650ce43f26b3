package site

import (
	"html/template"
	"sync"

	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/date"
)

// SiteView is what every template sees of the site as .Site.
type SiteView struct {
	Title       string
	Description string
	Authority   string
	Language    string
	// BasePath is the path the site is hosted under: "/" or "/foi/".
	BasePath string
	// BaseURL is the configured base URL, absolute when a host was given.
	BaseURL    string
	Licence    LinkView
	Contact    ContactView
	Accessible AccessibilityView
	LiveReload bool
	// Sitemap reports whether sitemap.xml is written: only when BaseURL
	// names a host, since a sitemap needs absolute URLs.
	Sitemap bool
	// HasHost reports whether BaseURL names a host, so that absURL gives
	// absolute URLs (og:url must be one).
	HasHost     bool
	Drafts      bool
	Generator   string
	StyleSheets []string // site paths of the CSS files, in order
	// Counts of published responses, for the home page and footer.
	Responses int
}

// LinkView is a named link.
type LinkView struct{ Name, URL string }

// ContactView holds the FOI team's contact details.
type ContactView struct{ Email, Phone, Address, URL string }

// AccessibilityView feeds the accessibility statement.
type AccessibilityView struct {
	Full     bool
	Prepared string
	Issues   []string
}

// Crumb is one step of a breadcrumb trail; the last step is the page itself.
type Crumb struct {
	Title string
	Path  string
}

// Page is the data every page template receives.
type Page struct {
	Site *SiteView
	// Kind names the template: home, response, responses, exemptions,
	// exemption, provisions, taxonomy, term, search, accessibility, 404.
	Kind        string
	Title       string
	Description string
	// Path is the site path of the page ("responses/x/"), "" for the home page.
	Path        string
	Breadcrumbs []Crumb
	Pager       *Pager
	// NoIndex asks search engines not to index the page (404, drafts).
	NoIndex bool

	Response  *ResponseView
	Responses []*ResponseView
	// Terms lists the values of a taxonomy on its index page.
	Terms []TermCount
	// Taxonomy describes the taxonomy of a taxonomy or term page.
	Taxonomy *TaxonomyView
	// Term is the value a term page lists.
	Term *TermCount
	// Section is the exemption of an exemption page.
	Section *SectionView
	// Regimes groups the exemption index and the provisions reference.
	Regimes []RegimeGroup
	// Outcomes counts responses by outcome, on the home page.
	Outcomes []TermCount
	// Years counts responses by year, on the home page.
	Years  []TermCount
	Search SearchView
}

// ParentCrumbs returns the breadcrumb trail without its last step, the
// page itself.
func (p *Page) ParentCrumbs() []Crumb {
	if len(p.Breadcrumbs) == 0 {
		return nil
	}
	return p.Breadcrumbs[:len(p.Breadcrumbs)-1]
}

// CurrentCrumb returns the last step of the breadcrumb trail: the page.
func (p *Page) CurrentCrumb() Crumb {
	if len(p.Breadcrumbs) == 0 {
		return Crumb{}
	}
	return p.Breadcrumbs[len(p.Breadcrumbs)-1]
}

// NavPath returns the path of the main navigation link that is this page
// ("responses/"), or "" when the page is not one of them. Where a layout
// shows the navigation, it is all the navigation depends on.
func (p *Page) NavPath() string {
	for _, l := range navLinks {
		if l.Path == p.Path {
			return p.Path
		}
	}
	return ""
}

// SearchView tells the search page where its index is.
type SearchView struct {
	// EntryURL is the root-relative URL of the search entry file.
	EntryURL string
}

// TaxonomyView names a taxonomy: forces, topics, years, outcomes.
type TaxonomyView struct {
	// Name is the plural for headings: "Forces".
	Name string
	// Singular names one value, as a caption: "Force".
	Singular string
	// Path is the site path of the index page: "forces/".
	Path string
}

// TermCount is a taxonomy value with the number of responses under it.
type TermCount struct {
	Name  string
	Slug  string
	Path  string
	Count int
	// Description explains the value, where there is something to say.
	Description string
}

// ResponseView is a published response as templates show it.
type ResponseView struct {
	Path      string
	Title     string
	Reference string
	Date      date.Date
	Received  date.Date
	Force     TermCount
	Regime    string
	// RegimeTitle is the Act: "Freedom of Information Act 2000".
	RegimeTitle string
	Outcome     content.Outcome
	// OutcomePath is the site path of the outcome's list.
	OutcomePath string
	Citations   []CitationView
	Topics      []TermCount
	// Summary is the front-matter summary, else the body's first paragraph.
	Summary string
	// Lead is the front-matter summary alone, shown above the metadata; it
	// is empty when the summary comes from the body, which shows it anyway.
	Lead        string
	Body        template.HTML
	Attachments []AttachmentView
	Related     []*ResponseView
	Draft       bool
	// Embargoed is set in preview for responses not yet published.
	Embargoed bool
	// NCND reports whether any provision cited is a neither-confirm-nor-deny provision.
	NCND bool

	items *itemCache
}

// itemCache holds a response's list item, rendered once per heading level
// and shared by every list that shows the response.
type itemCache struct {
	mu     sync.Mutex
	html   map[string]template.HTML
	render func(v *ResponseView, heading string) (template.HTML, error)
}

// Item returns the response as an item of a list (layouts/partials/
// response-item.html) with its title in the given heading element ("h2"
// or "h3").
func (v *ResponseView) Item(heading string) (template.HTML, error) {
	c := v.items
	if c == nil {
		return "", nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if h, ok := c.html[heading]; ok {
		return h, nil
	}
	h, err := c.render(v, heading)
	if err != nil {
		return "", err
	}
	c.html[heading] = h
	return h, nil
}

// CitationView is one exemption citation as written and as understood.
type CitationView struct {
	Text       string
	Provisions []ProvisionView
}

// ProvisionView is one statutory provision.
type ProvisionView struct {
	Canonical   string
	Slug        string
	Title       string
	Detail      string
	Path        string // site path of its page
	SectionPath string
	NCND        bool
	Absolute    bool
	Procedural  bool
	Status      string
	URL         string // legislation.gov.uk
	Count       int    // responses citing it, where counted
}

// AttachmentView is a file published with a response.
type AttachmentView struct {
	Name, Title, Type, Size string
	Path                    string
}

// SectionView is an exemption page: one section of one Act.
type SectionView struct {
	ProvisionView
	Regime        string
	RegimeTitle   string
	Nuance        string
	Basis         string
	NCNDProvision *ProvisionView
	Explanation   string
	Count         int
	// Provision is set on the page of a subsection: the filtered view.
	Provision *ProvisionView
	// Subsections counts responses by provision cited, sorted by provision.
	Subsections []ProvisionView
	// ByOutcome counts the responses of the page (the section's, or on a
	// subsection page the provision's) by outcome.
	ByOutcome []TermCount
}

// RegimeGroup lists the sections of one Act.
type RegimeGroup struct {
	Regime   string
	Title    string
	Sections []SectionView
	Count    int
}

// Pager links the pages of a paginated list.
type Pager struct {
	Number, Total int
	First, Last   int // 1-based positions of the first and last item on the page
	Items         int
	Prev, Next    string
	Pages         []PageLink
}

// PageLink is one numbered link of a pager; Path is "" for a gap.
type PageLink struct {
	Number  int
	Path    string
	Current bool
}
