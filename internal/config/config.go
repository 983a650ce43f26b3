// Package config reads the site configuration file, foilog.yaml, at the
// root of a site. Every setting has a default, so a site without the file
// builds.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/frontmatter"
	"gopkg.in/yaml.v3"
)

// FileName is the name of the site configuration file at the site root.
const FileName = "foilog.yaml"

// Site is the site configuration after defaults are applied.
type Site struct {
	// Title names the site in headers and page titles.
	Title string `yaml:"title"`
	// Description is the meta description of the home page.
	Description string `yaml:"description"`
	// BaseURL is where the site is hosted: "https://foi.example.org/foi/"
	// or just a path ("/foi/"). Default "/".
	BaseURL string `yaml:"baseURL"`
	// Authority is the public body publishing the log; it is the default
	// `force` of every response.
	Authority string `yaml:"authority"`
	// Regime is the default FOI regime of responses: FOIA, FOISA, EIR or
	// EISR. Default FOIA.
	Regime string `yaml:"regime"`
	// Language is the BCP 47 language of the content. Default "en-GB".
	Language string `yaml:"language"`
	// PageSize is how many entries a list page shows. Default 20.
	PageSize int `yaml:"pageSize"`
	// Licence is the reuse licence shown in the footer.
	Licence Link `yaml:"licence"`
	// Contact is how the public reaches the FOI team.
	Contact Contact `yaml:"contact"`
	// Accessibility feeds the generated accessibility statement.
	Accessibility Accessibility `yaml:"accessibility"`
	// Lint lists the authority's own published contact details, which the
	// personal-data checks of `foilog check` do not report.
	Lint Lint `yaml:"lint"`
}

// Lint holds allow-lists for the publication-safety checks. The contact
// email and phone are always allowed.
type Lint struct {
	AllowEmails    []string `yaml:"allowEmails"`
	AllowDomains   []string `yaml:"allowDomains"`
	AllowPhones    []string `yaml:"allowPhones"`
	AllowPostcodes []string `yaml:"allowPostcodes"`
}

// Link is a named URL.
type Link struct {
	Name string `yaml:"name"`
	URL  string `yaml:"url"`
}

// Contact holds the FOI team's published contact details.
type Contact struct {
	Email   string `yaml:"email"`
	Phone   string `yaml:"phone"`
	Address string `yaml:"address"`
	URL     string `yaml:"url"`
}

// Accessibility holds what the accessibility statement needs beyond the
// contact details.
type Accessibility struct {
	// Status is "full" or "partial" compliance with WCAG 2.2 AA. Default "full".
	Status string `yaml:"status"`
	// Prepared is the date the statement was prepared (free text, e.g. "1 November 2026").
	Prepared string `yaml:"prepared"`
	// Issues lists known accessibility problems, one sentence each.
	Issues []string `yaml:"issues"`
}

var keys = []string{"title", "description", "baseURL", "authority", "regime", "language", "pageSize", "licence", "contact", "accessibility", "lint"}

// subKeys are the settings inside each group of settings.
var subKeys = map[string][]string{
	"licence":       {"name", "url"},
	"contact":       {"email", "phone", "address", "url"},
	"accessibility": {"status", "prepared", "issues"},
	"lint":          {"allowEmails", "allowDomains", "allowPhones", "allowPostcodes"},
}

// checkKeys reports the keys of mapping m that are not in allowed, with
// the nearest allowed key, and keys given twice. prefix names the group
// ("contact.") in messages.
func checkKeys(m *yaml.Node, prefix string, allowed []string) diag.List {
	var list diag.List
	first := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if line, dup := first[k.Value]; dup {
			list.Add(diag.Diagnostic{Path: FileName, Line: k.Line, Col: k.Column, Code: "config.duplicate-setting",
				Message: fmt.Sprintf("setting `%s%s` is given twice (first on line %d)", prefix, k.Value, line),
				Hint:    "keep one of them"})
			continue
		}
		first[k.Value] = k.Line
		if contains(allowed, k.Value) {
			continue
		}
		d := diag.Diagnostic{Path: FileName, Line: k.Line, Col: k.Column, Code: "config.unknown-setting",
			Message: fmt.Sprintf("unknown setting `%s%s`", prefix, k.Value)}
		if s := diag.Suggest(k.Value, allowed); s != "" {
			d.Message += fmt.Sprintf("; did you mean `%s%s`?", prefix, s)
		}
		d.Hint = "settings are " + prefix + strings.Join(sorted(allowed), ", "+prefix)
		list.Add(d)
	}
	return list
}

// Default returns the configuration used when foilog.yaml is absent.
func Default() Site {
	return Site{
		Title:     "FOI disclosure log",
		BaseURL:   "/",
		Authority: "",
		Regime:    "FOIA",
		Language:  "en-GB",
		PageSize:  20,
		Licence: Link{Name: "Open Government Licence v3.0",
			URL: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"},
		Accessibility: Accessibility{Status: "full"},
	}
}

// Load reads FileName from fsys. A missing file gives Default. Problems
// are reported as diagnostics at the file's line and column.
func Load(fsys fs.FS) (Site, diag.List) {
	cfg := Default()
	src, err := fs.ReadFile(fsys, FileName)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	var list diag.List
	if err != nil {
		list.Errorf(FileName, 0, 0, "config.read", "cannot read site config: %v", err).Hint =
			"check that " + FileName + " is a file and that your account may open it"
		return cfg, list
	}
	return Parse(src)
}

// Parse reads the configuration file's bytes over the defaults.
func Parse(src []byte) (Site, diag.List) {
	cfg := Default()
	var list diag.List
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		fe := toError(err)
		list.Add(diag.Diagnostic{Path: FileName, Line: fe.Line, Col: fe.Col, Code: "config.yaml", Message: fe.Message, Hint: fe.Hint})
		return cfg, list
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return cfg, nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		list.Errorf(FileName, m.Line, m.Column, "config.shape", "site config must be a list of `key: value` settings").Hint =
			"write one setting per line, each a name, a colon and a value, such as `title: Disclosure log`"
		return cfg, list
	}
	list = append(list, checkKeys(m, "", keys)...)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !contains(keys, k.Value) {
			continue
		}
		if sub := subKeys[k.Value]; sub != nil && v.Kind == yaml.MappingNode {
			list = append(list, checkKeys(v, k.Value+".", sub)...)
		}
		if err := v.Decode(fieldPtr(&cfg, k.Value)); err != nil {
			list.Errorf(FileName, v.Line, v.Column, "config.type", "setting `%s` has the wrong type: %s", k.Value, typeMessage(err)).Hint =
				typeHint(k.Value)
		}
	}
	list = append(list, cfg.normalise(m)...)
	return cfg, list
}

func fieldPtr(c *Site, key string) any {
	switch key {
	case "title":
		return &c.Title
	case "description":
		return &c.Description
	case "baseURL":
		return &c.BaseURL
	case "authority":
		return &c.Authority
	case "regime":
		return &c.Regime
	case "language":
		return &c.Language
	case "pageSize":
		return &c.PageSize
	case "licence":
		return &c.Licence
	case "contact":
		return &c.Contact
	case "lint":
		return &c.Lint
	default:
		return &c.Accessibility
	}
}

func (c *Site) normalise(m *yaml.Node) diag.List {
	var list diag.List
	pos := func(key string) (int, int) {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i+1].Line, m.Content[i+1].Column
			}
		}
		return 0, 0
	}
	if c.BaseURL == "" {
		c.BaseURL = "/"
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme != "") != (u.Host != "") || u.RawQuery != "" || u.Fragment != "" {
		l, col := pos("baseURL")
		list.Errorf(FileName, l, col, "config.base-url", "baseURL %q must be an http(s) URL or a path such as /foi/", c.BaseURL).Hint =
			"write the address the site is published at, such as https://www.example.police.uk/foi/, or only its path, /foi/"
	} else if slices.Contains(strings.Split(u.Path, "/"), "..") || slices.Contains(strings.Split(u.Path, "/"), ".") {
		l, col := pos("baseURL")
		list.Errorf(FileName, l, col, "config.base-url", "baseURL %q must not hold . or .. in its path; write the path from the site's root, such as /foi/", c.BaseURL).Hint =
			"remove the . and .. folders: write each folder of the address by name"
	} else if strings.Contains(u.Path, "//") || strings.ContainsAny(c.BaseURL, " \t\n\r") {
		// Object stores and CDNs take /foi//x and /foi/x for different
		// files, and a space would be written unencoded into the sitemap.
		l, col := pos("baseURL")
		list.Errorf(FileName, l, col, "config.base-url", "baseURL %q has an empty folder (//) or a space in its path; write it as %q", c.BaseURL, cleanBaseURL(c.BaseURL)).Hint =
			"write `baseURL: " + cleanBaseURL(c.BaseURL) + "`"
	} else if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	switch strings.ToUpper(c.Regime) {
	case "FOIA", "FOISA", "EIR", "EISR":
		c.Regime = strings.ToUpper(c.Regime)
	default:
		l, col := pos("regime")
		list.Errorf(FileName, l, col, "config.regime", "regime %q is not one of FOIA, FOISA, EIR, EISR", c.Regime).Hint =
			"FOIA: Freedom of Information Act 2000; FOISA: the Scottish Act; EIR/EISR: environmental information"
	}
	if c.Authority != "" && strings.IndexFunc(c.Authority, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		// It names the forces page of every response that gives no force.
		l, col := pos("authority")
		list.Errorf(FileName, l, col, "config.authority", "authority %q has no letters or digits to make its address; write its name in words", c.Authority).Hint =
			"such as `authority: West Midlands Police`"
	}
	if c.PageSize < 1 || c.PageSize > 500 {
		l, col := pos("pageSize")
		list.Errorf(FileName, l, col, "config.page-size", "pageSize %d must be between 1 and 500", c.PageSize).Hint =
			"write how many responses each page of the list shows, such as `pageSize: 20`"
	}
	if c.Accessibility.Status != "full" && c.Accessibility.Status != "partial" {
		l, col := pos("accessibility")
		list.Errorf(FileName, l, col, "config.accessibility", "accessibility status %q must be full or partial", c.Accessibility.Status).Hint =
			"write `status: full` under `accessibility:` if the site meets the accessibility regulations in full, or `status: partial`"
	}
	return list
}

// cleanBaseURL suggests a base URL without empty folders or spaces.
func cleanBaseURL(s string) string {
	s = strings.TrimSpace(s)
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok {
		scheme, rest = "", s
	}
	for strings.Contains(rest, "//") {
		rest = strings.ReplaceAll(rest, "//", "/")
	}
	rest = strings.ReplaceAll(rest, " ", "%20")
	if scheme != "" {
		return scheme + "://" + rest
	}
	return rest
}

// BasePath returns the path part of BaseURL, with leading and trailing
// slashes: "/" or "/foi/".
func (c Site) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// AbsURL returns the absolute URL of a site path ("responses/x/") when
// BaseURL has a scheme and host, else the root-relative URL.
func (c Site) AbsURL(path string) string {
	base := c.BaseURL
	if !strings.Contains(base, "://") {
		base = c.BasePath()
	}
	return base + escapePath(strings.TrimPrefix(path, "/"))
}

// escapePath percent-encodes the bytes of a site path that a URL may not
// hold as they are (letters of other scripts, spaces), in lower-case hex
// and leaving existing escapes alone, as html/template normalises a URL in
// an href: so the sitemap and og:url give the same address as the links.
func escapePath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~!#$&*+,/:;=?@[]", c) >= 0,
			c == '%' && i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2]):
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02x", c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func toError(err error) *frontmatter.Error {
	fe := frontmatter.YAMLError(err, 0)
	fe.Message = strings.Replace(fe.Message, "front-matter", "site config", 1)
	return fe
}

// typeHint says how to write the setting key, given a value of the wrong
// type.
func typeHint(key string) string {
	switch key {
	case "pageSize":
		return "write a whole number, such as `pageSize: 20`"
	case "lint":
		return "list the items of each `lint:` setting on the lines below it, each starting with - and a space"
	case "licence", "contact", "accessibility":
		return "write its settings on the lines below `" + key + ":`, each indented by two spaces, such as `  " + subKeys[key][0] + ":`"
	}
	return "write the value as text on the same line as `" + key + ":`"
}

func typeMessage(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		s = s[i+2:]
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sorted(s []string) []string {
	c := append([]string(nil), s...)
	sort.Strings(c)
	return c
}
