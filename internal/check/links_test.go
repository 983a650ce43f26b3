package check_test

import (
	"testing"

	"github.com/foilog/foilog/internal/check"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/markdown"
)

// builtFiles are the files of a small built site, by path under the base.
var builtFiles = map[string]bool{
	"index.html": true, "404.html": true, "search/index.html": true, "responses/index.html": true,
	"responses/foi-1-23/index.html": true, "responses/foi-1-23/figures.csv": true, "responses/foi-1-23/my file.csv": true,
	"responses/foi-2-23/index.html": true, "topics/drones/index.html": true, "old/page.html": true,
}

func TestLinks(t *testing.T) {
	const hint = " (response addresses are /responses/SLUG/, with the slug made from the reference)"
	const elsewhere = " (check the address against the site in `foilog serve`)"
	tests := []struct {
		name, body, base string
		want             []string // diagnostics for a link on body line 1 (file line 8)
	}{
		{name: "root-relative page", body: "[x](/responses/foi-2-23/)"},
		{name: "root-relative page without the final slash", body: "[x](/responses/foi-2-23)"},
		{name: "root-relative page with a fragment and a query", body: "[x](/responses/foi-2-23/#harm) [s](/search/?q=drones)"},
		{name: "home page", body: "[home](/)"},
		{name: "other generated pages", body: "[t](/topics/drones/) [nf](/404.html) [all](/responses/) [old](/old/page.html)"},
		{name: "root-relative under a base path", base: "/foi/", body: "[x](/responses/foi-2-23/)"},
		{name: "written with the base path", base: "/foi/", body: "[x](/foi/responses/foi-2-23/) [home](/foi/)"},
		{name: "base path of another site", base: "/", body: "[x](/foi/responses/foi-2-23/)", want: []string{
			P + ":8:5: error: link \"/foi/responses/foi-2-23/\" leads to no page of this site" + elsewhere,
		}},
		{name: "relative to the response page", body: "[x](../foi-2-23/) [y](../foi-2-23) [up](../) [self](./)"},
		{name: "attachment", body: "[csv](figures.csv) [csv2](./figures.csv) [abs](/responses/foi-1-23/figures.csv)"},
		{name: "attachment with a space", body: "[a](<my file.csv>) [b](my%20file.csv)"},
		{name: "missing attachment", body: "[csv](figures.xlsx)", want: []string{
			P + ":8:7: error: link \"figures.xlsx\" leads to no page of this site" + hint,
		}},
		{name: "missing image", body: "![chart](chart.png)", want: []string{
			P + ":8:10: error: link \"chart.png\" leads to no page of this site" + hint,
		}},
		{name: "missing response", body: "[x](/responses/foi-9-23/)", want: []string{
			P + ":8:5: error: link \"/responses/foi-9-23/\" leads to no page of this site" + hint,
		}},
		{name: "missing response, relative", body: "[x](../foi-9-23/)", want: []string{
			P + ":8:5: error: link \"../foi-9-23/\" leads to no page of this site" + hint,
		}},
		{name: "missing page elsewhere", body: "[x](/topics/cats/)", want: []string{
			P + ":8:5: error: link \"/topics/cats/\" leads to no page of this site" + elsewhere,
		}},
		{name: "missing response under a base path", base: "/foi/", body: "[x](/foi/responses/foi-9-23/)", want: []string{
			P + ":8:5: error: link \"/foi/responses/foi-9-23/\" leads to no page of this site" + hint,
		}},
		{name: "external, mail, phone and fragments ignored",
			body: "[a](https://example.org/x) [b](mailto:foi@example.org) [c](tel:101) [d](#harm) [e](//cdn.example.org/x) <https://example.org/y>"},
		{name: "columns count characters, and each link on a line is found", body: "« [a](/x/) » [b](/x/) [c][d]\n\n[d]: /x/\n", want: []string{
			P + ":8:7: error: link \"/x/\" leads to no page of this site" + elsewhere,
			P + ":8:18: error: link \"/x/\" leads to no page of this site" + elsewhere,
			// A reference link: its destination is on another line.
			P + ":8:1: error: link \"/x/\" leads to no page of this site" + elsewhere,
		}},
		{name: "line numbers follow the body", body: "Text.\n\nMore text and [x](/nowhere/).\n", want: []string{
			P + ":10:19: error: link \"/nowhere/\" leads to no page of this site" + elsewhere,
		}},
	}
	md := markdown.New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := md.Convert([]byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Links) == 0 {
				t.Fatalf("no links in %q", tt.body)
			}
			base := tt.base
			if base == "" {
				base = "/"
			}
			r := &content.Response{Path: P, Slug: "foi-1-23", BodyLine: 8, Body: []byte(tt.body)}
			checkDiags(t, check.Links(r, doc.Links, check.Targets{BasePath: base, Files: builtFiles}), tt.want)
		})
	}
}
