package feed

import "time"

// Format names an article's source format.
type Format string

// The article formats feedgen reads.
const (
	FormatMarkdown Format = "markdown"
	FormatText     Format = "text"
)

// Person is an author: a name, and optionally an e-mail address and a URL.
type Person struct {
	Name  string `yaml:"name" toml:"name"`
	Email string `yaml:"email" toml:"email"`
	URL   string `yaml:"url" toml:"url"`
}

// Enclosure is a media file attached to an article (a podcast episode, a
// download). Length is its size in bytes.
type Enclosure struct {
	URL    string
	Type   string
	Length int64
}

// Article is one parsed input file. Text fields are plain text and already
// cleaned of characters that XML forbids; ContentHTML is the rendered body
// before URLs are made absolute.
type Article struct {
	Path     string // slash path of the source file, as reported in messages
	Format   Format
	Slug     string // URL segment; from front matter or the file name
	Filename string // base file name without extension (and without a date prefix)
	Section  string // first folder under the articles folder, "" at its top

	Title       string
	ID          string    // explicit id from front matter; "" means derived
	URL         string    // explicit permalink override
	ExternalURL string    // link posts
	Date        time.Time // publish instant
	DateOnly    bool      // Date had no time of day
	Updated     time.Time // zero when never updated
	PublishDate time.Time // zero when not scheduled
	ExpiryDate  time.Time // zero when it never expires
	Draft       bool
	Authors     []Person
	Tags        []string
	Categories  []string
	Summary     string // plain text
	Image       string
	Enclosure   *Enclosure
	Lang        string

	ContentHTML string // rendered body HTML (relative URLs not yet resolved)

	// Body is the Markdown source after the front matter, with template
	// tags already handled (see ParseMarkdown); render it with
	// RenderMarkdown. It may share memory with the source passed to
	// ParseMarkdown.
	Body     []byte
	BodyLine int  // 1-based line of Body's first line in the file
	FileDate bool // Date came from the file name (2006-01-02-slug.md)

	// Line maps a front-matter field to the line of its value, for
	// messages. Keys are the lower-case field names: title, date, updated,
	// publishdate, expirydate, published, draft, author, authors, tags,
	// categories, taxonomies, summary, id, slug, url, external_url, image,
	// enclosure, lang (whichever alias was used).
	Line map[string]int
}
