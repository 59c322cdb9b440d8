package feed

import (
	"strconv"
	"time"

	"github.com/gorilla/feeds"
)

// atomFeed extends gorilla's Atom feed with xml:lang, several links (self,
// alternate, hub), a generator and several categories. gorilla's single
// Link stays nil: a slice of links named "link" replaces it.
type atomFeed struct {
	*feeds.AtomFeed
	Lang       string   `xml:"xml:lang,attr,omitempty"`
	TitleText  xmlText  `xml:"title"`
	Subtitle   *xmlText `xml:"subtitle,omitempty"`
	Links      []feeds.AtomLink
	Generator  *atomGenerator `xml:"generator,omitempty"`
	Categories []atomCategory `xml:"category"`
	Entries    []*atomEntry   `xml:"entry"`
}

// FeedXml lets gorilla/feeds serialize the feed.
func (f *atomFeed) FeedXml() any { return f }

// atomGenerator is <generator version="...">feedgen</generator>.
type atomGenerator struct {
	Version string `xml:"version,attr,omitempty"`
	Name    string `xml:",chardata"`
}

// atomCategory is <category term="..."/>; gorilla writes the term as text.
type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// atomEntry extends gorilla's entry with hex-escaped titles, several
// authors and categories.
type atomEntry struct {
	*feeds.AtomEntry
	TitleText  xmlText        `xml:"title"`
	Content    *atomContent   `xml:"content,omitempty"`
	Authors    []atomAuthor   `xml:"author"`
	Categories []atomCategory `xml:"category"`
}

// atomContent is HTML content as CDATA, which is smaller and easier to
// read than gorilla's entity-escaped text.
type atomContent struct {
	Type string `xml:"type,attr"`
	Text string `xml:",cdata"`
}

// atomAuthor is one <author>.
type atomAuthor struct {
	Name  xmlText `xml:"name"`
	URI   string  `xml:"uri,omitempty"`
	Email string  `xml:"email,omitempty"`
}

// atomDate formats t as RFC 3339 in UTC.
func atomDate(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// emptyFeedUpdated stands for "never" in a feed without items: Atom needs
// an updated instant, and the build clock would break reproducibility.
var emptyFeedUpdated = time.Unix(0, 0)

// writeAtom renders fs as Atom 1.0.
func (fs *FeedSet) writeAtom(cfg *Config, opts BuildOptions) ([]byte, error) {
	updated := fs.Updated
	if len(fs.Items) == 0 {
		updated = emptyFeedUpdated
	}
	f := &atomFeed{
		AtomFeed: &feeds.AtomFeed{
			Xmlns:   nsAtom,
			Id:      fs.ID,
			Updated: atomDate(updated),
			Rights:  CleanText(cfg.Copyright),
		},
		Lang:      cfg.Language,
		TitleText: textElem(fs.Title),
		Links: []feeds.AtomLink{
			{Href: fs.link("atom"), Rel: "self", Type: MediaAtom},
			{Href: fs.HomeURL, Rel: "alternate", Type: "text/html"},
		},
	}
	if fs.Description != "" {
		s := textElem(fs.Description)
		f.Subtitle = &s
	}
	if cfg.Hub != "" {
		f.Links = append(f.Links, feeds.AtomLink{Href: cfg.Hub, Rel: "hub"})
	}
	if cfg.Icon != "" {
		f.Icon = cfg.Abs(cfg.Icon)
	}
	if cfg.Logo != "" {
		f.Logo = cfg.Abs(cfg.Logo)
	}
	if cfg.GeneratorEnabled() {
		f.Generator = &atomGenerator{Version: opts.Version, Name: "feedgen"}
	}
	// Atom requires an author for every entry; a site that names none is
	// its own author.
	author := cfg.Author
	if author.Name == "" {
		author = Person{Name: PlainText(cfg.Title)}
	}
	f.Author = &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: CleanText(author.Name), Email: CleanText(author.Email), Uri: absOrEmpty(cfg, author.URL)}}
	for _, c := range cfg.Categories {
		f.Categories = append(f.Categories, atomCategory{Term: CleanText(c)})
	}
	for _, it := range fs.Items {
		f.Entries = append(f.Entries, atomEntryOf(cfg, it))
	}
	return marshalXML(f)
}

// atomEntryOf maps one item.
func atomEntryOf(cfg *Config, it *Item) *atomEntry {
	e := &atomEntry{
		AtomEntry: &feeds.AtomEntry{
			Id:        it.ID,
			Updated:   atomDate(it.Updated),
			Published: atomDate(it.Published),
			Links:     []feeds.AtomLink{{Href: it.Link, Rel: "alternate", Type: "text/html"}},
		},
		TitleText: textElem(it.Title),
	}
	if x := it.Article.ExternalURL; x != "" {
		e.Links = append(e.Links, feeds.AtomLink{Href: cfg.Abs(x), Rel: "related", Type: "text/html"})
	}
	if enc := it.Article.Enclosure; enc != nil {
		e.Links = append(e.Links, feeds.AtomLink{Href: it.mediaURL(cfg, enc.URL), Rel: "enclosure", Type: enc.Type, Length: strconv.FormatInt(enc.Length, 10)})
	}
	if it.Summary != "" {
		e.Summary = &feeds.AtomSummary{Content: it.Summary, Type: "text"}
	}
	if c := it.ContentHTML(cfg); c != "" {
		e.Content = &atomContent{Type: "html", Text: c}
	}
	for _, p := range it.Authors {
		e.Authors = append(e.Authors, atomAuthor{Name: textElem(p.Name), Email: CleanText(p.Email), URI: absOrEmpty(cfg, p.URL)})
	}
	for _, t := range it.Article.Tags {
		e.Categories = append(e.Categories, atomCategory{Term: CleanText(t)})
	}
	for _, t := range it.Article.Categories {
		e.Categories = append(e.Categories, atomCategory{Term: CleanText(t)})
	}
	return e
}

// absOrEmpty resolves a URL against the site, keeping "" as "".
func absOrEmpty(cfg *Config, s string) string {
	if s == "" {
		return ""
	}
	return cfg.Abs(s)
}
