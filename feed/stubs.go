package feed

// TEMPORARY stand-ins for helpers' work; removed when their branches merge.

import (
	"bytes"
	"html"
	"net/url"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"gopkg.in/yaml.v3"
)

type RawHTML string

const (
	RawHTMLSanitize RawHTML = "sanitize"
	RawHTMLEscape   RawHTML = "escape"
	RawHTMLTrust    RawHTML = "trust"
)

func SanitizeHTML(s string) string               { return s }
func ResolveHTML(s string, base *url.URL) string { return CleanText(s) }

var stubTagRE = regexp.MustCompile(`<[^>]*>`)

func PlainText(s string) string {
	return CleanText(strings.Join(strings.Fields(html.UnescapeString(stubTagRE.ReplaceAllString(s, " "))), " "))
}

func Truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)[:max-1]
	return string(r) + "…"
}

type MarkdownOptions struct {
	Location *time.Location
	BaseURL  string
}

func ParseMarkdown(p string, src []byte, opts MarkdownOptions) (*Article, Diagnostics) {
	parts := bytes.SplitN(src, []byte("---\n"), 3)
	if len(parts) != 3 {
		return nil, Diagnostics{errorf(p, 1, "no front matter")}
	}
	var fm struct {
		Title, Date, Updated, Summary, ID, Slug string
		Author                                  yaml.Node
		Tags                                    []string
		Draft                                   bool
	}
	if err := yaml.Unmarshal(parts[1], &fm); err != nil {
		return nil, Diagnostics{errorf(p, 1, "%v", err)}
	}
	t, err := time.ParseInLocation("2006-01-02", fm.Date, opts.Location)
	if err != nil {
		t, err = time.Parse(time.RFC3339, fm.Date)
		if err != nil {
			t, err = time.Parse("2006-01-02 15:04:05 -0700", fm.Date)
			if err != nil {
				return nil, Diagnostics{errorf(p, 1, "bad date")}
			}
		}
	}
	name := strings.TrimSuffix(path.Base(p), path.Ext(p))
	a := &Article{Path: p, Format: FormatMarkdown, Title: fm.Title, Date: t, DateOnly: len(fm.Date) == 10, Summary: fm.Summary,
		ID: fm.ID, Slug: name, Filename: name, Tags: fm.Tags, Draft: fm.Draft, Body: parts[2], BodyLine: 3}
	if fm.Slug != "" {
		a.Slug = fm.Slug
	}
	if fm.Updated != "" {
		a.Updated, _ = time.ParseInLocation("2006-01-02", fm.Updated, opts.Location)
	}
	if fm.Author.Kind == yaml.ScalarNode {
		a.Authors = []Person{{Name: fm.Author.Value}}
	} else if fm.Author.Kind == yaml.MappingNode {
		var pp Person
		_ = fm.Author.Decode(&pp)
		a.Authors = []Person{pp}
	}
	return a, nil
}

func RenderMarkdown(body []byte, escapeRawHTML bool) (string, string, error) {
	var b bytes.Buffer
	if err := goldmark.Convert(body, &b); err != nil {
		return "", "", err
	}
	s := b.String()
	ex := s
	if i := strings.Index(s, "</p>"); i >= 0 {
		ex = s[:i+4]
	}
	return s, ex, nil
}
