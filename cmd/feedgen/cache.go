package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/feedgen/feedgen/feed"
)

// cacheDirName is the build cache's folder beside the config file, like
// Jekyll's .jekyll-cache: never inside the published output, safe to
// delete, and ignored (then rebuilt) when corrupt or written by another
// version or config.
const cacheDirName = ".feedgen-cache"

// The cache's index file, and the folder of rendered items.
const (
	cacheIndexName   = "index"
	cacheRendersName = "r"
)

// openCache reads the cache in dir for cfg. A missing or unreadable cache
// is an empty one.
func openCache(dir string, cfg *feed.Config) *feed.Cache {
	index, _ := os.ReadFile(filepath.Join(dir, cacheIndexName))
	return feed.NewCache(feed.CacheKey(cfg), index, func(name string) []byte {
		data, _ := os.ReadFile(filepath.Join(dir, cacheRendersName, name))
		return data
	})
}

// saveCache writes what changed in the cache, each file atomically, and
// removes rendered items of articles that are gone. A cache that cannot be
// written only costs the next build time, so errors are returned for a
// warning, not a failure.
func saveCache(dir string, c *feed.Cache) error {
	index, renders := c.Encode()
	if index == nil && len(renders) == 0 {
		return nil
	}
	rdir := filepath.Join(dir, cacheRendersName)
	if err := os.MkdirAll(rdir, 0o755); err != nil {
		return err
	}
	for name, data := range renders {
		if err := writeAtomic(rdir, name, data); err != nil {
			return err
		}
	}
	if index == nil {
		return nil
	}
	if err := writeAtomic(dir, cacheIndexName, index); err != nil {
		return err
	}
	entries, err := os.ReadDir(rdir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !c.Keep(e.Name()) || strings.HasPrefix(e.Name(), ".tmp-") {
			os.Remove(filepath.Join(rdir, e.Name()))
		}
	}
	return nil
}

// writeAtomic writes data to dir/name through a temporary file and a
// rename (no sync: a cache lost in a crash is only rebuilt).
func writeAtomic(dir, name string, data []byte) error {
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
	}
	return werr
}
