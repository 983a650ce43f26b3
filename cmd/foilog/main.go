// Command foilog publishes a Freedom of Information disclosure log: it
// turns a folder of Markdown responses into a static website.
//
// Usage:
//
//	foilog build [--source DIR] [--dest DIR] [--base-url URL] [--drafts]
//	foilog serve [--source DIR] [--addr 127.0.0.1:1313] [--base-url URL] [--drafts]
//	foilog new [--source DIR] "Title of the request"
//	foilog check [--source DIR] [--format text|json]
//	foilog cite [--regime R] [--format text|json] TEXT...
//
// Exit status: 0 success, 1 problems in the content, 2 usage or I/O errors.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit codes shared by every command.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

const usage = `foilog publishes a Freedom of Information disclosure log as a static website.

Usage:
  foilog <command> [flags]

Commands:
  build   build the site into public/
  serve   build, serve on 127.0.0.1:1313 and rebuild on every change (live preview)
  new     create a new response file with every field ready to fill in
  check   run every check without writing anything (for CI and before publishing)
  cite    show how foilog understands an exemption citation
  version print the version

Run 'foilog <command> -h' for the flags of a command.
`

// version is set at link time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(rest, stdout, stderr)
	case "serve", "server":
		return runServe(rest, stdout, stderr)
	case "new":
		return runNew(rest, stdout, stderr)
	case "check":
		return runCheck(rest, stdout, stderr)
	case "cite":
		return runCite(rest, stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "foilog", version)
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "foilog: unknown command %q\n\n%s", cmd, usage)
	return exitUsage
}
