package feed

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"
)

// maxTagLen caps how far a template tag may run before its closing
// delimiter; an opening delimiter without one that near is plain text.
const maxTagLen = 4 << 10

// siteURL holds the parts of MarkdownOptions.BaseURL that Jekyll's URL
// filters and site variables use.
type siteURL struct {
	origin string // "https://example.com", or "" without a base URL
	prefix string // base path without trailing slash: "/blog" or ""
}

// newSiteURL splits baseURL into origin and path prefix.
func newSiteURL(baseURL string) siteURL {
	u, err := url.Parse(strings.TrimSpace(baseURL))
	if err != nil || u.Scheme == "" || u.Host == "" {
		return siteURL{prefix: strings.TrimRight(baseURL, "/")}
	}
	return siteURL{origin: u.Scheme + "://" + u.Host, prefix: strings.TrimRight(u.EscapedPath(), "/")}
}

// relative implements Jekyll's relative_url: the path under the site's base
// path. Absolute URLs are returned unchanged.
func (s siteURL) relative(p string) string {
	if u, err := url.Parse(p); err == nil && u.Scheme != "" {
		return p
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return s.prefix + p
}

// absolute implements Jekyll's absolute_url.
func (s siteURL) absolute(p string) string {
	if u, err := url.Parse(p); err == nil && u.Scheme != "" {
		return p
	}
	return s.origin + s.relative(p)
}

// templateScanner rewrites the Liquid and Hugo template tags of a body.
type templateScanner struct {
	path  string
	src   []byte
	out   []byte // nil until the first change
	last  int    // src[last:] is not yet in out
	site  siteURL
	diags Diagnostics
}

// replace replaces src[i:j] with s in the output.
func (t *templateScanner) replace(i, j int, s string) {
	if t.out == nil {
		t.out = make([]byte, 0, len(t.src))
	}
	t.out = append(t.out, t.src[t.last:i]...)
	t.out = append(t.out, s...)
	t.last = j
}

// processTemplates handles the template tags in a Markdown body whose first
// line is line firstLine of the file:
//
//   - {% raw %} and {% endraw %} are removed, and the text between them is
//     left alone;
//   - {{ "/path" | relative_url }} and {{ '/path' | absolute_url }} become
//     the path under the base URL's path and the full URL;
//     {{ site.baseurl }} and {{ site.url }} become the base URL's path
//     and its scheme and host;
//   - Hugo's escaped shortcodes {{</* x */>}} and {{%/* x */%}} become
//     {{< x >}} and {{% x %}};
//   - every other {{ }}, {% %}, {{< >}} and {{% %}} is left as text with a
//     warning, except inside fenced code blocks and code spans, where it
//     is left as text silently.
//
// It returns body itself when nothing changes.
func processTemplates(path string, body []byte, firstLine int, baseURL string) ([]byte, Diagnostics) {
	if !bytes.Contains(body, []byte("{{")) && !bytes.Contains(body, []byte("{%")) {
		return body, nil
	}
	t := &templateScanner{path: path, src: body, site: newSiteURL(baseURL)}
	var (
		line      = firstLine
		lineStart = true
		fenceChar byte // '`' or '~' inside a fenced code block
		fenceLen  int
		span      int // backticks that close the open code span, 0 outside one
		rawLine   int // line of the open {% raw %}, 0 outside raw text
	)
	b := body
	for i := 0; i < len(b); {
		if lineStart {
			lineStart = false
			span = 0
			c, n, rest := fenceAt(b[i:])
			switch {
			case fenceChar == 0 && n >= 3 && (c == '~' || bytes.IndexByte(rest, '`') < 0):
				fenceChar, fenceLen = c, n
			case fenceChar != 0 && c == fenceChar && n >= fenceLen && len(bytes.TrimSpace(rest)) == 0:
				fenceChar = 0
			}
		}
		switch b[i] {
		case '\n':
			line++
			lineStart = true
			i++
			continue
		case '`':
			n := 1
			for i+n < len(b) && b[i+n] == '`' {
				n++
			}
			switch {
			case fenceChar != 0 || rawLine != 0:
			case span == 0 && closesSpan(b[i+n:], n):
				span = n
			case span == n:
				span = 0
			}
			i += n
			continue
		case '{':
		default:
			i++
			continue
		}
		if i+1 >= len(b) || (b[i+1] != '{' && b[i+1] != '%') {
			i++
			continue
		}
		code := fenceChar != 0 || span != 0
		end, inner, kind := tagAt(b[i:])
		if end < 0 {
			i += 2
			continue
		}
		j := i + end
		switch {
		case kind == '%' && inner == "endraw":
			rawLine = 0
			t.replace(i, j, "")
		case rawLine != 0:
			i += 2
			continue
		case kind == '%' && inner == "raw":
			rawLine = line
			t.replace(i, j, "")
		case kind == '<' || kind == '>':
			if s, ok := unescapeShortcode(b[i:j]); ok {
				t.replace(i, j, s)
			} else if code {
				i += 2
				continue
			} else {
				t.warn(line, b[i:j])
			}
		case code:
			i += 2
			continue
		case kind == '{':
			if s, ok := t.site.evaluate(inner); ok {
				t.replace(i, j, s)
			} else {
				t.warn(line, b[i:j])
			}
		default:
			t.warn(line, b[i:j])
		}
		line += bytes.Count(b[i:j], []byte{'\n'})
		i = j
	}
	if rawLine != 0 {
		t.diags = append(t.diags, warnf(path, rawLine, "{%% raw %%} is never closed by {%% endraw %%}"))
	}
	if t.out == nil {
		return body, t.diags
	}
	t.out = append(t.out, b[t.last:]...)
	return t.out, t.diags
}

// warn reports a template tag left as text.
func (t *templateScanner) warn(line int, tag []byte) {
	s := string(tag)
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	t.diags = append(t.diags, warnf(t.path, line, "template tag %s left as text (only the original site generator can evaluate it)", strconv.Quote(CleanText(s))))
}

// fenceAt reports the fence that the line b starts with: its character and
// length (n < 3 when there is none) and the rest of the line. Up to three
// spaces may precede it.
func fenceAt(b []byte) (c byte, n int, rest []byte) {
	i := 0
	for i < 3 && i < len(b) && b[i] == ' ' {
		i++
	}
	if i == len(b) || (b[i] != '`' && b[i] != '~') {
		return 0, 0, nil
	}
	c = b[i]
	for i+n < len(b) && b[i+n] == c {
		n++
	}
	rest = b[i+n:]
	if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	return c, n, rest
}

// closesSpan reports whether a run of exactly n backticks follows in the
// rest of the line b.
func closesSpan(b []byte, n int) bool {
	for i := 0; i < len(b) && b[i] != '\n'; {
		if b[i] != '`' {
			i++
			continue
		}
		m := 1
		for i+m < len(b) && b[i+m] == '`' {
			m++
		}
		if m == n {
			return true
		}
		i += m
	}
	return false
}

// tagAt parses the template tag at the start of b ("{{" or "{%"). It returns
// the tag's length (-1 when it is not closed within maxTagLen), its inner text
// with blanks and Liquid's "-" whitespace markers trimmed, and its kind: '%'
// for {% %}, '{' for {{ }}, '<' for {{< >}} and '>' for {{% %}}.
func tagAt(b []byte) (end int, inner string, kind byte) {
	var closer string
	start := 2
	switch {
	case bytes.HasPrefix(b, []byte("{{<")):
		closer, kind, start = ">}}", '<', 3
	case bytes.HasPrefix(b, []byte("{{%")):
		closer, kind, start = "%}}", '>', 3
	case bytes.HasPrefix(b, []byte("{{")):
		closer, kind = "}}", '{'
	default:
		closer, kind = "%}", '%'
	}
	limit := min(len(b), maxTagLen)
	k := bytes.Index(b[start:limit], []byte(closer))
	if k < 0 {
		return -1, "", 0
	}
	end = start + k + len(closer)
	s := strings.TrimSpace(string(b[start : start+k]))
	if kind == '%' || kind == '{' {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "-"), "-"))
	}
	return end, s, kind
}

// unescapeShortcode turns Hugo's escaped shortcode "{{</* x */>}}" (or the
// {{% %}} form) into the literal "{{< x >}}".
func unescapeShortcode(tag []byte) (string, bool) {
	open, close := tag[:3], tag[len(tag)-3:]
	inner := bytes.TrimSpace(tag[3 : len(tag)-3])
	if !bytes.HasPrefix(inner, []byte("/*")) || !bytes.HasSuffix(inner, []byte("*/")) || len(inner) < 4 {
		return "", false
	}
	return string(open) + string(inner[2:len(inner)-2]) + string(close), true
}

// evaluate returns the value of the Liquid output tag with inner text s when
// it is one feedgen can evaluate: a quoted string piped to relative_url or
// absolute_url, site.baseurl or site.url.
func (s siteURL) evaluate(inner string) (string, bool) {
	switch inner {
	case "site.baseurl":
		return s.prefix, true
	case "site.url":
		return s.origin, true
	}
	if len(inner) < 2 || (inner[0] != '"' && inner[0] != '\'') {
		return "", false
	}
	q := strings.IndexByte(inner[1:], inner[0])
	if q < 0 {
		return "", false
	}
	p := inner[1 : 1+q]
	filter, ok := strings.CutPrefix(strings.TrimSpace(inner[2+q:]), "|")
	if !ok {
		return "", false
	}
	switch strings.TrimSpace(filter) {
	case "relative_url":
		return s.relative(p), true
	case "absolute_url":
		return s.absolute(p), true
	}
	return "", false
}
