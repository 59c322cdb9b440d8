/*
Package feed turns articles into RSS 2.0, Atom 1.0 and JSON Feed 1.1 files
that validators and feed readers accept, byte-identical for identical input.

It reads articles from an fs.FS or bytes and returns the feed files as bytes;
it never touches the real file system by path and never reads the clock:
everything time-dependent comes from BuildOptions.Now.

	cfg, diags := feed.ParseConfig("config.yaml", data)
	if cfg == nil {
		return diags.Err() // "config.yaml:3: base_url: ..."
	}
	res, diags := feed.BuildFS(cfg, os.DirFS("articles"), "articles",
		feed.BuildOptions{Now: now, Version: feed.Version}, nil)
	for _, f := range res.Files {
		// f.Path is "rss.xml", "atom.xml", "feed.json", "feed.html",
		// "tags/go/rss.xml", ...; f.Data its bytes.
	}

Articles are Markdown with YAML or TOML front matter (ParseMarkdown) or
news-wire plain text (ParseText). Problems are reported as *Error values
printed "path:line: message", all of them at once, in Diagnostics.

The package wraps github.com/gorilla/feeds, which serializes the feeds,
with types that add what it lacks (atom:link self, valid RSS authors, Atom
published dates, JSON Feed items that are always present, and more), and
checks its own output with CheckFeedAt, a feed checker that parses the
written bytes independently of the writer.
*/
package feed
