package feed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash/fnv"
	"maps"
	"slices"
	"strconv"
	"sync"
)

// cacheMagic starts every cache blob; a blob without it, of another
// version or of another config is ignored (and rebuilt), never trusted.
const cacheMagic = "feedgen-cache 2\n"

// Cache lets a rebuild read, render and write only what changed. It
// remembers, per article file (by path, size and modification time), the
// parsed article and its messages; per published item, its rendered
// content; and per feed set, a key of everything its files depend on and
// the files' sizes. It lives in two blobs that the caller stores (feedgen
// keeps them in .feedgen-cache/ beside the config): the index, read on
// every build, and one small blob per rendered item, read only when a feed
// that shows the item must be written again. A Cache is used by one build
// at a time.
type Cache struct {
	key string // config and version fingerprint

	files map[string]cachedFile
	sets  map[string]cachedSet
	// readRender supplies the blob of a rendered item by its RenderName.
	readRender func(name string) []byte

	mu      sync.Mutex
	next    cacheRecords // what this build saw, saved by Encode
	changed bool
	keep    map[string]bool
}

// cacheRecords are the records one build saw.
type cacheRecords struct {
	files   map[string]cachedFile
	sets    map[string]cachedSet
	renders map[string]cachedRender // rendered this build, to be written
}

// cachedFile is one article file as last parsed: its size and time, and
// its article and warnings encoded (decoded when needed, so that a large
// site's cache costs its encoded size in memory, not its decoded one).
type cachedFile struct {
	size, mtime int64
	payload     []byte // the article's metadata
	admission   []byte // its admission and warnings: all a warm build reads
}

// encodeAdmission encodes an admission and the file's warnings.
func encodeAdmission(ad *admission, diags []cachedDiag) []byte {
	e := &encoder{}
	e.admission(ad)
	e.diags(diags)
	return e.b
}

// decodeAdmission returns the cached admission and warnings, or ok false
// for a record that cannot be read.
func (f cachedFile) decodeAdmission() (*admission, []cachedDiag, bool) {
	d := &decoder{b: f.admission}
	ad := d.admission()
	diags := d.diags()
	return ad, diags, d.err == nil && len(d.b) == 0
}

// encodePayload encodes an article (nil when the file had errors) and its
// warnings.
func encodePayload(a *Article, diags []cachedDiag) []byte {
	e := &encoder{}
	e.bool(a != nil)
	if a != nil {
		e.article(a)
	}
	e.diags(diags)
	return e.b
}

// decode returns the cached article (nil when the file had errors) and
// warnings, or ok false for a payload that cannot be read.
func (f cachedFile) decode() (a *Article, diags []cachedDiag, ok bool) {
	d := &decoder{b: f.payload}
	if d.bool() {
		a = d.article()
	}
	diags = d.diags()
	return a, diags, d.err == nil && len(d.b) == 0
}

// cachedDiag is a warning the file drew.
type cachedDiag struct {
	line int
	msg  string
}

// diags encodes a file's warnings.
func (e *encoder) diags(ds []cachedDiag) {
	e.uint(uint64(len(ds)))
	for _, d := range ds {
		e.int(int64(d.line))
		e.str(d.msg)
	}
}

// diags decodes what encoder.diags wrote.
func (d *decoder) diags() []cachedDiag {
	var ds []cachedDiag
	for m := d.count(); m > 0; m-- {
		ds = append(ds, cachedDiag{int(d.int()), d.str()})
	}
	return ds
}

// cachedSet is one feed set as last written.
type cachedSet struct {
	key   uint64
	files []cachedOut
	items int
}

// cachedOut is one written file, its size and modification time.
type cachedOut struct {
	path, media string
	size, mtime int64
}

// cachedRender is one item's rendered content.
type cachedRender struct {
	stamp   uint64
	link    string
	content string
	summary string
}

// CacheKey fingerprints what every cached record depends on: feedgen's
// version and the effective config (after flags).
func CacheKey(cfg *Config) string {
	data, err := json.Marshal(cfg)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(append([]byte(Version+"\n"+cfg.Location().String()+"\n"), data...))
	return hex.EncodeToString(sum[:])
}

// NewCache returns a cache for key holding what index (the index blob of
// the last build, nil for none) records; readRender, when not nil,
// supplies a rendered item's blob by its RenderName when it is needed.
// Blobs that are corrupt or were written for another key are ignored.
func NewCache(key string, index []byte, readRender func(name string) []byte) *Cache {
	c := &Cache{key: key, files: map[string]cachedFile{}, sets: map[string]cachedSet{}, readRender: readRender}
	c.next = cacheRecords{files: map[string]cachedFile{}, sets: map[string]cachedSet{}, renders: map[string]cachedRender{}}
	if d, ok := c.open(index); ok {
		c.decodeIndex(d)
	}
	return c
}

// RenderName is the blob name of the rendered item from the article file
// rel: a hash, so any path makes a plain file name.
func RenderName(rel string) string {
	h := fnv.New64a()
	h.Write([]byte(rel))
	return strconv.FormatUint(h.Sum64(), 16)
}

// open checks a blob's header and returns a decoder for the rest.
func (c *Cache) open(blob []byte) (*decoder, bool) {
	rest, ok := bytes.CutPrefix(blob, []byte(cacheMagic))
	if !ok {
		return nil, false
	}
	d := &decoder{b: rest}
	if d.str() != c.key || d.err != nil {
		return nil, false
	}
	return d, true
}

func (c *Cache) decodeIndex(d *decoder) {
	files := map[string]cachedFile{}
	for n := d.count(); n > 0 && d.err == nil; n-- {
		rel := d.str()
		f := cachedFile{size: d.int(), mtime: d.int()}
		if n := d.count(); d.err == nil {
			f.payload, d.b = d.b[:n:n], d.b[n:]
		}
		if n := d.count(); d.err == nil {
			f.admission, d.b = d.b[:n:n], d.b[n:]
		}
		files[rel] = f
	}
	sets := map[string]cachedSet{}
	for n := d.count(); n > 0 && d.err == nil; n-- {
		dir := d.str()
		s := cachedSet{key: d.uint(), items: int(d.int())}
		for m := d.count(); m > 0; m-- {
			s.files = append(s.files, cachedOut{d.str(), d.str(), d.int(), d.int()})
		}
		sets[dir] = s
	}
	if d.err == nil && len(d.b) == 0 {
		c.files, c.sets = files, sets
	}
}

// render returns the cached render of rel, if it matches stamp and link.
func (c *Cache) render(rel string, stamp uint64, link string) (cachedRender, bool) {
	if c.readRender == nil {
		return cachedRender{}, false
	}
	d, ok := c.open(c.readRender(RenderName(rel)))
	if !ok {
		return cachedRender{}, false
	}
	r := cachedRender{stamp: d.uint(), link: d.str(), content: d.str(), summary: d.str()}
	if d.str() != rel || d.err != nil || len(d.b) != 0 || r.stamp != stamp || r.link != link {
		return cachedRender{}, false
	}
	return r, true
}

// putRender records a fresh render, to be written by Encode.
func (c *Cache) putRender(rel string, r cachedRender) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next.renders[rel] = r
}

// file returns the cached parse of rel if its size and time match.
func (c *Cache) file(rel string, size, mtime int64) (cachedFile, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f, ok := c.files[rel]
	if ok && f.size == size && f.mtime == mtime {
		c.next.files[rel] = f
		return f, true
	}
	return cachedFile{}, false
}

// putFile records a fresh parse.
func (c *Cache) putFile(rel string, f cachedFile) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next.files[rel] = f
	c.changed = true
}

// set returns the cached record of the feed set in dir.
func (c *Cache) set(dir string) (cachedSet, bool) {
	s, ok := c.sets[dir]
	return s, ok
}

// putSet records a feed set as written (or kept).
func (c *Cache) putSet(dir string, s cachedSet) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.sets[dir]; !ok || old.key != s.key {
		c.changed = true
	}
	c.next.sets[dir] = s
}

// Published records how the output files are after publishing, so that
// the next build can tell they are untouched. A file stat cannot see is
// recorded as missing, which makes its feed set be written again.
func (c *Cache) Published(stat func(path string) (size, mtime int64, ok bool)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for dir, s := range c.next.sets {
		files := slices.Clone(s.files)
		for i := range files {
			size, mtime, ok := stat(files[i].path)
			if !ok {
				size, mtime = -1, -1
			}
			if size != files[i].size || mtime != files[i].mtime {
				c.changed = true
			}
			files[i].size, files[i].mtime = size, mtime
		}
		s.files = files
		c.next.sets[dir] = s
	}
}

// Encode returns the blobs to store after a successful build: the index
// (nil when it has not changed), and the renders made by this build, by
// RenderName. Records of files and feed sets this build did not see are
// dropped; Keep says which render blobs are still wanted.
func (c *Cache) Encode() (index []byte, renders map[string][]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.changed || len(c.next.files) != len(c.files) || len(c.next.sets) != len(c.sets) {
		size := len(cacheMagic) + len(c.key) + 64
		for rel, f := range c.next.files {
			size += len(rel) + len(f.payload) + len(f.admission) + 40
		}
		for dir, st := range c.next.sets {
			size += len(dir) + 40
			for _, f := range st.files {
				size += len(f.path) + len(f.media) + 40
			}
		}
		e := &encoder{b: make([]byte, 0, size)}
		e.b = append(e.b, cacheMagic...)
		e.str(c.key)
		e.uint(uint64(len(c.next.files)))
		for _, rel := range slices.Sorted(maps.Keys(c.next.files)) {
			f := c.next.files[rel]
			e.str(rel)
			e.int(f.size)
			e.int(f.mtime)
			e.uint(uint64(len(f.payload)))
			e.b = append(e.b, f.payload...)
			e.uint(uint64(len(f.admission)))
			e.b = append(e.b, f.admission...)
		}
		e.uint(uint64(len(c.next.sets)))
		for _, dir := range slices.Sorted(maps.Keys(c.next.sets)) {
			s := c.next.sets[dir]
			e.str(dir)
			e.uint(s.key)
			e.int(int64(s.items))
			e.uint(uint64(len(s.files)))
			for _, f := range s.files {
				e.str(f.path)
				e.str(f.media)
				e.int(f.size)
				e.int(f.mtime)
			}
		}
		index = e.b
	}
	renders = make(map[string][]byte, len(c.next.renders))
	for rel, r := range c.next.renders {
		e := &encoder{b: []byte(cacheMagic)}
		e.str(c.key)
		e.uint(r.stamp)
		e.str(r.link)
		e.str(r.content)
		e.str(r.summary)
		e.str(rel)
		renders[RenderName(rel)] = e.b
	}
	return index, renders
}

// Keep reports whether the render blob name belongs to an article file
// this build saw; the others can be deleted.
func (c *Cache) Keep(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.keep == nil {
		c.keep = make(map[string]bool, len(c.next.files))
		for rel := range c.next.files {
			c.keep[RenderName(rel)] = true
		}
	}
	return c.keep[name]
}

// stampOf fingerprints a file's size and modification time.
func stampOf(size, mtime int64) uint64 {
	h := fnv.New64a()
	h.Write([]byte(strconv.FormatInt(size, 36) + "." + strconv.FormatInt(mtime, 36)))
	return h.Sum64()
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]int) []string { return slices.Sorted(maps.Keys(m)) }
