package feed

import (
	"cmp"
	"hash/maphash"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// Taxonomies, as indexes into builder.tax and the tag bits of entry terms.
const (
	taxTags = iota
	taxCategories
	taxAuthors
)

var taxNames = [...]string{"tags", "categories", "authors"}

// taxIndex returns the index of a taxonomy name, or -1.
func taxIndex(name string) int {
	return slices.Index(taxNames[:], name)
}

// entry is what selection keeps of a published article: a few dozen bytes
// instead of the article, so that memory does not grow with the size of
// the site's bodies. The article is parsed again if it is published.
type entry struct {
	file     int32    // index into builder.files
	pub      int64    // publish instant, unix seconds
	upd      int64    // updated instant, unix seconds (0: never)
	id, link uint64   // hashes of the item id and the permalink
	terms    []uint32 // taxonomy<<30 | interned term
	section  string
	stamp    uint64 // the file's size and time, with a cache; else 0
}

// interner numbers the distinct term slugs of one taxonomy and remembers
// each term's spelling in the newest article that has it.
type interner struct {
	ids   map[string]uint32
	slugs []string
	names []string
	best  []int64 // publish instant of the article the name came from
	file  []int32 // and its file, for ties
}

// builder holds one build's shared state.
type builder struct {
	cfg    *Config
	opts   BuildOptions
	fsys   fs.FS    // where streamed articles are read again; nil for Build
	prefix string   // the articles folder as the user names it
	files  []string // slash paths: under fsys when streaming, else Article.Path
	arts   []*Article
	seed   maphash.Seed

	mu  sync.Mutex
	tax [3]interner
}

// path returns the display path of file i.
func (b *builder) path(i int32) string {
	if b.fsys == nil {
		return b.files[i]
	}
	return path.Join(b.prefix, b.files[i])
}

// hash hashes an id or URL for duplicate detection.
func (b *builder) hash(s string) uint64 { return maphash.String(b.seed, s) }

// intern returns the number of slug in taxonomy t, recording name as its
// spelling when the article (pub, file) is newer than the last one seen.
func (b *builder) intern(t int, slug, name string, pub int64, file int32) uint32 {
	in := &b.tax[t]
	id, ok := in.ids[slug]
	if !ok {
		if in.ids == nil {
			in.ids = map[string]uint32{}
		}
		id = uint32(len(in.slugs))
		in.ids[slug] = id
		in.slugs = append(in.slugs, slug)
		in.names = append(in.names, name)
		in.best = append(in.best, pub)
		in.file = append(in.file, file)
		return id
	}
	if pub > in.best[id] || pub == in.best[id] && b.files[file] < b.files[in.file[id]] {
		in.names[id], in.best[id], in.file[id] = name, pub, file
	}
	return id
}

// admission is what deciding whether an article is published, and
// selecting it, needs: made from the article, or read from the build cache
// without parsing the file again.
type admission struct {
	draft                 bool
	date, publish, expiry time.Time
	updated               time.Time
	section               string
	link, id              string
	err                   *Error // the article's link or id is invalid
	terms                 [3][]termName
}

// termName is a term as slug and display name.
type termName struct{ slug, name string }

// admissionOf reduces an article to its admission.
func (b *builder) admissionOf(a *Article) *admission {
	ad := &admission{draft: a.Draft, date: a.Date, publish: a.PublishDate, expiry: a.ExpiryDate, updated: a.Updated, section: a.Section}
	link, err := permalink(b.cfg, a)
	if err != nil {
		ad.err = errorf(a.Path, a.Line["url"], "%v", err)
	} else if id, _, e := itemID(b.cfg, a, link); e != nil {
		ad.err = e
	} else {
		ad.link, ad.id = link, id
	}
	for t, raw := range [3][]string{a.Tags, a.Categories, authorNames(b.cfg, a)} {
		for _, r := range raw {
			if s := Slugify(r); s != "" {
				ad.terms[t] = append(ad.terms[t], termName{s, PlainText(r)})
			}
		}
	}
	return ad
}

// newEntry reduces a published article's admission to its entry.
func (b *builder) newEntry(file int32, ad *admission) entry {
	en := entry{
		file:    file,
		pub:     ad.date.Unix(),
		id:      b.hash(ad.id),
		link:    b.hash(ad.link),
		section: ad.section,
	}
	if !ad.updated.IsZero() {
		en.upd = ad.updated.Unix()
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for t, terms := range ad.terms {
		for _, tn := range terms {
			term := uint32(t)<<30 | b.intern(t, tn.slug, tn.name, en.pub, file)
			if !slices.Contains(en.terms, term) {
				en.terms = append(en.terms, term)
			}
		}
	}
	if len(en.terms) > 0 {
		en.terms = slices.Clip(en.terms)
	}
	return en
}

// encode writes the admission for the cache (which stores only admissions
// without errors).
func (e *encoder) admission(ad *admission) {
	e.bool(ad.draft)
	e.time(ad.date)
	e.time(ad.publish)
	e.time(ad.expiry)
	e.time(ad.updated)
	e.str(ad.section)
	e.str(ad.link)
	e.str(ad.id)
	for _, terms := range ad.terms {
		e.uint(uint64(len(terms)))
		for _, tn := range terms {
			e.str(tn.slug)
			e.str(tn.name)
		}
	}
}

// admission reads what encoder.admission wrote.
func (d *decoder) admission() *admission {
	ad := &admission{draft: d.bool(), date: d.time(), publish: d.time(), expiry: d.time(), updated: d.time()}
	ad.section, ad.link, ad.id = d.str(), d.str(), d.str()
	for t := range ad.terms {
		for n := d.count(); n > 0; n-- {
			ad.terms[t] = append(ad.terms[t], termName{d.str(), d.str()})
		}
	}
	return ad
}

// authorNames returns the names of the article's authors, or the site's.
func authorNames(cfg *Config, a *Article) []string {
	people := a.Authors
	if len(people) == 0 && cfg.Author.Name != "" {
		people = []Person{cfg.Author}
	}
	names := make([]string, len(people))
	for i, p := range people {
		names[i] = p.Name
	}
	return names
}

// order sorts entries newest first, ties broken by path.
func (b *builder) order(es []entry) {
	slices.SortFunc(es, func(x, y entry) int {
		if c := cmp.Compare(y.pub, x.pub); c != 0 {
			return c
		}
		return strings.Compare(b.files[x.file], b.files[y.file])
	})
}

// separate makes every entry's published and updated instants distinct,
// since Atom readers and validators treat entries with the same updated
// instant as ambiguous. Entries arrive newest first. Walking from the
// oldest, an entry whose instant is not after the one below it is moved to
// one second after it; so of several date-only articles on one day, the one
// whose path sorts last keeps midnight and each one above it gets one more
// second. Order is kept, nothing moves earlier, and the result depends only
// on the input. Updated instants are then made unique the same way, in feed
// order, and are never before the publish instant.
func separate(es []entry) {
	for i := len(es) - 2; i >= 0; i-- {
		if next := es[i+1].pub; es[i].pub <= next {
			es[i].pub = next + 1
		}
	}
	seen := make(map[int64]bool, len(es))
	for i := range es {
		u := max(es[i].upd, es[i].pub)
		for seen[u] {
			u++
		}
		seen[u] = true
		es[i].upd = u
	}
}

// hasTerm reports whether e has any of the wanted slugs of taxonomy t.
func (b *builder) hasTerm(e *entry, t int, want []string) bool {
	for _, w := range want {
		id, ok := b.tax[t].ids[Slugify(w)]
		if ok && slices.Contains(e.terms, uint32(t)<<30|id) {
			return true
		}
	}
	return false
}

// matches reports whether e belongs in the configured feed f. Empty
// filters match everything; filters of different kinds must all match.
func (b *builder) matches(f *FeedConfig, e *entry) bool {
	if len(f.Sections) > 0 && !slices.Contains(f.Sections, e.section) {
		return false
	}
	return (len(f.Tags) == 0 || b.hasTerm(e, taxTags, f.Tags)) &&
		(len(f.Categories) == 0 || b.hasTerm(e, taxCategories, f.Categories)) &&
		(len(f.Authors) == 0 || b.hasTerm(e, taxAuthors, f.Authors))
}

// selection is one feed before its items are made: the entries it shows.
type selection struct {
	set     *FeedSet
	entries []int32 // indexes into the sorted entries
	key     uint64  // fingerprint of what its files depend on
}

// selectFeeds chooses the entries of every feed in one pass over the
// sorted entries per feed kind: the site's main feed, the configured feeds
// and one per taxonomy term, in that order. Per-term feeds keep only their
// newest limit entries while streaming, so the work is linear in the
// number of articles.
func (b *builder) selectFeeds(es []entry) []*selection {
	cfg := b.cfg
	var sels []*selection
	desc := PlainText(cfg.Description)
	title := PlainText(cfg.Title)
	take := func(limit int, keep func(*entry) bool) []int32 {
		var out []int32
		for i := range es {
			if len(out) == limit {
				break
			}
			if keep(&es[i]) {
				out = append(out, int32(i))
			}
		}
		return out
	}
	sels = append(sels, &selection{
		set:     &FeedSet{Title: title, Description: desc, formats: allFormats},
		entries: take(cfg.Limit, func(*entry) bool { return true }),
	})
	for i := range cfg.Feeds {
		f := &cfg.Feeds[i]
		t := PlainText(f.Title)
		if t == "" {
			t = title + ": " + f.Name
		}
		d := desc
		if f.Description != "" {
			d = PlainText(f.Description)
		}
		formats := f.Formats
		if len(formats) == 0 {
			formats = allFormats
		}
		limit := f.Limit
		if limit == 0 {
			limit = cfg.Limit
		}
		sels = append(sels, &selection{
			set:     &FeedSet{Name: f.Name, Title: t, Description: d, Dir: f.Path, formats: formats},
			entries: take(limit, func(e *entry) bool { return b.matches(f, e) }),
		})
	}
	labels := [...]string{"tag", "category", "author"}
	for _, name := range cfg.Taxonomies {
		t := taxIndex(name)
		in := &b.tax[t]
		lists := make([][]int32, len(in.slugs))
		for i := range es {
			for _, term := range es[i].terms {
				if int(term>>30) == t && len(lists[term&(1<<30-1)]) < cfg.Limit {
					lists[term&(1<<30-1)] = append(lists[term&(1<<30-1)], int32(i))
				}
			}
		}
		order := make([]int, len(in.slugs))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(x, y int) int { return strings.Compare(in.slugs[x], in.slugs[y]) })
		for _, id := range order {
			if len(lists[id]) == 0 {
				continue
			}
			dir := name + "/" + termSegment(in.slugs[id], labels[t])
			sels = append(sels, &selection{
				set:     &FeedSet{Name: dir, Title: title + ": " + labels[t] + " " + in.names[id], Description: desc, Dir: dir, formats: allFormats},
				entries: lists[id],
			})
		}
	}
	return sels
}
