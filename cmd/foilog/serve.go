package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/foilog/foilog/internal/check"
	"github.com/foilog/foilog/internal/server"
)

// defaultAddr is where `foilog serve` listens: this computer only.
const defaultAddr = "127.0.0.1:1313"

func runServe(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var addr string
	fs := newFlagSet("serve", "foilog serve [--source DIR] [--addr 127.0.0.1:1313] [--base-url URL] [--drafts=false]")
	sf.register(fs)
	// The preview shows drafts unless asked to show the site as published.
	sf.drafts = true
	if f := fs.Lookup("drafts"); f != nil {
		f.DefValue = "true"
		f.Usage = "show drafts and embargoed responses with a DRAFT banner; --drafts=false previews the site as published"
	}
	fs.StringVar(&addr, "addr", defaultAddr, "host:port to serve on; the default lets only this computer connect")
	if code := parseFlags(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "foilog serve: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if err := checkBaseURL(sf.baseURL); err != nil {
		fmt.Fprintf(stderr, "foilog serve: %v\n", err)
		return exitUsage
	}
	if info, err := os.Stat(sf.source); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "foilog serve: source %s is not a folder\n", sf.source)
		return exitUsage
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		fmt.Fprintf(stderr, "foilog serve: --addr %q must be host:port, such as %s\n", addr, defaultAddr)
		return exitUsage
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			fmt.Fprintf(stderr, "foilog serve: %s is already in use (is another foilog serve running?); choose another port with --addr, such as --addr 127.0.0.1:1314\n", addr)
		} else {
			fmt.Fprintf(stderr, "foilog serve: %v\n", err)
		}
		return exitUsage
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(stderr, "warning: serving on %s: other computers that can reach this one can see the preview, drafts included\n", ln.Addr())
	}

	opts := sf.options()
	// The publication-safety checks of `foilog check` run on every rebuild
	// and show in the overlay as warnings.
	opts.Inspect = check.Inspector(time.Now)
	srv := server.New(server.Config{Root: sf.source, Options: opts, Log: stderr, Progress: isTerminal(stderr)})
	if err := srv.Run(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "foilog serve: %v\n", err)
		return exitUsage
	}
	fmt.Fprintln(stderr, "stopped")
	return exitOK
}

// isTerminal reports whether w is a terminal, where progress can be drawn.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
