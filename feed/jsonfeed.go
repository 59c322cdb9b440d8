package feed

import (
	"bytes"
	"encoding/json"

	"github.com/gorilla/feeds"
)

// jsonFeed extends gorilla's JSONFeed: its items key is omitempty (the
// spec requires it), and its item type lacks language, the right
// banner_image and size_in_bytes keys. The outer fields shadow the embedded
// ones of the same JSON name.
type jsonFeed struct {
	*feeds.JSONFeed
	Items []*jsonItem `json:"items"`
}

// jsonItem extends gorilla's item with language and attachments.
type jsonItem struct {
	*feeds.JSONItem
	Language    string           `json:"language,omitempty"`
	Attachments []jsonAttachment `json:"attachments,omitempty"`
}

// jsonAttachment is an attachment with the spec's size_in_bytes key.
type jsonAttachment struct {
	URL      string `json:"url"`
	MIMEType string `json:"mime_type"`
	Size     int64  `json:"size_in_bytes,omitempty"`
}

// writeJSON renders fs as JSON Feed 1.1.
func (fs *FeedSet) writeJSON(cfg *Config) ([]byte, error) {
	f := &jsonFeed{
		JSONFeed: &feeds.JSONFeed{
			Version:     jsonFeedVersion,
			Title:       fs.Title,
			Language:    cfg.Language,
			HomePageUrl: fs.HomeURL,
			FeedUrl:     fs.link("json"),
			Description: fs.Description,
		},
		Items: []*jsonItem{},
	}
	if cfg.Icon != "" {
		f.Icon = cfg.Abs(cfg.Icon)
		f.Favicon = f.Icon
	}
	if cfg.Author.Name != "" {
		f.Authors = []*feeds.JSONAuthor{jsonAuthor(cfg, cfg.Author)}
	}
	if cfg.Hub != "" {
		f.Hubs = []*feeds.JSONHub{{Type: "WebSub", Url: cfg.Hub}}
	}
	for _, it := range fs.Items {
		f.Items = append(f.Items, jsonItemOf(cfg, it))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// jsonItemOf maps one item.
func jsonItemOf(cfg *Config, it *Item) *jsonItem {
	pub, upd := it.Published.UTC(), it.Updated.UTC()
	ji := &jsonItem{
		JSONItem: &feeds.JSONItem{
			Id:            it.ID,
			Url:           it.Link,
			Title:         it.Title,
			Summary:       it.Summary,
			PublishedDate: &pub,
			ModifiedDate:  &upd,
			Tags:          append(append([]string(nil), it.Article.Tags...), it.Article.Categories...),
		},
		Language: it.Article.Lang,
	}
	// An item needs content_html or content_text, and gorilla omits empty
	// strings: an item whose content is empty (summary-only config, or a
	// body that sanitizing emptied) carries its summary, else its title.
	if c := it.ContentHTML(cfg); c != "" {
		ji.ContentHTML = c
	} else {
		ji.ContentText = orDefault(it.Summary, it.Title)
	}
	if x := it.Article.ExternalURL; x != "" {
		ji.ExternalUrl = cfg.Abs(x)
	}
	if img := it.Article.Image; img != "" {
		ji.Image = it.mediaURL(cfg, img)
	}
	for _, p := range it.Authors {
		ji.Authors = append(ji.Authors, jsonAuthor(cfg, p))
	}
	if e := it.Article.Enclosure; e != nil {
		ji.Attachments = []jsonAttachment{{URL: it.mediaURL(cfg, e.URL), MIMEType: e.Type, Size: e.Length}}
	}
	return ji
}

// jsonAuthor maps a person; JSON Feed has no e-mail field.
func jsonAuthor(cfg *Config, p Person) *feeds.JSONAuthor {
	return &feeds.JSONAuthor{Name: CleanText(p.Name), Url: absOrEmpty(cfg, p.URL)}
}
