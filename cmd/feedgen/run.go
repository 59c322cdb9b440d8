package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/feedgen/feedgen/feed"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1 // input or build errors
	exitUsage = 2 // bad command line
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "build the feeds into the output folder", runBuild},
		{"check", "build in memory, check everything, write nothing", runCheck},
		{"links", "print the autodiscovery <link> tags for a page's <head>", runLinks},
		{"new", "create a new article, as a draft", runNew},
		{"serve", "build, serve the feeds over HTTP and rebuild on every change", runServe},
		{"version", "print feedgen's version", runVersion},
	}
}

// run is the whole program: it parses args, runs one command and returns
// the exit code. Nothing here touches os.Stdout, os.Stderr or os.Exit.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	case "help":
		if len(args) < 2 {
			usage(stdout)
			return exitOK
		}
		return run([]string{args[1], "-h"}, stdout, stderr)
	case "-version", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "feedgen: unknown command %q\n", name)
	usage(stderr)
	return exitUsage
}

// usage prints the list of commands.
func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: feedgen <command> [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, `Run "feedgen help <command>" for a command's flags.`)
}

// newFlagSet returns a flag set that reports to stderr.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("feedgen "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: feedgen %s %s\n\nFlags (each also read from FEEDGEN_<NAME>, like FEEDGEN_BASE_URL):\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// envName is the environment variable that sets flag name:
// FEEDGEN_ and the name in upper case with - as _ (FEEDGEN_BASE_URL).
func envName(name string) string {
	return "FEEDGEN_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}

// parseFlags sets flags from FEEDGEN_ environment variables, then parses
// args over them (so the command line wins). It returns an exit code and
// false when the command should stop (help or a usage error).
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) (int, bool) {
	return parseFlagsAllow(fs, args, stdout, false)
}

// parseFlagsAllow parses flags; arguments after them are a usage error
// unless allowArgs.
func parseFlagsAllow(fs *flag.FlagSet, args []string, stdout io.Writer, allowArgs bool) (int, bool) {
	bad := false
	fs.VisitAll(func(f *flag.Flag) {
		if v, ok := os.LookupEnv(envName(f.Name)); ok && v != "" { // empty means unset
			if err := fs.Set(f.Name, v); err != nil {
				fmt.Fprintf(fs.Output(), "feedgen: %s: %v\n", envName(f.Name), err)
				bad = true
			}
		}
	})
	if bad {
		return exitUsage, false
	}
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK, false
	}
	if err != nil {
		return exitUsage, false
	}
	if fs.NArg() > 0 && !allowArgs {
		fmt.Fprintf(fs.Output(), "feedgen: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return exitUsage, false
	}
	return exitOK, true
}

// parseFlagsArgs is parseFlags for commands that take arguments after
// their flags.
func parseFlagsArgs(fs *flag.FlagSet, args []string, stdout io.Writer) (int, bool) {
	return parseFlagsAllow(fs, args, stdout, true)
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("version", "", stderr)
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	fmt.Fprintln(stdout, "feedgen", feed.Version)
	return exitOK
}

// printDiags prints every problem, one per line, in a stable order.
func printDiags(w io.Writer, d feed.Diagnostics) {
	d.Sort()
	for _, e := range d {
		fmt.Fprintln(w, e.Error())
	}
}
