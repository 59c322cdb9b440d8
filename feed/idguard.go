package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
)

// oldItem is what the id guard needs of a previously published item.
type oldItem struct {
	ID, Title, Content string
}

// readOldItems reads the items of a feed file in any of the three formats.
// It returns nil for bytes it cannot read: the guard then has nothing to
// compare with.
func readOldItems(data []byte) []oldItem {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return nil
	}
	var items []oldItem
	if data[0] == '{' {
		var f struct {
			Items []struct {
				ID          string `json:"id"`
				Title       string `json:"title"`
				ContentHTML string `json:"content_html"`
				ContentText string `json:"content_text"`
			} `json:"items"`
		}
		if json.Unmarshal(data, &f) != nil {
			return nil
		}
		for _, it := range f.Items {
			items = append(items, oldItem{it.ID, it.Title, it.ContentHTML + it.ContentText})
		}
		return items
	}
	var x struct {
		XMLName xml.Name
		Items   []struct {
			GUID    string `xml:"guid"`
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Encoded string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			Content string `xml:"content"`
		} `xml:"channel>item"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Content string `xml:"content"`
		} `xml:"entry"`
	}
	if xml.Unmarshal(data, &x) != nil {
		return nil
	}
	for _, it := range x.Items {
		items = append(items, oldItem{it.GUID, it.Title, it.Encoded})
	}
	for _, e := range x.Entries {
		items = append(items, oldItem{e.ID, e.Title, e.Content})
	}
	return items
}

// oldJSONIDs returns the item ids of a JSON Feed, decoding nothing else.
func oldJSONIDs(data []byte) ([]string, bool) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return nil, false
	}
	var f struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	if json.Unmarshal(data, &f) != nil {
		return nil, false
	}
	ids := make([]string, len(f.Items))
	for i, it := range f.Items {
		ids[i] = it.ID
	}
	return ids, true
}

// GuardIDs compares a feed as it was published before (old, its bytes) with
// the same feed as built now. Where an old id disappears and an item with
// the same title or the same content appears under a new id, readers would
// show the article again as new: GuardIDs warns, naming the article, both
// ids and the fix.
func GuardIDs(old []byte, set *FeedSet) Diagnostics {
	newIDs := make(map[string]bool, len(set.Items))
	for _, it := range set.Items {
		newIDs[it.ID] = true
	}
	// The common case: every old id is still there. JSON Feeds tell
	// cheaply; only when an id went is the old feed read whole.
	if ids, ok := oldJSONIDs(old); ok {
		gone := false
		for _, id := range ids {
			gone = gone || !newIDs[id]
		}
		if !gone {
			return nil
		}
	}
	prev := readOldItems(old)
	if len(prev) == 0 {
		return nil
	}
	oldIDs := make(map[string]bool, len(prev))
	var gone []oldItem
	for _, o := range prev {
		oldIDs[o.ID] = true
		if !newIDs[o.ID] {
			gone = append(gone, o)
		}
	}
	var diags Diagnostics
	for _, it := range set.Items {
		if oldIDs[it.ID] {
			continue
		}
		for _, o := range gone {
			same := ""
			switch {
			case o.Title != "" && o.Title == it.Title:
				same = "title"
			case o.Content != "" && o.Content == it.content:
				same = "content"
			default:
				continue
			}
			a := it.Article
			line := a.Line["id"]
			if line == 0 && a.Format == FormatMarkdown {
				line = 1
			}
			diags = append(diags, warnf(a.Path, line,
				"id changed from %q to %q (same %s as before): feed readers will show this article again as new; to keep the old id, add to its front matter: id: %s",
				o.ID, it.ID, same, yamlScalar(o.ID)))
			break
		}
	}
	return diags
}

// yamlScalar quotes s for a YAML value when it needs it.
func yamlScalar(s string) string {
	return fmt.Sprintf("%q", s)
}
