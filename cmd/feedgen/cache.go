package main

import (
	"os"
	"path/filepath"

	"github.com/feedgen/feedgen/feed"
)

// cacheDirName is the build cache's folder beside the config file, like
// Jekyll's .jekyll-cache: never inside the published output, safe to
// delete, and ignored (then rebuilt) when corrupt or written by another
// version or config.
const cacheDirName = ".feedgen-cache"

// The cache's two files.
const (
	cacheIndexName   = "index"
	cacheRendersName = "renders"
)

// openCache reads the cache in dir for cfg. A missing or unreadable cache
// is an empty one.
func openCache(dir string, cfg *feed.Config) *feed.Cache {
	index, _ := os.ReadFile(filepath.Join(dir, cacheIndexName))
	return feed.NewCache(feed.CacheKey(cfg), index, func() []byte {
		data, _ := os.ReadFile(filepath.Join(dir, cacheRendersName))
		return data
	})
}

// saveCache writes what changed in the cache, each file atomically. A
// cache that cannot be written only costs the next build time, so errors
// are returned for a warning, not a failure.
func saveCache(dir string, c *feed.Cache) error {
	index, renders := c.Encode()
	if index == nil && renders == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, data := range map[string][]byte{cacheIndexName: index, cacheRendersName: renders} {
		if data == nil {
			continue
		}
		t, err := os.CreateTemp(dir, ".tmp-*")
		if err != nil {
			return err
		}
		_, werr := t.Write(data)
		if cerr := t.Close(); werr == nil {
			werr = cerr
		}
		if werr == nil {
			werr = os.Rename(t.Name(), filepath.Join(dir, name))
		}
		if werr != nil {
			os.Remove(t.Name())
			return werr
		}
	}
	return nil
}
