package feed

import (
	"bytes"
	"html"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

// TestRoundTrip parses every feed a golden site produces with a real feed
// parser (gofeed) and checks that every field came through, in order: each
// item's id, title, link, dates, authors, content, summary, categories,
// enclosure, image and external link (JSON only: RSS and Atom have no
// place for them that gofeed reads).
func TestRoundTrip(t *testing.T) {
	cases, _ := filepath.Glob("testdata/build/*")
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			res, _ := buildDir(t, dir, BuildOptions{})
			data := map[string][]byte{}
			for _, f := range res.Files {
				data[f.Path] = f.Data
			}
			cfg := loadTestConfig(t, dir)
			for _, set := range res.Feeds {
				for _, l := range set.Links {
					p := RelPath(cfg, l.URL)
					t.Run(p, func(t *testing.T) {
						roundTrip(t, cfg, set, l.Format, data[p])
					})
				}
			}
		})
	}
}

func roundTrip(t *testing.T, cfg *Config, set *FeedSet, format string, data []byte) {
	t.Helper()
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("gofeed cannot parse: %v", err)
	}
	wantType := map[string]string{"rss": "rss", "atom": "atom", "json": "json"}[format]
	if parsed.FeedType != wantType {
		t.Errorf("feed type %q, want %q", parsed.FeedType, wantType)
	}
	if parsed.Title != set.Title {
		t.Errorf("feed title %q, want %q", parsed.Title, set.Title)
	}
	if len(parsed.Items) != len(set.Items) {
		t.Fatalf("%d items, want %d", len(parsed.Items), len(set.Items))
	}
	for i, got := range parsed.Items {
		want := set.Items[i]
		if got.GUID != want.ID {
			t.Errorf("item %d: id %q, want %q", i, got.GUID, want.ID)
		}
		if got.Title != want.Title {
			t.Errorf("item %d: title %q, want %q", i, got.Title, want.Title)
		}
		if got.Link != want.Link {
			t.Errorf("item %d: link %q, want %q", i, got.Link, want.Link)
		}
		if got.PublishedParsed == nil || !got.PublishedParsed.Equal(want.Published) {
			t.Errorf("item %d: published %v, want %v", i, got.PublishedParsed, want.Published)
		}
		if format != "rss" && (got.UpdatedParsed == nil || !got.UpdatedParsed.Equal(want.Updated)) {
			t.Errorf("item %d: updated %v, want %v", i, got.UpdatedParsed, want.Updated)
		}
		var names []string
		for _, a := range got.Authors {
			names = append(names, a.Name)
		}
		if format == "rss" && got.DublinCoreExt != nil && len(got.DublinCoreExt.Creator) > 1 {
			// gofeed keeps only the first dc:creator as the author.
			names = got.DublinCoreExt.Creator
		}
		var wantNames []string
		for _, a := range want.Authors {
			wantNames = append(wantNames, a.Name)
		}
		if strings.Join(names, ",") != strings.Join(wantNames, ",") {
			t.Errorf("item %d: authors %q, want %q", i, names, wantNames)
		}
		c := want.ContentHTML(cfg)
		if format == "json" && c == "" {
			c = orDefault(want.Summary, want.Title) // an item needs content_html or content_text
		}
		if got.Content != c {
			t.Errorf("item %d: content differs\n got: %q\nwant: %q", i, got.Content, c)
		}
		wantCats := append(append([]string(nil), want.Article.Tags...), want.Article.Categories...)
		if !slices.Equal(got.Categories, wantCats) {
			t.Errorf("item %d: categories %q, want %q", i, got.Categories, wantCats)
		}
		var wantEnc []gofeed.Enclosure
		if e := want.Article.Enclosure; e != nil {
			length := strconv.FormatInt(e.Length, 10)
			if format == "json" && e.Length == 0 {
				length = "" // size_in_bytes is left out when zero
			}
			wantEnc = append(wantEnc, gofeed.Enclosure{URL: want.mediaURL(cfg, e.URL), Type: e.Type, Length: length})
		}
		var gotEnc []gofeed.Enclosure
		for _, e := range got.Enclosures {
			gotEnc = append(gotEnc, *e)
		}
		if !slices.Equal(gotEnc, wantEnc) {
			t.Errorf("item %d: enclosures %+v, want %+v", i, gotEnc, wantEnc)
		}
		if format == "json" {
			// RSS and Atom have no item image; gofeed guesses one from the content.
			var img string
			if got.Image != nil {
				img = got.Image.URL
			}
			if want := absMedia(cfg, want, want.Article.Image); img != want {
				t.Errorf("item %d: image %q, want %q", i, img, want)
			}
		}
		// gofeed drops Atom's link rel="related"; RSS has no place for it.
		if x := want.Article.ExternalURL; x != "" && format == "json" && !slices.Contains(got.Links, cfg.Abs(x)) {
			t.Errorf("item %d: links %q lack the external URL %q", i, got.Links, cfg.Abs(x))
		}
		summary := got.Description
		if format == "rss" {
			summary = html.UnescapeString(summary) // RSS description is HTML
		}
		if summary != want.Summary {
			t.Errorf("item %d: summary %q, want %q", i, summary, want.Summary)
		}
	}
}

// loadTestConfig parses dir/config.yaml.
func loadTestConfig(t *testing.T, dir string) *Config {
	t.Helper()
	data := readFile(t, filepath.Join(dir, "config.yaml"))
	cfg, diags := ParseConfig("config.yaml", data)
	if cfg == nil {
		t.Fatal(diags.Err())
	}
	return cfg
}

// absMedia is the absolute URL the writers mean for a front-matter media
// URL of it, "" for none; TestMediaURL checks how it is resolved.
func absMedia(cfg *Config, it *Item, ref string) string {
	if ref == "" {
		return ""
	}
	return it.mediaURL(cfg, ref)
}
