package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/feedgen/feedgen/cmd/internal/corpus"
)

func TestCount(t *testing.T) {
	tests := []struct {
		name    string
		n       int
		extra   map[string]string // more files to add
		want    int
		wantErr bool
	}{
		{"corpus", 300, nil, 300, false},
		{"other files ignored", 10, map[string]string{"config.yaml": "a: b\n", "img/x.png": "png"}, 10, false},
		{"no front matter", 0, map[string]string{"a.md": "just text\n"}, 1, false},
		{"bad yaml", 5, map[string]string{"bad.md": "---\ntitle: [unclosed\n---\nbody\n"}, 6, true},
		{"unclosed front matter", 0, map[string]string{"open.md": "---\ntitle: x\nbody\n"}, 1, true},
		{"empty text file", 0, map[string]string{"empty.txt": ""}, 1, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := corpus.Write(dir, tc.n, 1); err != nil {
				t.Fatal(err)
			}
			for name, data := range tc.extra {
				path := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := count(dir)
			if (err != nil) != tc.wantErr {
				t.Errorf("count error = %v, want error %v", err, tc.wantErr)
			}
			if got != tc.want {
				t.Errorf("count = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestCountMissingDir(t *testing.T) {
	if _, err := count(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("count of a missing folder succeeded")
	}
}
