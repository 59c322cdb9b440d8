package feed

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	toml "github.com/pelletier/go-toml/v2"
	"gopkg.in/yaml.v3"
)

// maxFrontMatter caps the size of a front-matter block.
const maxFrontMatter = 64 << 10

// frontMatter is a Markdown file split at its front matter. All line
// numbers are 1-based lines of the file.
type frontMatter struct {
	kind     byte   // 0 when there is no front matter, '-' for YAML, '+' for TOML
	text     []byte // the front matter between the fence lines
	textLine int    // line of text's first line
	body     []byte // everything after the closing fence line
	bodyLine int    // line of body's first line
}

// splitFrontMatter splits src (with LF line ends) at its front matter: a
// first line "---" (YAML, closed by "---" or "...") or "+++" (TOML, closed
// by "+++"); trailing blanks on fence lines are allowed.
func splitFrontMatter(path string, src []byte) (frontMatter, *Error) {
	first, rest, _ := bytes.Cut(src, []byte{'\n'})
	first = bytes.TrimRight(first, " \t")
	var kind byte
	switch string(first) {
	case "---":
		kind = '-'
	case "+++":
		kind = '+'
	default:
		return frontMatter{body: src, bodyLine: 1}, nil
	}
	line := 2
	for off := 0; off <= len(rest); line++ {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest) + 1
		if end >= 0 {
			end += off
			next = end + 1
		} else {
			end = len(rest)
		}
		l := bytes.TrimRight(rest[off:end], " \t")
		if string(l) == string([]byte{kind, kind, kind}) || (kind == '-' && string(l) == "...") {
			if off > maxFrontMatter {
				return frontMatter{}, errorf(path, 1, "front matter larger than 64 KiB")
			}
			fm := frontMatter{kind: kind, text: rest[:off], textLine: 2, bodyLine: line + 1}
			if next <= len(rest) {
				fm.body = rest[next:]
			}
			return fm, nil
		}
		off = next
	}
	return frontMatter{}, errorf(path, 1, "front matter not closed (no closing %s line)", first)
}

// fmKey describes a known front-matter key: the field it sets and its rank
// among the keys that set the same field (0 wins).
type fmKey struct {
	field string
	rank  int
}

// fmKeys maps the lower-cased front-matter keys feedgen reads to the field
// they set. Hugo matches keys without regard to case, and so does feedgen.
var fmKeys = map[string]fmKey{
	"title":            {"title", 0},
	"date":             {"date", 0},
	"updated":          {"updated", 0},
	"lastmod":          {"updated", 1},
	"last_modified_at": {"updated", 2},
	"modified":         {"updated", 3},
	"author":           {"author", 0},
	"authors":          {"authors", 0},
	"tags":             {"tags", 1},
	"tag":              {"tags", 0}, // Jekyll: the singular key wins
	"categories":       {"categories", 1},
	"category":         {"categories", 0},
	"taxonomies":       {"taxonomies", 0}, // Zola: taxonomies.tags, taxonomies.categories
	"summary":          {"summary", 0},
	"description":      {"summary", 1},
	"excerpt":          {"summary", 2},
	"draft":            {"draft", 0},
	"published":        {"published", 0}, // Jekyll: false means draft; Hugo: a date
	"id":               {"id", 0},
	"slug":             {"slug", 0},
	"url":              {"url", 0},
	"external_url":     {"external_url", 0},
	"link":             {"external_url", 1}, // link posts (Minimal Mistakes, So Simple themes)
	"image":            {"image", 0},
	"images":           {"image", 1}, // Hugo: the first one
	"enclosure":        {"enclosure", 0},
	"lang":             {"lang", 0},
	"language":         {"lang", 1},
	"publishdate":      {"publishdate", 0},
	"pubdate":          {"publishdate", 1},
	"expirydate":       {"expirydate", 0},
	"unpublishdate":    {"expirydate", 1},
}

// fmCommonKeys are front-matter keys of Hugo, Jekyll, Eleventy and Zola that
// feedgen ignores without suggesting a known key, however close they are.
var fmCommonKeys = map[string]bool{
	"layout": true, "weight": true, "type": true, "aliases": true, "toc": true, "math": true,
	"comments": true, "keywords": true, "permalink": true, "series": true, "sitemap": true,
	"menu": true, "menus": true, "linktitle": true, "headless": true, "cascade": true,
	"outputs": true, "markup": true, "build": true, "params": true, "resources": true,
	"redirect_from": true, "redirect_to": true, "hidden": true, "pinned": true, "sticky": true,
	"featured": true, "cover": true, "header": true, "excerpt_separator": true, "name": true,
	"render_with_liquid": true, "path": true, "extra": true, "template": true, "tagline": true,
	"subtitle": true, "permalinks": true, "eleventyexcludefromcollections": true, "tags_weight": true,
	"pagination": true, "page": true, "data": true, "time": true, "label": true,
}

// fmField is one top-level front-matter entry. TOML values are converted to
// yaml.Node trees so both formats share one decoder.
type fmField struct {
	key     string     // as written
	keyLine int        // file line of the key
	value   *yaml.Node // Line is a file line
}

// yamlFields decodes YAML front matter into its top-level fields, with file
// line numbers. The common simple forms take a fast path (fastYAMLFields),
// everything else yaml.v3.
func yamlFields(path string, text []byte, textLine int) ([]fmField, Diagnostics) {
	if !fastYAMLOff {
		if fields, ok := fastYAMLFields(text, textLine); ok {
			return fields, nil
		}
	}
	return yamlV3Fields(path, text, textLine)
}

// fastYAMLOff turns the fast path off, for tests and benchmarks.
var fastYAMLOff bool

// yamlV3Fields is yamlFields by yaml.v3.
func yamlV3Fields(path string, text []byte, textLine int) ([]fmField, Diagnostics) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, Diagnostics{yamlError(path, "YAML front matter", text, textLine, err)}
	}
	if len(doc.Content) == 0 {
		return nil, nil // empty front matter
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
			return nil, nil
		}
		return nil, Diagnostics{errorf(path, clampLine(root.Line, textLine, text), "front matter must be a mapping of keys to values (got %s)", describe(root))}
	}
	shift(root, textLine-1, textLine, textLine+bytes.Count(text, []byte{'\n'}))
	fields := make([]fmField, 0, len(root.Content)/2)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
			continue // complex keys and << merges are not ours
		}
		fields = append(fields, fmField{key: k.Value, keyLine: k.Line, value: root.Content[i+1]})
	}
	return fields, nil
}

// shift adds delta to the line of n and of the nodes under it (not through
// aliases), keeping every line within [lo, hi]: yaml.v3 also counts U+0085,
// U+2028 and U+2029 as line breaks.
func shift(n *yaml.Node, delta, lo, hi int) {
	n.Line = min(max(n.Line+delta, lo), hi)
	for _, c := range n.Content {
		shift(c, delta, lo, hi)
	}
}

// clampLine turns a line of the front-matter text into a file line.
func clampLine(line, textLine int, text []byte) int {
	return min(max(line+textLine-1, textLine), textLine+bytes.Count(text, []byte{'\n'}))
}

// yamlError positions a yaml.v3 syntax error in what (the text parsed, for
// messages: "YAML front matter", "YAML").
func yamlError(path, what string, text []byte, textLine int, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, after, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				line, msg = n, after
			}
		}
	}
	// yaml.v3 reports no line for problems on the first line, and the
	// 0-based line of the enclosing collection for parser (not scanner)
	// errors.
	if line == 0 || yamlParserErrors[msg] {
		line++
	}
	// A tab in the indentation is the usual cause of a confusing message.
	for i, l := range bytes.Split(text, []byte{'\n'}) {
		indent := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]
		if bytes.IndexByte(indent, '\t') >= 0 && len(indent) < len(l) && i+1 <= line {
			return errorf(path, textLine+i, "tab character in indentation; %s must be indented with spaces", what)
		}
	}
	return errorf(path, clampLine(line, textLine, text), "invalid %s: %s", what, msg)
}

// yamlParserErrors are the messages of yaml.v3's parser (as opposed to its
// scanner), whose line numbers count from 0.
var yamlParserErrors = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// tomlFields decodes TOML front matter into its top-level fields. Nested
// values carry the line of their top-level key.
func tomlFields(path string, text []byte, textLine int) ([]fmField, Diagnostics) {
	var m map[string]any
	if err := toml.Unmarshal(text, &m); err != nil {
		line := textLine - 1
		msg := strings.TrimPrefix(err.Error(), "toml: ")
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, _ := de.Position()
			line = clampLine(row, textLine, text)
		}
		return nil, Diagnostics{errorf(path, line, "invalid TOML front matter: %s", msg)}
	}
	lines := tomlKeyLines(text)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		li, lj := lines[keys[i]], lines[keys[j]]
		if li != lj {
			return li < lj
		}
		return keys[i] < keys[j]
	})
	fields := make([]fmField, 0, len(keys))
	for _, k := range keys {
		line := textLine - 1 // unknown: the opening +++
		if l, ok := lines[k]; ok {
			line = textLine + l - 1
		}
		fields = append(fields, fmField{key: k, keyLine: line, value: tomlNode(m[k], line)})
	}
	return fields, nil
}

// tomlNode converts a value decoded by go-toml into a yaml.Node.
func tomlNode(v any, line int) *yaml.Node {
	scalar := func(tag, s string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: s, Line: line}
	}
	switch v := v.(type) {
	case string:
		return scalar("!!str", v)
	case bool:
		return scalar("!!bool", strconv.FormatBool(v))
	case int64:
		return scalar("!!int", strconv.FormatInt(v, 10))
	case float64:
		return scalar("!!float", strconv.FormatFloat(v, 'g', -1, 64))
	case time.Time:
		return scalar("!!timestamp", v.Format(time.RFC3339Nano))
	case toml.LocalDate, toml.LocalDateTime:
		return scalar("!!timestamp", fmt.Sprint(v))
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
		for _, e := range v {
			n.Content = append(n.Content, tomlNode(e, line))
		}
		return n
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			n.Content = append(n.Content, scalar("!!str", k), tomlNode(v[k], line))
		}
		return n
	}
	return scalar("!!str", fmt.Sprint(v)) // toml.LocalTime
}

// tomlKeyLines finds the line (1-based in text) of each top-level key of a
// TOML document: "key = ...", "a.b = ..." (key a), "[key]" and "[[key]]".
// It is a scan, not a parser; it only serves messages.
func tomlKeyLines(text []byte) map[string]int {
	lines := make(map[string]int)
	top := true   // before the first table header
	var ml []byte // the open multi-line string delimiter, if any
	for i, l := range bytes.Split(text, []byte{'\n'}) {
		if ml != nil {
			if bytes.Count(l, ml)%2 == 1 {
				ml = nil
			}
			continue
		}
		t := bytes.TrimSpace(l)
		header := false
		if len(t) > 0 && t[0] == '[' {
			header = true
			top = false
			t = bytes.TrimLeft(t, "[ \t")
		}
		if top || header {
			if key, ok := tomlFirstKey(t, header); ok {
				if _, seen := lines[key]; !seen {
					lines[key] = i + 1
				}
			}
		}
		for _, d := range [][]byte{[]byte(`"""`), []byte(`'''`)} {
			if bytes.Count(l, d)%2 == 1 {
				ml = d
				break
			}
		}
	}
	return lines
}

// tomlFirstKey returns the first segment of the key that starts t, if t
// starts a key/value pair (or a table header when header is set).
func tomlFirstKey(t []byte, header bool) (string, bool) {
	var key string
	var rest []byte
	switch {
	case len(t) > 0 && (t[0] == '"' || t[0] == '\''):
		end := bytes.IndexByte(t[1:], t[0])
		if end < 0 {
			return "", false
		}
		key, rest = string(t[1:1+end]), t[2+end:]
		if t[0] == '"' {
			if uq, err := strconv.Unquote(string(t[:2+end])); err == nil {
				key = uq
			}
		}
	default:
		n := 0
		for n < len(t) && (t[n] == '_' || t[n] == '-' || t[n] >= '0' && t[n] <= '9' ||
			t[n] >= 'a' && t[n] <= 'z' || t[n] >= 'A' && t[n] <= 'Z') {
			n++
		}
		if n == 0 {
			return "", false
		}
		key, rest = string(t[:n]), t[n:]
	}
	rest = bytes.TrimLeft(rest, " \t")
	if len(rest) == 0 {
		return "", false
	}
	switch {
	case rest[0] == '.', header && rest[0] == ']', !header && rest[0] == '=':
		return key, true
	}
	return "", false
}

// describe names what a node holds, for "(got ...)" in messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		v := n.Value
		if len(v) > 60 {
			v = v[:57] + "..."
		}
		if n.Tag == "!!str" || n.Tag == "!!timestamp" {
			return strconv.Quote(v)
		}
		return v
	}
	return "an alias"
}

// resolve follows alias nodes.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 8; i++ {
		n = n.Alias
	}
	return n
}

// isNull reports whether n is an empty or null value.
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// fmDecoder fills an Article from front-matter fields.
type fmDecoder struct {
	path  string
	loc   *time.Location
	art   *Article
	diags Diagnostics
}

// typeErr records a wrong-type error for key at the line of value v (an
// unresolved node, so the line is where the value is written).
func (d *fmDecoder) typeErr(key string, v *yaml.Node, want string) {
	d.diags = append(d.diags, errorf(d.path, v.Line, "key %q: want %s (got %s)", key, want, describe(resolve(v))))
}

// str decodes a scalar as a cleaned, trimmed string.
func (d *fmDecoder) str(key string, v *yaml.Node) (string, bool) {
	r := resolve(v)
	if r.Kind != yaml.ScalarNode {
		d.typeErr(key, v, "a string")
		return "", false
	}
	return strings.TrimSpace(CleanText(r.Value)), true
}

// boolean decodes true/false (yes/no/on/off in any case, also quoted).
func (d *fmDecoder) boolean(key string, v *yaml.Node) (value, ok bool) {
	r := resolve(v)
	if r.Kind == yaml.ScalarNode && (r.Tag == "!!bool" || r.Tag == "!!str") {
		switch strings.ToLower(r.Value) {
		case "true", "yes", "on":
			return true, true
		case "false", "no", "off":
			return false, true
		}
	}
	d.typeErr(key, v, "a boolean")
	return false, false
}

// date decodes a date; bad dates are reported by the caller.
func (d *fmDecoder) date(v *yaml.Node) (time.Time, bool, error) {
	r := resolve(v)
	if r.Kind != yaml.ScalarNode || (r.Tag != "!!str" && r.Tag != "!!timestamp") {
		return time.Time{}, false, fmt.Errorf("want a date (got %s)", describe(r))
	}
	return ParseDate(strings.TrimSpace(r.Value), d.loc)
}

// dateField decodes a date-valued key; a bad date is an error.
func (d *fmDecoder) dateField(key string, v *yaml.Node) time.Time {
	t, _, err := d.date(v)
	if err != nil {
		d.diags = append(d.diags, errorf(d.path, v.Line, "key %q: %v", key, err))
	}
	return t
}

// webRef decodes a URL-valued key as a string and checks it with checkRef.
func (d *fmDecoder) webRef(key string, v *yaml.Node) string {
	s, _ := d.str(key, v)
	return d.checkRef(key, v, s)
}

// checkRef returns s, the value of key at node v, when it is empty, an
// http(s) URL or a relative reference. Any other scheme (javascript:, data:,
// file:) is an error, and checkRef returns "": such a value must never
// reach a feed as a link.
func (d *fmDecoder) checkRef(key string, v *yaml.Node, s string) string {
	if s == "" || webURL(&url.URL{}, s) { // any non-nil base admits relative references
		return s
	}
	if u, err := url.Parse(s); err == nil && strings.HasPrefix(s, "//") && u.Host != "" {
		return s // protocol-relative: the site's scheme
	}
	d.diags = append(d.diags, errorf(d.path, v.Line, "key %q: want an http(s) URL or a site-relative path (got %q)", key, s))
	return ""
}

// list decodes a list of strings. A single string is split at white space
// when split is set (Jekyll's tags and categories), else taken whole.
func (d *fmDecoder) list(key string, v *yaml.Node, split bool) []string {
	r := resolve(v)
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(CleanText(s)); s != "" {
			out = append(out, s)
		}
	}
	switch {
	case r.Kind == yaml.ScalarNode && r.Tag == "!!str":
		if split {
			for _, f := range strings.Fields(r.Value) {
				add(f)
			}
		} else {
			add(r.Value)
		}
		return out
	case r.Kind == yaml.SequenceNode:
		for _, e := range r.Content {
			re := resolve(e)
			if re.Kind != yaml.ScalarNode {
				d.typeErr(key, e, "a list of strings")
				return nil
			}
			if !isNull(re) {
				add(re.Value)
			}
		}
		return out
	}
	d.typeErr(key, v, "a list of strings")
	return nil
}

// person decodes an author: a name, or a mapping with name, email and url.
func (d *fmDecoder) person(key string, v *yaml.Node) (Person, bool) {
	r := resolve(v)
	var p Person
	switch r.Kind {
	case yaml.ScalarNode:
		if r.Tag == "!!str" {
			p.Name = strings.TrimSpace(CleanText(r.Value))
			return p, true
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(r.Content); i += 2 {
			var dst *string
			switch strings.ToLower(resolve(r.Content[i]).Value) {
			case "name":
				dst = &p.Name
			case "email":
				dst = &p.Email
			case "url", "uri":
				dst = &p.URL
			default:
				continue
			}
			val := r.Content[i+1]
			if isNull(resolve(val)) {
				continue
			}
			s, ok := d.str(key+"."+resolve(r.Content[i]).Value, val)
			if !ok {
				return Person{}, false
			}
			*dst = s
		}
		return p, true
	}
	d.typeErr(key, v, "a name or a mapping with name, email and url")
	return Person{}, false
}

// image decodes an image: a URL, a mapping with path, src or url, or (for
// Hugo's images) a list whose first element is one of those.
func (d *fmDecoder) image(key string, v *yaml.Node) string {
	r := resolve(v)
	switch r.Kind {
	case yaml.ScalarNode:
		if r.Tag == "!!str" {
			return strings.TrimSpace(CleanText(r.Value))
		}
	case yaml.MappingNode:
		for _, name := range []string{"path", "src", "url"} {
			for i := 0; i+1 < len(r.Content); i += 2 {
				if strings.EqualFold(resolve(r.Content[i]).Value, name) {
					s, _ := d.str(key+"."+name, r.Content[i+1])
					return s
				}
			}
		}
		return ""
	case yaml.SequenceNode:
		if len(r.Content) == 0 {
			return ""
		}
		if e := resolve(r.Content[0]); e.Kind != yaml.SequenceNode {
			return d.image(key, r.Content[0])
		}
	}
	d.typeErr(key, v, "an image URL or a mapping with path, src or url")
	return ""
}

// enclosure decodes {url, type, length}; length is optional.
func (d *fmDecoder) enclosure(key string, v *yaml.Node) *Enclosure {
	r := resolve(v)
	if r.Kind != yaml.MappingNode {
		d.typeErr(key, v, "a mapping with url, type and length")
		return nil
	}
	var e Enclosure
	for i := 0; i+1 < len(r.Content); i += 2 {
		name := resolve(r.Content[i]).Value
		val := r.Content[i+1]
		if isNull(resolve(val)) {
			continue
		}
		var ok bool
		switch strings.ToLower(name) {
		case "url":
			if e.URL, ok = d.str(key+"."+name, val); !ok {
				return nil
			}
		case "type":
			if e.Type, ok = d.str(key+"."+name, val); !ok {
				return nil
			}
		case "length":
			rv := resolve(val)
			n, err := strconv.ParseInt(strings.TrimSpace(rv.Value), 10, 64)
			if rv.Kind != yaml.ScalarNode || err != nil || n < 0 || n == math.MaxInt64 {
				d.typeErr(key+"."+name, val, "a size in bytes")
				return nil
			}
			e.Length = n
		}
	}
	if e.URL == "" {
		d.diags = append(d.diags, errorf(d.path, v.Line, "key %q: missing url", key))
		return nil
	}
	if d.checkRef(key+".url", v, e.URL) == "" {
		return nil
	}
	return &e
}

// decode applies fields to d.art. It returns the raw date node when a date
// key is present, so the caller can fall back to the file name's date.
func (d *fmDecoder) decode(fields []fmField) (dateKey string, dateNode *yaml.Node) {
	type pick struct {
		fmField
		rank int
	}
	picked := make(map[string]pick, len(fields))
	seen := make(map[string]int, len(fields))
	for _, f := range fields {
		if first, dup := seen[f.key]; dup {
			d.diags = append(d.diags, errorf(d.path, f.keyLine, "duplicate key %q (first at line %d)", f.key, first))
			continue
		}
		seen[f.key] = f.keyLine
		lk := strings.ToLower(f.key)
		k, known := fmKeys[lk]
		if !known {
			if s := suggestKey(lk); s != "" {
				d.diags = append(d.diags, warnf(d.path, f.keyLine, "unknown key %q; did you mean %q?", f.key, s))
			}
			continue
		}
		if isNull(resolve(f.value)) {
			continue // "key:" with no value is no value
		}
		if p, ok := picked[k.field]; ok && p.rank <= k.rank {
			continue
		}
		picked[k.field] = pick{f, k.rank}
	}
	a := d.art
	if a.Line == nil {
		a.Line = make(map[string]int, len(picked))
	}
	// Fields in a fixed order so diagnostics come out stable.
	for _, field := range fmFieldOrder {
		p, ok := picked[field]
		if !ok {
			continue
		}
		key, v := p.key, p.value
		a.Line[field] = v.Line
		switch field {
		case "title":
			a.Title, _ = d.str(key, v)
		case "date":
			dateKey, dateNode = key, v
		case "updated":
			a.Updated = d.dateField(key, v)
		case "publishdate":
			a.PublishDate = d.dateField(key, v)
		case "expirydate":
			a.ExpiryDate = d.dateField(key, v)
		case "published":
			// Jekyll: published: false means draft. Hugo: published is a
			// publish date.
			r := resolve(v)
			if r.Kind == yaml.ScalarNode {
				switch strings.ToLower(r.Value) {
				case "false", "no", "off":
					a.Draft = true
					continue
				case "true", "yes", "on":
					continue
				}
				if t, _, err := d.date(v); err == nil {
					if _, ok := picked["publishdate"]; !ok {
						a.PublishDate = t
					}
					continue
				}
			}
			d.typeErr(key, v, "a boolean or a date")
		case "draft":
			if b, ok := d.boolean(key, v); ok && b {
				a.Draft = true
			}
		case "author":
			if p, ok := d.person(key, v); ok {
				a.Authors = addPerson(a.Authors, p)
			}
		case "authors":
			r := resolve(v)
			if r.Kind != yaml.SequenceNode {
				if p, ok := d.person(key, v); ok {
					a.Authors = addPerson(a.Authors, p)
				}
				break
			}
			for _, e := range r.Content {
				if isNull(resolve(e)) {
					continue
				}
				p, ok := d.person(key, e)
				if !ok {
					break
				}
				a.Authors = addPerson(a.Authors, p)
			}
		case "tags":
			a.Tags = d.list(key, v, p.rank > 0)
		case "categories":
			a.Categories = d.list(key, v, p.rank > 0)
		case "taxonomies":
			r := resolve(v)
			if r.Kind != yaml.MappingNode {
				d.typeErr(key, v, "a mapping of taxonomy names to lists")
				break
			}
			for i := 0; i+1 < len(r.Content); i += 2 {
				name := strings.ToLower(resolve(r.Content[i]).Value)
				switch {
				case name == "tags" && a.Tags == nil:
					a.Tags = d.list(key+".tags", r.Content[i+1], true)
				case name == "categories" && a.Categories == nil:
					a.Categories = d.list(key+".categories", r.Content[i+1], true)
				}
			}
		case "summary":
			a.Summary, _ = d.str(key, v)
		case "id":
			a.ID, _ = d.str(key, v)
		case "slug":
			a.Slug, _ = d.str(key, v)
		case "url":
			a.URL = d.webRef(key, v)
		case "external_url":
			a.ExternalURL = d.webRef(key, v)
		case "image":
			a.Image = d.checkRef(key, v, d.image(key, v))
		case "enclosure":
			a.Enclosure = d.enclosure(key, v)
		case "lang":
			a.Lang, _ = d.str(key, v)
		}
	}
	return dateKey, dateNode
}

// fmFieldOrder is the order in which decode applies fields.
var fmFieldOrder = []string{
	"title", "date", "updated", "publishdate", "expirydate", "published", "draft",
	"author", "authors", "tags", "categories", "taxonomies", "summary", "id", "slug",
	"url", "external_url", "image", "enclosure", "lang",
}

// addPerson appends p unless it is empty or already listed.
func addPerson(list []Person, p Person) []Person {
	if p == (Person{}) {
		return list
	}
	for _, q := range list {
		if q == p {
			return list
		}
	}
	return append(list, p)
}

// suggestKey returns the known key that the unknown, lower-cased key k is
// probably a typo of, or "". Keys shorter than 4 bytes and common keys of
// other site generators draw no suggestion. The allowed distance is 2 for
// known keys of 5 bytes or more and 1 for shorter ones, so "link" and "lang"
// or "page" and "date" are not confused.
func suggestKey(k string) string {
	if len(k) < 4 || len(k) > 40 || fmCommonKeys[k] {
		return ""
	}
	best, bestDist := "", 3
	for _, known := range fmKeyNames {
		limit := 2
		if len(known) < 5 {
			limit = 1
		}
		if dl := damerauLevenshtein(k, known, limit); dl <= limit && dl < bestDist {
			best, bestDist = known, dl
		}
	}
	return best
}

// fmKeyNames lists fmKeys in a fixed order, for suggestions.
var fmKeyNames = func() []string {
	names := make([]string, 0, len(fmKeys))
	for k := range fmKeys {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}()

// damerauLevenshtein returns the optimal-string-alignment distance between
// a and b (bytes), or limit+1 when it is certainly larger than limit.
func damerauLevenshtein(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	// Three rows of the dynamic-programming table.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
