package feed

import (
	"net/url"
	"path"
	"slices"
	"strings"
)

// Media types of the published files.
const (
	MediaRSS  = "application/rss+xml"
	MediaAtom = "application/atom+xml"
	MediaJSON = "application/feed+json"
	MediaHTML = "text/html; charset=utf-8"
)

var allFormats = []string{"rss", "atom", "json"}

// feedSets selects the items of every feed: the site's main feed, the
// configured feeds and one per taxonomy term, in that order.
func feedSets(cfg *Config, items []*Item) []*FeedSet {
	var sets []*FeedSet
	add := func(name, title, desc, dir string, limit int, formats []string, keep func(*Item) bool) {
		fs := &FeedSet{Name: name, Title: title, Description: desc, Dir: dir, formats: formats}
		if limit == 0 {
			limit = cfg.Limit
		}
		for _, it := range items {
			if len(fs.Items) == limit {
				break
			}
			if keep(it) {
				fs.Items = append(fs.Items, it)
			}
		}
		fs.finish(cfg)
		sets = append(sets, fs)
	}
	desc := PlainText(cfg.Description)
	add("", PlainText(cfg.Title), desc, "", cfg.Limit, allFormats, func(*Item) bool { return true })
	for _, f := range cfg.Feeds {
		title := PlainText(f.Title)
		if title == "" {
			title = PlainText(cfg.Title) + ": " + f.Name
		}
		d := desc
		if f.Description != "" {
			d = PlainText(f.Description)
		}
		formats := f.Formats
		if len(formats) == 0 {
			formats = allFormats
		}
		add(f.Name, title, d, f.Path, f.Limit, formats, func(it *Item) bool { return f.matches(it) })
	}
	for _, tax := range cfg.Taxonomies {
		for _, t := range terms(items, tax) {
			label := map[string]string{"tags": "tag", "categories": "category", "authors": "author"}[tax]
			dir := tax + "/" + termSegment(t.slug, label)
			add(dir, PlainText(cfg.Title)+": "+label+" "+t.name, desc, dir, cfg.Limit, allFormats,
				func(it *Item) bool { return slices.Contains(itemTerms(it, tax), t.slug) })
		}
	}
	return sets
}

// finish fills the feed's derived fields.
func (fs *FeedSet) finish(cfg *Config) {
	fs.HomeURL = cfg.BaseURL
	if fs.Dir != "" {
		fs.HomeURL = cfg.Abs("/" + fs.Dir + "/")
	}
	if cfg.IDScheme == "tag" {
		dir := fs.Dir
		if dir == "" {
			dir = "site"
		}
		fs.ID = "tag:" + cfg.Tag.Authority + "," + cfg.Tag.Date + ":feeds/" + dir
	} else {
		fs.ID = fs.HomeURL
	}
	for i, it := range fs.Items {
		if i == 0 || it.Updated.After(fs.Updated) {
			fs.Updated = it.Updated
		}
	}
	names := map[string]string{"rss": cfg.Files.RSS, "atom": cfg.Files.Atom, "json": cfg.Files.JSON}
	media := map[string]string{"rss": MediaRSS, "atom": MediaAtom, "json": MediaJSON}
	label := map[string]string{"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
	for _, f := range allFormats {
		if !slices.Contains(fs.formats, f) {
			continue
		}
		fs.Links = append(fs.Links, FeedLink{
			Format:    f,
			Title:     fs.Title + " (" + label[f] + ")",
			URL:       cfg.Abs("/" + path.Join(fs.Dir, names[f])),
			MediaType: media[f],
		})
	}
}

// link returns the feed's link for format f, or "".
func (fs *FeedSet) link(f string) string {
	for _, l := range fs.Links {
		if l.Format == f {
			return l.URL
		}
	}
	return ""
}

// matches reports whether it belongs in the configured feed f. Empty
// filters match everything; filters of different kinds must all match.
func (f *FeedConfig) matches(it *Item) bool {
	a := it.Article
	if len(f.Sections) > 0 && !slices.Contains(f.Sections, a.Section) {
		return false
	}
	anyOf := func(want []string, tax string) bool {
		if len(want) == 0 {
			return true
		}
		have := itemTerms(it, tax)
		for _, w := range want {
			if slices.Contains(have, Slugify(w)) {
				return true
			}
		}
		return false
	}
	return anyOf(f.Tags, "tags") && anyOf(f.Categories, "categories") && anyOf(f.Authors, "authors")
}

// rawTerms returns it's terms in taxonomy tax as written.
func rawTerms(it *Item, tax string) []string {
	switch tax {
	case "tags":
		return it.Article.Tags
	case "categories":
		return it.Article.Categories
	case "authors":
		raw := make([]string, len(it.Authors))
		for i, p := range it.Authors {
			raw[i] = p.Name
		}
		return raw
	}
	return nil
}

// itemTerms returns the slugs of it's terms in taxonomy tax.
func itemTerms(it *Item, tax string) []string {
	raw := rawTerms(it, tax)
	out := make([]string, 0, len(raw))
	for _, r := range raw {
		if s := Slugify(r); s != "" {
			out = append(out, s)
		}
	}
	return out
}

type term struct{ slug, name string }

// terms lists the distinct terms of tax over items, by slug; a term's name
// is its spelling in the newest item that has it.
func terms(items []*Item, tax string) []term {
	names := map[string]string{}
	for _, it := range items {
		for _, r := range rawTerms(it, tax) {
			s := Slugify(r)
			if _, ok := names[s]; !ok && s != "" {
				names[s] = PlainText(r)
			}
		}
	}
	out := make([]term, 0, len(names))
	for s, n := range names {
		out = append(out, term{s, n})
	}
	slices.SortFunc(out, func(a, b term) int { return strings.Compare(a.slug, b.slug) })
	return out
}

// RelPath returns the path under the output folder of a URL the build
// published, or "" for a URL outside the site.
func RelPath(cfg *Config, u string) string {
	rel, ok := strings.CutPrefix(u, cfg.BaseURL)
	if !ok {
		return ""
	}
	if p, err := url.PathUnescape(rel); err == nil {
		return p
	}
	return rel
}
