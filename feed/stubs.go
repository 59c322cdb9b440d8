package feed

// TEMPORARY stand-ins for helpers' work; removed when their branches merge.

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

type RawHTML string

const (
	RawHTMLSanitize RawHTML = "sanitize"
	RawHTMLEscape   RawHTML = "escape"
	RawHTMLTrust    RawHTML = "trust"
)

func SanitizeHTML(s string) string               { return s }
func ResolveHTML(s string, base *url.URL) string { return CleanText(s) }

var stubTagRE = regexp.MustCompile(`<[^>]*>`)

func PlainText(s string) string {
	return CleanText(strings.Join(strings.Fields(html.UnescapeString(stubTagRE.ReplaceAllString(s, " "))), " "))
}

func Truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)[:max-1]
	return string(r) + "…"
}
