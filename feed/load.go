package feed

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"
)

// isArticle reports whether name has an article file extension.
func isArticle(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown", ".txt":
		return true
	}
	return false
}

// excluded reports whether the slash path rel (relative to the articles
// folder) or its base name matches one of the globs.
func excluded(globs []string, rel string) bool {
	base := path.Base(rel)
	for _, g := range globs {
		if ok, _ := path.Match(g, base); ok {
			return true
		}
		if ok, _ := path.Match(g, rel); ok {
			return true
		}
	}
	return false
}

// LoadArticles reads and parses every article under the root of fsys, which
// is the articles folder; prefix is that folder's path as the user knows it
// and starts every path in messages and in Article.Path. Files are parsed in
// parallel, and the result is in path order whatever the order of the file
// system. Every problem of every file is returned. progress, when not nil,
// is called after each file with the count done and the total, from one
// goroutine at a time.
func LoadArticles(fsys fs.FS, prefix string, cfg *Config, progress func(done, total int)) ([]*Article, Diagnostics) {
	paths, diags := articleFiles(fsys, prefix, cfg)
	arts := make([]*Article, len(paths))
	perFile := make([]Diagnostics, len(paths))
	var (
		mu   sync.Mutex
		done int
	)
	parallel(len(paths), func(i int) {
		arts[i], perFile[i] = loadOne(fsys, prefix, paths[i], cfg)
		if progress != nil {
			mu.Lock()
			done++
			progress(done, len(paths))
			mu.Unlock()
		}
	})

	out := arts[:0]
	for i, a := range arts {
		diags = append(diags, perFile[i]...)
		if a != nil {
			out = append(out, a)
		}
	}
	return out, diags
}

// articleFiles lists the article files under the root of fsys, in path
// order, leaving out what cfg.Exclude matches.
func articleFiles(fsys fs.FS, prefix string, cfg *Config) ([]string, Diagnostics) {
	var (
		paths []string
		diags Diagnostics
	)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, errorf(path.Join(prefix, p), 0, "%v", unwrapPathError(err)))
			return nil
		}
		if p == "." {
			return nil
		}
		if excluded(cfg.Exclude, p) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if ok, err := articleEntry(fsys, p, d); !ok {
			if err != nil {
				diags = append(diags, errorf(path.Join(prefix, p), 0, "%v", err))
			}
			return nil
		}
		paths = append(paths, p)
		return nil
	})
	if err != nil {
		diags = append(diags, errorf(prefix, 0, "%v", err))
	}
	return paths, diags
}

// loadOne reads and parses one article.
func loadOne(fsys fs.FS, prefix, rel string, cfg *Config) (*Article, Diagnostics) {
	name := path.Join(prefix, rel)
	src, err := readLimited(fsys, rel, cfg.MaxArticleSize)
	if err != nil {
		return nil, Diagnostics{errorf(name, 0, "%v", err)}
	}
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return nil, Diagnostics{errorf(name, 1, "UTF-16 text; save the article as UTF-8")}
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, Diagnostics{errorf(name, 1+bytes.Count(src[:i], []byte("\n")), "binary file (NUL byte); articles are UTF-8 text")}
	}
	var (
		a     *Article
		diags Diagnostics
	)
	if strings.EqualFold(path.Ext(rel), ".txt") {
		a, diags = ParseText(name, src, cfg.Location())
	} else {
		a, diags = ParseMarkdown(name, src, MarkdownOptions{Location: cfg.Location(), BaseURL: cfg.BaseURL})
	}
	if a != nil {
		if i := strings.IndexByte(rel, '/'); i >= 0 {
			a.Section = rel[:i]
		}
		if err := measureEnclosure(fsys, rel, a); err != nil {
			return nil, append(diags, err)
		}
	}
	return a, diags
}

// readLimited reads the file rel from fsys, refusing anything larger than
// limit bytes and anything that is not a regular file.
func readLimited(fsys fs.FS, rel string, limit int64) ([]byte, error) {
	f, err := fsys.Open(rel)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("article is %d bytes, larger than max_article_size (%d bytes)", st.Size(), limit)
	}
	// Read into a buffer of the file's size; a file that grew meanwhile is
	// read to the end (within the limit).
	data := make([]byte, st.Size())
	n, err := io.ReadFull(f, data)
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		data = data[:n]
	case err != nil:
		return nil, unwrapPathError(err)
	default:
		rest, err := io.ReadAll(io.LimitReader(f, limit+1-int64(n)))
		if err != nil {
			return nil, unwrapPathError(err)
		}
		data = append(data, rest...)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("article is larger than max_article_size (%d bytes)", limit)
	}
	return data, nil
}

// unwrapPathError drops the path from a *fs.PathError, since messages name
// the path already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
