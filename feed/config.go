package feed

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is a site's config.yaml. Every field documents what its zero
// value means; DefaultConfig holds the defaults that ParseConfig decodes over.
type Config struct {
	Title       string `yaml:"title"`       // site title (plain text); required
	Description string `yaml:"description"` // site description (plain text)
	BaseURL     string `yaml:"base_url"`    // absolute http(s) URL of the site; required
	Language    string `yaml:"language"`    // BCP 47 tag; default "en"
	Author      Person `yaml:"author"`      // site author, used when an article names none

	Articles string `yaml:"articles"` // articles folder, relative to the config file unless absolute; default "articles"
	Output   string `yaml:"output"`   // output folder, relative to the config file unless absolute; default "public"

	Limit     int    `yaml:"limit"`     // items per feed; default 20
	Permalink string `yaml:"permalink"` // article URL pattern; default "/posts/:slug/"
	Timezone  string `yaml:"timezone"`  // IANA zone for dates without one; default "UTC"

	IDScheme string    `yaml:"id_scheme"` // "permalink" (default) or "tag"
	Tag      TagConfig `yaml:"tag"`       // tag: URI parameters, required for id_scheme: tag

	Files FileNames `yaml:"files"` // output file names
	HTML  *bool     `yaml:"html"`  // write the preview page; default true

	Content    string         `yaml:"content"` // "full" (default: full HTML plus summary) or "summary"
	Markdown   MarkdownConfig `yaml:"markdown"`
	Exclude    []string       `yaml:"exclude"`    // globs of article paths to skip; default README*, _*, .*
	Feeds      []FeedConfig   `yaml:"feeds"`      // extra feeds, each a filtered view of the site
	Taxonomies []string       `yaml:"taxonomies"` // automatic per-term feeds: tags, categories, authors

	Icon       string   `yaml:"icon"`       // square icon URL (site-relative or absolute)
	Logo       string   `yaml:"logo"`       // wide logo URL (site-relative or absolute)
	Copyright  string   `yaml:"copyright"`  // rights statement
	TTL        int      `yaml:"ttl"`        // RSS ttl in minutes; 0 leaves it out
	Categories []string `yaml:"categories"` // feed-level categories
	Generator  *bool    `yaml:"generator"`  // name feedgen and its version in the feeds; default true
	Hub        string   `yaml:"hub"`        // WebSub hub URL; "" for none

	MaxArticleSize int64 `yaml:"max_article_size"` // bytes; default 10 MiB

	loc  *time.Location
	base *url.URL
	line map[string]int // line of each top-level key
}

// TagConfig holds the parts of RFC 4151 tag: URIs.
type TagConfig struct {
	Authority string `yaml:"authority"` // a domain name or e-mail address the site owns, e.g. "example.org"
	Date      string `yaml:"date"`      // a date (YYYY, YYYY-MM or YYYY-MM-DD) on which it owned it
}

// FileNames names the files of each feed set.
type FileNames struct {
	RSS  string `yaml:"rss"`  // default "rss.xml"
	Atom string `yaml:"atom"` // default "atom.xml"
	JSON string `yaml:"json"` // default "feed.json"
	HTML string `yaml:"html"` // default "feed.html"
}

// MarkdownConfig controls Markdown rendering.
type MarkdownConfig struct {
	RawHTML RawHTML `yaml:"raw_html"` // "sanitize" (default), "escape" or "trust"
}

// FeedConfig is one extra feed: a filtered view of the site's articles.
type FeedConfig struct {
	Name        string   `yaml:"name"`        // identifier; required and unique
	Title       string   `yaml:"title"`       // default: "<site title>: <name>"
	Description string   `yaml:"description"` // default: the site's
	Path        string   `yaml:"path"`        // folder under the output folder; default the name
	Sections    []string `yaml:"sections"`    // first-level folders under the articles folder
	Tags        []string `yaml:"tags"`        // any of these tags
	Categories  []string `yaml:"categories"`  // any of these categories
	Authors     []string `yaml:"authors"`     // any of these author names
	Limit       int      `yaml:"limit"`       // 0 means the site's limit
	Formats     []string `yaml:"formats"`     // subset of rss, atom, json; default all three
}

// DefaultConfig returns a Config holding every default.
func DefaultConfig() *Config {
	return &Config{
		Language:       "en",
		Articles:       "articles",
		Output:         "public",
		Limit:          20,
		Permalink:      "/posts/:slug/",
		Timezone:       "UTC",
		IDScheme:       "permalink",
		Files:          FileNames{RSS: "rss.xml", Atom: "atom.xml", JSON: "feed.json", HTML: "feed.html"},
		Content:        "full",
		Markdown:       MarkdownConfig{RawHTML: RawHTMLSanitize},
		Exclude:        []string{"README*", "_*", ".*"},
		MaxArticleSize: 10 << 20,
	}
}

// ParseConfig decodes a config file over DefaultConfig. name is used in
// messages. Unknown keys, wrong types and invalid values are errors naming
// their line; all of them are returned.
func ParseConfig(name string, data []byte) (*Config, Diagnostics) {
	cfg := DefaultConfig()
	var diags Diagnostics
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		data = data[3:]
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, Diagnostics{yamlError(name, "YAML", data, 1, err)}
	}
	if len(doc.Content) == 0 {
		diags = append(diags, errorf(name, 0, "empty config"))
		return nil, diags
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, Diagnostics{errorf(name, root.Line, "config must be a mapping of keys to values")}
	}
	cfg.line = map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		cfg.line[root.Content[i].Value] = root.Content[i].Line
	}
	dec = yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil {
		return nil, Diagnostics{configError(name, data, err)}
	}
	diags = append(diags, cfg.validate(name)...)
	if diags.HasErrors() {
		return nil, diags
	}
	return cfg, diags
}

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// configError positions a yaml.v3 error in the config. A TypeError (wrong
// types, unknown keys) holding several problems becomes one line per
// problem.
func configError(name string, data []byte, err error) *Error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return yamlError(name, "YAML", data, 1, err)
	}
	msgs := te.Errors
	first := positioned(name, 0, msgs[0])
	if len(msgs) > 1 {
		var rest []string
		seen := map[string]bool{first.Error(): true}
		for _, m := range msgs[1:] {
			// An alias repeats its problem once per use: say it once.
			if s := positioned(name, 0, m).Error(); !seen[s] {
				seen[s] = true
				rest = append(rest, s)
			}
		}
		if len(rest) > 0 {
			first.Err = fmt.Errorf("%w\n%s", first.Err, strings.Join(rest, "\n"))
		}
	}
	return first
}

// positioned parses yaml.v3's "line N: msg" into an Error.
func positioned(name string, offset int, msg string) *Error {
	msg = strings.TrimPrefix(msg, "yaml: unmarshal errors:\n  ")
	msg = strings.TrimSpace(msg)
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		text := m[2]
		text = strings.Replace(text, "in type feed.Config", "", 1)
		text = strings.Replace(text, "in type feed.", "in ", 1)
		return errorf(name, n+offset, "%s", strings.TrimSpace(text))
	}
	return errorf(name, 0, "%s", strings.TrimPrefix(msg, "yaml: "))
}

// validate checks values and fills derived fields.
func (c *Config) validate(name string) Diagnostics {
	var d Diagnostics
	bad := func(key, format string, args ...any) {
		d = append(d, errorf(name, c.line[strings.SplitN(key, ".", 2)[0]], key+": "+format, args...))
	}
	if strings.TrimSpace(c.Title) == "" {
		bad("title", "required")
	}
	if c.BaseURL == "" {
		bad("base_url", "required: the absolute URL of the site, like https://example.org/")
	} else if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		bad("base_url", "must be an absolute http(s) URL (got %q)", c.BaseURL)
	} else {
		u.Fragment, u.RawQuery = "", ""
		if !strings.HasSuffix(u.Path, "/") {
			u.Path += "/"
		}
		u.RawPath = ""
		c.base = u
		c.BaseURL = u.String()
	}
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil || c.Timezone == "" || c.Timezone == "Local" {
		bad("timezone", "unknown time zone %q (use an IANA name like Europe/Berlin)", c.Timezone)
	} else {
		c.loc = loc
	}
	if c.Limit < 1 {
		bad("limit", "must be at least 1 (got %d)", c.Limit)
	}
	if !strings.HasPrefix(c.Permalink, "/") {
		bad("permalink", "must start with / (got %q)", c.Permalink)
	} else if !strings.Contains(c.Permalink, ":slug") && !strings.Contains(c.Permalink, ":filename") {
		bad("permalink", "must contain :slug or :filename so that every article gets its own URL (got %q)", c.Permalink)
	}
	switch c.IDScheme {
	case "permalink":
		if strings.Contains(c.Permalink, ":year") || strings.Contains(c.Permalink, ":month") || strings.Contains(c.Permalink, ":day") {
			d = append(d, warnf(name, c.line["permalink"], "permalink %q contains a date, so with id_scheme: permalink correcting an article's date changes its id and readers show it again as new; consider id_scheme: tag", c.Permalink))
		}
	case "tag":
		if c.Tag.Authority == "" || strings.ContainsAny(c.Tag.Authority, " /:,") {
			bad("tag.authority", "id_scheme tag needs a domain name or e-mail address, like example.org (got %q)", c.Tag.Authority)
		}
		if !tagDateRE.MatchString(c.Tag.Date) {
			bad("tag.date", "id_scheme tag needs a date the authority was yours, as YYYY, YYYY-MM or YYYY-MM-DD (got %q)", c.Tag.Date)
		}
	default:
		bad("id_scheme", "must be permalink or tag (got %q)", c.IDScheme)
	}
	switch c.Content {
	case "full", "summary":
	default:
		bad("content", "must be full or summary (got %q)", c.Content)
	}
	switch c.Markdown.RawHTML {
	case RawHTMLSanitize, RawHTMLEscape, RawHTMLTrust:
	default:
		bad("markdown.raw_html", "must be sanitize, escape or trust (got %q)", c.Markdown.RawHTML)
	}
	for _, f := range []struct{ key, val string }{
		{"files.rss", c.Files.RSS}, {"files.atom", c.Files.Atom}, {"files.json", c.Files.JSON}, {"files.html", c.Files.HTML},
	} {
		if !safeRelPath(f.val) {
			bad(f.key, "must be a plain relative file name (got %q)", f.val)
		}
	}
	for _, key := range []struct{ key, val string }{{"icon", c.Icon}, {"logo", c.Logo}, {"author.url", c.Author.URL}, {"hub", c.Hub}} {
		if key.val != "" && !webURL(c.base, key.val) {
			bad(key.key, "must be an http(s) URL or a site-relative path (got %q)", key.val)
		}
	}
	if c.Hub != "" {
		if u, err := url.Parse(c.Hub); err != nil || !u.IsAbs() {
			bad("hub", "must be an absolute http(s) URL (got %q)", c.Hub)
		}
	}
	if c.TTL < 0 {
		bad("ttl", "must not be negative (got %d)", c.TTL)
	}
	if c.MaxArticleSize <= 0 {
		bad("max_article_size", "must be positive (got %d)", c.MaxArticleSize)
	}
	for _, g := range c.Exclude {
		if _, err := path.Match(g, ""); err != nil {
			bad("exclude", "bad glob %q", g)
		}
	}
	for _, t := range c.Taxonomies {
		switch t {
		case "tags", "categories", "authors":
		default:
			bad("taxonomies", "unknown taxonomy %q (use tags, categories or authors)", t)
		}
	}
	names := map[string]bool{}
	for i := range c.Feeds {
		f := &c.Feeds[i]
		key := fmt.Sprintf("feeds[%d]", i)
		if f.Name == "" {
			bad("feeds", "%s: name required", key)
			continue
		}
		if names[f.Name] {
			bad("feeds", "%s: duplicate feed name %q", key, f.Name)
		}
		names[f.Name] = true
		if f.Path == "" {
			f.Path = Slugify(f.Name)
		}
		if !safeRelPath(f.Path) {
			bad("feeds", "%s: path must be a relative folder inside the output (got %q)", key, f.Path)
		}
		if f.Limit < 0 {
			bad("feeds", "%s: limit must not be negative", key)
		}
		for _, fm := range f.Formats {
			if fm != "rss" && fm != "atom" && fm != "json" {
				bad("feeds", "%s: unknown format %q (use rss, atom, json)", key, fm)
			}
		}
	}
	return d
}

var tagDateRE = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// safeRelPath reports whether p is a clean relative slash path that stays
// inside its root.
func safeRelPath(p string) bool {
	if p == "" || strings.ContainsAny(p, "\\\x00:") || path.IsAbs(p) {
		return false
	}
	c := path.Clean(p)
	return c == p && c != "." && c != ".." && !strings.HasPrefix(c, "../")
}

// webURL reports whether s is an absolute http(s) URL or a path that can be
// resolved against base.
func webURL(base *url.URL, s string) bool {
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	if u.IsAbs() {
		return (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
	}
	return base != nil && u.Host == "" && !strings.HasPrefix(s, "//")
}

// Line returns the line of the top-level key in the config file, or 0 when
// the file does not set it.
func (c *Config) Line(key string) int { return c.line[key] }

// Location returns the time zone for dates without one.
func (c *Config) Location() *time.Location { return c.loc }

// Base returns the parsed base_url, ending in a slash.
func (c *Config) Base() *url.URL { u := *c.base; return &u }

// HTMLEnabled reports whether the preview page is written.
func (c *Config) HTMLEnabled() bool { return c.HTML == nil || *c.HTML }

// GeneratorEnabled reports whether feeds name their generator.
func (c *Config) GeneratorEnabled() bool { return c.Generator == nil || *c.Generator }

// SetBaseURL overrides base_url (the -base-url flag) and validates it.
func (c *Config) SetBaseURL(name, s string) Diagnostics {
	c.BaseURL = s
	return c.validate(name)
}

// Abs resolves a site-relative reference against the base URL.
func (c *Config) Abs(ref string) string {
	u, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	if u.IsAbs() {
		return ref
	}
	if strings.HasPrefix(ref, "/") && !strings.HasPrefix(ref, "//") {
		// Site-relative: keep the base URL's path prefix.
		u.Path = strings.TrimSuffix(c.base.Path, "/") + u.Path
	}
	return c.base.ResolveReference(u).String()
}
