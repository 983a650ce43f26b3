package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/date"
	"github.com/foilog/foilog/internal/exemption"
	"github.com/foilog/foilog/internal/lint"
	"github.com/foilog/foilog/internal/site"
)

func TestNextReference(t *testing.T) {
	for _, tc := range []struct {
		name string
		refs []string
		year int
		want string
	}{
		{"empty log falls back", nil, 2026, "FOI 0001/26"},
		{"no numbers falls back", []string{"Cameras", "Drones"}, 2026, "FOI 0001/26"},
		{"number/yy in the year", []string{"FOI 0413/26", "FOI 0412/26", "FOI 0999/25"}, 2026, "FOI 0414/26"},
		{"number/yy first of a new year", []string{"FOI 0413/25", "FOI 1999/24"}, 2026, "FOI 0001/26"},
		{"letter suffixes ignored", []string{"FOI 1648A/26", "FOI 1927A/26", "FOI 0413/26"}, 2026, "FOI 1928/26"},
		{"fixed width without zeros", []string{"FOI 1648/26", "FOI 1927/26"}, 2026, "FOI 1928/26"},
		{"fixed width, new year", []string{"FOI 1648/25", "FOI 1927/25"}, 2026, "FOI 0001/26"},
		{"prefix-yyyy-number", []string{"FOI-2026-0871", "FOI-2026-0870", "FOI-2025-1590"}, 2026, "FOI-2026-0872"},
		{"prefix-yyyy-number new year", []string{"FOI-2024-0871", "FOI-2025-1590"}, 2026, "FOI-2026-0001"},
		{"slashes", []string{"MP/FOI/2026/0907", "MP/FOI/2026/0342", "MP/FOI/2024/0219"}, 2026, "MP/FOI/2026/0908"},
		{"unpadded numbers stay unpadded", []string{"FOI 7/26", "FOI 12/26", "FOI 113/26"}, 2026, "FOI 114/26"},
		{"padding from zero-padded values", []string{"REQ-26-009", "REQ-26-1234"}, 2026, "REQ-26-1235"},
		{"no year: plain sequence", []string{"FOI-000123", "FOI-000122"}, 2026, "FOI-000124"},
		{"dominant pattern wins", []string{"FOI 2023-0588", "FOI-2026-0001", "FOI-2026-0002", "FOI 0001/26"}, 2026, "FOI-2026-0003"},
		{"tie broken by pattern text", []string{"MP/FOI/2026/0001", "FOI 0004/26"}, 2026, "FOI 0005/26"},
		{"year first four digits, both plausible", []string{"FOI 2026-2011"}, 2026, "FOI 2026-2012"},
		{"spaces around", []string{"  EIR 2026-0031  "}, 2026, "EIR 2026-0032"},
		{"the repository's example log", []string{"FOI 2023-0588", "FOI-2022-1590", "FOI 0413/22", "FOI 0788A/24",
			"FOI 1927A/23", "FOI 2024-1342", "FOI 2022-0764", "FOI-2024-0871", "FOI-2022-0356", "FOI 2211A/24"}, 2026, "FOI 0001/26"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := NextReference(tc.refs, tc.year, nil); got != tc.want {
				t.Errorf("NextReference(%q, %d) = %q, want %q", tc.refs, tc.year, got, tc.want)
			}
		})
	}
}

// log returns responses with references refs, as content.Load would.
func log(refs ...string) []*content.Response {
	var out []*content.Response
	for i, ref := range refs {
		out = append(out, &content.Response{Path: fmt.Sprintf("content/responses/r%d.md", i), Reference: ref,
			Slug: content.Slugify(ref)})
	}
	return out
}

func TestNextReferenceNeverDuplicates(t *testing.T) {
	taken := func(responses []*content.Response) func(string) bool {
		return func(ref string) bool { _, why := usedBy(responses, "content/responses/new.md", ref); return why != "" }
	}
	for _, tc := range []struct {
		name        string
		refs, other []string // other: references of another regime
		want        string
	}{
		// A hand-typed reference already holds the next number.
		{"hand-typed, other case and spacing", []string{"FOI 0001/26", "FOI 0003/26", "foi  0004/26"}, nil, "FOI 0005/26"},
		{"trailing space", []string{"FOI 0001/26 "}, nil, "FOI 0002/26"},
		// The log's other regime numbers in the same series.
		{"another regime holds the number", []string{"FOI 0007/24"}, []string{"FOI 0001/26", "FOI 0002/26"}, "FOI 0003/26"},
		// Not the same reference, but the same page address.
		{"same page address", []string{"FOI 0001/26"}, []string{"FOI-0002-26"}, "FOI 0003/26"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := NextReference(tc.refs, 2026, taken(log(append(tc.refs, tc.other...)...))); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

var today = date.Date{Year: 2026, Month: time.November, Day: 27}

func TestPath(t *testing.T) {
	p, err := Path("Body worn video retention")
	if err != nil || p != "content/responses/body-worn-video-retention.md" {
		t.Errorf("Path = %q, %v", p, err)
	}
	for _, tc := range []struct{ title, slug string }{
		// Cut at the last word that fits, never inside a word.
		{strings.Repeat("Overtime costs ", 30), strings.TrimSuffix(strings.Repeat("overtime-costs-", 5), "-")},
		{strings.Repeat("a", 79) + " bcd", strings.Repeat("a", 79)},
		{strings.Repeat("a", 80) + " bcd", strings.Repeat("a", 80)},
		{strings.Repeat("a", 75) + " bcd efg", strings.Repeat("a", 75) + "-bcd"},
		// One very long word is cut where it must be.
		{strings.Repeat("x", 300), strings.Repeat("x", 80)},
		// A long title in a script of several bytes a letter, with no
		// spaces, is cut between letters: 26 of 3 bytes make 78 bytes.
		{strings.Repeat("情報公開請求への回答", 10), string([]rune(strings.Repeat("情報公開請求への回答", 10))[:26])},
		{strings.Repeat("Дорожная полиция ", 10), strings.Repeat("дорожная-полиция-", 2) + "дорожная"}, // 80 bytes
	} {
		p, err := Path(tc.title)
		if want := "content/responses/" + tc.slug + ".md"; err != nil || p != want {
			t.Errorf("Path(%.20q…) = %q, %v; want %q", tc.title, p, err, want)
		}
	}
	if _, err := Path("— ? —"); err == nil {
		t.Errorf("Path of a title without letters succeeded")
	}
}

// newSite makes a site folder with a config and some responses.
func newSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func response(ref, regime string) string {
	return "---\ntitle: T\nreference: \"" + ref + "\"\ndate: 2026-01-02\nregime: " + regime + "\noutcome: disclosed\n---\nText.\n"
}

func TestCreateNumbersFromTheLog(t *testing.T) {
	root := newSite(t, map[string]string{
		"foilog.yaml":                   "title: Log\nregime: FOIA\n",
		"content/responses/a.md":        response("FOI-2026-0041", "FOIA"),
		"content/responses/b/index.md":  response("FOI-2026-0040", "FOIA"),
		"content/responses/c.md":        response("EIR 2026-0007", "EIR"),
		"content/responses/broken.md":   "---\ntitle: [\n---\n",
		"content/responses/noref.md":    "---\ntitle: x\n---\n",
		"content/responses/other.txt":   "not a response",
		"content/responses/d.md":        response("FOI-2025-0999", "FOIA"),
		"content/responses/e/figs.csv":  "a,b\n",
		"content/responses/f/index.md~": response("FOI-2026-0099", "FOIA"),
	})
	p, err := Create(root, Options{Title: "Body worn video retention", Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if p != "content/responses/body-worn-video-retention.md" {
		t.Errorf("created %s", p)
	}
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `reference: "FOI-2026-0042"`) {
		t.Errorf("reference not FOI-2026-0042:\n%s", data)
	}

	// An EIR response follows the log's EIR numbering.
	p, err = Create(root, Options{Title: "Depot air quality", Regime: exemption.EIR, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	data, _ = os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
	if !strings.Contains(string(data), `reference: "EIR 2026-0008"`) || !strings.Contains(string(data), "regime: EIR") {
		t.Errorf("EIR response not numbered EIR 2026-0008:\n%s", data)
	}
}

func TestCreateRefusesToOverwrite(t *testing.T) {
	root := newSite(t, map[string]string{
		"content/responses/drones.md":          "keep me",
		"content/responses/cctv-use/index.md":  "keep me too",
		"content/responses/cctv-use/notes.csv": "x",
	})
	for _, tc := range []struct{ title, file string }{
		{"Drones", "content/responses/drones.md"},
		{"CCTV use", "content/responses/cctv-use"},
	} {
		_, err := Create(root, Options{Title: tc.title, Today: today})
		if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), tc.file) {
			t.Errorf("Create(%q) error = %v, want ErrExists naming %s", tc.title, err, tc.file)
		}
	}
	data, _ := os.ReadFile(filepath.Join(root, "content/responses/drones.md"))
	if string(data) != "keep me" {
		t.Errorf("existing file changed to %q", data)
	}
	noTemporaryFiles(t, root)
}

// A response is written whole and under its name only: nothing else is
// left in the folder, where a watching preview would see it.
func TestCreateLeavesOnlyTheResponse(t *testing.T) {
	root := newSite(t, map[string]string{"content/responses/a.md": "---\ntitle: A\nreference: FOI 0001/26\n---\n"})
	p, err := Create(root, Options{Title: "Body worn video", Today: today})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := Render(Options{Title: "Body worn video", Reference: "FOI 0002/26", Today: today})
	if got, _ := os.ReadFile(filepath.Join(root, p)); string(got) != string(want) {
		t.Errorf("%s holds:\n%s\nwant:\n%s", p, got, want)
	}
	entries, _ := os.ReadDir(filepath.Join(root, "content/responses"))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 2 {
		t.Errorf("content/responses holds %v, want a.md and the new response", names)
	}
}

func noTemporaryFiles(t *testing.T, root string) {
	t.Helper()
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".foilog-new-") {
			t.Errorf("temporary file left behind: %s", p)
		}
		return nil
	})
}

func TestRenderFields(t *testing.T) {
	data, err := Render(Options{Title: "Stop and search: 2026 figures", Reference: "FOI 0001/26",
		Outcome: content.Refused, Force: "Test Police", Today: today})
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, want := range []string{
		"---\ntitle: \"Stop and search: 2026 figures\"\n",
		"reference: \"FOI 0001/26\"",
		"date: 2026-11-27 ",
		"\nreceived: ",
		"force: Test Police ",
		"regime: FOIA ",
		"outcome: refused ",
		"#   ncnd       Neither confirmed nor denied. The authority",
		"#   not-held   Information not held. ",
		"exemptions: ",
		"#  - Section 40(2) Personal information\n",
		"draft: true ",
		"\n## Request\n", "\n## Response\n", "\n## Harm\n", "\n## Public Interest Test\n", "\n## Balancing Test\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("rendered file lacks %q:\n%s", want, s)
		}
	}
	for _, o := range content.Outcomes() {
		if !strings.Contains(s, "#   "+string(o)+" ") {
			t.Errorf("outcome %s not listed", o)
		}
	}
	if _, err := Render(Options{Title: "x", Outcome: "granted", Today: today}); err == nil ||
		!strings.Contains(err.Error(), "disclosed, partial, refused, ncnd, not-held") {
		t.Errorf("bad outcome error = %v", err)
	}
}

func TestExamplesAreValidCitations(t *testing.T) {
	for _, r := range exemption.Regimes() {
		for _, o := range content.Outcomes() {
			for _, e := range Examples(r, o) {
				c, problems := exemption.ParseCitation(e, r)
				if len(problems) > 0 || len(c.Provisions) == 0 {
					t.Errorf("%s example %q: %+v", r, e, problems)
				}
			}
		}
	}
}

// TestGeneratedFileBuilds builds a site holding only a new response,
// with every outcome and regime, and its examples uncommented: no errors.
func TestGeneratedFileBuilds(t *testing.T) {
	for _, r := range exemption.Regimes() {
		for _, o := range content.Outcomes() {
			for _, uncomment := range []bool{false, true} {
				root := newSite(t, map[string]string{"foilog.yaml": "title: Log\nauthority: Test Police\n"})
				p, err := Create(root, Options{Title: "Body worn video: retention & access", Outcome: o, Regime: r, Today: today})
				if err != nil {
					t.Fatal(err)
				}
				file := filepath.Join(root, filepath.FromSlash(p))
				data, _ := os.ReadFile(file)
				if uncomment { // the author fills in the commented examples
					text := strings.ReplaceAll(string(data), "\n#  - ", "\n  - ")
					text = strings.Replace(text, "\n# force: Example Police", "\nforce: Example Police", 1)
					os.WriteFile(file, []byte(text), 0o644)
				}
				res, list := site.Build(site.Options{Source: os.DirFS(root), Layouts: foilog.Layouts, Static: foilog.Static,
					Drafts: true, Now: today.Time()})
				if list.HasErrors() {
					t.Fatalf("%s %s (examples uncommented: %v): generated file does not build:\n%v\n%s", r, o, uncomment, list, data)
				}
				if res.Responses != 1 {
					t.Errorf("%s %s: %d responses published with drafts, want 1", r, o, res.Responses)
				}
				for _, w := range res.Warnings {
					t.Logf("%s %s (examples uncommented: %v): %v", r, o, uncomment, w)
				}
				if r != exemption.FOIA || o != content.Disclosed || uncomment {
					continue
				}
				// Without drafts nothing is published.
				res, list = site.Build(site.Options{Source: os.DirFS(root), Layouts: foilog.Layouts, Static: foilog.Static,
					Now: today.Time()})
				if list.HasErrors() || res.Responses != 0 {
					t.Errorf("%s %s: published without --drafts (%v)", r, o, list)
				}
			}
		}
	}
}

// Two regimes numbered in one series: each new response takes the next
// free number of the whole log, whatever its regime.
func TestCreateMixedRegimes(t *testing.T) {
	root := newSite(t, map[string]string{
		"foilog.yaml":            "title: Log\nregime: FOIA\n",
		"content/responses/a.md": response("FOI 0001/24", "FOIA"),
	})
	for _, tc := range []struct {
		title  string
		regime exemption.Regime
		ref    string
	}{
		{"Air quality at depot", exemption.EIR, "FOI 0001/26"},
		{"Overtime costs", exemption.FOIA, "FOI 0002/26"},
		{"Noise at range", exemption.EIR, "FOI 0003/26"},
		{"Covert sources", exemption.FOIA, "FOI 0004/26"},
	} {
		p, err := Create(root, Options{Title: tc.title, Regime: tc.regime, Outcome: content.NCND, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if !strings.Contains(string(data), `reference: "`+tc.ref+`"`) {
			t.Errorf("%s (%s) not numbered %s:\n%s", tc.title, tc.regime, tc.ref, data)
		}
	}
	_, list := site.Build(site.Options{Source: os.DirFS(root), Layouts: foilog.Layouts, Static: foilog.Static,
		Drafts: true, Now: today.Time()})
	if list.HasErrors() {
		t.Errorf("the log does not build:\n%v", list)
	}
}

func TestCreateRefusesAUsedReference(t *testing.T) {
	root := newSite(t, map[string]string{
		"content/responses/a.md":         response("FOI 0001/24", "FOIA"),
		"content/responses/b/index.md":   response("FOI 0002/24", "EIR"),
		"content/responses/draft.md":     strings.Replace(response("FOI 0003/24", "FOIA"), "---\nText", "draft: true\n---\nText", 1),
		"content/responses/old/index.md": strings.Replace(response("FOI 0004/24", "FOIA"), "---\nText", "aliases: [/responses/foi-9-24/]\n---\nText", 1),
	})
	for _, tc := range []struct{ ref, file, why string }{
		{"FOI 0001/24", "content/responses/a.md", "is already used by"},
		{"foi 0001/24 ", "content/responses/a.md", "is already used by"},
		{"FOI  0002/24", "content/responses/b/index.md", "is already used by"}, // another regime
		{"FOI 0003/24", "content/responses/draft.md", "is already used by"},    // drafts count
		{"FOI-0001-24", "content/responses/a.md", "gives the page address /responses/foi-0001-24/, which is already taken by"},
		{"FOI 9/24", "content/responses/old/index.md", "gives the page address /responses/foi-9-24/, which is already taken by"},
	} {
		_, err := Create(root, Options{Title: "Overtime costs", Reference: tc.ref, Today: today})
		want := fmt.Sprintf("reference %q %s %s", tc.ref, tc.why, filepath.Join(root, filepath.FromSlash(tc.file)))
		if !errors.Is(err, ErrReferenceUsed) || !strings.Contains(err.Error(), want) {
			t.Errorf("reference %q: error = %v, want ErrReferenceUsed with %q", tc.ref, err, want)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "content/responses/overtime-costs.md")); err == nil {
		t.Errorf("a file was written with a used reference")
	}
	noTemporaryFiles(t, root)
	if _, err := Create(root, Options{Title: "Overtime costs", Reference: "FOI 0005/24", Today: today}); err != nil {
		t.Errorf("a free reference was refused: %v", err)
	}
}

func TestCreateLongTitle(t *testing.T) {
	root := newSite(t, nil)
	title := strings.TrimSpace(strings.Repeat("Overtime costs of the traffic unit ", 10))
	p, err := Create(root, Options{Title: title, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if p != "content/responses/overtime-costs-of-the-traffic-unit-overtime-costs-of-the-traffic-unit-overtime.md" {
		t.Errorf("created %s", p)
	}
	data, _ := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
	if !strings.Contains(string(data), "title: "+title+"\n") {
		t.Errorf("the title is not kept whole:\n%.300s", data)
	}
}

// Every placeholder the scaffold writes is one that check finds.
func TestPlaceholdersAreFound(t *testing.T) {
	data, err := Render(Options{Title: "T", Reference: "FOI 1/26", Outcome: content.Refused, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	n := strings.Count(string(data), lint.ToWrite)
	if got := lint.Placeholders(data, 1+strings.Count(string(data[:strings.Index(string(data), "---\n\n")+4]), "\n")); len(got) != n || n != 7 {
		t.Errorf("lint.Placeholders finds %d of %d placeholders", len(got), n)
	}
}
