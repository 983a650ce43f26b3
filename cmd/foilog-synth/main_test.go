package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-n", "25", "-seed", "3", "-out", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "wrote 25 responses") {
		t.Errorf("stdout %q", stdout.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "foilog.yaml")); err != nil {
		t.Error(err)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "content", "responses"))
	if err != nil || len(entries) != 25 {
		t.Errorf("content/responses: %d entries, %v", len(entries), err)
	}

	stderr.Reset()
	if code := run([]string{"-n", "5", "-out", dir}, &stdout, &stderr); code != 2 {
		t.Errorf("non-empty folder: exit %d, want 2", code)
	}
	if !strings.Contains(stderr.String(), "-force") {
		t.Errorf("refusal does not mention -force: %q", stderr.String())
	}
	if code := run([]string{"-n", "5", "-out", dir, "-force"}, &stdout, &stderr); code != 0 {
		t.Errorf("-force: exit %d: %s", code, stderr.String())
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"-n", "5"},
		{"-out", t.TempDir(), "extra"},
		{"-out", t.TempDir(), "-reference", "01/01/2026"},
		{"-out", t.TempDir(), "-n", "-1"},
		{"-nope"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}
