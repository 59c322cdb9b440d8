package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/feedgen/feedgen/feed"
)

// pingTimeout bounds one publish notification.
const pingTimeout = 10 * time.Second

// changedFeedURLs lists the URLs of the feed files the publish rewrote
// (written lists them, slash paths under the output folder): a file whose
// bytes did not change is not rewritten, so its hub needs no ping.
func changedFeedURLs(s *site, written []string) []string {
	changed := make(map[string]bool, len(written))
	for _, rel := range written {
		changed[rel] = true
	}
	var urls []string
	for _, set := range s.result.Feeds {
		for _, l := range set.Links {
			if changed[feed.RelPath(s.cfg, l.URL)] {
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
