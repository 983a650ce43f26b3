package content_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/foilog/foilog/internal/content"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		// ASCII, and Latin folding to ASCII as it always has: these
		// addresses exist and must not change.
		{"FOI 1648A/23", "foi-1648a-23"},
		{"IM-FOI-2024-1123", "im-foi-2024-1123"},
		{"1234", "1234"},
		{"Café", "cafe"},
		{"Crème brûlée", "creme-brulee"},
		{"Ñandú", "nandu"},
		{"ﬁle", "file"},  // ligature decomposed
		{"２０２３", "2023"}, // full-width digits
		{"½ price", "1-2-price"},
		{"ⓐ①℃", "a1-c"},
		{"Ⅻ", "xii"},
		{"cafe\u0301", "cafe"}, // a decomposed accent
		{"q\u0301", "q"},       // an accent with no composed form
		{"  Hello,   World!! ", "hello-world"},
		{"a_b.c--d", "a-b-c-d"},
		{"--a--", "a"},
		{"(FOI) 12/23 — response", "foi-12-23-response"},
		{"İstanbul", "istanbul"},
		{"Straße", "stra-e"}, // a Latin letter with no ASCII form separates, as before
		{"Łódź", "odz"},
		// Welsh and Gaelic.
		{"Heddlu Dyfed-Powys", "heddlu-dyfed-powys"},
		{"Ŵyn ac ŷd", "wyn-ac-yd"},
		{"Camerâu cylch cyfyng", "camerau-cylch-cyfyng"},
		{"Poileas Alba: tèarainteachd", "poileas-alba-tearainteachd"},
		// Other scripts keep their letters and digits, lower-cased where
		// the script has case.
		{"Дорожная полиция", "дорожная-полиция"},
		{"Дороги 2023", "дороги-2023"},
		{"Й", "й"},       // not и: the breve makes another letter
		{"и\u0306", "й"}, // NFC
		{"Ελληνική Αστυνομία", "ελληνική-αστυνομία"},
		{"ΣΟΦΙΑ", "σοφια"},
		{"شرطة", "شرطة"},
		{"عربي", "عربي"},
		{"شُرْطَة", "شُرْطَة"}, // vowel marks stay on their letters
		{"١٢٣", "١٢٣"},         // Arabic-Indic digits
		{"משטרה", "משטרה"},
		{"警察 2024", "警察-2024"},
		{"がっこう", "がっこう"}, // not かつこう: the dakuten makes another letter
		{"コーヒー", "コーヒー"},
		{"경찰청", "경찰청"},
		{"हिंदी", "हिंदी"},
		{"می\u200cخواهم", "میخواهم"}, // a zero-width non-joiner is not a word break
		{"Police Дороги", "police-дороги"},
		{"µg", "µg"},
		// Nothing to make an address from.
		{"", ""},
		{"   ", ""},
		{"---", ""},
		{"///", ""},
		{"🚓", ""},
		{"🚓 🚔!", ""},
		{"👮\u200d♀\ufe0f", ""},
		{"🇬🇧", ""},
		{"→ ★ ※", ""},
		{"Police 🚓", "police"},
		{"🚓Дороги🚓", "дороги"},
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
		"foi-1-23": true, "a": true, "2023": true, "дороги": true, "شرطة": true, "警察-2024": true,
		"": false, "Foo": false, "a--b": false, "-a": false, "a-": false, "café": false, "a b": false, "a/b": false, "a_b": false,
		"Дороги": false, "и\u0306": false, "🚓": false, "a-🚓": false,
	} {
		if got := content.ValidSlug(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestTermsInEveryScript checks that forces, topics and references in any
// script get an address.
func TestTermsInEveryScript(t *testing.T) {
	tests := []struct {
		name, fm string
		force    content.Term
		topics   []content.Term
		slug     string
	}{
		{name: "Cyrillic", fm: "title: Дороги\nreference: ФОИ 12/23\ndate: 2023-06-14\noutcome: disclosed\nforce: \"Дорожная полиция\"\ntopics: [Дороги, Ελληνικά, عربي]\n",
			force:  content.Term{Name: "Дорожная полиция", Slug: "дорожная-полиция"},
			topics: []content.Term{{Name: "Ελληνικά", Slug: "ελληνικά"}, {Name: "Дороги", Slug: "дороги"}, {Name: "عربي", Slug: "عربي"}},
			slug:   "фои-12-23"},
		{name: "Arabic force", fm: required + "force: \"شرطة\"\n",
			force: content.Term{Name: "شرطة", Slug: "شرطة"}, slug: "foi-1-23"},
		{name: "Welsh", fm: required + "force: Heddlu Dyfed-Powys\ntopics: [Camerâu, Ŵyn]\n",
			force:  content.Term{Name: "Heddlu Dyfed-Powys", Slug: "heddlu-dyfed-powys"},
			topics: []content.Term{{Name: "Camerâu", Slug: "camerau"}, {Name: "Ŵyn", Slug: "wyn"}}, slug: "foi-1-23"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, got := loadOne(t, tt.fm, siteConfig())
			if len(got) > 0 {
				t.Fatalf("diagnostics:\n%s", strings.Join(got, "\n"))
			}
			if r.Force != tt.force {
				t.Errorf("Force = %+v, want %+v", r.Force, tt.force)
			}
			if !slices.Equal(r.Topics, tt.topics) {
				t.Errorf("Topics = %+v, want %+v", r.Topics, tt.topics)
			}
			if r.Slug != tt.slug {
				t.Errorf("Slug = %q, want %q", r.Slug, tt.slug)
			}
		})
	}
}
