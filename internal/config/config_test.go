package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadMissingGivesDefaults(t *testing.T) {
	cfg, list := Load(fstest.MapFS{})
	if len(list) != 0 || cfg.BaseURL != "/" || cfg.Regime != "FOIA" || cfg.Language != "en-GB" || cfg.PageSize != 20 {
		t.Fatalf("got %+v, %v", cfg, list)
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		src     string
		check   func(Site) bool
		wantErr string
	}{
		{src: "title: X\nbaseURL: https://foi.example.org/foi\nregime: foisa\n", check: func(s Site) bool {
			return s.Title == "X" && s.BaseURL == "https://foi.example.org/foi/" && s.BasePath() == "/foi/" && s.Regime == "FOISA" &&
				s.AbsURL("responses/a/") == "https://foi.example.org/foi/responses/a/"
		}},
		{src: "baseURL: /foi/\n", check: func(s Site) bool { return s.BasePath() == "/foi/" && s.AbsURL("x/") == "/foi/x/" }},
		// Letters of other scripts are percent-encoded as html/template
		// encodes them in an href; existing escapes stay.
		{src: "baseURL: https://foi.example.org/\n", check: func(s Site) bool {
			return s.AbsURL("forces/дорожная-полиция/") == "https://foi.example.org/forces/%d0%b4%d0%be%d1%80%d0%be%d0%b6%d0%bd%d0%b0%d1%8f-%d0%bf%d0%be%d0%bb%d0%b8%d1%86%d0%b8%d1%8f/" &&
				s.AbsURL("a b/100%25/") == "https://foi.example.org/a%20b/100%25/"
		}},
		{src: "titel: X\n", wantErr: "foilog.yaml:1:1: error: unknown setting `titel`; did you mean `title`?"},
		{src: "authority: \"🚓\"\n", wantErr: "foilog.yaml:1:12: error: authority \"🚓\" has no letters or digits to make its address; write its name in words"},
		{src: "regime: GDPR\n", wantErr: "foilog.yaml:1:9: error: regime \"GDPR\" is not one of FOIA, FOISA, EIR, EISR"},
		{src: "pageSize: many\n", wantErr: "foilog.yaml:1:11: error: setting `pageSize` has the wrong type"},
		{src: "baseURL: ftp://x/\n", wantErr: "foilog.yaml:1:10: error: baseURL \"ftp://x/\" must be an http(s) URL"},
		{src: "baseURL: ../x\n", wantErr: "foilog.yaml:1:10: error: baseURL \"../x\" must not hold . or .. in its path; write the path from the site's root, such as /foi/"},
		{src: "baseURL: https://x.org/a/./b/\n", wantErr: "foilog.yaml:1:10: error: baseURL \"https://x.org/a/./b/\" must not hold . or .. in its path"},
		{src: "baseURL: /foi//\n", wantErr: "foilog.yaml:1:10: error: baseURL \"/foi//\" has an empty folder (//) or a space in its path; write it as \"/foi/\""},
		{src: "baseURL: https://foi.example.org//log/\n", wantErr: "foilog.yaml:1:10: error: baseURL \"https://foi.example.org//log/\" has an empty folder (//) or a space in its path; write it as \"https://foi.example.org/log/\""},
		{src: "baseURL: \"https://foi.example.org/a b/\"\n", wantErr: "foilog.yaml:1:10: error: baseURL \"https://foi.example.org/a b/\" has an empty folder (//) or a space in its path; write it as \"https://foi.example.org/a%20b/\""},
		{src: "title: [\n", wantErr: "foilog.yaml:1:1: error: site config is not valid YAML"},
		{src: "title: X\ncontact:\n  emial: foi@example.org\n", wantErr: "foilog.yaml:3:3: error: unknown setting `contact.emial`; did you mean `contact.email`?"},
		{src: "licence:\n  name: OGL\n  link: https://example.org/\n", wantErr: "foilog.yaml:3:3: error: unknown setting `licence.link` (settings are licence.name, licence.url)"},
		{src: "lint:\n  allowEmail: [a@b.uk]\n", wantErr: "foilog.yaml:2:3: error: unknown setting `lint.allowEmail`; did you mean `lint.allowEmails`?"},
		{src: "title: X\ntitle: Y\n", wantErr: "foilog.yaml:2:1: error: setting `title` is given twice (first on line 1)"},
		{src: "pageSize: 0\n", wantErr: "foilog.yaml:1:11: error: pageSize 0 must be between 1 and 500 (write how many responses each page of the list shows, such as `pageSize: 20`)"},
		{src: "accessibility:\n  status: some\n", wantErr: "foilog.yaml:2:3: error: accessibility status \"some\" must be full or partial"},
		{src: "- title\n", wantErr: "foilog.yaml:1:1: error: site config must be a list of `key: value` settings"},
		{src: "contact: foi@example.org\n", wantErr: "foilog.yaml:1:10: error: setting `contact` has the wrong type"},
		{src: "lint:\n  allowEmails: a@b.uk\n", wantErr: "foilog.yaml:2:3: error: setting `lint` has the wrong type"},
		{src: "title: [a]\n", wantErr: "foilog.yaml:1:8: error: setting `title` has the wrong type: cannot unmarshal !!seq into string (write the value as text on the same line as `title:`)"},
	}
	for _, tt := range tests {
		cfg, list := Parse([]byte(tt.src))
		if tt.wantErr != "" {
			if !strings.HasPrefix(list.Error(), tt.wantErr) {
				t.Errorf("Parse(%q) diagnostics = %q, want prefix %q", tt.src, list.Error(), tt.wantErr)
			}
			for _, d := range list {
				if d.Hint == "" {
					t.Errorf("Parse(%q): %s has no hint", tt.src, d)
				}
			}
			continue
		}
		if len(list) != 0 || !tt.check(cfg) {
			t.Errorf("Parse(%q) = %+v, %v", tt.src, cfg, list)
		}
	}
}
