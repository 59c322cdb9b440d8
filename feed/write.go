package feed

import (
	"bytes"
	"path"
	"slices"
	"strings"
)

// write renders the feed set in its formats, plus the preview page.
func (fs *FeedSet) write(cfg *Config, opts BuildOptions) ([]File, error) {
	var files []File
	if slices.Contains(fs.formats, "rss") {
		b, err := fs.writeRSS(cfg, opts)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: path.Join(fs.Dir, cfg.Files.RSS), Data: b, MediaType: MediaRSS})
	}
	if slices.Contains(fs.formats, "atom") {
		b, err := fs.writeAtom(cfg, opts)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: path.Join(fs.Dir, cfg.Files.Atom), Data: b, MediaType: MediaAtom})
	}
	if slices.Contains(fs.formats, "json") {
		b, err := fs.writeJSON(cfg)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: path.Join(fs.Dir, cfg.Files.JSON), Data: b, MediaType: MediaJSON})
	}
	if cfg.HTMLEnabled() {
		var b bytes.Buffer
		if err := WritePreview(&b, fs.preview(cfg, opts)); err != nil {
			return nil, err
		}
		files = append(files, File{Path: path.Join(fs.Dir, cfg.Files.HTML), Data: b.Bytes(), MediaType: MediaHTML})
	}
	return files, nil
}

// preview returns what the feed set's preview page shows.
func (fs *FeedSet) preview(cfg *Config, opts BuildOptions) *Preview {
	p := &Preview{
		Title:       fs.Title,
		Description: fs.Description,
		Language:    cfg.Language,
		SiteURL:     cfg.BaseURL,
		PageURL:     cfg.Abs("/" + path.Join(fs.Dir, cfg.Files.HTML)),
		Feeds:       fs.Links,
	}
	if cfg.GeneratorEnabled() {
		p.Generator = generatorName(opts)
	}
	for _, it := range fs.Items {
		names := make([]string, len(it.Authors))
		for i, a := range it.Authors {
			names[i] = a.Name
		}
		p.Items = append(p.Items, PreviewItem{
			Title:   it.Title,
			URL:     it.Link,
			Date:    it.Published.In(cfg.Location()),
			Author:  strings.Join(names, ", "),
			Summary: it.Summary,
		})
	}
	return p
}
