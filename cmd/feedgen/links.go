package main

import (
	"fmt"
	"io"

	"github.com/feedgen/feedgen/feed"
)

func runLinks(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	fs := newFlagSet("links", "[flags]", stderr)
	f.register(fs)
	name := fs.String("feed", "", "the configured feed or taxonomy term to print, like notes or tags/go (default: the site's main feed)")
	all := fs.Bool("all", false, "print the tags of every feed")
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	s, diags, err := f.load()
	if err != nil {
		fmt.Fprintf(stderr, "feedgen: %v\n", err)
		return exitUsage
	}
	if s == nil || diags.HasErrors() {
		printDiags(stderr, diags)
		return exitFail
	}
	found := false
	for _, set := range s.result.Feeds {
		if !*all && set.Name != *name {
			continue
		}
		found = true
		if err := feed.WriteLinks(stdout, set.Links); err != nil {
			fmt.Fprintf(stderr, "feedgen: %v\n", err)
			return exitFail
		}
	}
	if !found {
		fmt.Fprintf(stderr, "feedgen: no feed named %q\n", *name)
		return exitFail
	}
	return exitOK
}
