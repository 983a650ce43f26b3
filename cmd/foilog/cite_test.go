package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestCiteText(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     []string // parts that must appear, in order
		stderr     []string
		noStderr   bool
		notStdout  []string
		wantStdout string // whole output, when set
	}{
		{
			name: "one citation",
			args: []string{"Section 31(3) Law Enforcement"},
			code: exitOK,
			wantStdout: "Section 31(3) Law Enforcement\n" +
				"  label: \"Law Enforcement\"\n" +
				"  FOIA s31(3)  Law enforcement: qualified, prejudice-based, NCND\n" +
				"    https://www.legislation.gov.uk/ukpga/2000/36/section/31\n",
			noStderr: true,
		},
		{
			name: "several provisions and texts",
			args: []string{"Sections 24(2) and 31(3)", "s40(2)"},
			code: exitOK,
			stdout: []string{
				"Sections 24(2) and 31(3)\n",
				"  FOIA s24(2)  National security: qualified, prejudice-based, NCND\n",
				"  FOIA s31(3)  Law enforcement: qualified, prejudice-based, NCND\n",
				"\ns40(2)\n",
				"  FOIA s40(2)  Personal information (personal data about someone other than the requester): absolute, class-based, NCND with FOIA s40(5B)\n",
				"    Absolute only where the first condition (s40(3A)) is met",
				"    https://www.legislation.gov.uk/ukpga/2000/36/section/40\n",
			},
			noStderr: true,
		},
		{
			name:   "regime flag",
			args:   []string{"--regime", "foisa", "Section 35(1)(a)"},
			code:   exitOK,
			stdout: []string{"FOISA s35(1)(a)  Law enforcement (the prevention or detection of crime): qualified, prejudice-based, NCND with FOISA s18(1)", "https://www.legislation.gov.uk/asp/2002/13/section/35"},
		},
		{
			name:   "regulations",
			args:   []string{"Reg 12(5)(b)"},
			code:   exitOK,
			stdout: []string{"EIR r12(5)(b)", "https://www.legislation.gov.uk/uksi/2004/3391/regulation/12"},
		},
		{
			name:   "procedural",
			args:   []string{"Section 14(1) - Vexatious"},
			code:   exitOK,
			stdout: []string{"FOIA s14(1)  Vexatious or repeated requests (vexatious requests): procedural\n"},
		},
		{
			name:   "unknown provision",
			args:   []string{"Section 31(3)", "FOIA s46"},
			code:   exitContent,
			stdout: []string{"FOIA s46\n  (no provision understood)\n"},
			stderr: []string{"cite:2:6: error: unknown provision FOIA s46", "(did you mean FOIA s43 or FOIA s44?)"},
		},
		{
			name:   "syntax error column",
			args:   []string{"Section 31(3"},
			code:   exitContent,
			stderr: []string{"cite:1:11: error: unclosed parenthesis"},
		},
		{
			name:   "label warning does not fail",
			args:   []string{"Section 31 National Security"},
			code:   exitOK,
			stdout: []string{"FOIA s31  Law enforcement"},
			stderr: []string{"cite:1:12: warning: label \"National Security\" does not match FOIA s31 (Law enforcement); it reads like FOIA s24 (National security)"},
		},
		{
			name:      "help",
			args:      []string{"-h"},
			code:      exitOK,
			stdout:    []string{"Usage: foilog cite [--regime R] [--format text|json] TEXT...", "-regime"},
			noStderr:  true,
			notStdout: []string{"FOIA s"},
		},
		{
			name:   "flags after the text",
			args:   []string{"Section 35(1)(a)", "--regime", "FOISA", "s38(1)(b)"},
			code:   exitOK,
			stdout: []string{"FOISA s35(1)(a)", "FOISA s38(1)(b)"},
		},
		{
			name:   "double dash",
			args:   []string{"--regime", "EIR", "--", "-12(5)(b)", "--format"},
			code:   exitContent,
			stdout: []string{"-12(5)(b)\n", "EIR r12(5)(b)", "--format\n  (no provision understood)"},
		},
		{name: "no text", args: nil, code: exitUsage, stderr: []string{"no citation given", "Usage: foilog cite"}},
		{name: "bad regime", args: []string{"--regime", "DPA", "s31"}, code: exitUsage, stderr: []string{`unknown regime "DPA"`}},
		{name: "bad format", args: []string{"--format", "xml", "s31"}, code: exitUsage, stderr: []string{`unknown format "xml"`}},
		{name: "bad flag", args: []string{"--nope", "s31"}, code: exitUsage, stderr: []string{"flag provided but not defined: -nope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runCite(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("runCite(%q) = %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.args, code, tt.code, &stdout, &stderr)
			}
			if tt.wantStdout != "" && stdout.String() != tt.wantStdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", &stdout, tt.wantStdout)
			}
			inOrder(t, "stdout", stdout.String(), tt.stdout)
			inOrder(t, "stderr", stderr.String(), tt.stderr)
			for _, s := range tt.notStdout {
				if strings.Contains(stdout.String(), s) {
					t.Errorf("stdout contains %q:\n%s", s, &stdout)
				}
			}
			if tt.noStderr && stderr.Len() > 0 {
				t.Errorf("stderr = %q, want nothing", &stderr)
			}
		})
	}
}

// inOrder checks that every part appears in out, in order.
func inOrder(t *testing.T, name, out string, parts []string) {
	t.Helper()
	rest := out
	for _, p := range parts {
		i := strings.Index(rest, p)
		if i < 0 {
			t.Errorf("%s lacks %q (in order):\n%s", name, p, out)
			return
		}
		rest = rest[i+len(p):]
	}
}

func TestCiteJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := runCite([]string{"--format", "json", "--regime", "FOIA", "Section 24 National Security", "Section 31 National Security", "s31(9)"}, &stdout, &stderr)
	if code != exitContent {
		t.Errorf("code = %d, want %d", code, exitContent)
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr = %q, want nothing in json mode", &stderr)
	}
	var got struct {
		Version   int    `json:"version"`
		Regime    string `json:"regime"`
		Errors    int    `json:"errors"`
		Warnings  int    `json:"warnings"`
		Citations []struct {
			Text       string `json:"text"`
			Label      string `json:"label"`
			Provisions []struct {
				Canonical     string `json:"canonical"`
				Slug          string `json:"slug"`
				SectionSlug   string `json:"section_slug"`
				Regime        string `json:"regime"`
				Section       string `json:"section"`
				Path          string `json:"path"`
				Title         string `json:"title"`
				Status        string `json:"status"`
				Basis         string `json:"basis"`
				NCND          bool   `json:"ncnd"`
				NCNDProvision string `json:"ncnd_provision"`
				URL           string `json:"url"`
				Explanation   string `json:"explanation"`
			} `json:"provisions"`
			Problems []struct {
				Offset   int    `json:"offset"`
				Col      int    `json:"col"`
				Severity string `json:"severity"`
				Code     string `json:"code"`
				Message  string `json:"message"`
				Hint     string `json:"hint"`
			} `json:"problems"`
		} `json:"citations"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, &stdout)
	}
	if got.Version != 1 || got.Regime != "FOIA" || got.Errors != 1 || got.Warnings != 1 || len(got.Citations) != 3 {
		t.Fatalf("report header = %+v", got)
	}
	c0 := got.Citations[0]
	if c0.Text != "Section 24 National Security" || c0.Label != "National Security" || len(c0.Provisions) != 1 || len(c0.Problems) != 0 {
		t.Fatalf("citation 0 = %+v", c0)
	}
	p := c0.Provisions[0]
	if p.Canonical != "FOIA s24" || p.Slug != "foia-s24" || p.SectionSlug != "foia-s24" || p.Regime != "FOIA" ||
		p.Section != "24" || p.Path != "" || p.Title != "National security" || p.Status != "qualified" ||
		p.Basis != "prejudice" || p.NCND || p.NCNDProvision != "FOIA s24(2)" ||
		p.URL != "https://www.legislation.gov.uk/ukpga/2000/36/section/24" || p.Explanation == "" {
		t.Errorf("provision = %+v", p)
	}
	if pr := got.Citations[1].Problems; len(pr) != 1 || pr[0].Severity != "warning" || pr[0].Code != "exemption.label-mismatch" || pr[0].Col != 12 || pr[0].Offset != 11 {
		t.Errorf("citation 1 problems = %+v", pr)
	}
	c2 := got.Citations[2]
	if len(c2.Provisions) != 0 || len(c2.Problems) != 1 || c2.Problems[0].Severity != "error" ||
		c2.Problems[0].Code != "exemption.unknown-provision" || !strings.Contains(c2.Problems[0].Hint, "FOIA s31(3)") {
		t.Errorf("citation 2 = %+v", c2)
	}
	// Empty lists are [] rather than null, so that readers need no checks.
	if !bytes.Contains(stdoutBytes(t, []string{"--format", "json", "FOIA s46"}), []byte(`"provisions": []`)) {
		t.Errorf("an empty provisions list should be written as []")
	}
}

func stdoutBytes(t *testing.T, args []string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	runCite(args, &stdout, &stderr)
	return stdout.Bytes()
}
