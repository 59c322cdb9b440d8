package feed

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestMeasureEnclosure loads one article with an enclosure from a small
// articles folder and checks the length it ends up with, or the error.
func TestMeasureEnclosure(t *testing.T) {
	media := func(n int) *fstest.MapFile { return &fstest.MapFile{Data: []byte(strings.Repeat("x", n))} }
	fsys := fstest.MapFS{
		"media/ep1.mp3":       media(11),
		"media/a b.mp3":       media(12),
		"posts/local.mp3":     media(13),
		"posts/sub/deep.mp3":  media(14),
		"shared.ogg":          media(15),
		"media/folder.mp3/x":  media(1),
		"posts/bundle/ep.m4a": media(16),
	}
	tests := []struct {
		name      string
		article   string // path of the article inside the articles folder
		enclosure string // the front matter's enclosure mapping
		want      int64
		wantErr   string
	}{
		{"length given", "posts/a.md", "{url: /nowhere.mp3, type: audio/mpeg, length: 999}", 999, ""},
		{"site-relative", "posts/a.md", "{url: /media/ep1.mp3, type: audio/mpeg}", 11, ""},
		{"length zero is measured", "posts/a.md", "{url: /media/ep1.mp3, type: audio/mpeg, length: 0}", 11, ""},
		{"percent-encoded", "posts/a.md", "{url: /media/a%20b.mp3, type: audio/mpeg}", 12, ""},
		{"query and fragment", "posts/a.md", "{url: '/media/ep1.mp3?v=2#t=10', type: audio/mpeg}", 11, ""},
		{"document-relative", "posts/a.md", "{url: local.mp3, type: audio/mpeg}", 13, ""},
		{"document-relative subfolder", "posts/a.md", "{url: sub/deep.mp3, type: audio/mpeg}", 14, ""},
		{"parent folder", "posts/a.md", "{url: ../shared.ogg, type: audio/ogg}", 15, ""},
		{"page bundle", "posts/bundle/index.md", "{url: ep.m4a, type: audio/mp4}", 16, ""},
		{"top-level article", "a.md", "{url: shared.ogg, type: audio/ogg}", 15, ""},
		{"missing", "posts/a.md", "{url: /media/gone.mp3, type: audio/mpeg}", 0,
			"articles/posts/a.md:4: enclosure length unknown: file not found"},
		{"folder", "posts/a.md", "{url: /media/folder.mp3, type: audio/mpeg}", 0,
			"articles/posts/a.md:4: enclosure length unknown: file not found"},
		{"outside the articles folder", "posts/a.md", "{url: ../../secret.mp3, type: audio/mpeg}", 0,
			"articles/posts/a.md:4: enclosure length unknown: file not found"},
		{"other site", "posts/a.md", "{url: 'https://cdn.example.net/ep.mp3', type: audio/mpeg}", 0,
			"articles/posts/a.md:4: enclosure length unknown: set enclosure.length (in bytes) for a file on another site (https://cdn.example.net/ep.mp3)"},
		{"protocol-relative", "posts/a.md", "{url: '//cdn.example.net/ep.mp3', type: audio/mpeg}", 0,
			"articles/posts/a.md:4: enclosure length unknown: set enclosure.length (in bytes) for a file on another site (//cdn.example.net/ep.mp3)"},
	}
	cfg := loadTestConfig(t, "testdata/build/hostile")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			site := fstest.MapFS{}
			for k, v := range fsys {
				site[k] = v
			}
			site[tc.article] = &fstest.MapFile{Data: []byte("---\ntitle: T\ndate: 2024-01-01\nenclosure: " + tc.enclosure + "\n---\nbody\n")}
			arts, diags := LoadArticles(site, "articles", cfg, nil)
			if tc.wantErr != "" {
				if len(arts) != 0 || len(diags) != 1 || diags[0].Warning || diags[0].Error() != tc.wantErr {
					t.Errorf("got %d articles and %v, want the error %q", len(arts), diags, tc.wantErr)
				}
				return
			}
			if len(diags) != 0 || len(arts) != 1 {
				t.Fatalf("got %d articles and %v, want one article", len(arts), diags)
			}
			if got := arts[0].Enclosure.Length; got != tc.want {
				t.Errorf("length %d, want %d", got, tc.want)
			}
		})
	}
}

// TestMediaURL: front-matter media URLs resolve like the files are found,
// site-relative ones against the site, the others against the permalink.
func TestMediaURL(t *testing.T) {
	cfg, diags := ParseConfig("config.yaml", []byte("title: T\nbase_url: https://example.org/blog/\n"))
	if cfg == nil {
		t.Fatal(diags.Err())
	}
	it := &Item{Link: "https://example.org/blog/posts/ep/"}
	tests := []struct{ ref, want string }{
		{"/media/a.mp3", "https://example.org/blog/media/a.mp3"},
		{"a.mp3", "https://example.org/blog/posts/ep/a.mp3"},
		{"../a.mp3", "https://example.org/blog/posts/a.mp3"},
		{"media/a%20b.mp3?v=1", "https://example.org/blog/posts/ep/media/a%20b.mp3?v=1"},
		{"//cdn.example.net/a.mp3", "https://cdn.example.net/a.mp3"},
		{"http://cdn.example.net/a.mp3", "http://cdn.example.net/a.mp3"},
	}
	for _, tc := range tests {
		if got := it.mediaURL(cfg, tc.ref); got != tc.want {
			t.Errorf("mediaURL(%q) = %q, want %q", tc.ref, got, tc.want)
		}
	}
}
