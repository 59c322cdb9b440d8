package feed

import (
	"encoding/binary"
	"errors"
	"math"
	"time"
)

// errCorrupt is what a decoder reports for bytes it cannot read.
var errCorrupt = errors.New("corrupt cache")

// encoder appends values in a compact binary form: varints and
// length-prefixed strings. It is the build cache's format, chosen over gob
// because a warm build decodes tens of thousands of records.
type encoder struct{ b []byte }

func (e *encoder) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// time encodes t as seconds and nanoseconds in UTC, or a zero marker.
func (e *encoder) time(t time.Time) {
	if t.IsZero() {
		e.bool(false)
		return
	}
	e.bool(true)
	e.int(t.Unix())
	e.int(int64(t.Nanosecond()))
}

func (e *encoder) strs(v []string) {
	e.uint(uint64(len(v)))
	for _, s := range v {
		e.str(s)
	}
}

// decoder reads what encoder wrote. After the first error every read
// returns a zero value and err stays set.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() { d.err, d.b = errCorrupt, nil }

func (d *decoder) int() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) str() string {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) bool() bool {
	if len(d.b) == 0 || d.b[0] > 1 {
		d.fail()
		return false
	}
	v := d.b[0] == 1
	d.b = d.b[1:]
	return v
}

func (d *decoder) time() time.Time {
	if !d.bool() {
		return time.Time{}
	}
	sec, nsec := d.int(), d.int()
	if nsec < 0 || nsec >= 1e9 {
		d.fail()
		return time.Time{}
	}
	return time.Unix(sec, nsec).UTC()
}

// count reads a length that must fit in what is left (each item takes at
// least one byte).
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.b)) || n > math.MaxInt32 {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	v := make([]string, n)
	for i := range v {
		v[i] = d.str()
	}
	return v
}

// article encodes the metadata of a (everything but the body).
func (e *encoder) article(a *Article) {
	e.str(a.Path)
	e.str(string(a.Format))
	e.str(a.Slug)
	e.str(a.Filename)
	e.str(a.Section)
	e.str(a.Title)
	e.str(a.ID)
	e.str(a.URL)
	e.str(a.ExternalURL)
	e.time(a.Date)
	e.bool(a.DateOnly)
	e.time(a.Updated)
	e.time(a.PublishDate)
	e.time(a.ExpiryDate)
	e.bool(a.Draft)
	e.uint(uint64(len(a.Authors)))
	for _, p := range a.Authors {
		e.str(p.Name)
		e.str(p.Email)
		e.str(p.URL)
	}
	e.strs(a.Tags)
	e.strs(a.Categories)
	e.str(a.Summary)
	e.str(a.Image)
	e.bool(a.Enclosure != nil)
	if a.Enclosure != nil {
		e.str(a.Enclosure.URL)
		e.str(a.Enclosure.Type)
		e.int(a.Enclosure.Length)
	}
	e.str(a.Lang)
	e.int(int64(a.BodyLine))
	e.bool(a.FileDate)
	e.uint(uint64(len(a.Line)))
	for _, k := range sortedKeys(a.Line) {
		e.str(k)
		e.int(int64(a.Line[k]))
	}
}

// article decodes what encoder.article wrote.
func (d *decoder) article() *Article {
	a := &Article{}
	a.Path = d.str()
	a.Format = Format(d.str())
	a.Slug = d.str()
	a.Filename = d.str()
	a.Section = d.str()
	a.Title = d.str()
	a.ID = d.str()
	a.URL = d.str()
	a.ExternalURL = d.str()
	a.Date = d.time()
	a.DateOnly = d.bool()
	a.Updated = d.time()
	a.PublishDate = d.time()
	a.ExpiryDate = d.time()
	a.Draft = d.bool()
	if n := d.count(); n > 0 {
		a.Authors = make([]Person, n)
		for i := range a.Authors {
			a.Authors[i] = Person{Name: d.str(), Email: d.str(), URL: d.str()}
		}
	}
	a.Tags = d.strs()
	a.Categories = d.strs()
	a.Summary = d.str()
	a.Image = d.str()
	if d.bool() {
		a.Enclosure = &Enclosure{URL: d.str(), Type: d.str(), Length: d.int()}
	}
	a.Lang = d.str()
	a.BodyLine = int(d.int())
	a.FileDate = d.bool()
	if n := d.count(); n > 0 {
		a.Line = make(map[string]int, n)
		for range n {
			k := d.str()
			a.Line[k] = int(d.int())
		}
	}
	return a
}
