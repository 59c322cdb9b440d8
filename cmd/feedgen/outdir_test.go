package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidateOutput(t *testing.T) {
	root := t.TempDir()
	home := filepath.Join(root, "home")
	for _, d := range []string{"site/articles", "home"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("site", filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	articles := filepath.Join(root, "site/articles")
	config := filepath.Join(root, "site/config.yaml")
	tests := []struct {
		name, out, want string // want: a part of the error, "" for none
	}{
		{"public", filepath.Join(root, "site/public"), ""},
		{"beside the site", filepath.Join(root, "feeds"), ""},
		{"inside the articles", filepath.Join(root, "site/articles/out"), ""},
		{"root", "/", "is the root of the file system"},
		{"home", home, "is your home folder"},
		{"home with a slash", home + "/", "is your home folder"},
		{"articles", articles, "is the articles folder"},
		{"articles through a link", filepath.Join(root, "link/articles"), "is the articles folder"},
		{"site", filepath.Join(root, "site"), "contains the articles folder"},
		{"site through a link", filepath.Join(root, "link"), "contains the articles folder"},
		{"parent", root, "contains the articles folder"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := validateOutput(tc.out, articles, config)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("validateOutput(%q) = %v, want nil", tc.out, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("validateOutput(%q) = %v, want an error containing %q", tc.out, err, tc.want)
			}
		})
	}
}

func TestValidateOutputConfig(t *testing.T) {
	root := t.TempDir()
	articles := filepath.Join(root, "content/articles")
	if err := os.MkdirAll(articles, 0o755); err != nil {
		t.Fatal(err)
	}
	err := validateOutput(filepath.Join(root, "site"), articles, filepath.Join(root, "site/config.yaml"))
	if want := "contains the config file"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want an error containing %q", err, want)
	}
}
