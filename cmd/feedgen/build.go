package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/feedgen/feedgen/feed"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	fs := newFlagSet("build", "[flags]", stderr)
	f.register(fs)
	quiet := fs.Bool("q", false, "print nothing but errors")
	verbose := fs.Bool("v", false, "also list each file written and each article skipped, and why")
	noCache := fs.Bool("no-cache", false, "neither read nor write the build cache ("+cacheDirName+"/ beside the config)")
	ping := fs.Bool("ping", false, "after writing, notify the config's WebSub hub of each feed that changed")
	var prof profileFlags
	prof.register(fs)
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	defer prof.start(stderr)()
	f.cache, f.lazy = !*noCache, true
	start := time.Now()
	f.progress = progressTo(stderr, *quiet)
	s, diags, err := f.load()
	if err != nil {
		fmt.Fprintf(stderr, "feedgen: %v\n", err)
		return exitUsage
	}
	if s != nil && s.unlock != nil {
		defer s.unlock()
	}
	if s != nil {
		diags = append(diags, s.checkFeeds(false)...)
		diags = append(diags, s.guardIDs()...)
	}
	if !*quiet || diags.HasErrors() {
		printDiags(stderr, diags)
	}
	if s == nil || diags.HasErrors() {
		return exitFail
	}
	if f.strict && diags.HasWarnings() {
		fmt.Fprintln(stderr, "feedgen: warnings are errors under -strict; nothing written")
		return exitFail
	}
	ctx := context.Background()
	if s.unlock != nil {
		ctx = context.WithValue(ctx, lockHeldKey{}, true)
	}
	rep, err := publishWithSignals(ctx, s.out, s.result.Files)
	if !*quiet {
		printDiags(stderr, rep.Warnings)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	if s.cache != nil {
		s.cache.Published(s.statOutput)
		if err := saveCache(s.cacheDir, s.cache); err != nil && !*quiet {
			fmt.Fprintf(stderr, "%s: warning: build cache not saved: %v\n", filepath.ToSlash(s.cacheDir), unwrapPath(err))
		}
	}
	if *verbose {
		for _, sk := range s.result.Skipped {
			fmt.Fprintf(stderr, "skipped %s (%s)\n", sk.Path, sk.Reason)
		}
		for _, rel := range rep.Written {
			fmt.Fprintf(stderr, "wrote %s\n", filepath.ToSlash(filepath.Join(s.out, rel)))
		}
		for _, rel := range rep.Removed {
			fmt.Fprintf(stderr, "removed %s\n", filepath.ToSlash(filepath.Join(s.out, rel)))
		}
	}
	if !*quiet {
		fmt.Fprintln(stderr, summary(s.result, time.Since(start)))
	}
	prof.writeHeap(stderr)
	if *ping {
		return s.ping(rep.Written, stderr, *verbose)
	}
	return exitOK
}

// ping notifies the hub of every feed whose bytes changed.
func (s *site) ping(written []string, stderr io.Writer, verbose bool) int {
	if s.cfg.Hub == "" {
		fmt.Fprintln(stderr, "feedgen: -ping needs hub: in the config")
		return exitFail
	}
	code := exitOK
	client := &http.Client{}
	for _, u := range changedFeedURLs(s, written) {
		if err := pingHub(context.Background(), client, s.cfg.Hub, u); err != nil {
			fmt.Fprintf(stderr, "%s: publish %s: %v\n", s.cfg.Hub, u, err)
			code = exitFail
		} else if verbose {
			fmt.Fprintf(stderr, "pinged %s for %s\n", s.cfg.Hub, u)
		}
	}
	return code
}

// summary is the one line printed after a build.
func summary(r *feed.Result, took time.Duration) string {
	st := r.Stats
	return fmt.Sprintf("feedgen: %d feeds (%d files), %d items from %d articles; skipped %d drafts, %d scheduled, %d expired; %s",
		st.Feeds, len(r.Files), st.Items, st.Articles, st.Drafts, st.Scheduled, st.Expired, took.Round(time.Millisecond))
}

// guardIDs compares the feeds in the output folder, as published before,
// with the new build. One file per feed set is enough, since the three
// formats carry the same ids: the JSON Feed, the quickest to read, where
// there is one. Feed sets the cache kept are unchanged.
func (s *site) guardIDs() feed.Diagnostics {
	var diags feed.Diagnostics
	seen := map[string]bool{} // an article is in several feeds: warn once
	for _, set := range s.result.Feeds {
		if set.Kept || len(set.Links) == 0 {
			continue
		}
		l := set.Links[len(set.Links)-1] // rss, atom, json: json is last when present
		prev, err := os.ReadFile(filepath.Join(s.out, filepath.FromSlash(feed.RelPath(s.cfg, l.URL))))
		if err != nil {
			continue
		}
		for _, d := range feed.GuardIDs(prev, set) {
			if k := d.Path + "\x00" + d.Err.Error(); !seen[k] {
				seen[k] = true
				diags = append(diags, d)
			}
		}
	}
	return diags
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progressTo returns a progress callback that, on a terminal and once a
// build has taken a second, shows how many articles are read; elsewhere
// (CI, pipes, -q) it returns nil.
func progressTo(w io.Writer, quiet bool) func(done, total int) {
	if quiet || !isTerminal(w) {
		return nil
	}
	start := time.Now()
	var last time.Time
	return func(done, total int) {
		now := time.Now()
		if now.Sub(start) < time.Second || (now.Sub(last) < 100*time.Millisecond && done < total) {
			return
		}
		last = now
		fmt.Fprintf(w, "\rreading articles: %d/%d", done, total)
		if done == total {
			fmt.Fprint(w, "\r\033[K")
		}
	}
}
