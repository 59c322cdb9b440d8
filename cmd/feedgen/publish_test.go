package main

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/feedgen/feedgen/feed"
)

func TestValidPath(t *testing.T) {
	tests := []struct {
		path    string
		wantErr string // "" for a valid path
	}{
		{"rss.xml", ""},
		{"tags/go/atom.xml", ""},
		{"a.b/c-d_e/feed.json", ""},
		{"console/rss.xml", ""},
		{"com10/rss.xml", ""},
		{".well-known/feed.json", ""},
		{strings.Repeat("x", 255), ""},
		{"", "empty"},
		{"/etc/passwd", "absolute"},
		{"../rss.xml", `".." segment`},
		{"tags/../../rss.xml", `".." segment`},
		{"tags/..", `".." segment`},
		{"./rss.xml", `"." segment`},
		{"tags//rss.xml", "empty segment"},
		{"tags/", "empty segment"},
		{"tags\\rss.xml", "backslash"},
		{"rss\x00.xml", "NUL"},
		{"C:/rss.xml", "drive letter"},
		{"c:rss.xml", "drive letter"},
		{strings.Repeat("x", 256), "longer than 255 bytes"},
		{"tags/" + strings.Repeat("é", 128) + "/rss.xml", "longer than 255 bytes"},
		{"CON", "reserved name on Windows"},
		{"tags/nul/rss.xml", "reserved name on Windows"},
		{"aux.xml", "reserved name on Windows"},
		{"Com1.json", "reserved name on Windows"},
		{"tags/LPT9/rss.xml", "reserved name on Windows"},
		{"prn .txt", "reserved name on Windows"},
		{"CONOUT$", "reserved name on Windows"},
		{".feedgen-manifest", "feedgen's own"},
		{"tags/.feedgen-tmp-1/rss.xml", "feedgen's own"},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			err := validPath(tc.path)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("validPath(%q) = %v, want nil", tc.path, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("validPath(%q) = nil, want an error containing %q", tc.path, tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), "invalid output path") {
				t.Errorf("validPath(%q) = %q, want it to contain %q", tc.path, err, tc.wantErr)
			}
		})
	}
}

// TestValidateOutputPaths checks validateOutput against symlinks and a
// home folder.
func TestValidateOutputPaths(t *testing.T) {
	dir := t.TempDir()
	home := filepath.Join(dir, "home", "user")
	site := filepath.Join(home, "site")
	for _, d := range []string{filepath.Join(site, "articles"), filepath.Join(site, "public"), filepath.Join(dir, "elsewhere")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(site, "config.yaml"), []byte("title: T\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"art-link": "articles", "site-link": ".", "home-link": ".."} {
		if err := os.Symlink(target, filepath.Join(site, link)); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", home)
	t.Chdir(site)

	tests := []struct {
		name     string
		out      string
		articles string
		config   string
		wantErr  string
	}{
		{"sibling folder", "public", "articles", "config.yaml", ""},
		{"missing folder", "new/deeper/out", "articles", "config.yaml", ""},
		{"folder outside home", filepath.Join(dir, "elsewhere"), "articles", "config.yaml", ""},
		{"inside the output folder of another site", "public/sub", "articles", "config.yaml", ""},
		{"root", "/", "articles", "config.yaml", "is the root of the file system"},
		{"root via dots", "../../../../../../../../../../..", "articles", "config.yaml", "is the root of the file system"},
		{"home", home, "articles", "config.yaml", "is your home folder"},
		{"home via symlink", "home-link", "articles", "config.yaml", "is your home folder"},
		{"parent of home", filepath.Dir(home), filepath.Join(dir, "elsewhere"), filepath.Join(dir, "elsewhere", "config.yaml"), "contains your home folder"},
		{"parent of home and the site", filepath.Dir(home), "articles", "config.yaml", "contains the articles folder"},
		{"articles", "articles", "articles", "config.yaml", "is the articles folder"},
		{"articles with a trailing slash", "articles/", "articles", "config.yaml", "is the articles folder"},
		{"articles via symlink", "art-link", "articles", "config.yaml", "is the articles folder"},
		{"articles given via symlink", "articles", "art-link", "config.yaml", "is the articles folder"},
		{"site folder", ".", "articles", "config.yaml", "contains the articles folder"},
		{"site folder via symlink", "site-link", "articles", "config.yaml", "contains the articles folder"},
		{"contains the config only", ".", filepath.Join(dir, "elsewhere"), "config.yaml", "contains the config file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := validateOutput(tc.out, tc.articles, tc.config)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("validateOutput(%q) = %v, want nil", tc.out, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("validateOutput(%q) = nil, want an error containing %q", tc.out, tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("validateOutput(%q) = %q, want it to contain %q", tc.out, err, tc.wantErr)
			}
		})
	}
}

// files returns the build output m (slash path → contents) as feed.Files.
func files(m map[string]string) []feed.File {
	var fs []feed.File
	for _, p := range slices.Sorted(maps.Keys(m)) {
		fs = append(fs, feed.File{Path: p, Data: []byte(m[p])})
	}
	return fs
}

// snapshot returns everything under dir, without following symbolic
// links: each file as "file <mode> <contents>" (only "file <mode>" for a
// FIFO or an unreadable file), each folder as "dir", each symlink as
// "link <target>".
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		fi, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			snap[rel] = "link " + target
		case d.IsDir():
			snap[rel] = "dir"
		case !fi.Mode().IsRegular() || fi.Mode().Perm()&0o400 == 0:
			snap[rel] = "file " + fi.Mode().String() // a FIFO, or unreadable: not opened
		default:
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			snap[rel] = "file " + fi.Mode().String() + " " + string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// wantSnapshot returns the snapshot of an output folder holding exactly the
// files of m plus the given manifest lines and the lock file.
func wantSnapshot(m map[string]string, manifest ...string) map[string]string {
	snap := map[string]string{".": "dir", lockName: "file -rw-r--r-- "}
	for p, data := range m {
		snap[p] = "file -rw-r--r-- " + data
		for d := filepath.ToSlash(filepath.Dir(p)); d != "."; d = filepath.ToSlash(filepath.Dir(d)) {
			snap[d] = "dir"
		}
	}
	var b strings.Builder
	b.WriteString(manifestHeader + "\n")
	for _, l := range slices.Sorted(slices.Values(manifest)) {
		b.WriteString(l + "\n")
	}
	snap[manifestName] = "file -rw-r--r-- " + b.String()
	return snap
}

// diffSnapshots reports every difference between got and want.
func diffSnapshots(t *testing.T, got, want map[string]string) {
	t.Helper()
	for _, p := range slices.Sorted(maps.Keys(want)) {
		if g, ok := got[p]; !ok {
			t.Errorf("%s: missing, want %q", p, want[p])
		} else if g != want[p] {
			t.Errorf("%s: got %q, want %q", p, g, want[p])
		}
	}
	for _, p := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: unexpected %q", p, got[p])
		}
	}
}

// mustPublish publishes m into out and fails the test on any error.
func mustPublish(t *testing.T, out string, m map[string]string) *publishReport {
	t.Helper()
	rep, err := publish(context.Background(), out, files(m))
	if err != nil {
		t.Fatalf("publish: %v", err)
	}
	if len(rep.Warnings) > 0 {
		t.Fatalf("publish warned: %v", rep.Warnings)
	}
	return rep
}

var (
	buildA = map[string]string{
		"rss.xml":            "<rss>A</rss>\n",
		"feed.json":          "{\"a\":1}\n",
		"tags/go/rss.xml":    "<rss>go A</rss>\n",
		"tags/go/feed.json":  "{\"go\":1}\n",
		"tags/old/rss.xml":   "<rss>old</rss>\n",
		"tags/old/feed.json": "{\"old\":1}\n",
		"deep/a/b/rss.xml":   "<rss>deep</rss>\n",
	}
	manifestA = []string{"deep/", "deep/a/", "deep/a/b/", "deep/a/b/rss.xml", "feed.json", "rss.xml",
		"tags/", "tags/go/", "tags/go/feed.json", "tags/go/rss.xml",
		"tags/old/", "tags/old/feed.json", "tags/old/rss.xml"}
	buildB = map[string]string{
		"rss.xml":           "<rss>B</rss>\n",
		"feed.json":         "{\"a\":1}\n",
		"tags/go/rss.xml":   "<rss>go B</rss>\n",
		"tags/go/feed.json": "{\"go\":1}\n",
		"tags/new/rss.xml":  "<rss>new</rss>\n",
	}
	manifestB = []string{"feed.json", "rss.xml", "tags/", "tags/go/", "tags/go/feed.json", "tags/go/rss.xml",
		"tags/new/", "tags/new/rss.xml"}
)

func TestPublishReplacesAndRemovesOwnFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	rep := mustPublish(t, out, buildA)
	diffSnapshots(t, snapshot(t, out), wantSnapshot(buildA, manifestA...))
	if got, want := rep.Written, slices.Sorted(maps.Keys(buildA)); !slices.Equal(got, want) {
		t.Errorf("first publish wrote %q, want %q", got, want)
	}

	// Someone else's files: at the top, inside a folder feedgen made, and
	// inside a folder feedgen is about to drop.
	foreign := map[string]string{"index.html": "<p>hi</p>", "tags/go/notes.txt": "mine", "deep/a/keep.txt": "mine too"}
	for p, data := range foreign {
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(p)), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// An unchanged file keeps its modification time.
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(out, "feed.json"), old, old); err != nil {
		t.Fatal(err)
	}

	rep = mustPublish(t, out, buildB)
	want := wantSnapshot(buildB, append(manifestB, "deep/", "deep/a/")...)
	for p, data := range foreign {
		want[p] = "file -rw------- " + data
	}
	want["deep"], want["deep/a"] = "dir", "dir"
	diffSnapshots(t, snapshot(t, out), want)

	if got, want := rep.Written, []string{"rss.xml", "tags/go/rss.xml", "tags/new/rss.xml"}; !slices.Equal(got, want) {
		t.Errorf("second publish wrote %q, want %q", got, want)
	}
	if got, want := rep.Unchanged, []string{"feed.json", "tags/go/feed.json"}; !slices.Equal(got, want) {
		t.Errorf("second publish left %q unchanged, want %q", got, want)
	}
	if got, want := rep.Removed, []string{"deep/a/b/", "deep/a/b/rss.xml", "tags/old/", "tags/old/feed.json", "tags/old/rss.xml"}; !slices.Equal(got, want) {
		t.Errorf("second publish removed %q, want %q", got, want)
	}
	fi, err := os.Stat(filepath.Join(out, "feed.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !fi.ModTime().Equal(old) {
		t.Errorf("unchanged feed.json was rewritten: modified %v, want %v", fi.ModTime(), old)
	}

	// Once the foreign files are gone, the next publish removes the
	// folders feedgen made and no longer needs.
	if err := os.Remove(filepath.Join(out, "deep/a/keep.txt")); err != nil {
		t.Fatal(err)
	}
	rep = mustPublish(t, out, buildB)
	delete(want, "deep/a/keep.txt")
	delete(want, "deep/a")
	delete(want, "deep")
	want[manifestName] = wantSnapshot(nil, manifestB...)[manifestName]
	diffSnapshots(t, snapshot(t, out), want)
	if got, want := rep.Removed, []string{"deep/", "deep/a/"}; !slices.Equal(got, want) {
		t.Errorf("third publish removed %q, want %q", got, want)
	}

	// An empty build removes everything feedgen wrote, and only that.
	mustPublish(t, out, nil)
	want = wantSnapshot(nil)
	want["index.html"] = "file -rw------- <p>hi</p>"
	want["tags"], want["tags/go"] = "dir", "dir"
	want["tags/go/notes.txt"] = "file -rw------- mine"
	want[manifestName] = wantSnapshot(nil, "tags/", "tags/go/")[manifestName]
	diffSnapshots(t, snapshot(t, out), want)
}

func TestPublishRefuses(t *testing.T) {
	outside := t.TempDir()
	tests := []struct {
		name    string
		setup   func(t *testing.T, out string) // before the publish, after buildA was published
		files   []feed.File
		fresh   bool // publish into a folder feedgen has never published into
		wantErr string
	}{
		{
			name:    "foreign file at the top",
			fresh:   true,
			setup:   seedFile("rss.xml", "theirs"),
			files:   files(buildA),
			wantErr: "/rss.xml: exists and was not written by feedgen; remove it or choose another output folder",
		},
		{
			name:    "foreign file in a subfolder",
			setup:   seedFile("x/rss.xml", "theirs"),
			files:   files(map[string]string{"rss.xml": "new", "x/rss.xml": "new"}),
			wantErr: "/x/rss.xml: exists and was not written by feedgen; remove it or choose another output folder",
		},
		{
			name:    "foreign file in a folder feedgen made",
			setup:   seedFile("tags/go/atom.xml", "theirs"),
			files:   files(map[string]string{"rss.xml": "new", "tags/go/atom.xml": "new"}),
			wantErr: "/tags/go/atom.xml: exists and was not written by feedgen",
		},
		{
			name:    "foreign folder at a target",
			setup:   seedFile("atom.xml/x", "theirs"),
			files:   files(map[string]string{"rss.xml": "new", "atom.xml": "new"}),
			wantErr: "/atom.xml: exists and was not written by feedgen",
		},
		{
			name:    "file where a folder is needed",
			setup:   seedFile("cats", "theirs"),
			files:   files(map[string]string{"rss.xml": "new", "cats/rss.xml": "new"}),
			wantErr: "/cats: exists and is not a folder",
		},
		{
			name: "symlinked folder leading outside",
			setup: func(t *testing.T, out string) {
				if err := os.Symlink(outside, filepath.Join(out, "ext")); err != nil {
					t.Fatal(err)
				}
			},
			files:   files(map[string]string{"rss.xml": "new", "ext/rss.xml": "new"}),
			wantErr: "/ext: symlink leads out of the output folder",
		},
		{
			name: "symlinked folder leading to the output folder's parent",
			setup: func(t *testing.T, out string) {
				if err := os.Symlink("..", filepath.Join(out, "up")); err != nil {
					t.Fatal(err)
				}
			},
			files:   files(map[string]string{"rss.xml": "new", "up/public2/rss.xml": "new"}),
			wantErr: "/up: symlink leads out of the output folder",
		},
		{
			name: "symlink leading to itself",
			setup: func(t *testing.T, out string) {
				if err := os.Symlink(".", filepath.Join(out, "self")); err != nil {
					t.Fatal(err)
				}
			},
			files:   files(map[string]string{"rss.xml": "new", "self/rss.xml": "new"}),
			wantErr: "/self: symlink leads out of the output folder",
		},
		{
			name: "dangling symlink",
			setup: func(t *testing.T, out string) {
				if err := os.Symlink("nowhere", filepath.Join(out, "dang")); err != nil {
					t.Fatal(err)
				}
			},
			files:   files(map[string]string{"rss.xml": "new", "dang/rss.xml": "new"}),
			wantErr: "/dang: symlink does not lead to a folder",
		},
		{
			name:    "path escaping the folder",
			files:   []feed.File{{Path: "rss.xml", Data: []byte("new")}, {Path: "../evil.xml", Data: []byte("x")}},
			wantErr: `invalid output path "../evil.xml": ".." segment`,
		},
		{
			name:    "absolute path",
			files:   []feed.File{{Path: "rss.xml", Data: []byte("new")}, {Path: "/tmp/evil.xml", Data: []byte("x")}},
			wantErr: `invalid output path "/tmp/evil.xml": absolute`,
		},
		{
			name:    "same path twice",
			files:   []feed.File{{Path: "rss.xml", Data: []byte("new")}, {Path: "rss.xml", Data: []byte("x")}},
			wantErr: "/rss.xml: written twice by one build",
		},
		{
			name:    "a path both file and folder",
			files:   []feed.File{{Path: "a", Data: []byte("new")}, {Path: "a/rss.xml", Data: []byte("x")}},
			wantErr: "/a: is both a file and a folder of the build",
		},
		{
			name:    "corrupt manifest makes existing outputs foreign",
			setup:   seedFile(manifestName, "garbage\n"),
			files:   files(buildB),
			wantErr: "/feed.json: exists and was not written by feedgen",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if tc.fresh {
				if err := os.Mkdir(out, 0o755); err != nil {
					t.Fatal(err)
				}
			} else {
				mustPublish(t, out, buildA)
			}
			if tc.setup != nil {
				tc.setup(t, out)
			}
			before := snapshot(t, out)
			outsideBefore := snapshot(t, outside)
			_, err := publish(context.Background(), out, tc.files)
			if err == nil {
				t.Fatalf("publish succeeded, want an error containing %q", tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("publish error = %q, want it to contain %q", err, tc.wantErr)
			}
			if tc.fresh {
				before[lockName] = "file -rw-r--r-- " // the only trace a refused publish may leave
			}
			diffSnapshots(t, snapshot(t, out), before)
			diffSnapshots(t, snapshot(t, outside), outsideBefore)
		})
	}
}

// seedFile returns a setup function that writes data to the slash path
// rel under the output folder.
func seedFile(rel, data string) func(t *testing.T, out string) {
	return func(t *testing.T, out string) {
		t.Helper()
		p := filepath.Join(out, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestPublishThroughInnerSymlink(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(filepath.Join(out, "real"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real", filepath.Join(out, "alias")); err != nil {
		t.Fatal(err)
	}
	mustPublish(t, out, map[string]string{"alias/rss.xml": "ok"})
	data, err := os.ReadFile(filepath.Join(out, "real", "rss.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != "ok" {
		t.Errorf("real/rss.xml = %q, want %q", data, "ok")
	}
}

func TestPublishCorruptManifest(t *testing.T) {
	tests := []struct {
		name     string
		manifest string
		wantWarn string
	}{
		{"no header", "rss.xml\nold.xml\n", "line 1"},
		{"other version", "# feedgen manifest 99\nold.xml\n", "line 1"},
		{"truncated", manifestHeader + "\nold.x", "truncated"},
		{"empty", "", "truncated"},
		{"escaping path", manifestHeader + "\n../../etc/passwd\nold.xml\n", `line 2: invalid output path "../../etc/passwd"`},
		{"absolute path", manifestHeader + "\nold.xml\n/old.xml\n", "line 3: invalid output path"},
		{"binary", "\x00\x01\x02\n", "line 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			seedFile(manifestName, tc.manifest)(t, out)
			seedFile("old.xml", "maybe ours, maybe not")(t, out)
			rep, err := publish(context.Background(), out, files(buildB))
			if err != nil {
				t.Fatalf("publish: %v", err)
			}
			if len(rep.Warnings) != 1 {
				t.Fatalf("got warnings %v, want one", rep.Warnings)
			}
			w := rep.Warnings[0]
			if !w.Warning || !strings.Contains(w.Error(), tc.wantWarn) || !strings.Contains(w.Error(), "/"+manifestName+": warning: corrupt manifest") {
				t.Errorf("warning = %q, want a warning about the manifest containing %q", w, tc.wantWarn)
			}
			want := wantSnapshot(buildB, manifestB...)
			want["old.xml"] = "file -rw-r--r-- maybe ours, maybe not"
			diffSnapshots(t, snapshot(t, out), want)
		})
	}
}

func TestPublishRemovesStaleTemporaries(t *testing.T) {
	out := t.TempDir()
	mustPublish(t, out, buildA)
	for _, name := range []string{tempPrefix + "123", tempPrefix + "9"} {
		seedFile(name, "half a feed")(t, out)
	}
	mustPublish(t, out, buildB)
	diffSnapshots(t, snapshot(t, out), wantSnapshot(buildB, manifestB...))
}

// cancelAfter is a context whose Err starts reporting cancellation after
// n calls, to interrupt publish at each of its checks in turn.
type cancelAfter struct {
	context.Context
	n int
}

func (c *cancelAfter) Err() error {
	if c.n <= 0 {
		return context.Canceled
	}
	c.n--
	return nil
}

func TestPublishInterrupted(t *testing.T) {
	for n := 0; ; n++ {
		out := t.TempDir()
		mustPublish(t, out, buildA)
		seedFile(tempPrefix+"stale", "half a feed")(t, out)
		before := snapshot(t, out)
		_, err := publish(&cancelAfter{context.Background(), n}, out, files(buildB))
		if err != nil {
			if !strings.Contains(err.Error(), "interrupted, nothing was replaced") {
				t.Fatalf("cancelled after %d checks: error %q, want an interruption", n, err)
			}
			got := snapshot(t, out)
			// A stale temporary may already be gone; nothing else changes.
			if _, ok := got[tempPrefix+"stale"]; !ok {
				delete(before, tempPrefix+"stale")
			}
			diffSnapshots(t, got, before)
			continue
		}
		if n < 3 {
			t.Errorf("cancelled after %d checks: publish succeeded, want it interrupted", n)
		}
		// Past the last check, the publish completes.
		diffSnapshots(t, snapshot(t, out), wantSnapshot(buildB, manifestB...))
		break
	}
}
