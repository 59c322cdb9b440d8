package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
	}{
		{"writes", []string{"-n", "3", "-seed", "2", "-out", out}, 0, ""},
		{"no out", []string{"-n", "3"}, 2, "usage:"},
		{"negative n", []string{"-n", "-1", "-out", out}, 2, "usage:"},
		{"extra argument", []string{"-out", out, "more"}, 2, "usage:"},
		{"bad flag", []string{"-x"}, 2, "flag provided but not defined"},
		{"write error", []string{"-n", "3", "-out", blocker}, 1, "feedgen-corpus:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			if got := run(tc.args, &stderr); got != tc.wantCode {
				t.Errorf("run(%q) = %d, want %d; stderr: %s", tc.args, got, tc.wantCode, &stderr)
			}
			if !strings.Contains(stderr.String(), tc.wantStderr) {
				t.Errorf("stderr %q does not contain %q", &stderr, tc.wantStderr)
			}
		})
	}
	var files int
	err := filepath.WalkDir(out, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if files != 3 {
		t.Errorf("-n 3 wrote %d files", files)
	}
}
