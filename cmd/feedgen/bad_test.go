package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// badDir holds the bad-input corpus: one folder per case. See its README.
const badDir = "../../feed/testdata/bad"

// seeded is what every case finds in its output folder before the build:
// known bytes that a failed build must leave alone.
var seeded = []string{"rss.xml", "atom.xml", "feed.json", "feed.html", "tags/go/rss.xml"}

// badSetup is what a case needs beyond the files of its folder: extra flags
// and a setup that makes what git cannot hold (symbolic links, FIFOs, files
// without permissions, very large files). setup runs in the site folder,
// after the case's files and the seeded output are in place, and may skip
// the case.
var badSetup = map[string]struct {
	args  []string
	setup func(t *testing.T)
}{
	"fm-unknown-key": {args: []string{"-strict"}},
	"config-oversized": {setup: func(t *testing.T) {
		appendFile(t, "config.yaml", strings.Repeat("# padding padding padding\n", 50_000))
	}},
	"article-20mib": {setup: func(t *testing.T) {
		writeFile(t, "articles/2024-01-01-huge.md", "---\ntitle: Huge\n---\n"+strings.Repeat("All work and no play makes Jack a dull boy.\n", 20<<20/44+1))
	}},
	"fm-over-64k": {setup: func(t *testing.T) {
		writeFile(t, "articles/2024-01-01-big.md", "---\ntitle: Big\n"+strings.Repeat("# a comment line to pad the front matter past its limit\n", 1300)+"---\nBody.\n")
	}},
	"symlink-outside": {setup: func(t *testing.T) {
		writeFile(t, "secret.md", "---\ntitle: Secret\ndate: 2024-01-01\n---\nNot for the feed.\n")
		symlink(t, "../secret.md", "articles/2024-01-01-leak.md")
	}},
	"symlink-absolute": {setup: func(t *testing.T) { symlink(t, "/etc/hostname", "articles/2024-01-01-host.md") }},
	"symlink-dir-outside": {setup: func(t *testing.T) {
		writeFile(t, "elsewhere/2024-01-01-other.md", "---\ntitle: Other\n---\nBody.\n")
		symlink(t, "../elsewhere", "articles/more")
	}},
	"symlink-via-parent": {setup: func(t *testing.T) {
		writeFile(t, "secret.md", "---\ntitle: Secret\ndate: 2024-01-01\n---\nNot for the feed.\n")
		symlink(t, "..", "articles/up")
		symlink(t, "up/secret.md", "articles/2024-01-01-leak.md")
	}},
	"symlink-loop": {setup: func(t *testing.T) {
		symlink(t, "b.md", "articles/a.md")
		symlink(t, "a.md", "articles/b.md")
		symlink(t, "self.md", "articles/self.md")
	}},
	"symlink-dangling": {setup: func(t *testing.T) { symlink(t, "missing.md", "articles/2024-01-01-gone.md") }},
	"symlink-inside": {args: []string{"-q", "-v"}, setup: func(t *testing.T) {
		symlink(t, "_drafts/2024-01-02-ready.md", "articles/2024-01-02-ready.md")
		symlink(t, ".", "articles/loop")
	}},
	"fifo": {setup: func(t *testing.T) {
		if err := syscall.Mkfifo("articles/2024-01-01-pipe.md", 0o644); err != nil {
			t.Fatal(err)
		}
	}},
	"unreadable": {setup: func(t *testing.T) {
		name := "articles/2024-01-01-secret.md"
		if err := os.Chmod(name, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(name, 0o644) })
		if _, err := os.ReadFile(name); err == nil {
			t.Skip("running as root: chmod 000 does not stop reads (the fifo and symlink-dangling cases cover other files that cannot be read)")
		}
	}},
	"dir-named-md": {args: []string{"-q", "-v"}, setup: func(t *testing.T) { mkdir(t, "articles/x.md") }},
	"output-file-is-dir": {setup: func(t *testing.T) {
		if err := os.Remove("public/atom.xml"); err != nil {
			t.Fatal(err)
		}
		writeFile(t, "public/atom.xml/keep", "a folder where a feed file goes\n")
	}},
	"symlink-to-dir-md": {args: []string{"-q", "-v"}, setup: func(t *testing.T) {
		mkdir(t, "articles/sub")
		symlink(t, "sub", "articles/2024-01-01-sub.md")
	}},
	"hostile-tags":       {args: []string{"-q", "-v"}},
	"only-front-matter":  {args: []string{"-q", "-v"}},
	"output-flag-root":   {args: []string{"-out", "/"}, setup: refuseRoot},
	"config-output-root": {setup: refuseRoot},
	"output-flag-home": {args: []string{"-out", "home"}, setup: func(t *testing.T) {
		mkdir(t, "home")
		abs, err := filepath.Abs("home")
		if err != nil {
			t.Fatal(err)
		}
		t.Setenv("HOME", abs)
	}},
	"output-flag-articles": {args: []string{"-out", "articles"}},
}

// tempName matches the random part of publish's temporary files.
var tempName = regexp.MustCompile(`\.feedgen-tmp-[0-9]+`)

// refuseRoot stops a case before a build that could write into the root
// folder (tests may run as root) when validateOutput no longer refuses it.
func refuseRoot(t *testing.T) {
	if validateOutput("/", "articles", "config.yaml") == nil {
		t.Fatal("validateOutput accepts /: not running a build that would write there")
	}
}

// TestBadInput builds every site of the bad-input corpus with the real
// command, in-process, and checks its exit code and every line it prints
// (want.txt: "exit N", then stderr) and that nothing was half-published: a
// failed build leaves every file of the site, the seeded output folder
// included, byte for byte as it was; a build that succeeds changes nothing
// outside the output folder. Run with -update to rewrite want.txt.
func TestBadInput(t *testing.T) {
	entries, err := os.ReadDir(badDir)
	if err != nil {
		t.Fatal(err)
	}
	defaultConfig, err := os.ReadFile(filepath.Join(badDir, "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	for name := range badSetup {
		if !slices.Contains(names, name) {
			t.Errorf("badSetup names %s, which has no folder in %s", name, badDir)
		}
	}
	if len(names) < 40 {
		t.Errorf("the corpus has %d cases, want at least 40", len(names))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			src, err := filepath.Abs(filepath.Join(badDir, name))
			if err != nil {
				t.Fatal(err)
			}
			root := t.TempDir()
			if err := os.CopyFS(root, os.DirFS(src)); err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(filepath.Join(root, "want.txt")); err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			t.Chdir(root)
			if _, err := os.Stat("config.yaml"); os.IsNotExist(err) {
				writeFile(t, "config.yaml", string(defaultConfig))
			}
			mkdir(t, "articles")
			// public/ as an earlier build left it: its files, listed in
			// the manifest as feedgen's own, and the lock file.
			manifest := manifestHeader + "\n"
			for _, s := range seeded {
				writeFile(t, filepath.Join("public", s), "seeded "+s+"\n")
				manifest += s + "\n"
			}
			writeFile(t, filepath.Join("public", manifestName), manifest+"tags/\ntags/go/\n")
			writeFile(t, filepath.Join("public", lockName), "")
			c := badSetup[name]
			if c.setup != nil {
				c.setup(t)
			}
			before := snapshot(t, ".")

			var stdout, stderr bytes.Buffer
			code := run(append([]string{"build", "-now", "2026-01-01T00:00:00Z"}, c.args...), &stdout, &stderr)
			got := fmt.Sprintf("exit %d\n%s", code, tempName.ReplaceAllString(stderr.String(), ".feedgen-tmp-*"))

			if stdout.Len() > 0 {
				t.Errorf("stdout is not empty:\n%s", stdout.String())
			}
			after := snapshot(t, ".")
			for p, b := range before {
				if code == exitOK && (p == "public" || strings.HasPrefix(p, "public/")) {
					continue
				}
				if a, ok := after[p]; !ok {
					t.Errorf("%s was removed", p)
				} else if a != b {
					t.Errorf("%s was changed", p)
				}
			}
			for p := range after {
				// A successful build writes public/ and its cache, and nothing else.
				ours := strings.HasPrefix(p, "public/") || p == cacheDirName || strings.HasPrefix(p, cacheDirName+"/")
				if _, ok := before[p]; !ok && (code != exitOK || !ours) {
					t.Errorf("%s was created", p)
				}
			}

			wantFile := filepath.Join(src, "want.txt")
			if *update {
				if err := os.WriteFile(wantFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s; run: go test ./cmd/feedgen -run TestBadInput -update\ngot:\n%s\nwant:\n%s", filepath.Join("feed/testdata/bad", name, "want.txt"), got, want)
			}
		})
	}
}

func appendFile(t *testing.T, name, data string) {
	t.Helper()
	old, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, name, string(old)+data)
}

func mkdir(t *testing.T, name string) {
	t.Helper()
	if err := os.MkdirAll(name, 0o755); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	mkdir(t, filepath.Dir(name))
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}
