package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/feedgen/feedgen/feed"
)

// siteFlags are the flags shared by every command that builds.
type siteFlags struct {
	config   string
	articles string
	out      string
	baseURL  string
	now      string
	drafts   bool
	future   bool
	strict   bool
	cache    bool // use the build cache (build only, unless -no-cache)
	lazy     bool // write each file only when publishing (build only)
	progress func(done, total int)
}

// register adds the flags to fs.
func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.config, "config", "config.yaml", "config `file`")
	fs.StringVar(&f.articles, "articles", "", "articles `folder` (default: the config's articles, relative to the config file)")
	fs.StringVar(&f.out, "out", "", "output `folder` (default: the config's output, relative to the config file)")
	fs.StringVar(&f.baseURL, "base-url", "", "site `URL`, overriding base_url (for preview deploys)")
	fs.StringVar(&f.now, "now", "", "build as if the time were `RFC3339` (default: $SOURCE_DATE_EPOCH, else the clock)")
	fs.BoolVar(&f.drafts, "drafts", false, "include drafts (local preview only)")
	fs.BoolVar(&f.future, "future", false, "include scheduled and expired articles (local preview only)")
	fs.BoolVar(&f.strict, "strict", false, "treat warnings as errors")
}

// site is a loaded and built site.
type site struct {
	cfg      *feed.Config
	articles string // articles folder as a path from the current folder
	out      string // output folder as a path from the current folder
	cacheDir string // the build cache's folder, when used
	unlock   func() // releases the output folder's lock, held by a cached build
	result   *feed.Result
	cache    *feed.Cache
}

// now returns the build's "now": -now, else SOURCE_DATE_EPOCH, else the
// clock. The clock only decides which articles are scheduled; nothing
// written depends on it.
func (f *siteFlags) nowTime() (time.Time, error) {
	if f.now != "" {
		t, err := time.Parse(time.RFC3339, f.now)
		if err != nil {
			return time.Time{}, fmt.Errorf("-now: want an RFC 3339 time like 2024-03-01T12:00:00Z (got %q)", f.now)
		}
		return t, nil
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH: want seconds since 1970 (got %q)", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now(), nil
}

// load reads the config and articles and builds everything in memory.
// It returns the site (nil on errors) and every problem found.
func (f *siteFlags) load() (*site, feed.Diagnostics, error) {
	now, err := f.nowTime()
	if err != nil {
		return nil, nil, err
	}
	if st, err := os.Stat(f.config); err == nil && st.Size() > maxConfigSize {
		return nil, feed.Diagnostics{{Path: f.config, Err: fmt.Errorf("config is %d bytes, larger than 1 MiB", st.Size())}}, nil
	}
	data, err := os.ReadFile(f.config)
	if err != nil {
		return nil, feed.Diagnostics{{Path: f.config, Err: unwrapPath(err)}}, nil
	}
	cfg, diags := feed.ParseConfig(f.config, data)
	if cfg == nil {
		return nil, diags, nil
	}
	if f.baseURL != "" {
		if d := cfg.SetBaseURL("-base-url", f.baseURL); d.HasErrors() {
			return nil, append(diags, d...), nil
		}
	}
	dir := filepath.Dir(f.config)
	s := &site{cfg: cfg, articles: fromConfig(dir, cfg.Articles), out: fromConfig(dir, cfg.Output)}
	if f.articles != "" {
		s.articles = filepath.Clean(f.articles)
	}
	if f.out != "" {
		s.out = filepath.Clean(f.out)
	}
	if st, err := os.Stat(s.articles); err != nil || !st.IsDir() {
		e := &feed.Error{Path: "-articles", Err: fmt.Errorf("folder %q not found", s.articles)}
		if f.articles == "" {
			e = &feed.Error{Path: f.config, Line: cfg.Line("articles"), Err: fmt.Errorf("articles: folder %q not found", filepath.ToSlash(s.articles))}
		}
		return nil, append(diags, e), nil
	}
	if err := validateOutput(s.out, s.articles, f.config); err != nil {
		e := &feed.Error{Path: "-out", Err: err}
		if f.out == "" {
			e = &feed.Error{Path: f.config, Line: cfg.Line("output"), Err: fmt.Errorf("output: %w", err)}
		}
		return nil, append(diags, e), nil
	}
	opts := feed.BuildOptions{Now: now, Drafts: f.drafts, Future: f.future, Strict: f.strict, Version: feed.Version, Lazy: f.lazy}
	if f.cache {
		// The cache decides from the output folder what is unchanged, so
		// an existing folder is locked from now until the build has
		// published. (In a folder that does not exist yet nothing can be
		// kept, and publishing takes the lock itself.)
		// Only a folder feedgen has published into (it has the lock file)
		// can hold files to keep, and taking its lock creates nothing.
		if st, err := os.Stat(filepath.Join(s.out, lockName)); err == nil && st.Mode().IsRegular() {
			unlock, err := lockFile(context.Background(), filepath.Join(s.out, lockName))
			if err != nil {
				return nil, append(diags, &feed.Error{Path: filepath.ToSlash(s.out), Err: fmt.Errorf("lock: %v", err)}), nil
			}
			s.unlock = unlock
		}
		s.cacheDir = filepath.Join(dir, cacheDirName)
		opts.Cache = openCache(s.cacheDir, cfg)
		if s.unlock != nil {
			opts.Stat = s.statOutput
		}
	}
	res, d := feed.BuildFS(cfg, os.DirFS(s.articles), filepath.ToSlash(s.articles), opts, f.progress)
	diags = append(diags, d...)
	if res == nil {
		if s.unlock != nil {
			s.unlock()
		}
		return nil, diags, nil
	}
	s.result = res
	s.cache = opts.Cache
	return s, diags, nil
}

// maxConfigSize is the largest config file feedgen reads.
const maxConfigSize = 1 << 20

// fromConfig returns the folder p of the config, relative to the config's
// folder dir unless it is absolute.
func fromConfig(dir, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, p)
}

// unwrapPath drops the path of an *os.PathError: messages name it already.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// checkFeeds runs the built-in feed checker over the feed files the build
// made, at the URL each will be published at: every feed when all is true,
// else the site's main feed set only (build and serve do that as a cheap
// sanity check; the per-term feeds carry the same items written by the same
// code, and check covers them all).
func (s *site) checkFeeds(all bool) feed.Diagnostics {
	files := make(map[string]feed.File, len(s.result.Files))
	for _, f := range s.result.Files {
		files[f.Path] = f
	}
	var diags feed.Diagnostics
	for _, set := range s.result.Feeds {
		if !all && set.Name != "" {
			continue
		}
		if set.Kept {
			continue // checked when it was written
		}
		for _, l := range set.Links {
			rel := feed.RelPath(s.cfg, l.URL)
			name := filepath.ToSlash(filepath.Join(s.out, filepath.FromSlash(rel)))
			data, err := files[rel].Bytes()
			if err != nil {
				diags = append(diags, &feed.Error{Path: name, Err: err})
				continue
			}
			for _, p := range feed.CheckFeedAt(name, l.URL, data) {
				msg := p.Rule + ": " + p.Message
				if p.Item != "" {
					msg = p.Item + ": " + msg
				}
				diags = append(diags, &feed.Error{Path: name, Err: errors.New(msg), Warning: p.Warning})
			}
		}
	}
	return diags
}

// statOutput reports the size and modification time of a file in the
// output folder.
func (s *site) statOutput(rel string) (size, mtime int64, ok bool) {
	st, err := os.Lstat(filepath.Join(s.out, filepath.FromSlash(rel)))
	if err != nil || !st.Mode().IsRegular() {
		return 0, 0, false
	}
	return st.Size(), st.ModTime().UnixNano(), true
}
