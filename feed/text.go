package feed

import (
	"bytes"
	"fmt"
	"html"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Plain-text (news-wire) articles.
//
// A text article is a date line followed by the body:
//
//	date 2023-06-09 TEHRAN – General Mohammad Bagheri, Chief of Staff ...
//
//	In this call, the two sides discussed military issues ...
//
// The rules, in the order ParseText applies them:
//
//   - A UTF-8 byte order mark at the start is dropped. CRLF, lone CR and LF
//     all end a line; line numbers in messages count them alike.
//   - A NUL byte is an error (the file is taken to be binary), and so is
//     invalid UTF-8; each names its line. Other control characters, C1
//     controls and U+FFFD are removed silently (CleanText).
//   - Within a line, every run of white space becomes one space, and lines
//     are trimmed. A line that is then empty is blank.
//   - The first line must start (after optional spaces or tabs) with "date",
//     white space and either YYYY-MM-DD (midnight in loc; DateOnly is set) or
//     an RFC 3339 timestamp. A timestamp without a zone
//     (2023-06-09T08:30:00) is read in loc. Years must be 1 to 9999. Blank
//     lines before the date line are an error naming the date line.
//   - The rest of the date line, after white space, starts the body.
//     Paragraphs are separated by blank lines; the lines of a paragraph are
//     joined with single spaces. A body with no text is an error.
//
// A dateline ("TEHRAN –", "LONDON (Reuters) -", "Tehran, June 9 (IRNA) –")
// at the start of the first paragraph is left out of the title and summary
// but kept in the content; see splitDateline for the heuristic.

// maxTitleRunes is the longest title ParseText makes, the ellipsis included.
const maxTitleRunes = 100

// maxEncodingErrors caps the invalid-UTF-8 errors reported for one file.
const maxEncodingErrors = 10

// dateHint ends the message for a file that does not start with a date line.
const dateHint = `a plain-text article starts with "date YYYY-MM-DD"`

// ParseText parses a plain-text (news-wire) article. path is the slash path
// used in messages and for the slug; loc is the time zone for a date without
// a zone (nil means UTC). It returns the article, or nil and the diagnostics
// when the file cannot be used. Warnings may accompany a good article.
//
// The title is the first sentence of the body without its dateline, cut at
// a word boundary to at most 100 runes (an ending "…" included). The summary
// is the whole first paragraph without its dateline. ContentHTML holds every
// paragraph, HTML-escaped, as <p>…</p>, one per line. Slug and Filename are
// the file name without extension and without a leading "YYYY-MM-DD-".
func ParseText(path string, src []byte, loc *time.Location) (*Article, Diagnostics) {
	if loc == nil {
		loc = time.UTC
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	raw := splitLines(src)
	if diags := checkEncoding(path, raw); diags != nil {
		return nil, diags
	}

	lines := make([]string, len(raw))
	for i, l := range raw {
		lines[i] = normalizeSpace(CleanText(string(l)))
	}

	first := -1
	for i, l := range lines {
		if l != "" {
			first = i
			break
		}
	}
	switch {
	case first < 0:
		return nil, Diagnostics{errorf(path, 1, "empty file: %s", dateHint)}
	case first > 0:
		if _, _, ok := cutDateKeyword(lines[first]); ok {
			return nil, Diagnostics{errorf(path, first+1,
				"date line must be the first line of the file (%d blank line(s) before it)", first)}
		}
		return nil, Diagnostics{errorf(path, 1, "missing date line: %s", dateHint)}
	}

	value, rest, ok := cutDateKeyword(lines[0])
	if !ok {
		return nil, Diagnostics{errorf(path, 1, "missing date line: %s", dateHint)}
	}
	if value == "" {
		return nil, Diagnostics{errorf(path, 1, `missing date after "date": %s`, dateHint)}
	}
	date, dateOnly, err := parseTextDate(value, loc)
	if err != nil {
		return nil, Diagnostics{errorf(path, 1, "%v", err)}
	}

	var diags Diagnostics
	if dateOnly && startsWithClock(rest) {
		diags = append(diags, warnf(path, 1,
			"%q after the date is read as body text; to set a time, write an RFC 3339 timestamp such as %sT08:30:00",
			strings.Fields(rest)[0], value))
	}

	lines[0] = rest
	paras := paragraphs(lines)
	if len(paras) == 0 {
		return nil, append(diags, errorf(path, 1, "empty body: no text after the date"))
	}

	_, summary := splitDateline(paras[0])
	slug := textSlug(path)
	a := &Article{
		Path:        path,
		Format:      FormatText,
		Slug:        slug,
		Filename:    slug,
		Title:       shortenTitle(firstSentence(summary), maxTitleRunes),
		Date:        date,
		DateOnly:    dateOnly,
		Summary:     summary,
		ContentHTML: paragraphsHTML(paras),
		Line:        map[string]int{"date": 1},
	}
	return a, diags
}

// splitLines splits src at LF, CRLF and lone CR. A final line ending does
// not start another line.
func splitLines(src []byte) [][]byte {
	var lines [][]byte
	for len(src) > 0 {
		i := bytes.IndexAny(src, "\r\n")
		if i < 0 {
			lines = append(lines, src)
			break
		}
		lines = append(lines, src[:i])
		if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			i++
		}
		src = src[i+1:]
	}
	return lines
}

// checkEncoding reports a NUL byte (the file is binary; only the first is
// reported) and lines holding invalid UTF-8, or returns nil.
func checkEncoding(path string, lines [][]byte) Diagnostics {
	var diags Diagnostics
	for i, l := range lines {
		if bytes.IndexByte(l, 0) >= 0 {
			return append(diags, errorf(path, i+1, "NUL byte: not a text file"))
		}
		if !utf8.Valid(l) && len(diags) < maxEncodingErrors {
			diags = append(diags, errorf(path, i+1, "invalid UTF-8"))
		}
	}
	return diags
}

// isNormalASCII reports whether s has single ASCII spaces between words,
// none at either end and no other white space: what normalizeSpace would
// return unchanged.
func isNormalASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) || r == utf8.RuneError {
				return false
			}
			i += n - 1
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return false
		}
	}
	return true
}

// normalizeSpace trims s and turns every run of white space inside it into
// one space.
func normalizeSpace(s string) string {
	if isNormalASCII(s) {
		return s
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
	return b.String()
}

// cutDateKeyword splits a normalized line "date VALUE REST" into VALUE and
// REST. ok is false when the line does not start with the word "date".
func cutDateKeyword(line string) (value, rest string, ok bool) {
	after, found := strings.CutPrefix(line, "date")
	if !found || (after != "" && after[0] != ' ') {
		return "", "", false
	}
	after = strings.TrimPrefix(after, " ")
	value, rest, _ = strings.Cut(after, " ")
	return value, rest, true
}

// parseTextDate parses a date line's value: YYYY-MM-DD (midnight in loc) or
// an RFC 3339 timestamp, whose zone may be left out to mean loc.
func parseTextDate(value string, loc *time.Location) (t time.Time, dateOnly bool, err error) {
	const want = "want YYYY-MM-DD or an RFC 3339 timestamp such as 2023-06-09T08:30:00Z"
	if y, _, ok := strings.Cut(value, "-"); ok && len(y) > 4 && strings.Trim(y, "0123456789") == "" {
		return time.Time{}, false, fmt.Errorf("invalid date %q: year must be 1 to 9999", value)
	}
	if !looksLikeDate(value) {
		return time.Time{}, false, fmt.Errorf("invalid date %q: %s", value, want)
	}
	if value[:4] == "0000" {
		return time.Time{}, false, fmt.Errorf("invalid date %q: year must be 1 to 9999", value)
	}
	if !dateExists(value) {
		return time.Time{}, false, fmt.Errorf("invalid date %q: no such day", value)
	}
	if len(value) == len(time.DateOnly) {
		t, err = time.ParseInLocation(time.DateOnly, value, loc)
		dateOnly = true
	} else if hasZone(value) {
		t, err = time.Parse(time.RFC3339, value)
	} else {
		t, err = time.ParseInLocation("2006-01-02T15:04:05", value, loc)
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("invalid date %q: %s", value, want)
	}
	return t, dateOnly, nil
}

// looksLikeDate reports whether s starts with "DDDD-DD-DD" and is either
// exactly that or continues with 'T'.
func looksLikeDate(s string) bool {
	if len(s) < 10 || (len(s) > 10 && s[10] != 'T') {
		return false
	}
	for i := range 10 {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// dateExists reports whether the "YYYY-MM-DD" at the start of s names a day
// of the proleptic Gregorian calendar in years 1 to 9999.
func dateExists(s string) bool {
	num := func(a string) int {
		n := 0
		for _, c := range []byte(a) {
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(s[0:4]), num(s[5:7]), num(s[8:10])
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return false
	}
	// Day 0 of the next month is the last day of this one.
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// hasZone reports whether an RFC 3339 timestamp ends in Z or a ±hh:mm offset.
func hasZone(s string) bool {
	if strings.HasSuffix(s, "Z") || strings.HasSuffix(s, "z") {
		return true
	}
	return len(s) >= 6 && (s[len(s)-6] == '+' || s[len(s)-6] == '-') && s[len(s)-3] == ':'
}

// startsWithClock reports whether s starts with a time of day such as
// "08:30", the likely sign of "date 2023-06-09 08:30".
func startsWithClock(s string) bool {
	i := 0
	for i < len(s) && i < 2 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && len(s) >= i+3 && s[i] == ':' &&
		s[i+1] >= '0' && s[i+1] <= '9' && s[i+2] >= '0' && s[i+2] <= '9'
}

// paragraphs groups normalized lines into paragraphs: runs of non-blank
// lines joined with single spaces.
func paragraphs(lines []string) []string {
	var paras []string
	var cur []string
	for _, l := range lines {
		if l == "" {
			if len(cur) > 0 {
				paras = append(paras, strings.Join(cur, " "))
				cur = cur[:0]
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, " "))
	}
	return paras
}

// paragraphsHTML renders paragraphs as escaped <p> elements, one per line.
func paragraphsHTML(paras []string) string {
	var b strings.Builder
	for i, p := range paras {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(p))
		b.WriteString("</p>")
	}
	return b.String()
}

// textSlug returns the base name of p without its extension and without a
// leading "YYYY-MM-DD-". When nothing would remain, less is removed.
func textSlug(p string) string {
	base := path.Base(p)
	name := strings.TrimSuffix(base, path.Ext(base))
	if name == "" {
		return base
	}
	if len(name) > 11 && looksLikeDate(name[:10]) && name[10] == '-' {
		return name[11:]
	}
	return name
}

// shortenTitle returns s when it has at most max runes. Otherwise it cuts s
// at the last space that leaves room for "…", drops punctuation left
// dangling at the cut, and appends "…". A first word longer than the limit is
// cut inside the word.
func shortenTitle(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	rs := []rune(s)
	limit := max - 1 // room for the ellipsis
	cut := limit
	if rs[limit] != ' ' {
		cut = -1
		for i := limit - 1; i > 0; i-- {
			if rs[i] == ' ' {
				cut = i
				break
			}
		}
	}
	head := ""
	if cut > 0 {
		head = strings.TrimRightFunc(string(rs[:cut]), func(r rune) bool {
			return r == ' ' || strings.ContainsRune(",;:-–—([{", r)
		})
	}
	if head == "" {
		head = string(rs[:limit])
	}
	return head + "…"
}

// Datelines.
//
// splitDateline looks only at the first " - ", " – ", " — " or " -- " in the
// paragraph. The text before it is a dateline when all of these hold:
//
//   - it has at most 60 runes and 8 words;
//   - it reads PLACE[, QUALIFIER]...[ (AGENCY)], where PLACE is upper-case
//     words (TEHRAN, BEIRUT/DAMASCUS) or capitalised words (Tehran, New York,
//     with "de", "al", "of" and the like allowed inside), a QUALIFIER is a
//     date (June 9, Jun. 9, 9 June, a year after a date) or one to three
//     capitalised or upper-case words (Calif., D.C.), and AGENCY is a short
//     capitalised name (Reuters, AP, Dow Jones);
//   - it is marked as a dateline: its first word is upper-case with at least
//     two letters, or it has an agency, or it has a date;
//   - the text after the dash starts a sentence: a letter that is not
//     lower-case, a digit or an opening quote or bracket.
//
// So "The deal – signed on Monday – ..." and "President Biden – who ..." are
// not datelines, while "BREAKING – The ..." is.

// maxDatelineRunes and maxDatelineWords bound the text before a dateline's
// dash.
const (
	maxDatelineRunes = 60
	maxDatelineWords = 8
)

// datelineDashes are the separators that end a dateline, each between spaces.
var datelineDashes = []string{"--", "-", "–", "—"}

// splitDateline splits a normalized paragraph into its dateline (with the
// dash) and the rest. dateline is "" when the paragraph has none.
func splitDateline(p string) (dateline, rest string) {
	for i := 0; i < len(p); i++ {
		if p[i] != ' ' {
			continue
		}
		if utf8.RuneCountInString(p[:i]) > maxDatelineRunes {
			return "", p
		}
		for _, d := range datelineDashes {
			after, ok := strings.CutPrefix(p[i+1:], d+" ")
			if !ok {
				continue
			}
			if isDateline(p[:i]) && startsSentence(after) {
				return p[:i+1+len(d)], after
			}
			return "", p
		}
	}
	return "", p
}

// isDateline reports whether s (the text before the dash) is a dateline.
func isDateline(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > maxDatelineWords {
		return false
	}
	agency := false
	if strings.HasSuffix(s, ")") {
		open := strings.LastIndexByte(s, '(')
		if open < 0 || !isAgency(s[open+1:len(s)-1]) {
			return false
		}
		agency = true
		s = strings.TrimSuffix(s[:open], " ")
	}
	parts := strings.Split(s, ",")
	place := strings.Fields(parts[0])
	if len(place) == 0 || !(isUpperWord(place[0]) || isCapWord(place[0])) ||
		!(isUpperWord(place[len(place)-1]) || isCapWord(place[len(place)-1])) {
		return false
	}
	for _, w := range place {
		if !isUpperWord(w) && !isCapWord(w) && !placeConnectors[w] {
			return false
		}
	}
	date, prevDate := false, false
	for _, part := range parts[1:] {
		part = strings.TrimSpace(part)
		switch {
		case isDayMonth(part):
			date, prevDate = true, true
		case prevDate && isYear(part):
			prevDate = false
		case isQualifier(part):
			prevDate = false
		default:
			return false
		}
	}
	return agency || date || (isUpperWord(place[0]) && upperLetters(place[0]) >= 2)
}

// placeConnectors are the lower-case words allowed inside a place name.
var placeConnectors = map[string]bool{
	"al": true, "am": true, "an": true, "da": true, "de": true, "del": true,
	"der": true, "des": true, "di": true, "do": true, "dos": true, "du": true,
	"el": true, "en": true, "la": true, "le": true, "les": true, "of": true,
	"on": true, "upon": true, "sur": true,
}

// isWordPunct reports whether r may appear inside a place-name word.
func isWordPunct(r rune) bool {
	return strings.ContainsRune(".'’-/&", r)
}

// isUpperWord reports whether w is an upper-case word: letters, all
// upper-case, and the punctuation isWordPunct allows.
func isUpperWord(w string) bool {
	return upperLetters(w) > 0 && strings.IndexFunc(w, func(r rune) bool {
		return !unicode.IsUpper(r) && !isWordPunct(r)
	}) < 0
}

// upperLetters counts the upper-case letters in w.
func upperLetters(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// isCapWord reports whether w is a capitalised word: an upper-case letter,
// then letters and the punctuation isWordPunct allows (Tehran, Calif., D.C.).
func isCapWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && strings.IndexFunc(w[n:], func(r rune) bool {
		return !unicode.IsLetter(r) && !isWordPunct(r)
	}) < 0
}

// isAgency reports whether s is a news agency's name as written inside
// parentheses: short, capitalised, letters, digits, spaces and a little
// punctuation.
func isAgency(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && utf8.RuneCountInString(s) <= 30 &&
		strings.IndexFunc(s, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ' ' && !isWordPunct(r)
		}) < 0
}

// isQualifier reports whether s is one to three capitalised or upper-case
// words, as in "SAN FRANCISCO, Calif." or "Washington, D.C.".
func isQualifier(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if !isUpperWord(w) && !isCapWord(w) {
			return false
		}
	}
	return true
}

// monthNames are month names and their abbreviations, without the dot.
var monthNames = map[string]bool{
	"January": true, "February": true, "March": true, "April": true,
	"May": true, "June": true, "July": true, "August": true,
	"September": true, "October": true, "November": true, "December": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true,
	"Jul": true, "Aug": true, "Sep": true, "Sept": true, "Oct": true,
	"Nov": true, "Dec": true,
}

// isDayMonth reports whether s is a day of a month: "June 9", "Jun. 9" or
// "9 June".
func isDayMonth(s string) bool {
	a, b, ok := strings.Cut(s, " ")
	if !ok {
		return false
	}
	isDay := func(d string) bool {
		return len(d) >= 1 && len(d) <= 2 && strings.Trim(d, "0123456789") == "" && d != "0" && d != "00"
	}
	isMonth := func(m string) bool { return monthNames[strings.TrimSuffix(m, ".")] }
	return (isMonth(a) && isDay(b)) || (isDay(a) && isMonth(b))
}

// isYear reports whether s is four digits.
func isYear(s string) bool {
	return len(s) == 4 && strings.Trim(s, "0123456789") == ""
}

// Sentences.
//
// firstSentence ends a sentence at '.', '!' or '?' (with any further
// terminators, closing quotes and brackets right after it) followed by a
// space and then a sentence start: a letter that is not lower-case, a digit,
// or an opening quote or bracket. A '.' does not end a sentence after a
// known abbreviation (Gen., Mr., Jan., No., vs., e.g.) or a run of initials
// (J., U.S., a.m.); after initials and words such as Inc. or Jr., which
// may end a sentence, it does when the next word is a common sentence opener
// ("in the U.S. The ..."). 。！？ end a sentence wherever they stand.

// neverFinal are abbreviations that never end a sentence, without the dot.
var neverFinal = map[string]bool{
	"Adm": true, "Brig": true, "Capt": true, "Cmdr": true, "Col": true,
	"Cpl": true, "Det": true, "Dr": true, "Fr": true, "Ft": true, "Gen": true,
	"Gov": true, "Hon": true, "Insp": true, "Lt": true, "Maj": true,
	"Messrs": true, "Mr": true, "Mrs": true, "Ms": true, "Mt": true,
	"Prof": true, "Pvt": true, "Rep": true, "Rev": true, "Sen": true,
	"Sgt": true, "Supt": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true,
	"Jul": true, "Aug": true, "Sep": true, "Sept": true, "Oct": true,
	"Nov": true, "Dec": true,
	"No": true, "Nos": true, "vs": true, "v": true,
	"e.g": true, "i.e": true, "cf": true, "approx": true, "ca": true,
}

// mayBeFinal are abbreviations that can also end a sentence, without the dot.
var mayBeFinal = map[string]bool{
	"Inc": true, "Corp": true, "Ltd": true, "Co": true, "Bros": true,
	"Jr": true, "Sr": true, "Plc": true, "LLC": true, "St": true, "etc": true,
}

// sentenceOpeners are words that start a sentence after an abbreviation
// that may end one.
var sentenceOpeners = map[string]bool{
	"A": true, "After": true, "An": true, "And": true, "As": true, "At": true,
	"But": true, "He": true, "Her": true, "His": true, "However": true,
	"I": true, "In": true, "It": true, "Its": true, "Meanwhile": true,
	"On": true, "Our": true, "She": true, "That": true, "The": true,
	"Their": true, "There": true, "These": true, "They": true, "This": true,
	"Those": true, "We": true, "When": true, "While": true,
}

// firstSentence returns the first sentence of the normalized paragraph p, or
// p when it has no sentence end.
func firstSentence(p string) string {
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		i += n
		switch r {
		case '。', '！', '？':
			return p[:skipClosers(p, i)]
		case '.', '!', '?':
		default:
			continue
		}
		end := skipClosers(p, i)
		if end == len(p) {
			return p
		}
		if p[end] != ' ' || !startsSentence(p[end+1:]) {
			i = end
			continue
		}
		if r == '.' && end == i && isAbbrev(p[:i-1], p[end+1:]) {
			i = end
			continue
		}
		return p[:end]
	}
	return p
}

// skipClosers returns the index after any terminators, closing quotes and
// closing brackets at p[i:].
func skipClosers(p string, i int) int {
	for i < len(p) {
		r, n := utf8.DecodeRuneInString(p[i:])
		if !strings.ContainsRune(".!?\"'”’»)]」』）", r) {
			break
		}
		i += n
	}
	return i
}

// startsSentence reports whether s starts like a sentence: a letter that is
// not lower-case, a digit, or an opening quote or bracket.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return (unicode.IsLetter(r) && !unicode.IsLower(r)) || unicode.IsDigit(r) ||
		strings.ContainsRune("\"'“‘«([¿¡", r)
}

// isAbbrev reports whether the word at the end of before, followed by a
// dot, is an abbreviation that does not end the sentence, given the text
// after the dot and a space.
func isAbbrev(before, after string) bool {
	word := before[strings.LastIndexByte(before, ' ')+1:]
	word = strings.TrimLeft(word, "\"'“‘«([")
	if neverFinal[word] {
		return true
	}
	if !mayBeFinal[word] && !isInitials(word) {
		return false
	}
	next, _, _ := strings.Cut(after, " ")
	next = strings.TrimRight(next, ",;:")
	return !sentenceOpeners[next]
}

// isInitials reports whether w is one or more single letters separated by
// dots, the last dot left off: "J", "U.S", "a.m".
func isInitials(w string) bool {
	for i, part := range strings.Split(w, ".") {
		r, n := utf8.DecodeRuneInString(part)
		if n != len(part) || !unicode.IsLetter(r) {
			return false
		}
		if i == 0 && len(w) == n && !unicode.IsUpper(r) {
			return false // a lone lower-case letter is a word, not an initial
		}
	}
	return true
}
