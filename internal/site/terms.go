package site

import (
	"fmt"

	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/diag"
)

// unifyTerms gives every force and topic one label, used on its page, in
// lists, on response pages and in search: spellings that make the same
// address ("Cyber security", "Cyber-security", "cyber security") are one
// term, and it must not take whichever spelling the newest response has.
//
// The label of a term written more than one way is, for a force, the
// site's authority when that is one of the spellings; otherwise the
// spelling most responses use; on a tie, the one the oldest of them uses
// (rs is newest first with a fixed tie-break, so this is deterministic,
// and a new response cannot rename a term unless its spelling comes to be
// used more). Each response that writes the term another way gets a
// warning at its `force` or `topics` line.
//
// It returns rs with each such response replaced by a copy carrying the
// labels (the loaded responses, which a cache may hold, are not changed),
// and the warnings. The copy's Hash is extended with the labels, so that
// what is kept between builds under it (its pages) is made again when a
// label changes.
func unifyTerms(rs []*content.Response, authority string) ([]*content.Response, diag.List) {
	forces := newSpellings()
	topics := newSpellings()
	for i, r := range rs {
		if r.Force.Slug != "" {
			forces.add(r.Force, i)
		}
		for _, t := range r.Topics {
			topics.add(t, i)
		}
	}
	if !forces.varied && !topics.varied {
		return rs, nil
	}
	forces.choose(content.Slugify(authority), authority)
	topics.choose("", "")

	var list diag.List
	out := make([]*content.Response, len(rs))
	for i, r := range rs {
		out[i] = r
		force, changed := r.Force, false
		if l, ok := forces.label[force.Slug]; ok && l.name != force.Name {
			list.Add(forces.warning(r, "force", "force", force.Name, l))
			force.Name, changed = l.name, true
		}
		var relabelled []content.Term
		for j, t := range r.Topics {
			l, ok := topics.label[t.Slug]
			if !ok || l.name == t.Name {
				continue
			}
			list.Add(topics.warning(r, "topic", "topics", t.Name, l))
			if relabelled == nil {
				relabelled = append([]content.Term(nil), r.Topics...)
			}
			relabelled[j].Name, changed = l.name, true
		}
		if !changed {
			continue
		}
		c := *r
		c.Force = force
		if relabelled != nil {
			c.Topics = relabelled
		}
		c.Hash += "|labels:" + force.Name
		for _, t := range c.Topics {
			c.Hash += "|" + t.Name
		}
		out[i] = &c
	}
	return out, list
}

// spellings counts how each term of one kind is written.
type spellings struct {
	// bySlug holds, for each address, its spellings in order of first
	// appearance.
	bySlug map[string][]*spelling
	// label holds the chosen label of each address written more than one
	// way.
	label  map[string]*spelling
	varied bool
}

// spelling is one way a term is written.
type spelling struct {
	name   string
	count  int    // responses that write it so
	oldest int    // index of the oldest of them
	why    string // for the chosen label: why it was chosen
}

func newSpellings() *spellings {
	return &spellings{bySlug: map[string][]*spelling{}, label: map[string]*spelling{}}
}

func (s *spellings) add(t content.Term, i int) {
	ss := s.bySlug[t.Slug]
	for _, sp := range ss {
		if sp.name == t.Name {
			sp.count++
			sp.oldest = i
			return
		}
	}
	if len(ss) > 0 {
		s.varied = true
	}
	s.bySlug[t.Slug] = append(ss, &spelling{name: t.Name, count: 1, oldest: i})
}

// choose picks the label of every address written more than one way:
// preferred when it is one of the spellings of preferredSlug, else the
// spelling with the most responses, then the one used by the oldest.
func (s *spellings) choose(preferredSlug, preferred string) {
	for slug, ss := range s.bySlug {
		if len(ss) < 2 {
			continue
		}
		best := ss[0]
		for _, sp := range ss[1:] {
			if sp.count > best.count || sp.count == best.count && sp.oldest > best.oldest {
				best = sp
			}
		}
		best.why = "the spelling most responses use"
		for _, sp := range ss {
			if sp != best && sp.count == best.count {
				best.why = "the spelling used first"
			}
		}
		if slug == preferredSlug {
			for _, sp := range ss {
				if sp.name == preferred {
					best = sp
					best.why = "the authority in foilog.yaml"
				}
			}
		}
		s.label[slug] = best
	}
}

// warning reports that r writes a term of the given kind ("force" or
// "topic", in the front-matter field named field) as name where its label
// is l.
func (s *spellings) warning(r *content.Response, kind, field, name string, l *spelling) diag.Diagnostic {
	n := "responses"
	if l.count == 1 {
		n = "response"
	}
	return diag.Diagnostic{Path: r.Path, Line: r.Lines[field], Col: 1, Severity: diag.Warning, Code: "content." + kind + "-spelling",
		Message: fmt.Sprintf("%s %q is also written %q (in %d %s); use one spelling", kind, name, l.name, l.count, n),
		Hint:    fmt.Sprintf("the site shows %q everywhere: %s", l.name, l.why)}
}
