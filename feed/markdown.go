package feed

import (
	"bufio"
	"bytes"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MarkdownOptions controls ParseMarkdown.
type MarkdownOptions struct {
	Location *time.Location // zone for dates without one; nil means UTC
	BaseURL  string         // absolute site URL, for Jekyll's {{ "/x" | relative_url }} / absolute_url
}

// ParseMarkdown parses a Markdown article (.md, .markdown) with YAML front
// matter between "---" lines (closed by "---" or "...") or TOML front matter
// between "+++" lines. It does not render the body: it fills the metadata,
// Body (the Markdown after the front matter) and BodyLine, so that the
// builder renders only the articles it publishes.
//
// Front-matter keys are matched without regard to case (as Hugo does);
// aliases are in brackets, and the first one listed wins when several are
// present:
//
//	title                  a string
//	date                   a date (see ParseDate; TOML dates too)
//	updated                [lastmod, last_modified_at, modified] a date
//	publishDate            [pubDate] a date; also the article's date when it has no other
//	expiryDate             [unpublishDate] a date
//	draft                  a boolean (true/false, yes/no, on/off, also quoted)
//	published              Jekyll: false means draft; Hugo: a date, read as publishDate
//	author                 a name, or a mapping {name, email, url}
//	authors                a list of those (or one)
//	tags, categories       lists of strings; a single string is split at
//	                       white space, as Jekyll and Hugo do
//	tag, category          Jekyll's singular forms: one string, not split;
//	                       they win over tags and categories
//	taxonomies             Zola: a mapping whose tags and categories lists are used
//	                       when the top-level keys are absent
//	summary                [description, excerpt] a string
//	id, slug, lang [language]  strings
//	url                    a permalink, absolute or site-relative
//	external_url           [link] the URL a link post points to
//	image                  [images] a URL, a mapping with path, src or url,
//	                       or (images) a list whose first entry is one of those
//	enclosure              a mapping {url, type, length}; length is optional
//	                       (LoadArticles measures a local file)
//
// Other keys are ignored; one that looks like a typo of a known key draws a
// warning. A known key with a value of the wrong type is an error at the
// line of the value. A key with an empty value is treated as absent.
//
// In the body, Jekyll's and Hugo's template tags are handled: {% raw %}
// markers are removed, {{ "/x" | relative_url }}, absolute_url,
// {{ site.baseurl }} and {{ site.url }} are evaluated against
// opts.BaseURL, Hugo's escaped shortcodes {{</* x */>}} are unescaped, and
// every other tag is left as text with a warning (silently in code).
//
// Title is the front matter's title, else the text of the body's first
// "# heading", else the file name with the date prefix removed, "-" and "_"
// turned into spaces and each word capitalized (as Jekyll does). It is
// cleaned text but may still hold HTML or Markdown punctuation; callers
// wanting plain text run it through PlainText.
//
// The date is the front matter's date, else the date in a Jekyll file name
// (2006-01-02-slug.md; also 2006-01-02_slug.md as in Zola, and a page
// bundle's folder name for index.md), else publishDate. Slug and Filename
// come from the file name unless the front matter sets slug.
//
// ParseMarkdown returns nil and diagnostics when the file cannot be used,
// and nil with a warning when it has no date anywhere. Diagnostics may hold
// warnings when the article is returned too.
func ParseMarkdown(path string, src []byte, opts MarkdownOptions) (*Article, Diagnostics) {
	loc := opts.Location
	if loc == nil {
		loc = time.UTC
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, Diagnostics{errorf(path, lineAt(src, i), "binary file (NUL byte)")}
	}
	if !utf8.Valid(src) {
		return nil, Diagnostics{errorf(path, lineAt(src, invalidUTF8At(src)), "invalid UTF-8")}
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, Diagnostics{errorf(path, 1, "empty file")}
	}
	src = normalizeNewlines(src)

	fm, ferr := splitFrontMatter(path, src)
	if ferr != nil {
		return nil, Diagnostics{ferr}
	}
	// YAML and TOML reject raw control characters; one pasted into a title
	// must not cost the article, and feeds drop them anyway (CleanText).
	// Only characters are removed, never line ends, so lines stay put.
	if c := CleanText(string(fm.text)); len(c) != len(fm.text) {
		fm.text = []byte(c)
	}
	a := &Article{Path: path, Format: FormatMarkdown}
	d := &fmDecoder{path: path, loc: loc, art: a}
	var fields []fmField
	switch fm.kind {
	case '-':
		fields, d.diags = yamlFields(path, fm.text, fm.textLine)
	case '+':
		fields, d.diags = tomlFields(path, fm.text, fm.textLine)
	}
	dateKey, dateNode := d.decode(fields)

	filename, fileDate, hasFileDate := nameAndDate(path, loc)
	a.Filename = filename
	if a.Slug == "" {
		a.Slug = filename
	}
	if dateNode != nil {
		t, dateOnly, err := d.date(dateNode)
		switch {
		case err == nil:
			a.Date, a.DateOnly = t, dateOnly
		case hasFileDate:
			d.diags = append(d.diags, warnf(path, dateNode.Line, "key %q: %v; using the date in the file name", dateKey, err))
		default:
			d.diags = append(d.diags, errorf(path, dateNode.Line, "key %q: %v", dateKey, err))
		}
	}
	if a.Date.IsZero() && hasFileDate {
		a.Date, a.DateOnly, a.FileDate = fileDate, true, true
	}
	if a.Date.IsZero() && !a.PublishDate.IsZero() {
		a.Date = a.PublishDate
	}

	body, tdiags := processTemplates(path, fm.body, fm.bodyLine, opts.BaseURL)
	d.diags = append(d.diags, tdiags...)
	a.Body, a.BodyLine = body, fm.bodyLine
	if a.Title == "" {
		a.Title = firstHeading(body)
	}
	if a.Title == "" {
		a.Title = titleFromName(filename)
	}

	if d.diags.HasErrors() {
		return nil, d.diags
	}
	if a.Date.IsZero() {
		return nil, append(d.diags, warnf(path, 0, "no date in front matter or file name; left out"))
	}
	return a, d.diags
}

// lineAt returns the 1-based line of byte offset i in src.
func lineAt(src []byte, i int) int {
	return 1 + bytes.Count(src[:i], []byte{'\n'})
}

// invalidUTF8At returns the offset of the first invalid UTF-8 sequence.
func invalidUTF8At(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(src)
}

// normalizeNewlines turns CRLF and lone CR line ends into LF. It returns src
// itself when there is no CR.
func normalizeNewlines(src []byte) []byte {
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\r' {
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}

// nameAndDate derives the file name (without extension and date prefix) and
// the date of a Jekyll-style name "2006-01-02-slug.md" (or "_slug", or just
// "2006-01-02.md"). For a page bundle's index.md the folder name is used.
func nameAndDate(p string, loc *time.Location) (name string, date time.Time, ok bool) {
	base := path.Base(p)
	name = strings.TrimSuffix(base, path.Ext(base))
	if name == "index" {
		if dir := path.Base(path.Dir(p)); dir != "." && dir != "/" {
			name = dir
		}
	}
	if len(name) < 10 {
		return name, time.Time{}, false
	}
	t, dateOnly, err := parseDate(name[:10], loc)
	if err != nil || !dateOnly {
		return name, time.Time{}, false
	}
	switch {
	case len(name) == 10:
		return name, t, true
	case len(name) > 11 && (name[10] == '-' || name[10] == '_'):
		return name[11:], t, true
	}
	return name, time.Time{}, false
}

// titleFromName makes a title of a file name the way Jekyll does: "-" and
// "_" become spaces and each word is capitalized.
func titleFromName(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return CleanText(strings.Join(words, " "))
}

// firstHeading returns the text of the first ATX level-1 heading ("# Title")
// outside fenced code blocks, or "".
func firstHeading(body []byte) string {
	var fenceChar byte
	var fenceLen int
	for len(body) > 0 {
		line := body
		if nl := bytes.IndexByte(body, '\n'); nl >= 0 {
			line, body = body[:nl], body[nl+1:]
		} else {
			body = nil
		}
		c, n, rest := fenceAt(line)
		switch {
		case fenceChar == 0 && n >= 3 && (c == '~' || bytes.IndexByte(rest, '`') < 0):
			fenceChar, fenceLen = c, n
			continue
		case fenceChar != 0:
			if c == fenceChar && n >= fenceLen && len(bytes.TrimSpace(rest)) == 0 {
				fenceChar = 0
			}
			continue
		}
		t := bytes.TrimLeft(line, " ")
		if len(line)-len(t) > 3 || !bytes.HasPrefix(t, []byte("#")) {
			continue
		}
		t = t[1:]
		if len(t) > 0 && t[0] != ' ' && t[0] != '\t' {
			continue // "#tag" or "##"
		}
		t = bytes.TrimSpace(t)
		// An optional closing sequence of #s after a space.
		if u := bytes.TrimRight(t, "#"); len(u) < len(t) && (len(u) == 0 || u[len(u)-1] == ' ' || u[len(u)-1] == '\t') {
			t = bytes.TrimSpace(u)
		}
		if len(t) > 0 {
			return CleanText(string(t))
		}
	}
	return ""
}

// moreMarker reports whether s is the excerpt marker <!--more--> (blanks
// inside allowed, any case).
func moreMarker(s []byte) bool {
	s = bytes.TrimSpace(s)
	inner, ok := bytes.CutPrefix(s, []byte("<!--"))
	if !ok {
		return false
	}
	inner, ok = bytes.CutSuffix(inner, []byte("-->"))
	return ok && bytes.EqualFold(bytes.TrimSpace(inner), []byte("more"))
}

// rawHTMLRenderer renders raw HTML as written or, with escape set, as text;
// either way it drops the <!--more--> marker.
type rawHTMLRenderer struct {
	escape bool
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *rawHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, r.renderRawHTML)
	reg.Register(ast.KindHTMLBlock, r.renderHTMLBlock)
}

func (r *rawHTMLRenderer) renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	var buf []byte
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		buf = append(buf, seg.Value(source)...)
	}
	switch {
	case moreMarker(buf):
	case r.escape:
		_, _ = w.Write(util.EscapeHTML(buf))
	default:
		_, _ = w.Write(buf)
	}
	return ast.WalkSkipChildren, nil
}

func (r *rawHTMLRenderer) renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	var buf []byte
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		buf = append(buf, seg.Value(source)...)
	}
	if n.HasClosure() {
		closure := n.ClosureLine
		buf = append(buf, closure.Value(source)...)
	}
	switch {
	case moreMarker(buf):
	case r.escape:
		_, _ = w.WriteString("<p>")
		_, _ = w.Write(util.EscapeHTML(bytes.TrimRight(buf, "\n")))
		_, _ = w.WriteString("</p>\n")
	default:
		_, _ = w.Write(buf)
	}
	return ast.WalkContinue, nil
}

// newMarkdown builds a goldmark instance with the extensions feedgen uses.
func newMarkdown(escape bool) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(
			html.WithUnsafe(),
			renderer.WithNodeRenderers(util.Prioritized(&rawHTMLRenderer{escape: escape}, 100)),
		),
	)
}

// The goldmark instances: raw HTML kept, and raw HTML shown as text.
var (
	markdownUnsafe  = newMarkdown(false)
	markdownEscaped = newMarkdown(true)
)

// RenderMarkdown renders an article body with goldmark: GitHub Flavored
// Markdown (tables, strikethrough, autolinks, task lists), footnotes and
// automatic heading ids. Raw HTML is kept as written (the caller sanitizes
// it) unless escapeRawHTML is set, in which case it is shown as text.
//
// excerptHTML is the HTML of the blocks before a <!--more--> marker on a
// line of its own (or of the blocks up to the one holding an inline marker)
// when there is one, else the first top-level paragraph (<p>…</p>), else "".
// The marker itself is not in contentHTML.
func RenderMarkdown(body []byte, escapeRawHTML bool) (contentHTML, excerptHTML string, err error) {
	md := markdownUnsafe
	if escapeRawHTML {
		md = markdownEscaped
	}
	doc := md.Parser().Parse(text.NewReader(body))
	var buf bytes.Buffer
	buf.Grow(len(body) + len(body)/4)
	w := bufio.NewWriter(&buf)
	excerptEnd := -1
	paraStart, paraEnd := -1, -1
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		start := buf.Len()
		if err := md.Renderer().Render(w, body, n); err != nil {
			return "", "", err
		}
		switch {
		case excerptEnd >= 0:
		case n.Kind() == ast.KindHTMLBlock && moreMarker(blockText(n, body)):
			excerptEnd = start
		case n.Kind() == ast.KindParagraph && hasInlineMarker(n, body):
			excerptEnd = buf.Len()
		case n.Kind() == ast.KindParagraph && paraStart < 0:
			paraStart, paraEnd = start, buf.Len()
		}
	}
	out := buf.String()
	switch {
	case excerptEnd >= 0:
		excerptHTML = out[:excerptEnd]
	case paraStart >= 0:
		excerptHTML = out[paraStart:paraEnd]
	}
	return out, excerptHTML, nil
}

// blockText returns the text of an HTML block.
func blockText(n ast.Node, source []byte) []byte {
	var buf []byte
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		buf = append(buf, seg.Value(source)...)
	}
	return buf
}

// hasInlineMarker reports whether paragraph p holds a <!--more--> marker.
func hasInlineMarker(p ast.Node, source []byte) bool {
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if raw, ok := c.(*ast.RawHTML); ok {
			var buf []byte
			for i := range raw.Segments.Len() {
				seg := raw.Segments.At(i)
				buf = append(buf, seg.Value(source)...)
			}
			if moreMarker(buf) {
				return true
			}
		}
	}
	return false
}
