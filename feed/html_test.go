package feed

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestSanitizeHTML(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Removed outright, with their content.
		{"script", `<p>a<script>alert(1)</script>b</p>`, `<p>ab</p>`},
		{"script src", `<script src="https://evil.example/x.js"></script>ok`, `ok`},
		{"style", `<style>p{color:red}</style><p>a</p>`, `<p>a</p>`},
		{"iframe", `<iframe src="https://evil.example/"></iframe>x`, `x`},
		{"object", `<object data="x.swf"><param name="a" value="b"></object>x`, `x`},
		{"embed", `<embed src="x.swf" type="application/x-shockwave-flash">x`, `x`},
		{"form", `<form action="/login" method="post"><input name="user"><textarea>t</textarea><select><option>o</option></select><button>go</button></form>`,
			`togo`},
		{"comment", `a<!-- secret -->b`, `ab`},
		{"svg and math", `<svg onload="x"><circle r="1"/></svg><math><mi>x</mi></math>`, `x`},
		{"base and meta", `<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=x">x`, `x`},

		// Event handlers.
		{"onclick", `<p onclick="alert(1)">a</p>`, `<p>a</p>`},
		{"onerror", `<img src="/a.png" onerror="alert(1)">`, `<img src="/a.png">`},
		{"onmouseover mixed case", `<a href="/x" OnMouseOver="alert(1)">a</a>`, `<a href="/x">a</a>`},
		{"style attribute", `<p style="background:url(javascript:alert(1))">a</p>`, `<p>a</p>`},

		// Dangerous URLs: the attribute goes, and a link left without href is unwrapped.
		{"javascript", `<a href="javascript:alert(1)">a</a>`, `a`},
		{"javascript mixed case", `<a href="JaVaScRiPt:alert(1)">a</a>`, `a`},
		{"javascript tab", "<a href=\"java\tscript:alert(1)\">a</a>", `a`},
		{"javascript newline entity", `<a href="java&#x0A;script:alert(1)">a</a>`, `a`},
		{"javascript entity", `<a href="&#106;avascript:alert(1)">a</a>`, `a`},
		{"javascript named entity colon", `<a href="javascript&colon;alert(1)">a</a>`, `a`},
		{"javascript leading space and control", "<a href=\" \x01javascript:alert(1)\">a</a>", `a`},
		{"javascript on img src", `<img src="javascript:alert(1)" alt="x">`, `<img alt="x">`},
		{"vbscript", `<a href="vbscript:msgbox(1)">a</a>`, `a`},
		{"data html on a", `<a href="data:text/html;base64,PHNjcmlwdD4=">a</a>`, `a`},
		{"data image on a", `<a href="data:image/png;base64,iVBORw0KGgo=">a</a>`, `a`},
		{"data image on img kept", `<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">`,
			`<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">`},
		{"data svg on img kept", `<img src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E">`, `<img src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E">`},
		{"data html on img", `<img src="data:text/html,x" alt="a">`, `<img alt="a">`},
		{"data in srcset", `<img src="/a.png" srcset="data:image/png;base64,AA== 2x">`, `<img src="/a.png">`},
		{"javascript in srcset", `<img src="/a.png" srcset="/a.png 1x, javascript:alert(1) 2x">`, `<img src="/a.png">`},
		{"javascript poster", `<video controls poster="javascript:alert(1)"></video>`, `<video controls=""></video>`},
		{"javascript on source", `<video><source src="javascript:alert(1)"></video>`, `<video></video>`},
		{"javascript cite", `<blockquote cite="javascript:alert(1)">q</blockquote>`, `<blockquote>q</blockquote>`},
		{"other scheme", `<a href="file:///etc/passwd">a</a>`, `a`},

		// Kept.
		{"links", `<a href="https://example.com/a?b=1" title="t">x</a> <a href="/b">y</a> <a href="c#d">z</a> <a href="mailto:a@example.com">m</a> <a href="tel:+123">t</a>`,
			`<a href="https://example.com/a?b=1" title="t">x</a> <a href="/b">y</a> <a href="c#d">z</a> <a href="mailto:a@example.com">m</a> <a href="tel:+123">t</a>`},
		{"headings with ids", `<h1 id="top">A</h1><h2 id="héllo-wörld">B</h2><h6>C</h6>`, `<h1 id="top">A</h1><h2 id="héllo-wörld">B</h2><h6>C</h6>`},
		{"lists", `<ol start="3"><li>a</li></ol><ul><li>b</li></ul><dl><dt>c</dt><dd>d</dd></dl>`,
			`<ol start="3"><li>a</li></ol><ul><li>b</li></ul><dl><dt>c</dt><dd>d</dd></dl>`},
		{"figure with image", `<figure><img src="/a.png" srcset="/a.png 1x, /a@2x.png 2x" alt="A" title="T" width="640" height="480" loading="lazy"><figcaption>Cap</figcaption></figure>`,
			`<figure><img src="/a.png" srcset="/a.png 1x, /a@2x.png 2x" alt="A" title="T" width="640" height="480" loading="lazy"><figcaption>Cap</figcaption></figure>`},
		{"picture", `<picture><source srcset="a.avif 1x, b.avif 2x" type="image/avif" media="(min-width: 600px)"><img src="a.jpg" alt=""></picture>`,
			`<picture><source srcset="a.avif 1x, b.avif 2x" type="image/avif" media="(min-width: 600px)"><img src="a.jpg" alt=""></picture>`},
		{"audio", `<audio controls src="ep1.mp3"></audio>`, `<audio controls="" src="ep1.mp3"></audio>`},
		{"video with source and track", `<video controls poster="p.jpg" width="640"><source src="v.webm" type="video/webm"><track src="en.vtt" kind="subtitles" srclang="en" label="English" default></video>`,
			`<video controls="" poster="p.jpg" width="640"><source src="v.webm" type="video/webm"><track src="en.vtt" kind="subtitles" srclang="en" label="English" default=""></video>`},
		{"table", `<table><thead><tr><th style="text-align:left">a</th><th style="text-align:center;color:red">b</th></tr></thead><tbody><tr><td colspan="2">c</td></tr></tbody></table>`,
			`<table><thead><tr><th style="text-align: left">a</th><th style="text-align: center">b</th></tr></thead><tbody><tr><td colspan="2">c</td></tr></tbody></table>`},
		{"code block", `<pre><code class="language-go">if a &lt; b {}</code></pre><p><code>x</code></p>`,
			`<pre><code class="language-go">if a &lt; b {}</code></pre><p><code>x</code></p>`},
		{"other class dropped", `<pre><code class="hljs evil">x</code></pre><p class="big">y</p>`, `<pre><code>x</code></pre><p>y</p>`},
		{"goldmark footnotes",
			`<p>Text<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup></p>` +
				`<div class="footnotes" role="doc-endnotes"><hr><ol><li id="fn:1"><p>Note&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p></li></ol></div>`,
			`<p>Text<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup></p>` +
				`<div class="footnotes" role="doc-endnotes"><hr><ol><li id="fn:1"><p>Note` + "\u00a0" + `<a href="#fnref:1" class="footnote-backref" role="doc-backlink">↩︎</a></p></li></ol></div>`},
		{"task list", `<ul><li><input checked="" disabled="" type="checkbox"> done</li><li><input disabled="" type="checkbox"> todo</li></ul>`,
			`<ul><li><input checked="" disabled="" type="checkbox"> done</li><li><input disabled="" type="checkbox"> todo</li></ul>`},
		{"checkbox made disabled", `<input type="checkbox" checked>`, `<input type="checkbox" checked="" disabled="">`},
		{"other inputs dropped", `<input type="text" value="x"><input disabled><input type="submit">a`, `a`},
		{"inline", `<p><em>a</em> <strong>b</strong> <del>c</del> <ins>d</ins> <s>e</s> <sup>f</sup> <sub>g</sub> <mark>h</mark> <kbd>i</kbd> <abbr title="j">J</abbr></p>`,
			`<p><em>a</em> <strong>b</strong> <del>c</del> <ins>d</ins> <s>e</s> <sup>f</sup> <sub>g</sub> <mark>h</mark> <kbd>i</kbd> <abbr title="j">J</abbr></p>`},
		{"blocks", `<blockquote cite="https://example.com/q"><p>q</p></blockquote><hr><p>a<br>b</p><details open><summary>s</summary>d</details>`,
			`<blockquote cite="https://example.com/q"><p>q</p></blockquote><hr><p>a<br>b</p><details open=""><summary>s</summary>d</details>`},
		{"forbidden characters removed", "<p>a\x00b\x0bc\u0085d\ufffde</p>", `<p>abcde</p>`},
		{"text escaped", `<p>1 &lt; 2 &amp; &lt;script&gt;</p>`, `<p>1 &lt; 2 &amp; &lt;script&gt;</p>`},

		// Parser-differential (mutation XSS) shapes: the output must stay
		// inert when an HTML5 parser reads it back.
		{"noscript title", `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`, `<img src="x">&#34;&gt;`},
		{"svg style", `<svg><style><img src=x onerror=alert(1)></style></svg>`, ``},
		{"math mglyph style", `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`, `<table>`},
		{"textarea", `<textarea><script>alert(1)</script></textarea>`, `&lt;script&gt;alert(1)&lt;/script&gt;`},
		{"xmp", `<xmp><script>alert(1)</script></xmp>`, `&lt;script&gt;alert(1)&lt;/script&gt;`},
		{"plaintext", `<p>a<plaintext><b>x`, `<p>a&lt;b&gt;x`},
		{"target and rel dropped", `<a href="https://example.com/" target="_blank" rel="noopener">x</a>`, `<a href="https://example.com/">x</a>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := SanitizeHTML(tc.in)
			if got != tc.want {
				t.Errorf("SanitizeHTML(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
			checkSafeHTML(t, got)
		})
	}
}

func TestResolveHTML(t *testing.T) {
	base := mustParseURL(t, "https://example.com/posts/hello/")
	tests := []struct {
		name, in, want string
	}{
		{"root-relative", `<a href="/about">a</a>`, `<a href="https://example.com/about">a</a>`},
		{"document-relative", `<img src="cat.jpg"/>`, `<img src="https://example.com/posts/hello/cat.jpg"/>`},
		{"dot-relative", `<img src="./cat.jpg"/>`, `<img src="https://example.com/posts/hello/cat.jpg"/>`},
		{"parent", `<a href="../other/">a</a>`, `<a href="https://example.com/posts/other/">a</a>`},
		{"above root", `<a href="../../../../x">a</a>`, `<a href="https://example.com/x">a</a>`},
		{"fragment", `<a href="#fn:1">1</a>`, `<a href="https://example.com/posts/hello/#fn:1">1</a>`},
		{"query", `<a href="?page=2">2</a>`, `<a href="https://example.com/posts/hello/?page=2">2</a>`},
		{"protocol-relative", `<img src="//cdn.example.net/a.png"/>`, `<img src="https://cdn.example.net/a.png"/>`},
		{"empty href is the page", `<a href="">self</a>`, `<a href="https://example.com/posts/hello/">self</a>`},
		{"surrounding spaces", `<a href="  /x  ">x</a>`, `<a href="https://example.com/x">x</a>`},
		{"absolute kept byte for byte", `<a href="HTTP://Example.COM:80/A/../b?x=1&amp;y=%7e">a</a>`,
			`<a href="HTTP://Example.COM:80/A/../b?x=1&amp;y=%7e">a</a>`},
		{"other host kept", `<a href="https://other.example/p">a</a>`, `<a href="https://other.example/p">a</a>`},
		{"mailto", `<a href="mailto:me@example.com?subject=hi">m</a>`, `<a href="mailto:me@example.com?subject=hi">m</a>`},
		{"tel", `<a href="tel:+1-555-0100">t</a>`, `<a href="tel:+1-555-0100">t</a>`},
		{"data image", `<img src="data:image/png;base64,iVBORw0KGgo="/>`, `<img src="data:image/png;base64,iVBORw0KGgo="/>`},
		{"srcset", `<img src="a.png" srcset="a.png 1x, /b.png 2x,https://cdn.example.net/c.png 3x"/>`,
			`<img src="https://example.com/posts/hello/a.png" srcset="https://example.com/posts/hello/a.png 1x, https://example.com/b.png 2x, https://cdn.example.net/c.png 3x"/>`},
		{"srcset widths, no spaces", `<img srcset="small.jpg 480w,large.jpg 1080w" sizes="(max-width: 600px) 480px, 800px"/>`,
			`<img srcset="https://example.com/posts/hello/small.jpg 480w, https://example.com/posts/hello/large.jpg 1080w" sizes="(max-width: 600px) 480px, 800px"/>`},
		{"srcset trailing commas, no descriptor", `<source srcset="a.webp,  b.webp 2x,"/>`,
			`<source srcset="https://example.com/posts/hello/a.webp, https://example.com/posts/hello/b.webp 2x"/>`},
		{"srcset data candidate kept", `<img srcset="data:image/png;base64,AA== 1x, //cdn.example.net/b.png 2x"/>`,
			`<img srcset="data:image/png;base64,AA== 1x, https://cdn.example.net/b.png 2x"/>`},
		{"srcset of nothing dropped", `<img srcset=" , ,"/>`, `<img/>`},
		{"poster", `<video poster="poster.jpg" src="/v.mp4"></video>`,
			`<video poster="https://example.com/posts/hello/poster.jpg" src="https://example.com/v.mp4"></video>`},
		{"cite", `<blockquote cite="../source">q</blockquote>`, `<blockquote cite="https://example.com/posts/source">q</blockquote>`},
		{"object data", `<object data="movie.swf"></object>`, `<object data="https://example.com/posts/hello/movie.swf"></object>`},
		{"data elsewhere untouched", `<div data="x">d</div>`, `<div data="x">d</div>`},
		{"svg xlink:href", `<svg><a xlink:href="x">l</a></svg>`, `<svg><a xlink:href="https://example.com/posts/hello/x">l</a></svg>`},
		{"other attributes untouched", `<a href="/x" title="/y" class="z">a</a>`, `<a class="z" href="https://example.com/x" title="/y">a</a>`},

		// Malformed URLs: repaired when a relative reference only has a
		// stray %, a space or a colon in its first segment; dropped when it
		// still does not parse; left alone when absolute.
		{"bad percent repaired", `<a href="/100%">a</a>`, `<a href="https://example.com/100%25">a</a>`},
		{"space repaired", `<img src="my cat.png"/>`, `<img src="https://example.com/posts/hello/my%20cat.png"/>`},
		{"colon in first segment", `<a href="1:2">a</a>`, `<a href="https://example.com/posts/hello/1:2">a</a>`},
		{"bad host dropped", `<a href="//exa mple.com/">a</a>`, `<a>a</a>`},
		{"bad absolute left", `<a href="http://[::1">a</a>`, `<a href="http://[::1">a</a>`},
		{"bad srcset candidate dropped", `<img srcset="//exa[mple.com/x.png 1x, ok.png 2x"/>`,
			`<img srcset="https://example.com/posts/hello/ok.png 2x"/>`},

		// Markup repair.
		{"stray </p>", `<p>a</p></p>b`, `<p>a</p><p></p>b`},
		{"stray </img>", `<img src="/a.png"></img>x`, `<img src="https://example.com/a.png"/>x`},
		{"unclosed b", `<p><b>bold</p><p>next`, `<p><b>bold</b></p><p><b>next</b></p>`},
		{"misnested", `<b><i>x</b>y</i>`, `<b><i>x</i></b><i>y</i>`},
		{"bare ampersand", `<p>fish & chips <3</p>`, `<p>fish &amp; chips &lt;3</p>`},
		{"document tags dropped", `<html><head><title>t</title></head><body><p>a</p></body></html>`, `<title>t</title><p>a</p>`},

		// Cleaning.
		{"forbidden characters", "<p title=\"a&#1;b\">t&#0;x&#xFFFD;y\x01z\u0085</p>", `<p title="ab">txyz</p>`},
		{"attribute order kept", `<img width="1" src="a.png" alt="x"/>`, `<img width="1" src="https://example.com/posts/hello/a.png" alt="x"/>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ResolveHTML(tc.in, base)
			if got != tc.want {
				t.Errorf("ResolveHTML(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
			if again := ResolveHTML(tc.in, base); again != got {
				t.Errorf("ResolveHTML(%q) is not deterministic: %q, then %q", tc.in, got, again)
			}
			checkAbsoluteURLs(t, got)
		})
	}
}

func TestResolveHTMLBases(t *testing.T) {
	tests := []struct {
		name, base, in, want string
	}{
		{"file permalink", "https://example.com/2024/post.html", `<img src="img/a.png"/><a href="#x">x</a>`,
			`<img src="https://example.com/2024/img/a.png"/><a href="https://example.com/2024/post.html#x">x</a>`},
		{"http scheme for //", "http://example.com/p/", `<img src="//cdn.example.net/a.png"/>`, `<img src="http://cdn.example.net/a.png"/>`},
		{"base with query", "https://example.com/p?id=3", `<a href="#top">t</a><a href="?id=4">n</a>`,
			`<a href="https://example.com/p?id=3#top">t</a><a href="https://example.com/p?id=4">n</a>`},
		{"relative base leaves URLs", "/p/", `<a href="x">x</a></p>`, `<a href="x">x</a><p></p>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ResolveHTML(tc.in, mustParseURL(t, tc.base))
			if got != tc.want {
				t.Errorf("ResolveHTML(%q, %q)\n got %q\nwant %q", tc.in, tc.base, got, tc.want)
			}
		})
	}
	t.Run("nil base", func(t *testing.T) {
		in := `<a href="x">x</a><b>y`
		want := `<a href="x">x</a><b>y</b>`
		if got := ResolveHTML(in, nil); got != want {
			t.Errorf("ResolveHTML(%q, nil) = %q, want %q", in, got, want)
		}
	})
}

// TestSanitizeThenResolve runs the pipeline the build uses on a realistic
// body and checks the result is safe and has only absolute URLs.
func TestSanitizeThenResolve(t *testing.T) {
	base := mustParseURL(t, "https://example.com/posts/hello/")
	got := ResolveHTML(SanitizeHTML(benchArticle), base)
	checkSafeHTML(t, got)
	checkAbsoluteURLs(t, got)
	for _, want := range []string{
		`<h2 id="setting-up">`,
		`<code class="language-go">`,
		`<a class="footnote-ref" href="https://example.com/posts/hello/#fn:1" role="doc-noteref">`,
		`<input checked="" disabled="" type="checkbox"/>`,
		`srcset="https://example.com/posts/hello/diagram.png 1x, https://example.com/posts/hello/diagram@2x.png 2x"`,
		`poster="https://example.com/media/poster.jpg"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "onerror", "javascript:", "<iframe"} {
		if strings.Contains(got, bad) {
			t.Errorf("output contains %q", bad)
		}
	}
}

func TestParseSrcset(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []srcsetCandidate
	}{
		{"empty", "", nil},
		{"one", "a.png", []srcsetCandidate{{url: "a.png"}}},
		{"descriptors", " a.png  1x ,b.png 480w", []srcsetCandidate{{"a.png", "1x"}, {"b.png", "480w"}}},
		{"comma in url", "data:image/png;base64,AA== 2x", []srcsetCandidate{{"data:image/png;base64,AA==", "2x"}}},
		{"trailing commas", "a.png,,, b.png", []srcsetCandidate{{url: "a.png"}, {url: "b.png"}}},
		{"parenthesised descriptor", "a.png (x, y) 2x, b.png", []srcsetCandidate{{"a.png", "(x, y) 2x"}, {url: "b.png"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := parseSrcset(tc.in)
			if len(got) != len(tc.want) {
				t.Fatalf("parseSrcset(%q) = %q, want %q", tc.in, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("parseSrcset(%q)[%d] = %q, want %q", tc.in, i, got[i], tc.want[i])
				}
			}
		})
	}
}

func mustParseURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// parseHTML parses the fragment s in a body context, as a feed reader would.
func parseHTML(t testing.TB, s string) []*html.Node {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatalf("parsing %q: %v", s, err)
	}
	return nodes
}

// walkElements calls f for every element in nodes and their descendants.
func walkElements(nodes []*html.Node, f func(*html.Node)) {
	for _, n := range nodes {
		if n.Type == html.ElementNode {
			f(n)
		}
		var kids []*html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			kids = append(kids, c)
		}
		walkElements(kids, f)
	}
}

// urlAttrs are the attributes holding one URL.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "poster": true, "cite": true, "data": true,
	"action": true, "formaction": true, "background": true, "longdesc": true,
}

// forbiddenElements may never come out of SanitizeHTML.
var forbiddenElements = map[string]bool{
	"script": true, "style": true, "iframe": true, "frame": true, "frameset": true, "object": true, "embed": true,
	"form": true, "textarea": true, "select": true, "button": true, "base": true, "meta": true, "link": true,
	"svg": true, "math": true, "template": true, "noscript": true,
}

// alignStyle is the only style attribute SanitizeHTML keeps.
var alignStyle = regexp.MustCompile(`^text-align: (left|right|center|justify)$`)

// normURL prepares an attribute value the way a browser reads its scheme:
// whitespace and control characters removed, lower-cased.
func normURL(v string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, v))
}

// checkSafeHTML fails t if s, as parsed by an HTML5 parser, contains an
// element, attribute or URL that SanitizeHTML must remove.
func checkSafeHTML(t testing.TB, s string) {
	t.Helper()
	walkElements(parseHTML(t, s), func(n *html.Node) {
		if forbiddenElements[n.Data] {
			t.Errorf("element <%s> in %q", n.Data, s)
		}
		if n.Data == "input" {
			typ := ""
			for _, a := range n.Attr {
				if a.Key == "type" {
					typ = strings.ToLower(a.Val)
				}
			}
			if typ != "checkbox" {
				t.Errorf("input of type %q in %q", typ, s)
			}
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("event handler %s on <%s> in %q", a.Key, n.Data, s)
			}
			if a.Key == "style" && !alignStyle.MatchString(a.Val) {
				t.Errorf("style %q on <%s> in %q", a.Val, n.Data, s)
			}
			var vals []string
			switch {
			case urlAttrs[a.Key]:
				vals = []string{a.Val}
			case a.Key == "srcset":
				vals = []string{a.Val}
				for _, c := range parseSrcset(a.Val) {
					vals = append(vals, c.url)
				}
			}
			for _, v := range vals {
				v := normURL(v)
				if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") {
					t.Errorf("%s=%q on <%s> in %q", a.Key, a.Val, n.Data, s)
				}
				if strings.HasPrefix(v, "data:") && !(n.Data == "img" && a.Key == "src" && strings.HasPrefix(v, "data:image/")) {
					t.Errorf("%s=%q on <%s> in %q", a.Key, a.Val, n.Data, s)
				}
			}
		}
	})
}

// absURL matches a value that starts with a URL scheme.
var absURL = regexp.MustCompile(`^[\t\n\f\r ]*[a-zA-Z][a-zA-Z0-9+.-]*:`)

// checkAbsoluteURLs fails t if an URL attribute in s is relative.
func checkAbsoluteURLs(t testing.TB, s string) {
	t.Helper()
	walkElements(parseHTML(t, s), func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "data" && n.Data != "object" && n.Data != "embed" {
				continue
			}
			if urlAttrs[a.Key] && !absURL.MatchString(a.Val) {
				t.Errorf("relative %s=%q on <%s> in %q", a.Key, a.Val, n.Data, s)
			}
			if a.Key == "srcset" {
				for _, c := range parseSrcset(a.Val) {
					if !absURL.MatchString(c.url) {
						t.Errorf("relative srcset URL %q on <%s> in %q", c.url, n.Data, s)
					}
				}
			}
		}
	})
}

func FuzzSanitizeHTML(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	base, err := url.Parse("https://example.com/posts/hello/")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := SanitizeHTML(s)
		checkSafeHTML(t, got)
		resolved := ResolveHTML(got, base)
		checkSafeHTML(t, resolved)
		checkAbsoluteURLs(t, resolved)
		if CleanText(resolved) != resolved {
			t.Errorf("ResolveHTML(SanitizeHTML(%q)) = %q has forbidden characters", s, resolved)
		}
	})
}

func FuzzResolveHTML(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	base, err := url.Parse("https://example.com/posts/hello/")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := ResolveHTML(s, base)
		if CleanText(got) != got {
			t.Errorf("ResolveHTML(%q) = %q has forbidden characters", s, got)
		}
		checkAbsoluteURLs(t, got)
	})
}

// fuzzSeeds are starting points for the HTML fuzzers.
var fuzzSeeds = []string{
	"",
	"plain text & more",
	`<p onclick="x">a<script>alert(1)</script></p>`,
	`<a href="java&#x09;script:alert(1)">x</a><a href=" JAVASCRIPT:x">y</a>`,
	`<img src="data:image/png;base64,AA==" srcset="a.png 1x, b.png 2x" onerror="x">`,
	`<a href="data:text/html,<script>alert(1)</script>">d</a>`,
	`<video controls poster="p.jpg"><source src="v.webm"><track src="t.vtt"></video>`,
	`<svg><style><img src=x onerror=alert(1)></style></svg>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
	`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
	`<xmp></xmp><a href="x"></xmp>`,
	`<p>a</p></p><img src="x"></img><b>c`,
	`<a href="#fn:1" class="footnote-ref">1</a><input type="checkbox" checked disabled>`,
	`<form><input type="text"><button formaction="javascript:x">b</button></form>`,
	"<a href=\"/\x00x\">\x01</a>",
}

// benchArticle is a realistic ~5 KB article body as goldmark renders it
// (GFM, footnotes, heading ids), with a little raw HTML an author added.
const benchArticle = `<h2 id="setting-up">Setting up</h2>
<p>Last week I finally moved the blog off the old server. This post walks through what changed,
what broke, and what I would do differently next time. If you only want the short version, skip to
<a href="#lessons">the lessons</a> or read the <a href="/2024/03/migration-checklist/">checklist</a> I
kept while doing it.<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup></p>
<p>The new machine is smaller &amp; cheaper, and it serves everything as static files. Builds run on
my laptop; a <code>make deploy</code> copies the result with <code>rsync</code>.</p>
<figure><img src="diagram.png" srcset="diagram.png 1x, diagram@2x.png 2x" alt="Before and after" width="800" height="450" loading="lazy">
<figcaption>The old and the new setup, side by side.</figcaption></figure>
<h3 id="the-build">The build</h3>
<p>The build is a short Go program. It reads every article, renders Markdown, and writes the feeds:</p>
<pre><code class="language-go">func main() {
	cfg, err := feed.ParseConfig("config.yaml", data)
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range articles {
		fmt.Println(a.Title, a.Date.Format(time.DateOnly))
	}
}
</code></pre>
<p>Things I checked before switching DNS over:</p>
<ul>
<li><input checked="" disabled="" type="checkbox"> redirects for every old URL</li>
<li><input checked="" disabled="" type="checkbox"> feeds validate in the <a href="https://validator.w3.org/feed/">W3C validator</a></li>
<li><input disabled="" type="checkbox"> images have width and height</li>
<li><input disabled="" type="checkbox"> the 404 page links back home</li>
</ul>
<table>
<thead>
<tr>
<th style="text-align:left">Metric</th>
<th style="text-align:right">Old</th>
<th style="text-align:right">New</th>
</tr>
</thead>
<tbody>
<tr>
<td style="text-align:left">Time to first byte</td>
<td style="text-align:right">420 ms</td>
<td style="text-align:right">35 ms</td>
</tr>
<tr>
<td style="text-align:left">Monthly cost</td>
<td style="text-align:right">$24</td>
<td style="text-align:right">$5</td>
</tr>
</tbody>
</table>
<blockquote>
<p>Premature optimization is the root of all evil, but a 400 ms first byte is not premature.</p>
</blockquote>
<p>Here is the talk that convinced me, with the slides below it:</p>
<video controls src="../../media/talk.mp4" poster="/media/poster.jpg" width="640">
<source src="../../media/talk.webm" type="video/webm">
<track src="talk.en.vtt" kind="subtitles" srclang="en" label="English">
</video>
<p><iframe src="https://slides.example.net/embed/123" width="600" height="400"></iframe></p>
<p>A reader sent me <a href="javascript:alert(document.cookie)" onclick="steal()">this helpful link</a>, which
did not survive the sanitizer, and a tracking pixel <img src="https://t.example.net/p.gif" onerror="x()" width="1" height="1">.</p>
<p>The one part that took longer than planned was the images. The old theme resized them on the fly,
so the source folder held full-size photos straight from the camera; the new build copies files as they are.
I wrote a small script that makes a 1x and a 2x version of each picture and fills in <code>srcset</code>,
which cut the front page from 9 MB to a little under 600 KB. See <a href="./images-notes.md">my notes on images</a>
and the <a href="//cdn.example.net/docs/srcset.html">CDN's guide</a> if you want to do the same.</p>
<p>Fonts were the other surprise: the old server sent them with the wrong <code>Content-Type</code> header,
and browsers had quietly worked around it for years. The new one is stricter, so for an afternoon every
heading on the site fell back to Times. A <a href="mailto:me@example.com">mail from a reader</a> told me
before my own monitoring did.</p>
<h2 id="lessons">Lessons</h2>
<ol>
<li>Keep the old server running for a week; some readers poll feeds <em>very</em> rarely.</li>
<li>Make every URL in the feed absolute. Relative links work on the site and break in readers.</li>
<li>Test with real feed readers, not only validators.<sup id="fnref:2"><a href="#fn:2" class="footnote-ref" role="doc-noteref">2</a></sup></li>
</ol>
<details><summary>Full list of redirects</summary>
<p><code>/blog/*</code> → <code>/posts/*</code>, <code>/feed.xml</code> → <code>/atom.xml</code>, and a few
dozen one-off pages like <a href="../../about/">about</a> and <a href="?page=2">page two</a>.</p>
</details>
<p>Press <kbd>Ctrl</kbd>+<kbd>R</kbd> to reload, and <mark>do not</mark> forget the <abbr title="Content Security Policy">CSP</abbr> header.
Thanks to everyone who wrote in. <del>Comments are closed.</del> <ins>Comments are open again.</ins></p>
<div class="footnotes" role="doc-endnotes">
<hr>
<ol>
<li id="fn:1">
<p>The checklist is long; it grew every time something went wrong.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>
</li>
<li id="fn:2">
<p>NetNewsWire, Feedbin and Thunderbird all behave a little differently.&#160;<a href="#fnref:2" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>
</li>
</ol>
</div>
`

func BenchmarkSanitizeHTML(b *testing.B) {
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		SanitizeHTML(benchArticle)
	}
}

func BenchmarkResolveHTML(b *testing.B) {
	base, err := url.Parse("https://example.com/posts/hello/")
	if err != nil {
		b.Fatal(err)
	}
	in := SanitizeHTML(benchArticle)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		ResolveHTML(in, base)
	}
}
