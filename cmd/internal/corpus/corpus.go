// Package corpus generates synthetic article folders for benchmarking
// feedgen against other feed generators.
//
// A corpus is a deterministic function of its size and seed: the same
// (n, seed) always yields the same file names and bytes, on every machine,
// because each article draws from its own PCG source seeded from (seed, index)
// and nothing reads the clock. About 90% of the articles are Markdown files
// (.md, 2–8 KB) with YAML front matter; the rest are plain-text news-wire
// files (.txt) whose first line is "date YYYY-MM-DD " followed by a
// "CITY – " dateline. About 1% of all articles are Markdown drafts and about
// 1% are dated after Reference, so a generator must skip them.
package corpus

import (
	"bytes"
	"fmt"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Reference is the fixed "now" of every corpus: published articles are dated
// before it and future articles at least a year after it, so they stay in
// the future for tools that read the real clock for years to come.
var Reference = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// Size limits of a generated file, in bytes.
const (
	MinSize = 2 << 10
	MaxSize = 8 << 10
)

// Fractions of the mix, as probabilities per article.
const (
	TextFraction   = 0.10 // plain-text news-wire articles
	DraftFraction  = 0.01 // Markdown articles with draft: true
	FutureFraction = 0.01 // articles dated after Reference
)

// Files returns the n articles of the corpus for seed, in order. Each name
// is a slash-separated path relative to the corpus root, such as
// "posts/2024-03-01-quiet-harbor-lights-2s.md" or "news/2023/wire-k1.txt".
// Every name is distinct. The data slices are not reused.
func Files(n int, seed int64) iter.Seq2[string, []byte] {
	return func(yield func(string, []byte) bool) {
		for i := range n {
			if !yield(Article(seed, i)) {
				return
			}
		}
	}
}

// Write generates the corpus of n articles for seed under dir, creating dir
// and its section folders as needed and overwriting files of the same name.
// It writes on all cores; the result does not depend on their number.
func Write(dir string, n int, seed int64) error {
	if n < 0 {
		return fmt.Errorf("corpus: negative article count %d", n)
	}
	workers := min(runtime.GOMAXPROCS(0), max(n, 1))
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		made     = map[string]bool{}
	)
	mkdir := func(d string) error {
		mu.Lock()
		defer mu.Unlock()
		if made[d] {
			return nil
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		made[d] = true
		return nil
	}
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				name, data := Article(seed, i)
				path := filepath.Join(dir, filepath.FromSlash(name))
				err := mkdir(filepath.Dir(path))
				if err == nil {
					err = os.WriteFile(path, data, 0o644)
				}
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = fmt.Errorf("corpus: %w", err)
					}
					mu.Unlock()
					return
				}
			}
		})
	}
	wg.Wait()
	return firstErr
}

// Article returns the name and bytes of article i of the corpus for seed.
// It depends only on (seed, i), not on the corpus size.
func Article(seed int64, i int) (name string, data []byte) {
	g := &gen{r: rand.New(rand.NewPCG(uint64(seed), uint64(i)*0x9e3779b97f4a7c15+1))}
	g.buf.Grow(MaxSize)
	kind := g.r.Float64()
	future := g.r.Float64() < FutureFraction
	date := g.date(future)
	id := strconv.FormatInt(int64(i), 36)
	if kind < TextFraction {
		g.text(date)
		return fmt.Sprintf("news/%d/wire-%s-%s.txt", date.Year(), g.slug(2), id), g.buf.Bytes()
	}
	title, slug := g.title()
	g.markdown(title, date, g.r.Float64() < DraftFraction/(1-TextFraction))
	dir := pick(g.r, sections)
	if dir == "news/" {
		dir += strconv.Itoa(date.Year()) + "/"
	}
	file := slug + "-" + id + ".md"
	if g.r.IntN(10) < 6 {
		file = date.Format(time.DateOnly) + "-" + file
	}
	return dir + file, g.buf.Bytes()
}

// sections are the folders Markdown articles land in; "" is the top level
// and "news/" gets a year folder. Repeats weight the choice.
var sections = []string{"posts/", "posts/", "posts/", "posts/", "notes/", "notes/", "news/", "news/", "news/", ""}

// gen builds one article into buf from its own random source.
type gen struct {
	r   *rand.Rand
	buf bytes.Buffer
}

// date returns a publication instant: between 2015 and Reference for
// published articles, one to four years after Reference for future ones.
func (g *gen) date(future bool) time.Time {
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	span := Reference.Sub(start)
	if future {
		start, span = Reference.AddDate(1, 0, 0), 3*365*24*time.Hour
	}
	return start.Add(time.Duration(g.r.Int64N(int64(span/time.Minute))) * time.Minute)
}

// text writes a news-wire article in the shape of the shared samples.
func (g *gen) text(date time.Time) {
	target := MinSize + g.r.IntN(MaxSize-MinSize-1024)
	if g.r.IntN(3) == 0 {
		g.buf.WriteByte(' ') // the samples start with a space
	}
	fmt.Fprintf(&g.buf, "date %s %s – ", date.Format(time.DateOnly), pick(g.r, cities))
	for first := true; g.buf.Len() < target; first = false {
		start := g.buf.Len()
		if !first {
			g.buf.WriteString("\n\n")
		}
		for range 1 + g.r.IntN(4) {
			if g.r.IntN(5) == 0 {
				fmt.Fprintf(&g.buf, "“%s,” %s %s. ", strings.TrimSuffix(g.sentence(), "."), pick(g.r, wireNames), pick(g.r, []string{"said", "told reporters", "added", "stressed"}))
			} else {
				g.buf.WriteString(g.sentence())
				g.buf.WriteByte(' ')
			}
		}
		trimSpace(&g.buf)
		if g.buf.Len() > MaxSize-8 { // too long a paragraph: drop it
			g.buf.Truncate(start)
			break
		}
	}
	g.buf.WriteString(strings.Repeat("\n", 1+g.r.IntN(4)))
}

// markdown writes a Markdown article with front matter.
func (g *gen) markdown(title string, date time.Time, draft bool) {
	b := &g.buf
	b.WriteString("---\n")
	if strings.ContainsAny(title, ":#'\"") || g.r.IntN(2) == 0 {
		fmt.Fprintf(b, "title: %s\n", strconv.Quote(title))
	} else {
		fmt.Fprintf(b, "title: %s\n", title)
	}
	fmt.Fprintf(b, "date: %s\n", g.dateText(date))
	if g.r.IntN(5) == 0 {
		fmt.Fprintf(b, "updated: %s\n", g.dateText(date.Add(time.Duration(1+g.r.IntN(400))*time.Hour*24)))
	}
	g.list("tags", g.tags())
	g.list("categories", distinct(g.r, categories, 1+g.r.IntN(2), nil))
	g.list("authors", distinct(g.r, authors, 1+g.r.IntN(10)/8, nil))
	if g.r.IntN(3) == 0 {
		if g.r.IntN(2) == 0 {
			fmt.Fprintf(b, "summary: %s\n", strconv.Quote(g.sentence()))
		} else {
			fmt.Fprintf(b, "summary: >-\n  %s\n  %s\n", g.sentence(), g.sentence())
		}
	}
	if draft {
		b.WriteString("draft: true\n")
	} else if g.r.IntN(20) == 0 {
		b.WriteString("draft: false\n")
	}
	b.WriteString("---\n\n")

	target := MinSize + 128 + g.r.IntN(MaxSize-MinSize-1024)
	for g.buf.Len() < target {
		start := b.Len()
		g.block()
		if b.Len() > MaxSize-64 { // too big a block: drop it and finish
			b.Truncate(start)
			break
		}
	}
	for b.Len() < MinSize {
		b.WriteString(g.sentence())
		b.WriteString("\n")
	}
	if bytes.Contains(b.Bytes(), []byte("][ref]")) {
		b.WriteString("\n[ref]: /about/#contact \"Contact\"\n")
	}
}

// dateText formats t as a front-matter date: date only, RFC 3339 in UTC,
// or RFC 3339 with an offset.
func (g *gen) dateText(t time.Time) string {
	switch g.r.IntN(3) {
	case 0:
		return t.Format(time.DateOnly)
	case 1:
		return t.Format(time.RFC3339)
	default:
		return t.In(time.FixedZone("", (g.r.IntN(25)-12)*3600)).Format(time.RFC3339)
	}
}

// list writes a front-matter list in flow or block style.
func (g *gen) list(key string, items []string) {
	b := &g.buf
	if g.r.IntN(2) == 0 {
		fmt.Fprintf(b, "%s: [%s]\n", key, strings.Join(items, ", "))
		return
	}
	fmt.Fprintf(b, "%s:\n", key)
	for _, it := range items {
		fmt.Fprintf(b, "  - %s\n", it)
	}
}

// tags picks one to five distinct tags with a Zipf-like frequency.
func (g *gen) tags() []string {
	z := rand.NewZipf(g.r, 1.2, 2, uint64(len(tagWords)-1))
	return distinct(g.r, tagWords, 1+g.r.IntN(5), func() int { return int(z.Uint64()) })
}

// title returns an article title and the ASCII slug derived from it.
func (g *gen) title() (title, slug string) {
	words := make([]string, 2+g.r.IntN(5))
	for i := range words {
		words[i] = pick(g.r, plainWords)
	}
	slug = strings.Join(words, "-")
	words[0] = strings.ToUpper(words[0][:1]) + words[0][1:]
	title = strings.Join(words, " ")
	switch g.r.IntN(8) {
	case 0:
		title += ": " + pick(g.r, foreignWords)
	case 1:
		title += " & " + pick(g.r, plainWords)
	case 2:
		title += " " + pick(g.r, emoji)
	case 3:
		title = pick(g.r, foreignWords) + " — " + title
	case 4:
		title += " <T> in #go"
	}
	return title, slug
}

// slug returns n random ASCII words joined by hyphens.
func (g *gen) slug(n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = pick(g.r, plainWords)
	}
	return strings.Join(words, "-")
}

// sentence returns one capitalized sentence of 6 to 22 words.
func (g *gen) sentence() string {
	n := 6 + g.r.IntN(17)
	var s strings.Builder
	for i := range n {
		w := pick(g.r, plainWords)
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			s.WriteByte(' ')
		}
		s.WriteString(w)
		if i > 1 && i < n-2 && g.r.IntN(9) == 0 {
			s.WriteByte(',')
		}
	}
	s.WriteByte('.')
	return s.String()
}

// inline returns a paragraph of prose with inline Markdown, links of every
// relative kind and non-ASCII text.
func (g *gen) inline() string {
	var s strings.Builder
	for range 2 + g.r.IntN(4) {
		s.WriteString(g.sentence())
		s.WriteByte(' ')
		switch g.r.IntN(9) {
		case 0:
			fmt.Fprintf(&s, "See [%s](%s) for more. ", pick(g.r, plainWords), pick(g.r, links))
		case 1:
			fmt.Fprintf(&s, "It uses **%s** and *%s* with `%s()`. ", pick(g.r, plainWords), pick(g.r, plainWords), pick(g.r, plainWords))
		case 2:
			s.WriteString(pick(g.r, foreignText))
			s.WriteByte(' ')
		case 3:
			fmt.Fprintf(&s, "Read <a href=\"%s\" title=\"%s\">this</a> or <https://example.com/%s>. ", pick(g.r, links), pick(g.r, foreignWords), pick(g.r, plainWords))
		case 4:
			fmt.Fprintf(&s, "Compare [the notes][ref] and ![%s](%s). ", pick(g.r, plainWords), pick(g.r, images))
		case 5:
			s.WriteString(pick(g.r, emoji) + " ")
		}
	}
	return strings.TrimSuffix(s.String(), " ")
}

// block appends one Markdown block and a blank line.
func (g *gen) block() {
	b := &g.buf
	switch k := g.r.IntN(20); {
	case k < 7:
		b.WriteString(g.inline())
	case k < 9:
		fmt.Fprintf(b, "%s %s", strings.Repeat("#", 2+g.r.IntN(3)), strings.TrimSuffix(g.sentence(), "."))
	case k < 11:
		marker := pick(g.r, []string{"-", "*", "1."})
		for i := range 2 + g.r.IntN(5) {
			if i > 0 {
				b.WriteByte('\n')
			}
			fmt.Fprintf(b, "%s %s", marker, strings.TrimSuffix(g.sentence(), "."))
			if g.r.IntN(4) == 0 {
				fmt.Fprintf(b, "\n   - [%s](%s)", pick(g.r, foreignWords), pick(g.r, links))
			}
		}
	case k < 12:
		lang := pick(g.r, []string{"go", "js", "sh", "yaml", "html", ""})
		fmt.Fprintf(b, "```%s\n%s```", lang, pick(g.r, code))
	case k < 13:
		fmt.Fprintf(b, "> %s\n>\n> — %s", g.sentence(), pick(g.r, authors))
	case k < 14:
		b.WriteString("| Name | Value | Note |\n|------|------:|:----:|\n")
		for range 2 + g.r.IntN(4) {
			fmt.Fprintf(b, "| %s | %d | %s |\n", pick(g.r, plainWords), g.r.IntN(10000), pick(g.r, foreignWords))
		}
		b.Truncate(b.Len() - 1)
	case k < 15:
		name := g.slug(1)
		fmt.Fprintf(b, "<figure>\n  <img src=\"%[1]s.jpg\" srcset=\"%[1]s-480.jpg 480w, /media/%[1]s-960.jpg 960w, ../%[1]s-2x.jpg 2x\" sizes=\"(max-width: 600px) 480px, 960px\" alt=\"%[2]s\" loading=\"lazy\">\n  <figcaption>%[3]s</figcaption>\n</figure>", name, pick(g.r, foreignWords), strings.TrimSuffix(g.sentence(), "."))
	case k < 16:
		b.WriteString(pick(g.r, rawHTML))
	case k < 17:
		fmt.Fprintf(b, "<p dir=\"rtl\" lang=\"ar\">%s</p>\n\n%s", pick(g.r, rtlText), pick(g.r, foreignText))
	case k < 18:
		b.WriteString("***")
	default:
		fmt.Fprintf(b, "Links: [root](/%s/), [doc](%s.html), [up](../%s/), [fragment](#%s), [proto](//cdn.example.net/%s.js), [absolute](https://www.example.org/%s?a=1&b=2), [query](?page=2), [dot](./%s/).",
			g.slug(1), g.slug(1), g.slug(1), g.slug(1), g.slug(1), g.slug(1), g.slug(1))
	}
	b.WriteString("\n\n")
}

// trimSpace removes trailing spaces from b.
func trimSpace(b *bytes.Buffer) {
	for b.Len() > 0 && b.Bytes()[b.Len()-1] == ' ' {
		b.Truncate(b.Len() - 1)
	}
}

// pick returns a uniformly chosen element of list.
func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// distinct returns n distinct elements of list, drawing indexes from next
// (uniform when next is nil).
func distinct(r *rand.Rand, list []string, n int, next func() int) []string {
	if next == nil {
		next = func() int { return r.IntN(len(list)) }
	}
	out := make([]string, 0, n)
	seen := map[int]bool{}
	for len(out) < n {
		i := next()
		if !seen[i] {
			seen[i] = true
			out = append(out, list[i])
		}
	}
	return out
}
