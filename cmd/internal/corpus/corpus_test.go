package corpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// collect returns the corpus for (n, seed) as a map and its names in order.
func collect(t *testing.T, n int, seed int64) (map[string][]byte, []string) {
	t.Helper()
	files := map[string][]byte{}
	var names []string
	for name, data := range Files(n, seed) {
		if _, dup := files[name]; dup {
			t.Fatalf("duplicate name %s", name)
		}
		files[name] = data
		names = append(names, name)
	}
	return files, names
}

func TestDeterministic(t *testing.T) {
	tests := []struct {
		name      string
		seedA     int64
		seedB     int64
		wantEqual bool
	}{
		{"same seed", 1, 1, true},
		{"same seed 42", 42, 42, true},
		{"different seed", 1, 2, false},
		{"negative seed", -7, 7, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, namesA := collect(t, 300, tc.seedA)
			b, namesB := collect(t, 300, tc.seedB)
			equal := strings.Join(namesA, "\n") == strings.Join(namesB, "\n")
			for i := 0; equal && i < len(namesA); i++ {
				equal = bytes.Equal(a[namesA[i]], b[namesA[i]])
			}
			if equal != tc.wantEqual {
				t.Errorf("corpora for seeds %d and %d equal = %v, want %v", tc.seedA, tc.seedB, equal, tc.wantEqual)
			}
		})
	}
}

func TestArticleIndependentOfSize(t *testing.T) {
	_, small := collect(t, 50, 3)
	big, bigNames := collect(t, 500, 3)
	for i, name := range small {
		if bigNames[i] != name {
			t.Fatalf("article %d: name %s in a corpus of 50, %s in one of 500", i, name, bigNames[i])
		}
		if _, data := Article(3, i); !bytes.Equal(data, big[name]) {
			t.Errorf("article %d (%s) differs between Article and Files", i, name)
		}
	}
}

func TestCount(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		files, _ := collect(t, n, 1)
		if len(files) != n {
			t.Errorf("Files(%d) yielded %d files", n, len(files))
		}
	}
}

func TestFilesStopsEarly(t *testing.T) {
	got := 0
	for range Files(100, 1) {
		got++
		if got == 5 {
			break
		}
	}
	if got != 5 {
		t.Errorf("loop ran %d times, want 5", got)
	}
}

func TestSizesAndEncoding(t *testing.T) {
	files, _ := collect(t, 3000, 5)
	for name, data := range files {
		if len(data) < MinSize || len(data) > MaxSize {
			t.Errorf("%s: %d bytes, want %d..%d", name, len(data), MinSize, MaxSize)
		}
		if !utf8.Valid(data) {
			t.Errorf("%s: invalid UTF-8", name)
		}
	}
}

// frontMatter is what the test decodes from every Markdown article.
type frontMatter struct {
	Title      string   `yaml:"title"`
	Date       string   `yaml:"date"`
	Updated    string   `yaml:"updated"`
	Tags       []string `yaml:"tags"`
	Categories []string `yaml:"categories"`
	Authors    []string `yaml:"authors"`
	Summary    string   `yaml:"summary"`
	Draft      bool     `yaml:"draft"`
}

// parseDate accepts the date forms the generator writes.
func parseDate(s string) (time.Time, error) {
	if len(s) == len(time.DateOnly) {
		return time.Parse(time.DateOnly, s)
	}
	return time.Parse(time.RFC3339, s)
}

var (
	dateLine = regexp.MustCompile(`^ ?date (\d{4}-\d{2}-\d{2}) [A-ZÃÉ ]+ – \S`)
	datedMD  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$`)
)

// stats is the mix of a corpus as the tests measure it.
type stats struct {
	n, text, draft, future, dated int
	tags                          map[string]int
}

// measure parses every file of a corpus, failing the test on any file that
// does not have the promised shape.
func measure(t *testing.T, files map[string][]byte) stats {
	t.Helper()
	s := stats{n: len(files), tags: map[string]int{}}
	for name, data := range files {
		var date time.Time
		switch filepath.Ext(name) {
		case ".txt":
			s.text++
			m := dateLine.FindSubmatch(data)
			if m == nil {
				t.Errorf("%s: first line %q is not a date line", name, firstLine(data))
				continue
			}
			d, err := time.Parse(time.DateOnly, string(m[1]))
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
			date = d
			if !bytes.Contains(data, []byte("\n\n")) {
				t.Errorf("%s: no blank line between paragraphs", name)
			}
		case ".md":
			fm, ok := splitFrontMatter(data)
			if !ok {
				t.Errorf("%s: no front matter", name)
				continue
			}
			var f frontMatter
			if err := yaml.Unmarshal(fm, &f); err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			if f.Title == "" || len(f.Tags) == 0 || len(f.Authors) == 0 || len(f.Categories) == 0 {
				t.Errorf("%s: incomplete front matter %+v", name, f)
			}
			d, err := parseDate(f.Date)
			if err != nil {
				t.Errorf("%s: date: %v", name, err)
			}
			if f.Updated != "" {
				if _, err := parseDate(f.Updated); err != nil {
					t.Errorf("%s: updated: %v", name, err)
				}
			}
			date = d
			if f.Draft {
				s.draft++
			}
			for _, tag := range f.Tags {
				s.tags[tag]++
			}
			if datedMD.MatchString(filepath.Base(name)) {
				s.dated++
			}
		default:
			t.Errorf("%s: unexpected extension", name)
		}
		if date.After(Reference) {
			s.future++
		}
	}
	return s
}

// splitFrontMatter returns the YAML between the opening and closing ---.
func splitFrontMatter(data []byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil, false
	}
	fm, _, ok := bytes.Cut(rest, []byte("\n---\n"))
	return fm, ok
}

// firstLine returns data up to its first newline.
func firstLine(data []byte) []byte {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	return line
}

func TestMix(t *testing.T) {
	const n = 5000
	files, _ := collect(t, n, 11)
	s := measure(t, files)
	md := n - s.text
	tests := []struct {
		name     string
		got      float64
		min, max float64
	}{
		{"text fraction", float64(s.text) / n, 0.08, 0.12},
		{"draft fraction of markdown", float64(s.draft) / float64(md), 0.004, 0.02},
		{"future fraction", float64(s.future) / n, 0.004, 0.02},
		{"date-prefixed fraction of markdown", float64(s.dated) / float64(md), 0.5, 0.7},
		{"share of the most common tag", float64(s.tags["go"]) / float64(md), 0.2, 0.6},
		{"share of the rarest tag", float64(s.tags["日本"]) / float64(md), 0.001, 0.05},
		{"distinct tags used", float64(len(s.tags)), 40, 50},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got < tc.min || tc.got > tc.max {
				t.Errorf("got %.4f, want %.4f..%.4f", tc.got, tc.min, tc.max)
			}
		})
	}
}

func TestFeatures(t *testing.T) {
	files, _ := collect(t, 2000, 9)
	tests := []struct {
		name string
		sub  string
		min  float64 // share of Markdown files that must contain sub
	}{
		{"heading", "\n## ", 0.3},
		{"list", "\n* ", 0.2},
		{"fenced code", "\n```", 0.2},
		{"blockquote", "\n> ", 0.2},
		{"table", "|------|", 0.2},
		{"root-relative link", "](/", 0.5},
		{"document-relative link", "(notes/draft.html)", 0.03},
		{"parent link", "](../", 0.3},
		{"fragment link", "](#", 0.3},
		{"protocol-relative link", "](//", 0.3},
		{"absolute link", "](https://", 0.2},
		{"srcset", "srcset=\"", 0.2},
		{"script", "<script>", 0.1},
		{"onclick", "onclick=", 0.1},
		{"accents", "é", 0.3},
		{"CJK", "の", 0.05},
		{"emoji", "🚀", 0.1},
		{"RTL", "dir=\"rtl\"", 0.2},
	}
	md := 0
	for name := range files {
		if strings.HasSuffix(name, ".md") {
			md++
		}
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := 0
			for name, data := range files {
				if strings.HasSuffix(name, ".md") && bytes.Contains(data, []byte(tc.sub)) {
					got++
				}
			}
			if share := float64(got) / float64(md); share < tc.min {
				t.Errorf("%q in %.3f of Markdown files, want at least %.3f", tc.sub, share, tc.min)
			}
		})
	}
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name string
		n    int
	}{
		{"empty", 0},
		{"one", 1},
		{"some", 250},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := Write(dir, tc.n, 4); err != nil {
				t.Fatal(err)
			}
			want, _ := collect(t, tc.n, 4)
			got := 0
			err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				got++
				rel, err := filepath.Rel(dir, path)
				if err != nil {
					return err
				}
				data, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				if !bytes.Equal(data, want[filepath.ToSlash(rel)]) {
					t.Errorf("%s: written bytes differ from Files", rel)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.n {
				t.Errorf("wrote %d files, want %d", got, tc.n)
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dir  string
		n    int
	}{
		{"negative count", t.TempDir(), -1},
		{"dir is a file", blocker, 10},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := Write(tc.dir, tc.n, 1); err == nil {
				t.Errorf("Write(%s, %d) succeeded, want an error", tc.dir, tc.n)
			}
		})
	}
}
