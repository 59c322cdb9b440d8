package feed

import (
	"strings"
	"unicode/utf8"
)

// CleanText returns s with everything removed that a feed cannot carry:
// invalid UTF-8, characters XML 1.0 forbids, C1 control characters (which
// validators flag as bad characters) and U+FFFD replacement characters. It
// returns s itself when there is nothing to remove.
func CleanText(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7F {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !keepRune(r, n) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if keepRune(r, n) {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// keepRune reports whether r (decoded from n bytes) may appear in feed text.
func keepRune(r rune, n int) bool {
	switch {
	case r == utf8.RuneError:
		return false // invalid UTF-8 (n == 1) or a literal U+FFFD (n == 3)
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r >= 0x7F && r <= 0x9F:
		return false // DEL and C1 controls
	case r >= 0xD800 && r <= 0xDFFF:
		return false
	case r == 0xFFFE || r == 0xFFFF:
		return false
	}
	return n > 0
}
