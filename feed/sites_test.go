package feed

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
)

// TestNULIsError: a NUL byte makes a file binary, an error naming its
// line, whatever the format; the other articles still load.
func TestNULIsError(t *testing.T) {
	tests := []struct {
		name, file string
		src        string
		wantLine   int
	}{
		{"markdown body", "a.md", "---\ntitle: T\ndate: 2024-01-01\n---\nbody\x00\n", 5},
		{"markdown front matter", "a.md", "---\ntitle: T\x00\ndate: 2024-01-01\n---\nbody\n", 2},
		{"text", "a.txt", "date 2024-01-01 Body.\r\n\r\nMore\x00.\r\n", 3},
	}
	cfg := loadTestConfig(t, "testdata/build/hostile")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				tc.file:  {Data: []byte(tc.src)},
				"ok.txt": {Data: []byte("date 2024-01-02 Fine.\n")},
			}
			arts, diags := LoadArticles(fsys, "articles", cfg, nil)
			if len(arts) != 1 || arts[0].Path != "articles/ok.txt" {
				t.Errorf("loaded %d articles, want only articles/ok.txt", len(arts))
			}
			if len(diags) != 1 {
				t.Fatalf("got %d messages, want 1: %v", len(diags), diags)
			}
			d := diags[0]
			if d.Warning || d.Path != "articles/"+tc.file || d.Line != tc.wantLine || !strings.Contains(d.Err.Error(), "NUL") {
				t.Errorf("got %v, want an error at articles/%s:%d about the NUL byte", d, tc.file, tc.wantLine)
			}
		})
	}
}

// TestOutputSafe scans every byte of every file every golden site writes:
// no active content survives (script elements, event handlers, javascript:
// URLs), and no character that XML forbids or validators flag (C0 and C1
// controls, DEL, U+FFFD, invalid UTF-8) is written, not even inside CDATA.
func TestOutputSafe(t *testing.T) {
	cases, err := filepath.Glob("testdata/build/*")
	if err != nil {
		t.Fatal(err)
	}
	banned := []string{"<script", "onclick=", "onerror=", "onload=", "javascript:"}
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			res, _ := buildDir(t, dir, BuildOptions{})
			for _, f := range res.Files {
				lower := bytes.ToLower(f.Data)
				for _, b := range banned {
					if i := bytes.Index(lower, []byte(b)); i >= 0 {
						t.Errorf("%s contains %q: %q", f.Path, b, around(f.Data, i))
					}
				}
				for i := 0; i < len(f.Data); {
					r, n := utf8.DecodeRune(f.Data[i:])
					if !keepRune(r, n) {
						t.Errorf("%s: bad character %U at byte %d: %q", f.Path, r, i, around(f.Data, i))
						break
					}
					i += n
				}
			}
		})
	}
}

// around returns the bytes around offset i, for messages.
func around(data []byte, i int) []byte {
	return data[max(i-40, 0):min(i+40, len(data))]
}

// TestTermFeeds checks every per-term feed of the rich site against the
// parsed articles: a tag's feed holds exactly the published articles
// carrying that tag (compared by slug), newest first, and names its own
// files as self links.
func TestTermFeeds(t *testing.T) {
	const dir = "testdata/build/rich"
	cfg := loadTestConfig(t, dir)
	arts, diags := LoadArticles(os.DirFS(filepath.Join(dir, cfg.Articles)), cfg.Articles, cfg, nil)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	res, _ := buildDir(t, dir, BuildOptions{})
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	tagged := map[string][]*Article{} // tag slug → articles
	for _, a := range arts {
		for _, tag := range a.Tags {
			tagged[Slugify(tag)] = append(tagged[Slugify(tag)], a)
		}
	}
	if len(tagged) < 3 {
		t.Fatalf("only %d tags in %s; the test needs more", len(tagged), dir)
	}
	for slug, want := range tagged {
		t.Run(slug, func(t *testing.T) {
			var set *FeedSet
			for _, s := range res.Feeds {
				if s.Name == "tags/"+slug {
					set = s
				}
			}
			if set == nil {
				t.Fatalf("no feed for tag %q", slug)
			}
			slices.SortFunc(want, func(a, b *Article) int { return b.Date.Compare(a.Date) })
			var got, wantPaths []string
			for _, it := range set.Items {
				got = append(got, it.Article.Path)
			}
			for _, a := range want {
				wantPaths = append(wantPaths, a.Path)
			}
			if !slices.Equal(got, wantPaths) {
				t.Errorf("items %q, want %q", got, wantPaths)
			}
			for _, format := range []string{"rss", "atom", "json"} {
				self := cfg.BaseURL + "tags/" + slug + "/" + map[string]string{"rss": "rss.xml", "atom": "atom.xml", "json": "feed.json"}[format]
				parsed, err := gofeed.NewParser().Parse(bytes.NewReader(files[RelPath(cfg, self)]))
				if err != nil {
					t.Fatalf("%s: %v", self, err)
				}
				if n := len(parsed.Items); n != len(want) {
					t.Errorf("%s: %d items, want %d", self, n, len(want))
				}
				if !bytes.Contains(files[RelPath(cfg, self)], []byte(`"`+self+`"`)) {
					t.Errorf("%s does not name itself", self)
				}
				if format == "json" && parsed.FeedLink != self {
					t.Errorf("%s: feed_url %q", self, parsed.FeedLink)
				}
			}
		})
	}
}

// TestMigratedSites builds folders of Jekyll and Hugo posts as those
// generators wrote them: no errors, every post present with the right title
// and date, the unpublished ones left out for the right reason, and one
// warning per template tag that only the original generator can evaluate.
func TestMigratedSites(t *testing.T) {
	type post struct{ path, title, date string }
	tests := []struct {
		dir          string
		want         []post // the main feed, newest first
		skipped      []Skip
		wantWarnings int
	}{
		{
			dir: "testdata/build/jekyll",
			want: []post{
				{"articles/2017-02-14-no-title-here.md", "No Title Here", "2017-02-14T08:00:00Z"},
				{"articles/2016-11-20-raw-liquid.md", "Writing about Liquid", "2016-11-20T00:00:00Z"},
				{"articles/2016-10-06-welcome-to-jekyll.markdown", "Welcome to Jekyll!", "2016-10-06T18:10:38Z"},
			},
			skipped:      []Skip{{"articles/2017-01-02-unpublished.md", "draft"}},
			wantWarnings: 3, // highlight, endhighlight, include
		},
		{
			dir: "testdata/build/hugo",
			want: []post{
				{"articles/post/bundle-one/index.md", "A page bundle", "2019-06-15T09:00:00Z"},
				{"articles/post/second-yaml.md", "Second post in YAML", "2019-05-01T00:00:00Z"},
				{"articles/post/first-toml.md", "First post in TOML", "2019-03-10T13:30:00Z"},
			},
			skipped: []Skip{
				{"articles/post/bundle-two/index.md", "draft"},
				{"articles/post/expired.md", "expired"},
				{"articles/post/future.md", "scheduled"},
			},
			wantWarnings: 3, // figure, notice, /notice
		},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.dir), func(t *testing.T) {
			res, diags := buildDir(t, tc.dir, BuildOptions{})
			warnings := 0
			for _, d := range diags {
				if d.Warning && strings.Contains(d.Err.Error(), "template tag") {
					warnings++
				} else {
					t.Errorf("unexpected message: %v", d)
				}
			}
			if warnings != tc.wantWarnings {
				t.Errorf("%d template-tag warnings, want %d", warnings, tc.wantWarnings)
			}
			var got []post
			for _, it := range res.Feeds[0].Items {
				got = append(got, post{it.Article.Path, it.Title, it.Published.Format(time.RFC3339)})
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("main feed:\n got %q\nwant %q", got, tc.want)
			}
			skipped := slices.Clone(res.Skipped)
			slices.SortFunc(skipped, func(a, b Skip) int { return strings.Compare(a.Path, b.Path) })
			if !slices.Equal(skipped, tc.skipped) {
				t.Errorf("skipped %q, want %q", skipped, tc.skipped)
			}
		})
	}
}
