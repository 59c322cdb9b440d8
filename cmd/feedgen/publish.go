package main

import (
	"os"
	"path/filepath"

	"github.com/feedgen/feedgen/feed"
)

// publish writes files under dir atomically: every file goes to a
// temporary file beside its target and is synced, and only when all are
// complete are they renamed into place. On any error the temporary files
// are removed and nothing is replaced.
func publish(dir string, files []feed.File) (err error) {
	var temps []string
	defer func() {
		if err != nil {
			for _, t := range temps {
				os.Remove(t)
			}
		}
	}()
	for _, f := range files {
		target := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		t, err := os.CreateTemp(filepath.Dir(target), ".feedgen-tmp-*")
		if err != nil {
			return err
		}
		temps = append(temps, t.Name())
		if _, err := t.Write(f.Data); err != nil {
			t.Close()
			return err
		}
		if err := t.Chmod(0o644); err != nil {
			t.Close()
			return err
		}
		if err := t.Sync(); err != nil {
			t.Close()
			return err
		}
		if err := t.Close(); err != nil {
			return err
		}
	}
	for i, f := range files {
		if err := os.Rename(temps[i], filepath.Join(dir, filepath.FromSlash(f.Path))); err != nil {
			return err
		}
	}
	return nil
}
