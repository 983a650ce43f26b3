package content

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"
	"time"
	_ "time/tzdata" // embargo times are read in Europe/London on any machine
	"unicode"
	"unicode/utf8"

	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/date"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/exemption"
	"github.com/foilog/foilog/internal/frontmatter"
	"gopkg.in/yaml.v3"
)

// Fields lists every front-matter key a response may have, in the order the
// README documents them.
var Fields = []string{"title", "reference", "slug", "date", "received", "force", "regime", "exemptions",
	"outcome", "topics", "summary", "attachments", "draft", "publish", "aliases"}

var london = mustLoad("Europe/London")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // tzdata is embedded: cannot happen
	}
	return loc
}

// decoder reads one file's front-matter fields into a Response.
type decoder struct {
	r    *Response
	list diag.List
}

// errorf adds an error at n and returns it, for the caller to set its
// Hint.
func (d *decoder) errorf(n *yaml.Node, code, format string, args ...any) *diag.Diagnostic {
	return d.list.Errorf(d.r.Path, n.Line, n.Column, code, format, args...)
}

func decode(r *Response, doc *frontmatter.Document, cfg config.Site) diag.List {
	d := &decoder{r: r}
	r.Lines = map[string]int{}
	values := map[string]*yaml.Node{}
	m := doc.Fields
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !contains(Fields, k.Value) {
			e := d.errorf(k, "frontmatter.unknown-field", "unknown field `%s`", k.Value)
			if s := diag.Suggest(k.Value, Fields); s != "" {
				e.Message += fmt.Sprintf("; did you mean `%s`?", s)
			}
			e.Hint = "fields are " + strings.Join(Fields, ", ")
			continue
		}
		if _, dup := values[k.Value]; dup {
			d.errorf(k, "frontmatter.duplicate-field", "field `%s` is given twice", k.Value).Hint =
				"keep one of the two lines and delete the other"
			continue
		}
		values[k.Value] = v
		r.Lines[k.Value] = k.Line
	}
	startLine := 1
	if len(m.Content) > 0 {
		startLine = m.Content[0].Line
	}
	required := func(key, hint string) *yaml.Node {
		v := values[key]
		if v == nil {
			d.list.Add(diag.Diagnostic{Path: r.Path, Line: startLine, Col: 1, Code: "frontmatter.required",
				Message: fmt.Sprintf("required field `%s` is missing", key), Hint: hint})
			return nil
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			d.list.Add(diag.Diagnostic{Path: r.Path, Line: r.Lines[key], Col: 1, Code: "frontmatter.required",
				Message: fmt.Sprintf("required field `%s` has no value", key), Hint: hint})
			return nil
		}
		return v
	}

	if v := required("title", "add a line such as `title: Use of drones by the force`"); v != nil {
		r.Title = d.text(v, "title", true)
	}
	if v := required("reference", "add the request's reference, such as `reference: FOI 1234/23`"); v != nil {
		r.Reference = d.text(v, "reference", true)
	}
	// given returns the value of an optional field, or nil when it is
	// absent or left empty ("slug:"), so that its default applies.
	given := func(key string) *yaml.Node {
		if v := values[key]; v != nil && !(v.Kind == yaml.ScalarNode && v.Tag == "!!null") {
			return v
		}
		return nil
	}
	if v := given("slug"); v != nil {
		r.Slug = d.text(v, "slug", true)
		if r.Slug != "" && !ValidSlug(r.Slug) {
			e := d.errorf(v, "frontmatter.slug", "slug %q may contain only lower-case letters, digits and single hyphens", r.Slug)
			r.Slug = Slugify(r.Slug)
			if r.Slug != "" {
				e.Hint = fmt.Sprintf("use %q", r.Slug)
			} else {
				e.Hint = "a slug needs at least one letter or digit"
			}
		}
	} else if r.Reference != "" {
		r.Slug = Slugify(r.Reference)
		if r.Slug == "" {
			d.errorf(values["reference"], "frontmatter.slug", "reference %q has no letters or digits to make a page address from", r.Reference).Hint = "add a `slug:` field"
		}
	}
	if len(r.Slug) > MaxSlug {
		// The page is a folder of that name, and file systems refuse names
		// much longer than this.
		at := given("slug")
		if at == nil {
			at = values["reference"]
		}
		d.errorf(at, "frontmatter.slug", "the page address made from this is %d bytes long; foilog allows %d", len(r.Slug), MaxSlug).Hint =
			"add a shorter `slug:`, such as the reference's number"
		r.Slug = ""
	}
	if v := required("date", "add the date of the response, such as `date: 2023-06-14`"); v != nil {
		r.Date = d.date(v, "date")
	}
	if v := values["received"]; v != nil {
		r.Received = d.date(v, "received")
	}
	force := cfg.Authority
	if v := given("force"); v != nil {
		force = d.text(v, "force", true)
		if force != "" && Slugify(force) == "" {
			d.errorf(v, "frontmatter.force", "force %q has no letters or digits to make its address; write its name in words", force).Hint =
				"such as `force: West Midlands Police`, or delete the line to use the authority in foilog.yaml"
		}
	}
	if force != "" {
		r.Force = Term{Name: force, Slug: Slugify(force)}
	}
	r.Regime = exemption.Regime(cfg.Regime)
	if v := values["regime"]; v != nil {
		s := d.text(v, "regime", true)
		if reg, ok := exemption.ParseRegime(s); ok {
			r.Regime = reg
		} else if s != "" {
			d.errorf(v, "frontmatter.regime", "regime %q is not one of FOIA, FOISA, EIR, EISR", s).Hint =
				"FOIA: Freedom of Information Act 2000; FOISA: the Scottish Act; EIR/EISR: environmental information"
		}
	}
	if v := values["exemptions"]; v != nil {
		for _, item := range d.list1(v, "exemptions") {
			text := d.text(item, "exemptions", true)
			if text == "" {
				continue
			}
			c, problems := exemption.ParseCitation(text, r.Regime)
			for _, p := range problems {
				d.list.Add(diag.Diagnostic{Path: r.Path, Line: item.Line, Col: valueCol(item, p.Offset),
					Severity: p.Severity, Code: p.Code, Message: p.Message, Hint: p.Hint})
			}
			r.Citations = append(r.Citations, Cited{Citation: c, Line: item.Line, Col: item.Column})
			r.Provisions = append(r.Provisions, c.Provisions...)
		}
		r.Provisions = uniqueProvisions(r.Provisions)
	}
	if v := required("outcome", "add one of: outcome: disclosed, partial, refused, ncnd, not-held"); v != nil {
		s := strings.ToLower(d.text(v, "outcome", true))
		r.Outcome = Outcome(s)
		if !validOutcome(r.Outcome) && s != "" {
			names := make([]string, 0, 5)
			for _, o := range Outcomes() {
				names = append(names, string(o))
			}
			e := d.errorf(v, "frontmatter.outcome", "outcome %q is not one of %s", s, strings.Join(names, ", "))
			e.Hint = outcomeHint
			if sug := outcomeAlias(s); sug != "" {
				e.Message += fmt.Sprintf("; did you mean `%s`?", sug)
			} else if sug := diag.Suggest(s, names); sug != "" {
				e.Message += fmt.Sprintf("; did you mean `%s`?", sug)
			}
		}
	}
	if v := values["topics"]; v != nil {
		seen := map[string]bool{}
		for _, item := range d.list1(v, "topics") {
			name := d.text(item, "topics", true)
			slug := Slugify(name)
			if name == "" || seen[slug] {
				continue
			}
			if slug == "" {
				d.errorf(item, "frontmatter.topic", "topic %q has no letters or digits to make its address; write it in words", name).Hint =
					"such as `- Drones`, or delete the line"
				continue
			}
			seen[slug] = true
			r.Topics = append(r.Topics, Term{Name: name, Slug: slug})
		}
		sort.Slice(r.Topics, func(i, j int) bool { return r.Topics[i].Slug < r.Topics[j].Slug })
	}
	if v := values["summary"]; v != nil {
		r.Summary = d.text(v, "summary", false)
	}
	if v := values["attachments"]; v != nil {
		for _, item := range d.list1(v, "attachments") {
			r.Attachments = append(r.Attachments, d.attachment(item))
		}
	}
	if v := values["draft"]; v != nil {
		if v.Kind != yaml.ScalarNode {
			d.errorf(v, "frontmatter.type", "field `draft` must be true or false, not a %s", kindName(v)).Hint = draftHint
		} else if v.Tag != "!!bool" {
			e := d.errorf(v, "frontmatter.type", "field `draft` must be true or false, not %q", v.Value)
			e.Hint = draftHint
			if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && (v.Value == "true" || v.Value == "false") {
				e.Hint = "remove the quotes: `draft: " + v.Value + "`"
			}
		} else {
			r.Draft = v.Value == "true" || v.Value == "True" || v.Value == "TRUE" || v.Value == "yes"
			if v.Value != "true" && v.Value != "false" {
				_ = v.Decode(&r.Draft)
			}
		}
	}
	if v := values["publish"]; v != nil {
		r.Publish = d.instant(v)
	}
	if v := values["aliases"]; v != nil {
		seen := map[string]bool{}
		for _, item := range d.list1(v, "aliases") {
			a, ok := d.alias(item)
			switch {
			case !ok || seen[a]: // "/old/" and "/old" are one address
			case r.Slug != "" && a == r.URL():
				e := d.errorf(item, "frontmatter.alias", "alias %q is the address of this response itself", item.Value)
				e.Severity, e.Hint = diag.Warning, "remove it: the response is already there"
			default:
				seen[a] = true
				r.Aliases = append(r.Aliases, a)
				if r.AliasAt == nil {
					r.AliasAt = map[string][2]int{}
				}
				r.AliasAt[a] = [2]int{item.Line, item.Column}
			}
		}
		sort.Strings(r.Aliases)
	}
	return d.list
}

// outcomeHint explains the five outcomes.
const outcomeHint = "disclosed: all the information was given; partial: some was withheld; refused: none was given; " +
	"ncnd: neither confirmed nor denied; not-held: the information is not held"

// draftHint says how to write the draft field.
const draftHint = "write `draft: true` to keep the response unpublished, or delete the line to publish it"

func outcomeAlias(s string) string {
	switch strings.NewReplacer(" ", "", "-", "", "_", "").Replace(s) {
	case "neitherconfirmnordeny", "neitherconfirmednordenied", "ncnd":
		return "ncnd"
	case "notheld", "informationnotheld", "nih":
		return "not-held"
	case "partlydisclosed", "partiallydisclosed", "partdisclosed":
		return "partial"
	case "fullydisclosed", "released", "granted", "full":
		return "disclosed"
	case "refusal", "withheld", "exempt":
		return "refused"
	}
	return ""
}

func validOutcome(o Outcome) bool {
	for _, x := range Outcomes() {
		if o == x {
			return true
		}
	}
	return false
}

// valueCol maps a byte offset inside the text of a scalar, as text returns
// it (trimmed, with every run of white space made one space), to a file
// column. Columns count characters, as the YAML parser's do.
func valueCol(n *yaml.Node, offset int) int {
	raw := n.Value[:rawOffset(n.Value, offset)]
	col := n.Column + utf8.RuneCountInString(raw)
	if n.Style == yaml.DoubleQuotedStyle || n.Style == yaml.SingleQuotedStyle {
		col++
	}
	return col
}

// rawOffset maps a byte offset in strings.Join(strings.Fields(raw), " ")
// back to the byte offset of the same character in raw.
func rawOffset(raw string, offset int) int {
	pos, gap := 0, false
	for i, r := range raw {
		if unicode.IsSpace(r) {
			gap = pos > 0
			continue
		}
		if gap {
			pos++ // the one space that stands for the run
			gap = false
		}
		if pos >= offset {
			return i
		}
		pos += utf8.RuneLen(r)
	}
	return len(raw)
}

// text reads a scalar as a string. Numbers and dates are accepted as
// their literal text (reference: 1234 is "1234").
func (d *decoder) text(n *yaml.Node, key string, single bool) string {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "frontmatter.type", "field `%s` must be text, not a %s", key, kindName(n)).Hint = textHint(n, key)
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	s := strings.TrimSpace(n.Value)
	if single {
		s = oneLine(s)
	}
	if s == "" {
		d.errorf(n, "frontmatter.empty", "field `%s` is empty", key).Hint = emptyHint(key)
	}
	return s
}

// textHint says how to write the value of key as text, when n is not.
func textHint(n *yaml.Node, key string) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "write the value on the same line as `" + key + ":`, not as a list of - lines"
	case yaml.AliasNode:
		return "write the value itself, not a YAML alias such as *name"
	}
	return "write the value on the same line as `" + key + ":`; if it holds `: `, put the whole value in double quotes"
}

// emptyHint says what to write in the field key, left empty.
func emptyHint(key string) string {
	switch key {
	case "title":
		return "give the response a title, such as `title: Use of drones by the force`"
	case "reference":
		return "write the request's reference, such as `reference: FOI 1234/23`"
	case "date":
		return "write the date of the response, such as `date: 2023-06-14`"
	case "received":
		return "write the date the request was received, such as `received: 2023-05-17`, or delete the line"
	case "outcome":
		return "write one of: disclosed, partial, refused, ncnd, not-held"
	case "file":
		return "write the name of the file beside index.md, such as `file: figures.csv`"
	case "exemptions", "topics", "aliases", "attachments":
		return "write a value on the empty line, or delete it"
	}
	return "write a value after `" + key + ":`, or delete the line"
}

// oneLine returns strings.Join(strings.Fields(s), " "): s itself, without
// allocating, when its words are already one space apart.
func oneLine(s string) string {
	prevSpace := true // as if a space came before s, which Fields drops
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && (prevSpace || r != ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = space
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// list1 reads a sequence, or a single scalar as a list of one.
func (d *decoder) list1(n *yaml.Node, key string) []*yaml.Node {
	switch n.Kind {
	case yaml.SequenceNode:
		return n.Content
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil
		}
		return []*yaml.Node{n}
	}
	d.errorf(n, "frontmatter.type", "field `%s` must be a list, not a %s", key, kindName(n)).Hint =
		"write each item on its own line below `" + key + ":`, starting with - and a space"
	return nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "set of fields"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "YAML alias"
	}
	return "value"
}

func (d *decoder) date(n *yaml.Node, key string) date.Date {
	s := d.text(n, key, true)
	if s == "" {
		return date.Date{}
	}
	v, err := date.Parse(s)
	if err != nil {
		e := d.errorf(n, "frontmatter.date", "field `%s`: %v", key, err)
		var de *date.Error
		if errors.As(err, &de) {
			e.Hint = de.Hint
		}
	}
	return v
}

// instant reads publish: an RFC 3339 time, "2026-12-01 09:00" (UK time),
// or a date (midnight UK time).
func (d *decoder) instant(n *yaml.Node) time.Time {
	s := d.text(n, "publish", true)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04"} {
		var t time.Time
		var err error
		if layout == time.RFC3339 {
			t, err = time.Parse(layout, s)
		} else {
			t, err = time.ParseInLocation(layout, s, london)
		}
		if err == nil {
			return t.UTC()
		}
	}
	if day, err := date.Parse(s); err == nil {
		return time.Date(day.Year, day.Month, day.Day, 0, 0, 0, 0, london).UTC()
	}
	d.errorf(n, "frontmatter.publish", "field `publish`: %q is not a date or date and time", s).Hint =
		"use 2026-12-01T09:00:00Z, 2026-12-01 09:00 (UK time) or a date"
	return time.Time{}
}

func (d *decoder) attachment(n *yaml.Node) Attachment {
	a := Attachment{Line: n.Line, Col: n.Column}
	switch n.Kind {
	case yaml.ScalarNode:
		a.Name = d.text(n, "attachments", true)
		if n.Tag == "!!null" {
			d.errorf(n, "frontmatter.empty", "field `attachments` is empty").Hint = emptyHint("attachments")
		}
	case yaml.MappingNode:
		reported := false // a problem with `file:` itself
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			switch k.Value {
			case "file":
				before := len(d.list)
				a.Name = d.text(v, "file", true)
				a.Line, a.Col = v.Line, v.Column
				reported = len(d.list) > before
			case "title":
				a.Title = d.text(v, "title", true)
			default:
				e := d.errorf(k, "frontmatter.unknown-field", "unknown attachment field `%s`", k.Value)
				if s := diag.Suggest(k.Value, []string{"file", "title"}); s != "" {
					e.Message += fmt.Sprintf("; did you mean `%s`?", s)
				}
				e.Hint = "attachments have `file` and `title`"
			}
		}
		if a.Name == "" && !reported {
			d.errorf(n, "frontmatter.required", "attachment has no `file`").Hint =
				"add `file:` with the name of the file beside index.md, such as `file: figures.csv`"
		}
	default:
		d.errorf(n, "frontmatter.type", "each attachment must be a file name or `file:` and `title:`").Hint =
			"write `- figures.csv`, or `- file: figures.csv` with `title: Figures` on the next line, indented under `file`"
	}
	if a.Title == "" {
		a.Title = a.Name
	}
	return a
}

// aliasRootHint says how to write an alias that names the site root or
// climbs out of it.
const aliasRootHint = "write the old page's full path from the site's root, without . or .. folders, such as /disclosure-log/2022/foi-0413-22/"

// alias normalises an old URL to a site path: "/a/b/" → "a/b/",
// "/a/b/index.html" → "a/b/" (the same file), "/a/b.html" stays a file.
func (d *decoder) alias(n *yaml.Node) (string, bool) {
	s := d.text(n, "aliases", true)
	if s == "" {
		return "", false
	}
	if strings.Contains(s, "://") || strings.HasPrefix(s, "//") || strings.ContainsAny(s, "?#\\ ") {
		d.errorf(n, "frontmatter.alias", "alias %q must be a path on this site, such as /disclosure-log/2022/foi-0413-22/", s).Hint =
			"write only the old address's path: the part after the site's name, from / up to any ? or #, with %20 for a space"
		return "", false
	}
	p := strings.TrimPrefix(s, "/")
	clean := path.Clean("/" + p)
	if strings.Contains(p, "..") || clean == "/" {
		d.errorf(n, "frontmatter.alias", "alias %q must name a page below the site root", s).Hint = aliasRootHint
		return "", false
	}
	p = strings.TrimPrefix(clean, "/")
	for _, seg := range strings.Split(p, "/") {
		if len(seg) > MaxSlug {
			d.errorf(n, "frontmatter.alias", "alias %q has a folder or file name of %d bytes; foilog allows %d", s, len(seg), MaxSlug).Hint =
				"file systems refuse such long names: shorten the old address, or leave it out"
			return "", false
		}
	}
	if path.Base(p) == "index.html" {
		p = strings.TrimSuffix(p, "index.html")
		if p == "" {
			d.errorf(n, "frontmatter.alias", "alias %q must name a page below the site root", s).Hint = aliasRootHint
			return "", false
		}
		return p, true
	}
	if !strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".htm") {
		p += "/"
	}
	return p, true
}

func uniqueProvisions(ps []exemption.Provision) []exemption.Provision {
	sort.SliceStable(ps, func(i, j int) bool { return exemption.Compare(ps[i], ps[j]) < 0 })
	out := ps[:0]
	for i, p := range ps {
		if i > 0 && exemption.Compare(p, out[len(out)-1]) == 0 {
			continue
		}
		out = append(out, p)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
