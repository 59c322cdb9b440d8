package feed

import (
	"path"
	"slices"
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
	return files, nil
}
