package feed

import (
	"encoding/xml"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/feeds"
)

// rssDoc is the <rss> root. gorilla/feeds writes only the content
// namespace and no atom:link, so the root and channel are wrapped.
type rssDoc struct {
	XMLName   xml.Name    `xml:"rss"`
	Version   string      `xml:"version,attr"`
	NSContent string      `xml:"xmlns:content,attr"`
	NSAtom    string      `xml:"xmlns:atom,attr"`
	NSDC      string      `xml:"xmlns:dc,attr"`
	Channel   *rssChannel `xml:"channel"`
}

// FeedXml lets gorilla/feeds serialize the document.
func (d *rssDoc) FeedXml() any { return d }

// rssChannel extends gorilla's channel with hex-escaped text, the self and
// hub links, several categories, and items of our own type.
type rssChannel struct {
	Title       xmlText       `xml:"title"`
	Link        string        `xml:"link"`
	Description xmlText       `xml:"description"`
	AtomLinks   []rssAtomLink `xml:"atom:link"`
	*feeds.RssFeed
	Categories []xmlText  `xml:"category"`
	Items      []*rssItem `xml:"item"`
}

// rssAtomLink is <atom:link>; gorilla's AtomLink cannot be renamed.
type rssAtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

// rssItem extends gorilla's item with hex-escaped text, dc:creator and one
// category per tag.
type rssItem struct {
	Title       xmlText `xml:"title"`
	Link        string  `xml:"link"`
	Description xmlText `xml:"description"`
	*feeds.RssItem
	Creators   []xmlText `xml:"dc:creator"`
	Categories []xmlText `xml:"category"`
}

// htmlEscaper escapes plain text for HTML, touching only what must be.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// rssDate formats t as RFC 822 with a four-digit year, in UTC.
func rssDate(t time.Time) string { return t.UTC().Format(time.RFC1123Z) }

// writeRSS renders fs as RSS 2.0.
func (fs *FeedSet) writeRSS(cfg *Config, opts BuildOptions) ([]byte, error) {
	ch := &rssChannel{
		Title:       textElem(fs.Title),
		Link:        fs.HomeURL,
		Description: textElem(orDefault(fs.Description, fs.Title)),
		AtomLinks:   []rssAtomLink{{Href: fs.link("rss"), Rel: "self", Type: MediaRSS}},
		RssFeed: &feeds.RssFeed{
			Language:  cfg.Language,
			Copyright: CleanText(cfg.Copyright),
			Ttl:       cfg.TTL,
			Docs:      "https://www.rssboard.org/rss-specification",
		},
	}
	if cfg.Hub != "" {
		ch.AtomLinks = append(ch.AtomLinks, rssAtomLink{Href: cfg.Hub, Rel: "hub"})
	}
	if cfg.GeneratorEnabled() {
		ch.Generator = generatorName(opts)
	}
	if e := cfg.Author.Email; e != "" {
		ch.ManagingEditor = contact(cfg.Author)
	}
	if len(fs.Items) > 0 {
		// RSS items carry only their publish date, so the channel's dates
		// are the newest of those.
		ch.LastBuildDate = rssDate(fs.Items[0].Published)
		ch.PubDate = ch.LastBuildDate
	}
	if img := orDefault(cfg.Logo, cfg.Icon); img != "" {
		ch.Image = &feeds.RssImage{Url: cfg.Abs(img), Title: fs.Title, Link: fs.HomeURL}
	}
	for _, c := range cfg.Categories {
		ch.Categories = append(ch.Categories, textElem(c))
	}
	for _, it := range fs.Items {
		ch.Items = append(ch.Items, rssItemOf(cfg, it))
	}
	return marshalXML(&rssDoc{Version: "2.0", NSContent: nsContent, NSAtom: nsAtom, NSDC: nsDC, Channel: ch})
}

// rssItemOf maps one item.
func rssItemOf(cfg *Config, it *Item) *rssItem {
	ri := &rssItem{
		Title: textElem(it.Title),
		Link:  it.Link,
		// RSS readers treat description as HTML: the plain-text summary is
		// HTML-escaped first, then XML-escaped.
		Description: textElem(htmlEscaper.Replace(it.Summary)),
		RssItem: &feeds.RssItem{
			Guid:    &feeds.RssGuid{Id: it.ID, IsPermaLink: strconv.FormatBool(it.IsPermaLink)},
			PubDate: rssDate(it.Published),
		},
	}
	if c := it.ContentHTML(cfg); c != "" {
		ri.Content = &feeds.RssContent{Content: c}
	}
	if len(it.Authors) == 1 && it.Authors[0].Email != "" {
		ri.Author = contact(it.Authors[0])
	} else {
		for _, p := range it.Authors {
			ri.Creators = append(ri.Creators, textElem(p.Name))
		}
	}
	for _, t := range it.Article.Tags {
		ri.Categories = append(ri.Categories, textElem(t))
	}
	for _, t := range it.Article.Categories {
		ri.Categories = append(ri.Categories, textElem(t))
	}
	if e := it.Article.Enclosure; e != nil {
		ri.Enclosure = &feeds.RssEnclosure{Url: it.mediaURL(cfg, e.URL), Length: strconv.FormatInt(e.Length, 10), Type: e.Type}
	}
	return ri
}

// contact formats p as an RSS e-mail contact: "email (Name)".
func contact(p Person) string {
	if p.Name == "" {
		return CleanText(p.Email)
	}
	return CleanText(p.Email + " (" + p.Name + ")")
}

// generatorName names feedgen and its version.
func generatorName(opts BuildOptions) string {
	if opts.Version == "" {
		return "feedgen"
	}
	return "feedgen " + opts.Version
}

// orDefault returns s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
