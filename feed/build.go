package feed

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// BuildOptions says what a build includes. The zero value builds what a
// published site shows at the instant Now.
type BuildOptions struct {
	Now     time.Time // articles dated after Now are scheduled, not published; required
	Drafts  bool      // include drafts (local preview only)
	Future  bool      // include scheduled and expired articles (local preview only)
	Strict  bool      // turn warnings about left-out files into errors
	Version string    // feedgen's version, for the generator element
}

// File is one output file, its path relative to the output folder.
type File struct {
	Path      string // slash path under the output folder
	Data      []byte
	MediaType string
}

// Skip records an article that is left out of every feed, and why.
type Skip struct {
	Path   string
	Reason string // "draft", "scheduled", "expired"
}

// Stats counts what a build read and wrote.
type Stats struct {
	Articles  int // articles read and parsed
	Published int // articles that can appear in feeds
	Drafts    int
	Scheduled int
	Expired   int
	Feeds     int // feed sets written
	Items     int // items written, summed over all feed files of one format
}

// FeedSet is one feed in its three formats.
type FeedSet struct {
	Name        string // "" for the site's main feed
	Title       string
	Description string
	Dir         string // slash folder under the output folder, "" for the root
	ID          string // the feed's stable id (Atom id)
	HomeURL     string // the page the feed belongs to
	Links       []FeedLink
	Items       []*Item
	Updated     time.Time // newest item's updated instant; zero for an empty feed
	formats     []string
}

// Item is one article as it appears in feeds.
type Item struct {
	Article     *Article
	ID          string
	IsPermaLink bool   // ID is the article's URL
	Link        string // absolute permalink
	Title       string // plain text
	Summary     string // plain text, at most 300 characters
	Published   time.Time
	Updated     time.Time // at least Published; unique across the site
	Authors     []Person

	once    sync.Once
	content string
	excerpt string
	err     error
}

// Result is the outcome of a build.
type Result struct {
	Files   []File // in a stable order
	Feeds   []*FeedSet
	Stats   Stats
	Skipped []Skip
}

// summaryMax is the longest summary, in characters, "…" included.
const summaryMax = 300

// Build turns parsed articles into feed files. It never reads the clock:
// everything time-dependent comes from opts.Now. All problems are returned;
// when there are errors the Result is nil.
func Build(cfg *Config, arts []*Article, opts BuildOptions) (*Result, Diagnostics) {
	var diags Diagnostics
	res := &Result{}
	res.Stats.Articles = len(arts)

	var pub []*Article
	for _, a := range arts {
		switch {
		case a.Draft && !opts.Drafts:
			res.Stats.Drafts++
			res.Skipped = append(res.Skipped, Skip{a.Path, "draft"})
		case !opts.Future && (a.Date.After(opts.Now) || a.PublishDate.After(opts.Now)):
			res.Stats.Scheduled++
			res.Skipped = append(res.Skipped, Skip{a.Path, "scheduled"})
		case !opts.Future && !a.ExpiryDate.IsZero() && !a.ExpiryDate.After(opts.Now):
			res.Stats.Expired++
			res.Skipped = append(res.Skipped, Skip{a.Path, "expired"})
		default:
			pub = append(pub, a)
		}
	}
	res.Stats.Published = len(pub)

	items, d := makeItems(cfg, pub)
	diags = append(diags, d...)
	if diags.HasErrors() {
		return nil, diags
	}

	sets := feedSets(cfg, items)
	for _, fs := range sets {
		for _, it := range fs.Items {
			if err := it.render(cfg); err != nil {
				diags = append(diags, errorf(it.Article.Path, it.Article.BodyLine, "%v", err))
			}
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	for _, fs := range sets {
		files, err := fs.write(cfg, opts)
		if err != nil {
			diags = append(diags, errorf(path.Join(cfg.Output, fs.Dir), 0, "%v", err))
			continue
		}
		res.Files = append(res.Files, files...)
		res.Stats.Items += len(fs.Items)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	res.Feeds = sets
	res.Stats.Feeds = len(sets)
	return res, diags
}

// makeItems gives every published article its link, id and instants, in
// feed order: newest first, ties broken by path.
func makeItems(cfg *Config, arts []*Article) ([]*Item, Diagnostics) {
	var diags Diagnostics
	items := make([]*Item, 0, len(arts))
	for _, a := range arts {
		it := &Item{Article: a}
		var err error
		if it.Link, err = permalink(cfg, a); err != nil {
			diags = append(diags, errorf(a.Path, a.Line["url"], "%v", err))
			continue
		}
		switch {
		case a.ID != "":
			u, err := url.Parse(a.ID)
			if err != nil || !u.IsAbs() {
				diags = append(diags, errorf(a.Path, a.Line["id"], "id %q must be an absolute URI, like https://example.org/posts/x/ or tag:example.org,2024:x", a.ID))
				continue
			}
			it.ID = a.ID
			it.IsPermaLink = a.ID == it.Link
		case cfg.IDScheme == "tag":
			it.ID = "tag:" + cfg.Tag.Authority + "," + cfg.Tag.Date + ":" + articleSlug(a)
		default:
			it.ID = it.Link
			it.IsPermaLink = true
		}
		it.Title = PlainText(a.Title)
		if it.Title == "" {
			it.Title = articleSlug(a)
		}
		it.Authors = a.Authors
		if len(it.Authors) == 0 && cfg.Author.Name != "" {
			it.Authors = []Person{cfg.Author}
		}
		it.Published = a.Date.UTC().Truncate(time.Second)
		items = append(items, it)
	}

	// Two articles may not share an id or a URL: readers would merge them.
	byID := map[string]*Item{}
	byLink := map[string]*Item{}
	for _, it := range items {
		if o := byID[it.ID]; o != nil {
			line := it.Article.Line["id"]
			if line == 0 { // the id is the permalink
				line = it.Article.Line["slug"]
			}
			diags = append(diags, errorf(it.Article.Path, line, "duplicate id %q: %s has it too; set a different slug: or id:", it.ID, o.Article.Path))
		} else {
			byID[it.ID] = it
		}
		if o := byLink[it.Link]; o != nil && it.Link != it.ID {
			diags = append(diags, errorf(it.Article.Path, it.Article.Line["slug"], "duplicate permalink %q: %s has it too; set a different slug:", it.Link, o.Article.Path))
		} else {
			byLink[it.Link] = it
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}

	slices.SortStableFunc(items, func(a, b *Item) int {
		if c := b.Published.Compare(a.Published); c != 0 {
			return c
		}
		return strings.Compare(a.Article.Path, b.Article.Path)
	})
	separateInstants(items)
	return items, diags
}

// separateInstants makes every item's published and updated instants
// distinct, since Atom readers and validators treat entries with the same
// updated instant as ambiguous. Items arrive newest first. Walking from the
// oldest, an item whose instant is not after the one below it is moved to one
// second after it; so of several date-only articles on one day, the one whose
// path sorts last keeps midnight and each one above it gets one more second.
// Order is kept, nothing moves earlier, and the result depends only on the
// input. Updated instants are then made unique the same way, in feed order.
func separateInstants(items []*Item) {
	for i := len(items) - 2; i >= 0; i-- {
		if next := items[i+1].Published; !items[i].Published.After(next) {
			items[i].Published = next.Add(time.Second)
		}
	}
	seen := make(map[int64]bool, len(items))
	for _, it := range items {
		u := it.Article.Updated.UTC().Truncate(time.Second)
		if u.Before(it.Published) {
			u = it.Published
		}
		for seen[u.Unix()] {
			u = u.Add(time.Second)
		}
		seen[u.Unix()] = true
		it.Updated = u
	}
}

// articleSlug returns the slugified slug of a.
func articleSlug(a *Article) string {
	if s := Slugify(a.Slug); s != "" {
		return s
	}
	if s := Slugify(a.Filename); s != "" {
		return s
	}
	return "article"
}

// permalink returns the absolute URL of a.
func permalink(cfg *Config, a *Article) (string, error) {
	if a.URL != "" {
		if !webURL(cfg.base, a.URL) {
			return "", fmt.Errorf("url %q must be an http(s) URL or a site-relative path", a.URL)
		}
		return cfg.Abs(a.URL), nil
	}
	d := a.Date.In(cfg.Location())
	r := strings.NewReplacer(
		":year", fmt.Sprintf("%04d", d.Year()),
		":month", fmt.Sprintf("%02d", int(d.Month())),
		":day", fmt.Sprintf("%02d", d.Day()),
		":section", url.PathEscape(Slugify(a.Section)),
		":slug", url.PathEscape(articleSlug(a)),
		":filename", url.PathEscape(articleFilename(a)),
	)
	p := path.Clean(r.Replace(cfg.Permalink))
	if strings.HasSuffix(cfg.Permalink, "/") && p != "/" {
		p += "/"
	}
	return cfg.Abs(p), nil
}

// articleFilename returns the slugified file name of a.
func articleFilename(a *Article) string {
	if s := Slugify(a.Filename); s != "" {
		return s
	}
	return articleSlug(a)
}

// render fills the item's content and summary, once.
func (it *Item) render(cfg *Config) error {
	it.once.Do(func() {
		a := it.Article
		content, excerpt := a.ContentHTML, ""
		if a.Format == FormatMarkdown {
			var err error
			content, excerpt, err = RenderMarkdown(a.Body, cfg.Markdown.RawHTML == RawHTMLEscape)
			if err != nil {
				it.err = fmt.Errorf("rendering Markdown: %w", err)
				return
			}
			if cfg.Markdown.RawHTML != RawHTMLTrust {
				content = SanitizeHTML(content)
				excerpt = SanitizeHTML(excerpt)
			}
		}
		base, err := url.Parse(it.Link)
		if err != nil {
			it.err = err
			return
		}
		it.content = ResolveHTML(content, base)
		switch {
		case a.Summary != "":
			it.Summary = Truncate(PlainText(a.Summary), summaryMax)
		case excerpt != "":
			it.Summary = Truncate(PlainText(excerpt), summaryMax)
		default:
			it.Summary = Truncate(PlainText(content), summaryMax)
		}
		it.excerpt = excerpt
	})
	return it.err
}

// ContentHTML returns the item's full HTML with absolute URLs, or "" when
// the config publishes summaries only.
func (it *Item) ContentHTML(cfg *Config) string {
	if cfg.Content == "summary" {
		return ""
	}
	return it.content
}
