package feed

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// testNow is "now" for every test build: after all test articles.
var testNow = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// buildDir builds the test site in dir (config.yaml + articles/) and fails
// the test on any error.
func buildDir(t *testing.T, dir string, opts BuildOptions) (*Result, Diagnostics) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, diags := ParseConfig("config.yaml", data)
	if cfg == nil {
		t.Fatalf("config: %v", diags.Err())
	}
	arts, d := LoadArticles(os.DirFS(filepath.Join(dir, cfg.Articles)), cfg.Articles, cfg, nil)
	diags = append(diags, d...)
	if diags.HasErrors() {
		t.Fatalf("load: %v", diags.Err())
	}
	if opts.Now.IsZero() {
		opts.Now = testNow
	}
	if opts.Version == "" {
		opts.Version = "test"
	}
	res, d := Build(cfg, arts, opts)
	diags = append(diags, d...)
	if res == nil {
		t.Fatalf("build: %v", diags.Err())
	}
	return res, diags
}

// checkGolden compares got with the golden file, or rewrites it under -update.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run: go test ./feed -run %s -update)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; run: go test ./feed -update, then review the diff\n--- got ---\n%s\n--- want ---\n%s", golden, got, want)
	}
}

// TestGolden builds every site under testdata/build and compares each
// output file with testdata/build/<case>/want/<path>.
func TestGolden(t *testing.T) {
	cases, err := filepath.Glob("testdata/build/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no golden cases")
	}
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			res, diags := buildDir(t, dir, BuildOptions{})
			checkResult(t, dir, res)
			var got []string
			for _, f := range res.Files {
				got = append(got, f.Path)
				checkGolden(t, filepath.Join(dir, "want", filepath.FromSlash(f.Path)), f.Data)
			}
			var msgs bytes.Buffer
			diags.Sort()
			for _, d := range diags {
				msgs.WriteString(d.Error() + "\n")
			}
			checkGolden(t, filepath.Join(dir, "want.messages"), msgs.Bytes())
			// No stale golden files: every file under want/ was produced.
			wantRoot := filepath.Join(dir, "want")
			err := filepath.WalkDir(wantRoot, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(wantRoot, p)
				if !slices.Contains(got, filepath.ToSlash(rel)) {
					if *update {
						return os.Remove(p)
					}
					t.Errorf("golden file %s was not produced", path.Join("want", filepath.ToSlash(rel)))
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestDeterministic builds the same input twice and wants identical bytes.
func TestDeterministic(t *testing.T) {
	cases, _ := filepath.Glob("testdata/build/*")
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			a, _ := buildDir(t, dir, BuildOptions{})
			b, _ := buildDir(t, dir, BuildOptions{})
			if len(a.Files) != len(b.Files) {
				t.Fatalf("builds wrote %d and %d files", len(a.Files), len(b.Files))
			}
			for i := range a.Files {
				if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
					t.Errorf("%s differs between two builds", a.Files[i].Path)
				}
			}
		})
	}
}

// readFile reads a file or fails the test.
func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// checkResult runs the built-in feed checker on every feed file of res, at
// the URL it is published at, and fails on any problem, warnings included.
func checkResult(t *testing.T, dir string, res *Result) {
	t.Helper()
	data := map[string][]byte{}
	for _, f := range res.Files {
		data[f.Path] = f.Data
	}
	cfg := loadTestConfig(t, dir)
	n := 0
	for _, set := range res.Feeds {
		for _, l := range set.Links {
			p := RelPath(cfg, l.URL)
			for _, pr := range CheckFeedAt(p, l.URL, data[p]) {
				t.Errorf("checker: %s", pr)
			}
			n++
		}
	}
	if n == 0 {
		t.Error("no feed files checked")
	}
}
