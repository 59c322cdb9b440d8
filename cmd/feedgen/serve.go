package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/feedgen/feedgen/feed"
	"github.com/fsnotify/fsnotify"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	fset := newFlagSet("serve", "[flags]", stderr)
	f.register(fset)
	addr := fset.String("addr", "127.0.0.1:8080", "`address` to listen on; loopback unless told otherwise")
	if code, ok := parseFlags(fset, args, stdout); !ok {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, &f, *addr, stderr, nil)
}

// server holds the last good build and serves it from memory.
type server struct {
	mu    sync.RWMutex
	files map[string]feed.File
}

func (sv *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	sv.mu.RLock()
	file, ok := sv.files[p]
	if !ok {
		file, ok = sv.files[path.Join(p, "feed.html")]
	}
	sv.mu.RUnlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", file.MediaType)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "", time.Time{}, strings.NewReader(string(file.Data)))
}

// rebuild builds the site and, when it succeeds, serves the new files.
// A failed build prints its errors and leaves the last good build served.
func (sv *server) rebuild(f *siteFlags, stderr io.Writer) {
	start := time.Now()
	s, diags, err := f.load()
	if err != nil {
		fmt.Fprintf(stderr, "feedgen: %v\n", err)
		return
	}
	if s != nil {
		diags = append(diags, s.checkFeeds(false)...)
	}
	printDiags(stderr, diags)
	if s == nil || diags.HasErrors() {
		fmt.Fprintln(stderr, "feedgen: build failed; still serving the last good build")
		return
	}
	files := make(map[string]feed.File, len(s.result.Files))
	for _, file := range s.result.Files {
		files[file.Path] = file
	}
	sv.mu.Lock()
	sv.files = files
	sv.mu.Unlock()
	fmt.Fprintln(stderr, summary(s.result, time.Since(start)))
}

// serve builds, serves the output over HTTP and rebuilds whenever an
// article or the config changes, until ctx is done. ready, when not nil,
// is told the address once the server listens.
func serve(ctx context.Context, f *siteFlags, addr string, stderr io.Writer, ready func(addr string)) int {
	sv := &server{files: map[string]feed.File{}}
	sv.rebuild(f, stderr)

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "feedgen: %v\n", err)
		return exitFail
	}
	watcher, err := fsnotify.NewWatcher()
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "feedgen: watching files: %v\n", err)
		return exitFail
	}
	defer watcher.Close()
	articles := f.articles
	if articles == "" {
		articles = filepath.Join(filepath.Dir(f.config), "articles")
		if s, _, _ := f.load(); s != nil {
			articles = s.articles
		}
	}
	watchTree(watcher, articles)
	if err := watcher.Add(filepath.Dir(f.config)); err != nil {
		fmt.Fprintf(stderr, "feedgen: watching %s: %v\n", f.config, err)
	}

	httpServer := &http.Server{Handler: sv, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		httpServer.Shutdown(shut)
	}()
	go sv.watch(ctx, watcher, f, stderr)

	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(stderr, "feedgen: serving %s (feeds at %srss.xml, preview at %sfeed.html); Ctrl-C stops\n", url, url, url)
	if ready != nil {
		ready(ln.Addr().String())
	}
	if err := httpServer.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "feedgen: %v\n", err)
		return exitFail
	}
	return exitOK
}

// watch rebuilds after file changes, waiting for a short quiet spell so a
// burst of writes (an editor saving) gives one rebuild.
func (sv *server) watch(ctx context.Context, w *fsnotify.Watcher, f *siteFlags, stderr io.Writer) {
	const quiet = 100 * time.Millisecond
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					watchTree(w, ev.Name)
				}
			}
			timer.Reset(quiet)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(stderr, "feedgen: watching files: %v\n", err)
		case <-timer.C:
			sv.rebuild(f, stderr)
		}
	}
}

// watchTree watches dir and every folder below it.
func watchTree(w *fsnotify.Watcher, dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			w.Add(p)
		}
		return nil
	})
}
