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
