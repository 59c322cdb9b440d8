package feed

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fastYAMLFields decodes the common, simple forms of YAML front matter
// without yaml.v3: top-level "key: value" lines whose values are plain,
// single- or double-quoted scalars on one line, flow sequences of such
// scalars on one line ("[a, 'b', "c"]"), block sequences of them
// ("- a" lines), block scalars with simple content ("|", "|-", ">", ">-"),
// and block mappings of all these (a few levels deep); with blank lines,
// "# comments" and trailing comments.
//
// For every input it accepts (ok is true), the fields are those yamlFields
// gets from yaml.v3: nodes equal in Kind, Tag, Value, Style, Line, Column,
// Anchor, Alias and Content. Comments are not kept (HeadComment,
// LineComment and FootComment are empty): nothing reads them. For anything
// else, and whenever in doubt (anchors, aliases, tags, flow mappings,
// multi-line scalars, escapes it does not know, tabs, CRs, unusual
// characters, duplicate keys, document markers, ...), it returns ok false and
// the caller takes the yaml.v3 path, which also reports the errors.
// Equality is tested on a table of inputs and by FuzzFastYAML.
func fastYAMLFields(text []byte, textLine int) (fields []fmField, ok bool) {
	nl, commas, ok := fastYAMLCheck(text)
	if !ok {
		return nil, false
	}
	// Values are substrings of one copy of text: a few hundred bytes that
	// stay alive as long as any of them does.
	p := &fastYAML{src: string(text), line: textLine}
	// About a key and a value on most lines and an item per comma; more
	// nodes take more slabs.
	p.slab = make([]yaml.Node, 0, min(nl*3/2+commas+4, 256))
	p.startLine()
	fields = make([]fmField, 0, min(nl+1, 64))
	var seen map[string]bool // keys, once there are many
	for {
		ind, ok := p.nextContent()
		if !ok {
			break // end of text
		}
		if ind != 0 {
			return nil, false
		}
		key, value, ok := p.entry(0, 0)
		if !ok {
			return nil, false
		}
		if seen == nil && len(fields) >= 16 {
			seen = make(map[string]bool, 2*len(fields))
			for _, f := range fields {
				seen[f.key] = true
			}
		}
		if seen != nil {
			if seen[key.Value] {
				return nil, false
			}
			seen[key.Value] = true
		} else {
			for _, f := range fields {
				if f.key == key.Value {
					return nil, false // let the yaml.v3 path and the decoder report it
				}
			}
		}
		fields = append(fields, fmField{key: key.Value, keyLine: key.Line, value: value})
	}
	if len(fields) == 0 {
		return nil, true // only blank lines and comments: empty front matter
	}
	return fields, true
}

// fastYAMLCheck rejects characters the fast path leaves to yaml.v3: tabs,
// CRs and other control characters, invalid UTF-8, C1 controls (U+0085 is
// a YAML line break), U+2028, U+2029, the byte-order mark and non-characters
// yaml.v3 refuses. It returns the number of lines and of commas.
func fastYAMLCheck(text []byte) (lines, commas int, ok bool) {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				lines++
			case c == ',':
				commas++
			case c < ' ' || c == 0x7f:
				return 0, 0, false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && n == 1 || r < 0xa0 || r == 0x2028 || r == 0x2029 ||
			r == 0xfeff || r == 0xfffe || r == 0xffff {
			return 0, 0, false
		}
		i += n
	}
	return lines + 1, commas, true
}

// fastYAML is the state of fastYAMLFields: the text and the current line.
type fastYAML struct {
	src   string
	line  int    // file line of the current line
	start int    // offset of the current line in src
	end   int    // offset of its end (the '\n' or len(src))
	cur   string // src[start:end]
	slab  []yaml.Node
}

// startLine sets end and cur for the line at start.
func (p *fastYAML) startLine() {
	if i := strings.IndexByte(p.src[p.start:], '\n'); i >= 0 {
		p.end = p.start + i
	} else {
		p.end = len(p.src)
	}
	p.cur = p.src[p.start:p.end]
}

// advance moves to the next line; false at the end of the text.
func (p *fastYAML) advance() bool {
	if p.end >= len(p.src) {
		p.start, p.cur = len(p.src), ""
		return false
	}
	p.start = p.end + 1
	p.line++
	p.startLine()
	return true
}

// atEOF reports whether the current line is past the end of the text.
func (p *fastYAML) atEOF() bool { return p.start >= len(p.src) }

// nextContent skips blank lines and comment lines and returns the
// indentation of the current line, or false at the end of the text.
func (p *fastYAML) nextContent() (indent int, ok bool) {
	for !p.atEOF() {
		ind := indentOf(p.cur)
		if ind < len(p.cur) && p.cur[ind] != '#' {
			return ind, true
		}
		if !p.advance() {
			break
		}
	}
	return 0, false
}

// indentOf returns the number of leading spaces of s.
func indentOf(s string) int {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// node returns a new node from the slab.
func (p *fastYAML) node(kind yaml.Kind, tag, value string, style yaml.Style, off int) *yaml.Node {
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]yaml.Node, 0, 16)
	}
	p.slab = p.slab[:len(p.slab)+1]
	n := &p.slab[len(p.slab)-1]
	n.Kind, n.Tag, n.Value, n.Style = kind, tag, value, style
	n.Line, n.Column = p.line, p.column(off)
	return n
}

// column returns yaml.v3's (1-based, in characters) column of the offset
// off in the current line.
func (p *fastYAML) column(off int) int {
	s := p.cur[:off]
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return utf8.RuneCountInString(s) + 1
		}
	}
	return off + 1
}

// fastYAMLMaxDepth bounds the nesting of block mappings.
const fastYAMLMaxDepth = 4

// entry parses the "key: value" entry of a block mapping whose keys are at
// column indent, starting on the current line, and leaves the current line
// after it.
func (p *fastYAML) entry(indent, depth int) (key, value *yaml.Node, ok bool) {
	s := p.cur
	i := indent
	if i >= len(s) || !(s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] == '_') {
		return nil, nil, false
	}
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9' ||
		s[i] == '_' || s[i] == '-' || s[i] == '.') {
		i++
	}
	if i-indent > 128 || i >= len(s) || s[i] != ':' || i+1 < len(s) && s[i+1] != ' ' {
		return nil, nil, false
	}
	k := s[indent:i]
	key = p.node(yaml.ScalarNode, plainTag(k), k, 0, indent)
	colon := i
	i = colon + 1 + indentOf(s[colon+1:])
	if i < len(s) && s[i] != '#' {
		value, ok = p.inlineValue(i, indent, true)
		return key, value, ok
	}
	// No value on the key's line: a nested block or null.
	empty := p.node(yaml.ScalarNode, "!!null", "", 0, colon+1)
	if !p.advance() {
		return key, empty, true
	}
	ind, more := p.nextContent()
	switch {
	case !more || ind < indent:
		return key, empty, true
	case ind == indent:
		if !isBlockEntry(p.cur[ind:]) {
			return key, empty, true
		}
		value, ok = p.sequence(ind, true)
	case isBlockEntry(p.cur[ind:]):
		value, ok = p.sequence(ind, false)
	default:
		if depth+1 >= fastYAMLMaxDepth {
			return nil, nil, false
		}
		value, ok = p.mapping(ind, depth+1)
	}
	return key, value, ok
}

// isBlockEntry reports whether s starts with "- ".
func isBlockEntry(s string) bool {
	return len(s) >= 2 && s[0] == '-' && s[1] == ' '
}

// mapping parses a block mapping whose keys are at column indent.
func (p *fastYAML) mapping(indent, depth int) (*yaml.Node, bool) {
	m := p.node(yaml.MappingNode, "!!map", "", 0, indent)
	for {
		ind, more := p.nextContent()
		if !more || ind < indent {
			return m, true
		}
		if ind > indent {
			return nil, false
		}
		key, value, ok := p.entry(indent, depth)
		if !ok {
			return nil, false
		}
		for i := 0; i < len(m.Content); i += 2 {
			if m.Content[i].Value == key.Value {
				return nil, false
			}
		}
		m.Content = append(m.Content, key, value)
	}
}

// sequence parses a block sequence of scalars whose "- " entries are at
// column indent; indentless is set when that is the column of the keys of
// the enclosing mapping.
func (p *fastYAML) sequence(indent int, indentless bool) (*yaml.Node, bool) {
	seq := p.node(yaml.SequenceNode, "!!seq", "", 0, indent)
	for {
		ind, more := p.nextContent()
		if !more || ind < indent {
			return seq, true
		}
		if ind > indent {
			return nil, false
		}
		if !isBlockEntry(p.cur[ind:]) {
			if indentless {
				return seq, true
			}
			return nil, false
		}
		i := ind + 2 + indentOf(p.cur[ind+2:])
		if i >= len(p.cur) || p.cur[i] == '#' {
			return nil, false // an empty entry
		}
		item, ok := p.inlineValue(i, indent, false)
		if !ok {
			return nil, false
		}
		seq.Content = append(seq.Content, item)
	}
}

// inlineValue parses the value at offset i of the current line, a value of
// a mapping or sequence at column indent, and leaves the current line
// after it. Block scalars and flow sequences are only taken when
// mappingValue is set.
func (p *fastYAML) inlineValue(i, indent int, mappingValue bool) (*yaml.Node, bool) {
	s := p.cur
	var n *yaml.Node
	var ok bool
	switch c := s[i]; c {
	case '"', '\'':
		n, i, ok = p.quoted(i)
	case '[':
		if !mappingValue {
			return nil, false
		}
		n, i, ok = p.flowSequence(i)
	case '|', '>':
		if !mappingValue {
			return nil, false
		}
		return p.blockScalar(i, indent)
	default:
		n, i, ok = p.plain(i)
	}
	if !ok || !restIsComment(s[i:]) {
		return nil, false
	}
	p.advance()
	return n, true
}

// restIsComment reports whether s, the rest of a line after a value, is
// blank or white space and a comment.
func restIsComment(s string) bool {
	i := indentOf(s)
	return i == len(s) || i > 0 && s[i] == '#'
}

// plainIndicator reports whether c may not start a plain scalar taken by
// the fast path.
func plainIndicator(c byte) bool {
	return strings.IndexByte("-?:,[]{}#&*!|>'\"%@`", c) >= 0
}

// plain parses a plain scalar (block context) at offset i of the current
// line: up to " #" or the end of the line, without trailing spaces. It
// rejects ": " and a final ":" (a mapping).
func (p *fastYAML) plain(i int) (*yaml.Node, int, bool) {
	s := p.cur
	if plainIndicator(s[i]) {
		return nil, 0, false
	}
	end := len(s)
	if j := strings.Index(s[i:], " #"); j >= 0 {
		end = i + j
	}
	v := s[i:end]
	v = strings.TrimRight(v, " ")
	if strings.Contains(v, ": ") || v[len(v)-1] == ':' {
		return nil, 0, false
	}
	n := p.node(yaml.ScalarNode, plainTag(v), v, 0, i)
	return n, i + len(v), true
}

// flowSequence parses "[a, 'b', "c"]" on the current line at offset i.
func (p *fastYAML) flowSequence(i int) (*yaml.Node, int, bool) {
	s := p.cur
	seq := p.node(yaml.SequenceNode, "!!seq", "", yaml.FlowStyle, i)
	i++
	i += indentOf(s[i:])
	if i < len(s) && s[i] == ']' {
		return seq, i + 1, true
	}
	for {
		if i >= len(s) {
			return nil, 0, false
		}
		var item *yaml.Node
		var ok bool
		if c := s[i]; c == '"' || c == '\'' {
			item, i, ok = p.quoted(i)
		} else {
			item, i, ok = p.flowPlain(i)
		}
		if !ok {
			return nil, 0, false
		}
		seq.Content = append(seq.Content, item)
		i += indentOf(s[i:])
		if i >= len(s) {
			return nil, 0, false
		}
		switch s[i] {
		case ']':
			return seq, i + 1, true
		case ',':
			i++
			i += indentOf(s[i:])
		default:
			return nil, 0, false
		}
	}
}

// flowPlain parses a plain scalar in a flow sequence: up to "," or "]",
// without trailing spaces. It rejects the characters that could make it
// something else: ":", "#", "?" and brackets.
func (p *fastYAML) flowPlain(i int) (*yaml.Node, int, bool) {
	s := p.cur
	if plainIndicator(s[i]) {
		return nil, 0, false
	}
	j := i
	for j < len(s) && s[j] != ',' && s[j] != ']' {
		switch s[j] {
		case ':', '#', '?', '[', '{', '}':
			return nil, 0, false
		}
		j++
	}
	v := strings.TrimRight(s[i:j], " ")
	n := p.node(yaml.ScalarNode, plainTag(v), v, 0, i)
	return n, i + len(v), true
}

// quoted parses a single- or double-quoted scalar that ends on the current
// line, at offset i.
func (p *fastYAML) quoted(i int) (*yaml.Node, int, bool) {
	s := p.cur
	q := s[i]
	j := i + 1
	var buf []byte // nil while the value is a substring of s
	for {
		k := j
		for k < len(s) && s[k] != q && (q == '\'' || s[k] != '\\') {
			k++
		}
		switch {
		case k >= len(s):
			return nil, 0, false // multi-line
		case q == '\'' && k+1 < len(s) && s[k+1] == '\'':
			buf = append(buf, s[j:k+1]...) // '' is '
			j = k + 2
			continue
		case s[k] == '\\':
			buf = append(buf, s[j:k]...)
			var ok bool
			if buf, j, ok = unescapeYAML(buf, s, k); !ok {
				return nil, 0, false
			}
			continue
		}
		// The closing quote.
		v := s[i+1 : k]
		if buf != nil {
			v = string(append(buf, s[j:k]...))
		}
		style := yaml.DoubleQuotedStyle
		if q == '\'' {
			style = yaml.SingleQuotedStyle
		}
		return p.node(yaml.ScalarNode, "!!str", v, style, i), k + 1, true
	}
}

// unescapeYAML appends the value of the escape sequence at s[k] (a
// backslash) to buf as yaml.v3 does, and returns the offset after it.
// Escapes at the end of the line (line continuations) are rejected.
func unescapeYAML(buf []byte, s string, k int) ([]byte, int, bool) {
	if buf == nil {
		buf = make([]byte, 0, len(s)-k+16)
	}
	if k+1 >= len(s) {
		return nil, 0, false
	}
	digits := 0
	switch s[k+1] {
	case '0':
		buf = append(buf, 0)
	case 'a':
		buf = append(buf, '\a')
	case 'b':
		buf = append(buf, '\b')
	case 't':
		buf = append(buf, '\t')
	case 'n':
		buf = append(buf, '\n')
	case 'v':
		buf = append(buf, '\v')
	case 'f':
		buf = append(buf, '\f')
	case 'r':
		buf = append(buf, '\r')
	case 'e':
		buf = append(buf, 0x1b)
	case ' ', '"', '\'', '\\':
		buf = append(buf, s[k+1])
	case 'N':
		buf = append(buf, "\u0085"...)
	case '_':
		buf = append(buf, "\u00a0"...)
	case 'L':
		buf = append(buf, "\u2028"...)
	case 'P':
		buf = append(buf, "\u2029"...)
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		return nil, 0, false
	}
	k += 2
	if digits == 0 {
		return buf, k, true
	}
	if k+digits > len(s) {
		return nil, 0, false
	}
	v, err := strconv.ParseUint(s[k:k+digits], 16, 32)
	if err != nil || v >= 0xd800 && v <= 0xdfff || v > 0x10ffff {
		return nil, 0, false
	}
	return utf8.AppendRune(buf, rune(v)), k + digits, true
}

// blockScalar parses a block scalar ("|", "|-", ">" or ">-" and the end of
// the line) at offset i of the current line, the value of a key at column
// indent. Its lines must be indented alike (for "|", more is allowed) and
// not blank but for blank lines at the end.
func (p *fastYAML) blockScalar(i, indent int) (*yaml.Node, bool) {
	s := p.cur
	folded := s[i] == '>'
	j := i + 1
	strip := j < len(s) && s[j] == '-'
	if strip {
		j++
	}
	if indentOf(s[j:]) != len(s)-j {
		return nil, false // chomping "+", indentation indicators, comments
	}
	style, tag := yaml.LiteralStyle, "!!str"
	if folded {
		style = yaml.FoldedStyle
	}
	n := p.node(yaml.ScalarNode, tag, "", style, i)
	if !p.advance() {
		return nil, false
	}
	bi := indentOf(p.cur)
	if bi <= indent || bi == len(p.cur) {
		return nil, false // empty, or a blank first line
	}
	var b strings.Builder
	for lines := 0; ; lines++ {
		if p.end >= len(p.src) {
			return nil, false // no line break after the last line
		}
		if lines > 0 {
			if folded {
				b.WriteByte(' ')
			} else {
				b.WriteByte('\n')
			}
		}
		b.WriteString(p.cur[bi:])
		p.advance()
		// Blank lines may follow, but only before a less indented line
		// (or the end), and not with more spaces than the content has.
		k := 0
		for ; !p.atEOF() && indentOf(p.cur) == len(p.cur); k++ {
			if len(p.cur) > bi {
				return nil, false
			}
			p.advance()
		}
		ind := indentOf(p.cur)
		if p.atEOF() || ind < bi {
			break
		}
		if k > 0 || folded && ind > bi {
			return nil, false
		}
	}
	if !strip {
		b.WriteByte('\n')
	}
	n.Value = b.String()
	return n, true
}

// yamlStyleFloat is yaml.v3's pattern of YAML floats.
var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// plainTag returns the tag yaml.v3 resolves the plain scalar s to; it
// follows yaml.v3's resolve.
func plainTag(s string) string {
	if s == "" {
		return "!!null"
	}
	switch c := s[0]; {
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		return numberTag(s)
	case c == '.':
		switch s {
		case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF":
			return "!!float"
		}
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "!!float"
		}
		return "!!str"
	case c == '~' || c == 'n' || c == 'N' || c == 't' || c == 'T' || c == 'f' || c == 'F' || c == '<':
		switch s {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool"
		case "~", "null", "Null", "NULL":
			return "!!null"
		case "<<":
			return "!!merge"
		}
	}
	return "!!str"
}

// numberTag resolves a plain scalar starting with a sign or a digit.
func numberTag(s string) string {
	switch s {
	case "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	}
	if yamlTimestamp(s) {
		return "!!timestamp"
	}
	plain := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return "!!int"
	}
	if yamlStyleFloat.MatchString(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return "!!float"
		}
	}
	for _, b := range []struct {
		prefix string
		base   int
	}{{"0b", 2}, {"0o", 8}} {
		if digits, ok := strings.CutPrefix(plain, b.prefix); ok {
			if _, err := strconv.ParseInt(digits, b.base, 64); err == nil {
				return "!!int"
			}
			if _, err := strconv.ParseUint(digits, b.base, 64); err == nil {
				return "!!int"
			}
		} else if digits, ok := strings.CutPrefix(plain, "-"+b.prefix); ok {
			if _, err := strconv.ParseInt("-"+digits, b.base, 64); err == nil {
				return "!!int"
			}
		}
	}
	return "!!str"
}

// yamlTimestampFormats are the formats yaml.v3 reads timestamps in.
var yamlTimestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// yamlTimestamp reports whether yaml.v3 takes s for a timestamp.
func yamlTimestamp(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, f := range yamlTimestampFormats {
		if _, err := time.Parse(f, s); err == nil {
			return true
		}
	}
	return false
}
