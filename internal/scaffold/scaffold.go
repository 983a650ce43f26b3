// Package scaffold writes the starting point of a new response for
// `foilog new`: a Markdown file in content/responses/ with every
// front-matter field filled in or explained in a comment, the next
// reference number of the log, `draft: true` so that nothing publishes
// until the author removes it, and the usual sections of a response.
package scaffold

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/date"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/exemption"
	"github.com/foilog/foilog/internal/lint"
	"gopkg.in/yaml.v3"
)

// Options describes the response to create.
type Options struct {
	// Title is the response's title; the file name is its slug.
	Title string
	// Reference is the reference to use; empty means NextReference of the
	// references already in the log.
	Reference string
	// Outcome is preselected in the front-matter; empty means disclosed.
	Outcome content.Outcome
	// Regime is the FOI regime; empty means the site's default regime.
	Regime exemption.Regime
	// Force is the body that answered; empty leaves the field commented
	// out, so the site's authority applies.
	Force string
	// Today is the date of the response.
	Today date.Date
}

// ErrExists is returned (wrapped) by Create when the file, or a response
// folder of the same name, already exists.
var ErrExists = errors.New("already exists")

// ErrReferenceUsed is returned (wrapped) by Create when Options.Reference
// is already the reference of a response in the log, or would give a page
// address another response has: the build would refuse the log.
var ErrReferenceUsed = errors.New("reference already used")

// usedError is the error of a reference already used: its message alone,
// matching ErrReferenceUsed.
type usedError struct{ msg string }

func (e *usedError) Error() string        { return e.msg }
func (e *usedError) Is(target error) bool { return target == ErrReferenceUsed }

// MaxSlug is the longest file name, in bytes and without ".md", that
// Path makes from a title: a longer slug is cut at the last hyphen that
// keeps it this short, else at the last whole character. (Bytes, since
// file systems count them: 80 letters of a Latin title, about 26 of a
// Japanese one.)
const MaxSlug = 80

// Path returns the slash path, relative to the site root, of the file
// for a response titled title: "content/responses/<slug>.md", the slug
// cut to at most MaxSlug bytes at a word boundary. It is an error for a
// title with no letters or digits.
func Path(title string) (string, error) {
	slug := content.Slugify(title)
	if slug == "" {
		return "", fmt.Errorf("title %q has no letters or digits to make a file name from", title)
	}
	if len(slug) > MaxSlug {
		cut := slug[:MaxSlug]
		if i := strings.LastIndexByte(slug[:MaxSlug+1], '-'); i > 0 {
			cut = slug[:i] // the hyphen ends a word
		} else {
			for len(cut) > 0 && !utf8.RuneStart(slug[len(cut)]) {
				cut = cut[:len(cut)-1] // not inside a character
			}
		}
		slug = strings.TrimSuffix(cut, "-")
	}
	return content.Dir + "/" + slug + ".md", nil
}

// Create writes a new response into the site at root and returns its
// slash path relative to root. It never overwrites: when the file (or a
// bundle folder content/responses/<slug>/) exists it returns an error
// wrapping ErrExists that names it. The site configuration supplies the
// default regime; the existing responses (drafts and embargoed ones
// included) supply the next reference, which is never one the log
// already uses. A reference given in opts that the log already uses, or
// whose page address another response has, is refused with an error
// wrapping ErrReferenceUsed that names the file using it (joined to
// root, as the user's shell sees it).
func Create(root string, opts Options) (string, error) {
	rel, err := Path(opts.Title)
	if err != nil {
		return "", err
	}
	fsys := os.DirFS(root)
	for _, p := range []string{rel, strings.TrimSuffix(rel, ".md")} {
		if _, err := fs.Stat(fsys, p); err == nil {
			return "", fmt.Errorf("%s %w; foilog new never overwrites a file: choose another title, or rename or delete it", p, ErrExists)
		}
	}
	cfg, _ := config.Load(fsys) // a broken config still gives defaults; `serve` and `build` report it
	if opts.Regime == "" {
		opts.Regime = exemption.Regime(cfg.Regime)
	}
	responses, _ := content.Load(fsys, cfg) // problems are for check and build; numbering needs the references
	if opts.Reference == "" {
		opts.Reference = NextReference(References(responses, opts.Regime), opts.Today.Year, func(ref string) bool {
			_, why := usedBy(responses, rel, ref)
			return why != ""
		})
	} else if p, why := usedBy(responses, rel, opts.Reference); why != "" {
		return "", &usedError{fmt.Sprintf("reference %q %s %s; every response needs its own: give another, or leave out --reference to get the next free one",
			opts.Reference, why, filepath.Join(root, filepath.FromSlash(p)))}
	}
	data, err := Render(opts)
	if err != nil {
		return "", err
	}
	full := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return "", fmt.Errorf("create %s: %w", rel, err)
	}
	// Write a hidden temporary file beside it, then link it into place:
	// the response appears whole or not at all (a watching preview never
	// reads half a file), and the link fails rather than overwrite.
	tmp, err := os.CreateTemp(filepath.Dir(full), ".foilog-new-*.tmp")
	if err != nil {
		return "", fmt.Errorf("create %s: %w", rel, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return "", fmt.Errorf("create %s: %w", rel, err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("create %s: %w", rel, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", fmt.Errorf("create %s: %w", rel, err)
	}
	if err := os.Link(tmp.Name(), full); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("%s %w; foilog new never overwrites a file", rel, ErrExists)
		}
		return "", fmt.Errorf("create %s: %w", rel, err)
	}
	return rel, nil
}

// References returns the references of responses, in order, for
// numbering. When some responses are under regime, only theirs are
// returned, so that an EIR response follows the log's EIR numbering;
// else all are. Responses without a reference are skipped.
func References(responses []*content.Response, regime exemption.Regime) []string {
	var all, same []string
	for _, r := range responses {
		ref := strings.TrimSpace(r.Reference)
		if ref == "" {
			continue
		}
		all = append(all, ref)
		if r.Regime == regime {
			same = append(same, ref)
		}
	}
	if len(same) > 0 {
		return same
	}
	return all
}

// usedBy reports whether a new response at path rel with reference ref
// would clash with one of responses, compared exactly as the build
// compares them (content.CheckLog): references ignoring case and spacing,
// and page addresses, which are made from the reference. It returns the
// path of the response in the way and what it holds ("is already used
// by", "gives a page address already taken by"), or "", "" when ref is
// free.
func usedBy(responses []*content.Response, rel, ref string) (path, why string) {
	cand := &content.Response{Path: rel, Reference: ref, Slug: content.Slugify(ref)}
	for _, d := range content.CheckLog(append(responses[:len(responses):len(responses)], cand)) {
		other := ""
		switch {
		case d.Path == rel && len(d.Related) > 0:
			other = d.Related[0].Path
		case d.Path != rel && slices.ContainsFunc(d.Related, func(r diag.Diagnostic) bool { return r.Path == rel }):
			other = d.Path
		default:
			continue
		}
		if d.Code == "content.duplicate-reference" {
			return other, "is already used by"
		}
		return other, "gives the page address /" + cand.URL() + ", which is already taken by"
	}
	return "", ""
}

// Examples returns example citations for a response under regime with
// outcome, as staff write them, for the comment under `exemptions:`. An
// NCND outcome gets neither-confirm-nor-deny provisions.
func Examples(regime exemption.Regime, outcome content.Outcome) []string {
	if outcome == content.NCND {
		switch regime {
		case exemption.FOISA:
			return []string{"Section 18(1) Neither confirm nor deny", "Section 35(1)(a) Law enforcement"}
		case exemption.EIR:
			return []string{"Regulation 12(6) Neither confirm nor deny", "Regulation 12(5)(a) Public safety"}
		case exemption.EISR:
			return []string{"Regulation 10(8) Neither confirm nor deny", "Regulation 10(5)(a) Public safety"}
		}
		return []string{"Section 23(5) Security bodies", "Section 24(2) National security",
			"Section 31(3) Law enforcement", "Section 40(5) Personal information"}
	}
	switch regime {
	case exemption.FOISA:
		return []string{"Section 38(1)(b) Personal information", "Section 35(1)(a) Law enforcement",
			"Section 34(1)(b) Investigations"}
	case exemption.EIR:
		return []string{"Regulation 13 Personal data", "Regulation 12(5)(a) Public safety",
			"Regulation 12(4)(b) Manifestly unreasonable"}
	case exemption.EISR:
		return []string{"Regulation 11(2) Personal data", "Regulation 10(5)(a) Public safety",
			"Regulation 10(4)(b) Manifestly unreasonable"}
	}
	return []string{"Section 40(2) Personal information", "Section 31(1)(a) Law enforcement",
		"Section 24(1) National security", "Section 12(1) Cost of compliance"}
}

// Render returns the new response file: front-matter with every field,
// comments listing the valid outcomes and example citations, `draft:
// true`, and a body with the sections Request and Response, then Harm,
// Public Interest Test and Balancing Test with a comment saying when to
// delete them.
func Render(opts Options) ([]byte, error) {
	if strings.TrimSpace(opts.Title) == "" {
		return nil, errors.New("a new response needs a title")
	}
	outcome := opts.Outcome
	if outcome == "" {
		outcome = content.Disclosed
	}
	valid := false
	var names []string
	for _, o := range content.Outcomes() {
		names = append(names, string(o))
		valid = valid || o == outcome
	}
	if !valid {
		return nil, fmt.Errorf("outcome %q is not one of %s", outcome, strings.Join(names, ", "))
	}
	regime := opts.Regime
	if regime == "" {
		regime = exemption.FOIA
	}
	if !regime.Valid() {
		return nil, fmt.Errorf("regime %q is not one of FOIA, FOISA, EIR, EISR", regime)
	}
	if opts.Today.IsZero() {
		return nil, errors.New("a new response needs today's date")
	}

	var b strings.Builder
	field := func(key, value, comment string) {
		line := key + ":"
		if value != "" {
			line += " " + value
		}
		if comment != "" {
			line = fmt.Sprintf("%-34s # %s", line, comment)
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("---\n")
	field("title", yamlString(opts.Title), "")
	field("reference", quoted(opts.Reference), "next in this log's numbering; change it if your case system says otherwise")
	field("date", opts.Today.String(), "date the response was sent (today); update it when you send it")
	field("received", "", "date the request arrived, such as 2026-04-22: fill in or delete")
	if opts.Force != "" {
		field("force", yamlString(opts.Force), "the body that answered; delete to use the site's authority")
	} else {
		field("# force", "Example Police", "the body that answered, when not the site's authority")
	}
	field("regime", string(regime), "FOIA, FOISA, EIR or EISR")
	field("outcome", string(outcome), "one of:")
	for _, o := range content.Outcomes() {
		fmt.Fprintf(&b, "#   %-9s  %s. %s\n", o, o.Label(), o.Description())
	}
	field("exemptions", "", "for partial, refused and ncnd: one line each, as you write them, e.g.")
	for _, e := range Examples(regime, outcome) {
		fmt.Fprintf(&b, "#  - %s\n", e)
	}
	field("topics", "[]", "subjects for the topic pages, e.g. [Body worn video, Data retention]")
	b.WriteString("# summary: one paragraph for lists and search; without it the first paragraph of the text is used\n")
	field("draft", "true", "nothing is published while this line is here: delete it when the response is ready")
	b.WriteString("---\n\n")
	b.WriteString(body(outcome, regime))
	return []byte(b.String()), nil
}

// body returns the Markdown skeleton of a response.
func body(outcome content.Outcome, regime exemption.Regime) string {
	unit := "section"
	if regime.Regulations() {
		unit = "regulation"
	}
	var b strings.Builder
	b.WriteString("<!-- The first paragraph is the summary shown in lists and search results. -->\n")
	b.WriteString(lint.Placeholder("one or two sentences saying what was asked for and what was decided.") + "\n\n")
	b.WriteString("## Request\n\n")
	b.WriteString("<!-- Quote the request, without the requester's name or contact details. -->\n")
	b.WriteString("> " + lint.Placeholder("the request as received.") + "\n\n")
	b.WriteString("## Response\n\n")
	b.WriteString(lint.Placeholder("what was disclosed, or why it was not, citing each exemption where it applies.") + "\n\n")
	switch outcome {
	case content.Disclosed, content.NotHeld:
		b.WriteString("<!-- For a partial, refused or NCND response keep the three sections below and explain each exemption.\n" +
			"     Delete them when everything was disclosed or the information is not held. -->\n\n")
	default:
		b.WriteString("<!-- Explain each exemption below. An absolute exemption needs no public interest test: then\n" +
			"     delete the Public Interest Test and Balancing Test sections. Delete all three if the outcome\n" +
			"     becomes disclosed. -->\n\n")
	}
	fmt.Fprintf(&b, "## Harm\n\n%s\n\n", lint.Placeholder(fmt.Sprintf("the harm that disclosure would cause, for each %s cited.", unit)))
	b.WriteString("## Public Interest Test\n\n")
	b.WriteString("### Factors favouring disclosure\n\n" + lint.Placeholder("") + "\n\n")
	b.WriteString("### Factors favouring non-disclosure\n\n" + lint.Placeholder("") + "\n\n")
	b.WriteString("## Balancing Test\n\n" + lint.Placeholder("how the factors were weighed and the decision reached.") + "\n")
	return b.String()
}

// yamlString returns s as a YAML scalar: plain when that reads back as
// the same text, else double-quoted.
func yamlString(s string) string {
	var doc yaml.Node
	if strings.ContainsAny(s, "#\n") || yaml.Unmarshal([]byte("v: "+s), &doc) != nil {
		return quoted(s)
	}
	if m := doc.Content; len(m) == 1 && len(m[0].Content) == 2 {
		if v := m[0].Content[1]; v.Kind == yaml.ScalarNode && v.Tag == "!!str" && v.Value == s {
			return s
		}
	}
	return quoted(s)
}

// quoted returns s double-quoted for YAML (JSON strings are valid YAML).
func quoted(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
