package synth

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/foilog/foilog/internal/date"
)

// documentedKeys are the front-matter keys of docs/ARCHITECTURE.md.
var documentedKeys = []string{
	"title", "reference", "slug", "date", "received", "force", "regime", "exemptions",
	"outcome", "topics", "summary", "attachments", "draft", "publish", "aliases",
}

// parsed is one generated response, read back.
type parsed struct {
	path string
	fm   map[string]*yaml.Node // key → value node
	keys []string              // keys in file order
	body string
}

func (p *parsed) str(key string) string {
	if n := p.fm[key]; n != nil {
		return n.Value
	}
	return ""
}

func (p *parsed) list(key string) []string {
	n := p.fm[key]
	if n == nil {
		return nil
	}
	var out []string
	for _, c := range n.Content {
		out = append(out, c.Value)
	}
	return out
}

// parseSite splits every response of files into front-matter and body,
// failing the test on malformed YAML.
func parseSite(t testing.TB, files []File) []*parsed {
	t.Helper()
	var out []*parsed
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".md") {
			continue
		}
		text := string(f.Data)
		if !strings.HasPrefix(text, "---\n") {
			t.Fatalf("%s: no front-matter", f.Path)
		}
		end := strings.Index(text[4:], "\n---\n")
		if end < 0 {
			t.Fatalf("%s: front-matter not closed", f.Path)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(text[4:4+end+1]), &doc); err != nil {
			t.Fatalf("%s: front-matter: %v", f.Path, err)
		}
		m := doc.Content[0]
		if m.Kind != yaml.MappingNode {
			t.Fatalf("%s: front-matter is not a mapping", f.Path)
		}
		p := &parsed{path: f.Path, fm: map[string]*yaml.Node{}, body: text[4+end+5:]}
		for i := 0; i < len(m.Content); i += 2 {
			k := m.Content[i].Value
			if _, dup := p.fm[k]; dup {
				t.Errorf("%s: key %q twice", f.Path, k)
			}
			p.fm[k] = m.Content[i+1]
			p.keys = append(p.keys, k)
		}
		out = append(out, p)
	}
	return out
}

func TestDeterministic(t *testing.T) {
	a := Generate(Options{N: 400, Seed: 7})
	b := Generate(Options{N: 400, Seed: 7})
	if len(a) != len(b) {
		t.Fatalf("two runs: %d and %d files", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("two runs differ at %s / %s", a[i].Path, b[i].Path)
		}
	}
	c := Generate(Options{N: 400, Seed: 8})
	same := 0
	for i := range min(len(a), len(c)) {
		if bytes.Equal(a[i].Data, c[i].Data) {
			same++
		}
	}
	if same > 1 { // foilog.yaml is the same for every seed
		t.Errorf("seeds 7 and 8 share %d identical files", same)
	}
}

func TestCountAndOrder(t *testing.T) {
	for _, n := range []int{0, 1, 17, 1000} {
		files := Generate(Options{N: n, Seed: 1})
		responses := 0
		for _, f := range files {
			if strings.HasSuffix(f.Path, ".md") {
				responses++
				if !strings.HasPrefix(f.Path, "content/responses/") {
					t.Errorf("response outside content/responses: %s", f.Path)
				}
			}
		}
		if responses != n {
			t.Errorf("N=%d: %d responses", n, responses)
		}
		if !slices.IsSortedFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) }) {
			t.Errorf("N=%d: files not in Path order", n)
		}
		if i := slices.IndexFunc(files, func(f File) bool { return f.Path == ConfigPath }); i < 0 {
			t.Errorf("N=%d: no %s", n, ConfigPath)
		}
	}
}

func TestSiteConfig(t *testing.T) {
	var cfg map[string]string
	if err := yaml.Unmarshal(siteConfig().Data, &cfg); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{"baseURL": "/", "regime": "FOIA", "language": "en-GB", "authority": authority} {
		if cfg[k] != want {
			t.Errorf("foilog.yaml %s = %q, want %q", k, cfg[k], want)
		}
	}
	if cfg["title"] == "" {
		t.Error("foilog.yaml has no title")
	}
}

func TestUnique(t *testing.T) {
	files := Generate(Options{N: 5000, Seed: 3})
	refs, slugs, aliases := map[string]string{}, map[string]string{}, map[string]string{}
	for _, p := range parseSite(t, files) {
		ref := p.str("reference")
		if prev, ok := refs[ref]; ok {
			t.Errorf("reference %q in %s and %s", ref, prev, p.path)
		}
		refs[ref] = p.path
		slug := p.str("slug")
		if slug == "" {
			slug = slugify(ref)
		}
		if prev, ok := slugs[slug]; ok {
			t.Errorf("slug %q in %s and %s", slug, prev, p.path)
		}
		slugs[slug] = p.path
		name := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(p.path, "content/responses/"), "/index.md"), ".md")
		if name != slug {
			t.Errorf("%s: file name differs from slug %q", p.path, slug)
		}
		for _, a := range p.list("aliases") {
			if prev, ok := aliases[a]; ok {
				t.Errorf("alias %q in %s and %s", a, prev, p.path)
			}
			aliases[a] = p.path
		}
	}
}

var (
	isoDate  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	ukDate   = regexp.MustCompile(`^\d{2}/\d{2}/\d{4}$`)
	longForm = regexp.MustCompile(`^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$`)
	numbers  = regexp.MustCompile(`\d+[A-Z]?(\([0-9a-z]+\))*`)
)

var ncndNumbers = []string{"23(5)", "24(2)", "30(3)", "31(3)", "38(2)", "40(5)", "43(3)", "44(2)", "18(1)", "12(6)", "10(8)"}

func TestFrontMatter(t *testing.T) {
	ref := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	files := Generate(Options{N: 3000, Seed: 11, Reference: ref})
	paths := map[string]bool{}
	for _, f := range files {
		paths[f.Path] = true
	}
	forms := map[string]int{}
	outcomes := map[string]int{}
	regimes := map[string]int{}
	var drafts, future, slugs, summaries, aliases, bundles int
	for _, p := range parseSite(t, files) {
		for _, k := range p.keys {
			if !slices.Contains(documentedKeys, k) {
				t.Errorf("%s: undocumented key %q", p.path, k)
			}
		}
		for _, k := range []string{"title", "reference", "date", "outcome"} {
			if n := p.fm[k]; n == nil || n.Kind != yaml.ScalarNode || n.Value == "" {
				t.Errorf("%s: required %s missing or not a scalar", p.path, k)
			}
		}
		if tag := p.fm["reference"].ShortTag(); tag != "!!str" {
			t.Errorf("%s: reference reads as %s", p.path, tag)
		}
		var dates [2]date.Date
		for i, k := range []string{"date", "received"} {
			v := p.str(k)
			if v == "" {
				continue
			}
			switch {
			case isoDate.MatchString(v):
				forms["iso"]++
			case ukDate.MatchString(v):
				forms["uk"]++
			case longForm.MatchString(v):
				forms["long"]++
			default:
				t.Errorf("%s: %s %q in no documented form", p.path, k, v)
			}
			d, err := date.Parse(v)
			if err != nil {
				t.Errorf("%s: %s: %v", p.path, k, err)
			}
			dates[i] = d
		}
		if p.str("received") != "" && dates[0].Before(dates[1]) {
			t.Errorf("%s: response dated before the request", p.path)
		}
		if !dates[0].Before(date.Of(ref)) {
			t.Errorf("%s: dated on or after the reference date", p.path)
		}

		outcome := p.str("outcome")
		outcomes[outcome]++
		regime := p.str("regime")
		if regime == "" {
			regime = "FOIA"
		}
		regimes[regime]++
		if !slices.Contains([]string{"FOIA", "FOISA", "EIR", "EISR"}, regime) {
			t.Errorf("%s: regime %q", p.path, regime)
		}
		if (p.str("force") == "Police Scotland") != (regime == "FOISA" || regime == "EISR") {
			t.Errorf("%s: force %q with regime %s", p.path, p.str("force"), regime)
		}
		ex := p.list("exemptions")
		checkExemptions(t, p.path, outcome, regime, ex)

		if len(p.list("topics")) == 0 {
			t.Errorf("%s: no topics", p.path)
		}
		switch p.str("draft") {
		case "true":
			drafts++
		case "", "false":
		default:
			t.Errorf("%s: draft %q", p.path, p.str("draft"))
		}
		if v := p.str("publish"); v != "" {
			at, err := time.Parse(time.RFC3339, v)
			if err != nil {
				t.Errorf("%s: publish: %v", p.path, err)
			}
			if at.After(ref) {
				future++
			}
		}
		if p.str("slug") != "" {
			slugs++
		}
		if p.str("summary") != "" {
			summaries++
		}
		if len(p.list("aliases")) > 0 {
			aliases++
		}
		if n := p.fm["attachments"]; n != nil {
			bundles++
			if !strings.HasSuffix(p.path, "/index.md") {
				t.Errorf("%s: attachments outside a bundle", p.path)
			}
			for _, a := range n.Content {
				var att struct{ File, Title string }
				if err := a.Decode(&att); err != nil || att.File == "" || att.Title == "" {
					t.Errorf("%s: attachment %v: %v", p.path, att, err)
				}
				if !paths[strings.TrimSuffix(p.path, "index.md")+att.File] {
					t.Errorf("%s: attachment %s not generated", p.path, att.File)
				}
			}
		}
	}
	for _, f := range []string{"iso", "uk", "long"} {
		if forms[f] == 0 {
			t.Errorf("no dates in %s form", f)
		}
	}
	for _, o := range []string{"disclosed", "partial", "refused", "ncnd", "not-held"} {
		if outcomes[o] == 0 {
			t.Errorf("no %s responses", o)
		}
	}
	for _, r := range []string{"FOIA", "FOISA", "EIR", "EISR"} {
		if regimes[r] == 0 {
			t.Errorf("no %s responses", r)
		}
	}
	if regimes["FOIA"] < 3000/2 {
		t.Errorf("only %d of 3000 responses under FOIA", regimes["FOIA"])
	}
	for what, n := range map[string]int{"drafts": drafts, "future embargoes": future, "slugs": slugs, "summaries": summaries, "aliases": aliases, "bundles": bundles} {
		if n == 0 || n > 3000/3 {
			t.Errorf("%d %s in 3000 responses", n, what)
		}
	}
}

// checkExemptions checks that the citations suit the outcome and regime.
func checkExemptions(t *testing.T, path, outcome, regime string, ex []string) {
	t.Helper()
	var nums []string
	for _, e := range ex {
		word := strings.ToLower(strings.Fields(e)[0])
		statute := "section"
		if regime == "EIR" || regime == "EISR" {
			statute = "reg"
		}
		if !strings.HasPrefix(word, statute[:1]) || strings.HasPrefix(word, "s") != (statute == "section") {
			t.Errorf("%s: %q cited under %s", path, e, regime)
		}
		found := numbers.FindAllString(e, -1)
		// "Section 24(2) FOIA" and titles hold no further numbers.
		nums = append(nums, found...)
	}
	switch outcome {
	case "disclosed":
		if len(ex) > 0 {
			t.Errorf("%s: disclosed with exemptions %q", path, ex)
		}
	case "not-held":
		notHeld := map[string]string{"FOIA": "1(1)(a)", "FOISA": "17(1)", "EIR": "12(4)(a)", "EISR": "10(4)(a)"}[regime]
		if len(ex) > 1 || len(ex) == 1 && (len(nums) != 1 || nums[0] != notHeld) {
			t.Errorf("%s: not-held with exemptions %q", path, ex)
		}
	case "ncnd":
		if !slices.ContainsFunc(nums, func(n string) bool { return slices.Contains(ncndNumbers, n) }) {
			t.Errorf("%s: ncnd without an NCND provision: %q", path, ex)
		}
	default:
		if len(ex) == 0 {
			t.Errorf("%s: %s with no exemptions", path, outcome)
		}
	}
	for _, n := range nums {
		p := strings.TrimSuffix(n, "A")
		found := false
		for i := range provisions {
			found = found || provisions[i].regime == regime && provisions[i].num == p
		}
		if !found {
			t.Errorf("%s: %s %s is not a provision the generator knows", path, regime, n)
		}
	}
}

func TestOutcomesAtN200(t *testing.T) {
	for seed := range uint64(20) {
		seen := map[string]bool{}
		for _, p := range parseSite(t, Generate(Options{N: 200, Seed: seed})) {
			seen[p.str("outcome")] = true
		}
		if len(seen) != 5 {
			t.Errorf("seed %d, N=200: outcomes %v", seed, seen)
		}
	}
}

// fieldsWords counts words independently of countWords: fields holding a
// letter or digit.
func fieldsWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

func TestBodyLength(t *testing.T) {
	minSeen, maxSeen := 1<<30, 0
	for _, p := range parseSite(t, Generate(Options{N: 4000, Seed: 5})) {
		w := fieldsWords(p.body)
		minSeen, maxSeen = min(minSeen, w), max(maxSeen, w)
		if w < 300 || w > 1500 {
			t.Errorf("%s: body of %d words", p.path, w)
		}
		if all := len(strings.Fields(p.body)); all > 1500 {
			t.Errorf("%s: body of %d whitespace-separated tokens", p.path, all)
		}
	}
	t.Logf("body words from %d to %d", minSeen, maxSeen)
	if maxSeen < 1200 {
		t.Errorf("longest body has %d words; want some long bodies", maxSeen)
	}
}

func TestBodyContent(t *testing.T) {
	const n = 4000
	files := Generate(Options{N: n, Seed: 9})
	var tables, fences, lists, quotes, boldHeadings, links int
	cite := regexp.MustCompile(`\b(?:Section|Regulation)s? (\d{1,3}[A-Z]?(?:\([0-9a-z]+\))*)(?:[^0-9]|$)`)
	for _, p := range parseSite(t, files) {
		b := p.body
		if strings.ContainsAny(b, "{}") {
			t.Errorf("%s: unexpanded slot in body", p.path)
		}
		if !strings.HasPrefix(b, "\n## ") {
			t.Errorf("%s: body does not open with a section heading", p.path)
		}
		if strings.Contains(b, "\n|---") {
			tables++
		}
		if strings.Contains(b, "\n```") {
			fences++
			if strings.Count(b, "\n```")%2 != 0 {
				t.Errorf("%s: unbalanced code fence", p.path)
			}
		}
		if strings.Contains(b, "\n1. ") || strings.Contains(b, "\n- ") {
			lists++
		}
		if strings.Contains(b, "\n> ") {
			quotes++
		}
		if strings.Contains(b, "## **") {
			boldHeadings++
		}
		if strings.Contains(b, "<https://") {
			links++
		}
		outcome := p.str("outcome")
		pit := strings.Contains(b, "# Public Interest") || strings.Contains(b, "# Public interest") || strings.Contains(b, "# **Public")
		if pit != (strings.Contains(b, "# Balanc") || strings.Contains(b, "# **Balanc")) {
			t.Errorf("%s: public interest test without balancing test, or the reverse", p.path)
		}
		if pit && outcome != "refused" && outcome != "ncnd" && outcome != "partial" {
			t.Errorf("%s: public interest test in a %s response", p.path, outcome)
		}
		// The body cites only provisions named in the front-matter.
		have := numbers.FindAllString(strings.Join(p.list("exemptions"), " "), -1)
		for _, m := range cite.FindAllStringSubmatch(b, -1) {
			if !slices.Contains(have, m[1]) {
				t.Errorf("%s: body cites %q, front-matter has %q", p.path, m[0], p.list("exemptions"))
			}
		}
		for _, want := range [][]string{requestHeadings, responseHeadings, reviewHeadings} {
			if !slices.ContainsFunc(want, func(h string) bool {
				return strings.Contains(b, "\n## "+h+"\n") || strings.Contains(b, "\n## **"+h+"**\n")
			}) {
				t.Errorf("%s: no section headed one of %q", p.path, want)
			}
		}
	}
	for what, c := range map[string][2]int{
		"tables":        {tables, n * 10 / 100},
		"code fences":   {fences, n * 3 / 100},
		"lists":         {lists, n * 8 / 10},
		"block quotes":  {quotes, n * 35 / 100},
		"bold headings": {boldHeadings, n / 5},
		"autolinks":     {links, n * 9 / 10},
	} {
		if c[0] < c[1]*6/10 || c[0] > c[1]*14/10+n/100 {
			t.Errorf("%d %s in %d responses, want about %d", c[0], what, n, c[1])
		}
	}
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".csv") && !bytes.HasSuffix(f.Data, []byte("\n")) {
			t.Errorf("%s: no final newline", f.Path)
		}
	}
}

func TestVocabulary(t *testing.T) {
	files := Generate(Options{N: 2000, Seed: 2})
	words := map[string]bool{}
	var all strings.Builder
	for _, p := range parseSite(t, files) {
		all.WriteString(strings.ToLower(p.body))
		for _, w := range strings.FieldsFunc(strings.ToLower(p.body), func(r rune) bool { return !unicode.IsLetter(r) }) {
			words[w] = true
		}
	}
	t.Logf("%d distinct words", len(words))
	if len(words) < 2500 {
		t.Errorf("%d distinct words in 2,000 bodies; want thousands", len(words))
	}
	text := all.String()
	for _, s := range []string{"taser", "anpr", "drone", "overtime", "body worn video", "facial recognition", "stop and search", "fleet"} {
		if !strings.Contains(text, s) {
			t.Errorf("no %q in any body", s)
		}
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	opts := Options{N: 300, Seed: 4}
	n, err := Write(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if n != 300 {
		t.Errorf("Write returned %d, want 300", n)
	}
	want := Generate(opts)
	var got []string
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		got = append(got, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	if len(got) != len(want) {
		t.Fatalf("Write made %d files, Generate %d", len(got), len(want))
	}
	for i, f := range want {
		if got[i] != f.Path {
			t.Fatalf("file %d: Write %s, Generate %s", i, got[i], f.Path)
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, f.Data) {
			t.Errorf("%s: Write and Generate differ", f.Path)
		}
	}
}

func TestReferenceDate(t *testing.T) {
	ref := time.Date(2030, 6, 15, 13, 0, 0, 0, time.UTC)
	for _, p := range parseSite(t, Generate(Options{N: 500, Seed: 1, Reference: ref})) {
		d, err := date.Parse(p.str("date"))
		if err != nil {
			t.Fatal(err)
		}
		if d.Year < 2023 || !d.Before(date.Of(ref)) {
			t.Errorf("%s: date %s outside the seven years before %s", p.path, p.str("date"), ref.Format("2006-01-02"))
		}
	}
}

func TestDraftEvery(t *testing.T) {
	count := func(every int) int {
		n := 0
		for _, p := range parseSite(t, Generate(Options{N: 2000, Seed: 1, DraftEvery: every})) {
			if p.str("draft") == "true" {
				n++
			}
		}
		return n
	}
	if n := count(-1); n != 0 {
		t.Errorf("DraftEvery -1: %d drafts", n)
	}
	if n := count(10); n < 120 || n > 280 {
		t.Errorf("DraftEvery 10: %d drafts in 2000", n)
	}
	if n := count(0); n < 2 || n > 25 {
		t.Errorf("DraftEvery 0: %d drafts in 2000", n)
	}
}

func TestExemptionSetsKnown(t *testing.T) {
	for _, regime := range []string{foia, foisa, eir, eisr} {
		for _, outcome := range []string{"partial", "refused", "ncnd", "not-held"} {
			sets := exemptionSets[regime][outcome]
			if len(sets) == 0 {
				t.Errorf("%s %s: no exemption sets", regime, outcome)
			}
			for _, set := range sets {
				ncnd := false
				for _, num := range set {
					ncnd = ncnd || prov(regime, num).ncnd
				}
				if ncnd != (outcome == "ncnd") {
					t.Errorf("%s %s: set %v", regime, outcome, set)
				}
			}
		}
	}
}

func TestYAMLString(t *testing.T) {
	for _, s := range []string{"plain text", "a: b", "#hash", "yes", "No", "123", "- dash", "with, comma", "[x]", "Sections 23(5) and 24(2)", "it's", `say "hi"`, "£450", "x #y", "end:"} {
		for _, flow := range []bool{false, true} {
			doc := "k: " + yamlString(s, flow) + "\n"
			if flow {
				doc = "k: [" + yamlString(s, flow) + "]\n"
			}
			var v map[string]any
			if err := yaml.Unmarshal([]byte(doc), &v); err != nil {
				t.Errorf("%q (flow %v): %v", s, flow, err)
				continue
			}
			got := v["k"]
			if flow {
				got = v["k"].([]any)[0]
			}
			if got != s {
				t.Errorf("%q (flow %v) reads back as %#v", s, flow, got)
			}
		}
	}
}

func TestWrap(t *testing.T) {
	var b strings.Builder
	wrap(&b, "one two three four five six seven 1. eight - nine", 10)
	for _, line := range strings.Split(b.String(), "\n") {
		if startsBlock(strings.Fields(line)[0]) {
			t.Errorf("line %q starts a Markdown block", line)
		}
	}
	if got := strings.Join(strings.Fields(b.String()), " "); got != "one two three four five six seven 1. eight - nine" {
		t.Errorf("wrap lost words: %q", got)
	}
}

func BenchmarkGenerate10k(b *testing.B) {
	var bytes int
	for b.Loop() {
		bytes = 0
		for _, f := range Generate(Options{N: 10000, Seed: 1}) {
			bytes += len(f.Data)
		}
	}
	b.ReportMetric(float64(bytes)/1e6, "MB/op")
}

func ExampleGenerate() {
	files := Generate(Options{N: 3, Seed: 1})
	responses := 0
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".md") {
			responses++
		}
	}
	fmt.Println(responses, "responses")
	fmt.Printf("%s", files[len(files)-1].Data) // foilog.yaml sorts last
	// Output:
	// 3 responses
	// title: Synthetic disclosure log
	// authority: West Midlands Police
	// baseURL: /
	// regime: FOIA
	// language: en-GB
}
