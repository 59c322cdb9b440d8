package main

import (
	"fmt"
	"io"
	"path/filepath"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	fs := newFlagSet("build", "[flags]", stderr)
	f.register(fs)
	quiet := fs.Bool("q", false, "print nothing but errors")
	verbose := fs.Bool("v", false, "also list each file written and each article skipped")
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	s, diags, err := f.load()
	if err != nil {
		fmt.Fprintf(stderr, "feedgen: %v\n", err)
		return exitUsage
	}
	if !*quiet || diags.HasErrors() {
		printDiags(stderr, diags)
	}
	if s == nil || diags.HasErrors() || (f.strict && diags.HasWarnings()) {
		return exitFail
	}
	if err := checkOutputDir(s.out, s.articles, f.config); err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	rep, err := publishWithSignals(s.out, s.result.Files)
	if !*quiet {
		printDiags(stderr, rep.Warnings)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	if *verbose {
		for _, sk := range s.result.Skipped {
			fmt.Fprintf(stderr, "skipped %s (%s)\n", sk.Path, sk.Reason)
		}
		for _, file := range s.result.Files {
			fmt.Fprintf(stderr, "wrote %s\n", filepath.ToSlash(filepath.Join(s.out, file.Path)))
		}
		for _, rel := range rep.Removed {
			fmt.Fprintf(stderr, "removed %s\n", filepath.ToSlash(filepath.Join(s.out, rel)))
		}
	}
	return exitOK
}
