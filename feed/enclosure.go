package feed

import (
	"io/fs"
	"net/url"
	"path"
	"strings"
)

// measureEnclosure fills in the length of a's enclosure when the front
// matter leaves it out (or gives 0), since RSS requires the size in bytes.
// rel is the article's slash path inside fsys, the articles folder. A
// site-relative URL ("/media/a.mp3") names a file relative to the articles
// folder, a document-relative one ("a.mp3", "../a.mp3") a file relative to
// the article's folder; the file is measured through fsys. A length that
// cannot be known (the file is missing or not a regular file, or the URL
// points to another site) is an error at the enclosure's line.
func measureEnclosure(fsys fs.FS, rel string, a *Article) *Error {
	e := a.Enclosure
	if e == nil || e.Length > 0 {
		return nil
	}
	fail := func(format string, args ...any) *Error {
		return errorf(a.Path, a.Line["enclosure"], "enclosure length unknown: "+format, args...)
	}
	u, err := url.Parse(e.URL)
	if err != nil || u.IsAbs() || u.Host != "" || strings.HasPrefix(e.URL, "//") {
		return fail("set enclosure.length (in bytes) for a file on another site (%s)", e.URL)
	}
	p := u.Path
	if p == "" {
		return fail("file not found")
	}
	if strings.HasPrefix(p, "/") {
		p = path.Clean(strings.TrimPrefix(p, "/"))
	} else {
		p = path.Join(path.Dir(rel), p)
	}
	st, err := fs.Stat(fsys, p)
	if err != nil || !st.Mode().IsRegular() {
		return fail("file not found")
	}
	e.Length = st.Size()
	return nil
}

// mediaURL makes a URL from an item's front matter (its enclosure, its
// image) absolute the way measureEnclosure finds the file: a site-relative
// "/x" against the site (Config.Abs), a document-relative "x" or "../x"
// against the item's own permalink, as in its content and in a Hugo page
// bundle.
func (it *Item) mediaURL(cfg *Config, ref string) string {
	u, err := url.Parse(ref)
	if err != nil || u.IsAbs() || strings.HasPrefix(ref, "/") {
		return cfg.Abs(ref)
	}
	base, err := url.Parse(it.Link)
	if err != nil {
		return cfg.Abs(ref)
	}
	return base.ResolveReference(u).String()
}
