package content_test

import (
	"testing"
	"time"

	"github.com/foilog/foilog/internal/content"
)

func TestVisible(t *testing.T) {
	embargo := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	before, at, after := embargo.Add(-time.Second), embargo, embargo.Add(time.Hour)
	tests := []struct {
		name   string
		r      content.Response
		now    time.Time
		drafts bool
		want   bool
	}{
		{"published", content.Response{}, before, false, true},
		{"draft", content.Response{Draft: true}, after, false, false},
		{"draft in preview", content.Response{Draft: true}, after, true, true},
		{"embargoed", content.Response{Publish: embargo}, before, false, false},
		{"embargo ends at its instant", content.Response{Publish: embargo}, at, false, true},
		{"embargo over", content.Response{Publish: embargo}, after, false, true},
		{"embargoed in preview", content.Response{Publish: embargo}, before, true, true},
		{"embargo in another zone", content.Response{Publish: embargo}, time.Date(2026, 12, 1, 9, 30, 0, 0, time.FixedZone("CET", 3600)), false, false},
		{"draft after its embargo", content.Response{Draft: true, Publish: embargo}, after, false, false},
	}
	for _, tt := range tests {
		if got := tt.r.Visible(tt.now, tt.drafts); got != tt.want {
			t.Errorf("%s: Visible(%s, %v) = %v, want %v", tt.name, tt.now.Format(time.RFC3339), tt.drafts, got, tt.want)
		}
	}
}

func TestVisibleFromFrontMatter(t *testing.T) {
	// 2026-07-01 09:00 UK time is 08:00 UTC in summer.
	r, list := loadOne(t, required+"publish: 2026-07-01 09:00\n", siteConfig())
	if len(list) != 0 {
		t.Fatal(list)
	}
	if r.Visible(time.Date(2026, 7, 1, 7, 59, 59, 0, time.UTC), false) {
		t.Error("visible at 08:59:59 BST, before the embargo")
	}
	if !r.Visible(time.Date(2026, 7, 1, 8, 0, 0, 0, time.UTC), false) {
		t.Error("not visible at 09:00 BST, when the embargo ends")
	}
}

func TestOutcomes(t *testing.T) {
	want := map[content.Outcome]string{content.Disclosed: "Information disclosed", content.Partial: "Partly disclosed",
		content.Refused: "Refused", content.NCND: "Neither confirmed nor denied", content.NotHeld: "Information not held"}
	os := content.Outcomes()
	if len(os) != 5 || os[0] != content.Disclosed || os[4] != content.NotHeld {
		t.Errorf("Outcomes() = %v", os)
	}
	for _, o := range os {
		if o.Label() != want[o] || o.Description() == "" {
			t.Errorf("%s: Label %q, Description %q", o, o.Label(), o.Description())
		}
	}
	if content.Outcome("maybe").Label() != "maybe" || content.Outcome("maybe").Description() != "" {
		t.Error("unknown outcome label or description")
	}
}
