package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	fs := newFlagSet("check", "[flags]", stderr)
	f.register(fs)
	stale := fs.Bool("stale", false, "also fail when the output folder is not what a build would write now (for sites that commit their feeds)")
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	s, diags, err := f.load()
	if err != nil {
		fmt.Fprintf(stderr, "feedgen: %v\n", err)
		return exitUsage
	}
	if s != nil {
		diags = append(diags, s.checkFeeds(true)...)
		diags = append(diags, s.guardIDs()...)
	}
	printDiags(stderr, diags)
	code := exitOK
	if s == nil || diags.HasErrors() || (f.strict && diags.HasWarnings()) {
		code = exitFail
	}
	if *stale && s != nil {
		for _, file := range s.result.Files {
			name := filepath.Join(s.out, filepath.FromSlash(file.Path))
			old, err := os.ReadFile(name)
			switch {
			case err != nil:
				fmt.Fprintf(stderr, "%s: stale: missing; run feedgen build\n", filepath.ToSlash(name))
				code = exitFail
			case !bytes.Equal(old, file.Data):
				fmt.Fprintf(stderr, "%s: stale: differs from a fresh build; run feedgen build\n", filepath.ToSlash(name))
				code = exitFail
			}
		}
	}
	return code
}
