package feed

import (
	"bytes"
	"strings"

	"github.com/gorilla/feeds"
)

// xmlText is element content written as given: the text is escaped by
// escapeText before it is stored, never by encoding/xml.
type xmlText struct {
	Inner string `xml:",innerxml"`
}

// textElem returns plain text s as element content. The markup characters
// <, > and & are written as hexadecimal character references (&#x3C;,
// &#x3E;, &#x26;): readers decode them to the same text, and the W3C
// validator, which warns about "&lt;" followed by a letter in titles as
// possible HTML, accepts them.
func textElem(s string) xmlText {
	return xmlText{escapeText(s)}
}

var textEscaper = strings.NewReplacer("&", "&#x26;", "<", "&#x3C;", ">", "&#x3E;", "\r", "&#xD;")

// escapeText escapes s for XML character data.
func escapeText(s string) string { return textEscaper.Replace(CleanText(s)) }

// marshalXML serializes an XML feed through gorilla/feeds and returns it
// with the XML declaration on a line of its own and a final newline.
func marshalXML(f feeds.XmlFeed) ([]byte, error) {
	var b bytes.Buffer
	if err := feeds.WriteXML(f, &b); err != nil {
		return nil, err
	}
	out := b.Bytes()
	if i := bytes.Index(out, []byte("?>")); i >= 0 && bytes.HasPrefix(out, []byte("<?xml")) {
		out = append(out[:i+2:i+2], append([]byte("\n"), out[i+2:]...)...)
	}
	return append(out, '\n'), nil
}

// nsDC is the Dublin Core namespace, for dc:creator. The Atom and content
// namespaces are declared with the checker's.
const nsDC = "http://purl.org/dc/elements/1.1/"
