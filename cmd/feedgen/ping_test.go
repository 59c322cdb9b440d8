package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

// hubRecorder is a loopback WebSub hub that records publish pings.
type hubRecorder struct {
	mu     sync.Mutex
	topics []string
	status int
}

func (h *hubRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil || r.Method != http.MethodPost || r.PostForm.Get("hub.mode") != "publish" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.topics = append(h.topics, r.PostForm.Get("hub.url"))
	w.WriteHeader(h.status)
}

// take returns the topics pinged since the last call, sorted.
func (h *hubRecorder) take() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	t := h.topics
	h.topics = nil
	slices.Sort(t)
	return t
}

func TestPing(t *testing.T) {
	hub := &hubRecorder{status: http.StatusNoContent}
	srv := httptest.NewServer(hub)
	defer srv.Close()

	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "config.yaml"), "title: Ping\nbase_url: https://ping.example.org/\nhub: "+srv.URL+"\nhtml: false\n")
	article := filepath.Join(dir, "articles", "a.md")
	writeFile(t, article, "---\ntitle: A\ndate: 2024-01-01\n---\nFirst version.\n")
	all := []string{"https://ping.example.org/atom.xml", "https://ping.example.org/feed.json", "https://ping.example.org/rss.xml"}

	steps := []struct {
		name     string
		edit     string // new article body, or "" to leave it
		status   int
		wantCode int
		want     []string
	}{
		{"first build pings every feed", "", http.StatusNoContent, exitOK, all},
		{"unchanged build pings nothing", "", http.StatusNoContent, exitOK, nil},
		{"an edit pings the changed feeds", "---\ntitle: A\ndate: 2024-01-01\n---\nSecond version.\n", http.StatusAccepted, exitOK, all},
		// A refused ping is tried twice per feed and fails the build; the feeds stay written.
		{"refused ping fails", "---\ntitle: A\ndate: 2024-01-01\n---\nThird version.\n", http.StatusForbidden, exitFail, doubled(all)},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if st.edit != "" {
				writeFile(t, article, st.edit)
			}
			hub.mu.Lock()
			hub.status = st.status
			hub.mu.Unlock()
			var stdout, stderr bytes.Buffer
			code := run([]string{"build", "-q", "-ping", "-config", filepath.Join(dir, "config.yaml"), "-now", "2025-01-01T00:00:00Z"}, &stdout, &stderr)
			if code != st.wantCode {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, st.wantCode, stderr.String())
			}
			if got := hub.take(); !slices.Equal(got, st.want) {
				t.Errorf("pinged %q, want %q", got, st.want)
			}
			if st.wantCode == exitFail {
				data, err := os.ReadFile(filepath.Join(dir, "public", "rss.xml"))
				if err != nil || !bytes.Contains(data, []byte("Third version.")) {
					t.Errorf("feeds not written after a refused ping (err %v)", err)
				}
				if !bytes.Contains(stderr.Bytes(), []byte("hub answered 403 Forbidden")) {
					t.Errorf("stderr does not report the refusal:\n%s", stderr.String())
				}
			}
		})
	}
}

// doubled lists each string twice, in sorted order.
func doubled(s []string) []string {
	var out []string
	for _, x := range s {
		out = append(out, x, x)
	}
	return out
}

// writeFile writes a file, creating its folder, or fails the test.
func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
