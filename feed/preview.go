package feed

import (
	"errors"
	"fmt"
	"html"
	"html/template"
	"io"
	"net/url"
	"strings"
	"time"
)

// FeedLink is one published feed file.
type FeedLink struct {
	Format    string // "rss", "atom" or "json"
	Title     string // e.g. "Example Blog (RSS)"
	URL       string // absolute URL where the file is published
	MediaType string // application/rss+xml, application/atom+xml, application/feed+json
}

// PreviewItem is one item shown on the preview page.
type PreviewItem struct {
	Title   string    // plain text
	URL     string    // absolute
	Date    time.Time // shown as "2 January 2006" in its own location, and in a <time datetime="RFC3339"> element
	Author  string
	Summary string // plain text
}

// Preview is everything the preview page shows. Empty fields are left out
// of the page, except that Feeds must name at least one feed. Every URL that
// is set must be an absolute http or https URL.
type Preview struct {
	Title, Description, Language string // Language like "en" or "fa"; used for <html lang>; dir="rtl" for rtl languages (ar, fa, he, ur, ...)
	SiteURL                      string // absolute
	PageURL                      string // absolute URL of this feed.html
	Feeds                        []FeedLink
	Items                        []PreviewItem
	Generator                    string // e.g. "feedgen v0.1.0", shown in the footer
}

// WritePreview writes the self-contained preview page: one HTML5 document
// with inline CSS, no scripts and no requests to other hosts. Every value is
// escaped, and the same p always gives the same bytes.
func WritePreview(w io.Writer, p *Preview) error {
	if p == nil {
		return errors.New("preview: nil preview")
	}
	if len(p.Feeds) == 0 {
		return errors.New("preview: no feeds to link to")
	}
	if err := checkFeedLinks(p.Feeds); err != nil {
		return err
	}
	if err := checkURL("site url", p.SiteURL); err != nil {
		return err
	}
	if err := checkURL("page url", p.PageURL); err != nil {
		return err
	}
	for i, it := range p.Items {
		if err := checkURL(fmt.Sprintf("item %d url", i+1), it.URL); err != nil {
			return err
		}
	}
	return previewTemplate.ExecuteTemplate(w, "page", newPreviewData(p))
}

// WriteLinks writes one autodiscovery <link rel="alternate" type=... title=... href=...> tag per feed, one per line.
func WriteLinks(w io.Writer, feeds []FeedLink) error {
	if err := checkFeedLinks(feeds); err != nil {
		return err
	}
	return previewTemplate.ExecuteTemplate(w, "links", feedViews(feeds))
}

// checkFeedLinks reports the first feed whose URL is missing or not absolute.
func checkFeedLinks(feeds []FeedLink) error {
	for i, f := range feeds {
		name := fmt.Sprintf("feed %d (%s) url", i+1, f.Format)
		if f.URL == "" {
			return fmt.Errorf("preview: %s is empty", name)
		}
		if err := checkURL(name, f.URL); err != nil {
			return err
		}
	}
	return nil
}

// checkURL reports an error unless s is empty or an absolute http(s) URL.
func checkURL(name, s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("preview: %s must be an absolute http(s) URL (got %q)", name, s)
	}
	return nil
}

// previewData is what the page template sees: cleaned text and preformatted
// dates, so the template holds no logic beyond conditionals and loops.
type previewData struct {
	Title, Description string
	Lang, Dir          string
	UILang, UIDir      string // attributes for feedgen's own English text
	SiteURL, PageURL   string
	Feeds              []feedView
	HasRSS             bool
	Items              []itemView
	Generator          string
}

// feedView is one subscribe entry on the page and one <link> tag.
type feedView struct {
	Label, Hint, Title, URL, MediaType string
}

// itemView is one item on the page.
type itemView struct {
	Title, URL, Author, Summary string
	Date, DateTime              string
}

func newPreviewData(p *Preview) previewData {
	d := previewData{
		Title:       CleanText(p.Title),
		Description: CleanText(p.Description),
		Lang:        CleanText(p.Language),
		Dir:         "ltr",
		SiteURL:     CleanText(p.SiteURL),
		PageURL:     CleanText(p.PageURL),
		Feeds:       feedViews(p.Feeds),
		Generator:   CleanText(p.Generator),
	}
	for _, f := range p.Feeds {
		d.HasRSS = d.HasRSS || strings.EqualFold(f.Format, "rss")
	}
	if isRTL(d.Lang) {
		d.Dir = "rtl"
	}
	// The page's own words are English; mark them so when the site is not.
	if primary := langPrimary(d.Lang); primary != "" && primary != "en" {
		d.UILang = "en"
		if d.Dir == "rtl" {
			d.UIDir = "ltr"
		}
	}
	for _, it := range p.Items {
		v := itemView{
			Title:   CleanText(it.Title),
			URL:     CleanText(it.URL),
			Author:  CleanText(it.Author),
			Summary: CleanText(it.Summary),
		}
		if v.Title == "" {
			v.Title = "(untitled)"
		}
		if !it.Date.IsZero() {
			v.Date = it.Date.Format("2 January 2006")
			v.DateTime = it.Date.Format(time.RFC3339)
		}
		d.Items = append(d.Items, v)
	}
	return d
}

// feedLabels names each known format for people, with a one-line hint.
var feedLabels = map[string][2]string{
	"rss":  {"RSS", "The classic format: every feed reader understands it."},
	"atom": {"Atom", "A stricter standard, supported by nearly every reader."},
	"json": {"JSON Feed", "For newer readers and apps that prefer JSON."},
}

func feedViews(feeds []FeedLink) []feedView {
	vs := make([]feedView, 0, len(feeds))
	for _, f := range feeds {
		v := feedView{
			Title:     CleanText(f.Title),
			URL:       CleanText(f.URL),
			MediaType: CleanText(f.MediaType),
		}
		if l, ok := feedLabels[strings.ToLower(f.Format)]; ok {
			v.Label, v.Hint = l[0], l[1]
		} else {
			v.Label = v.Title
			if v.Label == "" {
				v.Label = CleanText(f.Format)
			}
		}
		vs = append(vs, v)
	}
	return vs
}

// langPrimary returns the lowercased primary subtag of a language tag:
// "fa" for "fa-IR", "" for "".
func langPrimary(lang string) string {
	primary, _, _ := strings.Cut(strings.ReplaceAll(lang, "_", "-"), "-")
	return strings.ToLower(strings.TrimSpace(primary))
}

// rtlLanguages are the languages written right to left by default.
var rtlLanguages = map[string]bool{
	"ar": true, "arc": true, "azb": true, "ckb": true, "dv": true,
	"fa": true, "glk": true, "he": true, "iw": true, "ji": true,
	"ks": true, "lrc": true, "mzn": true, "nqo": true, "pnb": true,
	"ps": true, "sd": true, "syr": true, "ug": true, "ur": true,
	"yi": true,
}

// rtlScripts are the right-to-left script subtags, which override the
// language's default ("pa-Arab", "az-Arab").
var rtlScripts = map[string]bool{
	"adlm": true, "arab": true, "hebr": true, "mand": true, "nkoo": true,
	"rohg": true, "samr": true, "syrc": true, "thaa": true,
}

// isRTL reports whether text in the language tag lang runs right to left.
func isRTL(lang string) bool {
	parts := strings.Split(strings.ToLower(strings.ReplaceAll(lang, "_", "-")), "-")
	for _, p := range parts[1:] {
		if len(p) == 4 && p[0] >= 'a' && p[0] <= 'z' {
			return rtlScripts[p]
		}
	}
	return rtlLanguages[strings.TrimSpace(parts[0])]
}

// previewTemplate holds "page" (the whole preview page) and "links" (the
// autodiscovery tags, also used inside the page's head).
var previewTemplate = template.Must(template.New("preview").Funcs(template.FuncMap{"attr": textAttr}).Parse(previewHTML))

// textAttr returns the attribute name="value" for a plain-text value.
// html/template would write "+" as "&#43;", which is valid but puzzling in
// "application/rss+xml" and in the tags people paste from WriteLinks; this
// escapes only what a double-quoted attribute value needs.
func textAttr(name, value string) template.HTMLAttr {
	return template.HTMLAttr(name + `="` + html.EscapeString(value) + `"`)
}

const previewHTML = `{{define "links"}}{{range .}}<link rel="alternate"{{with .MediaType}} {{attr "type" .}}{{end}}{{with .Title}} {{attr "title" .}}{{end}} href="{{.URL}}">
{{end}}{{end}}{{define "page"}}<!DOCTYPE html>
<html lang="{{.Lang}}" dir="{{.Dir}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{{with .Title}}{{.}} · {{end}}Feed</title>
{{with .Description}}<meta name="description" content="{{.}}">
{{end}}{{with .Generator}}<meta name="generator" content="{{.}}">
{{end}}{{with .PageURL}}<link rel="canonical" href="{{.}}">
{{end}}{{template "links" .Feeds}}<style>
:root {
  color-scheme: light dark;
  --bg: #f7f7f5; --fg: #1f2328; --muted: #59636e; --accent: #0a58ca;
  --card: #ffffff; --line: #d8dadf; --code: #eef0f3; --mark: #e8f0fe;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #131519; --fg: #e4e6ea; --muted: #a2a9b4; --accent: #8ab4f8;
    --card: #1c1f25; --line: #343a44; --code: #262b33; --mark: #1f2a3d;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
}
.wrap { max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.25rem 3rem; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
h1, h2, h3 { line-height: 1.25; margin: 0; }
h1 { font-size: 2.1rem; letter-spacing: -0.01em; overflow-wrap: anywhere; }
h1 a { color: inherit; text-decoration: none; }
h1 a:hover { text-decoration: underline; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 1rem; }
h3 { font-size: 1.1rem; }
.kicker {
  display: inline-block; margin: 0 0 0.75rem; padding: 0.1rem 0.6rem; border-radius: 999px;
  background: var(--mark); color: var(--accent); font-size: 0.8rem; font-weight: 600;
  letter-spacing: 0.04em; text-transform: uppercase;
}
.description { margin: 0.5rem 0 0; color: var(--muted); font-size: 1.1rem; }
.about {
  margin: 2rem 0 0; padding: 1rem 1.25rem; border-radius: 12px;
  background: var(--mark); border-inline-start: 4px solid var(--accent);
}
.about h2 { margin: 0 0 0.4rem; font-size: 1.1rem; }
.about p { margin: 0; }
.feeds, .items { list-style: none; margin: 0; padding: 0; }
.feeds { display: grid; gap: 0.75rem; }
.feeds li {
  padding: 0.9rem 1.1rem; border: 1px solid var(--line); border-radius: 12px; background: var(--card);
}
.feeds h3 { font-size: 1.05rem; }
.feeds p { margin: 0.15rem 0 0.5rem; color: var(--muted); font-size: 0.95rem; }
.url {
  display: block; padding: 0.5rem 0.7rem; border-radius: 8px; background: var(--code);
  font: 0.9rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
  direction: ltr; text-align: left; overflow-wrap: anywhere; word-break: break-all;
  -webkit-user-select: all; user-select: all; cursor: text;
}
.tip { margin: 0.75rem 0 0; color: var(--muted); font-size: 0.9rem; }
.items li { padding: 1.1rem 0; border-top: 1px solid var(--line); }
.items li:last-child { border-bottom: 1px solid var(--line); }
.items h3 { overflow-wrap: anywhere; }
.items h3 a { text-decoration: none; }
.items h3 a:hover { text-decoration: underline; }
.meta { margin: 0.2rem 0 0; color: var(--muted); font-size: 0.9rem; }
.summary { margin: 0.4rem 0 0; overflow-wrap: anywhere; }
.empty { color: var(--muted); }
footer { margin-top: 2.5rem; color: var(--muted); font-size: 0.9rem; }
footer p { margin: 0.25rem 0; }
@media (max-width: 30rem) {
  body { font-size: 16px; }
  .wrap { padding: 1.5rem 1rem 2rem; }
  h1 { font-size: 1.7rem; }
}
</style>
</head>
<body>
<div class="wrap">
<header>
<p class="kicker"{{with .UILang}} lang="{{.}}"{{end}}{{with .UIDir}} dir="{{.}}"{{end}}>Web feed</p>
<h1>{{if .SiteURL}}<a href="{{.SiteURL}}">{{with .Title}}{{.}}{{else}}Feed{{end}}</a>{{else}}{{with .Title}}{{.}}{{else}}Feed{{end}}{{end}}</h1>
{{with .Description}}<p class="description">{{.}}</p>
{{end}}</header>
<main>
<section class="about" aria-labelledby="about"{{with .UILang}} lang="{{.}}"{{end}}{{with .UIDir}} dir="{{.}}"{{end}}>
<h2 id="about">What is a feed?</h2>
<p>A feed lets you follow this site in a feed reader app such as Feedly, NetNewsWire, Inoreader or Miniflux. Paste one of the addresses below into your reader, and new posts come to you as soon as they are published. No account or e-mail needed; unsubscribe any time.</p>
</section>
<section aria-labelledby="subscribe"{{with .UILang}} lang="{{.}}"{{end}}{{with .UIDir}} dir="{{.}}"{{end}}>
<h2 id="subscribe">Subscribe</h2>
<ul class="feeds">
{{range .Feeds}}<li>
<h3><a href="{{.URL}}"{{with .MediaType}} {{attr "type" .}}{{end}}>{{.Label}}</a></h3>
{{with .Hint}}<p>{{.}}</p>
{{end}}<code class="url">{{.URL}}</code>
</li>
{{end}}</ul>
<p class="tip">{{if and .HasRSS (gt (len .Feeds) 1)}}Not sure which one? Pick RSS. {{end}}Click an address once to select all of it.</p>
</section>
<section aria-labelledby="latest">
<h2 id="latest"{{with .UILang}} lang="{{.}}"{{end}}{{with .UIDir}} dir="{{.}}"{{end}}>Latest posts</h2>
{{if .Items}}<ol class="items">
{{range .Items}}<li>
<article>
<h3>{{if .URL}}<a href="{{.URL}}">{{.Title}}</a>{{else}}{{.Title}}{{end}}</h3>
{{if or .Date .Author}}<p class="meta">{{if .Date}}<time {{attr "datetime" .DateTime}}{{with $.UILang}} lang="{{.}}"{{end}}{{with $.UIDir}} dir="{{.}}"{{end}}>{{.Date}}</time>{{end}}{{if and .Date .Author}} · {{end}}{{with .Author}}<span class="author">{{.}}</span>{{end}}</p>
{{end}}{{with .Summary}}<p class="summary">{{.}}</p>
{{end}}</article>
</li>
{{end}}</ol>
{{else}}<p class="empty"{{with .UILang}} lang="{{.}}"{{end}}{{with .UIDir}} dir="{{.}}"{{end}}>No posts yet.</p>
{{end}}</section>
</main>
<footer>
{{with .Generator}}<p{{with $.UILang}} lang="{{.}}"{{end}}{{with $.UIDir}} dir="{{.}}"{{end}}>Made with {{.}}.</p>
{{end}}{{with .SiteURL}}<p><a href="{{.}}" dir="ltr">{{.}}</a></p>
{{end}}</footer>
</div>
</body>
</html>
{{end}}`
