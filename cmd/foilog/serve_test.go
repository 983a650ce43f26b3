package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer that goroutines may write while a test
// waits.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// freeAddr returns a loopback address with a port nobody listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// serveUntilInterrupt runs `foilog serve` with args, calls visit once the
// home page answers, then sends the process an interrupt (Ctrl-C) and
// returns the exit code and the terminal output.
func serveUntilInterrupt(t *testing.T, args []string, visit func(base string)) (int, string) {
	t.Helper()
	addr := freeAddr(t)
	var out, errs syncBuffer
	done := make(chan int, 1)
	go func() { done <- runServe(append(args, "--addr", addr), &out, &errs) }()
	base := "http://" + addr
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(base + "/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case code := <-done:
			t.Fatalf("serve stopped with exit %d:\n%s", code, errs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not answer within 20s:\n%s", errs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	visit(base)
	if err := interruptSelf(); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		return code, errs.String()
	case <-time.After(10 * time.Second):
		t.Fatalf("serve did not stop within 10s of Ctrl-C:\n%s", errs.String())
	}
	return 0, ""
}

func fetch(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestServeShowsDraftsAndStopsOnInterrupt(t *testing.T) {
	root := newTestSite(t)
	if code, _, errs := runCmd("new", "--source", root, "Draft response"); code != exitOK {
		t.Fatal(errs)
	}
	code, log := serveUntilInterrupt(t, []string{"--source", root}, func(base string) {
		resp, body := fetch(t, base+"/")
		if !strings.Contains(body, "Preview: this copy of the site shows drafts") || !strings.Contains(body, "Draft response") {
			t.Errorf("home page does not show the draft with the preview banner")
		}
		if resp.Header.Get("Cache-Control") != "no-store" || !strings.HasPrefix(resp.Header.Get("Content-Security-Policy"), "default-src 'self'") {
			t.Errorf("headers: %v", resp.Header)
		}
		if _, js := fetch(t, base+"/_foilog/reload.js"); !strings.Contains(js, "EventSource") {
			t.Errorf("reload.js not served")
		}
	})
	if code != exitOK {
		t.Errorf("exit %d after Ctrl-C, want 0:\n%s", code, log)
	}
	if !strings.Contains(log, "Serving the site with drafts at http://127.0.0.1:") || !strings.HasSuffix(log, "stopped\n") {
		t.Errorf("terminal output:\n%s", log)
	}
	if strings.Contains(log, "\r") {
		t.Errorf("progress drawn although stderr is not a terminal:\n%q", log)
	}
}

func TestServeDraftsFalseAndBaseURL(t *testing.T) {
	root := newTestSite(t)
	if code, _, errs := runCmd("new", "--source", root, "Draft response"); code != exitOK {
		t.Fatal(errs)
	}
	addrLog := ""
	code, log := serveUntilInterrupt(t, []string{"--source", root, "--drafts=false", "--base-url", "/foi/"}, func(base string) {
		resp, body := fetch(t, base+"/foi/")
		if resp.StatusCode != http.StatusOK || strings.Contains(body, "Draft response") || strings.Contains(body, "Preview: this copy") {
			t.Errorf("--drafts=false: status %d, draft or banner shown", resp.StatusCode)
		}
		addrLog = base
	})
	if code != exitOK || !strings.Contains(log, "Serving the site as published at "+addrLog+"/foi/") {
		t.Errorf("exit %d, output:\n%s", code, log)
	}
}

func TestServeUsageErrors(t *testing.T) {
	root := newTestSite(t)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--source", root, "--addr", "1313"}, `--addr "1313" must be host:port`},
		{[]string{"serve", "--source", root, "--addr", busy.Addr().String()}, "is already in use"},
		{[]string{"serve", "--source", root + "/missing"}, "is not a folder"},
		{[]string{"serve", "--source", root, "extra"}, `unexpected argument "extra"`},
		{[]string{"serve", "--nope"}, "flag provided but not defined"},
	} {
		code, _, errs := runCmd(tc.args...)
		if code != exitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", tc.args, code, errs, tc.want)
		}
	}
	code, out, errs := runCmd("serve", "-h")
	if code != exitOK || !strings.Contains(out, "-drafts") || !strings.Contains(out, "(default true)") ||
		!strings.Contains(out, "127.0.0.1:1313") || errs != "" {
		t.Errorf("serve -h: exit %d, stdout:\n%s\nstderr:\n%s", code, out, errs)
	}
}
