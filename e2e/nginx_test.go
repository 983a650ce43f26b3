//go:build e2e

package e2e

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"text/template"
	"time"
)

// nginxPath is the Debian nginx binary.
const nginxPath = "/usr/sbin/nginx"

// csp is the Content-Security-Policy the suite's nginx sends and every page
// must keep: no inline script or style, nothing from another origin.
const csp = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

var (
	nginxMu      sync.Mutex
	nginxServers = map[string]*memo[string]{}
)

// serve returns the URL ("http://127.0.0.1:PORT/foi/") at which Debian
// nginx serves the built site in dir under basePath, with the suite's CSP
// header and error_page 404. One nginx per folder is started on first use
// and stopped by its PID after the last test. t fails, naming the package
// to install, when nginx is missing.
func serve(t testing.TB, dir string) string {
	t.Helper()
	requireFile(t, nginxPath, "apt-get install -y nginx")
	nginxMu.Lock()
	m := nginxServers[dir]
	if m == nil {
		m = &memo[string]{}
		nginxServers[dir] = m
	}
	nginxMu.Unlock()
	return m.get(t, func() (string, error) { return startNginx(dir) })
}

func startNginx(root string) (string, error) {
	prefix, err := tempDir("foilog-e2e-nginx-")
	if err != nil {
		return "", err
	}
	port, err := freePort()
	if err != nil {
		return "", err
	}
	tpl, err := template.ParseFiles(filepath.Join(e2eDir, "testdata", "nginx.conf.tmpl"))
	if err != nil {
		return "", err
	}
	var conf bytes.Buffer
	if err := tpl.Execute(&conf, map[string]any{"Prefix": prefix, "Port": port, "Base": basePath, "Root": root}); err != nil {
		return "", err
	}
	confPath := filepath.Join(prefix, "nginx.conf")
	if err := os.WriteFile(confPath, conf.Bytes(), 0o644); err != nil {
		return "", err
	}
	var stderr bytes.Buffer
	cmd := exec.Command(nginxPath, "-c", confPath, "-p", prefix)
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		return "", fmt.Errorf("start nginx: %w", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop := func() {
		// SIGQUIT: graceful shutdown of the master and its worker.
		_ = syscall.Kill(cmd.Process.Pid, syscall.SIGQUIT)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	}
	base := fmt.Sprintf("http://127.0.0.1:%d%s", port, basePath)
	deadline := time.Now().Add(10 * time.Second)
	for {
		select {
		case err := <-exited:
			log, _ := os.ReadFile(filepath.Join(prefix, "error.log"))
			return "", fmt.Errorf("nginx exited (%v):\n%s%s", err, stderr.String(), log)
		default:
		}
		resp, err := http.Get(base)
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			stop()
			return "", fmt.Errorf("nginx did not answer at %s: %v", base, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	atExit(stop)
	fmt.Printf("e2e: nginx (pid %d) serves %s at %s\n", cmd.Process.Pid, root, base)
	return base, nil
}

// freePort returns a TCP port on 127.0.0.1 that nothing listens on now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// TestNginxHosting checks what the host adds to the site: the CSP header on
// pages and on errors, the 404 page with a 404 status, redirects that stay
// under the sub-path, and content types.
func TestNginxHosting(t *testing.T) {
	base := serve(t, exampleSite(t))
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(path string) *http.Response {
		t.Helper()
		resp, err := client.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	for _, c := range []struct {
		path, status, ctype string
	}{
		{"", "200 OK", "text/html; charset=utf-8"},
		{"assets/site.css", "200 OK", "text/css; charset=utf-8"},
		{"does-not-exist/", "404 Not Found", "text/html; charset=utf-8"},
	} {
		resp := get(c.path)
		if resp.Status != c.status {
			t.Errorf("GET %s%s: status %q, want %q", base, c.path, resp.Status, c.status)
		}
		if got := resp.Header.Get("Content-Type"); got != c.ctype {
			t.Errorf("GET %s%s: Content-Type %q, want %q", base, c.path, got, c.ctype)
		}
		if got := resp.Header.Get("Content-Security-Policy"); got != csp {
			t.Errorf("GET %s%s: Content-Security-Policy %q, want %q", base, c.path, got, csp)
		}
	}
	// A folder without its slash redirects inside /foi/, keeping the port.
	resp := get("responses")
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusMovedPermanently || !strings.HasSuffix(loc, basePath+"responses/") {
		t.Errorf("GET %sresponses: %s Location %q, want a 301 to %sresponses/", base, resp.Status, loc, basePath)
	}
}
