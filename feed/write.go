package feed

import (
	"bytes"
	"path"
	"slices"
	"strings"
)

// files lists the feed set's files, each with the function that writes
// it: its formats, plus the preview page.
func (fs *FeedSet) files(cfg *Config, opts BuildOptions) []File {
	var files []File
	add := func(format, name, media string, gen func() ([]byte, error)) {
		if format == "" || slices.Contains(fs.formats, format) {
			files = append(files, File{Path: path.Join(fs.Dir, name), MediaType: media, gen: gen})
		}
	}
	add("rss", cfg.Files.RSS, MediaRSS, func() ([]byte, error) { return fs.writeRSS(cfg, opts) })
	add("atom", cfg.Files.Atom, MediaAtom, func() ([]byte, error) { return fs.writeAtom(cfg, opts) })
	add("json", cfg.Files.JSON, MediaJSON, func() ([]byte, error) { return fs.writeJSON(cfg) })
	if cfg.HTMLEnabled() {
		add("", cfg.Files.HTML, MediaHTML, func() ([]byte, error) {
			var b bytes.Buffer
			err := WritePreview(&b, fs.preview(cfg, opts))
			return b.Bytes(), err
		})
	}
	return files
}

// write renders the feed set's files.
func (fs *FeedSet) write(cfg *Config, opts BuildOptions) ([]File, error) {
	files := fs.files(cfg, opts)
	for i := range files {
		data, err := files[i].gen()
		if err != nil {
			return nil, err
		}
		files[i].Data, files[i].gen = data, nil
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
