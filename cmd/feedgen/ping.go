package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/feedgen/feedgen/feed"
)

// pingTimeout bounds one publish notification.
const pingTimeout = 10 * time.Second

// readOld returns the bytes now in the output folder of every file the
// build is about to write (missing files are left out).
func readOld(out string, files []feed.File) map[string][]byte {
	old := make(map[string][]byte, len(files))
	for _, f := range files {
		if f.Keep {
			continue // unchanged: nothing to compare
		}
		if data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f.Path))); err == nil {
			old[f.Path] = data
		}
	}
	return old
}

// changedFeedURLs lists the URLs of the feed files whose bytes differ from
// what was published before.
func changedFeedURLs(s *site, old map[string][]byte) []string {
	data := make(map[string][]byte, len(s.result.Files))
	keep := map[string]bool{}
	for _, f := range s.result.Files {
		data[f.Path] = f.Data
		keep[f.Path] = f.Keep
	}
	var urls []string
	for _, set := range s.result.Feeds {
		for _, l := range set.Links {
			rel := feed.RelPath(s.cfg, l.URL)
			if keep[rel] {
				continue
			}
			if prev, ok := old[rel]; !ok || !bytes.Equal(prev, data[rel]) {
				urls = append(urls, l.URL)
			}
		}
	}
	return urls
}

// pingHub tells a WebSub hub that topic changed (hub.mode=publish), with
// one retry. Any answer but 2xx is an error.
func pingHub(ctx context.Context, client *http.Client, hub, topic string) error {
	var err error
	for try := 0; try < 2; try++ {
		if err = pingOnce(ctx, client, hub, topic); err == nil {
			return nil
		}
	}
	return err
}

func pingOnce(ctx context.Context, client *http.Client, hub, topic string) error {
	ctx, cancel := context.WithTimeout(ctx, pingTimeout)
	defer cancel()
	form := url.Values{"hub.mode": {"publish"}, "hub.url": {topic}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hub, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("User-Agent", "feedgen/"+feed.Version)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("hub answered %s", resp.Status)
	}
	return nil
}
