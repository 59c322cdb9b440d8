package feed

import (
	"os"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// parseTextOK parses src and fails the test unless ParseText returns an
// article and no errors.
func parseTextOK(t *testing.T, path, src string, loc *time.Location) *Article {
	t.Helper()
	a, diags := ParseText(path, []byte(src), loc)
	if diags.HasErrors() || a == nil {
		t.Fatalf("ParseText(%q) = %v, %v; want an article and no errors", src, a, diags)
	}
	return a
}

func TestParseTextSample(t *testing.T) {
	src, err := os.ReadFile("testdata/text/000_3d9b05d03c115206.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, diags := ParseText("articles/000_3d9b05d03c115206.txt", src, time.UTC)
	if len(diags) != 0 || a == nil {
		t.Fatalf("ParseText = %v, %v; want an article and no diagnostics", a, diags)
	}
	const first = "General Mohammad Bagheri, Chief of Staff for the Armed Forces of the Islamic Republic of Iran, " +
		"spoke over the phone with new Turkish Defense Minister Yasar Guler."
	checks := []struct {
		name      string
		got, want any
	}{
		{"Path", a.Path, "articles/000_3d9b05d03c115206.txt"},
		{"Format", a.Format, FormatText},
		{"Date", a.Date, time.Date(2023, 6, 9, 0, 0, 0, 0, time.UTC)},
		{"DateOnly", a.DateOnly, true},
		{"Title", a.Title, "General Mohammad Bagheri, Chief of Staff for the Armed Forces of the Islamic Republic of Iran…"},
		{"Summary", a.Summary, first},
		{"Slug", a.Slug, "000_3d9b05d03c115206"},
		{"Filename", a.Filename, "000_3d9b05d03c115206"},
		{"Line[date]", a.Line["date"], 1},
		{"paragraphs", strings.Count(a.ContentHTML, "<p>"), 12},
		{"</p> count", strings.Count(a.ContentHTML, "</p>"), 12},
		{"lines", strings.Count(a.ContentHTML, "\n"), 11},
		{"first paragraph keeps dateline", strings.SplitN(a.ContentHTML, "\n", 2)[0], "<p>TEHRAN – " + first + "</p>"},
		{"apostrophe escaped", strings.Contains(a.ContentHTML, "for Raisi&#39;s goodwill"), true},
		{"curly quotes kept", strings.Contains(a.ContentHTML, "<p>“In the upcoming period,"), true},
		{"last paragraph", a.ContentHTML[strings.LastIndexByte(a.ContentHTML, '\n')+1:],
			"<p>The call came after Raisi sent a congratulatory message to Erdogan. In the message, Raisi considered " +
				"the re-election of Erdogan a sign of the continued valuable trust of the Turkish people in him.</p>"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}
	if a.Section != "" || a.ID != "" || a.Draft || a.Tags != nil || a.Authors != nil || !a.Updated.IsZero() {
		t.Errorf("fields ParseText does not own are set: %+v", a)
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name, src              string
		wantTitle, wantSummary string
		wantHTML               string // "" means not checked
		wantDate               time.Time
		wantDateOnly           bool
	}{
		{
			name:         "one line",
			src:          "date 2024-03-01 Hello world.",
			wantTitle:    "Hello world.",
			wantSummary:  "Hello world.",
			wantHTML:     "<p>Hello world.</p>",
			wantDate:     time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
			wantDateOnly: true,
		},
		{
			name:         "body starts on the next line",
			src:          "date 2024-03-01\nFirst line\n  second line\t\n\n\n \t \nNext paragraph.\n",
			wantTitle:    "First line second line",
			wantSummary:  "First line second line",
			wantHTML:     "<p>First line second line</p>\n<p>Next paragraph.</p>",
			wantDate:     time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
			wantDateOnly: true,
		},
		{
			name:         "leading spaces and tabs before date",
			src:          " \t date\t2024-03-01   Body   with \t  gaps.",
			wantTitle:    "Body with gaps.",
			wantSummary:  "Body with gaps.",
			wantHTML:     "<p>Body with gaps.</p>",
			wantDate:     time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
			wantDateOnly: true,
		},
		{
			name:         "CRLF",
			src:          "date 2024-03-01 LONDON (Reuters) - One.\r\nTwo.\r\n\r\nThree.\r\n",
			wantTitle:    "One.",
			wantSummary:  "One. Two.",
			wantHTML:     "<p>LONDON (Reuters) - One. Two.</p>\n<p>Three.</p>",
			wantDate:     time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
			wantDateOnly: true,
		},
		{
			name:         "lone CR",
			src:          "date 2024-03-01 One.\rTwo.\r\rThree.\r",
			wantTitle:    "One.",
			wantSummary:  "One. Two.",
			wantHTML:     "<p>One. Two.</p>\n<p>Three.</p>",
			wantDate:     time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
			wantDateOnly: true,
		},
		{
			name:         "BOM",
			src:          "\ufeffdate 2024-03-01 Hi.",
			wantTitle:    "Hi.",
			wantSummary:  "Hi.",
			wantHTML:     "<p>Hi.</p>",
			wantDate:     time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
			wantDateOnly: true,
		},
		{
			name:         "BOM with CRLF",
			src:          "\ufeffdate 2024-03-01\r\nHi.\r\n",
			wantTitle:    "Hi.",
			wantSummary:  "Hi.",
			wantHTML:     "<p>Hi.</p>",
			wantDate:     time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
			wantDateOnly: true,
		},
		{
			name:        "RFC 3339 UTC",
			src:         "date 2023-06-09T08:30:00Z WASHINGTON — Talks began.",
			wantTitle:   "Talks began.",
			wantSummary: "Talks began.",
			wantHTML:    "<p>WASHINGTON — Talks began.</p>",
			wantDate:    time.Date(2023, 6, 9, 8, 30, 0, 0, time.UTC),
		},
		{
			name:        "RFC 3339 with offset",
			src:         "date 2023-06-09T08:30:00+03:30 Talks began.",
			wantTitle:   "Talks began.",
			wantSummary: "Talks began.",
			wantDate:    time.Date(2023, 6, 9, 5, 0, 0, 0, time.UTC),
		},
		{
			name:        "RFC 3339 with fraction",
			src:         "date 2023-06-09T08:30:00.5-01:00 Talks began.",
			wantTitle:   "Talks began.",
			wantSummary: "Talks began.",
			wantDate:    time.Date(2023, 6, 9, 9, 30, 0, 5e8, time.UTC),
		},
		{
			name:        "escaping",
			src:         "date 2024-03-01 AT&T <b>won</b> \"big\" & 'fast'.\n\nx < y > z",
			wantTitle:   "AT&T <b>won</b> \"big\" & 'fast'.",
			wantSummary: "AT&T <b>won</b> \"big\" & 'fast'.",
			wantHTML: "<p>AT&amp;T &lt;b&gt;won&lt;/b&gt; &#34;big&#34; &amp; &#39;fast&#39;.</p>\n" +
				"<p>x &lt; y &gt; z</p>",
			wantDate:     time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
			wantDateOnly: true,
		},
		{
			name:         "control characters cleaned",
			src:          "date 2024-03-01 Bell\a and\u0085 C1\x7f.\n\x0c\nNext\u200b.",
			wantTitle:    "Bell and C1.",
			wantSummary:  "Bell and C1.",
			wantHTML:     "<p>Bell and C1.</p>\n<p>Next\u200b.</p>",
			wantDate:     time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
			wantDateOnly: true,
		},
		{
			name:         "no-break spaces are white space",
			src:          "date 2024-03-01 TEHRAN\u00a0– Iran\u00a0\u00a0spoke.",
			wantTitle:    "Iran spoke.",
			wantSummary:  "Iran spoke.",
			wantHTML:     "<p>TEHRAN – Iran spoke.</p>",
			wantDate:     time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
			wantDateOnly: true,
		},
		{
			name:         "summary not truncated",
			src:          "date 2024-03-01 " + strings.Repeat("word ", 60) + "end",
			wantTitle:    strings.TrimSuffix(strings.Repeat("word ", 20), " ") + "…",
			wantSummary:  strings.Repeat("word ", 60) + "end",
			wantDate:     time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
			wantDateOnly: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := parseTextOK(t, "a.txt", tc.src, time.UTC)
			if a.Title != tc.wantTitle {
				t.Errorf("Title = %q, want %q", a.Title, tc.wantTitle)
			}
			if a.Summary != tc.wantSummary {
				t.Errorf("Summary = %q, want %q", a.Summary, tc.wantSummary)
			}
			if tc.wantHTML != "" && a.ContentHTML != tc.wantHTML {
				t.Errorf("ContentHTML = %q, want %q", a.ContentHTML, tc.wantHTML)
			}
			if !a.Date.Equal(tc.wantDate) {
				t.Errorf("Date = %v, want %v", a.Date, tc.wantDate)
			}
			if a.DateOnly != tc.wantDateOnly {
				t.Errorf("DateOnly = %v, want %v", a.DateOnly, tc.wantDateOnly)
			}
		})
	}
}

func TestParseTextLocation(t *testing.T) {
	tehran := time.FixedZone("IRST", 3*3600+1800)
	tests := []struct {
		name, date string
		loc        *time.Location
		want       time.Time
		wantLoc    *time.Location
	}{
		{"date only in loc", "2023-06-09", tehran, time.Date(2023, 6, 8, 20, 30, 0, 0, time.UTC), tehran},
		{"date only, nil loc is UTC", "2023-06-09", nil, time.Date(2023, 6, 9, 0, 0, 0, 0, time.UTC), time.UTC},
		{"no zone uses loc", "2023-06-09T08:30:00", tehran, time.Date(2023, 6, 9, 5, 0, 0, 0, time.UTC), tehran},
		{"explicit zone wins over loc", "2023-06-09T08:30:00Z", tehran, time.Date(2023, 6, 9, 8, 30, 0, 0, time.UTC), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := parseTextOK(t, "a.txt", "date "+tc.date+" Body.", tc.loc)
			if !a.Date.Equal(tc.want) {
				t.Errorf("Date = %v, want %v", a.Date, tc.want)
			}
			if tc.wantLoc != nil && a.Date.Location() != tc.wantLoc {
				t.Errorf("Date location = %v, want %v", a.Date.Location(), tc.wantLoc)
			}
		})
	}
}

func TestParseTextErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"empty file", "", `p.txt:1: empty file: a plain-text article starts with "date YYYY-MM-DD"`},
		{"blank file", " \n\t\r\n", `p.txt:1: empty file: a plain-text article starts with "date YYYY-MM-DD"`},
		{"BOM only", "\ufeff", `p.txt:1: empty file: a plain-text article starts with "date YYYY-MM-DD"`},
		{"missing date line", "TEHRAN – Hello.\n", `p.txt:1: missing date line: a plain-text article starts with "date YYYY-MM-DD"`},
		{"date with colon", "date: 2023-06-09 Hi", `p.txt:1: missing date line: a plain-text article starts with "date YYYY-MM-DD"`},
		{"capitalised keyword", "Date 2023-06-09 Hi", `p.txt:1: missing date line: a plain-text article starts with "date YYYY-MM-DD"`},
		{"dated keyword", "dated 2023-06-09 Hi", `p.txt:1: missing date line: a plain-text article starts with "date YYYY-MM-DD"`},
		{"no date value", "date\nHi", `p.txt:1: missing date after "date": a plain-text article starts with "date YYYY-MM-DD"`},
		{"blank lines before date", "\n \ndate 2023-06-09 Hi", "p.txt:3: date line must be the first line of the file (2 blank line(s) before it)"},
		{"blank line, no date", "\nHello", `p.txt:1: missing date line: a plain-text article starts with "date YYYY-MM-DD"`},
		{"no such day", "date 2023-02-30 Hi", `p.txt:1: invalid date "2023-02-30": no such day`},
		{"month 13", "date 2023-13-01 Hi", `p.txt:1: invalid date "2023-13-01": no such day`},
		{"no such day in timestamp", "date 2023-04-31T10:00:00Z Hi", `p.txt:1: invalid date "2023-04-31T10:00:00Z": no such day`},
		{"year 0", "date 0000-01-01 Hi", `p.txt:1: invalid date "0000-01-01": year must be 1 to 9999`},
		{"year 10000", "date 10000-01-01 Hi",
			`p.txt:1: invalid date "10000-01-01": year must be 1 to 9999`},
		{"words", "date June 9 Hi",
			`p.txt:1: invalid date "June": want YYYY-MM-DD or an RFC 3339 timestamp such as 2023-06-09T08:30:00Z`},
		{"bad time", "date 2023-06-09T25:00:00Z Hi",
			`p.txt:1: invalid date "2023-06-09T25:00:00Z": want YYYY-MM-DD or an RFC 3339 timestamp such as 2023-06-09T08:30:00Z`},
		{"short date", "date 2023-6-9 Hi",
			`p.txt:1: invalid date "2023-6-9": want YYYY-MM-DD or an RFC 3339 timestamp such as 2023-06-09T08:30:00Z`},
		{"empty body", "date 2023-06-09\n\n  \n", "p.txt:1: empty body: no text after the date"},
		{"body only control characters", "date 2023-06-09 \x01\x02", "p.txt:1: empty body: no text after the date"},
		{"invalid UTF-8 on line 3", "date 2023-06-09 Hi\n\nbad \xff byte\n", "p.txt:3: invalid UTF-8"},
		{"invalid UTF-8 after CRLF", "date 2023-06-09 Hi\r\n\r\nbad \xc3(\r\n", "p.txt:3: invalid UTF-8"},
		{"invalid UTF-8 after lone CR", "date 2023-06-09 Hi\r\rbad \xe2\x80\r", "p.txt:3: invalid UTF-8"},
		{"two invalid lines", "date 2023-06-09 Hi\n\xff\nok\n\xfe", "p.txt:2: invalid UTF-8\np.txt:4: invalid UTF-8"},
		{"Latin-1 file", "date 2023-06-09 Caf\xe9", "p.txt:1: invalid UTF-8"},
		{"NUL byte", "date 2023-06-09 Hi\nthere\x00", "p.txt:2: NUL byte: not a text file"},
		{"UTF-16 file", "\xff\xfed\x00a\x00t\x00e\x00", "p.txt:1: NUL byte: not a text file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, diags := ParseText("p.txt", []byte(tc.src), time.UTC)
			if a != nil {
				t.Errorf("ParseText returned an article: %+v", a)
			}
			if !diags.HasErrors() {
				t.Fatalf("ParseText diagnostics = %v, want errors", diags)
			}
			if got := diags.Err().Error(); got != tc.want {
				t.Errorf("error = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestParseTextWarnings(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // "" means no diagnostics
	}{
		{"clock after date", "date 2023-06-09 08:30 Body.",
			`p.txt:1: warning: "08:30" after the date is read as body text; to set a time, write an RFC 3339 timestamp such as 2023-06-09T08:30:00`},
		{"short clock after date", "date 2023-06-09 8:30:15 Body.",
			`p.txt:1: warning: "8:30:15" after the date is read as body text; to set a time, write an RFC 3339 timestamp such as 2023-06-09T08:30:00`},
		{"number is not a clock", "date 2023-06-09 10 people died.", ""},
		{"score is not a clock", "date 2023-06-09 3:1 win.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, diags := ParseText("p.txt", []byte(tc.src), time.UTC)
			if a == nil || diags.HasErrors() {
				t.Fatalf("ParseText = %v, %v; want an article", a, diags)
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.Error())
			}
			if strings.Join(got, "\n") != tc.want {
				t.Errorf("diagnostics = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSplitDateline(t *testing.T) {
	tests := []struct {
		name, in     string
		wantDateline string // "" means none
	}{
		{"upper-case en dash", "TEHRAN – General Bagheri spoke.", "TEHRAN –"},
		{"agency hyphen", "LONDON (Reuters) - Shares fell.", "LONDON (Reuters) -"},
		{"em dash", "WASHINGTON — The Senate voted.", "WASHINGTON —"},
		{"capitalised with date and agency", "Tehran, June 9 (IRNA) – Iran said.", "Tehran, June 9 (IRNA) –"},
		{"two words, date, agency", "NEW YORK, June 9 (AP) — Stocks rose.", "NEW YORK, June 9 (AP) —"},
		{"slash", "BEIRUT/DAMASCUS - Israeli jets struck.", "BEIRUT/DAMASCUS -"},
		{"state abbreviation", "SAN FRANCISCO, Calif. — Tech shares fell.", "SAN FRANCISCO, Calif. —"},
		{"double hyphen", "PARIS -- France won.", "PARIS --"},
		{"capitalised with agency", "Geneva (AFP) – Talks resumed.", "Geneva (AFP) –"},
		{"capitalised with date only", "Kabul, Jun. 9 – Rain fell.", "Kabul, Jun. 9 –"},
		{"day before month, year", "LONDON, 9 June, 2023 (Reuters) - Rain.", "LONDON, 9 June, 2023 (Reuters) -"},
		{"connector word", "Rio de Janeiro (Reuters) - Brazil won.", "Rio de Janeiro (Reuters) -"},
		{"two-word agency", "FRANKFURT (Dow Jones) - Bund yields rose.", "FRANKFURT (Dow Jones) -"},
		{"accented upper case", "İSTANBUL – Turkey said.", "İSTANBUL –"},
		{"digit after dash", "KYIV – 12 drones were downed.", "KYIV –"},
		{"quote after dash", "KYIV – “We will win,” he said.", "KYIV –"},
		{"D.C. qualifier", "WASHINGTON, D.C. — Congress met.", "WASHINGTON, D.C. —"},

		{"ordinary dash in sentence", "The deal – signed on Monday – takes effect in May.", ""},
		{"name then dash", "President Biden – who spoke Monday – said no.", ""},
		{"capitalised place without marker", "Tehran – Iran said.", ""},
		{"capitalised place and region", "Paris, Texas – A storm hit.", ""},
		{"lower case after dash", "NATO – the alliance – met.", ""},
		{"no spaces round dash", "TEHRAN–General Bagheri spoke.", ""},
		{"hyphenated word", "WINSTON-SALEM is a city.", ""},
		{"too many words", "ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE - Text.", ""},
		{"too long", strings.Repeat("A", 61) + " - Text.", ""},
		{"only the first dash counts", "Iran and Turkey – TEHRAN – Text.", ""},
		{"dash at end", "TEHRAN –", ""},
		{"single upper-case letter", "A – B", ""},
		{"digits in place", "ROUTE 66 – Cars.", ""},
		{"unbalanced agency", "LONDON Reuters) - Shares fell.", ""},
		{"lower-case agency", "LONDON (staff) - Shares fell.", ""},
		{"bad qualifier", "LONDON, the capital - Text.", ""},
		{"empty qualifier", "LONDON, - Text.", ""},
		{"connector at end", "Rio de (Reuters) - Text.", ""},
		{"uncased script", "طهران – ایران گفت.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gotDateline, gotRest := splitDateline(tc.in)
			if gotDateline != tc.wantDateline {
				t.Errorf("splitDateline(%q) dateline = %q, want %q", tc.in, gotDateline, tc.wantDateline)
			}
			wantRest := tc.in
			if tc.wantDateline != "" {
				wantRest = strings.TrimPrefix(tc.in, tc.wantDateline+" ")
			}
			if gotRest != wantRest {
				t.Errorf("splitDateline(%q) rest = %q, want %q", tc.in, gotRest, wantRest)
			}
		})
	}
}

func TestFirstSentence(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"simple", "One two. Three four.", "One two."},
		{"question", "Why now? Because.", "Why now?"},
		{"exclamation", "Stop! Go.", "Stop!"},
		{"interrobang", "Really?! Yes.", "Really?!"},
		{"no sentence end", "No end here", "No end here"},
		{"ends at paragraph end", "Only one sentence.", "Only one sentence."},
		{"lower case after dot", "See fig. below for more. Next.", "See fig. below for more."},
		{"general", "Gen. Mohammad Bagheri spoke. Then.", "Gen. Mohammad Bagheri spoke."},
		{"ranks", "Lt. Col. Smith left. Then.", "Lt. Col. Smith left."},
		{"honorifics", "Mr. and Mrs. Smith met Ms. Lee and Dr. Roe. Then.", "Mr. and Mrs. Smith met Ms. Lee and Dr. Roe."},
		{"professor and saint", "Prof. Ng visited St. Louis. Then.", "Prof. Ng visited St. Louis."},
		{"U.S. before a name", "The U.S. Senate voted. Then.", "The U.S. Senate voted."},
		{"U.K. and U.N.", "U.K. and U.N. envoys met. Then.", "U.K. and U.N. envoys met."},
		{"U.S. ends a sentence", "Prices rose in the U.S. The euro fell.", "Prices rose in the U.S."},
		{"e.g. and i.e.", "Some, e.g. Iran, agreed, i.e. Most did. Then.", "Some, e.g. Iran, agreed, i.e. Most did."},
		{"company", "Apple Inc. Chief Tim Cook spoke. Then.", "Apple Inc. Chief Tim Cook spoke."},
		{"company ends a sentence", "He joined Acme Corp. The firm grew.", "He joined Acme Corp."},
		{"Ltd.", "Foo Ltd. Shares fell. Then.", "Foo Ltd. Shares fell."},
		{"months", "On Jan. 5 and Dec. 31 it snowed. Then.", "On Jan. 5 and Dec. 31 it snowed."},
		{"Sept.", "On Sept. 11 it rained. Then.", "On Sept. 11 it rained."},
		{"No.", "He is No. 1 now. Then.", "He is No. 1 now."},
		{"vs.", "Iran vs. Turkey ended 1-1. Then.", "Iran vs. Turkey ended 1-1."},
		{"initial", "J. Smith wrote it. Then.", "J. Smith wrote it."},
		{"initials", "John F. Kennedy died. Then.", "John F. Kennedy died."},
		{"decimal", "Growth was 3.5 percent. Then.", "Growth was 3.5 percent."},
		{"money", "It cost $1.2 billion. Then.", "It cost $1.2 billion."},
		{"digit starts next sentence", "It ended in 2023. 5 people died.", "It ended in 2023."},
		{"straight quote", `He said "stop." Then they left.`, `He said "stop."`},
		{"curly quote", "He said “stop.” Then they left.", "He said “stop.”"},
		{"question in single quote", "She asked ‘why?’ Nobody knew.", "She asked ‘why?’"},
		{"quoted exclamation mid-sentence", "“Stop!” he said. Then.", "“Stop!” he said."},
		{"next sentence opens with quote", "He left. “Why?” she asked.", "He left."},
		{"bracket", "It fell (by 3%.) Then rose.", "It fell (by 3%.)"},
		{"ellipsis dots", "Wait... Then go.", "Wait..."},
		{"a.m.", "It began at 9 a.m. Tuesday in Rome. Then.", "It began at 9 a.m. Tuesday in Rome."},
		{"p.m. ends a sentence", "It began at 9 p.m. The crowd cheered.", "It began at 9 p.m."},
		{"abbreviation in quote", "“Gen. Bagheri” spoke. Then.", "“Gen. Bagheri” spoke."},
		{"uncased script", "گفت. ایران", "گفت."},
		{"CJK", "今日は晴れ。明日は雨。", "今日は晴れ。"},
		{"lone lower-case letter", "Plan a. Then b.", "Plan a."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := firstSentence(tc.in); got != tc.want {
				t.Errorf("firstSentence(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestShortenTitle(t *testing.T) {
	long := "The Armed Forces of the Islamic Republic of Iran and the Turkish Defense Ministry agreed on Friday to widen cooperation."
	tests := []struct {
		name, in, want string
	}{
		{"short", "Short title.", "Short title."},
		{"exactly 100", strings.Repeat("x", 100), strings.Repeat("x", 100)},
		{"word boundary", long, "The Armed Forces of the Islamic Republic of Iran and the Turkish Defense Ministry agreed on Friday…"},
		{"space right at the cut", strings.Repeat("abcd ", 30), strings.TrimSuffix(strings.Repeat("abcd ", 20), " ") + "…"},
		{"dangling comma dropped", strings.Repeat("x", 95) + ", and more words here", strings.Repeat("x", 95) + "…"},
		{"dangling dash dropped", strings.Repeat("x", 94) + " – and more words here", strings.Repeat("x", 94) + "…"},
		{"one long word", strings.Repeat("y", 150), strings.Repeat("y", 99) + "…"},
		{"multibyte runes", strings.Repeat("é", 60) + " " + strings.Repeat("ü", 60), strings.Repeat("é", 60) + "…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := shortenTitle(tc.in, maxTitleRunes)
			if got != tc.want {
				t.Errorf("shortenTitle(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if n := utf8.RuneCountInString(got); n > maxTitleRunes {
				t.Errorf("shortenTitle(%q) has %d runes, want at most %d", tc.in, n, maxTitleRunes)
			}
		})
	}
}

func TestParseTextTitle(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"dateline removed", "TEHRAN – Iran spoke. Then.", "Iran spoke."},
		{"agency dateline removed", "NEW YORK, June 9 (AP) — Stocks rose 3.5 percent. Then.", "Stocks rose 3.5 percent."},
		{"ordinary dash kept", "The deal – signed on Monday – holds. Then.", "The deal – signed on Monday – holds."},
		{"long first sentence", "LONDON (Reuters) - " + strings.Repeat("Shares of many companies fell ", 5) + "today. Then.",
			"Shares of many companies fell Shares of many companies fell Shares of many companies fell Shares of…"},
		{"no sentence end", "KYIV – Drones were downed overnight", "Drones were downed overnight"},
		{"only a dateline-like paragraph", "TEHRAN –", "TEHRAN –"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := parseTextOK(t, "p.txt", "date 2024-01-01 "+tc.body, nil)
			if a.Title != tc.want {
				t.Errorf("Title = %q, want %q", a.Title, tc.want)
			}
		})
	}
}

func TestTextSlug(t *testing.T) {
	tests := []struct {
		path, want string
	}{
		{"articles/2023-06-09-iran-turkey.txt", "iran-turkey"},
		{"iran-turkey.txt", "iran-turkey"},
		{"a/b/c/Notes.v2.txt", "Notes.v2"},
		{"2023-06-09.txt", "2023-06-09"},
		{"2023-06-09-.txt", "2023-06-09-"},
		{"2023-6-9-x.txt", "2023-6-9-x"},
		{"news/20230609-x.txt", "20230609-x"},
		{"noext", "noext"},
		{".txt", ".txt"},
		{"2023-06-09-a", "a"},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			a := parseTextOK(t, tc.path, "date 2024-01-01 Body.", nil)
			if a.Slug != tc.want || a.Filename != tc.want {
				t.Errorf("Slug, Filename = %q, %q; want %q", a.Slug, a.Filename, tc.want)
			}
			if a.Path != tc.path {
				t.Errorf("Path = %q, want %q", a.Path, tc.path)
			}
		})
	}
}

func FuzzParseText(f *testing.F) {
	seeds := []string{
		"date 2023-06-09 TEHRAN – General Bagheri spoke. Then.\n\nMore & <more>.",
		"\ufeffdate 2023-06-09T08:30:00+03:30\r\nLONDON (Reuters) - \"Hi.\" Yes.\r\n\r\nx",
		"date 2023-06-09 " + strings.Repeat("word ", 40),
		"date 2023-02-30 x",
		"date 2023-06-09 a\xff\n\x00",
		"date 2023-06-09 \u0085\u00a0\x01 Gen. U.S. 3.5 “q.” ‘a?’ Tehran, June 9 (IRNA) – x",
		"",
	}
	if src, err := os.ReadFile("testdata/text/000_3d9b05d03c115206.txt"); err == nil {
		seeds = append(seeds, string(src))
	} else {
		f.Fatal(err)
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		a, diags := ParseText("f.txt", src, time.UTC)
		if (a == nil) != diags.HasErrors() {
			t.Fatalf("article %v with diagnostics %v: want an article exactly when there are no errors", a, diags)
		}
		if a == nil {
			return
		}
		for name, s := range map[string]string{"Title": a.Title, "Summary": a.Summary, "ContentHTML": a.ContentHTML} {
			if CleanText(s) != s {
				t.Errorf("%s %q is not clean", name, s)
			}
		}
		if a.Title == "" || a.Summary == "" {
			t.Errorf("empty Title %q or Summary %q", a.Title, a.Summary)
		}
		if n := utf8.RuneCountInString(a.Title); n > maxTitleRunes {
			t.Errorf("Title has %d runes: %q", n, a.Title)
		}
		for _, p := range strings.Split(a.ContentHTML, "\n") {
			inner, ok := strings.CutPrefix(p, "<p>")
			if ok {
				inner, ok = strings.CutSuffix(inner, "</p>")
			}
			if !ok || strings.ContainsAny(inner, "<>") || inner == "" {
				t.Errorf("ContentHTML line %q is not one non-empty escaped <p> element", p)
			}
		}
	})
}

// FuzzNormalizeSpace: the fast path (a string already normal) agrees with
// the full rewrite.
func FuzzNormalizeSpace(f *testing.F) {
	for _, s := range []string{"a b", " a", "a  b", "a\tb", "é b", "a b ", "a\u00a0b", "a\u2003b", "a – b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !isNormalASCII(s) {
			return
		}
		var b strings.Builder
		space := false
		for _, r := range s {
			if unicode.IsSpace(r) {
				space = true
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
		if b.String() != s {
			t.Fatalf("isNormalASCII(%q) but the rewrite gives %q", s, b.String())
		}
	})
}
