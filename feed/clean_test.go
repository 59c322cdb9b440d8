package feed

import "testing"

func TestCleanText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "hello", "hello"},
		{"empty", "", ""},
		{"whitespace kept", "a\tb\nc\rd", "a\tb\nc\rd"},
		{"C0 controls", "A\x01B\x00C\x1fD", "ABCD"},
		{"DEL and C1", "a\x7fb\u0085c\u009fd", "abcd"},
		{"invalid UTF-8", "A\xffB\xc3", "AB"},
		{"nonchars", "A\uFFFEB\uFFFFC", "ABC"},
		{"replacement char", "A\uFFFDB", "AB"},
		{"emoji CJK RTL kept", "😀 漢字 שלום", "😀 漢字 שלום"},
		{"BOM kept inside", "a\uFEFFb", "a\uFEFFb"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := CleanText(tc.in); got != tc.want {
				t.Errorf("CleanText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
