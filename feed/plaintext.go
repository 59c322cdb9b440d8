package feed

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// PlainText returns the text of an HTML fragment or of a title that may contain markup: tags stripped, entities decoded,
// runs of whitespace collapsed to one space, trimmed, cleaned with CleanText. Block-level boundaries (p, br, li, h1-6, div)
// become a space so words don't join.
//
// Every Unicode space counts as whitespace, so a no-break space (&nbsp;)
// becomes an ordinary space. The content of script and style elements is
// left out when the element is closed; an unclosed "<script>" or "<style>"
// (as in a title about HTML) keeps the text after it. Comments are dropped.
func PlainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return collapseSpace(CleanText(s))
	}
	var (
		b       strings.Builder
		skipped strings.Builder // text inside script/style, kept only if the element never closes
		skip    atom.Atom       // the script or style element being skipped, or 0
	)
	b.Grow(len(s))
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break // io.EOF: reading from a string cannot fail otherwise
		}
		switch tt {
		case html.TextToken:
			if skip != 0 {
				skipped.Write(z.Text())
			} else {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip != 0 {
				if tt == html.EndTagToken && a == skip {
					skip = 0
					skipped.Reset()
				}
				continue
			}
			if tt == html.StartTagToken && (a == atom.Script || a == atom.Style) {
				skip = a
				b.WriteByte(' ')
				continue
			}
			if isBlock(a) {
				b.WriteByte(' ')
			}
		}
	}
	if skip != 0 {
		b.WriteString(skipped.String())
	}
	return collapseSpace(CleanText(b.String()))
}

// isBlock reports whether a is an element whose edges separate words.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Br, atom.Li, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre, atom.Hr,
		atom.Table, atom.Tr, atom.Td, atom.Th, atom.Caption, atom.Thead, atom.Tbody, atom.Tfoot,
		atom.Figure, atom.Figcaption, atom.Section, atom.Article, atom.Aside, atom.Header, atom.Footer,
		atom.Nav, atom.Main, atom.Details, atom.Summary, atom.Address, atom.Img, atom.Video, atom.Audio:
		return true
	}
	return false
}

// collapseSpace replaces every run of Unicode whitespace in s by one space
// and trims s at both ends.
func collapseSpace(s string) string {
	// Fast path: nothing to do when s has no leading, trailing, doubled or
	// non-' ' whitespace.
	clean, prevSpace := true, true
	for i := 0; i < len(s) && clean; {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == ' ':
			clean = !prevSpace
			prevSpace = true
		case unicode.IsSpace(r):
			clean = false
		default:
			prevSpace = false
		}
	}
	if clean && !prevSpace {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// Truncate cuts plain text s to at most max runes (the "…" included) at a word boundary, adding "…" where it cut.
// If there is no space in range, cut at max-1 runes. Never splits a rune. Returns s unchanged when short enough.
//
// Whitespace before the cut is trimmed. A max of 1 gives "…" alone, and a
// max of 0 or less gives "". Truncate counts runes, not grapheme clusters,
// so it can separate a combining mark from its base letter.
func Truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	if max <= 0 {
		return ""
	}
	// keep is the byte length of the first max-1 runes.
	keep := 0
	for n := 0; n < max-1; n++ {
		_, size := utf8.DecodeRuneInString(s[keep:])
		keep += size
	}
	cut := keep
	if next, _ := utf8.DecodeRuneInString(s[keep:]); !unicode.IsSpace(next) {
		// The cut falls inside a word: go back to the last space, unless
		// the whole kept text is one word.
		if i := strings.LastIndexFunc(s[:keep], unicode.IsSpace); i >= 0 &&
			strings.TrimRightFunc(s[:i], unicode.IsSpace) != "" {
			cut = i
		}
	}
	return strings.TrimRightFunc(s[:cut], unicode.IsSpace) + "…"
}
