package check_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/check"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/site"
)

const siteYAML = "title: Example disclosure log\nauthority: Example Police\nbaseURL: /foi/\n" +
	"contact:\n  email: foi@example.police.uk\n  phone: \"0121 496 0000\"\n"

func run(fsys fstest.MapFS) diag.List {
	return check.Run(site.Options{Source: fsys, Layouts: foilog.Layouts, Static: foilog.Static, Now: now})
}

func front(ref, extra string) string {
	return "---\ntitle: Drones\nreference: " + ref + "\ndate: 2023-06-14\noutcome: disclosed\n" + extra + "---\n"
}

func TestRunFindsPersonalData(t *testing.T) {
	const leak, draft, embargo = "content/responses/leak.md", "content/responses/draft.md", "content/responses/embargo.md"
	fsys := fstest.MapFS{
		"foilog.yaml": {Data: []byte(siteYAML)},
		leak: {Data: []byte(front("FOI 1/23", "") + // body from line 7
			"Dear Mr Smith,\n" +
			"\n" +
			"Write to jane.doe@gmail.com or call 07700 900123.\n" + // 9
			"Her NI number is QQ 12 34 56 C and she lives at B4 6NQ.\n" +
			"Contact foi@example.police.uk or 0121 496 0000.\n" + // 11: the authority's own
			"Or x.y@gmail.com <!-- foilog-allow: email -->\n" + // 12: checked and allowed
			"And x.y@gmail.com again.\n" + // 13: the marker covers one line only
			"See [the other](/responses/foi-9-23/).\n")}, // 14
		draft: {Data: []byte(front("FOI 2/23", "draft: true\n") + // body from line 8
			"Reply to bob@example.com.\n" +
			"[Earlier](../nowhere/)\n")},
		embargo: {Data: []byte(front("FOI 3/23", "received: 2023-06-20\npublish: 2099-01-01\n") + // body from line 9
			"The officer is on 01632 960 123.\n")},
	}
	list := run(fsys)
	checkDiags(t, list, []string{
		leak + ":7:1: error: salutation names a person: `Dear Mr S***` (write `Dear Requester` or `Dear Sir/Madam`: the requester's name must not be published (after checking, end the line with `<!-- foilog-allow: salutation -->`))",
		leak + ":9:10: error: possible email address `j***@g***.com` (remove it, or end the line with `<!-- foilog-allow: email -->` if it is the authority's own published address)",
		leak + ":9:37: error: possible personal phone number (mobile) `07*** ******` (remove it; if it is the authority's published number, add it to the allowed phone numbers or end the line with `<!-- foilog-allow: phone -->`)",
		leak + ":10:18: error: possible National Insurance number `Q* ** ** ** *` (remove it, or end the line with `<!-- foilog-allow: ni-number -->` after checking it is a specimen, not a real number)",
		leak + ":10:49: error: full postcode `B4 ***` (remove it or keep only the outward code `B4`; if it is the authority's own address, add it to the allowed postcodes or end the line with `<!-- foilog-allow: postcode -->`)",
		leak + ":13:5: error: possible email address `x***@g***.com` (remove it, or end the line with `<!-- foilog-allow: email -->` if it is the authority's own published address)",
		leak + ":14:17: error: link \"/responses/foi-9-23/\" leads to no page of this site (response addresses are /responses/SLUG/, with the slug made from the reference)",
		// Drafts and embargoed responses are checked too.
		draft + ":8:10: error: possible email address `b***@e***.com` (remove it, or end the line with `<!-- foilog-allow: email -->` if it is the authority's own published address)",
		draft + ":9:11: error: link \"../nowhere/\" leads to no page of this site (response addresses are /responses/SLUG/, with the slug made from the reference)",
		embargo + ":6:11: error: request received 20 June 2023, after the response date 14 June 2023 (check the two dates are not swapped)",
		embargo + ":9:19: error: possible personal phone number (landline) `01*** *** ***` (remove it; if it is the authority's published number, add it to the allowed phone numbers or end the line with `<!-- foilog-allow: phone -->`)",
	})
	for _, d := range list {
		for _, secret := range []string{"Smith", "jane.doe", "gmail", "900123", "12 34 56", "6NQ", "bob@", "960 123"} {
			if strings.Contains(d.String(), secret) {
				t.Errorf("finding prints %q unmasked: %s", secret, d)
			}
		}
	}
	for i := 1; i < len(list); i++ {
		if a, b := list[i-1], list[i]; a.Path > b.Path || a.Path == b.Path && a.Line > b.Line {
			t.Errorf("not sorted: %s before %s", a, b)
		}
	}
}

func TestRunCleanSite(t *testing.T) {
	fsys := fstest.MapFS{
		"foilog.yaml": {Data: []byte(siteYAML)},
		"content/responses/cctv.md": {Data: []byte(front("FOI 1/23", "aliases: [/disclosure-log/foi-1-23/, /disclosure-log/foi-1-23]\n") +
			"You asked how many CCTV cameras the force operates. We hold 42.\n\n" +
			"Write to foi@example.police.uk or call 0121 496 0000. Dear Requester, see\n" +
			"[the figures](/responses/foi-2-23/figures.csv), [the answer](../foi-2-23/) and [all](/foi/responses/).\n")},
		"content/responses/figures/index.md": {Data: []byte(front("FOI 2/23", "attachments:\n  - file: figures.csv\n    title: Figures by year\n") +
			"The figures are [attached](figures.csv). See [the earlier answer](/responses/foi-1-23/#top).\n")},
		"content/responses/figures/figures.csv": {Data: []byte("year,count\n2022,4\n")},
		"content/responses/next.md": {Data: []byte(front("FOI 3/23", "draft: true\n") +
			"A draft that links to [the CCTV answer](/responses/foi-1-23/).\n")},
	}
	if list := run(fsys); len(list) != 0 {
		t.Errorf("clean site has findings:\n%s", strings.Join(diagStrings(list), "\n"))
	}
}

func TestRunSiteThatDoesNotBuild(t *testing.T) {
	const broken, leak = "content/responses/broken.md", "content/responses/leak.md"
	fsys := fstest.MapFS{
		broken: {Data: []byte(front("FOI 1/23", "exemptons: [s31]\n") + "Text.\n")},
		leak:   {Data: []byte(front("FOI 2/23", "") + "Call 07700 900123. [x](/nowhere/)\n")},
	}
	list := run(fsys)
	// Every build error is reported once, and the lint still runs; links
	// cannot be checked without a built site.
	checkDiags(t, list, []string{
		broken + ":6:1: error: unknown field `exemptons`; did you mean `exemptions`? (fields are title, reference, slug, date, received, force, regime, exemptions, outcome, topics, summary, attachments, draft, publish, aliases)",
		leak + ":7:6: error: possible personal phone number (mobile) `07*** ******` (remove it; if it is the authority's published number, add it to the allowed phone numbers or end the line with `<!-- foilog-allow: phone -->`)",
	})
}

func TestRunDefaultsNow(t *testing.T) {
	// A zero Now means the real time: a response dated next year is in
	// the future.
	next := time.Now().AddDate(1, 0, 0).Format("2006-01-02")
	fsys := fstest.MapFS{"content/responses/a.md": {Data: []byte(strings.Replace(front("FOI 1/23", ""), "2023-06-14", next, 1) + "Text.\n")}}
	list := check.Run(site.Options{Source: fsys, Layouts: foilog.Layouts, Static: foilog.Static})
	if len(list) != 1 || list[0].Code != "check.date-future" {
		t.Errorf("got:\n%s", strings.Join(diagStrings(list), "\n"))
	}
}
