package content_test

import (
	"testing"

	"github.com/foilog/foilog/internal/content"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"FOI 1648A/23", "foi-1648a-23"},
		{"IM-FOI-2024-1123", "im-foi-2024-1123"},
		{"1234", "1234"},
		{"Café", "cafe"},
		{"Crème brûlée", "creme-brulee"},
		{"Ñandú", "nandu"},
		{"ﬁle", "file"},  // ligature decomposed
		{"２０２３", "2023"}, // full-width digits
		{"  Hello,   World!! ", "hello-world"},
		{"a_b.c--d", "a-b-c-d"},
		{"--a--", "a"},
		{"(FOI) 12/23 — response", "foi-12-23-response"},
		{"", ""},
		{"   ", ""},
		{"---", ""},
		{"///", ""},
		{"١٢٣", ""}, // digits, but not ASCII ones
	}
	for _, tt := range tests {
		if got := content.Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := content.Slugify(tt.want); got != tt.want {
			t.Errorf("Slugify(%q) = %q; a slug must slugify to itself", tt.want, got)
		}
	}
}

func TestValidSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"foi-1-23": true, "a": true, "2023": true,
		"": false, "Foo": false, "a--b": false, "-a": false, "a-": false, "café": false, "a b": false, "a/b": false, "a_b": false,
	} {
		if got := content.ValidSlug(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, want %v", s, got, want)
		}
	}
}
