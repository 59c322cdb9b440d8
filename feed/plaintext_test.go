package feed

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPlainText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "Hello, world", "Hello, world"},
		{"tags", "<p>Hello, <em>brave</em> <a href=\"/x\">new</a> world</p>", "Hello, brave new world"},
		{"inline tags join", "un<b>believ</b>able", "unbelievable"},
		{"amp", "Fish &amp; chips", "Fish & chips"},
		{"lt gt", "1 &lt; 2 &gt; 0", "1 < 2 > 0"},
		{"hex reference", "&#x3C;b&#x3E; is bold", "<b> is bold"},
		{"decimal reference", "caf&#233;", "café"},
		{"nbsp", "a&nbsp;b&nbsp;&nbsp;c", "a b c"},
		{"bare ampersand", "R&D & more", "R&D & more"},
		{"unknown entity", "&bogus; x", "&bogus; x"},
		{"paragraphs", "<p>one</p><p>two</p>", "one two"},
		{"br", "line<br>break<br/>here", "line break here"},
		{"list", "<ul><li>a</li><li>b</li></ul>", "a b"},
		{"headings and div", "<h1>Title</h1><div>body</div><h6>end</h6>", "Title body end"},
		{"table cells", "<table><tr><td>a</td><td>b</td></tr></table>", "a b"},
		{"whitespace runs", "  a \t\n b\r\n\r\nc  ", "a b c"},
		{"unicode spaces", "a\u2003\u00a0b", "a b"},
		{"script and style dropped", "a<script>var x = '<p>';</script>b<style>p{}</style>c", "a b c"},
		{"unclosed script kept", "Using the <script> element", "Using the element"},
		{"comment dropped", "a<!-- hidden -->b", "ab"},
		{"lone less-than", "x < y and a <3 b", "x < y and a <3 b"},
		{"forbidden characters", "a\x01b&#1;c\u0085d&#xFFFD;e\xff", "abcde"},
		{"control between spaces", "a \x01 b", "a b"},
		{"title with markup", "Why <code>go vet</code> matters", "Why go vet matters"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := PlainText(tc.in); got != tc.want {
				t.Errorf("PlainText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want string
	}{
		{"short", "hello", 10, "hello"},
		{"exact length", "hello world", 11, "hello world"},
		{"one over", "hello world", 10, "hello…"},
		{"word boundary", "the quick brown fox", 12, "the quick…"},
		{"cut right before a space", "the quick brown fox", 10, "the quick…"},
		{"no space in range", "supercalifragilistic", 6, "super…"},
		{"leading word too long", "supercalifragilistic expialidocious", 10, "supercali…"},
		{"multibyte", "Grüße aus Köln am Rhein", 12, "Grüße aus…"},
		{"multibyte exact", "日本語のテキスト", 8, "日本語のテキスト"},
		{"multibyte no spaces", "日本語のテキスト", 5, "日本語の…"},
		{"emoji", "🙂🙂🙂 🙃🙃🙃", 6, "🙂🙂🙂…"},
		{"max 2", "hello", 2, "h…"},
		{"max 1", "hello", 1, "…"},
		{"max 0", "hello", 0, ""},
		{"negative", "hello", -3, ""},
		{"empty", "", 0, ""},
		{"trailing spaces trimmed", "a    b", 4, "a…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Truncate(tc.in, tc.max)
			if got != tc.want {
				t.Errorf("Truncate(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("Truncate(%q, %d) = %q is not valid UTF-8", tc.in, tc.max, got)
			}
			if n := utf8.RuneCountInString(got); n > max(tc.max, 0) && got != tc.in {
				t.Errorf("Truncate(%q, %d) has %d runes", tc.in, tc.max, n)
			}
		})
	}
}

func FuzzPlainText(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("a&nbsp;&#x3C;b&#0;\x00 <script>x")
	f.Fuzz(func(t *testing.T, s string) {
		got := PlainText(s)
		if CleanText(got) != got {
			t.Errorf("PlainText(%q) = %q has forbidden characters", s, got)
		}
		if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
			t.Errorf("PlainText(%q) = %q: whitespace not collapsed", s, got)
		}
		for _, m := range []int{1, 5, 40} {
			cut := Truncate(got, m)
			if n := utf8.RuneCountInString(cut); n > m {
				t.Errorf("Truncate(%q, %d) = %q has %d runes", got, m, cut, n)
			}
			if !utf8.ValidString(cut) {
				t.Errorf("Truncate(%q, %d) = %q is not valid UTF-8", got, m, cut)
			}
		}
	})
}
