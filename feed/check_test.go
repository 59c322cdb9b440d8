package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readFixture returns a file from testdata/check.
func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "check", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkFuncs maps a format to its checker and its baseline fixture.
var checkFuncs = map[string]struct {
	check    func(string, []byte) []Problem
	fixture  string
	file     string
	selfLink string
}{
	"rss":  {CheckRSS, "valid.rss.xml", "public/rss.xml", "https://example.com/rss.xml"},
	"atom": {CheckAtom, "valid.atom.xml", "public/atom.xml", "https://example.com/atom.xml"},
	"json": {CheckJSONFeed, "valid.feed.json", "public/feed.json", "https://example.com/feed.json"},
}

func problemList(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("\n\t")
		b.WriteString(p.String())
	}
	if b.Len() == 0 {
		return " (none)"
	}
	return b.String()
}

func TestCheckValidBaselines(t *testing.T) {
	for _, format := range []string{"rss", "atom", "json"} {
		f := checkFuncs[format]
		data := []byte(readFixture(t, f.fixture))
		t.Run(format, func(t *testing.T) {
			if got := f.check(f.file, data); len(got) != 0 {
				t.Errorf("format checker: got problems:%s", problemList(got))
			}
			if got := CheckFeed(f.file, data); len(got) != 0 {
				t.Errorf("CheckFeed: got problems:%s", problemList(got))
			}
			if got := CheckFeedAt(f.file, f.selfLink, data); len(got) != 0 {
				t.Errorf("CheckFeedAt(%q): got problems:%s", f.selfLink, problemList(got))
			}
		})
	}
}

func TestCheckEmptyFeedsAreValid(t *testing.T) {
	tests := []struct {
		name, data string
	}{
		{"rss", `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Empty</title>
<link>https://example.com/</link>
<description>Nothing yet.</description>
<atom:link href="https://example.com/rss.xml" rel="self" type="application/rss+xml"/>
</channel>
</rss>
`},
		{"atom", `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<id>tag:example.com,2024:feed</id>
<title>Empty</title>
<updated>2024-03-10T12:00:00Z</updated>
<author><name>Ann</name></author>
<link rel="self" type="application/atom+xml" href="https://example.com/atom.xml"/>
<link rel="alternate" href="https://example.com/"/>
</feed>
`},
		{"json", `{"version": "https://jsonfeed.org/version/1.1", "title": "Empty",
"home_page_url": "https://example.com/", "feed_url": "https://example.com/feed.json", "items": []}
`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := CheckFeed("empty", []byte(tc.data)); len(got) != 0 {
				t.Errorf("got problems:%s", problemList(got))
			}
		})
	}
}

// ruleTest is one broken feed: the baseline of format with edits applied
// (old, new pairs, first occurrence each) or, when src is set, src itself.
type ruleTest struct {
	format  string
	name    string
	edits   []string
	src     string
	rule    string
	warning bool
}

var ruleTests = []ruleTest{
	// RSS 2.0
	{format: "rss", name: "not well-formed", edits: []string{"</channel>", ""}, rule: "NotWellFormed"},
	{format: "rss", name: "undefined entity", edits: []string{"<title>Second</title>", "<title>Second&nbsp;</title>"}, rule: "NotWellFormed"},
	{format: "rss", name: "C0 control in text", edits: []string{"<title>Second</title>", "<title>Sec\x01ond</title>"}, rule: "BadCharacters"},
	{format: "rss", name: "C0 control in CDATA", edits: []string{"<p>Hello", "<p>Hel\x01lo"}, rule: "BadCharacters"},
	{format: "rss", name: "U+FFFE in attribute", edits: []string{`length="1234"`, "length=\"12\uFFFE34\""}, rule: "BadCharacters"},
	{format: "rss", name: "invalid UTF-8", edits: []string{"<title>Second</title>", "<title>Sec\xffond</title>"}, rule: "BadCharacters"},
	{format: "rss", name: "C1 control", edits: []string{"<title>Second</title>", "<title>Sec\u0085ond</title>"}, rule: "BadCharacters", warning: true},
	{format: "rss", name: "C1 control by reference", edits: []string{"<title>Second</title>", "<title>Sec&#133;ond</title>"}, rule: "BadCharacters", warning: true},
	{format: "rss", name: "U+FFFD in CDATA", edits: []string{"<p>Hello", "<p>Hel\uFFFDlo"}, rule: "BadCharacters", warning: true},
	{format: "rss", name: "version", edits: []string{`version="2.0"`, `version="0.92"`}, rule: "InvalidVersion"},
	{format: "rss", name: "not rss", src: "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>", rule: "InvalidVersion"},
	{format: "rss", name: "no channel", edits: []string{"<channel>", "<chan>", "</channel>", "</chan>"}, rule: "MissingField"},
	{format: "rss", name: "no self link", edits: []string{`<atom:link href="https://example.com/rss.xml" rel="self" type="application/rss+xml"/>`, ""}, rule: "MissingAtomSelfLink", warning: true},
	{format: "rss", name: "self link type", edits: []string{`type="application/rss+xml"`, `type="text/xml"`}, rule: "MissingAtomSelfLink", warning: true},
	{format: "rss", name: "self link relative", edits: []string{`href="https://example.com/rss.xml"`, `href="/rss.xml"`}, rule: "RelativeURL"},
	{format: "rss", name: "atom namespace undeclared", edits: []string{` xmlns:atom="http://www.w3.org/2005/Atom"`, ""}, rule: "MissingNamespace"},
	{format: "rss", name: "channel title", edits: []string{"<title>Example Notes</title>", "<title></title>"}, rule: "MissingField"},
	{format: "rss", name: "channel link", edits: []string{"<link>https://example.com/</link>", ""}, rule: "MissingField"},
	{format: "rss", name: "channel description", edits: []string{"<description>Notes about feeds &amp; tools.</description>", ""}, rule: "MissingField"},
	{format: "rss", name: "channel link relative", edits: []string{"<link>https://example.com/</link>", "<link>/</link>"}, rule: "RelativeURL"},
	{format: "rss", name: "channel description HTML", edits: []string{"Notes about feeds &amp; tools.", "Notes about &lt;b&gt;feeds&lt;/b&gt;"}, rule: "ContainsHTML", warning: true},
	{format: "rss", name: "docs relative", edits: []string{"<docs>https://www.rssboard.org/rss-specification</docs>", "<docs>spec</docs>"}, rule: "RelativeURL"},
	{format: "rss", name: "ttl", edits: []string{"<ttl>60</ttl>", "<ttl>hourly</ttl>"}, rule: "InvalidInteger"},
	{format: "rss", name: "item author name only", edits: []string{"ann@example.com (Ann Author)", "Ann Author"}, rule: "InvalidContact"},
	{format: "rss", name: "item author no name", edits: []string{"ann@example.com (Ann Author)", "ann@example.com"}, rule: "MissingRealName", warning: true},
	{format: "rss", name: "managingEditor", edits: []string{"editor@example.com (Ed Itor)", " (Ed Itor)"}, rule: "InvalidContact"},
	{format: "rss", name: "webMaster", edits: []string{"web@example.com (Web Master)", "Web Master &lt;web@example&gt;"}, rule: "InvalidContact"},
	{format: "rss", name: "missing guid", edits: []string{"<guid>https://example.com/posts/less-than/</guid>", ""}, rule: "MissingGuid", warning: true},
	{format: "rss", name: "empty guid", edits: []string{"<guid>https://example.com/posts/less-than/</guid>", "<guid></guid>"}, rule: "MissingField"},
	{format: "rss", name: "guid not URL", edits: []string{`<guid isPermaLink="false">tag:example.com,2024-03-01:second</guid>`, "<guid>second-post</guid>"}, rule: "InvalidHttpGUID"},
	{format: "rss", name: "guid relative URL", edits: []string{"<guid>https://example.com/posts/less-than/</guid>", "<guid>/posts/less-than/</guid>"}, rule: "InvalidHttpGUID"},
	{format: "rss", name: "tag guid as permalink", edits: []string{` isPermaLink="false"`, ""}, rule: "InvalidPermalink"},
	{format: "rss", name: "isPermaLink value", edits: []string{`isPermaLink="false"`, `isPermaLink="no"`}, rule: "InvalidBooleanAttribute"},
	{format: "rss", name: "guid not absolute id", edits: []string{"tag:example.com,2024-03-01:second", "second"}, rule: "InvalidID", warning: true},
	{format: "rss", name: "duplicate guid", edits: []string{`<guid isPermaLink="false">tag:example.com,2024-03-01:second</guid>`, "<guid>https://example.com/posts/less-than/</guid>"}, rule: "DuplicateID"},
	{format: "rss", name: "enclosure length missing", edits: []string{` length="1234"`, ""}, rule: "MissingAttribute"},
	{format: "rss", name: "enclosure length not integer", edits: []string{`length="1234"`, `length="12kB"`}, rule: "InvalidIntegerAttribute"},
	{format: "rss", name: "enclosure type missing", edits: []string{` type="audio/mpeg"`, ""}, rule: "MissingAttribute"},
	{format: "rss", name: "enclosure type invalid", edits: []string{`type="audio/mpeg"`, `type="mp3"`}, rule: "InvalidMIMEAttribute"},
	{format: "rss", name: "enclosure url missing", edits: []string{`url="https://example.com/a.mp3" `, ""}, rule: "MissingAttribute"},
	{format: "rss", name: "enclosure url relative", edits: []string{`url="https://example.com/a.mp3"`, `url="a.mp3"`}, rule: "RelativeURL"},
	{format: "rss", name: "empty category", edits: []string{"<category>go</category>", "<category> </category>"}, rule: "NotBlank", warning: true},
	{format: "rss", name: "image title", edits: []string{"</url>\n      <title>Example Notes</title>", "</url>\n      <title>Logo</title>"}, rule: "ImageTitleDoesntMatch", warning: true},
	{format: "rss", name: "image link", edits: []string{"<link>https://example.com/</link>\n    </image>", "<link>https://example.com/about/</link>\n    </image>"}, rule: "ImageLinkDoesntMatch", warning: true},
	{format: "rss", name: "image url relative", edits: []string{"<url>https://example.com/logo.png</url>", "<url>logo.png</url>"}, rule: "RelativeURL"},
	{format: "rss", name: "source without url", edits: []string{`<source url="https://other.example.org/rss.xml">`, "<source>"}, rule: "MissingAttribute"},
	{format: "rss", name: "cloud as text", edits: []string{"<ttl>60</ttl>", "<ttl>60</ttl><cloud>rpc.example.com</cloud>"}, rule: "UnexpectedText"},
	{format: "rss", name: "cloud attributes", edits: []string{"<ttl>60</ttl>", `<ttl>60</ttl><cloud domain="rpc.example.com"/>`}, rule: "MissingAttribute"},
	{format: "rss", name: "skipHours as text", edits: []string{"<ttl>60</ttl>", "<ttl>60</ttl><skipHours>1,2</skipHours>"}, rule: "UnexpectedText"},
	{format: "rss", name: "skipHours hour", edits: []string{"<ttl>60</ttl>", "<ttl>60</ttl><skipHours><hour>24</hour></skipHours>"}, rule: "InvalidHour"},
	{format: "rss", name: "skipDays as text", edits: []string{"<ttl>60</ttl>", "<ttl>60</ttl><skipDays>Sunday</skipDays>"}, rule: "UnexpectedText"},
	{format: "rss", name: "skipDays day", edits: []string{"<ttl>60</ttl>", "<ttl>60</ttl><skipDays><day>Sun</day></skipDays>"}, rule: "InvalidDay"},
	{format: "rss", name: "title lt escaped as entity", edits: []string{"Less &#x3C;than&#x3E; more", "Less &lt;than&gt; more"}, rule: "CharacterData", warning: true},
	{format: "rss", name: "title with decimal reference text", edits: []string{"<title>Second</title>", "<title>Second &amp;#38; third</title>"}, rule: "ContainsHTML", warning: true},
	{format: "rss", name: "title end tag", edits: []string{"<title>Second</title>", "<title>&lt;b&gt;Second&lt;/b&gt;</title>"}, rule: "ContainsHTML", warning: true},
	{format: "rss", name: "title end tag despite hex refs", edits: []string{"<title>Second</title>", "<title>&#x3C;b>Second&#x3C;/b></title>"}, rule: "ContainsHTML", warning: true},
	{format: "rss", name: "title entity text", edits: []string{"<title>Second</title>", "<title>Second &amp;amp; third</title>"}, rule: "ContainsHTML", warning: true},
	{format: "rss", name: "category HTML", edits: []string{"<category>go</category>", "<category>&lt;i&gt;go&lt;/i&gt;</category>"}, rule: "ContainsHTML", warning: true},
	{format: "rss", name: "relative href in content", edits: []string{`<a href="https://example.com/a">`, `<a href="/a">`}, rule: "ContainsRelRef", warning: true},
	{format: "rss", name: "relative srcset in content", edits: []string{"https://example.com/i2.png 2x", "i2.png 2x"}, rule: "ContainsRelRef", warning: true},
	{format: "rss", name: "relative src in description", edits: []string{"Second summary.", `&lt;img src="pic.png"&gt;`}, rule: "ContainsRelRef", warning: true},
	{format: "rss", name: "relative poster in content", edits: []string{"<p>Caf&eacute;", `<video poster="p.jpg" src="https://example.com/v.mp4"></video><p>Caf&eacute;`}, rule: "ContainsRelRef", warning: true},
	{format: "rss", name: "stray end tag in content", edits: []string{"<p>Caf&eacute;", "</div><p>Caf&eacute;"}, rule: "NotHTML", warning: true},
	{format: "rss", name: "void end tag in content", edits: []string{`alt=""></p>`, `alt=""></img></p>`}, rule: "NotHTML", warning: true},
	{format: "rss", name: "bare ampersand in description", edits: []string{"Second summary.", "AT&amp;T summary."}, rule: "NotHTML", warning: true},
	{format: "rss", name: "unknown entity in content", edits: []string{"Caf&eacute;", "Caf&eacutex;"}, rule: "NotHTML", warning: true},
	{format: "rss", name: "pubDate two-digit year", edits: []string{"Fri, 01 Mar 2024 09:30:00 GMT", "Fri, 01 Mar 24 09:30:00 GMT"}, rule: "InvalidDate"},
	{format: "rss", name: "pubDate wrong weekday", edits: []string{"Fri, 01 Mar 2024 09:30:00 GMT", "Sat, 01 Mar 2024 09:30:00 GMT"}, rule: "InvalidDate"},
	{format: "rss", name: "pubDate RFC 3339", edits: []string{"Fri, 01 Mar 2024 09:30:00 GMT", "2024-03-01T09:30:00Z"}, rule: "InvalidDate"},
	{format: "rss", name: "pubDate no such day", edits: []string{"Fri, 01 Mar 2024 09:30:00 GMT", "31 Feb 2024 09:30:00 GMT"}, rule: "InvalidDate"},
	{format: "rss", name: "lastBuildDate invalid", edits: []string{"<lastBuildDate>Sun, 10 Mar 2024 12:00:00 +0000", "<lastBuildDate>2024-03-10"}, rule: "InvalidDate"},
	{format: "rss", name: "lastBuildDate not newest", edits: []string{"<lastBuildDate>Sun, 10 Mar 2024 12:00:00 +0000", "<lastBuildDate>Mon, 11 Mar 2024 12:00:00 +0000"}, rule: "UpdatedNotNewest"},
	{format: "rss", name: "item link relative", edits: []string{"<link>https://example.com/posts/second/</link>", "<link>posts/second/</link>"}, rule: "RelativeURL"},
	{format: "rss", name: "item without title or description", edits: []string{"<title>Second</title>", "", "<description>Second summary.</description>", ""}, rule: "ItemMustContainTitleOrDescription"},

	// Atom 1.0
	{format: "atom", name: "not well-formed", edits: []string{"</entry>", "</entri>"}, rule: "NotWellFormed"},
	{format: "atom", name: "C0 control", edits: []string{"<title>Second</title>", "<title>Sec\x02ond</title>"}, rule: "BadCharacters"},
	{format: "atom", name: "C1 control in attribute", edits: []string{`label="Go"`, "label=\"G\u0090o\""}, rule: "BadCharacters", warning: true},
	{format: "atom", name: "namespace", edits: []string{`xmlns="http://www.w3.org/2005/Atom"`, `xmlns="http://purl.org/atom/ns#"`}, rule: "InvalidNamespace"},
	{format: "atom", name: "undeclared prefix", edits: []string{"<category term=\"feeds\"/>", `<category term="feeds"/><media:thumbnail url="https://example.com/t.png"/>`}, rule: "MissingNamespace"},
	{format: "atom", name: "xml namespace on another prefix", edits: []string{` xml:lang="en"`, ` xmlns:_xml="http://www.w3.org/XML/1998/namespace" _xml:lang="en"`}, rule: "NotWellFormed"},
	{format: "atom", name: "no xml:lang", edits: []string{` xml:lang="en"`, ""}, rule: "MissingLanguage", warning: true},
	{format: "atom", name: "no feed id", edits: []string{"<id>tag:example.com,2024:feed</id>", ""}, rule: "MissingField"},
	{format: "atom", name: "feed id not IRI", edits: []string{"<id>tag:example.com,2024:feed</id>", "<id>example-feed</id>"}, rule: "InvalidID"},
	{format: "atom", name: "feed id bad tag URI", edits: []string{"<id>tag:example.com,2024:feed</id>", "<id>tag:example.com:feed</id>"}, rule: "InvalidID"},
	{format: "atom", name: "no feed title", edits: []string{"<title>Example Notes</title>", ""}, rule: "MissingField"},
	{format: "atom", name: "no feed updated", edits: []string{"<updated>2024-03-10T12:00:00Z</updated>\n  <link", "<link"}, rule: "MissingField"},
	{format: "atom", name: "feed updated not RFC 3339", edits: []string{"<updated>2024-03-10T12:00:00Z</updated>\n  <link", "<updated>2024-03-10 12:00:00</updated>\n  <link"}, rule: "InvalidDate"},
	{format: "atom", name: "feed updated not newest", edits: []string{"<updated>2024-03-10T12:00:00Z</updated>\n  <link", "<updated>2024-03-11T12:00:00Z</updated>\n  <link"}, rule: "UpdatedNotNewest"},
	{format: "atom", name: "no self link", edits: []string{`<link rel="self" type="application/atom+xml" href="https://example.com/atom.xml"/>`, ""}, rule: "MissingSelf", warning: true},
	{format: "atom", name: "self link type", edits: []string{`type="application/atom+xml"`, `type="application/xml"`}, rule: "MissingSelf", warning: true},
	{format: "atom", name: "no feed alternate", edits: []string{`<link rel="alternate" type="text/html" href="https://example.com/"/>`, ""}, rule: "MissingAlternateLink", warning: true},
	{format: "atom", name: "link relative", edits: []string{`href="https://example.com/"`, `href="/"`}, rule: "RelativeURL"},
	{format: "atom", name: "link without href", edits: []string{` href="https://example.com/posts/second/"`, ""}, rule: "MissingAttribute"},
	{format: "atom", name: "no author anywhere", edits: []string{"<author>\n    <name>Ann Author</name>\n    <uri>https://example.com/about/</uri>\n    <email>ann@example.com</email>\n  </author>", ""}, rule: "MissingAuthor"},
	{format: "atom", name: "author without name", edits: []string{"<name>Bob</name>", ""}, rule: "MissingField"},
	{format: "atom", name: "author uri relative", edits: []string{"<uri>https://example.com/about/</uri>", "<uri>/about/</uri>"}, rule: "RelativeURL"},
	{format: "atom", name: "author email", edits: []string{"<email>ann@example.com</email>", "<email>Ann</email>"}, rule: "InvalidContact"},
	{format: "atom", name: "icon relative", edits: []string{"<icon>https://example.com/icon.png</icon>", "<icon>icon.png</icon>"}, rule: "RelativeURL"},
	{format: "atom", name: "entry without id", edits: []string{"<id>tag:example.com,2024-03-01:second</id>", ""}, rule: "MissingField"},
	{format: "atom", name: "entry id not IRI", edits: []string{"<id>tag:example.com,2024-03-01:second</id>", "<id>second</id>"}, rule: "InvalidID"},
	{format: "atom", name: "entry id duplicate", edits: []string{"<id>tag:example.com,2024-03-01:second</id>", "<id>https://example.com/posts/less-than/</id>"}, rule: "DuplicateID"},
	{format: "atom", name: "entry without title", edits: []string{"<title>Second</title>", ""}, rule: "MissingField"},
	{format: "atom", name: "entry without updated", edits: []string{"<updated>2024-03-01T09:30:00+00:00</updated>", ""}, rule: "MissingField"},
	{format: "atom", name: "entry updated invalid", edits: []string{"<updated>2024-03-01T09:30:00+00:00</updated>", "<updated>2024-03-01T09:30:00</updated>"}, rule: "InvalidDate"},
	{format: "atom", name: "entry published invalid", edits: []string{"<published>2024-03-01T09:30:00Z</published>", "<published>Fri, 01 Mar 2024 09:30:00 GMT</published>"}, rule: "InvalidDate"},
	{format: "atom", name: "entry without published", edits: []string{"<published>2024-03-01T09:30:00Z</published>", ""}, rule: "MissingField", warning: true},
	{format: "atom", name: "entry without alternate or content", edits: []string{`<link href="https://example.com/posts/second/"/>`, "", "<content type=\"html\">&lt;p&gt;Second.&lt;/p&gt;</content>", ""}, rule: "MissingAlternateLink"},
	{format: "atom", name: "entry without alternate", edits: []string{`<link href="https://example.com/posts/second/"/>`, ""}, rule: "MissingAlternateLink", warning: true},
	{format: "atom", name: "content not html", edits: []string{"<content type=\"html\">&lt;p&gt;Second.&lt;/p&gt;</content>", "<content>Second.</content>"}, rule: "ContentNotHTML", warning: true},
	{format: "atom", name: "category without term", edits: []string{`<category term="feeds"/>`, "<category>feeds</category>"}, rule: "MissingAttribute"},
	{format: "atom", name: "category with text", edits: []string{`<category term="feeds"/>`, `<category term="feeds">feeds</category>`}, rule: "UnexpectedText"},
	{format: "atom", name: "duplicate updated", edits: []string{"<updated>2024-03-01T09:30:00+00:00</updated>", "<updated>2024-03-10T12:00:00+00:00</updated>"}, rule: "DuplicateUpdated", warning: true},
	{format: "atom", name: "enclosure length", edits: []string{`length="1234"`, `length="big"`}, rule: "InvalidIntegerAttribute"},
	{format: "atom", name: "relative ref in content", edits: []string{`&lt;a href="https://example.com/a"&gt;`, `&lt;a href="a.html"&gt;`}, rule: "ContainsRelRef", warning: true},
	{format: "atom", name: "relative ref in summary", edits: []string{"A post about &lt;em&gt;markup&lt;/em&gt;.", `&lt;img src="/x.png"&gt;`}, rule: "ContainsRelRef", warning: true},
	{format: "atom", name: "stray end tag in content", edits: []string{"&lt;p&gt;Second.&lt;/p&gt;", "Second.&lt;/p&gt;"}, rule: "NotHTML", warning: true},
	{format: "atom", name: "bare ampersand in content", edits: []string{"&amp;amp; &lt;img", "&amp; &lt;img"}, rule: "NotHTML", warning: true},
	{format: "atom", name: "HTML in text title", edits: []string{"<title>Second</title>", "<title>&lt;b&gt;Second&lt;/b&gt;</title>"}, rule: "ContainsUndeclaredHTML", warning: true},
	{format: "atom", name: "rss root", src: "<rss version=\"2.0\"/>", rule: "InvalidNamespace"},

	// JSON Feed 1.1
	{format: "json", name: "invalid JSON", edits: []string{`"title": "Example Notes",`, `"title": "Example Notes",,`}, rule: "NotWellFormed"},
	{format: "json", name: "trailing data", edits: []string{"  ]\n}", "  ]\n}\n{}"}, rule: "NotWellFormed"},
	{format: "json", name: "not an object", src: `["https://jsonfeed.org/version/1.1"]`, rule: "NotWellFormed"},
	{format: "json", name: "empty file", src: "", rule: "NotWellFormed"},
	{format: "json", name: "invalid UTF-8", edits: []string{`"title": "Example Notes"`, "\"title\": \"Example \xffNotes\""}, rule: "BadCharacters"},
	{format: "json", name: "escaped C0 control", edits: []string{`"content_text": "Second."`, `"content_text": "Sec\u0001ond."`}, rule: "BadCharacters"},
	{format: "json", name: "C1 control", edits: []string{`"content_text": "Second."`, `"content_text": "Sec\u0085ond."`}, rule: "BadCharacters", warning: true},
	{format: "json", name: "lone surrogate", edits: []string{`"content_text": "Second."`, `"content_text": "Sec\ud800ond."`}, rule: "BadCharacters", warning: true},
	{format: "json", name: "version 1.0", edits: []string{"https://jsonfeed.org/version/1.1", "https://jsonfeed.org/version/1"}, rule: "InvalidVersion"},
	{format: "json", name: "no version", edits: []string{`"version": "https://jsonfeed.org/version/1.1",`, ""}, rule: "InvalidVersion"},
	{format: "json", name: "no title", edits: []string{`"title": "Example Notes",`, ""}, rule: "MissingField"},
	{format: "json", name: "no items", src: `{"version": "https://jsonfeed.org/version/1.1", "title": "T", "home_page_url": "https://example.com/", "feed_url": "https://example.com/feed.json"}`, rule: "MissingField"},
	{format: "json", name: "items not array", src: `{"version": "https://jsonfeed.org/version/1.1", "title": "T", "home_page_url": "https://example.com/", "feed_url": "https://example.com/feed.json", "items": null}`, rule: "InvalidType"},
	{format: "json", name: "item not object", src: `{"version": "https://jsonfeed.org/version/1.1", "title": "T", "home_page_url": "https://example.com/", "feed_url": "https://example.com/feed.json", "items": ["x"]}`, rule: "InvalidType"},
	{format: "json", name: "no feed_url", edits: []string{`"feed_url": "https://example.com/feed.json",`, ""}, rule: "MissingField", warning: true},
	{format: "json", name: "home_page_url relative", edits: []string{`"home_page_url": "https://example.com/"`, `"home_page_url": "/"`}, rule: "RelativeURL"},
	{format: "json", name: "feed_url relative", edits: []string{`"feed_url": "https://example.com/feed.json"`, `"feed_url": "feed.json"`}, rule: "RelativeURL"},
	{format: "json", name: "icon relative", edits: []string{`"icon": "https://example.com/icon.png"`, `"icon": "icon.png"`}, rule: "RelativeURL"},
	{format: "json", name: "title not string", edits: []string{`"title": "Example Notes"`, `"title": 7`}, rule: "InvalidType"},
	{format: "json", name: "empty author", edits: []string{`{"name": "Bob"}`, `{}`}, rule: "InvalidAuthor"},
	{format: "json", name: "author string", edits: []string{`{"name": "Bob"}`, `"Bob"`}, rule: "InvalidAuthor"},
	{format: "json", name: "author avatar relative", edits: []string{`"avatar": "https://example.com/ann.png"`, `"avatar": "ann.png"`}, rule: "RelativeURL"},
	{format: "json", name: "item without id", edits: []string{`"id": "tag:example.com,2024-03-01:second",`, ""}, rule: "MissingField"},
	{format: "json", name: "item id empty", edits: []string{`"id": "tag:example.com,2024-03-01:second"`, `"id": ""`}, rule: "MissingField"},
	{format: "json", name: "item id number", edits: []string{`"id": "tag:example.com,2024-03-01:second"`, `"id": 2`}, rule: "InvalidType"},
	{format: "json", name: "item id not absolute", edits: []string{`"id": "tag:example.com,2024-03-01:second"`, `"id": "second"`}, rule: "InvalidID", warning: true},
	{format: "json", name: "item id duplicate", edits: []string{`"id": "tag:example.com,2024-03-01:second"`, `"id": "https://example.com/posts/less-than/"`}, rule: "DuplicateID"},
	{format: "json", name: "item without content", edits: []string{`"content_text": "Second.",`, ""}, rule: "MissingField"},
	{format: "json", name: "item url relative", edits: []string{`"url": "https://example.com/posts/less-than/"`, `"url": "/posts/less-than/"`}, rule: "RelativeURL"},
	{format: "json", name: "external_url relative", edits: []string{`"external_url": "https://other.example.org/post"`, `"external_url": "//other.example.org/post"`}, rule: "RelativeURL"},
	{format: "json", name: "image relative", edits: []string{`"image": "https://example.com/i.png"`, `"image": "i.png"`}, rule: "RelativeURL"},
	{format: "json", name: "banner_image relative", edits: []string{`"banner_image": "https://example.com/banner.png"`, `"banner_image": "banner.png"`}, rule: "RelativeURL"},
	{format: "json", name: "gorilla banner_ key", edits: []string{`"banner_image":`, `"banner_":`}, rule: "MisspelledKey"},
	{format: "json", name: "gorilla size key", edits: []string{`"size_in_bytes": 1234`, `"size": 1234`}, rule: "MisspelledKey"},
	{format: "json", name: "date_published not RFC 3339", edits: []string{`"date_published": "2024-03-01T09:30:00Z"`, `"date_published": "2024-03-01"`}, rule: "InvalidDate"},
	{format: "json", name: "date_modified no zone", edits: []string{`"date_modified": "2024-03-10T12:00:00Z"`, `"date_modified": "2024-03-10T12:00:00"`}, rule: "InvalidDate"},
	{format: "json", name: "tags not strings", edits: []string{`"tags": ["go", "feeds"]`, `"tags": ["go", 2]`}, rule: "InvalidType"},
	{format: "json", name: "tags not array", edits: []string{`"tags": ["go", "feeds"]`, `"tags": "go, feeds"`}, rule: "InvalidType"},
	{format: "json", name: "attachment without url", edits: []string{`{"url": "https://example.com/a.mp3", `, "{"}, rule: "MissingField"},
	{format: "json", name: "attachment url relative", edits: []string{`"url": "https://example.com/a.mp3"`, `"url": "a.mp3"`}, rule: "RelativeURL"},
	{format: "json", name: "attachment without mime_type", edits: []string{`"mime_type": "audio/mpeg", `, ""}, rule: "MissingField"},
	{format: "json", name: "attachment mime_type invalid", edits: []string{`"mime_type": "audio/mpeg"`, `"mime_type": "mp3"`}, rule: "InvalidMIMEAttribute"},
	{format: "json", name: "size_in_bytes string", edits: []string{`"size_in_bytes": 1234`, `"size_in_bytes": "1234"`}, rule: "InvalidType"},
	{format: "json", name: "size_in_bytes fraction", edits: []string{`"size_in_bytes": 1234`, `"size_in_bytes": 12.5`}, rule: "InvalidType"},
	{format: "json", name: "duration not number", edits: []string{`"duration_in_seconds": 61.5`, `"duration_in_seconds": "1:01"`}, rule: "InvalidType"},
	{format: "json", name: "summary HTML", edits: []string{`"summary": "A post about markup & more."`, `"summary": "A post about <em>markup</em>."`}, rule: "ContainsHTML", warning: true},
	{format: "json", name: "description HTML", edits: []string{`"description": "Notes about feeds & tools."`, `"description": "Notes <b>about</b> feeds"`}, rule: "ContainsHTML", warning: true},
	{format: "json", name: "relative ref in content_html", edits: []string{`src=\"https://example.com/i.png\"`, `src=\"i.png\"`}, rule: "ContainsRelRef", warning: true},
	{format: "json", name: "stray end tag in content_html", edits: []string{`alt=\"\"></p>`, `alt=\"\"></p></p>`}, rule: "NotHTML", warning: true},
	{format: "json", name: "bare ampersand in content_html", edits: []string{`link</a> &amp; <img`, `link</a> & <img`}, rule: "NotHTML", warning: true},
}

func TestCheckRules(t *testing.T) {
	for _, tc := range ruleTests {
		t.Run(tc.format+"/"+tc.name, func(t *testing.T) {
			f := checkFuncs[tc.format]
			data := tc.src
			if data == "" && tc.edits != nil {
				data = readFixture(t, f.fixture)
			}
			for i := 0; i+1 < len(tc.edits); i += 2 {
				old, repl := tc.edits[i], tc.edits[i+1]
				if !strings.Contains(data, old) {
					t.Fatalf("baseline %s does not contain %q", f.fixture, old)
				}
				data = strings.Replace(data, old, repl, 1)
			}
			got := f.check(f.file, []byte(data))
			found := false
			for _, p := range got {
				if p.File != f.file {
					t.Errorf("problem %q names file %q, want %q", p, p.File, f.file)
				}
				if p.Rule == tc.rule && p.Warning == tc.warning {
					found = true
				}
			}
			if !found {
				t.Errorf("want rule %s (warning=%v); got:%s", tc.rule, tc.warning, problemList(got))
			}
		})
	}
}

func TestCheckFeedAtSelfLink(t *testing.T) {
	for _, format := range []string{"rss", "atom", "json"} {
		f := checkFuncs[format]
		data := []byte(readFixture(t, f.fixture))
		t.Run(format, func(t *testing.T) {
			got := CheckFeedAt(f.file, "https://example.org/moved.xml", data)
			if len(got) != 1 || got[0].Rule != "SelfDoesntMatchLocation" || !got[0].Warning {
				t.Errorf("got:%s\nwant one SelfDoesntMatchLocation warning", problemList(got))
			}
		})
	}
}

func TestCheckFeedSniffing(t *testing.T) {
	rss := readFixture(t, "valid.rss.xml")
	atom := readFixture(t, "valid.atom.xml")
	tests := []struct {
		name, data string
		wantRule   string // "" means no problems
	}{
		{"rss", rss, ""},
		{"rss after BOM and comment", "\uFEFF<?xml version=\"1.0\"?>\n<!-- <feed> -->\n" + strings.TrimPrefix(rss, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), ""},
		{"atom", atom, ""},
		{"json after whitespace", "\n  " + readFixture(t, "valid.feed.json"), ""},
		{"html", "<!DOCTYPE html><html></html>", "UnknownFormat"},
		{"empty", "", "UnknownFormat"},
		{"text", "hello", "UnknownFormat"},
		{"prefixed atom root", `<a:feed xmlns:a="http://purl.org/atom/ns#"/>`, "InvalidNamespace"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := CheckFeed("f", []byte(tc.data))
			switch {
			case tc.wantRule == "" && len(got) != 0:
				t.Errorf("got problems:%s", problemList(got))
			case tc.wantRule != "" && (len(got) == 0 || got[0].Rule != tc.wantRule):
				t.Errorf("got:%s\nwant first rule %s", problemList(got), tc.wantRule)
			}
		})
	}
}

func TestCheckItemNames(t *testing.T) {
	rss := readFixture(t, "valid.rss.xml")
	tests := []struct {
		name, old, new, want string
	}{
		{"by guid", "<title>Second</title>", "<title>&lt;b&gt;Second&lt;/b&gt;</title>", "tag:example.com,2024-03-01:second"},
		{"by position", `<guid isPermaLink="false">tag:example.com,2024-03-01:second</guid>`, "", "item 2"},
		{"feed level", "<ttl>60</ttl>", "<ttl>x</ttl>", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := CheckRSS("rss.xml", []byte(strings.Replace(rss, tc.old, tc.new, 1)))
			if len(got) != 1 {
				t.Fatalf("got:%s\nwant one problem", problemList(got))
			}
			if got[0].Item != tc.want {
				t.Errorf("Item = %q, want %q", got[0].Item, tc.want)
			}
		})
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		name string
		p    Problem
		want string
	}{
		{"feed error", Problem{File: "public/rss.xml", Rule: "MissingField", Message: "channel has no title"},
			"public/rss.xml: MissingField: channel has no title"},
		{"item warning", Problem{File: "public/rss.xml", Item: "item 3", Rule: "MissingGuid", Message: "item has no guid", Warning: true},
			"public/rss.xml: item 3: warning: MissingGuid: item has no guid"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.p.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestParseRFC822(t *testing.T) {
	tests := []struct {
		in      string
		want    string // RFC 3339 in UTC, "" for an error
		wantErr bool
	}{
		{in: "Sun, 10 Mar 2024 12:00:00 +0000", want: "2024-03-10T12:00:00Z"},
		{in: "Sun, 10 Mar 2024 12:00:00 GMT", want: "2024-03-10T12:00:00Z"},
		{in: "10 Mar 2024 07:00 EST", want: "2024-03-10T12:00:00Z"},
		{in: "Sun, 10 Mar 2024 13:30:00 +0130", want: "2024-03-10T12:00:00Z"},
		{in: "Sun, 10 Mar 24 12:00:00 GMT", wantErr: true},
		{in: "Sun, 10 Mar 2024 25:00:00 GMT", wantErr: true},
		{in: "Sun,  10 Mar 2024 12:00:00 GMT", wantErr: true},
		{in: "", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseRFC822(tc.in)
			if tc.wantErr {
				if err == nil {
					t.Errorf("parseRFC822(%q) = %v, want an error", tc.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseRFC822(%q): %v", tc.in, err)
			}
			if s := got.UTC().Format("2006-01-02T15:04:05Z07:00"); s != tc.want {
				t.Errorf("parseRFC822(%q) = %s, want %s", tc.in, s, tc.want)
			}
		})
	}
}

func FuzzCheckFeed(f *testing.F) {
	for _, name := range []string{"valid.rss.xml", "valid.atom.xml", "valid.feed.json"} {
		f.Add([]byte(readFixture(f, name)))
	}
	f.Add([]byte("<rss><channel><item><guid>&#x85;</guid></item></channel></rss>"))
	f.Add([]byte(`{"items":[{"id":1,"attachments":[null]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, p := range CheckFeedAt("fuzz", "https://example.com/feed", data) {
			if p.Rule == "" || p.File != "fuzz" {
				t.Errorf("malformed problem %#v", p)
			}
		}
	})
}
