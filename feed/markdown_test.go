package feed

import (
	"bytes"
	"testing"
	"time"
)

func TestParseMarkdown(t *testing.T) {
	fileDay := time.Date(2023, 7, 9, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, path, src string
		want            Article
	}{
		{"no front matter", "posts/2023-07-09-hello-world.md", "Intro\n\n# The *Title* #\n\ntext\n",
			Article{Title: "The *Title*", Slug: "hello-world", Filename: "hello-world", Date: fileDay, DateOnly: true, FileDate: true,
				Body: []byte("Intro\n\n# The *Title* #\n\ntext\n"), BodyLine: 1}},
		{"title from file name", "posts/2023-07-09-hello-world.md", "## Not h1\n\n```\n# not a heading\n```\n#hashtag\n",
			Article{Title: "Hello World", Slug: "hello-world", Filename: "hello-world", Date: fileDay, DateOnly: true, FileDate: true,
				Body: []byte("## Not h1\n\n```\n# not a heading\n```\n#hashtag\n"), BodyLine: 1}},
		{"front matter without title", "2023-07-09-x.md", "---\nslug: other\n---\n# Heading\n",
			Article{Title: "Heading", Slug: "other", Filename: "x", Date: fileDay, DateOnly: true, FileDate: true,
				Body: []byte("# Heading\n"), BodyLine: 4}},
		{"only front matter", "a.md", "---\ntitle: T\ndate: 2023-07-09\n---",
			Article{Title: "T", Slug: "a", Filename: "a", Date: fileDay, DateOnly: true, BodyLine: 5}},
		{"empty front matter", "2023-07-09.md", "---\n---\nx\n",
			Article{Title: "2023 07 09", Slug: "2023-07-09", Filename: "2023-07-09", Date: fileDay, DateOnly: true, FileDate: true,
				Body: []byte("x\n"), BodyLine: 3}},
		{"yaml closed by dots", "a.md", "---\ntitle: T\ndate: 2023-07-09\n...\nx\n",
			Article{Title: "T", Slug: "a", Filename: "a", Date: fileDay, DateOnly: true, Body: []byte("x\n"), BodyLine: 5}},
		{"front matter date wins", "2001-01-01-a.md", "---\ndate: 2023-07-09\n---\n",
			Article{Title: "A", Slug: "a", Filename: "a", Date: fileDay, DateOnly: true, BodyLine: 4}},
		{"zola file name", "2023-07-09_a-b.md", "x",
			Article{Title: "A B", Slug: "a-b", Filename: "a-b", Date: fileDay, DateOnly: true, FileDate: true, Body: []byte("x"), BodyLine: 1}},
		{"page bundle", "posts/2023-07-09-trip/index.md", "x",
			Article{Title: "Trip", Slug: "trip", Filename: "trip", Date: fileDay, DateOnly: true, FileDate: true, Body: []byte("x"), BodyLine: 1}},
		{"page bundle without date", "posts/trip/index.md", "+++\ndate = 2023-07-09\n+++\n",
			Article{Title: "Trip", Slug: "trip", Filename: "trip", Date: fileDay, DateOnly: true, BodyLine: 4}},
		{"not a date prefix", "2023-02-30-a.md", "---\ndate: 2023-07-09\n---\n",
			Article{Title: "2023 02 30 A", Slug: "2023-02-30-a", Filename: "2023-02-30-a", Date: fileDay, DateOnly: true, BodyLine: 4}},
		{"bad date, file date", "2023-07-09-a.md", "---\ndate: soon\n---\n",
			Article{Title: "A", Slug: "a", Filename: "a", Date: fileDay, DateOnly: true, FileDate: true, BodyLine: 4}},
		{"BOM", "a.md", "\uFEFF---\ntitle: T\ndate: 2023-07-09\n---\nx\n",
			Article{Title: "T", Slug: "a", Filename: "a", Date: fileDay, DateOnly: true, Body: []byte("x\n"), BodyLine: 5}},
		{"CRLF", "a.md", "---\r\ntitle: T\r\ndate: 2023-07-09\r\n---\r\nx\r\ny\r\n",
			Article{Title: "T", Slug: "a", Filename: "a", Date: fileDay, DateOnly: true, Body: []byte("x\ny\n"), BodyLine: 5}},
		{"TOML CRLF", "a.md", "+++\r\ntitle = 'T'\r\ndate = 2023-07-09\r\n+++\r\nx\r\n",
			Article{Title: "T", Slug: "a", Filename: "a", Date: fileDay, DateOnly: true, Body: []byte("x\n"), BodyLine: 5}},
		{"liquid in body", "a.md", "---\ndate: 2023-07-09\ntitle: T\n---\n{% raw %}{{ x }}{% endraw %} ![i]({{ \"/i.png\" | absolute_url }})\n",
			Article{Title: "T", Slug: "a", Filename: "a", Date: fileDay, DateOnly: true,
				Body: []byte("{{ x }} ![i](https://example.com/blog/i.png)\n"), BodyLine: 5}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, diags := ParseMarkdown(tc.path, []byte(tc.src), MarkdownOptions{BaseURL: "https://example.com/blog/"})
			if got == nil {
				t.Fatalf("ParseMarkdown = nil:\n%s", diagStrings(diags))
			}
			if diags.HasErrors() {
				t.Errorf("diagnostics:\n%s", diagStrings(diags))
			}
			if got.Path != tc.path || got.Format != FormatMarkdown {
				t.Errorf("Path, Format = %q, %q; want %q, %q", got.Path, got.Format, tc.path, FormatMarkdown)
			}
			if g, w := describeArticle(got), describeArticle(&tc.want); g != w {
				t.Errorf("ParseMarkdown:\ngot  %s\nwant %s", g, w)
			}
		})
	}
}

func TestParseMarkdownWarnings(t *testing.T) {
	src := "---\r\ndate: 2023-07-09\r\ntitel: x\r\n---\r\n\r\n{% include a.html %}\r\n"
	got, diags := ParseMarkdown("a.md", []byte(src), MarkdownOptions{})
	if got == nil {
		t.Fatalf("ParseMarkdown = nil:\n%s", diagStrings(diags))
	}
	want := "a.md:3: warning: unknown key \"titel\"; did you mean \"title\"?\n" +
		"a.md:6: warning: template tag \"{% include a.html %}\" left as text (only the original site generator can evaluate it)"
	if g := diagStrings(diags); g != want {
		t.Errorf("diagnostics:\ngot  %s\nwant %s", g, want)
	}
}

func TestParseMarkdownBodyNotCopied(t *testing.T) {
	src := []byte("---\ndate: 2023-07-09\n---\nbody text\n")
	got := mustParse(t, "a.md", string(src))
	got2, diags := ParseMarkdown("a.md", src, MarkdownOptions{})
	if got2 == nil {
		t.Fatalf("ParseMarkdown = nil:\n%s", diagStrings(diags))
	}
	if !bytes.Equal(got.Body, got2.Body) {
		t.Fatalf("Body = %q, want %q", got2.Body, got.Body)
	}
	if &got2.Body[0] != &src[bytes.Index(src, []byte("body"))] {
		t.Errorf("Body is a copy of the source, want a slice of it")
	}
}

func TestRenderMarkdown(t *testing.T) {
	tests := []struct {
		name, in    string
		escape      bool
		want        string
		wantExcerpt string
	}{
		{"empty", "", false, "", ""},
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |\n", false,
			"<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n", ""},
		{"strikethrough", "~~old~~ new\n", false, "<p><del>old</del> new</p>\n", "<p><del>old</del> new</p>\n"},
		{"autolink", "see https://go.dev now\n", false,
			"<p>see <a href=\"https://go.dev\">https://go.dev</a> now</p>\n", "<p>see <a href=\"https://go.dev\">https://go.dev</a> now</p>\n"},
		{"task list", "- [x] done\n- [ ] todo\n", false,
			"<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> done</li>\n<li><input disabled=\"\" type=\"checkbox\"> todo</li>\n</ul>\n", ""},
		{"footnote", "Hi[^1]\n\n[^1]: note\n", false,
			"<p>Hi<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup></p>\n" +
				"<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n" +
				"<p>note&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n",
			"<p>Hi<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup></p>\n"},
		{"heading ids", "# Hello World\n\n## Hello World\n", false,
			"<h1 id=\"hello-world\">Hello World</h1>\n<h2 id=\"hello-world-1\">Hello World</h2>\n", ""},
		{"first paragraph", "# T\n\nOne *a*.\n\nTwo.\n", false,
			"<h1 id=\"t\">T</h1>\n<p>One <em>a</em>.</p>\n<p>Two.</p>\n", "<p>One <em>a</em>.</p>\n"},
		{"more marker", "One.\n\nTwo.\n\n<!--more-->\n\nThree.\n", false,
			"<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>\n", "<p>One.</p>\n<p>Two.</p>\n"},
		{"more marker spaced, escape mode", "One.\n<!-- more -->\n\nTwo.\n", true,
			"<p>One.</p>\n<p>Two.</p>\n", "<p>One.</p>\n"},
		{"inline more marker", "One <!--more--> two.\n\nThree.\n", false,
			"<p>One  two.</p>\n<p>Three.</p>\n", "<p>One  two.</p>\n"},
		{"more marker in code is text", "```\n<!--more-->\n```\n", false,
			"<pre><code>&lt;!--more--&gt;\n</code></pre>\n", ""},
		{"unsafe keeps raw HTML", "<script>alert(1)</script>\n\nA <b>b</b>.\n", false,
			"<script>alert(1)</script>\n<p>A <b>b</b>.</p>\n", "<p>A <b>b</b>.</p>\n"},
		{"escape shows raw HTML", "<script>alert(1)</script>\n\nA <b>b</b>.\n", true,
			"<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>A &lt;b&gt;b&lt;/b&gt;.</p>\n", "<p>A &lt;b&gt;b&lt;/b&gt;.</p>\n"},
		{"escape multi-line block", "<div>\n<p>x</p>\n</div>\n", true,
			"<p>&lt;div&gt;\n&lt;p&gt;x&lt;/p&gt;\n&lt;/div&gt;</p>\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, gotExcerpt, err := RenderMarkdown([]byte(tc.in), tc.escape)
			if err != nil {
				t.Fatalf("RenderMarkdown: %v", err)
			}
			if got != tc.want {
				t.Errorf("content =\n%s\nwant\n%s", got, tc.want)
			}
			if gotExcerpt != tc.wantExcerpt {
				t.Errorf("excerpt = %q, want %q", gotExcerpt, tc.wantExcerpt)
			}
		})
	}
}

// countLines counts lines the way an editor does: \n, \r\n and \r end one.
func countLines(src []byte) int {
	n := 1
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' || (src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n')) {
			n++
		}
	}
	return n
}

func FuzzParseMarkdown(f *testing.F) {
	seeds := []string{
		"---\ntitle: T\ndate: 2024-03-01\ntags: [a, b]\nauthor: {name: A, email: a@x}\nenclosure: {url: /a, type: t, length: 3}\n---\n# H\n\nbody {{ x }}\n",
		"+++\ntitle = 'T'\ndate = 2024-03-01T10:00:00Z\n[taxonomies]\ntags = ['x']\n+++\nbody\n",
		"---\r\ndate: soon\r\ntitel: x\r\n---\r\n{% raw %}{{ y }}{% endraw %}\r\n```\n{{ z }}\n```\n",
		"\uFEFF# Just a heading\n\n<!--more-->\n",
		"---\na: &a [x, y]\ntags: *a\nauthors: [*a]\n---\n",
		"---\ndate: 2024-01-01\n\tx: 1\n---\n",
		"---\nx: [\n",
		"+++\na = 1\na = 2\n+++\n",
		"---\ntitle: \"\\x85\\u2028\"\ndate: 2024-01-01\n---\n\u2028x\r\r",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	const path = "posts/2024-03-01-x.md"
	f.Fuzz(func(t *testing.T, src string) {
		a, diags := ParseMarkdown(path, []byte(src), MarkdownOptions{BaseURL: "https://example.com/b/"})
		lines := countLines([]byte(src))
		for _, d := range diags {
			if d.Path != path || d.Line < 0 || d.Line > lines {
				t.Fatalf("diagnostic %q: path or line out of range (file has %d lines)", d, lines)
			}
		}
		if a == nil {
			if !diags.HasErrors() && !diags.HasWarnings() {
				t.Fatalf("ParseMarkdown = nil without diagnostics")
			}
			return
		}
		if diags.HasErrors() {
			t.Fatalf("ParseMarkdown returned an article and errors: %s", diagStrings(diags))
		}
		if a.Date.IsZero() {
			t.Fatalf("article without date")
		}
		strs := []string{a.Title, a.Slug, a.Filename, a.ID, a.URL, a.ExternalURL, a.Summary, a.Image, a.Lang}
		strs = append(strs, a.Tags...)
		strs = append(strs, a.Categories...)
		for _, p := range a.Authors {
			strs = append(strs, p.Name, p.Email, p.URL)
		}
		if a.Enclosure != nil {
			strs = append(strs, a.Enclosure.URL, a.Enclosure.Type)
		}
		for _, s := range strs {
			if CleanText(s) != s {
				t.Fatalf("string %q is not clean", s)
			}
		}
		if _, _, err := RenderMarkdown(a.Body, len(src)%2 == 0); err != nil {
			t.Fatalf("RenderMarkdown: %v", err)
		}
	})
}
