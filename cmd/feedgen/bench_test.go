package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/feedgen/feedgen/cmd/internal/corpus"
)

// benchSites caches generated corpora per size for the whole test binary.
var benchSites sync.Map

// benchSite writes (once) a corpus of n articles with the bench config and
// returns its config path.
func benchSite(b *testing.B, n int) string {
	b.Helper()
	if v, ok := benchSites.Load(n); ok {
		return v.(string)
	}
	dir, err := os.MkdirTemp("", fmt.Sprintf("feedgen-bench-%d-", n))
	if err != nil {
		b.Fatal(err)
	}
	if err := corpus.Write(filepath.Join(dir, "articles"), n, 1); err != nil {
		b.Fatal(err)
	}
	config := filepath.Join(dir, "config.yaml")
	cfg := "title: Bench site\ndescription: Synthetic corpus\nbase_url: https://bench.example.org/\nlanguage: en\n" +
		"author: {name: Bench Author, email: bench@example.org}\nlimit: 50\ntaxonomies: [tags, categories, authors]\n"
	if err := os.WriteFile(config, []byte(cfg), 0o644); err != nil {
		b.Fatal(err)
	}
	benchSites.Store(n, config)
	return config
}

// BenchmarkBuild runs the whole build command at 1,000 and 10,000 articles
// with per-term feeds on: cold (no cache), warm (cache, nothing changed)
// and touched (cache, one article changed before each build).
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("cold-%d", n), func(b *testing.B) {
			config := benchSite(b, n)
			out := b.TempDir()
			b.ReportAllocs()
			for b.Loop() {
				if code := run([]string{"build", "-q", "-no-cache", "-config", config, "-out", out, "-now", "2026-01-01T00:00:00Z"}, io.Discard, io.Discard); code != exitOK {
					b.Fatalf("build exited %d", code)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/article")
		})
		for _, touch := range []bool{false, true} {
			name := fmt.Sprintf("warm-%d", n)
			if touch {
				name = fmt.Sprintf("touched-%d", n)
			}
			b.Run(name, func(b *testing.B) {
				config := benchSite(b, n)
				out := b.TempDir()
				args := []string{"build", "-q", "-config", config, "-out", out, "-now", "2026-01-01T00:00:00Z"}
				if code := run(args, io.Discard, io.Discard); code != exitOK {
					b.Fatalf("build exited %d", code)
				}
				victim := firstArticle(b, filepath.Join(filepath.Dir(config), "articles"))
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; b.Loop(); i++ {
					if touch {
						b.StopTimer()
						f, err := os.OpenFile(victim, os.O_APPEND|os.O_WRONLY, 0)
						if err != nil {
							b.Fatal(err)
						}
						fmt.Fprintf(f, "\nEdit %d.\n", i)
						f.Close()
						b.StartTimer()
					}
					if code := run(args, io.Discard, io.Discard); code != exitOK {
						b.Fatalf("build exited %d", code)
					}
				}
			})
		}
	}
}

// firstArticle returns the path of the first Markdown article under dir.
func firstArticle(b *testing.B, dir string) string {
	b.Helper()
	var found string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && found == "" && !d.IsDir() && filepath.Ext(p) == ".md" {
			found = p
		}
		return nil
	})
	if found == "" {
		b.Fatal("no article")
	}
	return found
}
