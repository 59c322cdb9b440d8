package feed

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxSlugBytes keeps every path segment well under the 255-byte limit of
// common file systems.
const maxSlugBytes = 120

// Slugify returns s as a lower-case URL and path segment: letters and digits
// of any script are kept (in Unicode NFC), everything else becomes a single
// hyphen, and leading and trailing hyphens are dropped. The result never
// contains a slash, a dot segment or a control character, and is at most
// 120 bytes long, cut at a rune boundary. It is "" when s has no letter or
// digit.
func Slugify(s string) string {
	if isSlug(s) {
		return s
	}
	s = norm.NFC.String(CleanText(s))
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
		if b.Len() >= maxSlugBytes {
			break
		}
	}
	out := b.String()
	if len(out) > maxSlugBytes {
		out = out[:maxSlugBytes]
		for !utf8.ValidString(out) {
			out = out[:len(out)-1]
		}
	}
	return strings.Trim(out, "-")
}

// isSlug reports whether s is already a slug of ASCII letters and digits:
// lower case, single hyphens between words, short enough.
func isSlug(s string) bool {
	if s == "" || len(s) > maxSlugBytes || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// windowsReserved are the device names Windows reserves in every folder,
// in any case and with any extension.
var windowsReserved = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com0": true, "com1": true, "com2": true, "com3": true, "com4": true,
	"com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt0": true, "lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true,
	"lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// termSegment returns the folder name of a taxonomy term's feeds: the
// term's slug (never "": such terms get no feed), with "-" and label (tag,
// category, author) appended when the slug is a device name Windows
// reserves, so that the output can be copied to and served from any file
// system: a tag "CON" gets tags/con-tag/. A slug holds only lower-case
// letters, digits and inner hyphens, so no other name is unsafe.
func termSegment(slug, label string) string {
	if windowsReserved[slug] {
		return slug + "-" + label
	}
	return slug
}
