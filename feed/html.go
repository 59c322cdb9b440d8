package feed

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// RawHTML says what happens to raw HTML an author wrote inside Markdown.
type RawHTML string

// The ways raw HTML in Markdown can be treated.
const (
	RawHTMLSanitize RawHTML = "sanitize" // default: keep, but through a feed-safe policy
	RawHTMLEscape   RawHTML = "escape"   // show it as text
	RawHTMLTrust    RawHTML = "trust"    // keep as written
)

// URL patterns for the feed-safe policy. bluemonday parses and checks the
// scheme of href/src/cite on the elements it knows to be "linkable", but not
// of srcset, poster or source/@src, so every URL attribute also gets one of
// these allowlists. They are checked on the entity-decoded value and reject
// anything that is neither http(s) (plus mailto/tel on links) nor a relative
// reference whose first segment has no colon; whitespace inside a URL is
// rejected outright, so "java\tscript:" cannot slip through.
const (
	reRelative = `[^\s:/?#]+(?:[/?#]\S*)?|[/?#]\S*`
	reHTTP     = `(?i:https?)://\S+`
)

var (
	// linkURL: a/@href, blockquote|q|del|ins/@cite.
	linkURL = regexp.MustCompile(`^\s*(?:(?i:https?|mailto|tel):\S*|` + reRelative + `)\s*$`)
	// mediaURL: src on audio, video, source, track; video/@poster.
	mediaURL = regexp.MustCompile(`^\s*(?:` + reHTTP + `|` + reRelative + `)\s*$`)
	// imgSrcURL: img/@src, which alone may carry an inline data:image/*.
	imgSrcURL = regexp.MustCompile(`^\s*(?:` + reHTTP + `|` + reRelative + `|(?i:data:image/)[a-zA-Z0-9.+-]+[;,]\S*)\s*$`)
	// srcsetValue: a comma-separated list of safe URLs, each with an
	// optional width, density or height descriptor. URLs containing commas
	// are rejected, which keeps the split unambiguous.
	srcsetValue = regexp.MustCompile(`^\s*` + srcsetCand + `(?:\s*,\s*` + srcsetCand + `)*\s*,?\s*$`)
	dataImage   = regexp.MustCompile(`^(?i:image/)[a-zA-Z0-9.+-]+[;,]`)
)

const srcsetCand = `(?:(?i:https?)://[^\s,]+|[^\s,:/?#]+(?:[/?#][^\s,]*)?|[/?#][^\s,]*)(?:\s+[0-9.]+[wxh])?`

// feedPolicy is the sanitizing policy behind SanitizeHTML. It is built once
// and never changed afterwards; bluemonday policies are safe for concurrent
// use once built.
var feedPolicy = newFeedPolicy()

// newFeedPolicy builds the feed-safe allowlist policy.
func newFeedPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(true)
	p.AllowURLSchemes("http", "https", "mailto", "tel")
	// data: passes the scheme check only as an image; the per-attribute
	// patterns above confine it to img/@src.
	p.AllowURLSchemeWithCustomPolicy("data", func(u *url.URL) bool {
		return dataImage.MatchString(u.Opaque)
	})

	p.AllowElements(
		"p", "div", "span", "br", "hr", "wbr",
		"h1", "h2", "h3", "h4", "h5", "h6",
		"ul", "ol", "li", "dl", "dt", "dd",
		"blockquote", "pre", "code", "samp", "kbd", "var",
		"em", "strong", "b", "i", "u", "s", "del", "ins", "sup", "sub", "small",
		"mark", "abbr", "dfn", "cite", "q", "time", "bdi", "ruby", "rt", "rp",
		"figure", "figcaption", "picture", "details", "summary",
		"table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
	)
	p.AllowAttrs("title").Matching(bluemonday.Paragraph).Globally()
	p.AllowAttrs("lang").Matching(regexp.MustCompile(`^[a-zA-Z]{2,8}(?:-[a-zA-Z0-9]{1,8})*$`)).Globally()
	p.AllowAttrs("dir").Matching(bluemonday.Direction).Globally()

	// Heading ids (goldmark's auto heading IDs) and footnotes: <sup
	// id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">,
	// <div class="footnotes" role="doc-endnotes">, <li id="fn:1">, backlinks.
	id := regexp.MustCompile(`^[\p{L}\p{N}_:.-]+$`)
	p.AllowAttrs("id").Matching(id).OnElements("h1", "h2", "h3", "h4", "h5", "h6", "li", "sup")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^footnote-(?:ref|backref)$`)).OnElements("a")
	p.AllowAttrs("role").Matching(regexp.MustCompile(`^doc-(?:noteref|backlink)$`)).OnElements("a")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^footnotes$`)).OnElements("div")
	p.AllowAttrs("role").Matching(regexp.MustCompile(`^doc-endnotes$`)).OnElements("div")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^language-[\w+#.-]+$`)).OnElements("code")

	p.AllowAttrs("href").Matching(linkURL).OnElements("a")
	p.AllowAttrs("cite").Matching(linkURL).OnElements("blockquote", "q", "del", "ins")
	p.AllowAttrs("datetime").Matching(bluemonday.ISO8601).OnElements("time", "del", "ins")

	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.AllowAttrs("reversed").OnElements("ol")
	p.AllowAttrs("type").Matching(bluemonday.ListType).OnElements("ol", "ul", "li")
	p.AllowAttrs("value").Matching(bluemonday.Integer).OnElements("li")
	p.AllowAttrs("open").OnElements("details")

	p.AllowAttrs("colspan", "rowspan").Matching(bluemonday.Integer).OnElements("th", "td")
	p.AllowAttrs("scope").Matching(regexp.MustCompile(`^(?i:row|col|rowgroup|colgroup)$`)).OnElements("th")
	p.AllowAttrs("align").Matching(bluemonday.CellAlign).OnElements("th", "td", "tr", "col", "colgroup")
	p.AllowAttrs("span").Matching(bluemonday.Integer).OnElements("col", "colgroup")
	// goldmark's GFM tables align cells with style="text-align:..." in HTML5 mode.
	p.AllowStyles("text-align").MatchingEnum("left", "right", "center", "justify").OnElements("th", "td")

	dim := bluemonday.NumberOrPercent
	p.AllowAttrs("src").Matching(imgSrcURL).OnElements("img")
	p.AllowAttrs("srcset").Matching(srcsetValue).OnElements("img", "source")
	mediaQuery := regexp.MustCompile(`^[\w\s(),:.%/+*-]*$`)
	p.AllowAttrs("sizes").Matching(mediaQuery).OnElements("img", "source")
	p.AllowAttrs("alt").Matching(bluemonday.Paragraph).OnElements("img")
	p.AllowAttrs("width", "height").Matching(dim).OnElements("img", "video", "source")
	p.AllowAttrs("loading").Matching(regexp.MustCompile(`^(?i:lazy|eager)$`)).OnElements("img")

	p.AllowAttrs("src").Matching(mediaURL).OnElements("audio", "video", "source", "track")
	p.AllowAttrs("poster").Matching(mediaURL).OnElements("video")
	p.AllowAttrs("controls").OnElements("audio", "video")
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^[a-zA-Z0-9.+/-]+(?:;[^<>]*)?$`)).OnElements("source")
	p.AllowAttrs("media").Matching(mediaQuery).OnElements("source")
	p.AllowAttrs("kind").Matching(regexp.MustCompile(`^(?i:subtitles|captions|descriptions|chapters|metadata)$`)).OnElements("track")
	p.AllowAttrs("srclang").Matching(regexp.MustCompile(`^[a-zA-Z]{2,8}(?:-[a-zA-Z0-9]{1,8})*$`)).OnElements("track")
	p.AllowAttrs("label").Matching(bluemonday.Paragraph).OnElements("track")
	p.AllowAttrs("default").OnElements("track")
	p.AllowNoAttrs().OnElements("audio", "video", "picture")

	// GFM task-list items: <input checked="" disabled="" type="checkbox">.
	// fixCheckboxes drops every other kind of input afterwards.
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^(?i:checkbox)$`)).OnElements("input")
	p.AllowAttrs("checked", "disabled").OnElements("input")
	return p
}

// SanitizeHTML applies the feed-safe policy (github.com/microcosm-cc/bluemonday): no script, style,
// iframe, object/embed, form elements, event-handler attributes (on*), javascript:/vbscript: URLs,
// data: URLs except on img src (data:image/* only); keeps headings, paragraphs, lists, links, figures/figcaption,
// img (src, srcset, alt, title, width, height, loading), picture/source, audio/video (controls, src, poster) with source/track,
// tables, pre/code (keep class="language-*" on code), blockquote, sup/sub (footnotes: keep id on li/sup, href="#fn..." links,
// class="footnote-ref" etc. as goldmark's footnote extension emits), heading ids, del/ins/s, task-list checkboxes
// (input type=checkbox disabled checked as goldmark GFM emits), details/summary, abbr, mark, kbd, hr, br.
//
// Characters that XML forbids are removed first (see CleanText). The only
// form control that survives is a checkbox, and it is always disabled.
// Comments are removed. URL attributes that fail the policy are dropped,
// not rewritten; an element left with no attributes that needs one (a
// link without href, an img without src) is unwrapped or removed.
func SanitizeHTML(s string) string {
	out := feedPolicy.Sanitize(CleanText(s))
	if n := strings.Count(out, "<input"); n > 0 &&
		n != strings.Count(out, taskDone)+strings.Count(out, taskTodo) {
		out = fixCheckboxes(out)
	}
	return out
}

// The checkboxes of GFM task lists exactly as goldmark writes them; when
// these are the only inputs, fixCheckboxes has nothing to do.
const (
	taskDone = `<input checked="" disabled="" type="checkbox">`
	taskTodo = `<input disabled="" type="checkbox">`
)

// fixCheckboxes removes every input element of s that is not a checkbox and
// makes sure each remaining checkbox is disabled. s is bluemonday output, so
// tags are already normalised.
func fixCheckboxes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return b.String() // io.EOF: reading from a string cannot fail otherwise
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			b.Write(z.Raw())
			continue
		}
		tok := z.Token()
		if tok.DataAtom != atom.Input {
			b.WriteString(tok.String())
			continue
		}
		checkbox, disabled := false, false
		for _, a := range tok.Attr {
			switch a.Key {
			case "type":
				checkbox = strings.EqualFold(a.Val, "checkbox")
			case "disabled":
				disabled = true
			}
		}
		if !checkbox {
			continue
		}
		if !disabled {
			tok.Attr = append(tok.Attr, html.Attribute{Key: "disabled"})
		}
		b.WriteString(tok.String())
	}
}

// bodyContext is the context element for fragment parsing.
var bodyContext = &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}

// ResolveHTML rewrites every URL attribute in the HTML fragment s against base (the article's own absolute
// permalink): href, src, srcset (every candidate URL, keeping descriptors), poster, cite, and (on object/embed if any survive) data.
// Handles root-relative (/x), document-relative (x, ./x), ../, #fragment (→ base + #fragment), ?query, and
// protocol-relative (//host/x → base's scheme). Absolute URLs are left as they are (normalised only as far as url.Parse/String does;
// prefer leaving the original text untouched when already absolute). mailto:/tel: left as is.
// It parses with golang.org/x/net/html (fragment parsing in a <body> context) and renders the tree back, which also
// repairs broken markup (stray </p>, </img>, misnesting) so the result is well-formed HTML. Text is run through CleanText.
// Must be deterministic (attribute order preserved).
//
// A value counts as absolute when it starts with a URL scheme ("https:",
// "mailto:", "data:"); it is then kept byte for byte. A relative value that
// net/url cannot parse is first repaired (stray "%" and spaces or controls
// are percent-encoded, "./" is put before a first segment holding a colon);
// if it still does not parse, the attribute is dropped, and a srcset
// candidate that does not parse is dropped from the list. An empty href or
// src resolves to base itself, as a browser would. The form attributes
// action and formaction and the legacy background and longdesc are resolved
// too. If base is nil or not absolute, URLs are left alone and only the
// markup is repaired and cleaned.
//
// Attributes keep their order, except on the formatting elements (a, b, em,
// i, strong, …), whose attributes x/net/html sorts by name while parsing;
// either way the output is deterministic.
//
// ResolveHTML does not sanitize: run SanitizeHTML first on untrusted input.
func ResolveHTML(s string, base *url.URL) string {
	// Clean before parsing too: the literal text of raw-text elements
	// (<xmp>, <noscript>) is rendered back unescaped, so removing a character
	// from it afterwards could turn "</xm\x01p>" into a real end tag.
	nodes, err := html.ParseFragment(strings.NewReader(CleanText(s)), bodyContext)
	if err != nil {
		// Reading from a strings.Reader never fails; keep a safe answer anyway.
		return html.EscapeString(PlainText(s))
	}
	if base != nil && !base.IsAbs() {
		base = nil
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for _, n := range nodes {
		fixNode(n, base)
		if err := html.Render(&b, n); err != nil {
			return html.EscapeString(PlainText(s))
		}
	}
	return b.String()
}

// fixNode cleans the text and attributes of n and its descendants and
// resolves their URL attributes against base (when base is not nil).
func fixNode(n *html.Node, base *url.URL) {
	switch n.Type {
	case html.TextNode, html.CommentNode:
		n.Data = CleanText(n.Data)
	case html.ElementNode:
		if CleanText(n.Data) != n.Data {
			// Only hand-written junk has such a name ("<a\x01>"); cleaning it
			// could turn it into a real element, so make it inert instead.
			n.Data, n.DataAtom = "span", atom.Span
		}
		attrs := n.Attr[:0]
		for _, a := range n.Attr {
			if CleanText(a.Key) != a.Key || CleanText(a.Namespace) != a.Namespace {
				continue // a name no XML serialiser can carry; no sane markup has it
			}
			a.Val = CleanText(a.Val)
			if base != nil {
				var ok bool
				if a.Val, ok = resolveAttr(n, a, base); !ok {
					continue
				}
			}
			attrs = append(attrs, a)
		}
		n.Attr = attrs
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		fixNode(c, base)
	}
}

// resolveAttr returns the value of attribute a of element n with its URLs
// resolved against base, and false when the attribute should be dropped.
func resolveAttr(n *html.Node, a html.Attribute, base *url.URL) (string, bool) {
	switch a.Key {
	case "href", "src", "poster", "cite", "action", "formaction", "background", "longdesc":
		return resolveURL(a.Val, base)
	case "data":
		if n.DataAtom == atom.Object || n.DataAtom == atom.Embed {
			return resolveURL(a.Val, base)
		}
	case "srcset":
		return resolveSrcset(a.Val, base)
	}
	return a.Val, true
}

// isHTMLSpace reports whether c is ASCII whitespace as HTML defines it.
func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// hasScheme reports whether s (already trimmed) starts with a URL scheme
// followed by a colon, as in RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return false
			}
		case c == ':':
			return i > 0
		default:
			return false
		}
	}
	return false
}

// resolveURL resolves one URL attribute value against base. Absolute
// values are returned untouched; relative ones that cannot be parsed even
// after repair give false.
func resolveURL(v string, base *url.URL) (string, bool) {
	t := strings.TrimFunc(v, func(r rune) bool { return r < 0x80 && isHTMLSpace(byte(r)) })
	if hasScheme(t) {
		return v, true
	}
	u, err := url.Parse(t)
	if err != nil {
		if u, err = url.Parse(repairRef(t)); err != nil {
			return "", false
		}
	}
	if u.Scheme != "" { // cannot happen after !hasScheme, but never emit a relative ref
		return v, true
	}
	return base.ResolveReference(u).String(), true
}

// repairRef percent-encodes what makes net/url reject a relative reference
// (control characters, spaces, a "%" not starting an escape) and protects a
// colon in the first path segment with "./".
func repairRef(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}':
			b.WriteString("%" + hexByte(c))
		case c == '%' && !(i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])):
			b.WriteString("%25")
		default:
			b.WriteByte(c)
		}
	}
	r := b.String()
	first := r
	if i := strings.IndexAny(r, "/?#"); i >= 0 {
		first = r[:i]
	}
	if strings.Contains(first, ":") {
		r = "./" + r
	}
	return r
}

// hexByte returns c as two uppercase hex digits.
func hexByte(c byte) string {
	const digits = "0123456789ABCDEF"
	return string([]byte{digits[c>>4], digits[c&0xf]})
}

// isHex reports whether c is a hexadecimal digit.
func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// resolveSrcset resolves every candidate URL of a srcset value, keeping its
// descriptors, and drops candidates whose URL cannot be resolved. It gives
// false when no candidate is left.
func resolveSrcset(v string, base *url.URL) (string, bool) {
	var b strings.Builder
	for _, c := range parseSrcset(v) {
		u, ok := resolveURL(c.url, base)
		if !ok || u == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(u)
		if c.desc != "" {
			b.WriteByte(' ')
			b.WriteString(c.desc)
		}
	}
	return b.String(), b.Len() > 0
}

// srcsetCandidate is one image candidate of a srcset attribute.
type srcsetCandidate struct {
	url  string
	desc string // descriptors, whitespace-collapsed; "" if none
}

// parseSrcset splits a srcset value into candidates following the HTML
// standard's algorithm: a URL is a run of non-whitespace (trailing commas
// end the candidate), and its descriptors run to the next comma outside
// parentheses.
func parseSrcset(s string) []srcsetCandidate {
	var out []srcsetCandidate
	i := 0
	for {
		for i < len(s) && (isHTMLSpace(s[i]) || s[i] == ',') {
			i++
		}
		if i >= len(s) {
			return out
		}
		start := i
		for i < len(s) && !isHTMLSpace(s[i]) {
			i++
		}
		u := s[start:i]
		if strings.HasSuffix(u, ",") {
			out = append(out, srcsetCandidate{url: strings.TrimRight(u, ",")})
			continue
		}
		start = i
		depth := 0
	desc:
		for ; i < len(s); i++ {
			switch s[i] {
			case '(':
				depth++
			case ')':
				if depth > 0 {
					depth--
				}
			case ',':
				if depth == 0 {
					break desc
				}
			}
		}
		out = append(out, srcsetCandidate{url: u, desc: strings.Join(strings.Fields(s[start:i]), " ")})
	}
}
