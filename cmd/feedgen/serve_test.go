package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// get fetches url and returns its media type and body.
func get(t *testing.T, url string) (string, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	return resp.Header.Get("Content-Type"), string(body)
}

// waitFor polls cond every 50ms for at most 10s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestServe(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "config.yaml")
	writeFile(t, config, "title: Served\nbase_url: https://serve.example.org/\n")
	article := filepath.Join(dir, "articles", "a.md")
	writeFile(t, article, "---\ntitle: First title\ndate: 2024-01-01\n---\nBody.\n")

	ctx, cancel := context.WithCancel(context.Background())
	var stderr syncBuffer
	addrc := make(chan string, 1)
	done := make(chan int, 1)
	f := &siteFlags{config: config, now: "2025-01-01T00:00:00Z"}
	go func() { done <- serve(ctx, f, "127.0.0.1:0", &stderr, func(a string) { addrc <- a }) }()
	var base string
	select {
	case a := <-addrc:
		base = "http://" + a + "/"
	case code := <-done:
		t.Fatalf("serve exited %d:\n%s", code, stderr.String())
	}
	defer func() {
		cancel()
		if code := <-done; code != exitOK {
			t.Errorf("serve exited %d", code)
		}
	}()

	tests := []struct{ path, mediaType, body string }{
		{"rss.xml", "application/rss+xml", "<title>First title</title>"},
		{"atom.xml", "application/atom+xml", "<title>First title</title>"},
		{"feed.json", "application/feed+json", `"title": "First title"`},
		{"feed.html", "text/html; charset=utf-8", "First title"},
		{"", "text/html; charset=utf-8", "First title"},
	}
	for _, tc := range tests {
		t.Run("get "+tc.path, func(t *testing.T) {
			mt, body := get(t, base+tc.path)
			if mt != tc.mediaType {
				t.Errorf("media type %q, want %q", mt, tc.mediaType)
			}
			if !strings.Contains(body, tc.body) {
				t.Errorf("body lacks %q", tc.body)
			}
		})
	}

	// An edit is picked up by the watcher and rebuilt.
	writeFile(t, article, "---\ntitle: Second title\ndate: 2024-01-01\n---\nBody.\n")
	waitFor(t, "the edit to be served", func() bool {
		_, body := get(t, base+"rss.xml")
		return strings.Contains(body, "Second title")
	})

	// A broken edit prints its error; the last good build stays served.
	writeFile(t, article, "---\ntitle: Broken\ndate: tomorrow-ish\n---\nBody.\n")
	waitFor(t, "the broken build to be reported", func() bool {
		return strings.Contains(stderr.String(), "still serving the last good build")
	})
	if _, body := get(t, base+"rss.xml"); !strings.Contains(body, "Second title") {
		t.Errorf("after a broken edit the served feed changed:\n%s", body)
	}
	if !strings.Contains(stderr.String(), "a.md:3: ") {
		t.Errorf("the broken edit's error is not positioned:\n%s", stderr.String())
	}
}
