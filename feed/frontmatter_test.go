package feed

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// describeArticle renders the metadata of a for comparison in tests.
func describeArticle(a *Article) string {
	if a == nil {
		return "<nil>"
	}
	var b strings.Builder
	date := func(t time.Time) string {
		if t.IsZero() {
			return "-"
		}
		return t.Format(time.RFC3339Nano)
	}
	fmt.Fprintf(&b, "Title=%q Slug=%q Filename=%q ID=%q URL=%q ExternalURL=%q\n", a.Title, a.Slug, a.Filename, a.ID, a.URL, a.ExternalURL)
	fmt.Fprintf(&b, "Date=%s DateOnly=%v FileDate=%v Updated=%s PublishDate=%s ExpiryDate=%s Draft=%v\n",
		date(a.Date), a.DateOnly, a.FileDate, date(a.Updated), date(a.PublishDate), date(a.ExpiryDate), a.Draft)
	fmt.Fprintf(&b, "Authors=%q Tags=%q Categories=%q Summary=%q Image=%q Lang=%q\n", a.Authors, a.Tags, a.Categories, a.Summary, a.Image, a.Lang)
	if a.Enclosure != nil {
		fmt.Fprintf(&b, "Enclosure=%+v\n", *a.Enclosure)
	}
	fmt.Fprintf(&b, "Body=%q BodyLine=%d\n", a.Body, a.BodyLine)
	return b.String()
}

// diagStrings formats diagnostics one per line.
func diagStrings(d Diagnostics) string {
	var lines []string
	for _, e := range d {
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}

// mustParse parses src as path and fails on diagnostics.
func mustParse(t *testing.T, path, src string) *Article {
	t.Helper()
	a, diags := ParseMarkdown(path, []byte(src), MarkdownOptions{BaseURL: "https://example.com/blog/"})
	if len(diags) > 0 {
		t.Fatalf("ParseMarkdown(%q) diagnostics:\n%s", path, diagStrings(diags))
	}
	if a == nil {
		t.Fatalf("ParseMarkdown(%q) = nil", path)
	}
	return a
}

var (
	day     = time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	instant = time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
)

// base is the article every key test starts from: "date" set, name p.md.
func base(edit func(a *Article)) Article {
	a := Article{Title: "P", Slug: "p", Filename: "p", Date: day, DateOnly: true, BodyLine: 4}
	if edit != nil {
		edit(&a)
	}
	return a
}

func TestFrontMatterKeys(t *testing.T) {
	tests := []struct {
		name string
		yaml string // a line after "date: 2024-03-01"
		toml string // the same in TOML; "" to skip
		want Article
	}{
		{"title", `title: "Hello &amp; bye"`, `title = "Hello &amp; bye"`, base(func(a *Article) { a.Title = "Hello &amp; bye" })},
		{"title number", `title: 1984`, `title = 1984`, base(func(a *Article) { a.Title = "1984" })},
		{"updated", `updated: 2024-03-02`, `updated = 2024-03-02`, base(func(a *Article) { a.Updated = day.AddDate(0, 0, 1) })},
		{"lastmod", `lastmod: 2024-03-02T10:00:00Z`, `lastmod = 2024-03-02T10:00:00Z`, base(func(a *Article) { a.Updated = instant.AddDate(0, 0, 1) })},
		{"last_modified_at", `last_modified_at: 2024-03-02`, `last_modified_at = "2024-03-02"`, base(func(a *Article) { a.Updated = day.AddDate(0, 0, 1) })},
		{"modified", `modified: 2024-03-02`, `modified = 2024-03-02`, base(func(a *Article) { a.Updated = day.AddDate(0, 0, 1) })},
		{"author name", `author: Ann`, `author = "Ann"`, base(func(a *Article) { a.Authors = []Person{{Name: "Ann"}} })},
		{"author object", `author: {name: Ann, email: a@x.org, url: "https://a.org", twitter: ann}`,
			`author = {name = "Ann", email = "a@x.org", url = "https://a.org", twitter = "ann"}`,
			base(func(a *Article) { a.Authors = []Person{{Name: "Ann", Email: "a@x.org", URL: "https://a.org"}} })},
		{"authors", `authors: [Ann, {name: Bob, email: b@x.org}]`, `authors = ["Ann", {name = "Bob", email = "b@x.org"}]`,
			base(func(a *Article) { a.Authors = []Person{{Name: "Ann"}, {Name: "Bob", Email: "b@x.org"}} })},
		{"authors string", `authors: Ann`, `authors = "Ann"`, base(func(a *Article) { a.Authors = []Person{{Name: "Ann"}} })},
		{"tags list", `tags: [go, "feeds", 2024]`, `tags = ["go", "feeds", "2024"]`, base(func(a *Article) { a.Tags = []string{"go", "feeds", "2024"} })},
		{"tags string splits", `tags: go feeds`, `tags = "go feeds"`, base(func(a *Article) { a.Tags = []string{"go", "feeds"} })},
		{"tag singular whole", `tag: static sites`, `tag = "static sites"`, base(func(a *Article) { a.Tags = []string{"static sites"} })},
		{"categories", `categories: [a b, c]`, `categories = ["a b", "c"]`, base(func(a *Article) { a.Categories = []string{"a b", "c"} })},
		{"categories string", `categories: news tech`, `categories = "news tech"`, base(func(a *Article) { a.Categories = []string{"news", "tech"} })},
		{"category", `category: tech news`, `category = "tech news"`, base(func(a *Article) { a.Categories = []string{"tech news"} })},
		{"taxonomies", `taxonomies: {tags: [x], categories: [y]}`, "[taxonomies]\ntags = [\"x\"]\ncategories = [\"y\"]",
			base(func(a *Article) { a.Tags, a.Categories = []string{"x"}, []string{"y"} })},
		{"summary", `summary: Short.`, `summary = "Short."`, base(func(a *Article) { a.Summary = "Short." })},
		{"description", `description: Short.`, `description = "Short."`, base(func(a *Article) { a.Summary = "Short." })},
		{"excerpt", `excerpt: Short.`, `excerpt = "Short."`, base(func(a *Article) { a.Summary = "Short." })},
		{"summary wins", "excerpt: E\nsummary: S\ndescription: D", "excerpt = \"E\"\nsummary = \"S\"\ndescription = \"D\"", base(func(a *Article) { a.Summary = "S" })},
		{"draft", `draft: true`, `draft = true`, base(func(a *Article) { a.Draft = true })},
		{"draft false", `draft: false`, `draft = false`, base(nil)},
		{"draft quoted", `draft: "yes"`, `draft = "yes"`, base(func(a *Article) { a.Draft = true })},
		{"published false", `published: false`, `published = false`, base(func(a *Article) { a.Draft = true })},
		{"published true", `published: true`, `published = true`, base(nil)},
		{"published date", `published: 2024-03-05`, `published = 2024-03-05`, base(func(a *Article) { a.PublishDate = day.AddDate(0, 0, 4) })},
		{"id", `id: tag:example.com,2024:1`, `id = "tag:example.com,2024:1"`, base(func(a *Article) { a.ID = "tag:example.com,2024:1" })},
		{"id number", `id: 42`, `id = 42`, base(func(a *Article) { a.ID = "42" })},
		{"slug", `slug: my-post`, `slug = "my-post"`, base(func(a *Article) { a.Slug = "my-post" })},
		{"url", `url: /2024/p/`, `url = "/2024/p/"`, base(func(a *Article) { a.URL = "/2024/p/" })},
		{"external_url", `external_url: https://go.dev/`, `external_url = "https://go.dev/"`, base(func(a *Article) { a.ExternalURL = "https://go.dev/" })},
		{"link", `link: https://go.dev/`, `link = "https://go.dev/"`, base(func(a *Article) { a.ExternalURL = "https://go.dev/" })},
		{"image", `image: /i.png`, `image = "/i.png"`, base(func(a *Article) { a.Image = "/i.png" })},
		{"image path", `image: {path: /i.png, height: 10}`, `image = {path = "/i.png", height = 10}`, base(func(a *Article) { a.Image = "/i.png" })},
		{"image src", `image: {src: /i.png}`, `image = {src = "/i.png"}`, base(func(a *Article) { a.Image = "/i.png" })},
		{"image url", `image: {url: /i.png}`, `image = {url = "/i.png"}`, base(func(a *Article) { a.Image = "/i.png" })},
		{"images", `images: [/i.png, /j.png]`, `images = ["/i.png", "/j.png"]`, base(func(a *Article) { a.Image = "/i.png" })},
		{"enclosure", `enclosure: {url: /a.mp3, type: audio/mpeg, length: 1234}`, `enclosure = {url = "/a.mp3", type = "audio/mpeg", length = 1234}`,
			base(func(a *Article) { a.Enclosure = &Enclosure{URL: "/a.mp3", Type: "audio/mpeg", Length: 1234} })},
		{"enclosure no length", `enclosure: {url: /a.mp3, type: audio/mpeg}`, `enclosure = {url = "/a.mp3", type = "audio/mpeg"}`,
			base(func(a *Article) { a.Enclosure = &Enclosure{URL: "/a.mp3", Type: "audio/mpeg"} })},
		{"lang", `lang: de`, `lang = "de"`, base(func(a *Article) { a.Lang = "de" })},
		{"language", `language: de`, `language = "de"`, base(func(a *Article) { a.Lang = "de" })},
		{"publishDate", `publishDate: 2024-03-05`, `publishDate = 2024-03-05`, base(func(a *Article) { a.PublishDate = day.AddDate(0, 0, 4) })},
		{"publishdate", `publishdate: 2024-03-05`, `publishdate = 2024-03-05`, base(func(a *Article) { a.PublishDate = day.AddDate(0, 0, 4) })},
		{"pubDate", `pubDate: 2024-03-05`, `pubDate = 2024-03-05`, base(func(a *Article) { a.PublishDate = day.AddDate(0, 0, 4) })},
		{"expiryDate", `expiryDate: 2024-03-05`, `expiryDate = 2024-03-05`, base(func(a *Article) { a.ExpiryDate = day.AddDate(0, 0, 4) })},
		{"expirydate", `expirydate: 2024-03-05`, `expirydate = 2024-03-05`, base(func(a *Article) { a.ExpiryDate = day.AddDate(0, 0, 4) })},
		{"unpublishdate", `unpublishdate: 2024-03-05`, `unpublishdate = 2024-03-05`, base(func(a *Article) { a.ExpiryDate = day.AddDate(0, 0, 4) })},
		{"unknown keys ignored", "layout: post\ncomments: true\npermalink: /x/\nweight: 3\nparams: {a: 1}\nsubtitle: S", "layout = \"post\"\nweight = 3\n[params]\na = 1",
			base(nil)},
		{"case-insensitive keys", `Title: Big`, `Title = "Big"`, base(func(a *Article) { a.Title = "Big" })},
		{"empty value is none", "title:\nsummary: ~", "", base(nil)},
		{"raw control characters dropped", "title: \"a\x01b\x1f\x7fc\u0085d\u009f\"", "title = \"a\x01b\x1f\x7fc\u0085d\u009f\"", base(func(a *Article) { a.Title = "abcd" })},
		{"strings cleaned", "title: \"a\\u0001b\\x85c \"", "title = \"a\\u0001b\\u0085c \"", base(func(a *Article) { a.Title = "abc" })},
	}
	for _, tc := range tests {
		t.Run("yaml/"+tc.name, func(t *testing.T) {
			src := "---\ndate: 2024-03-01\n" + tc.yaml + "\n---\nbody\n"
			want := tc.want
			want.BodyLine = 5 + strings.Count(tc.yaml, "\n")
			want.Body = []byte("body\n")
			got := mustParse(t, "posts/p.md", src)
			if g, w := describeArticle(got), describeArticle(&want); g != w {
				t.Errorf("ParseMarkdown:\ngot  %s\nwant %s", g, w)
			}
		})
		if tc.toml == "" {
			continue
		}
		t.Run("toml/"+tc.name, func(t *testing.T) {
			src := "+++\ndate = 2024-03-01\n" + tc.toml + "\n+++\nbody\n"
			want := tc.want
			want.BodyLine = 5 + strings.Count(tc.toml, "\n")
			want.Body = []byte("body\n")
			got := mustParse(t, "posts/p.md", src)
			if g, w := describeArticle(got), describeArticle(&want); g != w {
				t.Errorf("ParseMarkdown:\ngot  %s\nwant %s", g, w)
			}
		})
	}
}

func TestFrontMatterDates(t *testing.T) {
	tests := []struct {
		name, src    string
		wantDate     time.Time
		wantDateOnly bool
	}{
		{"yaml date only", "---\ndate: 2024-03-01\n---\n", day, true},
		{"yaml quoted", "---\ndate: \"2024-03-01T10:00:00Z\"\n---\n", instant, false},
		{"yaml jekyll", "---\ndate: 2024-03-01 12:00:00 +0200\n---\n", instant, false},
		{"yaml local", "---\ndate: 2024-03-01 10:00\n---\n", instant, false},
		{"toml offset", "+++\ndate = 2024-03-01T11:00:00+01:00\n+++\n", instant, false},
		{"toml local date-time", "+++\ndate = 2024-03-01T10:00:00\n+++\n", instant, false},
		{"toml local date", "+++\ndate = 2024-03-01\n+++\n", day, true},
		{"toml string", "+++\ndate = \"2024-03-01 10:00:00\"\n+++\n", instant, false},
		{"publishDate as date", "---\npublishDate: 2024-03-01\n---\n", day, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mustParse(t, "p.md", tc.src)
			if !got.Date.Equal(tc.wantDate) || got.DateOnly != tc.wantDateOnly {
				t.Errorf("Date = %v (date only %v), want %v (%v)", got.Date, got.DateOnly, tc.wantDate, tc.wantDateOnly)
			}
		})
	}
	t.Run("location", func(t *testing.T) {
		loc := time.FixedZone("X", 3600)
		got, diags := ParseMarkdown("p.md", []byte("---\ndate: 2024-03-01 11:00\n---\n"), MarkdownOptions{Location: loc})
		if got == nil {
			t.Fatalf("ParseMarkdown: %s", diagStrings(diags))
		}
		if !got.Date.Equal(instant) {
			t.Errorf("Date = %v, want %v", got.Date, instant)
		}
	})
}

func TestFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name, path, src string
		wantNil         bool
		want            string // diagnostics, one per line
	}{
		{"tags number", "a.md", "---\ndate: 2024-03-01\ntags: 5\n---\n", true,
			`a.md:3: key "tags": want a list of strings (got 5)`},
		{"tags nested list", "a.md", "---\ndate: 2024-03-01\ntags:\n  - a\n  - [b]\n---\n", true,
			`a.md:5: key "tags": want a list of strings (got a list)`},
		{"draft maybe", "a.md", "---\ndate: 2024-03-01\ndraft: \"maybe\"\n---\n", true,
			`a.md:3: key "draft": want a boolean (got "maybe")`},
		{"published wrong", "a.md", "---\ndate: 2024-03-01\npublished: later\n---\n", true,
			`a.md:3: key "published": want a boolean or a date (got "later")`},
		{"date tomorrow", "a.md", "---\ntitle: x\ndate: tomorrow\n---\n", true,
			`a.md:3: key "date": "tomorrow" is not a date (` + dateForms + `)`},
		{"date number", "a.md", "---\ndate: 2024\n---\n", true,
			`a.md:2: key "date": want a date (got 2024)`},
		{"date bad calendar", "a.md", "---\ndate: 2023-02-30\n---\n", true,
			`a.md:2: key "date": "2023-02-30": February 2023 has no day 30 (` + dateForms + `)`},
		{"lastmod bad", "a.md", "---\ndate: 2024-03-01\nlastmod: soon\n---\n", true,
			`a.md:3: key "lastmod": "soon" is not a date (` + dateForms + `)`},
		{"enclosure number", "a.md", "---\ndate: 2024-03-01\nenclosure: 3\n---\n", true,
			`a.md:3: key "enclosure": want a mapping with url, type and length (got 3)`},
		{"enclosure no url", "a.md", "---\ndate: 2024-03-01\nenclosure:\n  type: audio/mpeg\n---\n", true,
			`a.md:4: key "enclosure": missing url`},
		{"enclosure bad length", "a.md", "---\ndate: 2024-03-01\nenclosure: {url: /a, length: big}\n---\n", true,
			`a.md:3: key "enclosure.length": want a size in bytes (got "big")`},
		{"title list", "a.md", "---\ndate: 2024-03-01\ntitle: [a]\n---\n", true,
			`a.md:3: key "title": want a string (got a list)`},
		{"author number", "a.md", "---\ndate: 2024-03-01\nauthor: 7\n---\n", true,
			`a.md:3: key "author": want a name or a mapping with name, email and url (got 7)`},
		{"author email list", "a.md", "---\ndate: 2024-03-01\nauthor:\n  name: A\n  email: [x]\n---\n", true,
			`a.md:5: key "author.email": want a string (got a list)`},
		{"image number", "a.md", "---\ndate: 2024-03-01\nimage: 3\n---\n", true,
			`a.md:3: key "image": want an image URL or a mapping with path, src or url (got 3)`},
		{"toml draft", "a.md", "+++\ndate = 2024-03-01\ndraft = \"maybe\"\n+++\n", true,
			`a.md:3: key "draft": want a boolean (got "maybe")`},
		{"toml tags", "a.md", "+++\ntitle = \"x\"\ntags = 5\ndate = 2024-03-01\n+++\n", true,
			`a.md:3: key "tags": want a list of strings (got 5)`},
		{"toml date", "a.md", "+++\n\ndate = \"tomorrow\"\n+++\n", true,
			`a.md:3: key "date": "tomorrow" is not a date (` + dateForms + `)`},
		{"toml table key", "a.md", "+++\ndate = 2024-03-01\n[enclosure]\nurl = [3]\n+++\n", true,
			`a.md:3: key "enclosure.url": want a string (got a list)`},
		{"typo warning", "a.md", "---\ndate: 2024-03-01\ntitel: Hello\ndarft: true\nautor: me\nlayout: post\nlink: x\npage: 2\n---\n", false,
			"a.md:3: warning: unknown key \"titel\"; did you mean \"title\"?\n" +
				"a.md:4: warning: unknown key \"darft\"; did you mean \"draft\"?\n" +
				"a.md:5: warning: unknown key \"autor\"; did you mean \"author\"?"},
		{"typo toml", "a.md", "+++\ndate = 2024-03-01\ncatgories = [\"x\"]\n+++\n", false,
			`a.md:3: warning: unknown key "catgories"; did you mean "categories"?`},
		{"duplicate key", "a.md", "---\ndate: 2024-03-01\ntitle: a\ntags: [x]\ntitle: b\n---\n", true,
			`a.md:5: duplicate key "title" (first at line 3)`},
		{"toml duplicate key", "a.md", "+++\ndate = 2024-03-01\ntitle = \"a\"\ntitle = \"b\"\n+++\n", true,
			`a.md:4: invalid TOML front matter: key title is already defined`},
		{"tab indentation", "a.md", "---\ndate: 2024-03-01\nauthor:\n\tname: x\n---\n", true,
			`a.md:4: tab character in indentation; YAML front matter must be indented with spaces`},
		{"yaml syntax", "a.md", "---\ndate: 2024-03-01\ntags: [a, b\n---\n", true,
			`a.md:3: invalid YAML front matter: did not find expected ',' or ']'`},
		{"yaml not a mapping", "a.md", "---\n- a\n- b\n---\n", true,
			`a.md:2: front matter must be a mapping of keys to values (got a list)`},
		{"unclosed", "a.md", "---\ntitle: x\ndate: 2024-03-01\n\nbody\n", true,
			`a.md:1: front matter not closed (no closing --- line)`},
		{"unclosed toml", "a.md", "+++\ntitle = 'x'\n", true,
			`a.md:1: front matter not closed (no closing +++ line)`},
		{"too large", "a.md", "---\ndate: 2024-03-01\nx: \"" + strings.Repeat("a", 70000) + "\"\n---\n", true,
			`a.md:1: front matter larger than 64 KiB`},
		{"nul", "a.md", "---\ndate: 2024-03-01\n---\nab\x00c\n", true,
			`a.md:4: binary file (NUL byte)`},
		{"invalid utf-8", "a.md", "---\ndate: 2024-03-01\n---\nok\nab\xffc\n", true,
			`a.md:5: invalid UTF-8`},
		{"no date", "notes/hello.md", "---\ntitle: x\n---\nbody\n", true,
			`notes/hello.md: warning: no date in front matter or file name; left out`},
		{"no date no front matter", "hello.md", "body\n", true,
			`hello.md: warning: no date in front matter or file name; left out`},
		{"bad date with file date", "2024-03-01-x.md", "---\ndate: tomorrow\n---\n", false,
			`2024-03-01-x.md:2: warning: key "date": "tomorrow" is not a date (` + dateForms + `); using the date in the file name`},
		{"several errors", "a.md", "---\ndate: 2024-03-01\ntags: 5\ndraft: maybe\n---\n", true,
			"a.md:3: key \"tags\": want a list of strings (got 5)\na.md:4: key \"draft\": want a boolean (got \"maybe\")"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, diags := ParseMarkdown(tc.path, []byte(tc.src), MarkdownOptions{})
			if (got == nil) != tc.wantNil {
				t.Errorf("ParseMarkdown returned %v, want nil %v", got, tc.wantNil)
			}
			diags.Sort()
			if g := diagStrings(diags); g != tc.want {
				t.Errorf("diagnostics:\ngot  %s\nwant %s", g, tc.want)
			}
		})
	}
}

func TestBillionLaughs(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ndate: 2024-03-01\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	prev := "a"
	for _, c := range "bcdefghi" {
		fmt.Fprintf(&b, "%c: &%c [%s]\n", c, c, strings.Repeat("*"+prev+",", 8)+"*"+prev)
		prev = string(c)
	}
	head := b.String()
	tests := []struct {
		name, tail string
		wantNil    bool
		want       string
	}{
		{"unknown key", "lol: *i\n---\n", false, ""},
		{"tags", "tags: *i\n---\n", true, `bomb.md:11: key "tags": want a list of strings (got a list)`},
		{"authors", "authors: *i\n---\n", true, `bomb.md:11: key "authors": want a name or a mapping with name, email and url (got a list)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			got, diags := ParseMarkdown("bomb.md", []byte(head+tc.tail), MarkdownOptions{})
			runtime.ReadMemStats(&after)
			if (got == nil) != tc.wantNil {
				t.Errorf("ParseMarkdown returned %v, want nil %v", got, tc.wantNil)
			}
			if g := diagStrings(diags); g != tc.want {
				t.Errorf("diagnostics:\ngot  %s\nwant %s", g, tc.want)
			}
			if n := after.TotalAlloc - before.TotalAlloc; n > 16<<20 {
				t.Errorf("ParseMarkdown allocated %d bytes, want under 16 MiB", n)
			}
		})
	}
}

func TestSuggestKey(t *testing.T) {
	tests := []struct{ key, want string }{
		{"titel", "title"},
		{"tilte", "title"},
		{"datee", "date"},
		{"tgas", "tags"},
		{"sumary", "summary"},
		{"lastmodd", "lastmod"},
		{"publishdat", "publishdate"},
		{"expirydat", "expirydate"},
		{"layout", ""},
		{"weight", ""},
		{"comments", ""},
		{"keywords", ""},
		{"toc", ""},
		{"name", ""},
		{"page", ""},
		{"idea", ""},
		{"xyz", ""},
		{"subtitle", ""},
		{"somethingelse", ""},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			if got := suggestKey(tc.key); got != tc.want {
				t.Errorf("suggestKey(%q) = %q, want %q", tc.key, got, tc.want)
			}
		})
	}
}

func TestDamerauLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"title", "title", 0},
		{"titel", "title", 1},
		{"title", "titles", 1},
		{"tile", "title", 1},
		{"ab", "ba", 1},
		{"abc", "ca", 3},
		{"kitten", "sitting", 3},
		{"a", "abcdef", 3}, // over the limit
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			if got := damerauLevenshtein(tc.a, tc.b, 2); min(got, 3) != min(tc.want, 3) {
				t.Errorf("damerauLevenshtein(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestTOMLKeyLines(t *testing.T) {
	src := "title = \"x\"\n\"quoted key\" = 1\nauthor.name = \"A\"\ntext = \"\"\"\nfake = 1\n\"\"\"\n[enclosure]\nurl = \"u\"\n[[authors]]\nname = \"B\"\n"
	got := tomlKeyLines([]byte(src))
	want := map[string]int{"title": 1, "quoted key": 2, "author": 3, "text": 4, "enclosure": 7, "authors": 9}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("tomlKeyLines = %v, want %v", got, want)
	}
}
