package feed

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestLoadArticlesLinks(t *testing.T) {
	const good = "---\ntitle: Good\ndate: 2024-01-01\n---\nBody.\n"
	link := func(target string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
	}
	tests := []struct {
		name      string
		files     fstest.MapFS
		wantPaths []string
		wantDiags []string
	}{
		{
			name: "link to an excluded file inside is read",
			files: fstest.MapFS{
				"_drafts/2024-01-01-a.md": {Data: []byte(good)},
				"2024-01-01-a.md":         link("_drafts/2024-01-01-a.md"),
			},
			wantPaths: []string{"site/2024-01-01-a.md"},
		},
		{
			name: "link through a linked folder inside is read",
			files: fstest.MapFS{
				"_src/x/a.md":     {Data: []byte(good)},
				"_here":           link("_src/x"),
				"2024-01-01-b.md": link("_here/a.md"),
			},
			wantPaths: []string{"site/2024-01-01-b.md"},
		},
		{
			name: "link to a folder inside is not followed",
			files: fstest.MapFS{
				"notes/2024-01-01-n.md": {Data: []byte(good)},
				"again":                 link("notes"),
				"self":                  link("."),
			},
			wantPaths: []string{"site/notes/2024-01-01-n.md"},
		},
		{
			name: "links out are errors whatever their name",
			files: fstest.MapFS{
				"a.md":     link("../secret.md"),
				"b.md":     link("/etc/passwd"),
				"images":   link("../../images"),
				"sub/c.md": link("../../c.md"),
			},
			wantDiags: []string{
				"site/a.md: symbolic link points outside the articles folder",
				"site/b.md: symbolic link points outside the articles folder",
				"site/images: symbolic link points outside the articles folder",
				"site/sub/c.md: symbolic link points outside the articles folder",
			},
		},
		{
			name: "loops are errors",
			files: fstest.MapFS{
				"a.md": link("b.md"),
				"b.md": link("a.md"),
			},
			wantDiags: []string{
				"site/a.md: symbolic link loop (or a chain of more than 40 links)",
				"site/b.md: symbolic link loop (or a chain of more than 40 links)",
			},
		},
		{
			name: "dangling links are errors only when named like articles",
			files: fstest.MapFS{
				"a.md":    link("gone.md"),
				"pic.png": link("gone.png"),
			},
			wantDiags: []string{"site/a.md: symbolic link points to a missing file"},
		},
		{
			name: "an article name on a device or pipe is an error",
			files: fstest.MapFS{
				"pipe.md":  {Mode: fs.ModeNamedPipe},
				"pipe.bin": {Mode: fs.ModeNamedPipe},
				"to.md":    link("pipe.bin"),
			},
			wantDiags: []string{
				"site/pipe.md: not a regular file",
				"site/to.md: not a regular file",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, diags := LoadArticles(tc.files, "site", DefaultConfig(), nil)
			var paths []string
			for _, a := range arts {
				paths = append(paths, a.Path)
			}
			if got, want := join(paths), join(tc.wantPaths); got != want {
				t.Errorf("articles:\ngot  %s\nwant %s", got, want)
			}
			diags.Sort()
			var msgs []string
			for _, d := range diags {
				msgs = append(msgs, d.Error())
			}
			if got, want := join(msgs), join(tc.wantDiags); got != want {
				t.Errorf("diagnostics:\ngot  %s\nwant %s", got, want)
			}
		})
	}
}

// join joins lines for comparison.
func join(lines []string) string {
	s := ""
	for _, l := range lines {
		s += l + "\n"
	}
	return s
}
