package feed

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// previewFeeds returns the three feed links of the sample site.
func previewFeeds() []FeedLink {
	return []FeedLink{
		{Format: "rss", Title: "Example Blog (RSS)", URL: "https://example.com/rss.xml", MediaType: "application/rss+xml"},
		{Format: "atom", Title: "Example Blog (Atom)", URL: "https://example.com/atom.xml", MediaType: "application/atom+xml"},
		{Format: "json", Title: "Example Blog (JSON Feed)", URL: "https://example.com/feed.json", MediaType: "application/feed+json"},
	}
}

// previewSample returns a preview of a small English site with three items
// dated in different locations.
func previewSample() *Preview {
	return &Preview{
		Title:       "Example Blog",
		Description: "Notes on Go, feeds and the open web.",
		Language:    "en",
		SiteURL:     "https://example.com/",
		PageURL:     "https://example.com/feed.html",
		Feeds:       previewFeeds(),
		Items: []PreviewItem{
			{
				Title:   "Feeds without XSLT",
				URL:     "https://example.com/posts/feeds-without-xslt/",
				Date:    time.Date(2024, 3, 2, 9, 30, 0, 0, time.FixedZone("CET", 3600)),
				Author:  "Ada Lovelace",
				Summary: "Browsers are dropping XSLT, so a plain HTML page now shows what a feed is.",
			},
			{
				Title:   "Hello, world",
				URL:     "https://example.com/posts/hello/",
				Date:    time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC),
				Summary: "The first post: why this site has a feed at all.",
			},
			{
				Title:  "A post with no summary",
				URL:    "https://example.com/posts/short/",
				Date:   time.Date(2023, 12, 31, 23, 59, 0, 0, time.FixedZone("", -5*3600)),
				Author: "Grace Hopper",
			},
		},
		Generator: "feedgen v0.1.0",
	}
}

// previewRTL returns a preview of a Persian site.
func previewRTL() *Preview {
	return &Preview{
		Title:       "وبلاگ نمونه",
		Description: "یادداشت\u200cهایی دربارهٔ وب آزاد.",
		Language:    "fa-IR",
		SiteURL:     "https://example.ir/",
		PageURL:     "https://example.ir/feed.html",
		Feeds:       previewFeeds()[:2],
		Items: []PreviewItem{{
			Title:   "سلام دنیا",
			URL:     "https://example.ir/posts/salam/",
			Date:    time.Date(2024, 3, 20, 12, 0, 0, 0, time.FixedZone("IRST", 3*3600+1800)),
			Author:  "مریم",
			Summary: "نخستین نوشته.",
		}},
		Generator: "feedgen v0.1.0",
	}
}

func TestWritePreviewGolden(t *testing.T) {
	tests := []struct {
		name string
		p    *Preview
	}{
		{"basic", previewSample()},
		{"rtl", previewRTL()},
		{"minimal", &Preview{
			Feeds: []FeedLink{{Format: "rss", URL: "https://bare.example/rss.xml", MediaType: "application/rss+xml"}},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := WritePreview(&got, tc.p); err != nil {
				t.Fatalf("WritePreview: %v", err)
			}
			var again bytes.Buffer
			if err := WritePreview(&again, tc.p); err != nil {
				t.Fatalf("WritePreview (second run): %v", err)
			}
			if !bytes.Equal(got.Bytes(), again.Bytes()) {
				t.Error("two runs on the same input gave different bytes")
			}
			checkPreviewDoc(t, got.Bytes())
			checkPreviewGolden(t, filepath.Join("testdata", "preview", tc.name+".html"), got.Bytes())
		})
	}
}

func TestWritePreviewContent(t *testing.T) {
	var buf bytes.Buffer
	if err := WritePreview(&buf, previewSample()); err != nil {
		t.Fatalf("WritePreview: %v", err)
	}
	doc := parsePreview(t, buf.Bytes())
	checkPreviewItems(t, doc, previewSample())

	var links []string
	for n := range doc.Descendants() {
		if n.DataAtom == atom.Link && previewAttr(n, "rel") == "alternate" {
			links = append(links, previewAttr(n, "type")+" "+previewAttr(n, "href"))
		}
	}
	want := []string{
		"application/rss+xml https://example.com/rss.xml",
		"application/atom+xml https://example.com/atom.xml",
		"application/feed+json https://example.com/feed.json",
	}
	if strings.Join(links, "\n") != strings.Join(want, "\n") {
		t.Errorf("autodiscovery links:\ngot  %q\nwant %q", links, want)
	}
	for _, s := range []string{"What is a feed?", "Feedly", "NetNewsWire", "Miniflux", "feedgen v0.1.0"} {
		if !strings.Contains(previewText(doc), s) {
			t.Errorf("page text lacks %q", s)
		}
	}
}

func TestWritePreviewEscaping(t *testing.T) {
	const hostile = `<script>alert("x")</script> & 'quotes' </title>`
	tests := []struct {
		name    string
		edit    func(p *Preview)
		check   func(t *testing.T, doc *html.Node, raw string)
		wantDir string
	}{
		{
			name: "script in titles and text",
			edit: func(p *Preview) {
				p.Title = hostile
				p.Description = hostile
				p.Items[0].Title = hostile
				p.Items[0].Author = hostile
				p.Items[0].Summary = hostile
				p.Generator = hostile
			},
			check: func(t *testing.T, doc *html.Node, raw string) {
				if got := previewText(previewFind(doc, atom.H1)); got != hostile {
					t.Errorf("h1 text = %q, want %q", got, hostile)
				}
				if got, want := previewText(previewFind(doc, atom.Title)), hostile+" · Feed"; got != want {
					t.Errorf("title text = %q, want %q", got, want)
				}
				if !strings.Contains(raw, "&lt;script&gt;") {
					t.Error("escaped <script> not found in output")
				}
			},
			wantDir: "ltr",
		},
		{
			name: "quotes and brackets in URLs",
			edit: func(p *Preview) {
				p.SiteURL = `https://example.com/a"b<c>d`
				p.Feeds[0].URL = `https://example.com/rss.xml?x="><script>alert(1)</script>`
				p.Items[0].URL = `https://example.com/p?q="onmouseover="alert(1)`
			},
			check: func(t *testing.T, doc *html.Node, raw string) {
				for _, a := range previewAll(doc, atom.A) {
					if strings.ContainsAny(previewAttr(a, "href"), `"<>`) {
						t.Errorf("href %q keeps a quote or bracket", previewAttr(a, "href"))
					}
					for _, at := range a.Attr {
						if strings.HasPrefix(at.Key, "on") {
							t.Errorf("<a> gained attribute %s=%q", at.Key, at.Val)
						}
					}
				}
				code := previewText(previewFind(doc, atom.Code))
				if want := `https://example.com/rss.xml?x="><script>alert(1)</script>`; code != want {
					t.Errorf("copyable URL text = %q, want %q", code, want)
				}
				if strings.Contains(raw, `"><script>`) {
					t.Error("raw output contains the unescaped URL payload")
				}
			},
			wantDir: "ltr",
		},
		{
			name: "quote in feed title",
			edit: func(p *Preview) { p.Feeds[1].Title = `A "quoted" <feed>` },
			check: func(t *testing.T, doc *html.Node, raw string) {
				var titles []string
				for _, l := range previewAll(doc, atom.Link) {
					titles = append(titles, previewAttr(l, "title"))
				}
				if len(titles) != 4 || titles[2] != `A "quoted" <feed>` {
					t.Errorf("link titles = %q, want the third to be the quoted title", titles)
				}
			},
			wantDir: "ltr",
		},
		{
			name: "control characters dropped",
			edit: func(p *Preview) { p.Items[0].Summary = "a\x00b\x1bc\u0085d" },
			check: func(t *testing.T, doc *html.Node, raw string) {
				if !strings.Contains(previewText(doc), "abcd") {
					t.Error(`summary "abcd" not found after cleaning`)
				}
			},
			wantDir: "ltr",
		},
		{
			name: "rtl language",
			edit: func(p *Preview) { p.Language = "ar" },
			check: func(t *testing.T, doc *html.Node, raw string) {
				about := previewByID(t, doc, "about").Parent
				if got := previewAttr(about, "lang") + " " + previewAttr(about, "dir"); got != "en ltr" {
					t.Errorf("feedgen's English note has lang/dir %q, want %q", got, "en ltr")
				}
			},
			wantDir: "rtl",
		},
		{
			name:    "rtl by script subtag",
			edit:    func(p *Preview) { p.Language = "pa-Arab" },
			wantDir: "rtl",
		},
		{
			name: "ltr non-English",
			edit: func(p *Preview) { p.Language = "de" },
			check: func(t *testing.T, doc *html.Node, raw string) {
				about := previewByID(t, doc, "about").Parent
				if got := previewAttr(about, "lang"); got != "en" {
					t.Errorf("feedgen's English note has lang %q, want en", got)
				}
				if got := previewAttr(about, "dir"); got != "" {
					t.Errorf("feedgen's English note has dir %q, want none", got)
				}
			},
			wantDir: "ltr",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := previewSample()
			tc.edit(p)
			var buf bytes.Buffer
			if err := WritePreview(&buf, p); err != nil {
				t.Fatalf("WritePreview: %v", err)
			}
			checkPreviewDoc(t, buf.Bytes())
			doc := parsePreview(t, buf.Bytes())
			root := previewFind(doc, atom.Html)
			if got := previewAttr(root, "dir"); got != tc.wantDir {
				t.Errorf("<html dir> = %q, want %q", got, tc.wantDir)
			}
			if got, want := previewAttr(root, "lang"), p.Language; got != want {
				t.Errorf("<html lang> = %q, want %q", got, want)
			}
			if tc.check != nil {
				tc.check(t, doc, buf.String())
			}
		})
	}
}

func TestWritePreviewErrors(t *testing.T) {
	tests := []struct {
		name    string
		p       *Preview
		wantErr string
	}{
		{"nil", nil, "nil preview"},
		{"no feeds", &Preview{Title: "x"}, "no feeds"},
		{"empty feed url", &Preview{Feeds: []FeedLink{{Format: "rss"}}}, "feed 1 (rss) url is empty"},
		{"relative feed url", &Preview{Feeds: []FeedLink{{Format: "atom", URL: "/atom.xml"}}}, `feed 1 (atom) url must be an absolute http(s) URL (got "/atom.xml")`},
		{"javascript item", func() *Preview {
			p := previewSample()
			p.Items[1].URL = "javascript:alert(1)"
			return p
		}(), `item 2 url must be an absolute http(s) URL`},
		{"relative site url", func() *Preview {
			p := previewSample()
			p.SiteURL = "example.com"
			return p
		}(), `site url must be an absolute http(s) URL`},
		{"relative page url", func() *Preview {
			p := previewSample()
			p.PageURL = "feed.html"
			return p
		}(), `page url must be an absolute http(s) URL`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WritePreview(&buf, tc.p)
			if err == nil {
				t.Fatalf("WritePreview succeeded, want error containing %q", tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error = %q, want it to contain %q", err, tc.wantErr)
			}
			if buf.Len() != 0 {
				t.Errorf("WritePreview wrote %d bytes before failing", buf.Len())
			}
		})
	}
}

func TestWriteLinks(t *testing.T) {
	tests := []struct {
		name    string
		feeds   []FeedLink
		want    string
		wantErr string
	}{
		{
			name:  "three formats",
			feeds: previewFeeds(),
			want: `<link rel="alternate" type="application/rss+xml" title="Example Blog (RSS)" href="https://example.com/rss.xml">
<link rel="alternate" type="application/atom+xml" title="Example Blog (Atom)" href="https://example.com/atom.xml">
<link rel="alternate" type="application/feed+json" title="Example Blog (JSON Feed)" href="https://example.com/feed.json">
`,
		},
		{
			name: "escaped title and url",
			feeds: []FeedLink{{
				Format: "rss", Title: `Tom & "Jerry" <b>`, MediaType: "application/rss+xml",
				URL: `https://example.com/a b"c.xml`,
			}},
			want: `<link rel="alternate" type="application/rss+xml" title="Tom &amp; &#34;Jerry&#34; &lt;b&gt;" href="https://example.com/a%20b%22c.xml">
`,
		},
		{
			name:  "no title",
			feeds: []FeedLink{{Format: "json", URL: "https://example.com/feed.json", MediaType: "application/feed+json"}},
			want: `<link rel="alternate" type="application/feed+json" href="https://example.com/feed.json">
`,
		},
		{name: "none", feeds: nil, want: ""},
		{
			name:    "relative url",
			feeds:   []FeedLink{{Format: "rss", URL: "rss.xml"}},
			wantErr: `feed 1 (rss) url must be an absolute http(s) URL (got "rss.xml")`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteLinks(&buf, tc.feeds)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("WriteLinks error = %v, want it to contain %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("WriteLinks: %v", err)
			}
			if got := buf.String(); got != tc.want {
				t.Errorf("WriteLinks:\ngot  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestIsRTL(t *testing.T) {
	tests := []struct {
		lang string
		want bool
	}{
		{"", false},
		{"en", false},
		{"en-US", false},
		{"fa", true},
		{"fa-IR", true},
		{"FA_ir", true},
		{"ar", true},
		{"he", true},
		{"ur", true},
		{"yi", true},
		{"ckb", true},
		{"pa-Arab", true},
		{"az-Arab-IR", true},
		{"az-Latn", false},
		{"ku-Latn", false},
		{"sd-Deva", false},
		{"zh-Hant-TW", false},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			if got := isRTL(tc.lang); got != tc.want {
				t.Errorf("isRTL(%q) = %v, want %v", tc.lang, got, tc.want)
			}
		})
	}
}

// checkPreviewGolden compares got with the golden file at path, or rewrites
// the file under -update.
func checkPreviewGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run: go test ./feed -run TestWritePreviewGolden -update", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("%s:%d differs; run: go test ./feed -update\ngot  %q\nwant %q", path, i+1, g, w)
				break
			}
		}
	}
}

// parsePreview parses page as HTML.
func parsePreview(t *testing.T, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("parse HTML: %v", err)
	}
	return doc
}

// previewVoid are the HTML void elements, which have no end tag.
var previewVoid = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// checkPreviewDoc checks that page is an HTML5 document the parser needs no
// error recovery for, and that it has the structure the preview promises.
func checkPreviewDoc(t *testing.T, page []byte) {
	t.Helper()
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>\n")) {
		t.Error("page does not start with <!DOCTYPE html>")
	}

	// Tokenize: every element known, every non-void element closed in
	// order, no duplicate attributes. Record each element with its depth.
	type elem struct {
		name  string
		depth int
	}
	var tokElems []elem
	var stack []string
	z := html.NewTokenizer(bytes.NewReader(page))
tokens:
	for {
		switch z.Next() {
		case html.ErrorToken:
			break tokens
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.DataAtom == 0 {
				t.Errorf("unknown element <%s>", tok.Data)
			}
			seen := map[string]bool{}
			for _, a := range tok.Attr {
				if seen[a.Key] {
					t.Errorf("<%s> repeats attribute %s", tok.Data, a.Key)
				}
				seen[a.Key] = true
			}
			tokElems = append(tokElems, elem{tok.Data, len(stack)})
			if !previewVoid[tok.DataAtom] {
				stack = append(stack, tok.Data)
			}
		case html.EndTagToken:
			tok := z.Token()
			if len(stack) == 0 || stack[len(stack)-1] != tok.Data {
				t.Fatalf("</%s> does not close the open element (open: %v)", tok.Data, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		t.Errorf("elements left open: %v", stack)
	}

	// Parse: the tree must hold the same elements at the same depths, so
	// the parser had to insert, move or close nothing.
	doc := parsePreview(t, page)
	var treeElems []elem
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := range n.ChildNodes() {
			if c.Type == html.ElementNode {
				treeElems = append(treeElems, elem{c.Data, depth})
				walk(c, depth+1)
			}
		}
	}
	walk(doc, 0)
	if len(treeElems) != len(tokElems) {
		t.Errorf("parser built %d elements from %d tags", len(treeElems), len(tokElems))
	}
	for i := 0; i < len(treeElems) && i < len(tokElems); i++ {
		if treeElems[i] != tokElems[i] {
			t.Errorf("element %d: parsed as %v, written as %v", i, treeElems[i], tokElems[i])
			break
		}
	}
	checkPreviewStructure(t, doc)
}

// checkPreviewStructure checks a parsed preview page (written by
// WritePreview or dumped by a browser): one <title>, one <h1>, <html lang>,
// <meta charset> first in <head>, absolute links, unique ids, no scripts
// and nothing loaded from anywhere.
func checkPreviewStructure(t *testing.T, doc *html.Node) {
	t.Helper()
	if n := len(previewAll(doc, atom.Title)); n != 1 {
		t.Errorf("found %d <title> elements, want 1", n)
	}
	if n := len(previewAll(doc, atom.H1)); n != 1 {
		t.Errorf("found %d <h1> elements, want 1", n)
	}
	if root := previewFind(doc, atom.Html); root == nil || !previewHasAttr(root, "lang") {
		t.Error("<html> has no lang attribute")
	}
	head := previewFind(doc, atom.Head)
	if head == nil {
		t.Fatal("no <head>")
	}
	var first *html.Node
	for c := range head.ChildNodes() {
		if c.Type == html.ElementNode {
			first = c
			break
		}
	}
	if first == nil || first.DataAtom != atom.Meta || !strings.EqualFold(previewAttr(first, "charset"), "utf-8") {
		t.Error(`first element in <head> is not <meta charset="utf-8">`)
	}
	ids := map[string]bool{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Script, atom.Iframe, atom.Img, atom.Object, atom.Embed, atom.Base:
			t.Errorf("page has a <%s> element", n.Data)
		case atom.A:
			href := previewAttr(n, "href")
			if u, err := url.Parse(href); err != nil || !u.IsAbs() || u.Host == "" {
				t.Errorf("<a href=%q> is not an absolute URL", href)
			}
		case atom.Link:
			if rel := previewAttr(n, "rel"); rel != "alternate" && rel != "canonical" {
				t.Errorf("<link rel=%q> may load something", rel)
			}
		case atom.Style:
			if css := strings.ToLower(previewText(n)); strings.Contains(css, "url(") || strings.Contains(css, "@import") {
				t.Error("inline CSS loads a resource")
			}
		}
		for _, a := range n.Attr {
			if a.Key == "src" || a.Key == "style" || strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s> has attribute %s", n.Data, a.Key)
			}
			if a.Key == "id" {
				if ids[a.Val] {
					t.Errorf("id %q is used twice", a.Val)
				}
				ids[a.Val] = true
			}
		}
	}
}

// checkPreviewItems checks that doc shows p's items (title linked to its
// URL, <time datetime>, shown date, author, summary) and p's feeds as
// subscribe links with their URLs.
func checkPreviewItems(t *testing.T, doc *html.Node, p *Preview) {
	t.Helper()
	articles := previewAll(doc, atom.Article)
	if len(articles) != len(p.Items) {
		t.Fatalf("found %d <article> elements, want %d", len(articles), len(p.Items))
	}
	for i, it := range p.Items {
		art := articles[i]
		a := previewFind(art, atom.A)
		if a == nil {
			t.Errorf("item %d: no link", i)
			continue
		}
		if got := previewText(a); got != it.Title {
			t.Errorf("item %d: title %q, want %q", i, got, it.Title)
		}
		if got := previewAttr(a, "href"); got != it.URL {
			t.Errorf("item %d: href %q, want %q", i, got, it.URL)
		}
		tm := previewFind(art, atom.Time)
		if tm == nil {
			t.Errorf("item %d: no <time>", i)
		} else {
			if got, want := previewAttr(tm, "datetime"), it.Date.Format(time.RFC3339); got != want {
				t.Errorf("item %d: datetime %q, want %q", i, got, want)
			}
			if got, want := previewText(tm), it.Date.Format("2 January 2006"); got != want {
				t.Errorf("item %d: date shown %q, want %q", i, got, want)
			}
		}
		text := previewText(art)
		if it.Author != "" && !strings.Contains(text, it.Author) {
			t.Errorf("item %d: author %q not shown", i, it.Author)
		}
		if it.Summary != "" && !strings.Contains(text, it.Summary) {
			t.Errorf("item %d: summary %q not shown", i, it.Summary)
		}
	}

	hrefs := map[string]bool{}
	codes := map[string]bool{}
	for n := range doc.Descendants() {
		if n.DataAtom == atom.A {
			hrefs[previewAttr(n, "href")] = true
		}
		if n.DataAtom == atom.Code {
			codes[previewText(n)] = true
		}
	}
	for _, f := range p.Feeds {
		if !hrefs[f.URL] {
			t.Errorf("no subscribe link to %s", f.URL)
		}
		if !codes[f.URL] {
			t.Errorf("no copyable <code> with %s", f.URL)
		}
	}
}

// previewAttr returns n's attribute key, or "".
func previewAttr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// previewHasAttr reports whether n has the attribute key.
func previewHasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// previewAll returns the elements under n with atom a, in document order.
func previewAll(n *html.Node, a atom.Atom) []*html.Node {
	var found []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == a {
			found = append(found, d)
		}
	}
	return found
}

// previewFind returns the first element under n with atom a, or nil.
func previewFind(n *html.Node, a atom.Atom) *html.Node {
	if all := previewAll(n, a); len(all) > 0 {
		return all[0]
	}
	return nil
}

// previewByID returns the element with the given id; it stops the test
// when there is none.
func previewByID(t *testing.T, doc *html.Node, id string) *html.Node {
	t.Helper()
	for d := range doc.Descendants() {
		if d.Type == html.ElementNode && previewAttr(d, "id") == id {
			return d
		}
	}
	t.Fatalf("no element with id %q", id)
	return nil
}

// previewText returns the text content of n.
func previewText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}
