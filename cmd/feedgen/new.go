package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/feedgen/feedgen/feed"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	fset := newFlagSet("new", `[flags] "Title"`, stderr)
	config := fset.String("config", "config.yaml", "config `file`")
	articles := fset.String("articles", "", "articles `folder` (default: the config's)")
	txt := fset.Bool("txt", false, "create a plain-text (news-wire) article instead of Markdown")
	now := fset.String("now", "", "use this `RFC3339` time as today (default: $SOURCE_DATE_EPOCH, else the clock)")
	// The title is the one argument; flags may come before it.
	if code, ok := parseFlagsArgs(fset, args, stdout); !ok {
		return code
	}
	if fset.NArg() != 1 || strings.TrimSpace(fset.Arg(0)) == "" {
		fmt.Fprintln(stderr, `feedgen new: want one title, like: feedgen new "My first post"`)
		fset.Usage()
		return exitUsage
	}
	title := strings.TrimSpace(fset.Arg(0))
	sf := siteFlags{now: *now}
	today, err := sf.nowTime()
	if err != nil {
		fmt.Fprintf(stderr, "feedgen: %v\n", err)
		return exitUsage
	}
	data, err := os.ReadFile(*config)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", *config, unwrapPath(err))
		return exitFail
	}
	cfg, diags := feed.ParseConfig(*config, data)
	if cfg == nil {
		printDiags(stderr, diags)
		return exitFail
	}
	dir := filepath.Join(filepath.Dir(*config), cfg.Articles)
	if *articles != "" {
		dir = *articles
	}
	slug := feed.Slugify(title)
	if slug == "" {
		slug = "untitled"
	}
	date := today.In(cfg.Location()).Format(time.DateOnly)
	name := filepath.Join(dir, date+"-"+slug+".md")
	body := "---\n" +
		"title: " + yamlQuote(title) + "\n" +
		"date: " + date + "\n" +
		"draft: true\n" +
		"tags: []\n" +
		"---\n" +
		"Write here. Remove `draft: true` to publish.\n"
	if *txt {
		// Plain text has no title or draft flag: the first sentence is the title.
		name = filepath.Join(dir, date+"-"+slug+".txt")
		body = "date " + date + " " + title + ".\n\nWrite the story here, paragraphs split by blank lines.\n"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", filepath.ToSlash(dir), unwrapPath(err))
		return exitFail
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(stderr, "%s: already exists; not overwritten\n", filepath.ToSlash(name))
		return exitFail
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", filepath.ToSlash(name), unwrapPath(err))
		return exitFail
	}
	_, werr := io.WriteString(f, body)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(name)
		fmt.Fprintf(stderr, "%s: %v\n", filepath.ToSlash(name), werr)
		return exitFail
	}
	fmt.Fprintln(stdout, filepath.ToSlash(name))
	return exitOK
}

// yamlQuote writes s as a double-quoted YAML scalar.
func yamlQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}
