package feed

import (
	"strings"
	"testing"
)

func TestParseConfigDefaults(t *testing.T) {
	cfg, diags := ParseConfig("config.yaml", []byte("title: T\nbase_url: https://example.org/blog\n"))
	if cfg == nil {
		t.Fatal(diags.Err())
	}
	def := DefaultConfig()
	tests := []struct {
		name      string
		got, want any
	}{
		{"base_url gains a slash", cfg.BaseURL, "https://example.org/blog/"},
		{"language", cfg.Language, def.Language},
		{"limit", cfg.Limit, 20},
		{"permalink", cfg.Permalink, "/posts/:slug/"},
		{"timezone", cfg.Location().String(), "UTC"},
		{"id_scheme", cfg.IDScheme, "permalink"},
		{"files", cfg.Files, FileNames{RSS: "rss.xml", Atom: "atom.xml", JSON: "feed.json", HTML: "feed.html"}},
		{"html on", cfg.HTMLEnabled(), true},
		{"generator on", cfg.GeneratorEnabled(), true},
		{"content", cfg.Content, "full"},
		{"raw html", cfg.Markdown.RawHTML, RawHTMLSanitize},
		{"articles", cfg.Articles, "articles"},
		{"output", cfg.Output, "public"},
		{"max article size", cfg.MaxArticleSize, int64(10 << 20)},
		{"site-relative URL keeps the base path", cfg.Abs("/about/"), "https://example.org/blog/about/"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
}

func TestParseConfigErrors(t *testing.T) {
	const ok = "title: T\nbase_url: https://example.org/\n"
	tests := []struct {
		name, src string
		want      string // substring of the joined messages; "" means no error
	}{
		{"valid", ok, ""},
		{"unknown key", ok + "titel: x\n", "config.yaml:3: field titel not found"},
		{"wrong type", ok + "limit: lots\n", "config.yaml:3: cannot unmarshal !!str `lots` into int"},
		{"missing title", "base_url: https://example.org/\n", "config.yaml: title: required"},
		{"missing base_url", "title: T\n", "base_url: required"},
		{"relative base_url", "title: T\nbase_url: example.org\n", `config.yaml:2: base_url: must be an absolute http(s) URL (got "example.org")`},
		{"javascript base_url", "title: T\nbase_url: javascript:alert(1)\n", "base_url: must be an absolute http(s) URL"},
		{"bad timezone", ok + "timezone: Mars/Olympus\n", `config.yaml:3: timezone: unknown time zone "Mars/Olympus"`},
		{"limit zero", ok + "limit: 0\n", "config.yaml:3: limit: must be at least 1"},
		{"permalink without slug", ok + "permalink: /posts/\n", "config.yaml:3: permalink: must contain :slug or :filename"},
		{"permalink not rooted", ok + "permalink: posts/:slug/\n", "permalink: must start with /"},
		{"bad id_scheme", ok + "id_scheme: uuid\n", `id_scheme: must be permalink or tag (got "uuid")`},
		{"tag scheme needs authority", ok + "id_scheme: tag\n", "tag.authority: id_scheme tag needs a domain name"},
		{"tag scheme ok", ok + "id_scheme: tag\ntag: {authority: example.org, date: '2024-01'}\n", ""},
		{"bad content", ok + "content: excerpt\n", `content: must be full or summary (got "excerpt")`},
		{"bad raw_html", ok + "markdown: {raw_html: maybe}\n", "markdown.raw_html: must be sanitize, escape or trust"},
		{"file name escapes", ok + "files: {rss: ../rss.xml}\n", `files.rss: must be a plain relative file name (got "../rss.xml")`},
		{"feed path escapes", ok + "feeds:\n  - name: x\n    path: ../../x\n", "feeds: feeds[0]: path must be a relative folder inside the output"},
		{"duplicate feed names", ok + "feeds:\n  - name: x\n  - name: x\n", `feeds[1]: duplicate feed name "x"`},
		{"unknown taxonomy", ok + "taxonomies: [series]\n", `unknown taxonomy "series"`},
		{"bad icon scheme", ok + "icon: javascript:x\n", `icon: must be an http(s) URL or a site-relative path`},
		{"bad glob", ok + "exclude: ['[']\n", `exclude: bad glob "["`},
		{"negative ttl", ok + "ttl: -5\n", "ttl: must not be negative"},
		{"not a mapping", "- a\n- b\n", "config.yaml:1: config must be a mapping"},
		{"empty", "", "empty config"},
		{"syntax error", "title: [\n", "config.yaml:"},
		{"dated permalink warns", ok + "permalink: /:year/:slug/\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, diags := ParseConfig("config.yaml", []byte(tc.src))
			var msgs []string
			for _, d := range diags {
				if !d.Warning {
					msgs = append(msgs, d.Error())
				}
			}
			got := strings.Join(msgs, "\n")
			if tc.want == "" {
				if cfg == nil || got != "" {
					t.Fatalf("unexpected errors:\n%s", got)
				}
				return
			}
			if cfg != nil {
				t.Fatalf("config accepted, want an error containing %q", tc.want)
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("errors:\n%s\nwant one containing %q", got, tc.want)
			}
		})
	}
}

func TestParseConfigWarnsDatedPermalink(t *testing.T) {
	_, diags := ParseConfig("config.yaml", []byte("title: T\nbase_url: https://example.org/\npermalink: /:year/:slug/\n"))
	if len(diags) != 1 || !diags[0].Warning || !strings.HasPrefix(diags[0].Error(), "config.yaml:3: warning: permalink") {
		t.Errorf("diagnostics %v, want one warning about the dated permalink at line 3", diags)
	}
}
