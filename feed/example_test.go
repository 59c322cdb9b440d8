package feed_test

import (
	"fmt"
	"os"
	"testing/fstest"
	"time"

	"github.com/feedgen/feedgen/feed"
)

// ExampleBuildFS builds a one-article site from memory and prints its JSON
// Feed.
func ExampleBuildFS() {
	cfg, diags := feed.ParseConfig("config.yaml", []byte("title: Example\nbase_url: https://example.org/\nhtml: false\ngenerator: false\n"))
	if cfg == nil {
		fmt.Println(diags.Err())
		return
	}
	articles := fstest.MapFS{
		"2024-03-01-hello.md": {Data: []byte("---\ntitle: Hello\ndate: 2024-03-01\ntags: [intro]\n---\nHi, [see this](../other/).\n")},
	}
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	res, diags := feed.BuildFS(cfg, articles, "articles", feed.BuildOptions{Now: now}, nil)
	if res == nil {
		fmt.Println(diags.Err())
		return
	}
	for _, f := range res.Files {
		if f.Path == "feed.json" {
			os.Stdout.Write(f.Data)
		}
	}
	// Output:
	// {
	//   "version": "https://jsonfeed.org/version/1.1",
	//   "title": "Example",
	//   "language": "en",
	//   "home_page_url": "https://example.org/",
	//   "feed_url": "https://example.org/feed.json",
	//   "items": [
	//     {
	//       "id": "https://example.org/posts/hello/",
	//       "url": "https://example.org/posts/hello/",
	//       "title": "Hello",
	//       "content_html": "<p>Hi, <a href=\"https://example.org/posts/other/\">see this</a>.</p>\n",
	//       "summary": "Hi, see this.",
	//       "date_published": "2024-03-01T00:00:00Z",
	//       "date_modified": "2024-03-01T00:00:00Z",
	//       "tags": [
	//         "intro"
	//       ]
	//     }
	//   ]
	// }
}
