package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mmcdole/gofeed"
)

// FuzzParseConfig: any config either fails with positioned errors or gives
// a config whose invariants hold.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("title: T\nbase_url: https://example.org/\n"))
	f.Add([]byte("title: T\nbase_url: https://example.org/x\nid_scheme: tag\ntag: {authority: example.org, date: '2024'}\n"))
	f.Add([]byte("title: T\nbase_url: javascript:alert(1)\nlimit: -1\n"))
	f.Add([]byte("feeds:\n  - name: a\n    path: ../x\n"))
	f.Add([]byte("a: &a [*a, *a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, diags := ParseConfig("config.yaml", data)
		for _, d := range diags {
			if d.Path != "config.yaml" {
				t.Fatalf("diagnostic without the config's path: %v", d)
			}
		}
		if cfg == nil {
			if !diags.HasErrors() {
				t.Fatal("no config and no error")
			}
			return
		}
		if !strings.HasSuffix(cfg.BaseURL, "/") || !webURL(nil, cfg.BaseURL) {
			t.Fatalf("base_url %q accepted", cfg.BaseURL)
		}
		if cfg.Limit < 1 || cfg.Location() == nil {
			t.Fatalf("limit %d, location %v accepted", cfg.Limit, cfg.Location())
		}
		for _, fc := range cfg.Feeds {
			if !safeRelPath(fc.Path) {
				t.Fatalf("feed path %q accepted", fc.Path)
			}
		}
	})
}

// FuzzBuild builds random article sets: the input is split into files at
// "\x1e" and each part is an article (every third a plain-text one). Every
// feed written must be well-formed, read back by a real parser with the
// right number of items, and pass the built-in checker.
func FuzzBuild(f *testing.F) {
	f.Add("---\ntitle: A & <b>B</b>\ndate: 2024-01-01\ntags: [x, y]\n---\nBody [link](../x) ]]> \x01\u0085\x1e---\ntitle: B\ndate: 2024-01-01\n---\n<script>alert(1)</script>\x1edate 2024-01-02 LONDON – A story. More.\n\nNext.")
	f.Add("---\ntitle: \"\"\ndate: 2024-02-30\n---\n")
	f.Add("+++\ntitle = 'T'\ndate = 2024-01-01\n+++\n# H\n\n<img src=x onerror=y>")
	cfgData := []byte("title: Fuzz & <Co>\nbase_url: https://fuzz.example.org/f/\nlimit: 5\ntaxonomies: [tags, authors]\n")
	cfg, diags := ParseConfig("config.yaml", cfgData)
	if cfg == nil {
		f.Fatal(diags.Err())
	}
	f.Fuzz(func(t *testing.T, input string) {
		fsys := fstest.MapFS{}
		for i, part := range strings.Split(input, "\x1e") {
			name := fmt.Sprintf("a%02d.md", i)
			if i%3 == 2 {
				name = fmt.Sprintf("t%02d.txt", i)
			}
			fsys[name] = &fstest.MapFile{Data: []byte(part)}
		}
		arts, diags := LoadArticles(fsys, "articles", cfg, nil)
		if diags.HasErrors() {
			return
		}
		res, diags := Build(cfg, arts, BuildOptions{Now: testNow, Version: "fuzz"})
		if res == nil {
			if !diags.HasErrors() {
				t.Fatal("no result and no error")
			}
			return
		}
		for _, set := range res.Feeds {
			for _, l := range set.Links {
				rel := RelPath(cfg, l.URL)
				var data []byte
				for _, file := range res.Files {
					if file.Path == rel {
						data = file.Data
					}
				}
				if err := wellFormed(data); err != nil {
					t.Fatalf("%s not well-formed: %v\n%s", rel, err, data)
				}
				parsed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
				if err != nil {
					t.Fatalf("%s: gofeed: %v", rel, err)
				}
				if len(parsed.Items) != len(set.Items) {
					t.Fatalf("%s: gofeed read %d items, want %d", rel, len(parsed.Items), len(set.Items))
				}
				for _, p := range CheckFeedAt(rel, l.URL, data) {
					// ContainsHTML is the validators' guess that plain
					// text holding "</b>" was meant as markup; random text
					// can hold it literally, so it is unavoidable here.
					if p.Rule != "ContainsHTML" {
						t.Errorf("checker: %s", p)
					}
				}
			}
		}
	})
}

// wellFormed decodes data to the end as XML or JSON.
func wellFormed(data []byte) error {
	if bytes.HasPrefix(data, []byte("{")) {
		var v any
		return json.Unmarshal(data, &v)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
