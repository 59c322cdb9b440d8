package feed

// The feed checker. It reads the bytes of a produced feed file on its own,
// with encoding/xml tokens and encoding/json values, never with the code
// that wrote them, and reports every rule of the team's feed-rules checklist
// that the file breaks. Rule names follow the W3C Feed Validation Service
// (validator.w3.org/feed/docs/error/NAME.html, .../warning/NAME.html) where
// it has one; errors and warnings are split the way it splits them.

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Problem is one broken feed rule.
type Problem struct {
	File    string // feed file name as given, e.g. "public/rss.xml"
	Item    string // item/entry id or 1-based "item 3" when no id; "" for feed-level
	Rule    string // short rule name, W3C-style where one exists, e.g. "MissingGuid"
	Message string
	Warning bool // W3C warnings are Warning=true; errors false
}

// String formats p as "FILE: ITEM: RULE: message", leaving out the item part
// when p is feed-level and putting "warning: " before the rule for warnings.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	b.WriteString(": ")
	if p.Item != "" {
		b.WriteString(p.Item)
		b.WriteString(": ")
	}
	if p.Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Rule)
	b.WriteString(": ")
	b.WriteString(p.Message)
	return b.String()
}

// Namespaces the checker knows.
const (
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsXML     = "http://www.w3.org/XML/1998/namespace"

	jsonFeedVersion = "https://jsonfeed.org/version/1.1"
)

// CheckRSS checks data as an RSS 2.0 feed published under the name file.
func CheckRSS(file string, data []byte) []Problem {
	c := newChecker(file, "", data)
	c.rss()
	return c.probs
}

// CheckAtom checks data as an Atom 1.0 feed published under the name file.
func CheckAtom(file string, data []byte) []Problem {
	c := newChecker(file, "", data)
	c.atom()
	return c.probs
}

// CheckJSONFeed checks data as a JSON Feed 1.1 published under the name file.
func CheckJSONFeed(file string, data []byte) []Problem {
	c := newChecker(file, "", data)
	c.jsonFeed()
	return c.probs
}

// CheckFeed dispatches on content sniffing (<rss, <feed, or JSON '{') and
// checks data with CheckRSS, CheckAtom or CheckJSONFeed. It does not compare
// the self link with the published URL; CheckFeedAt does.
func CheckFeed(file string, data []byte) []Problem {
	return CheckFeedAt(file, "", data)
}

// CheckFeedAt is CheckFeed plus one rule: the feed's self link (RSS
// atom:link rel="self", Atom link rel="self", JSON Feed feed_url) must equal
// publishedURL, the URL the file is served at [SelfDoesntMatchLocation].
// An empty publishedURL skips that comparison.
func CheckFeedAt(file, publishedURL string, data []byte) []Problem {
	c := newChecker(file, publishedURL, data)
	switch sniff(data) {
	case "rss":
		c.rss()
	case "atom":
		c.atom()
	case "json":
		c.jsonFeed()
	default:
		c.errorf("", "UnknownFormat", "not an RSS, Atom or JSON feed: no <rss>, <feed> or JSON object at the start")
	}
	return c.probs
}

// sniff names the format of data: "rss", "atom", "json" or "".
func sniff(data []byte) string {
	s := bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	s = bytes.TrimLeft(s, " \t\r\n")
	if len(s) > 0 && s[0] == '{' {
		return "json"
	}
	for {
		i := bytes.IndexByte(s, '<')
		if i < 0 || i+1 >= len(s) {
			return ""
		}
		s = s[i+1:]
		switch {
		case bytes.HasPrefix(s, []byte("!--")):
			end := bytes.Index(s, []byte("-->"))
			if end < 0 {
				return ""
			}
			s = s[end+3:]
			continue
		case s[0] == '?' || s[0] == '!':
			continue // XML declaration, processing instruction, DOCTYPE
		}
		end := 0
		for end < len(s) && !isSpaceOrTagEnd(s[end]) {
			end++
		}
		name := string(s[:end])
		if k := strings.LastIndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		switch name {
		case "rss":
			return "rss"
		case "feed":
			return "atom"
		}
		return ""
	}
}

func isSpaceOrTagEnd(b byte) bool {
	return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '>' || b == '/'
}

// checker collects the problems of one feed file.
type checker struct {
	file      string
	published string // "" skips the self-link comparison
	data      []byte
	lines     []int // byte offset of the start of each line
	probs     []Problem
}

func newChecker(file, published string, data []byte) *checker {
	c := &checker{file: file, published: published, data: data, lines: []int{0}}
	for i, b := range data {
		if b == '\n' {
			c.lines = append(c.lines, i+1)
		}
	}
	return c
}

func (c *checker) add(item, rule string, warn bool, format string, args ...any) {
	c.probs = append(c.probs, Problem{
		File:    c.file,
		Item:    item,
		Rule:    rule,
		Message: fmt.Sprintf(format, args...),
		Warning: warn,
	})
}

func (c *checker) errorf(item, rule, format string, args ...any) {
	c.add(item, rule, false, format, args...)
}

func (c *checker) warnf(item, rule, format string, args ...any) {
	c.add(item, rule, true, format, args...)
}

// lineAt returns the 1-based line of byte offset off.
func (c *checker) lineAt(off int) int {
	return sort.Search(len(c.lines), func(i int) bool { return c.lines[i] > off })
}

// lineSpan returns the raw bytes of the whole lines from the one holding
// offset from to the one holding offset to.
func (c *checker) lineSpan(from, to int) []byte {
	if from < 0 || to > len(c.data) || from > to {
		return nil
	}
	start := c.lines[c.lineAt(from)-1]
	end := len(c.data)
	if l := c.lineAt(to); l < len(c.lines) {
		end = c.lines[l]
	}
	return c.data[start:end]
}

// ---------------------------------------------------------------------------
// Characters

// xmlForbidden reports whether XML 1.0 forbids r in a document
// (Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]).
func xmlForbidden(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20:
		return true
	case r >= 0xD800 && r <= 0xDFFF:
		return true
	case r == 0xFFFE || r == 0xFFFF:
		return true
	}
	return r > 0x10FFFF
}

// badWarnRune reports whether r draws the validator's BadCharacters warning:
// a C1 control or U+FFFD.
func badWarnRune(r rune) bool {
	return (r >= 0x80 && r <= 0x9F) || r == utf8.RuneError
}

// scanRaw reports invalid UTF-8 and characters XML 1.0 forbids in the raw
// bytes [BadCharacters, error]. When it finds any, it returns a copy of data
// with each offending byte replaced by a space, so that the rest of the file
// can still be checked; otherwise it returns data itself.
func (c *checker) scanRaw(data []byte, xmlDoc bool) []byte {
	var out []byte
	reported := 0
	for i := 0; i < len(data); {
		b := data[i]
		if b >= 0x20 && b < 0x80 || b == '\t' || b == '\n' || b == '\r' {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		bad := ""
		switch {
		case r == utf8.RuneError && n == 1:
			bad = fmt.Sprintf("invalid UTF-8 byte 0x%02X", b)
		case xmlDoc && xmlForbidden(r):
			bad = fmt.Sprintf("character U+%04X is not allowed in XML 1.0", r)
		}
		if bad != "" {
			if reported < 10 {
				c.errorf("", "BadCharacters", "line %d: %s", c.lineAt(i), bad)
			}
			reported++
			if out == nil {
				out = bytes.Clone(data)
			}
			for k := i; k < i+n; k++ {
				out[k] = ' '
			}
		}
		i += n
	}
	if reported > 10 {
		c.errorf("", "BadCharacters", "%d more bad characters not listed", reported-10)
	}
	if out == nil {
		return data
	}
	return out
}

// textChars reports characters in decoded text s: XML-forbidden ones as
// errors (possible only in JSON, whose escapes can carry them) and C1
// controls or U+FFFD as warnings [BadCharacters].
func (c *checker) textChars(item, where, s string) {
	for _, r := range s {
		if xmlForbidden(r) {
			c.errorf(item, "BadCharacters", "%s contains U+%04X, which XML 1.0 forbids", where, r)
			return
		}
		if badWarnRune(r) {
			c.warnf(item, "BadCharacters", "%s contains bad character U+%04X", where, r)
			return
		}
	}
}

// ---------------------------------------------------------------------------
// XML tree

// xnode is one element of a parsed XML document.
type xnode struct {
	name   xml.Name
	attr   []xml.Attr
	kids   []*xnode
	text   string // the element's own character data, CDATA included
	start  int    // offset of '<' of the start tag
	inner  int    // offset just after the start tag
	endTag int    // offset of "</" of the end tag (== inner for <x/>)
	line   int
}

func (n *xnode) child(space, local string) *xnode {
	for _, k := range n.kids {
		if k.name.Space == space && k.name.Local == local {
			return k
		}
	}
	return nil
}

func (n *xnode) all(space, local string) []*xnode {
	var out []*xnode
	for _, k := range n.kids {
		if k.name.Space == space && k.name.Local == local {
			out = append(out, k)
		}
	}
	return out
}

func (n *xnode) attrVal(space, local string) (string, bool) {
	for _, a := range n.attr {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func (n *xnode) trimmed() string { return strings.TrimSpace(n.text) }

// qname renders n's name for messages, with "atom:" for Atom elements
// inside RSS.
func qname(n *xnode) string {
	switch n.name.Space {
	case nsAtom:
		return "atom:" + n.name.Local
	case nsContent:
		return "content:" + n.name.Local
	}
	return n.name.Local
}

// parseXML builds the element tree of the document, reporting
// well-formedness errors [NotWellFormed] and undeclared namespace prefixes
// [MissingNamespace]. It returns nil when there is no usable root.
func (c *checker) parseXML() *xnode {
	data := c.scanRaw(c.data, true)
	d := xml.NewDecoder(bytes.NewReader(data))
	var root *xnode
	var stack []*xnode
	var text []*strings.Builder
	scopes := []map[string]bool{{nsXML: true}}
	for {
		off := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				c.errorf("", "NotWellFormed", "line %d: %s", se.Line, se.Msg)
			} else {
				c.errorf("", "NotWellFormed", "line %d: %v", c.lineAt(off), err)
			}
			return nil // the tree is incomplete: checking it would only add noise
		}
		switch t := tok.(type) {
		case xml.StartElement:
			scope := make(map[string]bool, len(scopes[len(scopes)-1]))
			for k := range scopes[len(scopes)-1] {
				scope[k] = true
			}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					scope[a.Value] = true
				}
				// Namespaces in XML 1.0, section 3: the xml namespace is
				// bound to the prefix xml and to no other (encoding/xml
				// writes xmlns:_xml for an xml:lang field tagged by URL).
				if a.Name.Space == "xmlns" && (a.Value == nsXML) != (a.Name.Local == "xml") {
					c.errorf("", "NotWellFormed", "line %d: xmlns:%s=%q: the XML namespace belongs to the prefix xml alone", c.lineAt(off), a.Name.Local, a.Value)
				}
			}
			scopes = append(scopes, scope)
			n := &xnode{name: t.Name, attr: t.Attr, start: off, inner: int(d.InputOffset()), line: c.lineAt(off)}
			if t.Name.Space != "" && !scope[t.Name.Space] {
				c.errorf("", "MissingNamespace", "line %d: element %s:%s uses an undeclared namespace prefix", n.line, t.Name.Space, t.Name.Local)
			}
			for _, a := range t.Attr {
				if a.Name.Space != "" && a.Name.Space != "xmlns" && !scope[a.Name.Space] {
					c.errorf("", "MissingNamespace", "line %d: attribute %s:%s uses an undeclared namespace prefix", n.line, a.Name.Space, a.Name.Local)
				}
			}
			switch {
			case len(stack) > 0:
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			case root == nil:
				root = n
			default:
				c.errorf("", "NotWellFormed", "line %d: second root element <%s>", n.line, t.Name.Local)
				return root
			}
			stack = append(stack, n)
			text = append(text, new(strings.Builder))
		case xml.EndElement:
			n := stack[len(stack)-1]
			n.endTag = off
			n.text = text[len(text)-1].String()
			stack = stack[:len(stack)-1]
			text = text[:len(text)-1]
			scopes = scopes[:len(scopes)-1]
		case xml.CharData:
			if len(text) > 0 {
				text[len(text)-1].Write(t)
			} else {
				outside := []byte(t)
				if off == 0 {
					outside = bytes.TrimPrefix(outside, []byte("\uFEFF")) // byte order mark
				}
				if len(bytes.TrimSpace(outside)) > 0 {
					c.errorf("", "NotWellFormed", "line %d: text outside the root element", c.lineAt(off))
				}
			}
		}
	}
	if root == nil {
		c.errorf("", "NotWellFormed", "no root element")
	}
	return root
}

// walkChars reports BadCharacters warnings in the text and attributes of
// every element, attributing each to the item that itemOf names for it.
func (c *checker) walkChars(n *xnode, item string, itemOf func(*xnode) (string, bool)) {
	if id, ok := itemOf(n); ok {
		item = id
	}
	c.textChars(item, qname(n), n.text)
	for _, a := range n.attr {
		c.textChars(item, qname(n)+" attribute "+a.Name.Local, a.Value)
	}
	for _, k := range n.kids {
		c.walkChars(k, item, itemOf)
	}
}

// ---------------------------------------------------------------------------
// URLs, ids, e-mail, dates

// absHTTP reports whether s is an absolute http or https URL with a host.
func absHTTP(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	return (scheme == "http" || scheme == "https") && u.Host != ""
}

// The validator's tag: and urn: grammars (src/feedvalidator/validators.py,
// class rfc2396, in github.com/w3c/feedvalidator).
var (
	tagRE = regexp.MustCompile(`^tag:([a-z0-9\-\._]+?@)?[a-z0-9\.\-]+?,\d{4}(-\d{2}(-\d{2})?)?:[0-9a-zA-Z;/\?:@&=+$\.\-_!~*'\(\)%,]*(#[0-9a-zA-Z;/\?:@&=+$\.\-_!~*'\(\)%,]*)?$`)
	urnRE = regexp.MustCompile(`^[Uu][Rr][Nn]:[a-zA-Z0-9][a-zA-Z0-9-]{1,31}:([a-zA-Z0-9()+,\.:=@;$_!*'\-]|%[0-9A-Fa-f]{2})+$`)
)

// absID reports whether s is usable as a stable absolute id: an absolute
// http(s) URL, a tag: URI (RFC 4151) or a urn: URN.
func absID(s string) bool {
	switch {
	case strings.HasPrefix(s, "tag:"):
		return tagRE.MatchString(s)
	case strings.HasPrefix(strings.ToLower(s), "urn:"):
		return urnRE.MatchString(s)
	}
	return absHTTP(s)
}

// emailRE is the validator's addr-spec (validators.py, class addr_spec).
var emailRE = regexp.MustCompile(`(?i)^([A-Z0-9_\-\+\.\']+)@(([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([A-Z0-9\-]+\.)+))([A-Z0-9][-A-Z0-9]*)$`)

// contact checks an RSS e-mail field (author, managingEditor, webMaster),
// which must read "addr@example.com (Real Name)" [InvalidContact]; a bare
// address draws the validator's MissingRealName warning.
func (c *checker) contact(item string, n *xnode) {
	v := n.trimmed()
	addr, name := v, ""
	if strings.HasSuffix(v, ")") {
		if i := strings.IndexByte(v, '('); i >= 0 {
			addr, name = strings.TrimSpace(v[:i]), strings.TrimSpace(v[i+1:len(v)-1])
		}
	}
	switch {
	case !emailRE.MatchString(addr):
		c.errorf(item, "InvalidContact", "%s must be an e-mail address like \"name@example.com (Name)\", got %q", n.name.Local, v)
	case name == "":
		c.warnf(item, "MissingRealName", "%s %q should carry a name: \"%s (Name)\"", n.name.Local, v, addr)
	}
}

// rfc822RE is the validator's RFC 2822 date grammar with a 4-digit year
// (validators.py, class rfc822, rfc2822_re).
var rfc822RE = regexp.MustCompile(`^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d\d?) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d\d\d\d) (\d\d):(\d\d)(?::(\d\d))? ([+-]?\d\d[03]0|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)$`)

var rfc822Zones = map[string]int{
	"UT": 0, "GMT": 0, "Z": 0,
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}

var months = map[string]time.Month{
	"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6,
	"Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}

// parseRFC822 parses an RSS date such as "Sun, 10 Mar 2024 12:00:00 +0000"
// (time.RFC1123Z) or "Sun, 10 Mar 2024 12:00:00 GMT" (time.RFC1123).
func parseRFC822(s string) (time.Time, error) {
	m := rfc822RE.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, errors.New("not an RFC 822 date with a 4-digit year, like \"Mon, 02 Jan 2006 15:04:05 +0000\"")
	}
	day, _ := strconv.Atoi(m[2])
	year, _ := strconv.Atoi(m[4])
	hour, _ := strconv.Atoi(m[5])
	minute, _ := strconv.Atoi(m[6])
	sec := 0
	if m[7] != "" {
		sec, _ = strconv.Atoi(m[7])
	}
	var offset int
	if h, ok := rfc822Zones[m[8]]; ok {
		offset = h * 3600
	} else {
		z := strings.TrimLeft(m[8], "+-")
		zh, _ := strconv.Atoi(z[:2])
		zm, _ := strconv.Atoi(z[2:])
		offset = zh*3600 + zm*60
		if strings.HasPrefix(m[8], "-") {
			offset = -offset
		}
	}
	t := time.Date(year, months[m[3]], day, hour, minute, sec, 0, time.FixedZone("", offset))
	if t.Day() != day || t.Hour() != hour || t.Minute() != minute || t.Second() != sec {
		return time.Time{}, errors.New("no such date or time")
	}
	if m[1] != "" && t.Weekday().String()[:3] != m[1] {
		return time.Time{}, fmt.Errorf("day of week is %s, not %s", t.Weekday().String()[:3], m[1])
	}
	return t, nil
}

// rfc3339RE is the validator's RFC 3339 grammar (validators.py, class rfc3339).
var rfc3339RE = regexp.MustCompile(`^\d\d\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$`)

// parseRFC3339 parses an Atom or JSON Feed date.
func parseRFC3339(s string) (time.Time, error) {
	if !rfc3339RE.MatchString(s) {
		return time.Time{}, errors.New("not an RFC 3339 date-time like \"2006-01-02T15:04:05Z\"")
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, errors.New("no such date or time")
	}
	return t, nil
}

// ---------------------------------------------------------------------------
// HTML inside feeds

// htmlTags is the validator's list of HTML element names
// (validators.py, HTMLValidator.htmltags).
var htmlTags = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`a abbr acronym address applet area article aside
		audio b base basefont bdi bdo big blockquote body br button canvas caption
		center cite code col colgroup command data datagrid datalist dd del details
		dfn dialog dir div dl dt em eventsource fieldset figcaption figure font
		footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i
		iframe img input ins isindex kbd label legend li link m main mark map menu
		meta meter nav noframes noscript object ol optgroup option output p param
		picture pre progress q rp rt ruby s samp script section select slot small
		source span strike strong style sub summary sup table tbody td template
		textarea tfoot th thead time title tr track tt u ul var xmp plaintext embed
		comment listing video wbr`) {
		htmlTags[t] = true
	}
}

var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true,
	"source": true, "track": true, "wbr": true,
}

// validRef reports the length of the character reference at the start of s
// (which begins with '&'), or 0 when s starts with a bare ampersand: one
// that opens no decimal, hex or known named reference ended by ';'.
func validRef(s string) int {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 40 {
		return 0
	}
	body := s[1:end]
	switch {
	case strings.HasPrefix(body, "#x") || strings.HasPrefix(body, "#X"):
		if len(body) > 2 && strings.Trim(body[2:], "0123456789abcdefABCDEF") == "" {
			return end + 1
		}
	case strings.HasPrefix(body, "#"):
		if len(body) > 1 && strings.Trim(body[1:], "0123456789") == "" {
			return end + 1
		}
	default:
		if isEntityName(body) {
			return end + 1
		}
	}
	return 0
}

// isEntityName reports whether "&name;" is a named character reference of
// HTML. html.UnescapeString also expands a legacy name that is only a prefix
// ("&eacutex;" becomes "éx;"), so the ';' must have been consumed.
func isEntityName(name string) bool {
	ref := "&" + name + ";"
	u := html.UnescapeString(ref)
	return u != ref && (!strings.HasSuffix(u, ";") || name == "semi")
}

// hasBareAmp reports whether raw HTML source s holds an '&' that starts no
// valid character reference.
func hasBareAmp(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '&' {
			continue
		}
		n := validRef(s[i:])
		if n == 0 {
			return true
		}
		i += n - 1
	}
	return false
}

// checkHTML checks the HTML held by a feed field (RSS description and
// content:encoded, Atom text of type html, JSON content_html):
//
//   - every href, src, poster and srcset URL is absolute [ContainsRelRef];
//   - NotHTML for an end tag that closes nothing: no element of that name
//     is open (a stray "</p>"), or the element is void ("</img>", "</br>").
//     An end tag that closes an open element, implicitly closing the ones
//     opened after it, is accepted, as the HTML parser recovers from it the
//     same way. Misnesting that the HTML5 tree builder repairs in other
//     ways ("<p><div></div></p>") is not caught;
//   - NotHTML for a bare '&' in text or attribute values, one that starts
//     no decimal, hex or known named character reference ended by ';'.
func (c *checker) checkHTML(item, where, s string) {
	z := html.NewTokenizer(strings.NewReader(s))
	var open []string
	bareAmp := false
	var stray []string
	inRaw := false // inside <script> or <style>
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := string(z.Raw())
		tok := z.Token()
		switch tt {
		case html.TextToken:
			if !inRaw && !bareAmp && hasBareAmp(raw) {
				bareAmp = true
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			if !bareAmp && hasBareAmp(raw) {
				bareAmp = true
			}
			c.htmlRefs(item, where, tok)
			if tt == html.StartTagToken && !voidElements[tok.Data] {
				open = append(open, tok.Data)
				inRaw = tok.Data == "script" || tok.Data == "style"
			}
		case html.EndTagToken:
			inRaw = false
			if voidElements[tok.Data] {
				stray = append(stray, "</"+tok.Data+">")
				break
			}
			i := len(open) - 1
			for i >= 0 && open[i] != tok.Data {
				i--
			}
			if i < 0 {
				stray = append(stray, "</"+tok.Data+">")
				break
			}
			open = open[:i]
		}
	}
	if len(stray) > 0 {
		c.warnf(item, "NotHTML", "%s is not valid HTML: stray end tag %s", where, strings.Join(stray, ", "))
	}
	if bareAmp {
		c.warnf(item, "NotHTML", "%s is not valid HTML: bare '&' (escape it as &amp;amp;)", where)
	}
}

// htmlRefs reports relative URLs in the attributes of one HTML tag.
func (c *checker) htmlRefs(item, where string, tok html.Token) {
	for _, a := range tok.Attr {
		var refs []string
		switch a.Key {
		case "href", "src", "poster":
			refs = []string{a.Val}
		case "srcset":
			for _, cand := range strings.Split(a.Val, ",") {
				if f := strings.Fields(cand); len(f) > 0 {
					refs = append(refs, f[0])
				}
			}
		}
		for _, r := range refs {
			if !absRef(strings.TrimSpace(r)) {
				c.warnf(item, "ContainsRelRef", "%s has a relative URL in <%s %s=%q>", where, tok.Data, a.Key, r)
			}
		}
	}
}

// absRef reports whether an HTML reference is absolute: it has a scheme,
// and a host when the scheme is http or https.
func absRef(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme == "http" || scheme == "https" {
		return u.Host != ""
	}
	return true
}

// Patterns of the validator's nonhtml class (validators.py).
var (
	htmlEndTagRE = regexp.MustCompile(`</(\w+)>`)
	htmlEntityRE = regexp.MustCompile(`&(#?\w+)`)
	charDataRE   = regexp.MustCompile(`&#[x0-9]|<[/a-zA-Z]`)
)

// nonHTML mirrors the W3C validator's check of RSS elements that must be
// plain text (titles, channel description, category, source, copyright,
// e-mail fields): class nonhtml in src/feedvalidator/validators.py of
// github.com/w3c/feedvalidator. In order, and only the first that applies:
//
//  1. the decoded text holds an end tag of an HTML element ("</b>")
//     [ContainsHTML];
//  2. it holds "&" followed by a known entity name or by "#", i.e. text that
//     reads as an entity reference once decoded [ContainsHTML];
//  3. (RSS 2.0) it holds "&#" plus a digit or x, or "<" plus a letter or "/"
//     [CharacterData].
//
// Rules 2 and 3 are skipped when any raw source line the element spans
// contains "&#x" (the validator's experimental RSS-Profile support: the
// dispatcher's rssCharData, set in src/feedvalidator/__init__.py). That is why
// a writer that emits "<" as &#x3C; draws no warning where &lt; draws
// CharacterData.
func (c *checker) nonHTML(item string, n *xnode, rss bool) {
	v := n.text
	for _, m := range htmlEndTagRE.FindAllStringSubmatch(v, -1) {
		if htmlTags[strings.ToLower(m[1])] {
			c.warnf(item, "ContainsHTML", "%s should not contain HTML: %s", qname(n), m[0])
			return
		}
	}
	hexLine := bytes.Contains(c.lineSpan(n.start, n.endTag), []byte("&#x"))
	if hexLine {
		return
	}
	for _, m := range htmlEntityRE.FindAllStringSubmatch(v, -1) {
		name := m[1]
		if name == "apos" || !isAlpha(name) || isEntityName(name) {
			c.warnf(item, "ContainsHTML", "%s should not contain HTML: &%s;", qname(n), name)
			return
		}
	}
	if rss {
		if m := charDataRE.FindString(v); m != "" {
			c.warnf(item, "CharacterData", "%s contains %q: encode \"<\" and \"&\" as hexadecimal character references (&#x3C; &#x26;) so readers show them literally", qname(n), m)
		}
	}
}

func isAlpha(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return s != ""
}

// plainText warns when s, a field that must be plain text (JSON Feed
// summary), holds an HTML end tag [ContainsHTML]: like the W3C validator's
// rule for RSS titles, only end tags count, since a plain-text sentence may
// well mention "<a" or "<b>".
func (c *checker) plainText(item, where, s string) {
	for _, m := range htmlEndTagRE.FindAllStringSubmatch(s, -1) {
		if htmlTags[strings.ToLower(m[1])] {
			c.warnf(item, "ContainsHTML", "%s should be plain text but contains HTML: %s", where, m[0])
			return
		}
	}
}

// ---------------------------------------------------------------------------
// Shared item bookkeeping

// idSet tracks item ids for the DuplicateID rule.
type idSet map[string]string

// itemLabel returns id when it is not blank, else "item N".
func itemLabel(id string, i int) string {
	if strings.TrimSpace(id) != "" {
		return strings.TrimSpace(id)
	}
	return "item " + strconv.Itoa(i+1)
}

func (c *checker) uniqueID(ids idSet, label, id string) {
	id = strings.TrimSpace(id)
	if id == "" {
		return
	}
	if first, dup := ids[id]; dup {
		c.errorf(label, "DuplicateID", "id %q is already used by %s", id, first)
		return
	}
	ids[id] = label
}

// newest tracks the newest item date for the UpdatedNotNewest rule.
type newest struct {
	t     time.Time
	label string
	ok    bool
}

func (nw *newest) see(t time.Time, label string) {
	if !nw.ok || t.After(nw.t) {
		nw.t, nw.label, nw.ok = t, label, true
	}
}

// feedDate compares the feed-level date with the newest item date.
func (c *checker) feedDate(field string, feed time.Time, nw newest) {
	if nw.ok && !feed.Equal(nw.t) {
		c.errorf("", "UpdatedNotNewest", "%s %s is not the newest item's date %s (%s)",
			field, feed.UTC().Format(time.RFC3339), nw.t.UTC().Format(time.RFC3339), nw.label)
	}
}

// selfMatches compares a self link with the published URL.
func (c *checker) selfMatches(field, href string) {
	if c.published != "" && href != c.published {
		c.warnf("", "SelfDoesntMatchLocation", "%s %q is not the URL the feed is published at, %q", field, href, c.published)
	}
}

// ---------------------------------------------------------------------------
// RSS 2.0

func (c *checker) rss() {
	root := c.parseXML()
	if root == nil {
		return
	}
	if root.name.Local != "rss" || root.name.Space != "" {
		c.errorf("", "InvalidVersion", "root element is <%s>, not <rss>", root.name.Local)
		return
	}
	if v, _ := root.attrVal("", "version"); v != "2.0" {
		c.errorf("", "InvalidVersion", "rss version is %q, not \"2.0\"", v)
	}
	ch := root.child("", "channel")
	if ch == nil {
		c.errorf("", "MissingField", "rss has no channel element")
		return
	}
	items := ch.all("", "item")
	labels := make(map[*xnode]string, len(items))
	for i, it := range items {
		id := ""
		if g := it.child("", "guid"); g != nil {
			id = g.text
		}
		labels[it] = itemLabel(id, i)
	}
	c.walkChars(root, "", func(n *xnode) (string, bool) {
		l, ok := labels[n]
		return l, ok
	})

	c.rssChannel(ch)

	ids := idSet{}
	var nw newest
	for _, it := range items {
		c.rssItem(labels[it], it, ids, &nw)
	}
	if lb := ch.child("", "lastBuildDate"); lb != nil {
		if t, err := parseRFC822(lb.trimmed()); err == nil {
			c.feedDate("lastBuildDate", t, nw)
		}
	}
}

func (c *checker) rssChannel(ch *xnode) {
	title := ch.child("", "title")
	link := ch.child("", "link")
	for _, f := range []struct {
		name string
		n    *xnode
	}{{"title", title}, {"link", link}, {"description", ch.child("", "description")}} {
		if f.n == nil || f.n.trimmed() == "" {
			c.errorf("", "MissingField", "channel has no %s", f.name)
		}
	}
	if link != nil && link.trimmed() != "" && !absHTTP(link.trimmed()) {
		c.errorf("", "RelativeURL", "channel link %q is not an absolute http(s) URL", link.trimmed())
	}
	for _, name := range []string{"title", "description", "copyright", "category"} {
		for _, n := range ch.all("", name) {
			c.nonHTML("", n, true)
		}
	}
	for _, n := range ch.all("", "category") {
		if n.trimmed() == "" {
			c.warnf("", "NotBlank", "channel category is empty")
		}
	}
	for _, name := range []string{"managingEditor", "webMaster"} {
		if n := ch.child("", name); n != nil {
			c.nonHTML("", n, true)
			c.contact("", n)
		}
	}
	for _, name := range []string{"pubDate", "lastBuildDate"} {
		if n := ch.child("", name); n != nil {
			if _, err := parseRFC822(n.trimmed()); err != nil {
				c.errorf("", "InvalidDate", "channel %s %q: %v", name, n.trimmed(), err)
			}
		}
	}
	if n := ch.child("", "docs"); n != nil && !absHTTP(n.trimmed()) {
		c.errorf("", "RelativeURL", "channel docs %q is not an absolute http(s) URL", n.trimmed())
	}

	// atom:link rel="self"
	var self *xnode
	for _, l := range ch.all(nsAtom, "link") {
		href, ok := l.attrVal("", "href")
		if !ok || href == "" {
			c.errorf("", "MissingAttribute", "atom:link has no href")
		} else if !absHTTP(href) {
			c.errorf("", "RelativeURL", "atom:link href %q is not an absolute http(s) URL", href)
		}
		if rel, _ := l.attrVal("", "rel"); rel == "self" && self == nil {
			self = l
		}
	}
	switch {
	case self == nil:
		c.warnf("", "MissingAtomSelfLink", "channel has no <atom:link rel=\"self\" type=\"application/rss+xml\" href=\"...\"/> (declare xmlns:atom=%q)", nsAtom)
	default:
		if typ, _ := self.attrVal("", "type"); typ != "application/rss+xml" {
			c.warnf("", "MissingAtomSelfLink", "atom:link rel=\"self\" has type %q, want \"application/rss+xml\"", typ)
		}
		href, _ := self.attrVal("", "href")
		c.selfMatches("atom:link rel=\"self\" href", href)
	}

	if img := ch.child("", "image"); img != nil {
		c.rssImage(img, title, link)
	}
	if n := ch.child("", "textInput"); n != nil {
		if l := n.child("", "link"); l != nil && !absHTTP(l.trimmed()) {
			c.errorf("", "RelativeURL", "textInput link %q is not an absolute http(s) URL", l.trimmed())
		}
	}
	if n := ch.child("", "cloud"); n != nil {
		for _, a := range []string{"domain", "port", "path", "registerProcedure", "protocol"} {
			if v, ok := n.attrVal("", a); !ok || v == "" {
				c.errorf("", "MissingAttribute", "cloud has no %s attribute", a)
			}
		}
		if p, ok := n.attrVal("", "port"); ok && p != "" {
			if v, err := strconv.Atoi(p); err != nil || v <= 0 {
				c.errorf("", "InvalidIntegerAttribute", "cloud port %q is not a positive integer", p)
			}
		}
		c.noText(n)
	}
	if n := ch.child("", "skipHours"); n != nil {
		c.noText(n)
		for _, h := range n.all("", "hour") {
			if v, err := strconv.Atoi(h.trimmed()); err != nil || v < 0 || v > 23 {
				c.errorf("", "InvalidHour", "skipHours hour %q is not an integer from 0 to 23", h.trimmed())
			}
		}
	}
	if n := ch.child("", "skipDays"); n != nil {
		c.noText(n)
		for _, d := range n.all("", "day") {
			switch d.trimmed() {
			case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday":
			default:
				c.errorf("", "InvalidDay", "skipDays day %q is not an English weekday name", d.trimmed())
			}
		}
	}
	if n := ch.child("", "ttl"); n != nil {
		if v, err := strconv.Atoi(n.trimmed()); err != nil || v <= 0 {
			c.errorf("", "InvalidInteger", "ttl %q is not a positive integer", n.trimmed())
		}
	}
}

// noText reports character data in an element that holds only attributes
// or child elements (cloud, skipHours, skipDays written as bare strings).
func (c *checker) noText(n *xnode) {
	if n.trimmed() != "" {
		c.errorf("", "UnexpectedText", "%s holds text %q; it takes only attributes or child elements", n.name.Local, n.trimmed())
	}
}

func (c *checker) rssImage(img, title, link *xnode) {
	for _, name := range []string{"url", "title", "link"} {
		if n := img.child("", name); n == nil || n.trimmed() == "" {
			c.errorf("", "MissingField", "image has no %s", name)
		}
	}
	if u := img.child("", "url"); u != nil && u.trimmed() != "" && !absHTTP(u.trimmed()) {
		c.errorf("", "RelativeURL", "image url %q is not an absolute http(s) URL", u.trimmed())
	}
	if t := img.child("", "title"); t != nil && title != nil && t.text != title.text {
		c.warnf("", "ImageTitleDoesntMatch", "image title %q differs from channel title %q", t.text, title.text)
	}
	if l := img.child("", "link"); l != nil && link != nil && l.trimmed() != link.trimmed() {
		c.warnf("", "ImageLinkDoesntMatch", "image link %q differs from channel link %q", l.trimmed(), link.trimmed())
	}
	for _, name := range []string{"width", "height"} {
		if n := img.child("", name); n != nil {
			if v, err := strconv.Atoi(n.trimmed()); err != nil || v <= 0 {
				c.errorf("", "InvalidInteger", "image %s %q is not a positive integer", name, n.trimmed())
			}
		}
	}
}

func (c *checker) rssItem(label string, it *xnode, ids idSet, nw *newest) {
	title := it.child("", "title")
	desc := it.child("", "description")
	if title == nil && desc == nil {
		c.errorf(label, "ItemMustContainTitleOrDescription", "item has neither title nor description")
	}
	if title != nil {
		c.nonHTML(label, title, true)
	}
	for _, n := range it.all("", "category") {
		c.nonHTML(label, n, true)
		if n.trimmed() == "" {
			c.warnf(label, "NotBlank", "category is empty")
		}
	}
	if l := it.child("", "link"); l != nil && !absHTTP(l.trimmed()) {
		c.errorf(label, "RelativeURL", "link %q is not an absolute http(s) URL", l.trimmed())
	}
	if l := it.child("", "comments"); l != nil && !absHTTP(l.trimmed()) {
		c.errorf(label, "RelativeURL", "comments %q is not an absolute http(s) URL", l.trimmed())
	}
	if a := it.child("", "author"); a != nil {
		c.nonHTML(label, a, true)
		c.contact(label, a)
	}

	// guid
	g := it.child("", "guid")
	if g == nil {
		c.warnf(label, "MissingGuid", "item has no guid")
	} else {
		id := g.trimmed()
		permalink := true
		if v, ok := g.attrVal("", "isPermaLink"); ok {
			if v != "true" && v != "false" {
				c.errorf(label, "InvalidBooleanAttribute", "guid isPermaLink is %q, not \"true\" or \"false\"", v)
			}
			permalink = v != "false"
		}
		switch {
		case id == "":
			c.errorf(label, "MissingField", "guid is empty")
		case permalink && (strings.HasPrefix(id, "tag:") || strings.HasPrefix(strings.ToLower(id), "urn:")):
			c.errorf(label, "InvalidPermalink", "guid %q is not a URL; add isPermaLink=\"false\"", id)
		case permalink && !absHTTP(id):
			c.errorf(label, "InvalidHttpGUID", "guid %q is not an absolute http(s) URL; add isPermaLink=\"false\" or use the permalink", id)
		case !permalink && !absID(id):
			c.warnf(label, "InvalidID", "guid %q is not an absolute URL, tag: or urn: id", id)
		}
		c.uniqueID(ids, label, id)
	}

	if p := it.child("", "pubDate"); p != nil {
		t, err := parseRFC822(p.trimmed())
		if err != nil {
			c.errorf(label, "InvalidDate", "pubDate %q: %v", p.trimmed(), err)
		} else {
			nw.see(t, label)
		}
	}
	if desc != nil {
		c.checkHTML(label, "description", desc.text)
	}
	if ce := it.child(nsContent, "encoded"); ce != nil {
		c.checkHTML(label, "content:encoded", ce.text)
	}
	for _, e := range it.all("", "enclosure") {
		c.rssEnclosure(label, e)
	}
	if s := it.child("", "source"); s != nil {
		c.nonHTML(label, s, true)
		if u, ok := s.attrVal("", "url"); !ok || u == "" {
			c.errorf(label, "MissingAttribute", "source has no url attribute")
		} else if !absHTTP(u) {
			c.errorf(label, "RelativeURL", "source url %q is not an absolute http(s) URL", u)
		}
	}
}

// mimeRE is the validator's media-type grammar (validators.py, mime_re).
var mimeRE = regexp.MustCompile(`^[^\s()<>,;:\\"/\[\]?=]+/[^\s()<>,;:\\"/\[\]?=]+(\s*;\s*[^\s()<>,;:\\"/\[\]?=]+=("(\\"|[^"])*"|[^\s()<>,;:\\"/\[\]?=]+))*$`)

func (c *checker) rssEnclosure(label string, e *xnode) {
	u, ok := e.attrVal("", "url")
	switch {
	case !ok || u == "":
		c.errorf(label, "MissingAttribute", "enclosure has no url attribute")
	case !absHTTP(u):
		c.errorf(label, "RelativeURL", "enclosure url %q is not an absolute http(s) URL", u)
	}
	if l, ok := e.attrVal("", "length"); !ok || l == "" {
		c.errorf(label, "MissingAttribute", "enclosure has no length attribute")
	} else if v, err := strconv.ParseInt(l, 10, 64); err != nil || v < 0 {
		c.errorf(label, "InvalidIntegerAttribute", "enclosure length %q is not a byte count", l)
	}
	if t, ok := e.attrVal("", "type"); !ok || t == "" {
		c.errorf(label, "MissingAttribute", "enclosure has no type attribute")
	} else if !mimeRE.MatchString(t) {
		c.errorf(label, "InvalidMIMEAttribute", "enclosure type %q is not a media type", t)
	}
}

// ---------------------------------------------------------------------------
// Atom 1.0

func (c *checker) atom() {
	root := c.parseXML()
	if root == nil {
		return
	}
	if root.name.Local != "feed" || root.name.Space != nsAtom {
		c.errorf("", "InvalidNamespace", "root element is {%s}%s, want <feed xmlns=%q>", root.name.Space, root.name.Local, nsAtom)
		return
	}
	entries := root.all(nsAtom, "entry")
	labels := make(map[*xnode]string, len(entries))
	for i, e := range entries {
		id := ""
		if n := e.child(nsAtom, "id"); n != nil {
			id = n.text
		}
		labels[e] = itemLabel(id, i)
	}
	c.walkChars(root, "", func(n *xnode) (string, bool) {
		l, ok := labels[n]
		return l, ok
	})

	if lang, ok := root.attrVal(nsXML, "lang"); !ok || strings.TrimSpace(lang) == "" {
		c.warnf("", "MissingLanguage", "feed has no xml:lang attribute")
	}
	id := root.child(nsAtom, "id")
	switch {
	case id == nil || id.trimmed() == "":
		c.errorf("", "MissingField", "feed has no id")
	case !absID(id.trimmed()):
		c.errorf("", "InvalidID", "feed id %q is not an absolute IRI (http(s) URL, tag: or urn:)", id.trimmed())
	}
	c.atomText("", root, "title", true)
	for _, name := range []string{"subtitle", "rights"} {
		c.atomText("", root, name, false)
	}
	var feedUpdated time.Time
	haveUpdated := false
	if t, ok := c.atomDate("", root, "updated", true); ok {
		feedUpdated, haveUpdated = t, true
	}
	feedAuthor := c.atomPersons("", root)
	c.atomLinks("", root, true, false)
	c.atomCategories("", root)
	for _, name := range []string{"icon", "logo"} {
		if n := root.child(nsAtom, name); n != nil && !absHTTP(n.trimmed()) {
			c.errorf("", "RelativeURL", "%s %q is not an absolute http(s) URL", name, n.trimmed())
		}
	}
	if g := root.child(nsAtom, "generator"); g != nil {
		if u, ok := g.attrVal("", "uri"); ok && !absHTTP(u) {
			c.errorf("", "RelativeURL", "generator uri %q is not an absolute http(s) URL", u)
		}
	}

	ids := idSet{}
	var nw newest
	updated := map[string]string{}
	for _, e := range entries {
		label := labels[e]
		c.atomEntry(label, e, feedAuthor, ids)
		if t, ok := c.atomDate(label, e, "updated", true); ok {
			nw.see(t, label)
			key := t.UTC().Format(time.RFC3339Nano)
			if first, dup := updated[key]; dup {
				c.warnf(label, "DuplicateUpdated", "updated %s is the same instant as in %s", key, first)
			} else {
				updated[key] = label
			}
		}
	}
	if haveUpdated {
		c.feedDate("feed updated", feedUpdated, nw)
	}
}

func (c *checker) atomEntry(label string, e *xnode, feedAuthor bool, ids idSet) {
	id := e.child(nsAtom, "id")
	switch {
	case id == nil || id.trimmed() == "":
		c.errorf(label, "MissingField", "entry has no id")
	case !absID(id.trimmed()):
		c.errorf(label, "InvalidID", "id %q is not an absolute IRI (http(s) URL, tag: or urn:)", id.trimmed())
	}
	if id != nil {
		c.uniqueID(ids, label, id.text)
	}
	c.atomText(label, e, "title", true)
	c.atomText(label, e, "summary", false)
	if _, ok := c.atomDate(label, e, "published", false); !ok && e.child(nsAtom, "published") == nil {
		c.warnf(label, "MissingField", "entry has no published date")
	}
	if !c.atomPersons(label, e) && !feedAuthor {
		c.errorf(label, "MissingAuthor", "entry has no author and the feed has none")
	}
	content := e.child(nsAtom, "content")
	c.atomLinks(label, e, false, content == nil)
	c.atomCategories(label, e)
	if content != nil {
		if _, out := content.attrVal("", "src"); out {
			if src, _ := content.attrVal("", "src"); !absHTTP(src) {
				c.errorf(label, "RelativeURL", "content src %q is not an absolute http(s) URL", src)
			}
		} else if typ, _ := content.attrVal("", "type"); typ != "html" {
			c.warnf(label, "ContentNotHTML", "content type is %q; feedgen writes full text as type=\"html\"", typ)
		}
		c.atomText(label, e, "content", false)
	}
}

// atomText checks a text construct (title, subtitle, rights, summary,
// content): present when required, HTML checked when type="html", and plain
// text free of HTML end tags otherwise [ContainsUndeclaredHTML].
func (c *checker) atomText(label string, parent *xnode, name string, required bool) {
	n := parent.child(nsAtom, name)
	if n == nil || (n.trimmed() == "" && len(n.kids) == 0) {
		if required {
			c.errorf(label, "MissingField", "%s has no %s", parent.name.Local, name)
		}
		return
	}
	if _, out := n.attrVal("", "src"); out {
		return
	}
	switch typ, _ := n.attrVal("", "type"); typ {
	case "html":
		c.checkHTML(label, name, n.text)
	case "", "text":
		for _, m := range htmlEndTagRE.FindAllStringSubmatch(n.text, -1) {
			if htmlTags[strings.ToLower(m[1])] {
				c.warnf(label, "ContainsUndeclaredHTML", "%s is type text but contains HTML %s; declare type=\"html\"", name, m[0])
				break
			}
		}
	}
}

// atomDate checks an RFC 3339 date element and returns its time.
func (c *checker) atomDate(label string, parent *xnode, name string, required bool) (time.Time, bool) {
	n := parent.child(nsAtom, name)
	if n == nil || n.trimmed() == "" {
		if required {
			c.errorf(label, "MissingField", "%s has no %s", parent.name.Local, name)
		}
		return time.Time{}, false
	}
	t, err := parseRFC3339(n.trimmed())
	if err != nil {
		c.errorf(label, "InvalidDate", "%s %q: %v", name, n.trimmed(), err)
		return time.Time{}, false
	}
	return t, true
}

// atomPersons checks author and contributor constructs and reports whether
// parent has at least one author.
func (c *checker) atomPersons(label string, parent *xnode) bool {
	authors := parent.all(nsAtom, "author")
	for _, p := range append(authors, parent.all(nsAtom, "contributor")...) {
		if n := p.child(nsAtom, "name"); n == nil || n.trimmed() == "" {
			c.errorf(label, "MissingField", "%s has no name", p.name.Local)
		}
		if u := p.child(nsAtom, "uri"); u != nil && !absHTTP(u.trimmed()) {
			c.errorf(label, "RelativeURL", "%s uri %q is not an absolute http(s) URL", p.name.Local, u.trimmed())
		}
		if m := p.child(nsAtom, "email"); m != nil && !emailRE.MatchString(m.trimmed()) {
			c.errorf(label, "InvalidContact", "%s email %q is not an e-mail address", p.name.Local, m.trimmed())
		}
	}
	return len(authors) > 0
}

// atomLinks checks the links of a feed or entry: absolute hrefs, the feed's
// self link [MissingSelf] and the alternate link [MissingAlternateLink],
// an error for an entry without content.
func (c *checker) atomLinks(label string, parent *xnode, feed, altRequired bool) {
	var self, alt bool
	for _, l := range parent.all(nsAtom, "link") {
		href, ok := l.attrVal("", "href")
		switch {
		case !ok || href == "":
			c.errorf(label, "MissingAttribute", "link has no href")
		case !absHTTP(href):
			c.errorf(label, "RelativeURL", "link href %q is not an absolute http(s) URL", href)
		}
		rel, ok := l.attrVal("", "rel")
		if !ok {
			rel = "alternate"
		}
		switch rel {
		case "alternate":
			alt = true
		case "self":
			if !feed || self {
				break
			}
			self = true
			if typ, _ := l.attrVal("", "type"); typ != "application/atom+xml" {
				c.warnf(label, "MissingSelf", "link rel=\"self\" has type %q, want \"application/atom+xml\"", typ)
			}
			c.selfMatches("link rel=\"self\" href", href)
		case "enclosure":
			if v, ok := l.attrVal("", "length"); ok {
				if n, err := strconv.ParseInt(v, 10, 64); err != nil || n < 0 {
					c.errorf(label, "InvalidIntegerAttribute", "enclosure link length %q is not a byte count", v)
				}
			}
		}
	}
	if feed && !self {
		c.warnf(label, "MissingSelf", "feed has no <link rel=\"self\" type=\"application/atom+xml\" href=\"...\"/>")
	}
	if !alt {
		if altRequired {
			c.errorf(label, "MissingAlternateLink", "%s has no link rel=\"alternate\" (required without content)", parent.name.Local)
		} else {
			c.warnf(label, "MissingAlternateLink", "%s has no link rel=\"alternate\"", parent.name.Local)
		}
	}
}

func (c *checker) atomCategories(label string, parent *xnode) {
	for _, n := range parent.all(nsAtom, "category") {
		if term, ok := n.attrVal("", "term"); !ok || strings.TrimSpace(term) == "" {
			c.errorf(label, "MissingAttribute", "category has no term attribute")
		}
		if n.trimmed() != "" {
			c.errorf(label, "UnexpectedText", "category holds text %q; the name belongs in term=\"...\"", n.trimmed())
		}
		if s, ok := n.attrVal("", "scheme"); ok && !absHTTP(s) {
			c.errorf(label, "RelativeURL", "category scheme %q is not an absolute http(s) URL", s)
		}
	}
}

// ---------------------------------------------------------------------------
// JSON Feed 1.1

func (c *checker) jsonFeed() {
	data := c.scanRaw(c.data, false)
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		c.errorf("", "NotWellFormed", "invalid JSON: %s", jsonErr(c, err))
		return
	}
	if _, err := d.Token(); err != io.EOF {
		c.errorf("", "NotWellFormed", "invalid JSON: data after the top-level value")
		return
	}
	top, ok := v.(map[string]any)
	if !ok {
		c.errorf("", "NotWellFormed", "top-level JSON value is not an object")
		return
	}
	c.jsonChars("", "", top)

	if ver, _ := top["version"].(string); ver != jsonFeedVersion {
		c.errorf("", "InvalidVersion", "version is %s, want %q", jsonShow(top["version"]), jsonFeedVersion)
	}
	if s, ok := c.jsonString("", top, "title"); !ok || strings.TrimSpace(s) == "" {
		c.errorf("", "MissingField", "feed has no title")
	}
	for _, key := range []string{"home_page_url", "feed_url"} {
		if _, ok := top[key]; !ok {
			c.warnf("", "MissingField", "feed has no %s", key)
		}
	}
	for _, key := range []string{"home_page_url", "feed_url", "next_url", "icon", "favicon"} {
		c.jsonURL("", top, key)
	}
	if s, ok := top["feed_url"].(string); ok {
		c.selfMatches("feed_url", s)
	}
	if s, ok := c.jsonString("", top, "description"); ok {
		c.plainText("", "description", s)
	}
	c.jsonAuthors("", top)

	raw, ok := top["items"]
	if !ok {
		c.errorf("", "MissingField", "feed has no items array (write \"items\": [] for an empty feed)")
		return
	}
	items, ok := raw.([]any)
	if !ok {
		c.errorf("", "InvalidType", "items is %s, not an array", jsonKind(raw))
		return
	}
	ids := idSet{}
	for i, x := range items {
		it, ok := x.(map[string]any)
		if !ok {
			c.errorf(itemLabel("", i), "InvalidType", "item is %s, not an object", jsonKind(x))
			continue
		}
		id, _ := it["id"].(string)
		c.jsonItem(itemLabel(id, i), it, ids)
	}
}

// jsonErr describes a JSON syntax error with its line.
func jsonErr(c *checker, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("line %d: %v", c.lineAt(int(se.Offset)), err)
	}
	if err == io.EOF {
		return "empty file"
	}
	return err.Error()
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

func jsonShow(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	if v == nil {
		return "missing"
	}
	return jsonKind(v)
}

// jsonChars walks every string (keys included) for BadCharacters.
func (c *checker) jsonChars(item, path string, v any) {
	switch x := v.(type) {
	case string:
		c.textChars(item, path, x)
	case []any:
		for i, e := range x {
			c.jsonChars(item, fmt.Sprintf("%s[%d]", path, i), e)
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := k
			if path != "" {
				p = path + "." + k
			}
			c.textChars(item, p+" key", k)
			if path == "" && k == "items" {
				if arr, ok := x[k].([]any); ok {
					for i, e := range arr {
						m, _ := e.(map[string]any)
						id, _ := m["id"].(string)
						c.jsonChars(itemLabel(id, i), fmt.Sprintf("items[%d]", i), e)
					}
					continue
				}
			}
			c.jsonChars(item, p, x[k])
		}
	}
}

// jsonString returns obj[key] when it is a string, reporting InvalidType
// when the key is present with another type.
func (c *checker) jsonString(item string, obj map[string]any, key string) (string, bool) {
	v, ok := obj[key]
	if !ok {
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		c.errorf(item, "InvalidType", "%s is %s, not a string", key, jsonKind(v))
	}
	return s, ok
}

// jsonURL checks that obj[key], when present, is an absolute http(s) URL.
func (c *checker) jsonURL(item string, obj map[string]any, key string) {
	s, ok := c.jsonString(item, obj, key)
	if ok && !absHTTP(s) {
		c.errorf(item, "RelativeURL", "%s %q is not an absolute http(s) URL", key, s)
	}
}

// jsonAuthors checks "authors" (and the deprecated "author") objects: each
// needs at least one of name, url, avatar, with absolute URLs.
func (c *checker) jsonAuthors(item string, obj map[string]any) {
	var list []any
	if raw, ok := obj["authors"]; ok {
		arr, ok := raw.([]any)
		if !ok {
			c.errorf(item, "InvalidType", "authors is %s, not an array", jsonKind(raw))
		}
		list = append(list, arr...)
	}
	if raw, ok := obj["author"]; ok {
		list = append(list, raw)
	}
	for _, a := range list {
		m, ok := a.(map[string]any)
		if !ok {
			c.errorf(item, "InvalidAuthor", "author is %s, not an object", jsonKind(a))
			continue
		}
		name, _ := m["name"].(string)
		_, hasURL := m["url"]
		_, hasAvatar := m["avatar"]
		if strings.TrimSpace(name) == "" && !hasURL && !hasAvatar {
			c.errorf(item, "InvalidAuthor", "author has none of name, url, avatar")
		}
		c.jsonURL(item, m, "url")
		c.jsonURL(item, m, "avatar")
	}
}

func (c *checker) jsonItem(label string, it map[string]any, ids idSet) {
	switch id, ok := it["id"]; {
	case !ok:
		c.errorf(label, "MissingField", "item has no id")
	default:
		s, isStr := id.(string)
		switch {
		case !isStr:
			c.errorf(label, "InvalidType", "id is %s, not a string", jsonKind(id))
		case strings.TrimSpace(s) == "":
			c.errorf(label, "MissingField", "id is empty")
		case !absID(s):
			c.warnf(label, "InvalidID", "id %q is not an absolute URL, tag: or urn: id", s)
		}
		if isStr {
			c.uniqueID(ids, label, s)
		}
	}
	htmlBody, hasHTML := c.jsonString(label, it, "content_html")
	_, hasText := c.jsonString(label, it, "content_text")
	if !hasHTML && !hasText {
		c.errorf(label, "MissingField", "item has neither content_html nor content_text")
	}
	if hasHTML {
		c.checkHTML(label, "content_html", htmlBody)
	}
	if s, ok := c.jsonString(label, it, "summary"); ok {
		c.plainText(label, "summary", s)
	}
	c.jsonString(label, it, "title")
	for _, key := range []string{"url", "external_url", "image", "banner_image"} {
		c.jsonURL(label, it, key)
	}
	if _, ok := it["banner_"]; ok {
		c.errorf(label, "MisspelledKey", "key \"banner_\" is not JSON Feed; the spec names it \"banner_image\"")
	}
	for _, key := range []string{"date_published", "date_modified"} {
		if s, ok := c.jsonString(label, it, key); ok {
			if _, err := parseRFC3339(s); err != nil {
				c.errorf(label, "InvalidDate", "%s %q: %v", key, s, err)
			}
		}
	}
	if raw, ok := it["tags"]; ok {
		arr, ok := raw.([]any)
		if !ok {
			c.errorf(label, "InvalidType", "tags is %s, not an array of strings", jsonKind(raw))
		}
		for _, t := range arr {
			if _, ok := t.(string); !ok {
				c.errorf(label, "InvalidType", "tag is %s, not a string", jsonKind(t))
			}
		}
	}
	c.jsonAuthors(label, it)
	if raw, ok := it["attachments"]; ok {
		arr, ok := raw.([]any)
		if !ok {
			c.errorf(label, "InvalidType", "attachments is %s, not an array", jsonKind(raw))
		}
		for _, a := range arr {
			c.jsonAttachment(label, a)
		}
	}
}

func (c *checker) jsonAttachment(label string, a any) {
	m, ok := a.(map[string]any)
	if !ok {
		c.errorf(label, "InvalidType", "attachment is %s, not an object", jsonKind(a))
		return
	}
	if _, ok := m["url"]; !ok {
		c.errorf(label, "MissingField", "attachment has no url")
	}
	c.jsonURL(label, m, "url")
	if _, present := m["mime_type"]; !present {
		c.errorf(label, "MissingField", "attachment has no mime_type")
	} else if s, ok := c.jsonString(label, m, "mime_type"); ok && !mimeRE.MatchString(s) {
		c.errorf(label, "InvalidMIMEAttribute", "attachment mime_type %q is not a media type", s)
	}
	if v, ok := m["size_in_bytes"]; ok {
		n, isNum := v.(json.Number)
		if _, err := strconv.ParseInt(string(n), 10, 64); !isNum || err != nil {
			c.errorf(label, "InvalidType", "attachment size_in_bytes is %s, not an integer", jsonShowNum(v))
		}
	}
	if v, ok := m["duration_in_seconds"]; ok {
		if _, isNum := v.(json.Number); !isNum {
			c.errorf(label, "InvalidType", "attachment duration_in_seconds is %s, not a number", jsonKind(v))
		}
	}
	if _, ok := m["size"]; ok {
		c.errorf(label, "MisspelledKey", "attachment key \"size\" is not JSON Feed; the spec names it \"size_in_bytes\"")
	}
}

func jsonShowNum(v any) string {
	if n, ok := v.(json.Number); ok {
		return string(n)
	}
	return jsonKind(v)
}
