package feed

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello, World!", "hello-world"},
		{"already-a-slug", "already-a-slug"},
		{"go", "go"},
		{"Café au lait", "café-au-lait"},
		{"漢字 テスト", "漢字-テスト"},
		{"../../etc/passwd", "etc-passwd"},
		{"/abs", "abs"},
		{"a\x00b", "ab"},
		{"a／b∕c", "a-b-c"},
		{"--x--", "x"},
		{"a--b", "a-b"},
		{"!!!", ""},
		{"", ""},
		{"e\u0301", "é"}, // NFC
		{strings.Repeat("ab", 200), strings.Repeat("ab", 60)},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := Slugify(tc.in); got != tc.want {
				t.Errorf("Slugify(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// FuzzSlugify: slugs are safe path segments, Slugify is idempotent, and
// the fast path for strings that are already slugs agrees with the slow one.
func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Hello", "a-b", "../x", "Café", "a--b", "-a", "CON"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slugify(s)
		if strings.ContainsAny(got, "/\\\x00.") && strings.Contains(got, "..") || strings.ContainsAny(got, "/\\\x00") {
			t.Fatalf("Slugify(%q) = %q is not a safe path segment", s, got)
		}
		if !utf8.ValidString(got) || len(got) > maxSlugBytes || CleanText(got) != got {
			t.Fatalf("Slugify(%q) = %q", s, got)
		}
		if again := Slugify(got); again != got {
			t.Fatalf("Slugify not idempotent: %q → %q → %q", s, got, again)
		}
		if isSlug(s) && got != s {
			t.Fatalf("fast path: Slugify(%q) = %q", s, got)
		}
	})
}
