package feed

import (
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// nodeDiff describes the first difference between the yaml.v3 node a and
// the fast path's b, or returns "". It compares every field of yaml.Node
// but the comments, which the fast path does not keep and nothing reads.
func nodeDiff(where string, a, b *yaml.Node) string {
	switch {
	case a == nil || b == nil:
		if a != b {
			return fmt.Sprintf("%s: yaml.v3 %v, fast %v", where, a, b)
		}
		return ""
	case a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value ||
		a.Anchor != b.Anchor || a.Alias != b.Alias || a.Line != b.Line || a.Column != b.Column ||
		len(a.Content) != len(b.Content) || (a.Content == nil) != (b.Content == nil):
		return fmt.Sprintf("%s:\n yaml.v3 %s\n fast    %s", where, nodeString(a), nodeString(b))
	}
	for i := range a.Content {
		if d := nodeDiff(fmt.Sprintf("%s[%d]", where, i), a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

func nodeString(n *yaml.Node) string {
	return fmt.Sprintf("{Kind %d Style %d Tag %s Value %q Anchor %q Alias %p Line %d Column %d Content %d nil %v}",
		n.Kind, n.Style, n.Tag, n.Value, n.Anchor, n.Alias, n.Line, n.Column, len(n.Content), n.Content == nil)
}

// fieldsDiff compares the fields of the yaml.v3 path with the fast path's.
func fieldsDiff(slow, fast []fmField) string {
	if len(slow) != len(fast) {
		return fmt.Sprintf("%d fields from yaml.v3, %d from the fast path", len(slow), len(fast))
	}
	for i := range slow {
		s, f := slow[i], fast[i]
		if s.key != f.key || s.keyLine != f.keyLine {
			return fmt.Sprintf("field %d: yaml.v3 %q at %d, fast %q at %d", i, s.key, s.keyLine, f.key, f.keyLine)
		}
		if d := nodeDiff(s.key, s.value, f.value); d != "" {
			return d
		}
	}
	return ""
}

// checkFastYAML fails t when the fast path accepts text and disagrees with
// yaml.v3, and reports whether it accepted.
func checkFastYAML(t *testing.T, text string, textLine int) bool {
	t.Helper()
	fast, ok := fastYAMLFields([]byte(text), textLine)
	if !ok {
		return false
	}
	slow, diags := yamlV3Fields("a.md", []byte(text), textLine)
	if len(diags) > 0 {
		t.Fatalf("fast path accepted %q, yaml.v3 failed: %v", text, diags)
	}
	if d := fieldsDiff(slow, fast); d != "" {
		t.Fatalf("%q: %s", text, d)
	}
	return true
}

// fastYAMLAccepted are inputs the fast path must take, and get right.
var fastYAMLAccepted = []string{
	"",
	"\n\n",
	"# only a comment\n\n  # indented\n",
	"title: Hello\n",
	"title: Hello",
	"title: Hello, world [1] {x} a]b & *c !d |e >f 'g' \"h\" %i @j `k`\n",
	"title:    spaced   out   \n",
	"title: C# and F# #tagged\n",
	"title: a # comment\n",
	"title: a   # comment\nx: 1 # c\n",
	"title: a\u00a0\n",
	"title: Kraków — 東京 😀\ndate: 2024-01-01\n",
	"title: https://example.org/a?b=c:d\n",
	"title: key:value\n",
	"title: <<\n",
	"Title: x\nTITLE: y\n",
	"a_b-c.d: x\n_x: y\n",
	"title:\n",
	"title:   \n",
	"title: # nothing\n",
	"title:\nother: x\n",
	"title: ~\nb: null\nc: Null\nd: NULL\ne: nULL\n",
	"a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE\ng: yes\nh: no\ni: on\nj: off\nk: y\nl: tRue\n",
	"a: 1\nb: 1x\nc: +1\nd: 012\ne: 09\nf: 0x1F\ng: 0o17\nh: 0b101\ni: 1_000\nj: 1.5\nk: 1e3\nl: 1.\nm: 9223372036854775808\nn: 18446744073709551616\no: .5\np: .inf\nq: +.inf\nr: .NaN\ns: .x\nt: 1.2.3\nu: 0b102\nv: 0o19\nw: +0x10\n",
	"a: 2024-01-01\nb: 2024-1-1\nc: 2024-01-01T10:00:00Z\nd: 2024-01-01T10:00:00+02:00\ne: 2024-01-01 10:00:00\nf: 2024-01-01t10:00:00z\ng: 2024-13-01\nh: 2024-01-01T10:00\ni: 2024-01-01 10:00:00 +0200\nj: 20240101\nk: 2024-02-30\n",
	"a: \"double\"\nb: 'single'\nc: \"\"\nd: ''\ne: 'it''s'\nf: \"say \\\"hi\\\"\"\ng: 'a\\b'\nh: \"a\\\\b\"\n",
	"a: \"\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\'\\N\\_\\L\\P\\x41\\u00e9\\U0001F600\"\n",
	"a: \"x\" # c\nb: 'y'   \n",
	"a: \"a: b # c\"\n",
	"tags: [a, b, \"c d\", 'e''f']\n",
	"tags: []\nb: [ ]\nc: [x]\nd: [ a , b ]\ne: [1, true, null, 2024-01-01, ~]\n",
	"authors: [Tomás O'Neill, a\"b, x!y]\n",
	"tags: [a, b] # comment\n",
	"tags:\n  - a\n  - b\n",
	"tags:\n- a\n- b\nnext: x\n",
	"tags:\n    - a   # c\n    - \"b\"\n    - 'c'\n    - 1\n",
	"tags:\n  - a\n\n  # comment\n  - b\n# top comment\nx: y\n",
	"tags:\n# comment\n  - a\n",
	"author:\n  name: X\n  email: y@z\n",
	"author:\n  name: X\n  email:\n  url: 'u'\nnext: 1\n",
	"taxonomies:\n  tags: [a, b]\n  categories:\n    - c\n    - d\n",
	"taxonomies:\n  tags:\n  - a\n  - b\n  categories: x\n",
	"a:\n  b:\n    c:\n      d: deep\n",
	"image:\n    path: /x.png\n    alt: \"X\"\nx: 1\n",
	"summary: >-\n  Weekly market library feed.\n  Cache energy power.\ndraft: true\n",
	"summary: >\n  one\n  two\n\n\nnext: x\n",
	"summary: |\n  one\n   two\n  three\n",
	"summary: |-\n    one\n    two\n",
	"summary: >-   \n  a  \n  b\n  \n",
	"summary: >-\n  # not a comment\n  a: b\n",
	"a:\n  s: >-\n     x\n     y\n  t: 1\n",
	"summary: >-\n  a\n# comment\nnext: x\n",
	"k: v\n\n\n\n",
	"a: x\n\n  # c\nb: y\n",
	"a:\n\n  - x\n\n",
	"a:\n  b: 1\n # c\nc: 2\n",
	"s: |\n  a\n  \n \nb: 1\n",
	"s: |\n  a\n\n",
	"s: |\n  a\n   b\n",
	"s: >-\n  é ü\n  ö\nb: 1\n",
	"a: '\"x\"'\nb: \"'y'\"\n",
	"t: [é, b, \"ü\", 'ö']\nu: \"é\" # c\nv:   \"x\"\nw: üx\n",
	"t:\n  -   \"x\"\n  -    y\n",
	"a: b  c  # x\nd: e #\n",
	"a: 1\n# c\n",
}

func TestFastYAMLAccepts(t *testing.T) {
	for _, in := range fastYAMLAccepted {
		for _, textLine := range []int{1, 2, 17} {
			if !checkFastYAML(t, in, textLine) {
				t.Errorf("fast path rejected %q", in)
				break
			}
		}
	}
	for _, in := range benchFrontMatters {
		if !checkFastYAML(t, in, 2) {
			t.Errorf("fast path rejected %q", in)
		}
	}
}

// fastYAMLRejected are inputs the fast path must leave to yaml.v3.
var fastYAMLRejected = []string{
	"a: &x 1\nb: *x\n",
	"a: !!str 1\n",
	"a: !x y\n",
	"a: {b: c}\n",
	"a: b\n  c\n",
	"a: \"b\n  c\"\n",
	"a: 'b\n  c'\n",
	"a: \"b\\\n  c\"\n",
	"a: |+\n  x\n",
	"a: |2\n  x\n",
	"a: > # c\n  x\n",
	"a: >\n\n  x\n",
	"a: >\n  x\n\n  y\n",
	"a: >\n  x\n   y\n",
	"a: >\n  x",
	"a: |\nb: 1\n",
	"a: >\n  x\n   \n",
	"a:\tb\n",
	"\ta: b\n",
	"a: b\r\n",
	"a: b\u0085c\n",
	"a: b\u2028c\n",
	"a: \ufeffb\n",
	"a: \xff\n",
	"a: \x01\n",
	"a: 1\na: 2\n",
	"a:\n  b: 1\n  b: 2\n",
	"---\na: 1\n",
	"a: 1\n---\nb: 2\n",
	"a: 1\n...\n",
	"%YAML 1.2\na: 1\n",
	"- a\n- b\n",
	"just text\n",
	"a: b: c\n",
	"a: b:\n",
	"a: - b\n",
	"a: ? b\n",
	"a: -1\n",
	"a: :b\n",
	"a: ,b\n",
	"a: #\n  b\n",
	"a: \"x\"y\n",
	"a: 'x'#c\n",
	"a: [b\n",
	"a: [b,\n  c]\n",
	"a: [b, [c]]\n",
	"a: [b: c]\n",
	"a: [b, ]\n",
	"a: [, b]\n",
	"a: [b #c]\n",
	"a: [b]x\n",
	"a: [b]#c\n",
	"a: \"\\/\"\n",
	"a: \"\\q\"\n",
	"a: \"\\ud800\"\n",
	"a: \"\\x4\"\n",
	" a: b\n",
	"a : b\n",
	"a:b\n",
	"\"a\": b\n",
	"1: b\n",
	"<<: {a: b}\n",
	"? a\n: b\n",
	"a:\n  - b\n  c: d\n",
	"a:\n  - b\n    c\n",
	"a:\n  -\n  - b\n",
	"a:\n  - [b]\n",
	"a:\n  - >\n    b\n",
	"a:\n  - b: c\n",
	"a:\n  - - b\n",
	"a:\n  b: 1\n c: 2\n",
	"a:\n  b\n",
	"a:\n  b: 1\n    c: 2\n",
	"a:\n  b:\n    c:\n      d:\n        e: 1\n",
	"a: b\n c: d\n",
	"a: b # c\n  d\n",
	strings.Repeat("k", 129) + ": v\n",
}

func TestFastYAMLRejects(t *testing.T) {
	for _, in := range fastYAMLRejected {
		if _, ok := fastYAMLFields([]byte(in), 2); ok {
			slow, diags := yamlV3Fields("a.md", []byte(in), 2)
			t.Errorf("fast path accepted %q (yaml.v3: %d fields, %v)", in, len(slow), diags)
		}
	}
}

// TestFastYAMLParseMarkdown checks that ParseMarkdown gives the same article
// and diagnostics with and without the fast path.
func TestFastYAMLParseMarkdown(t *testing.T) {
	inputs := append(append([]string{}, fastYAMLAccepted...), benchFrontMatters...)
	inputs = append(inputs,
		"title: x\ndate: 2024-01-01\ndraft: yes\ntags: a b c\ntag: one two\n",
		"title: [a]\ndate: nope\nauthor:\n  name: [x]\ntitel: typo\n",
		"title: x\ndate:\nenclosure:\n  url: /a.mp3\n  length: -1\n",
		"title: x\ndate: 2024-01-01\npublished: false\nimages: [/a.png]\n",
	)
	for _, fm := range inputs {
		src := []byte("---\n" + fm + "\n---\n\nBody.\n")
		a1, d1 := ParseMarkdown("2024-01-02-x.md", src, MarkdownOptions{})
		fastYAMLOff = true
		a2, d2 := ParseMarkdown("2024-01-02-x.md", src, MarkdownOptions{})
		fastYAMLOff = false
		if fmt.Sprintf("%+v %v", a1, d1) != fmt.Sprintf("%+v %v", a2, d2) {
			t.Errorf("%q:\nfast    %+v %v\nyaml.v3 %+v %v", fm, a1, d1, a2, d2)
		}
	}
}

// FuzzFastYAML: whatever the fast path accepts, yaml.v3 accepts too, with
// the same fields.
func FuzzFastYAML(f *testing.F) {
	for _, in := range fastYAMLAccepted {
		f.Add(in)
	}
	for _, in := range fastYAMLRejected {
		f.Add(in)
	}
	for _, in := range benchFrontMatters {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > maxFrontMatter {
			return
		}
		checkFastYAML(t, in, 2)
	})
}

// benchFrontMatters are front matters of the synthetic corpus
// (cmd/internal/corpus, seed 1), which this package cannot import.
var benchFrontMatters = []string{
	"title: Festival signed weekly review browser film\ndate: 2024-07-02T06:57:00Z\nupdated: 2025-06-10\ntags: [release]\ncategories: [Releases, News]\nauthors: [Marta Ruiz]\nsummary: >-\n  Weekly market library feed history the trade.\n  Cache energy power more memory campaign opened people by client review.\n",
	"title: \"Were coast health query memory report: Kraków\"\ndate: 2018-10-02\ntags:\n  - testing\n  - rss\n  - release\ncategories: [Reviews, Notes]\nauthors:\n  - Nguyễn Văn An\n  - Priya Raman\nsummary: \"Coast vote support season small, import film private village, village memory quiet under for festival phone author from late energy release.\"\n",
	"title: Late in\ndate: 2016-02-28T16:54:00+05:00\ntags: [rust, tutorial, go, rss]\ncategories: [News, Engineering]\nauthors:\n  - Lucas Martin\n",
	"title: \"Record reported forest screen\"\ndate: 2021-06-14T08:10:00Z\ntags:\n  - linux\n  - typography\n  - web\ncategories: [Releases]\nauthors:\n  - Lucas Martin\n",
	"title: Announced office system thread concert\ndate: 2018-03-18\ntags:\n  - markdown\n  - web\ncategories: [Reviews]\nauthors: [Marta Ruiz]\nsummary: \"Campaign before screen market said, ticket project minister storm film reform price late early winter robot signed season server.\"\n",
	"title: Harbor agreement less train vote\ndate: 2016-04-19T07:00:00-01:00\ntags: [i18n, yaml, go, python, design]\ncategories: [News, Releases]\nauthors: [Kenji Sato]\nsummary: \"Film growth for weekly travel, closed study result new flight light bus after screen city public committee minor release meeting reader.\"\n",
	"title: Result energy signal museum\ndate: 2017-03-14T03:43:00Z\ntags:\n  - rss\n  - release\n  - design\n  - linux\ncategories: [Engineering]\nauthors:\n  - Björn Halvorsen\n",
	"title: \"Feature partner had\"\ndate: 2018-06-04T12:09:00Z\ntags:\n  - release\n  - web\ncategories: [Releases]\nauthors: [Tomás O'Neill]\n",
	"title: City price would festival early & train\ndate: 2025-03-29T20:34:00Z\nupdated: 2026-03-25T10:34:00-10:00\ntags: [html, music, performance, go, linux]\ncategories: [Science]\nauthors: [Søren Kierkegaard Jr, Fatima Al-Sayed]\nsummary: >-\n  Film network bus book policy travel data finished device festival late, were camera says.\n  After light between, city approved query health concert, quiet daily rapid memory the garden.\n",
	"title: Late study agreement coast coach\ndate: 2027-09-22T05:27:00-08:00\nupdated: 2028-01-12T13:27:00Z\ntags:\n  - python\n  - web\ncategories: [Releases]\nauthors:\n  - Ines Müller\n",
	"title: \"Coach reader <T> in #go\"\ndate: 2022-10-19T19:51:00Z\ntags: [rss, release, go]\ncategories:\n  - Opinion\n  - Releases\nauthors: [Łukasz Nowak]\nsummary: >-\n  Morning device rapid the import season feature, history visited feature system parser after history reported people.\n  With finished finished election trade less, approved major release on raised old more official closed, new schema approved on recent power has.\n",
	"title: Daily to after expanded & health\ndate: 2015-07-30T18:45:00Z\ntags: [css, yaml, go, i18n]\ncategories: [Science]\nauthors:\n  - Ana Souza\n",
}

func BenchmarkYAMLFields(b *testing.B) {
	texts := make([][]byte, len(benchFrontMatters))
	for i, s := range benchFrontMatters {
		texts[i] = []byte(s)
	}
	b.Run("fast", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, ok := fastYAMLFields(texts[i%len(texts)], 2); !ok {
				b.Fatal("rejected")
			}
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			yamlV3Fields("a.md", texts[i%len(texts)], 2)
		}
	})
}

func BenchmarkParseMarkdown(b *testing.B) {
	srcs := make([][]byte, len(benchFrontMatters))
	names := make([]string, len(benchFrontMatters))
	for i, s := range benchFrontMatters {
		names[i] = fmt.Sprintf("posts/a%d.md", i)
		srcs[i] = []byte("---\n" + s + "---\n\n" + strings.Repeat("Some *Markdown* text with a [link](/x/).\n\n", 40))
	}
	for _, mode := range []struct {
		name string
		off  bool
	}{{"fast", false}, {"yaml.v3", true}} {
		b.Run(mode.name, func(b *testing.B) {
			fastYAMLOff = mode.off
			defer func() { fastYAMLOff = false }()
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if a, _ := ParseMarkdown(names[i%len(srcs)], srcs[i%len(srcs)], MarkdownOptions{}); a == nil {
					b.Fatal("no article")
				}
			}
		})
	}
}
