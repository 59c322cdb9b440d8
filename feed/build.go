package feed

import (
	"fmt"
	"hash/fnv"
	"hash/maphash"
	"io/fs"
	"net/url"
	"path"
	"runtime"
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

	// Cache, when not nil, lets BuildFS skip what has not changed since the
	// build that filled it; the output is byte-identical either way.
	Cache *Cache
	// Stat reports the size and modification time (Unix nanoseconds) of a
	// file now in the output folder (a slash path under it). With a Cache,
	// a feed set is kept only when all its files are still there as the
	// cached build left them.
	Stat func(path string) (size, mtime int64, ok bool)
	// Lazy leaves File.Data nil: File.Bytes writes each file when asked,
	// so a build holds its items but never its whole output at once.
	Lazy bool
}

// File is one output file, its path relative to the output folder.
type File struct {
	Path      string // slash path under the output folder
	Data      []byte
	MediaType string
	// Keep says the file is unchanged since the cached build that wrote it:
	// Data is nil and the file in the output folder stays as it is.
	Keep bool

	gen func() ([]byte, error) // writes Data on demand (BuildOptions.Lazy)
}

// Bytes returns the file's contents: Data, or, when the build was lazy,
// the file written now. Each call writes it anew and keeps nothing, so a
// caller can hold every File of a large build and the bytes of one.
func (f File) Bytes() ([]byte, error) {
	if f.gen == nil {
		return f.Data, nil
	}
	return f.gen()
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
	Kept        bool      // unchanged since the cached build; Items is nil
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

	content string
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
	b := newBuilder(cfg, opts)
	b.arts = arts
	b.files = make([]string, len(arts))
	for i, a := range arts {
		b.files[i] = a.Path
	}
	res := &Result{}
	var diags Diagnostics
	var es []entry
	for i, a := range arts {
		if e, ok, d := b.admit(res, int32(i), a.Path, b.admissionOf(a)); d != nil {
			diags = append(diags, d)
		} else if ok {
			es = append(es, e)
		}
	}
	return b.build(res, es, diags)
}

// BuildFS reads every article under the root of fsys (the articles
// folder, which the user knows as prefix) and builds the feeds, keeping of
// each article only what selection needs, so memory stays flat however
// large the site: the published articles are read again to be rendered.
// progress, when not nil, is called after each file with the count done
// and the total, from one goroutine at a time.
func BuildFS(cfg *Config, fsys fs.FS, prefix string, opts BuildOptions, progress func(done, total int)) (*Result, Diagnostics) {
	b := newBuilder(cfg, opts)
	b.fsys, b.prefix = fsys, prefix
	var diags Diagnostics
	b.files, diags = articleFiles(fsys, prefix, cfg)

	res := &Result{}
	type outcome struct {
		e     entry
		ok    bool
		diags Diagnostics
		skip  *Skip
	}
	outs := make([]outcome, len(b.files))
	var (
		mu   sync.Mutex
		done int
	)
	parallel(len(b.files), func(i int) {
		ad, d, stamp := b.loadCached(i)
		o := &outs[i]
		o.diags = d
		if ad != nil {
			var r Result
			var err *Error
			o.e, o.ok, err = b.admit(&r, int32(i), b.path(int32(i)), ad)
			o.e.stamp = stamp
			if err != nil {
				o.diags = append(o.diags, err)
			}
			if len(r.Skipped) > 0 {
				o.skip = &r.Skipped[0]
			}
		}
		if progress != nil {
			mu.Lock()
			done++
			progress(done, len(b.files))
			mu.Unlock()
		}
	})
	var es []entry
	for _, o := range outs {
		diags = append(diags, o.diags...)
		if o.skip != nil {
			res.Stats.Articles++
			res.count(*o.skip)
		} else if o.ok {
			res.Stats.Articles++
			es = append(es, o.e)
		} else if !o.diags.HasErrors() && len(o.diags) == 0 {
			res.Stats.Articles++
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return b.build(res, es, diags)
}

// newBuilder starts a build.
func newBuilder(cfg *Config, opts BuildOptions) *builder {
	return &builder{cfg: cfg, opts: opts, seed: maphash.MakeSeed()}
}

// count records a skipped article.
func (r *Result) count(s Skip) {
	r.Skipped = append(r.Skipped, s)
	switch s.Reason {
	case "draft":
		r.Stats.Drafts++
	case "scheduled":
		r.Stats.Scheduled++
	case "expired":
		r.Stats.Expired++
	}
}

// admit decides whether an article (file number file, at path, reduced
// to ad) is published now and returns its entry if so; an article left out
// is counted in res.
func (b *builder) admit(res *Result, file int32, path string, ad *admission) (entry, bool, *Error) {
	opts := b.opts
	reason := ""
	switch {
	case ad.draft && !opts.Drafts:
		reason = "draft"
	case !opts.Future && (ad.date.After(opts.Now) || ad.publish.After(opts.Now)):
		reason = "scheduled"
	case !opts.Future && !ad.expiry.IsZero() && !ad.expiry.After(opts.Now):
		reason = "expired"
	}
	if reason != "" {
		res.count(Skip{path, reason})
		return entry{}, false, nil
	}
	res.Stats.Articles++
	if ad.err != nil {
		return entry{}, false, ad.err
	}
	return b.newEntry(file, ad), true, nil
}

// loadCached reduces file i to its admission: from the cache when the
// file's size and modification time are unchanged (without parsing it), else
// by parsing it (and then caching it). It returns the admission (nil on
// errors), the file's messages and its stamp (0 without a cache).
func (b *builder) loadCached(i int) (*admission, Diagnostics, uint64) {
	c, rel := b.opts.Cache, b.files[i]
	var size, mtime int64
	stamp := uint64(0)
	if c != nil {
		if st, err := fs.Stat(b.fsys, rel); err == nil {
			size, mtime = st.Size(), st.ModTime().UnixNano()
			stamp = stampOf(size, mtime)
			if f, ok := c.file(rel, size, mtime); ok {
				if ad, warnings, ok := f.decodeAdmission(); ok {
					var d Diagnostics
					for _, w := range warnings {
						d = append(d, warnf(b.path(int32(i)), w.line, "%s", w.msg))
					}
					return ad, d, stamp
				}
			}
		} else {
			c = nil // not statable: not cached
		}
	}
	a, d := loadOne(b.fsys, b.prefix, rel, b.cfg)
	if a == nil {
		return nil, d, stamp
	}
	ad := b.admissionOf(a)
	if c != nil && !d.HasErrors() && ad.err == nil {
		var warnings []cachedDiag
		for _, w := range d {
			warnings = append(warnings, cachedDiag{w.Line, w.Err.Error()})
		}
		m := *a // the cache keeps the metadata, not the body
		m.Body, m.ContentHTML = nil, ""
		c.putFile(rel, cachedFile{size: size, mtime: mtime, payload: encodePayload(&m, nil), admission: encodeAdmission(ad, warnings)})
	}
	return ad, d, stamp
}

// article returns the article behind an entry: the caller's, the cache's
// (metadata only: no body), or read again when the build streams.
func (b *builder) article(e *entry) (*Article, error) {
	if b.fsys == nil {
		return b.arts[e.file], nil
	}
	if c := b.opts.Cache; c != nil {
		c.mu.Lock()
		f, ok := c.next.files[b.files[e.file]]
		c.mu.Unlock()
		if a, _, decoded := f.decode(); ok && decoded && a != nil {
			return a, nil
		}
	}
	return b.reload(e)
}

// reload reads and parses an entry's file again, body included.
func (b *builder) reload(e *entry) (*Article, error) {
	a, d := loadOne(b.fsys, b.prefix, b.files[e.file], b.cfg)
	if a == nil {
		return nil, fmt.Errorf("changed while building (%v); build again", d.Err())
	}
	return a, nil
}

// build finishes a build from the published entries.
func (b *builder) build(res *Result, es []entry, diags Diagnostics) (*Result, Diagnostics) {
	cfg, opts := b.cfg, b.opts
	res.Stats.Published = len(es)
	if res.Stats.Articles < len(es)+res.Stats.Drafts+res.Stats.Scheduled+res.Stats.Expired {
		res.Stats.Articles = len(es) + res.Stats.Drafts + res.Stats.Scheduled + res.Stats.Expired
	}
	slices.SortFunc(res.Skipped, func(x, y Skip) int { return strings.Compare(x.Path, y.Path) })

	// Two articles may not share an id or a URL: readers would merge them.
	// The entries are still in path order, so the later file is reported.
	diags = append(diags, b.duplicates(es)...)
	if diags.HasErrors() {
		return nil, diags
	}
	b.order(es)
	separate(es)
	sels := b.selectFeeds(es)
	kept := b.keepSets(sels, es)

	// Make and render each published item once, however many feeds it is
	// in, on every core.
	items := map[int32]*Item{}
	var todo []int32
	for k, sel := range sels {
		if kept[k] != nil {
			continue
		}
		for _, i := range sel.entries {
			if items[i] == nil {
				items[i] = &Item{}
				todo = append(todo, i)
			}
		}
	}
	parallel(len(todo), func(k int) {
		e := &es[todo[k]]
		it := items[todo[k]]
		a, err := b.article(e)
		if err != nil {
			it.Article, it.err = &Article{Path: b.path(e.file)}, err
			return
		}
		b.fill(it, e, a)
		if it.err != nil {
			return
		}
		c := b.opts.Cache
		if c != nil {
			if r, ok := c.render(b.files[e.file], e.stamp, it.Link); ok {
				it.content, it.Summary = r.content, r.summary
				return
			}
			if a.Body == nil && a.ContentHTML == "" {
				if it.Article, it.err = b.reload(e); it.err != nil {
					return
				}
			}
		}
		it.render(cfg)
		if c != nil && it.err == nil {
			c.putRender(b.files[e.file], cachedRender{stamp: e.stamp, link: it.Link, content: it.content, summary: it.Summary})
		}
		it.Article.Body = nil
	})
	for _, i := range todo {
		if it := items[i]; it.err != nil {
			diags = append(diags, errorf(it.Article.Path, it.Article.BodyLine, "%v", it.err))
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	sets := make([]*FeedSet, len(sels))
	for k, sel := range sels {
		fs := sel.set
		if kept[k] == nil {
			for _, i := range sel.entries {
				fs.Items = append(fs.Items, items[i])
			}
		}
		fs.finish(cfg)
		fs.Kept = kept[k] != nil
		sets[k] = fs
	}

	// Serialize the feed sets on every core (unless lazy: then publishing
	// writes them one by one); the files keep set order.
	files := make([][]File, len(sets))
	errs := make([]error, len(sets))
	parallel(len(sets), func(i int) {
		if kept[i] != nil {
			files[i] = kept[i]
			return
		}
		if opts.Lazy {
			files[i] = sets[i].files(cfg, opts)
		} else {
			files[i], errs[i] = sets[i].write(cfg, opts)
		}
		if c := opts.Cache; c != nil && errs[i] == nil {
			rec := cachedSet{key: sels[i].key, items: len(sets[i].Items)}
			for _, f := range files[i] {
				rec.files = append(rec.files, cachedOut{f.Path, f.MediaType, int64(len(f.Data)), 0})
			}
			c.putSet(sets[i].Dir, rec)
		}
	})
	for i, fs := range sets {
		if errs[i] != nil {
			diags = append(diags, errorf(path.Join(cfg.Output, fs.Dir), 0, "%v", errs[i]))
			continue
		}
		res.Files = append(res.Files, files[i]...)
		res.Stats.Items += len(sels[i].entries)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	res.Feeds = sets
	res.Stats.Feeds = len(sets)
	return res, diags
}

// keepSets decides, with a cache, which feed sets are unchanged since the
// cached build: same key (the set, its items' files and instants, the
// config) and every file still in the output folder at its size. It
// returns, per selection, the kept files or nil.
func (b *builder) keepSets(sels []*selection, es []entry) [][]File {
	kept := make([][]File, len(sels))
	for k, sel := range sels {
		h := fnv.New64a()
		fmt.Fprintf(h, "%q %q %q %q %q\n", sel.set.Name, sel.set.Title, sel.set.Description, sel.set.Dir, sel.set.formats)
		for _, i := range sel.entries {
			e := &es[i]
			fmt.Fprintf(h, "%q %d %d %d\n", b.files[e.file], e.stamp, e.pub, e.upd)
		}
		sel.key = h.Sum64()
		c := b.opts.Cache
		if c == nil || b.opts.Stat == nil {
			continue
		}
		prev, ok := c.set(sel.set.Dir)
		if !ok || prev.key != sel.key {
			continue
		}
		files := make([]File, 0, len(prev.files))
		for _, f := range prev.files {
			if size, mtime, ok := b.opts.Stat(f.path); !ok || size != f.size || mtime != f.mtime {
				files = nil
				break
			}
			files = append(files, File{Path: f.path, MediaType: f.media, Keep: true})
		}
		if files != nil {
			kept[k] = files
			c.putSet(sel.set.Dir, prev)
		}
	}
	return kept
}

// duplicates reports articles that share an id or a permalink, naming both
// files. Entries hold hashes; the articles are read again for the message.
func (b *builder) duplicates(es []entry) Diagnostics {
	var diags Diagnostics
	byID := make(map[uint64]int, len(es))
	byLink := make(map[uint64]int, len(es))
	report := func(i, j int, what string) {
		x, err1 := b.article(&es[j]) // the later one in feed order
		y, err2 := b.article(&es[i])
		if err1 != nil || err2 != nil {
			diags = append(diags, errorf(b.path(es[j].file), 0, "duplicate %s: %s has it too", what, b.path(es[i].file)))
			return
		}
		link, _ := permalink(b.cfg, x)
		id, _, _ := itemID(b.cfg, x, link)
		val, key, fix := id, "id", "set a different slug: or id:"
		if what == "permalink" {
			val, key, fix = link, "slug", "set a different slug:"
		}
		line := x.Line[key]
		if line == 0 { // the id is the permalink
			line = x.Line["slug"]
		}
		diags = append(diags, errorf(x.Path, line, "duplicate %s %q: %s has it too; %s", what, val, y.Path, fix))
	}
	for i := range es {
		if j, ok := byID[es[i].id]; ok {
			report(j, i, "id")
		} else {
			byID[es[i].id] = i
		}
		if es[i].link == es[i].id {
			continue // the id is the permalink: reported once
		}
		if j, ok := byLink[es[i].link]; ok {
			report(j, i, "permalink")
		} else {
			byLink[es[i].link] = i
		}
	}
	return diags
}

// itemID returns the item id of a published article whose permalink is link.
func itemID(cfg *Config, a *Article, link string) (id string, isPermaLink bool, _ *Error) {
	switch {
	case a.ID != "":
		u, err := url.Parse(a.ID)
		if err != nil || !u.IsAbs() {
			return "", false, errorf(a.Path, a.Line["id"], "id %q must be an absolute URI, like https://example.org/posts/x/ or tag:example.org,2024:x", a.ID)
		}
		return a.ID, a.ID == link, nil
	case cfg.IDScheme == "tag":
		return "tag:" + cfg.Tag.Authority + "," + cfg.Tag.Date + ":" + articleSlug(a), false, nil
	}
	return link, true, nil
}

// fill makes the item of entry e from its article.
func (b *builder) fill(it *Item, e *entry, a *Article) {
	cfg := b.cfg
	it.Article = a
	link, err := permalink(cfg, a)
	if err != nil {
		it.err = err
		return
	}
	id, perma, ierr := itemID(cfg, a, link)
	if ierr != nil {
		it.err = ierr.Err
		return
	}
	if b.hash(id) != e.id || b.hash(link) != e.link {
		it.err = fmt.Errorf("changed while building; build again")
		return
	}
	it.ID, it.IsPermaLink, it.Link = id, perma, link
	it.Title = PlainText(a.Title)
	if it.Title == "" {
		it.Title = articleSlug(a)
	}
	it.Authors = a.Authors
	if len(it.Authors) == 0 && cfg.Author.Name != "" {
		it.Authors = []Person{cfg.Author}
	}
	it.Published = time.Unix(e.pub, 0).UTC()
	it.Updated = time.Unix(e.upd, 0).UTC()
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
	p := path.Clean(expandPermalink(cfg.Permalink, func(token string) string {
		switch token {
		case "year":
			return d.Format("2006")
		case "month":
			return d.Format("01")
		case "day":
			return d.Format("02")
		case "section":
			return url.PathEscape(Slugify(a.Section))
		case "slug":
			return url.PathEscape(articleSlug(a))
		case "filename":
			return url.PathEscape(articleFilename(a))
		}
		return ":" + token
	}))
	if strings.HasSuffix(cfg.Permalink, "/") && p != "/" {
		p += "/"
	}
	if safePath(p) {
		// The common case: a site-relative path of URL-safe characters
		// under base_url, which ends in a slash.
		return cfg.BaseURL + p[1:], nil
	}
	return cfg.Abs(p), nil
}

// safePath reports whether p is a root-relative path of characters that
// need no escaping in a URL path.
func safePath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
			return false
		}
	}
	return true
}

// expandPermalink replaces each :token (a run of lower-case letters after a
// colon) in pattern by value(token).
func expandPermalink(pattern string, value func(token string) string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(pattern, ':')
		if i < 0 {
			b.WriteString(pattern)
			return b.String()
		}
		b.WriteString(pattern[:i])
		j := i + 1
		for j < len(pattern) && pattern[j] >= 'a' && pattern[j] <= 'z' {
			j++
		}
		b.WriteString(value(pattern[i+1 : j]))
		pattern = pattern[j:]
	}
}

// articleFilename returns the slugified file name of a.
func articleFilename(a *Article) string {
	if s := Slugify(a.Filename); s != "" {
		return s
	}
	return articleSlug(a)
}

// render fills the item's content and summary; Build calls it once per item.
func (it *Item) render(cfg *Config) {
	a := it.Article
	body, content, excerpt := a.Body, a.ContentHTML, ""
	var err error
	if a.Format == FormatMarkdown {
		content, excerpt, err = RenderMarkdown(body, cfg.Markdown.RawHTML == RawHTMLEscape)
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
	case a.Format == FormatText:
		it.Summary = Truncate(a.Summary, summaryMax) // plain text already
	case a.Summary != "":
		it.Summary = Truncate(PlainText(a.Summary), summaryMax)
	case excerpt != "":
		it.Summary = Truncate(PlainText(excerpt), summaryMax)
	default:
		it.Summary = Truncate(PlainText(content), summaryMax)
	}
}

// parallel calls f(0) … f(n-1) on every core and waits for them.
func parallel(n int, f func(i int)) {
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for i := range work {
				f(i)
			}
		})
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}

// ContentHTML returns the item's full HTML with absolute URLs, or "" when
// the config publishes summaries only.
func (it *Item) ContentHTML(cfg *Config) string {
	if cfg.Content == "summary" {
		return ""
	}
	return it.content
}
