package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// snapshotDir reads every file under dir except the lock file.
func snapshotDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == lockName {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestCacheMatchesCold builds a site again and again with the cache while
// it changes, and after every step compares the output byte for byte with
// a cold build (-no-cache) of the same input.
func TestCacheMatchesCold(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "config.yaml")
	writeFile(t, config, "title: Cached\nbase_url: https://cache.example.org/\nlimit: 3\ntaxonomies: [tags]\n")
	art := func(name string) string { return filepath.Join(dir, "articles", name) }
	for i := range 6 {
		writeFile(t, art(fmt.Sprintf("post-%d.md", i)), fmt.Sprintf("---\ntitle: Post %d\ndate: 2024-01-0%d\ntags: [t%d, all]\n---\nBody %d with a [link](../x/).\n", i, i+1, i%3, i))
	}
	writeFile(t, art("wire.txt"), "date 2024-01-03 PARIS – A wire story. More.\n")
	cacheDir := filepath.Join(dir, cacheDirName)
	past := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

	steps := []struct {
		name    string
		change  func(t *testing.T)
		noWrite bool // the input is as before: the cached build rewrites nothing
	}{
		{"first build", func(*testing.T) {}, false},
		{"nothing changed", func(*testing.T) {}, true},
		{"article edited", func(t *testing.T) {
			writeFile(t, art("post-5.md"), "---\ntitle: Post 5 edited\ndate: 2024-01-06\ntags: [t2, all]\n---\nNew body.\n")
		}, false},
		{"article deleted", func(t *testing.T) {
			if err := os.Remove(art("post-4.md")); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"article renamed", func(t *testing.T) {
			if err := os.Rename(art("post-3.md"), art("renamed.md")); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"same size, modification time moved backwards", func(t *testing.T) {
			// Same length as before, different text, an older time.
			writeFile(t, art("post-5.md"), "---\ntitle: Post 5 EDITED\ndate: 2024-01-06\ntags: [t2, all]\n---\nNew BODY.\n")
			if err := os.Chtimes(art("post-5.md"), past, past); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"tag moved to another article", func(t *testing.T) {
			writeFile(t, art("post-0.md"), "---\ntitle: Post 0\ndate: 2024-01-01\ntags: [t9]\n---\nBody 0.\n")
		}, false},
		{"truncated cache", func(t *testing.T) {
			renders, err := filepath.Glob(filepath.Join(cacheDir, cacheRendersName, "*"))
			if err != nil || len(renders) == 0 {
				t.Fatalf("no rendered items cached (%v)", err)
			}
			for _, name := range append(renders, filepath.Join(cacheDir, cacheIndexName)) {
				data, err := os.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, name, string(data[:len(data)/2]))
			}
			// The output must be written again, so the truncated renders are looked up.
			if err := os.Remove(filepath.Join(dir, "public", "rss.xml")); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"garbage cache", func(t *testing.T) {
			renders, _ := filepath.Glob(filepath.Join(cacheDir, cacheRendersName, "*"))
			for _, name := range renders {
				writeFile(t, name, "feedgen-cache 1\n\x05junk")
			}
			writeFile(t, filepath.Join(cacheDir, cacheIndexName), "garbage\x00\xff")
		}, true},
		{"output file deleted", func(t *testing.T) {
			if err := os.Remove(filepath.Join(dir, "public", "tags", "all", "rss.xml")); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"config changed", func(t *testing.T) {
			writeFile(t, config, "title: Cached, renamed\nbase_url: https://cache.example.org/\nlimit: 3\ntaxonomies: [tags]\n")
		}, false},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.change(t)
			var stderr bytes.Buffer
			if code := run([]string{"build", "-v", "-config", config, "-now", "2025-01-01T00:00:00Z"}, io.Discard, &stderr); code != exitOK {
				t.Fatalf("cached build exited %d:\n%s", code, stderr.String())
			}
			if wrote := bytes.Contains(stderr.Bytes(), []byte("\nwrote ")) || bytes.HasPrefix(stderr.Bytes(), []byte("wrote ")); wrote == st.noWrite {
				t.Errorf("cached build wrote files: %v, want %v:\n%s", wrote, !st.noWrite, stderr.String())
			}
			stderr.Reset()
			cold := t.TempDir()
			if code := run([]string{"build", "-q", "-no-cache", "-config", config, "-out", cold, "-now", "2025-01-01T00:00:00Z"}, io.Discard, &stderr); code != exitOK {
				t.Fatalf("cold build exited %d:\n%s", code, stderr.String())
			}
			got, want := snapshotDir(t, filepath.Join(dir, "public")), snapshotDir(t, cold)
			for name, w := range want {
				if g, ok := got[name]; !ok {
					t.Errorf("%s: missing from the cached build", name)
				} else if !bytes.Equal(g, w) {
					t.Errorf("%s: cached build differs from cold build\n--- cached ---\n%s\n--- cold ---\n%s", name, g, w)
				}
			}
			for name := range got {
				if _, ok := want[name]; !ok {
					t.Errorf("%s: only in the cached build", name)
				}
			}
			if _, err := os.Stat(cacheDir); err != nil {
				t.Errorf("no cache written: %v", err)
			}
		})
	}
}
